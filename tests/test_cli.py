"""The `taskpoll` command line against the simulator: exit codes, --json, one-line errors."""

from __future__ import annotations

import io
import json
import math
import os
import shlex
import socket
import subprocess
import sys
import time

import pytest

from taskpoll.providers import get as get_provider
from taskpoll.simulator import Simulator, canceled, failed, pending, running, succeeded

from .loopback import Canned, canned_server
from .processes import cli
from .processes import run_cli as run

pytestmark = pytest.mark.taskpoll_simulator(notion_poll_after=0.05)  # for the suite's `sim` (conftest.py)


@pytest.fixture
def keys(sim: Simulator, monkeypatch: pytest.MonkeyPatch) -> None:
    for provider in sim.providers:
        monkeypatch.setenv(get_provider(provider).key_env, sim.api_key(provider))


def test_get_prints_the_task_and_exits_0(sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str]) -> None:
    task_id = sim.create_task("artos", [running(progress=0.4)])
    code, out, err = run(capsys, "get", "artos", task_id, "--base-url", sim.base_url("artos"))
    assert code == 0 and err == ""
    assert f"artos task {task_id} running (Generating) 40%" in out
    assert f"wait      taskpoll wait artos {task_id} --base-url {sim.base_url('artos')}" in out


def test_wait_json_is_the_task_with_its_typed_result(
    sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str]
) -> None:
    task_id = sim.create_task("aryn", [pending(), succeeded(size=7)])
    code, out, err = run(capsys, "wait", "aryn", task_id, "--json", "--base-url", sim.base_url("aryn"))
    data = json.loads(out)["task"]
    assert code == 0 and err == "" and json.loads(out)["error"] is None
    assert (data["state"], data["status"], data["id"]) == ("succeeded", "200", task_id)
    assert len(data["result"]["elements"]) == 7 and data["token"].startswith("tp2.")


@pytest.mark.parametrize(
    ("provider", "steps", "state"),
    [("veza", [running(), failed(error="bad query")], "failed"), ("unsiloed", [canceled()], "canceled")],
)
def test_wait_exits_1_when_the_task_failed_or_was_canceled(
    sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str], provider: str, steps: list, state: str
) -> None:
    task_id = sim.create_task(provider, steps)
    code, out, _ = run(capsys, "wait", provider, task_id, "--json", "--base-url", sim.base_url(provider))
    assert code == 1 and json.loads(out)["task"]["state"] == state


def test_wait_timeout_exits_3_and_says_how_to_resume(
    sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str]
) -> None:
    task_id = sim.create_task("notion", [running(polls=None, seconds=1.0, poll_after=0.05), succeeded()])
    code, out, err = run(
        capsys, "wait", "notion", task_id, "--timeout", "0.3", "--json", "--base-url", sim.base_url("notion")
    )
    assert code == 3 and err.count("\n") == 1 and "resume with: taskpoll resume tp2." in err
    data = json.loads(out)
    assert data["error"]["type"] == "WaitTimeoutError" and data["task"]["state"] == "running"
    command = shlex.split(err.rsplit("resume with: ", 1)[1])  # the printed command resumes what was waited on
    assert command[:2] == ["taskpoll", "resume"] and command[3:] == ["--base-url", sim.base_url("notion")]
    code, out, _ = run(capsys, *command[1:])
    assert code == 0 and "succeeded" in out


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["wait", "artos", "no-such-document"], "HTTP 404"),
        (["get", "artos", "x", "--api-key-env", "WRONG_KEY"], "HTTP 401"),
    ],
)
def test_api_errors_exit_4_with_one_line(
    sim: Simulator,
    keys: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    needle: str,
) -> None:
    monkeypatch.setenv("WRONG_KEY", "not-the-key")
    code, out, err = run(capsys, *argv, "--base-url", sim.base_url("artos"))
    assert code == 4 and out == "" and err.startswith("taskpoll: artos task ") and needle in err
    assert err.count("\n") == 1 and "not-the-key" not in err


def test_unreachable_host_exits_4(keys: None, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _, err = run(capsys, "get", "artos", "doc-1", "--base-url", f"http://127.0.0.1:{port}")
    assert code == 4 and "no answer" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "env", "needle"),
    [
        (["wait", "chunkr", "x"], {}, "invalid choice: 'chunkr'"),
        (["get", "aryn", "x"], {"ARYN_API_KEY": ""}, "no API key for aryn: use --api-key-env VAR or set ARYN_API_KEY"),
        (["get", "aryn", ".."], {"ARYN_API_KEY": "k"}, "'..' is not a task id"),
        (["get", "veza", "x"], {"VEZA_API_KEY": "k", "VEZA_BASE_URL": ""}, "needs a base URL"),
        (["resume", "not-a-token"], {}, "not a taskpoll resume token"),
        (["wait", "aryn", "x", "--timeout", "soon"], {"ARYN_API_KEY": "k"}, "is not a number of seconds"),
        (["get", "aryn", "x", "--base-url", "http://example.com"], {"ARYN_API_KEY": "k"}, "plain http"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line_and_no_traceback(
    argv: list[str], env: dict[str, str], needle: str
) -> None:
    result = cli(*argv, env=env)
    assert result.returncode == 2, result.stderr
    assert needle in result.stderr and "Traceback" not in result.stderr and result.stdout == ""


def test_wait_is_quiet_when_stderr_is_not_a_terminal(sim: Simulator) -> None:
    task_id = sim.create_task("veza", [pending(), running(), succeeded()])
    result = cli("wait", "veza", task_id, "--base-url", sim.base_url("veza"), env={"VEZA_API_KEY": sim.api_key("veza")})
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith(f"veza task {task_id} succeeded (COMPLETE/SUCCEEDED)")


def test_help_lists_every_command_and_the_exit_codes() -> None:
    result = cli("--help")
    for word in ("get", "wait", "resume", "demo", "simulate", "exit codes:", "3  the wait timed out"):
        assert word in result.stdout
    assert "--api-key-env" in cli("wait", "--help").stdout


def test_demo_waits_on_all_five_providers_and_checks_every_outcome(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0, out
    summary = out.split("Summary", 1)[1]
    for provider, outcome in (
        ("aryn", "succeeded"),
        ("artos", "succeeded"),
        ("veza", "failed"),
        ("unsiloed", "succeeded"),
        ("notion", "succeeded"),
    ):
        line = next(line for line in summary.splitlines() if line.strip().startswith(provider))
        assert outcome in line
    assert "rate_limit" in summary and "slow" in summary and "RateLimitError: waiting 2.0 s as told" in out


# Hostile servers -----------------------------------------------------------------

FORGED = "\nartos task t succeeded (Ready)\r\x1b[2K\x1b]0;owned\x07\u2028"


def test_a_servers_error_code_and_request_id_cannot_forge_output_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("K", "k")
    body = json.dumps({"object": "error", "status": 400, "code": f"bad{FORGED}", "message": "m", "request_id": FORGED})
    with canned_server() as server:
        server.answer_all(Canned(400, body.encode()))
        code, out, err = run(capsys, "get", "notion", "t", "--base-url", server.base_url, "--api-key-env", "K")
    assert code == 4, err
    assert out == "" and err.count("\n") == 1 and err.startswith("taskpoll: ")
    assert "\x1b" not in err and "\r" not in err and "\u2028" not in err and "\x07" not in err
    assert "bad\\nartos task t succeeded (Ready)\\r\\x1b[2K" in err


def test_a_failed_tasks_server_fields_are_escaped_in_every_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("K", "k")
    body = json.dumps({"task_id": "t", "status": "Failed", "progress": None, "error": f"reason{FORGED}"})
    with canned_server() as server:
        server.answer_all(Canned(200, body.encode()))
        code, out, err = run(capsys, "get", "artos", "t", "--base-url", server.base_url, "--api-key-env", "K")
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert lines[0] == "artos task t failed (Failed)" and len(lines) == 2
    assert lines[1].startswith("  error     reason\\nartos task t succeeded") and "\x1b" not in out


def test_json_output_is_strict_json_without_nan_or_infinity() -> None:
    from taskpoll import Task, TaskState
    from taskpoll.cli import strict_json, task_json

    task = Task(provider="artos", id="t\n", state=TaskState.RUNNING, status="x", progress=math.nan, poll_after=math.inf)
    text = strict_json({"task": task_json(task), "deep": [{"n": -math.inf}]})

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in strict JSON")

    data = json.loads(text, parse_constant=refuse)
    assert data["task"]["progress"] is None and data["task"]["poll_after"] is None and data["deep"] == [{"n": None}]
    assert data["task"]["id"] == "t\n" and text.isascii()


def test_an_unexpected_exception_is_one_line_and_exit_5(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from taskpoll import cli as cli_module

    def broken(args: object) -> int:
        raise RuntimeError("boom\nTraceback (most recent call last):")

    monkeypatch.setattr(cli_module, "cmd_get", broken)
    code, out, err = run(capsys, "get", "artos", "t")
    assert code == cli_module.EXIT_INTERNAL == 5 and out == ""
    assert err == "taskpoll: unexpected RuntimeError: boom\\nTraceback (most recent call last): (please report this)\n"


def test_an_unprintable_message_on_an_ascii_stdout_is_escaped_not_a_crash(sim: Simulator) -> None:
    task_id = sim.create_task("veza", [failed(error="café ☕ 中文 \U0001f600 \x1b[31m")])
    env = {"VEZA_API_KEY": sim.api_key("veza"), "PYTHONIOENCODING": "ascii"}
    result = cli("get", "veza", task_id, "--base-url", sim.base_url("veza"), env=env)
    assert result.returncode == 1 and result.stderr == "", result.stderr
    assert "caf\\xe9 \\u2615 \\u4e2d\\u6587 \\U0001f600 \\x1b[31m" in result.stdout
    for flag in (["--json"], []):
        latin = subprocess.run(
            [sys.executable, "-m", "taskpoll", "get", "veza", task_id, *flag, "--base-url", sim.base_url("veza")],
            capture_output=True,
            timeout=60,
            env={**os.environ, **env, "PYTHONIOENCODING": "latin-1"},
        )
        assert latin.returncode == 1 and latin.stderr == b""
        assert (r"caf\u00e9" if flag else r"café \u2615").encode("latin-1") in latin.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        raise OSError("no real terminal: the line falls back to 79 columns")


def test_the_live_line_ticks_between_polls_and_fits_the_width() -> None:
    from taskpoll import PollEvent
    from taskpoll.cli import Progress

    stream = _Terminal()
    progress = Progress(stream)
    try:
        progress.poll(PollEvent("artos", "doc-1", 3, 1.0, None, None, next_delay=30.0, reason="backoff"))
        first = stream.getvalue()
        time.sleep(3 * Progress.TICK)
        assert len(stream.getvalue()) > len(first)  # redrawn without any new poll
        assert "poll 4 in 30 s (backoff)" in first or "poll 4 in 29 s (backoff)" in first
        narrow = progress.text(24)
        assert len(narrow) == 24 and narrow.startswith("waiting") and narrow.endswith("…")
    finally:
        progress.done()
    quiet = _Terminal()
    Progress(quiet, quiet=True).done()
    assert quiet.getvalue() == ""


def test_verbose_logs_every_poll_and_quiet_has_no_live_line(sim: Simulator) -> None:
    task_id = sim.create_task("artos", [pending(), succeeded()])
    env = {"ARTOS_ACCESS_TOKEN": sim.api_key("artos")}
    verbose = cli("wait", "artos", task_id, "--verbose", "--base-url", sim.base_url("artos"), env=env)
    assert verbose.returncode == 0 and "taskpoll: debug: artos task" in verbose.stderr
    quiet = cli("wait", "artos", task_id, "--quiet", "--base-url", sim.base_url("artos"), env=env)
    assert quiet.returncode == 0 and quiet.stderr == ""
