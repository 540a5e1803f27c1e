"""What a newcomer met on the command line, each against the simulator or a loopback server.

The --json envelope of every command, success or not; the next step `submit` prints; the live line's
width where the terminal reports none; "did you mean" for commands, providers and options; what a
failed poll says while it is retried; what an Aryn 404 may mean; the CLI's imports are public names.
"""

from __future__ import annotations

import ast
import io
import json
import os
import pty
import re
import shlex
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import taskpoll
from taskpoll.cli import DEFAULT_COLUMNS, JSON_PAYLOAD, Progress, terminal_columns
from taskpoll.providers import get as get_provider
from taskpoll.simulator import Simulator, running, succeeded

from .loopback import Canned, canned_server
from .processes import cli
from .processes import run_cli as run
from .specs import ROOT

PDF = b"%PDF-1.7\n%%EOF\n"
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sim() -> Iterator[Simulator]:
    steps = {name: [succeeded(size=2)] for name in taskpoll.providers.names()}
    with Simulator(notion_poll_after=0.05, default_steps=steps) as s:
        yield s


@pytest.fixture
def keys(sim: Simulator, monkeypatch: pytest.MonkeyPatch) -> None:
    for provider in sim.providers:
        monkeypatch.setenv(get_provider(provider).key_env, sim.api_key(provider))


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(PDF)
    return path


# --json: one object per command, the same keys success or not, as the README's table says -----------


def readme_json_table() -> dict[str, str]:
    """command -> the key of its payload, from the README's `--json prints` table."""
    lines = README.splitlines()
    start = lines.index("| command | `--json` prints |")
    shapes = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        commands, shape = (cell.strip() for cell in line.strip("|").split("|", 1))
        (key,) = {k for k in re.findall(r'\{"(\w+)":', shape) if k not in ("provider",)}
        for command in re.findall(r"`(\w+)`", commands):
            shapes[command] = key
    return shapes


def test_the_readme_says_the_json_shape_of_every_command_that_has_json() -> None:
    from taskpoll.cli import build_parser

    parser = build_parser()
    with_json = {
        name
        for action in parser._subparsers._group_actions  # type: ignore[union-attr]
        for name, command in action.choices.items()
        if any("--json" in a.option_strings for a in command._actions)
    }
    documented = readme_json_table()
    assert set(documented) == with_json == {"get", "wait", "resume", "submit", "run", "list", "cancel"}
    assert documented == {command: JSON_PAYLOAD.get(command, "task") for command in with_json}


def test_the_readme_names_every_key_of_a_task_and_of_an_error(
    sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str]
) -> None:
    section = README[README.index("- TASK is `Task.to_dict()`") : README.index("| exit code | meaning |")]
    task_part, error_part = section.split("- ERROR is", 1)
    task_id = sim.create_task("notion", [running(polls=None, seconds=60, poll_after=0.05)])
    code, out, _ = run(
        capsys, "wait", "notion", task_id, "--timeout", "0.2", "--json", "--base-url", sim.base_url("notion")
    )
    data = json.loads(out)
    assert code == 3 and set(data) == {"task", "error"}
    for key in data["task"]:
        assert f"`{key}`" in task_part, key
    for key in data["error"]:
        assert f"`{key}`" in error_part, key
    assert taskpoll.Task.from_dict(data["task"]).id == task_id  # the README says Task.from_dict reads it back


def json_runs(sim: Simulator, report: Path) -> list[tuple[str, list[str], bool]]:
    """(command, argv, succeeds) for every command with --json: once that works, once that fails."""
    aryn = ["--base-url", sim.base_url("aryn")]
    done = sim.create_task("aryn", [succeeded(size=1)])
    token = taskpoll.Task(provider="aryn", id=done, state=taskpoll.TaskState.PENDING, status="202").token()
    return [
        ("get", ["get", "aryn", done, *aryn], True),
        ("get", ["get", "aryn", "no-such-task", *aryn], False),
        ("wait", ["wait", "aryn", done, *aryn], True),
        ("wait", ["wait", "aryn", "..", *aryn], False),
        ("resume", ["resume", token, *aryn], True),
        ("resume", ["resume", "tp1.damaged", *aryn], False),
        ("submit", ["submit", "aryn", str(report), *aryn], True),
        ("submit", ["submit", "aryn", "/no/such.pdf", *aryn], False),
        ("run", ["run", "aryn", str(report), *aryn], True),
        ("run", ["run", "notion", '{"parent": 1}', "--base-url", sim.base_url("notion")], False),
        ("list", ["list", "aryn", *aryn], True),
        ("list", ["list", "notion", "--base-url", sim.base_url("notion")], False),
        ("cancel", ["cancel", "aryn", sim.create_task("aryn", [running(polls=None, seconds=60)]), *aryn], True),
        ("cancel", ["cancel", "notion", "task_1", "--base-url", sim.base_url("notion")], False),
    ]


def test_every_command_prints_its_one_json_shape_success_or_not(
    sim: Simulator, keys: None, report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shapes = readme_json_table()
    for command, argv, succeeds in json_runs(sim, report):
        code, out, err = run(capsys, *argv, "--json")
        data = json.loads(out)
        key = shapes[command]
        assert set(data) == {key, "error"}, (argv, data)
        if succeeds:
            assert code == 0 and data["error"] is None and data[key] is not None, (argv, err)
        else:
            assert code != 0 and data["error"]["exit_code"] == code and data["error"]["type"].endswith("Error")
            assert err == f"taskpoll: {data['error']['message']}\n"
        if key == "tasks" and data[key] is not None:
            assert data[key] and all(set(t) == set(data[key][0]) and "token" in t for t in data[key])
        if key == "canceled" and data[key] is not None:
            assert data[key] == {"provider": "aryn", "id": argv[2]}


# submit and get: the next step is `taskpoll wait PROVIDER ID` -----------------------------------------


def test_submit_prints_the_wait_command_and_that_command_waits_on_the_task(
    sim: Simulator, keys: None, report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "submit", "aryn", str(report), "--base-url", sim.base_url("aryn"))
    assert code == 0, err
    first, wait_line = out.splitlines()
    task_id = first.split()[2]
    command = wait_line.split(None, 1)[1]
    assert wait_line.startswith("  wait      ") and "resume" not in out
    assert shlex.split(command) == ["taskpoll", "wait", "aryn", task_id, "--base-url", sim.base_url("aryn")]
    assert len(command) < 100  # not a 400-character token
    code, out, err = run(capsys, *shlex.split(command)[1:])
    assert code == 0 and out.startswith(f"aryn task {task_id} succeeded"), err


# The live line: 80 columns where the terminal reports no width -------------------------------------


def test_a_terminal_that_reports_no_width_gets_80_columns_not_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    main_fd, side_fd = pty.openpty()  # a pty nobody sized: 0 columns, as under some CI runners and `script`
    try:
        assert os.get_terminal_size(side_fd).columns == 0
        with open(side_fd, "w", encoding="utf-8", closefd=False) as stream:
            assert terminal_columns(stream) == DEFAULT_COLUMNS == 80
            monkeypatch.setenv("COLUMNS", "120")
            assert terminal_columns(stream) == 120
            monkeypatch.setenv("COLUMNS", "junk")
            assert terminal_columns(stream) == 80
            progress = Progress(stream)
            try:
                task = taskpoll.Task(
                    provider="unsiloed", id="job-1", state=taskpoll.TaskState.RUNNING, status="Processing"
                )
                progress.update(task)
            finally:
                progress.done()
        drawn = os.read(main_fd, 65536).decode()
    finally:
        os.close(main_fd)
        os.close(side_fd)
    lines = [part for part in drawn.replace("\x1b[2K", "").split("\r") if part.strip()]
    assert lines and lines[0].startswith("unsiloed task job-1 running (Processing)")
    assert all(len(line) <= 79 for line in lines)


# "Did you mean" for a mistyped command, provider or option -----------------------------------------


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (
            ["wait", "aryn", "x", "--timout", "5"],
            "unrecognized arguments: --timout 5 (--timout: did you mean --timeout?)",
        ),
        (["wait", "aryn", "x", "--timout=5"], "(--timout: did you mean --timeout?)"),
        (["list", "aryn", "--jsn"], "(--jsn: did you mean --json?)"),
        (["wait", "Aryn", "x"], "invalid choice: 'Aryn'"),
        (["wait", "Aryn", "x"], "did you mean 'aryn'?"),
        (["get", "UNSILOED", "x"], "did you mean 'unsiloed'?"),
        (["get", "aryne", "x"], "did you mean 'aryn'?"),
        (["wiat", "aryn", "x"], "did you mean 'wait'?"),
    ],
)
def test_a_mistyped_option_provider_or_command_gets_a_suggestion(argv: list[str], needle: str) -> None:
    result = cli(*argv, env={"ARYN_API_KEY": "k"})
    assert result.returncode == 2 and result.stdout == ""
    assert needle in result.stderr and "Traceback" not in result.stderr


def test_no_suggestion_where_nothing_is_close() -> None:
    result = cli("wait", "chunkr", "x")
    assert (
        result.returncode == 2 and "invalid choice: 'chunkr'" in result.stderr and "did you mean" not in result.stderr
    )


# A failed poll is said as it happens ---------------------------------------------------------------


def test_a_refused_connection_is_said_at_once_off_a_terminal_not_after_the_whole_failure_budget() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "taskpoll", "wait", "artos", "doc-1", "--base-url", f"http://127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "ARTOS_ACCESS_TOKEN": "k"},
    )
    try:
        assert process.stderr is not None
        note = process.stderr.readline()
        # Read while the wait still retries: its five retries back off over more than ten seconds.
        still_waiting = process.poll() is None
    finally:
        process.kill()
        process.communicate(timeout=10)
    assert still_waiting
    assert note.startswith("taskpoll: artos task 'doc-1': no answer (") and "refused" in note.lower()
    assert re.search(r"; retrying in \d+\.\d s \(.*the wait gives up after 5 retries in a row\)$", note.strip())


def test_the_first_transient_failure_gets_one_note_then_the_wait_goes_on_to_its_end(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("K", "k")
    ready = json.dumps({"task_id": "doc-1", "status": "Ready", "progress": 100}).encode()
    with canned_server() as server:
        server.answer_in_turn([Canned(503, b'{"detail": "busy"}'), Canned(502, b"{}"), Canned(200, ready)])
        code, out, err = run(capsys, "wait", "artos", "doc-1", "--base-url", server.base_url, "--api-key-env", "K")
    assert code == 0 and out.startswith("artos task doc-1 succeeded (Ready)")
    (note,) = err.splitlines()  # one note for the first failure, none for the second
    assert note.startswith("taskpoll: artos task 'doc-1': HTTP 503") and "retrying in" in note


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_live_line_says_what_failed_and_which_retry_comes() -> None:
    stream = _Terminal()
    progress = Progress(stream)
    progress.max_failures = 5
    try:
        refused = taskpoll.APIConnectionError(
            "no answer ([Errno 111] Connection refused)", provider="artos", task_id="doc-1"
        )
        for attempt in (1, 2):
            progress.poll(taskpoll.PollEvent("artos", "doc-1", attempt, 1.0, None, refused, 2.0, "transient failure"))
        text = progress.text(200)
        limited = taskpoll.RateLimitError("HTTP 429", provider="artos", task_id="doc-1", status_code=429)
        progress.poll(taskpoll.PollEvent("artos", "doc-1", 3, 3.0, None, limited, 7.0, "Retry-After"))
        after_429 = progress.text(200)
        seen = taskpoll.Task(provider="artos", id="doc-1", state=taskpoll.TaskState.RUNNING, status="Generating")
        progress.poll(taskpoll.PollEvent("artos", "doc-1", 4, 10.0, seen, None, 1.5, "backoff"))
        answered = progress.text(200)
    finally:
        progress.done()
    assert text.startswith("no answer ([Errno 111] Connection refused)") and "(retry 2 of 5)" in text
    assert "poll 3 in" in text
    assert "(Retry-After)" in after_429 and "retry 3" not in after_429  # a 429 spends no failure budget
    assert answered.startswith("artos task doc-1 running (Generating)") and "(backoff)" in answered
    assert "\n" not in stream.getvalue()  # no note on a terminal: the live line says it


# An Aryn 404: unknown, expired or cancelled ---------------------------------------------------------


def test_waiting_on_a_cancelled_aryn_task_says_what_the_404_may_mean_and_how_to_tell(
    sim: Simulator, keys: None, report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--base-url", sim.base_url("aryn")]
    task_id = sim.create_task("aryn", [running(polls=None, seconds=60)])
    code, _, err = run(capsys, "cancel", "aryn", task_id, *base)
    assert code == 0, err
    code, out, err = run(capsys, "wait", "aryn", task_id, *base)
    assert code == 4 and out == "" and err.count("\n") == 1
    assert "HTTP 404" in err and "not found: unknown, expired after 48 h, or cancelled" in err
    listing = re.search(r"`(taskpoll list aryn[^`]*)`", err)
    assert listing is not None
    code, out, _ = run(capsys, *shlex.split(listing.group(1))[1:], "--json")  # the command it names tells
    assert code == 0 and {t["id"]: t["state"] for t in json.loads(out)["tasks"]}[task_id] == "canceled"
    code, _, err = run(capsys, "cancel", "aryn", task_id, *base)
    assert code == 4 and "Aryn cancels a task once" in err


def test_a_404_of_another_provider_gets_no_aryn_hint(
    sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "get", "artos", "no-such-document", "--base-url", sim.base_url("artos"))
    assert code == 4 and "HTTP 404" in err and "48 h" not in err


# The CLI builds on the public API only ------------------------------------------------------------


@pytest.mark.parametrize("module", ["cli.py", "_demo.py"])
def test_the_cli_imports_no_module_the_core_rewrite_replaces(module: str) -> None:
    tree = ast.parse((ROOT / "src" / "taskpoll" / module).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not imported & {"_token", "_engine", "_step", "_drivers", "_http", "_spool"}, imported
