"""The simulator in a process of its own (`taskpoll simulate --port 0`), driven over its HTTP control API.

For load tests and benchmarks: the clients under test then have their process, and their event
loop, to themselves. Used by tests/test_soak.py and benchmarks/.
"""

from __future__ import annotations

import dataclasses
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from types import TracebackType
from typing import Any

import httpx

from ._app import RecordedRequest, default_keys
from ._scenario import Fault, Step
from .providers import StatusRequest, status_request


class SimulatorProcess:
    """Starts `python -m taskpoll simulate --port 0 *args` and talks to its control API.

    with SimulatorProcess("--seed", "1") as sim:
        task_id = sim.create_task("artos", [pending(), succeeded()])
        ... sim.base_url("artos"), sim.api_key("artos"), sim.stats(reset=True)
    """

    def __init__(self, *args: str, timeout: float = 30.0) -> None:
        # A file, not a pipe: it can never fill up and block the server. Closed in _stop().
        self._stderr = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115
        self._process = subprocess.Popen(
            [sys.executable, "-m", "taskpoll", "simulate", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
        )
        assert self._process.stdout is not None
        match = re.search(r"on (http://\S+)", self._process.stdout.readline())
        if match is None:
            self._stop()
            self._stderr.seek(0)
            raise RuntimeError(f"the simulator process did not start: {self._stderr.read().strip()}")
        self.url = match.group(1)
        self.http = httpx.Client(base_url=self.url, timeout=timeout)
        self._keys = default_keys()

    def base_url(self, provider: str) -> str:
        return f"{self.url}/{provider}"

    def api_key(self, provider: str) -> str:
        return self._keys[provider]

    def status_request(self, provider: str, task_id: str) -> StatusRequest:
        """How to ask this simulator for a task's status by hand (URL, query, headers with its key);
        `taskpoll.simulator.status_request` does the same with any key or none."""
        return status_request(provider, task_id, base_url=self.base_url(provider), api_key=self.api_key(provider))

    def create_task(
        self, provider: str, steps: Sequence[Step], *, task_id: str | None = None, faults: Sequence[Fault] = ()
    ) -> str:
        body = {"provider": provider, "steps": [s.to_json() for s in steps], "id": task_id}
        if faults:
            body["faults"] = [_fault_json(f) for f in faults]
        response = self.http.post("/_simulator/tasks", json=body)
        response.raise_for_status()
        return str(response.json()["id"])

    def create_tasks(self, provider: str, steps: Sequence[Step], count: int) -> list[str]:
        """`count` tasks with the same lifecycle, in one request."""
        body = {"provider": provider, "steps": [s.to_json() for s in steps], "count": count}
        response = self.http.post("/_simulator/tasks/batch", json=body)
        response.raise_for_status()
        return [str(task_id) for task_id in response.json()["ids"]]

    def script_next(self, provider: str, steps: Sequence[Step], *, faults: Sequence[Fault] = ()) -> None:
        """Script the lifecycle (and faults) of the next task a client submits to `provider`."""
        body: dict[str, Any] = {"provider": provider, "steps": [s.to_json() for s in steps]}
        if faults:
            body["faults"] = [_fault_json(f) for f in faults]
        self.http.post("/_simulator/next", json=body).raise_for_status()

    def set_faults(self, faults: Sequence[Fault]) -> None:
        self.http.post("/_simulator/faults", json={"faults": [_fault_json(f) for f in faults]}).raise_for_status()

    def requests(self) -> list[RecordedRequest]:
        return [RecordedRequest(**entry) for entry in self.http.get("/_simulator/requests").json()]

    def clear_requests(self) -> None:
        self.http.delete("/_simulator/requests").raise_for_status()

    def stats(self, *, reset: bool = False) -> dict[str, Any]:
        """Provider requests served and distinct client connections; `reset` starts counting again."""
        response = self.http.request("DELETE" if reset else "GET", "/_simulator/stats")
        response.raise_for_status()
        stats: dict[str, Any] = response.json()
        return stats

    def close(self) -> None:
        """Stop the server (SIGINT, then kill after 10 s: never leave one behind)."""
        self.http.close()
        self._stop()

    def _stop(self) -> None:
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGINT)
        try:
            self._process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.communicate()
            raise
        finally:
            self._stderr.close()

    def __enter__(self) -> SimulatorProcess:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _fault_json(fault: Fault) -> dict[str, Any]:
    return {k: v for k, v in dataclasses.asdict(fault).items() if v not in (None, (), 0.0, False)}
