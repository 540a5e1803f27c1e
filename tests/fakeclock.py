"""The clients' own loop (`taskpoll._loop.run`) on a fake clock: canned answers, no I/O, no real time.

For the loop tests (tests/test_wait_loop.py), the hop property test (tests/test_hops.py) and the policy
benchmark (benchmarks/policy.py). Each request takes `latency` (at most its timeout) and gets what
`answers(now)` returns for the clock at the moment it is sent, read by the provider's real adapter;
each sleep moves the clock. `run` drives a whole wait (what `Client.wait` runs); `hop` one step of one
(what `Client.poll_once` makes), so a wait carried in hops can be set against one uninterrupted wait.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from taskpoll import APIConnectionError, APITimeoutError, Done, PollAgain, Task, TaskpollError, WaitState
from taskpoll._loop import after_poll, run
from taskpoll._step import EARLY, Policy, RateLimit, before_poll, begin, request_timeout
from taskpoll.providers import Provider

from .answers import as_answer

R = TypeVar("R")
Canned = httpx.Response | httpx.HTTPError | TaskpollError
Answers = Callable[[float], Canned]  # the clock when a request is sent -> its answer
Latency = float | Callable[[float], float]  # seconds a request takes, or the clock when it is sent -> them


def read(provider: Provider[R], task_id: str, canned: Canned) -> Task[R] | TaskpollError:
    """What a client makes of a canned answer: the adapter's Task, or the error a client raises."""
    if isinstance(canned, TaskpollError):
        return canned
    if isinstance(canned, httpx.TimeoutException):
        return APITimeoutError(f"no answer in time ({type(canned).__name__})", provider=provider.name, task_id=task_id)
    if isinstance(canned, httpx.HTTPError):
        sent = not isinstance(canned, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))
        return APIConnectionError(f"no answer ({canned})", provider=provider.name, task_id=task_id, sent=sent)
    try:
        return provider.read(task_id, as_answer(canned))
    except TaskpollError as exc:
        return exc


class FakeClock:
    """A clock that moves only by the loop's sleeps and each request's latency; everything is recorded."""

    def __init__(self, answers: Answers, *, latency: Latency = 0.0, now: float = 0.0) -> None:
        self.answers = answers
        self.latency = latency
        self.now = now
        self.requests: list[tuple[float, float]] = []  # (when sent, its timeout)
        self.slept: list[float] = []
        self.observed: list[Task[Any]] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds

    def poll(self, provider: Provider[R], policy: Policy) -> Callable[[int, WaitState, float], Task[R] | TaskpollError]:
        def poll(index: int, state: WaitState, now: float) -> Task[R] | TaskpollError:
            timeout = request_timeout(state, policy, now)
            self.requests.append((now, timeout))
            canned = self.answers(now)
            latency = self.latency(now) if callable(self.latency) else self.latency
            self.now += min(latency, timeout)
            return read(provider, state.task_id, canned)

        return poll

    def run(
        self,
        provider: Provider[R],
        task_id: str,
        policy: Policy,
        *,
        timeout: float = math.inf,
        limiter: RateLimit | None = None,
        state: WaitState | None = None,
        seed: int = 1,
    ) -> Task[R]:
        """Drive one wait to its end and return its final Task (the error that ends it is raised)."""
        offset = time.time() - self.now  # a client's waits run on monotonic time, their tokens on wall time
        state = state or begin(provider.name, task_id, now=self.now, timeout=timeout, seed=seed, clock_offset=offset)
        poll = self.poll(provider, policy)
        for _, outcome, done in run([state], poll, policy, limiter=limiter, clock=self.clock, sleep=self.sleep):
            if isinstance(outcome, Task):
                self.observed.append(outcome)
            if done:
                if isinstance(outcome, TaskpollError):
                    raise outcome
                return outcome
        raise AssertionError("a wait ends with its outcome")

    def hop(
        self, provider: Provider[R], state: WaitState, policy: Policy, rate_limit: RateLimit | None = None
    ) -> PollAgain | Done[R]:
        """One step of a wait carried elsewhere, at this clock's time, as `Client.poll_once` makes it.
        The clock moves only by the request's latency: the caller moves it on to the step's time."""
        now = self.now
        ready = before_poll(state, now, rate_limit)
        if isinstance(ready, Done) or ready.at > now + EARLY:
            return ready
        answer = self.poll(provider, policy)(0, ready.state, now)
        return after_poll(ready.state, answer, policy, now=self.now, sent_at=now)[0]

    def fetch_times(self) -> list[float]:
        """When each request was sent."""
        return [sent for sent, _ in self.requests]
