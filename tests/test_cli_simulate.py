"""`taskpoll simulate`: serves all five providers until interrupted."""

from __future__ import annotations

import re
import signal
import subprocess
import sys

import httpx
import pytest

import taskpoll.providers
from taskpoll.simulator import status_request

SIMULATE = [sys.executable, "-m", "taskpoll", "simulate", "--port", "0", "--fault", "rate_limit:0.5"]
# Starts `taskpoll simulate` with SIGINT ignored, as a non-interactive shell does for `taskpoll simulate &`
# (an ignored signal stays ignored across exec).
IGNORING_SIGINT = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); os.execv(sys.argv[1], sys.argv[1:])",
    *SIMULATE,
]


@pytest.mark.parametrize(
    ("stop", "start_ignoring_sigint"),
    [(signal.SIGINT, False), (signal.SIGINT, True), (signal.SIGTERM, False)],
    ids=["SIGINT", "SIGINT-inherited-ignored", "SIGTERM"],
)
def test_simulate_prints_each_base_url_serves_them_and_stops_on_a_signal(
    stop: signal.Signals, start_ignoring_sigint: bool
) -> None:
    process = subprocess.Popen(
        IGNORING_SIGINT if start_ignoring_sigint else SIMULATE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(len(taskpoll.providers.names()) + 2)]  # + head, control
        found = re.findall(r"^\s+(\w+)\s+base URL (\S+)\s+key (\S+)", "".join(lines), re.M)
        urls = {name: (url, key) for name, url, key in found}
        assert set(urls) == set(taskpoll.providers.names())
        base, key = urls["artos"]
        # A fixed id and the default seed: which polls the rate-limit fault draws is fixed too.
        body = {"provider": "artos", "id": "cli-simulate-1"}
        task_id = httpx.post(base.rsplit("/", 1)[0] + "/_simulator/tasks", json=body).json()["id"]
        request = status_request("artos", task_id, base_url=base, api_key=key)
        answers = [httpx.get(request.url, headers=request.headers).status_code for _ in range(12)]
        assert set(answers) == {200, 429}, answers  # served, with the fault injected into about half the polls
    finally:
        process.send_signal(stop)
        try:
            out, err = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise
    assert process.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err


def test_simulate_rejects_an_unknown_fault_with_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "taskpoll", "simulate", "--fault", "meteor:0.1"], capture_output=True, text=True
    )
    assert result.returncode == 2 and "unknown fault 'meteor'" in result.stderr and "Traceback" not in result.stderr
