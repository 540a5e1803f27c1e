"""`taskpoll simulate`: serves all five providers until interrupted."""

from __future__ import annotations

import re
import signal
import subprocess
import sys

import httpx

from .sim_helpers import STATUS_PATH


def test_simulate_prints_each_base_url_serves_them_and_stops_on_interrupt() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "taskpoll", "simulate", "--port", "0", "--fault", "rate_limit:0.5"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(7)]
        found = re.findall(r"^\s+(\w+)\s+base URL (\S+)\s+key (\S+)", "".join(lines), re.M)
        urls = {name: (url, key) for name, url, key in found}
        assert set(urls) == {"aryn", "artos", "veza", "unsiloed", "notion"}
        base, key = urls["artos"]
        created = httpx.post(base.rsplit("/", 1)[0] + "/_simulator/tasks", json={"provider": "artos"})
        task_id = created.json()["id"]
        answers = {
            httpx.get(
                base + STATUS_PATH["artos"].format(id=task_id), headers={"Authorization": f"Bearer {key}"}
            ).status_code
            for _ in range(12)
        }
        assert answers == {200, 429}  # served, with the fault injected into about half the polls
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err


def test_simulate_rejects_an_unknown_fault_with_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "taskpoll", "simulate", "--fault", "meteor:0.1"], capture_output=True, text=True
    )
    assert result.returncode == 2 and "unknown fault 'meteor'" in result.stderr and "Traceback" not in result.stderr
