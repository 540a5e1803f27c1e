"""The simulator in a process of its own (`taskpoll simulate`), driven over its HTTP control API.

For load tests: the clients under test then have their process, and their event loop, to themselves.
"""

from __future__ import annotations

import dataclasses
import re
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import httpx

from taskpoll.simulator import Fault, RecordedRequest, Step


class SimulatorProcess:
    def __init__(self, url: str) -> None:
        self.url = url
        self.http = httpx.Client(base_url=url, timeout=30.0)

    def base_url(self, provider: str) -> str:
        return f"{self.url}/{provider}"

    def api_key(self, provider: str) -> str:
        return f"sim-{provider}-key"

    def create_task(self, provider: str, steps: Sequence[Step], *, task_id: str | None = None) -> str:
        body = {"provider": provider, "steps": [s.to_json() for s in steps], "id": task_id}
        response = self.http.post("/_simulator/tasks", json=body)
        response.raise_for_status()
        return str(response.json()["id"])

    def set_faults(self, faults: Sequence[Fault]) -> None:
        body = {
            "faults": [
                {k: v for k, v in dataclasses.asdict(f).items() if v not in (None, (), 0.0, False)} for f in faults
            ]
        }
        self.http.post("/_simulator/faults", json=body).raise_for_status()

    def requests(self) -> list[RecordedRequest]:
        return [RecordedRequest(**entry) for entry in self.http.get("/_simulator/requests").json()]


@contextmanager
def simulator_process(*args: str) -> Iterator[SimulatorProcess]:
    process = subprocess.Popen(
        [sys.executable, "-m", "taskpoll", "simulate", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        match = re.search(r"on (http://\S+)", process.stdout.readline())
        assert match, process.stderr.read() if process.stderr else "no output"
        sim = SimulatorProcess(match.group(1))
        try:
            yield sim
        finally:
            sim.http.close()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()  # never leave a server behind; the test still fails
            process.communicate()
            raise
