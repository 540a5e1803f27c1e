"""The `taskpoll` command line: submit, run, get, wait, resume, cancel, list, demo and simulate.

Exit codes: 0 the task succeeded (for `get`: the status was read and the task has not failed),
1 the task failed or was canceled, 2 usage or configuration error, 3 the wait timed out,
4 API or connection error, 5 an unexpected error (a bug). Errors print one line on stderr, never a
traceback. Whatever a server sent is printed escaped (no forged lines, no terminal escapes).
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import logging
import os
import re
import shlex
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, NoReturn, TextIO

from . import PollEvent, WaitState
from ._client import Client
from ._display import encodable, printable, strict_json, summarize, write_line
from ._errors import (
    ConfigurationError,
    InvalidTaskIdError,
    InvalidTokenError,
    NotFoundError,
    RateLimitError,
    TaskCanceledError,
    TaskFailedError,
    TaskpollError,
    UnsupportedOperationError,
    WaitTimeoutError,
)
from ._task import Task, TaskState
from ._version import __version__
from .providers import get as get_provider
from .providers import names

EXIT_OK, EXIT_TASK_FAILED, EXIT_USAGE, EXIT_TIMEOUT, EXIT_API, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5

EXIT_CODES_HELP = """\
exit codes:
  0  the task succeeded (get: the status was read and the task has not failed;
     submit: the provider accepted it; cancel, list: done)
  1  the task failed or was canceled
  2  usage or configuration error (unknown provider, missing key, bad id)
  3  the wait timed out (the task goes on; the message says how to resume)
  4  API or connection error (auth, not found, unreachable host, ...)
  5  unexpected error (a bug in taskpoll; the one line on stderr names it)
"""


def exit_code(error: BaseException) -> int:
    if isinstance(error, (ConfigurationError, InvalidTaskIdError, InvalidTokenError, UnsupportedOperationError)):
        return EXIT_USAGE
    if isinstance(error, WaitTimeoutError):
        return EXIT_TIMEOUT
    if isinstance(error, (TaskFailedError, TaskCanceledError)):
        return EXIT_TASK_FAILED
    return EXIT_API


# Output -------------------------------------------------------------------------------------------


def task_json(task: Task[Any]) -> dict[str, Any]:
    """A Task as plain JSON-able data (`Task.to_dict()`, the result through its generated model), with its token."""
    return {**task.to_dict(), "token": task.token()}


def command_line(words: list[str], args: argparse.Namespace | None) -> str:
    """`taskpoll WORDS...` against what this command talked to (same host, same key variable), shell-quoted."""
    words = ["taskpoll", *words]
    if args is not None:
        if getattr(args, "base_url", None):
            words += ["--base-url", args.base_url]
        if getattr(args, "api_key_env", None):
            words += ["--api-key-env", args.api_key_env]
        if getattr(args, "allow_insecure_http", False):
            words.append("--allow-insecure-http")
    return shlex.join(words)


def resume_command(token: str, args: argparse.Namespace | None) -> str:
    """The command that resumes this wait against what was waited on (same host, same key variable)."""
    return command_line(["resume", token], args)


def wait_command(task: Task[Any], args: argparse.Namespace | None) -> str:
    """The command that waits on this task: the next step after `submit` or `get`."""
    return command_line(["wait", task.provider, task.id], args)


def cli_words(message: str) -> str:
    """A configuration message as the command line says it: its options, not the Python arguments."""
    message = message.replace("pass api_key=...", "use --api-key-env VAR")
    return message.replace("pass base_url=...", "use --base-url URL")


def describe_task(task: Task[Any]) -> str:
    text = f"{task.provider} task {task.id} {task.state.value} ({task.status})"
    if task.progress is not None and not task.state.is_terminal:
        text += f" {task.progress:.0%}"
    return text


def print_task(task: Task[Any], out: TextIO, args: argparse.Namespace | None = None) -> None:
    """The Task as a few lines; each goes through `write_line`, so no server field can add a line."""
    write_line(describe_task(task), out)
    if task.error is not None:
        code = f" [{task.error.code}]" if task.error.code else ""
        write_line(f"  error     {task.error.message}{code}", out)
    if task.result is not None:
        write_line(f"  result    {summarize(task.result)}", out)
    for label, value in (("created", task.created_at), ("finished", task.finished_at)):
        if value is not None:
            write_line(f"  {label:<9} {value.isoformat()}", out)
    if task.poll_after is not None:
        write_line(f"  poll in   {task.poll_after:g} s (server's advice)", out)
    if not task.state.is_terminal:
        write_line(f"  wait      {wait_command(task, args)}", out)


DEFAULT_COLUMNS = 80  # shutil.get_terminal_size's fallback


def terminal_columns(stream: TextIO) -> int:
    """The width of the terminal `stream` writes to; where it reports none (0, as a pty nobody sized
    does), $COLUMNS; else 80 columns."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):  # not a real terminal (a test's stream, a closed fd)
        columns = 0
    if columns <= 0:
        try:
            columns = int(os.environ.get("COLUMNS", ""))
        except ValueError:
            columns = 0
    return columns if columns > 0 else DEFAULT_COLUMNS


class Progress:
    """One status line on a terminal, rewritten in place and ticking about twice a second (elapsed
    time, and the countdown to the next poll) so that a long backoff never looks hung. It fits the
    terminal's width, the state first. When stderr is not a terminal (or with --quiet) there is no
    live line, but the first transient failure of a wait (a refused connection, a 5xx, a 429) is
    said on one line at once, with what is retried and when, instead of silence until the end.
    """

    TICK = 0.5

    def __init__(self, stream: TextIO, *, quiet: bool = False) -> None:
        self.stream = stream
        self.live = not quiet and stream.isatty()
        self.started = time.monotonic()
        self.line = "waiting for the first answer"
        self.next_poll_at: float | None = None
        self.why = ""
        self.attempt = 0
        self.failures = 0  # consecutive failed polls (a 429 not counted: it spends no failure budget)
        self.max_failures: int | None = None  # the policy's max_consecutive_failures, once the client is made
        self.noted = False  # the first transient failure has been said (off a terminal)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        if self.live:
            self._ticker = threading.Thread(target=self._tick, name="taskpoll-progress", daemon=True)
            self._ticker.start()

    def update(self, task: Task[Any]) -> None:
        with self._lock:
            self.line = describe_task(task)
        self._draw()

    def poll(self, event: PollEvent) -> None:
        """A poll's outcome (the public `on_poll` callback): on a failure, what failed and what is retried."""
        note = None
        with self._lock:
            self.why = event.reason
            error = event.error
            if error is None:
                self.failures = 0
                if event.task is not None:  # answered again: the state line again (on_update fires on changes only)
                    self.line = describe_task(event.task)
            else:
                said = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
                self.line = said  # "no answer (... Connection refused)", "HTTP 503: ...": the state line's place
                if not isinstance(error, RateLimitError):  # a 429 is waited out and spends no failure budget
                    self.failures += 1
                    if self.max_failures is not None:
                        self.why = f"retry {self.failures} of {self.max_failures}"
                if not self.live and not self.noted:
                    self.noted = True
                    budget = ""
                    if self.max_failures is not None and not isinstance(error, RateLimitError):
                        budget = f"; the wait gives up after {self.max_failures} retries in a row"
                    note = f"taskpoll: {error}; retrying in {event.next_delay:.1f} s ({event.reason}{budget})"
            self.attempt = event.attempt
            self.next_poll_at = time.monotonic() + event.next_delay
        if note is not None:
            write_line(note, self.stream)
            self.stream.flush()
        self._draw()

    def _tick(self) -> None:
        while not self._stop.wait(self.TICK):
            self._draw()

    def text(self, width: int) -> str:
        """The line as it fits `width` columns: the state, then elapsed time, then the next poll."""
        with self._lock:
            now = time.monotonic()
            parts = [self.line, f"{now - self.started:.0f} s"]
            if self.next_poll_at is not None:
                parts.append(f"poll {self.attempt + 1} in {max(0.0, self.next_poll_at - now):.0f} s ({self.why})")
        text = printable("  ".join(parts))
        return text if len(text) <= width else text[: max(1, width - 1)] + "…"

    def _draw(self) -> None:
        if not self.live:
            return
        text = self.text(terminal_columns(self.stream) - 1)  # the last column left free: no line wrap
        with self._lock:
            self.stream.write("\r\x1b[2K" + encodable(text, self.stream))
            self.stream.flush()

    def done(self) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join(timeout=2.0)
        if self.live:
            with self._lock:
                self.stream.write("\r\x1b[2K")
                self.stream.flush()


# Commands -----------------------------------------------------------------------------------------


def make_client(provider: str, args: argparse.Namespace) -> Client[Any]:
    api_key = None
    if args.api_key_env:
        api_key = os.environ.get(args.api_key_env)
        if not api_key:
            raise ConfigurationError(f"--api-key-env {args.api_key_env}: that variable is not set", provider=provider)
    adapter = get_provider(provider)  # a name chosen at run time: typed Client[Any]
    return Client(adapter, api_key=api_key, base_url=args.base_url, allow_insecure_http=args.allow_insecure_http)


def not_found_hint(error: NotFoundError, args: argparse.Namespace) -> str:
    """What an Aryn 404 may mean. Aryn answers the same 404 `No such task.` for an id it never had, a task
    past its 48 h, and a task cancelled before (its SDK raises PartitionTaskNotFoundError for all three:
    aryn-ai/aryn-sdk@1822e2b0:aryn_sdk/client/partition.py:867-868, aryn-ai/docs@88820f02:
    sdk-reference/partition.mdx:221-222), so the answer cannot be read as canceled; its task list can."""
    if error.provider != "aryn":
        return ""
    if getattr(args, "command", None) == "cancel":
        return " (Aryn cancels a task once: a second cancel, an unknown id and an expired task are all 404)"
    listing = command_line(["list", "aryn"], args)
    return f" (not found: unknown, expired after 48 h, or cancelled — `{listing}` shows which)"


# What each command prints with --json: one object, the same keys success or not (README "Command line").
JSON_PAYLOAD = {"list": "tasks", "cancel": "canceled"}  # every other command: "task"


def report_error(error: TaskpollError, args: argparse.Namespace) -> int:
    code = exit_code(error)
    task = getattr(error, "task", None)
    message = cli_words(str(error)) if isinstance(error, ConfigurationError) else str(error)
    if isinstance(error, WaitTimeoutError):
        message += f"; resume with: {resume_command(error.token, args)}"
    if isinstance(error, NotFoundError):
        message += not_found_hint(error, args)
    write_line(f"taskpoll: {message}", sys.stderr)
    if getattr(args, "json", False):
        error_json = {
            "type": type(error).__name__,
            "message": message,
            "exit_code": code,
            "status_code": getattr(error, "status_code", None),
            "token": getattr(error, "token", None),
        }
        key = JSON_PAYLOAD.get(args.command, "task")
        payload = task_json(task) if key == "task" and task is not None else None
        print(strict_json({key: payload, "error": error_json}))
    return code


def run_task_command(
    args: argparse.Namespace, action: Callable[[Client[Any], Progress], Task[Any]], provider: str
) -> int:
    progress = Progress(sys.stderr, quiet=getattr(args, "quiet", False))
    try:
        with make_client(provider, args) as client:
            progress.max_failures = client.policy.max_consecutive_failures
            task = action(client, progress)
    except TaskpollError as error:
        progress.done()
        return report_error(error, args)
    progress.done()
    if args.json:
        print(strict_json({"task": task_json(task), "error": None}))  # one shape, success or not
    else:
        print_task(task, sys.stdout, args)
    return EXIT_TASK_FAILED if task.state in (TaskState.FAILED, TaskState.CANCELED) else EXIT_OK


def cmd_get(args: argparse.Namespace) -> int:
    return run_task_command(args, lambda client, _: client.get(args.task_id), args.provider)


def cmd_wait(args: argparse.Namespace) -> int:
    def wait(client: Client[Any], progress: Progress) -> Task[Any]:
        return client.wait(
            args.task_id, timeout=args.timeout, raise_on_failure=False, on_update=progress.update, on_poll=progress.poll
        )

    return run_task_command(args, wait, args.provider)


# Providers whose work is a document to upload (INPUT is its path); the others take a JSON body.
DOCUMENT_PROVIDERS = ("aryn", "unsiloed")


def _json_text(text: str, what: str) -> Any:
    """JSON given on the command line: the text itself, `@path` to a file, or `-` for stdin."""
    source = text
    try:
        if text == "-":
            source = sys.stdin.read()
        elif text.startswith("@"):
            with open(text[1:], encoding="utf-8") as handle:
                source = handle.read()
    except OSError as exc:
        raise ConfigurationError(f"{what}: {text[1:]!r} cannot be read ({exc.strerror or exc})") from None
    try:
        return json.loads(source)
    except ValueError as exc:
        raise ConfigurationError(f"{what} is not JSON ({exc})") from None


def submit_arguments(args: argparse.Namespace) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """What `client.submit` takes for this provider, from the command line (checked before anything is sent)."""
    provider = args.provider
    kwargs: dict[str, Any] = {}
    if args.webhook_url is not None:
        if provider != "aryn":
            raise ConfigurationError("--webhook-url is Aryn's (its X-Aryn-Webhook header)", provider=provider)
        kwargs["webhook_url"] = args.webhook_url
    if args.page_id is not None and provider != "notion":
        raise ConfigurationError("--page-id is Notion's (update a page's Markdown)", provider=provider)
    if provider in DOCUMENT_PROVIDERS:
        if args.options is not None:
            kwargs["options"] = _json_text(args.options, "--options")
        if args.url is not None:
            kwargs["file_url" if provider == "aryn" else "url"] = args.url
        if args.input is not None and args.url is not None:
            raise ConfigurationError("give a file or --url, not both", provider=provider)
        if args.input is None and args.url is None:
            raise ConfigurationError("give the document's path (or --url URL)", provider=provider)
        return ((args.input,) if args.input is not None else ()), kwargs
    if args.url is not None or args.options is not None:
        raise ConfigurationError(
            f"{provider} takes its request as a JSON body (INPUT), not --url/--options", provider=provider
        )
    if args.input is None:
        raise ConfigurationError(f"give the {provider} request as JSON: the text, @file.json or -", provider=provider)
    if args.page_id is not None:
        kwargs["page_id"] = args.page_id
    return (_json_text(args.input, "the request"),), kwargs


def cmd_submit(args: argparse.Namespace) -> int:
    def submit(client: Client[Any], progress: Progress) -> Task[Any]:
        call_args, kwargs = submit_arguments(args)
        return client.submit(*call_args, **kwargs)

    return run_task_command(args, submit, args.provider)


def cmd_run(args: argparse.Namespace) -> int:
    def run(client: Client[Any], progress: Progress) -> Task[Any]:
        call_args, kwargs = submit_arguments(args)
        return client.run(
            *call_args,
            timeout=args.timeout,
            raise_on_failure=False,
            on_update=progress.update,
            on_poll=progress.poll,
            **kwargs,
        )

    return run_task_command(args, run, args.provider)


def cmd_cancel(args: argparse.Namespace) -> int:
    try:
        with make_client(args.provider, args) as client:
            client.cancel(args.task_id)
    except TaskpollError as error:
        return report_error(error, args)
    if args.json:
        print(strict_json({"canceled": {"provider": args.provider, "id": args.task_id}, "error": None}))
    else:
        write_line(
            f"{args.provider} task {args.task_id}: cancel requested (its next status says when it stopped)", sys.stdout
        )
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    try:
        with make_client(args.provider, args) as client:
            tasks = client.list_tasks()
    except TaskpollError as error:
        return report_error(error, args)
    if args.json:
        print(strict_json({"tasks": [task_json(task) for task in tasks], "error": None}))
    else:
        for task in tasks:
            write_line(describe_task(task), sys.stdout)
    return EXIT_OK


def cmd_resume(args: argparse.Namespace) -> int:
    try:
        provider = WaitState.from_token(args.token).provider
        get_provider(provider)
    except TaskpollError as error:
        return report_error(error, args)

    def resume(client: Client[Any], progress: Progress) -> Task[Any]:
        return client.resume(
            args.token, timeout=args.timeout, raise_on_failure=False, on_update=progress.update, on_poll=progress.poll
        )

    return run_task_command(args, resume, provider)


def cmd_demo(args: argparse.Namespace) -> int:
    from ._demo import run_demo

    try:
        return run_demo(sys.stdout)
    except ImportError as exc:  # the simulator extra is missing: say how to install it
        print(f"taskpoll demo: {exc}", file=sys.stderr)
        return EXIT_USAGE


def cmd_simulate(args: argparse.Namespace) -> int:
    from .simulator import ScenarioError, Simulator

    try:
        sim = Simulator(
            seed=args.seed,
            faults=args.fault,
            notion_poll_after=args.notion_poll_after,
            rate_limits=dict(args.rate_limit),
            host=args.host,
            port=args.port,
        )
        sim.start()
    except (ScenarioError, OSError, RuntimeError, ImportError) as exc:
        print(f"taskpoll simulate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"taskpoll simulator on {sim.url} (Ctrl-C to stop)")
    for provider in sim.providers:
        print(f"  {provider:<9} base URL {sim.base_url(provider):<36} key {sim.api_key(provider)}")
    print(f"  control   POST {sim.url}/_simulator/tasks, GET {sim.url}/_simulator/requests")
    sys.stdout.flush()
    previous: dict[int, Any] = {}
    try:
        previous = _stop_on_signals()
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("stopped")
    finally:
        sim.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return EXIT_OK


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _stop_on_signals() -> dict[int, Any]:
    """Make Ctrl-C and SIGTERM stop the server, even where the parent started us with SIGINT ignored
    (as a non-interactive shell does for a command run with `&`). Returns the handlers replaced."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {signum: signal.signal(signum, _interrupt) for signum in (signal.SIGINT, signal.SIGTERM)}


# Arguments ----------------------------------------------------------------------------------------


def _fault(text: str) -> Any:
    from .simulator import FAULT_KINDS, Fault, ScenarioError

    kind, _, rate = text.partition(":")
    try:
        return Fault(kind, rate=float(rate or 0.1))  # type: ignore[arg-type]  # checked by Fault itself
    except (ScenarioError, ValueError) as exc:
        raise argparse.ArgumentTypeError(f"{exc} (faults: {', '.join(FAULT_KINDS)})") from None


def _rate_limit(text: str) -> tuple[str, float]:
    provider, _, rate = text.partition("=")
    try:
        return provider, float(rate)
    except ValueError:
        raise argparse.ArgumentTypeError("use PROVIDER=REQUESTS_PER_SECOND, e.g. notion=3") from None


def _timeout(text: str) -> float | None:
    if text.lower() in ("none", "inf", "forever"):
        return None
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("the timeout must be above 0 seconds")
    return value


def suggest(word: str, choices: list[str]) -> str | None:
    """The choice `word` most likely meant (`--timout`: `--timeout`, `Aryn`: `aryn`), or None."""
    by_lower = {choice.lower(): choice for choice in choices}
    if word.lower() in by_lower:
        return by_lower[word.lower()]
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[close[0]] if close else None


_INVALID_CHOICE = re.compile(r"invalid choice: (?P<value>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")


class Parser(argparse.ArgumentParser):
    """argparse, with "did you mean" for a mistyped command, provider or option."""

    def error(self, message: str) -> NoReturn:
        found = _INVALID_CHOICE.search(message)
        if found is not None:
            value = ast.literal_eval(found.group("value"))
            choices = [str(c) for action in self._actions if action.choices for c in action.choices]
            meant = suggest(value, choices) if isinstance(value, str) else None
            if meant is not None:
                message += f"; did you mean {meant!r}?"
        super().error(message)

    def unrecognized(self, extras: list[str]) -> NoReturn:
        """Refuse arguments this (sub)command does not take, suggesting its option for each mistyped one."""
        options = [o for action in self._actions for o in action.option_strings if o.startswith("--")]
        hints = []
        for word in extras:
            name = word.split("=", 1)[0]
            meant = suggest(name, options) if name.startswith("-") else None
            if meant is not None:
                hints.append(f"{name}: did you mean {meant}?")
        self.error(f"unrecognized arguments: {' '.join(extras)}" + (f" ({'; '.join(hints)})" if hints else ""))


def build_parser() -> Parser:
    parser = Parser(
        prog="taskpoll",
        description="Poll the asynchronous tasks of Aryn DocParse, Artos, Veza, Unsiloed and Notion.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"taskpoll {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)

    client_options = Parser(add_help=False)
    client_options.add_argument("--json", action="store_true", help="print the Task (or the error) as JSON on stdout")
    loudness = client_options.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="no live status line; warnings only")
    loudness.add_argument(
        "-v", "--verbose", action="store_true", help="log every poll (taskpoll's DEBUG log) on stderr"
    )
    client_options.add_argument(
        "--api-key-env", metavar="VAR", help="read the key from this environment variable (default: the provider's own)"
    )
    client_options.add_argument("--base-url", metavar="URL", help="the provider's base URL (default: its API's)")
    client_options.add_argument(
        "--allow-insecure-http",
        action="store_true",
        help="allow sending the key over plain http to a non-loopback host",
    )
    providers = names()

    def client_command(name: str, help: str, *, waits: bool) -> argparse.ArgumentParser:
        """A command that talks to a provider: the client options, and --timeout if it waits."""
        command = commands.add_parser(
            name,
            parents=[client_options],
            help=help,
            epilog=EXIT_CODES_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if waits:
            command.add_argument(
                "--timeout",
                type=_timeout,
                default=600.0,
                metavar="SECONDS",
                help="give up after this long (default 600; 'none' waits forever)",
            )
        return command

    def task_command(name: str, help: str, *, waits: bool) -> argparse.ArgumentParser:
        """A command about one task: PROVIDER TASK_ID."""
        command = client_command(name, help, waits=waits)
        command.add_argument("provider", choices=providers, metavar="PROVIDER", help=", ".join(providers))
        command.add_argument("task_id", metavar="TASK_ID")
        return command

    task_command("get", "read a task's status once", waits=False).set_defaults(run=cmd_get)
    wait = task_command("wait", "poll a task until it is done", waits=True)
    wait.set_defaults(run=cmd_wait)

    def submit_command(name: str, help_text: str, *, waits: bool) -> argparse.ArgumentParser:
        command = client_command(name, help_text, waits=waits)
        command.description = (
            help_text + ". INPUT is the document's path for aryn and unsiloed, and the request "
            "as JSON (the text, @file.json, or - for stdin) for artos, veza and notion."
        )
        command.add_argument("provider", choices=providers, metavar="PROVIDER", help=", ".join(providers))
        command.add_argument("input", nargs="?", metavar="INPUT", help="a document's path, or the request as JSON")
        command.add_argument("--url", metavar="URL", help="aryn, unsiloed: the document's URL instead of a file")
        command.add_argument(
            "--options", metavar="JSON", help="aryn, unsiloed: the partition/parse options as JSON (or @file.json)"
        )
        command.add_argument("--webhook-url", metavar="URL", help="aryn: the URL Aryn calls when the task stops")
        command.add_argument("--page-id", metavar="ID", help="notion: update this page's Markdown (INPUT: the update)")
        return command

    submit_command("submit", "start a task and print it, without waiting", waits=False).set_defaults(run=cmd_submit)
    run = submit_command("run", "start a task and wait until it is done (--timeout includes the submit)", waits=True)
    run.set_defaults(run=cmd_run)
    task_command("cancel", "ask the provider to cancel a task (aryn)", waits=False).set_defaults(run=cmd_cancel)
    listing = client_command("list", "list the account's tasks (aryn)", waits=False)
    listing.add_argument("provider", choices=providers, metavar="PROVIDER", help=", ".join(providers))
    listing.set_defaults(run=cmd_list)

    resume = client_command("resume", "carry on waiting from a resume token", waits=True)
    resume.add_argument("token", metavar="TOKEN", help="from a timed-out wait, or Task.token()")
    resume.set_defaults(run=cmd_resume)

    demo = commands.add_parser(
        "demo", help="submit and wait on tasks of all five providers against the local simulator"
    )
    demo.set_defaults(run=cmd_demo)

    simulate = commands.add_parser(
        "simulate",
        help="serve the local simulator of all five providers until interrupted",
        description="Serve a local, spec-faithful fake of all five providers until interrupted.",
    )
    simulate.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    simulate.add_argument("--port", type=int, default=8765, help="port to listen on (default 8765; 0: any free)")
    simulate.add_argument("--seed", type=int, default=0, help="seed for random faults (default 0)")
    repeatable: list[tuple[str, Callable[[str], object], str, str]] = [
        ("--fault", _fault, "KIND[:RATE]", "inject a fault into that share of status requests, e.g. rate_limit:0.1"),
        ("--rate-limit", _rate_limit, "PROVIDER=RPS", "answer 429 above this many requests per second, e.g. notion=3"),
    ]
    for flag, parse, metavar, help_text in repeatable:
        simulate.add_argument(
            flag, type=parse, action="append", default=[], metavar=metavar, help=f"{help_text} (repeatable)"
        )
    simulate.add_argument(
        "--notion-poll-after",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="poll_after_seconds sent for Notion tasks in progress (default 1.0)",
    )
    simulate.set_defaults(run=cmd_simulate)
    for command in commands.choices.values():
        command.set_defaults(parser=command)  # the command's own parser, for `unrecognized`
    return parser


class _StderrLog(logging.Handler):
    """taskpoll's log lines on whatever sys.stderr is now, escaped like every other line the CLI prints."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            write_line(f"taskpoll: {record.levelname.lower()}: {record.getMessage()}", sys.stderr)
        except Exception:  # a log line must never break the command
            self.handleError(record)


_LOG_HANDLER = _StderrLog()


def configure_logging(args: argparse.Namespace) -> None:
    """taskpoll's own log on stderr: WARNING by default, DEBUG (one line per poll) with --verbose."""
    logger = logging.getLogger("taskpoll")
    if _LOG_HANDLER not in logger.handlers:
        logger.addHandler(_LOG_HANDLER)
    _LOG_HANDLER.setLevel(logging.DEBUG if getattr(args, "verbose", False) else logging.WARNING)
    if getattr(args, "verbose", False):
        logger.setLevel(logging.DEBUG)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:  # what argparse's parse_args refuses, with the command's own options to suggest from
        command = getattr(args, "parser", None)
        (command if isinstance(command, Parser) else parser).unrecognized(extras)
    configure_logging(args)
    try:
        result: int = args.run(args)
    except KeyboardInterrupt:
        print("\ntaskpoll: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug must still be one line, not a traceback
        try:
            detail = f": {exc}"
        except Exception:  # an exception whose str() fails
            detail = ""
        write_line(f"taskpoll: unexpected {type(exc).__name__}{detail} (please report this)", sys.stderr)
        return EXIT_INTERNAL
    return result


if __name__ == "__main__":
    sys.exit(main())
