"""The `taskpoll` command line against the simulator: exit codes, --json, one-line errors."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest

from taskpoll.cli import main
from taskpoll.simulator import Simulator, canceled, failed, pending, running, succeeded


@pytest.fixture(scope="module")
def sim() -> Iterator[Simulator]:
    with Simulator(notion_poll_after=0.05) as s:
        yield s


@pytest.fixture
def keys(sim: Simulator, monkeypatch: pytest.MonkeyPatch) -> None:
    for provider in sim.providers:
        env = {
            "aryn": "ARYN_API_KEY",
            "artos": "ARTOS_ACCESS_TOKEN",
            "veza": "VEZA_API_KEY",
            "unsiloed": "UNSILOED_API_KEY",
            "notion": "NOTION_TOKEN",
        }[provider]
        monkeypatch.setenv(env, sim.api_key(provider))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "taskpoll", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_get_prints_the_task_and_exits_0(sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str]) -> None:
    task_id = sim.create_task("artos", [running(progress=0.4)])
    code, out, err = run(capsys, "get", "artos", task_id, "--base-url", sim.base_url("artos"))
    assert code == 0 and err == ""
    assert f"artos task {task_id} running (Generating) 40%" in out and "resume    taskpoll resume tp1." in out


def test_wait_json_is_the_task_with_its_typed_result(
    sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str]
) -> None:
    task_id = sim.create_task("aryn", [pending(), succeeded(size=7)])
    code, out, err = run(capsys, "wait", "aryn", task_id, "--json", "--base-url", sim.base_url("aryn"))
    data = json.loads(out)
    assert code == 0 and err == ""
    assert (data["state"], data["status"], data["id"]) == ("succeeded", "200", task_id)
    assert len(data["result"]["elements"]) == 7 and data["token"].startswith("tp1.")


@pytest.mark.parametrize(
    ("provider", "steps", "state"),
    [("veza", [running(), failed(error="bad query")], "failed"), ("unsiloed", [canceled()], "canceled")],
)
def test_wait_exits_1_when_the_task_failed_or_was_canceled(
    sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str], provider: str, steps: list, state: str
) -> None:
    task_id = sim.create_task(provider, steps)
    code, out, _ = run(capsys, "wait", provider, task_id, "--json", "--base-url", sim.base_url(provider))
    assert code == 1 and json.loads(out)["state"] == state


def test_wait_timeout_exits_3_and_says_how_to_resume(
    sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str]
) -> None:
    task_id = sim.create_task("notion", [running(polls=None, seconds=1.0, poll_after=0.05), succeeded()])
    code, out, err = run(
        capsys, "wait", "notion", task_id, "--timeout", "0.3", "--json", "--base-url", sim.base_url("notion")
    )
    assert code == 3 and err.count("\n") == 1 and "resume with: taskpoll resume tp1." in err
    data = json.loads(out)
    assert data["error"]["type"] == "WaitTimeoutError" and data["task"]["state"] == "running"
    token = err.rsplit("taskpoll resume ", 1)[1].strip()
    code, out, _ = run(capsys, "resume", token, "--base-url", sim.base_url("notion"))
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
        (["get", "aryn", "x"], {"ARYN_API_KEY": ""}, "no API key for aryn: pass api_key=... or set ARYN_API_KEY"),
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
