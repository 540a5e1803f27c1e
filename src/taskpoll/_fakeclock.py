"""A wait on a fake clock: the engine's flow driven with canned answers, no I/O and no real time.

Written once for the engine tests (tests/test_engine.py) and the policy benchmark (benchmarks/policy.py).
Each `Fetch` takes `latency` (at most its timeout) and gets what `answers(now)` returns for the clock
at the moment it is sent; each `Sleep` moves the clock; every command is recorded with its time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import httpx

from ._engine import Command, Fetch, Flow, Observe, Reply, Sleep
from ._task import Task

R = TypeVar("R")

Answer = httpx.Response | httpx.HTTPError
Answers = Callable[[float], Answer]  # the clock when a request is sent -> its response or transport error


class FakeClock:
    """Runs flows on a clock that only moves by the flow's own sleeps and the fixed request latency."""

    def __init__(self, answers: Answers, *, latency: float = 0.0, now: float = 0.0) -> None:
        self.answers = answers
        self.latency = latency
        self.now = now
        self.commands: list[tuple[float, Command]] = []

    def run(self, flow: Flow[R]) -> Task[R]:
        """Drive `flow` to its end and return its Task (its errors propagate as they are raised)."""
        reply: Reply | None = None
        while True:
            try:
                command = next(flow) if reply is None else flow.send(reply)
            except StopIteration as stop:
                task: Task[R] = stop.value
                return task
            self.commands.append((self.now, command))
            if isinstance(command, Fetch):
                answer = self.answers(self.now)
                self.now += min(self.latency, command.timeout)
                if isinstance(answer, httpx.HTTPError):
                    reply = Reply(self.now, error=answer)
                else:
                    reply = Reply(self.now, answer)
            elif isinstance(command, Sleep):
                self.now += command.seconds
                reply = Reply(self.now)
            else:
                reply = Reply(self.now)

    def fetch_times(self) -> list[float]:
        """When each request was sent."""
        return [t for t, c in self.commands if isinstance(c, Fetch)]

    def sleeps(self) -> list[float]:
        return [c.seconds for _, c in self.commands if isinstance(c, Sleep)]

    def observed(self) -> list[Task[object]]:
        return [c.task for _, c in self.commands if isinstance(c, Observe)]
