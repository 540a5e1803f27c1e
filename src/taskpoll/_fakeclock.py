"""A wait on a fake clock: the engine's flow driven with canned answers, no I/O and no real time.

Written once, next to the step, for the engine tests (tests/test_engine.py), the hop property test
(tests/test_hops.py) and the policy benchmark (benchmarks/policy.py). Each `Fetch` takes `latency`
(at most its timeout) and gets what `answers(now)` returns for the clock at the moment it is sent;
each `Sleep` moves the clock to its end; every command is recorded with its time. `run` drives a
whole wait (`wait_flow`, what `Client.wait` runs); `hop` drives one step of one (`poll_flow`, what
`Client.poll_once` runs), so a wait carried in hops can be set against one uninterrupted wait.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._drivers import drive_hop
from ._engine import Command, Fetch, Flow, Observe, Reply, Sleep, poll_flow
from ._step import Done, Policy, PollAgain, RateLimit, WaitState
from ._task import Task

if TYPE_CHECKING:
    from .providers._base import Provider

R = TypeVar("R")

Answer = httpx.Response | httpx.HTTPError
Answers = Callable[[float], Answer]  # the clock when a request is sent -> its response or transport error
Latency = float | Callable[[float], float]  # seconds a request takes, or the clock when it is sent -> them


class FakeClock:
    """Runs flows on a clock that only moves by the flow's own sleeps and the fixed request latency."""

    def __init__(self, answers: Answers, *, latency: Latency = 0.0, now: float = 0.0) -> None:
        self.answers = answers
        self.latency = latency
        self.now = now
        self.commands: list[tuple[float, Command]] = []

    def _fetch(self, command: Fetch) -> Reply:
        self.commands.append((self.now, command))
        answer = self.answers(self.now)
        latency = self.latency(self.now) if callable(self.latency) else self.latency
        self.now += min(latency, command.timeout)
        if isinstance(answer, httpx.HTTPError):
            return Reply(self.now, error=answer)
        return Reply(self.now, answer)

    def run(self, flow: Flow[R]) -> Task[R]:
        """Drive `flow` to its end and return its Task (its errors propagate as they are raised)."""
        reply: Reply | None = None
        while True:
            try:
                command = next(flow) if reply is None else flow.send(reply)
            except StopIteration as stop:
                task: Task[R] = stop.value
                return task
            if isinstance(command, Fetch):
                reply = self._fetch(command)
                continue
            self.commands.append((self.now, command))
            if isinstance(command, Sleep):
                self.now = command.until if command.until is not None else self.now + command.seconds
            reply = Reply(self.now)

    def hop(
        self, provider: Provider[R], state: WaitState, policy: Policy, rate_limit: RateLimit | None = None
    ) -> PollAgain | Done[R]:
        """One step of a wait carried elsewhere, at this clock's time, as `Client.poll_once` makes it.

        The clock moves only by the request's latency: the caller moves it on to the step's time.
        """
        step, _, _ = drive_hop(poll_flow(provider, state, policy, now=self.now, limiter=rate_limit), self._fetch)
        return step

    def fetch_times(self) -> list[float]:
        """When each request was sent."""
        return [t for t, c in self.commands if isinstance(c, Fetch)]

    def sleeps(self) -> list[float]:
        return [c.seconds for _, c in self.commands if isinstance(c, Sleep)]

    def observed(self) -> list[Task[Any]]:
        return [c.task for _, c in self.commands if isinstance(c, Observe)]
