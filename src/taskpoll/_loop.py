"""The loops that carry waits, one per colour; both are thin drivers of the step (`_step`).

A loop asks `before_poll` whether a wait may poll now, sleeps until the time it names or makes the
one request through `poll`, and hands the answer to `advance`; it decides nothing itself. The sync
loop carries any number of waits in one thread, always serving the one due first; the async loop
carries one wait (`AsyncClient.wait_many` runs one per task, its requests under a semaphore). The
clock, the sleep and the request are arguments, so tests run the very same loops on a fake clock.
"""

from __future__ import annotations

import asyncio
import heapq
import inspect
import logging
import math
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, TypeVar

import attrs
import httpx

from ._errors import TaskpollError
from ._policy import MAX_SECONDS
from ._step import EARLY, Done, Policy, PollAgain, RateLimit, WaitState, advance, before_poll
from ._task import Task, TaskState

R = TypeVar("R")
logger = logging.getLogger("taskpoll")
Outcome = Task[R] | TaskpollError  # what a poll found, or how a wait ended: a Task, or the error


class Observer:
    """What taskpoll tells of its waits and requests, to `OBSERVER` (these hooks do nothing; the package
    puts taskpoll.contrib.otel's there when opentelemetry-api is installed): a wait's watch (`wait`, or
    `run`: a submit, then its wait) sees each `step` (with the PollEvent of a poll), is entered around
    each poll and closed when left; `request` is entered around each HTTP request."""

    def wait(self, kind: str, state: WaitState) -> tuple[Observer, WaitState]:
        return self, state

    def run(self, provider: str) -> Observer:
        return self

    def request(
        self, provider: str, task_id: str | None, request: httpx.Request, redact: Callable[[str], str]
    ) -> Observer:
        return self

    def __enter__(self) -> Observer:
        return self

    def __exit__(self, *exc: object) -> None: ...
    def step(self, step: PollAgain | Done[Any], event: PollEvent | None) -> None: ...
    def submitted(self, task: Task[Any]) -> None: ...
    def answered(self, status: int) -> None: ...
    def close(self) -> None: ...


OBSERVER = Observer()


@attrs.frozen
class PollEvent:
    """What one poll found and what the wait does next: for progress displays and metrics (`on_poll`)."""

    provider: str
    task_id: str
    attempt: int  # polls so far, this one included
    elapsed: float  # seconds since the wait began
    task: Task[Any] | None  # what this poll saw (None when it failed)
    error: TaskpollError | None  # the transient error this poll met, if any
    next_delay: float  # seconds until the next poll
    reason: str  # why that long: "backoff", "server poll_after", "Retry-After", ...


class RateLimiter:
    """Requests per second for one provider, shared by every wait of a client (GCRA, burst of one second).

    It keeps its own monotonic clock, and books in the caller's: `book(now)` takes and returns times
    of whatever clock `now` is in, so waits (monotonic) and hops (wall-clock) share one limiter.
    """

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1.0 / rate
        self.burst = max(1.0, rate)
        self._clock = clock
        self._tat = float("-inf")  # theoretical arrival time of the next request
        self._lock = threading.Lock()

    def book(self, now: float) -> float:
        """Book the next slot; return its time in the clock of `now` (the `RateLimit` protocol)."""
        with self._lock:
            mine = self._clock()
            tat = max(self._tat, mine)
            self._tat = tat + self.interval
            return now + max(0.0, tat - (self.burst - 1.0) * self.interval - mine)


INITIAL_WINDOW = 8


class Window:
    """The requests a `wait_many` keeps in flight, like TCP's congestion window: it starts at
    INITIAL_WINDOW, grows by one per answer up to its threshold and then by 1/window, up to
    `concurrency`; a request whose time ran out in this process before it left (a busy event loop, a
    slow connect) halves it, once per round of requests. (A plain semaphore at a high concurrency
    overloads a busy process for good: every request then times out before it leaves.) Its places are
    the permits of an asyncio.Semaphore: a release hands back as many as the window now holds."""

    def __init__(self, concurrency: int) -> None:
        self.concurrency = concurrency
        self.size = float(min(concurrency, INITIAL_WINDOW))
        self.threshold = float(concurrency)
        self._permits = int(self.size)  # places in the window, taken or free
        self._cut_at = -math.inf
        self._free = asyncio.Semaphore(self._permits)

    async def acquire(self) -> float:
        """Wait for a place in the window; return when it was taken (monotonic)."""
        await self._free.acquire()
        return time.monotonic()

    def release(self, taken: float, congested: bool) -> None:
        """Give the place taken at `taken` back; `congested`: its request could not get out in time."""
        if congested:
            if taken >= self._cut_at:
                self.threshold = self.size = max(1.0, self.size / 2)
                self._cut_at = time.monotonic()
        elif self.size < self.concurrency:
            grow = 1.0 if self.size < self.threshold else 1.0 / self.size
            self.size = min(float(self.concurrency), self.size + grow)
        if self._permits > int(self.size):  # the window shrank: this place goes
            self._permits -= 1
            return
        self._free.release()
        while self._permits < int(self.size):
            self._permits += 1
            self._free.release()


def after_poll(
    state: WaitState, answer: Outcome[R], policy: Policy, *, now: float, sent_at: float, watch: Observer = OBSERVER
) -> tuple[PollAgain | Done[R], PollEvent]:
    """`advance`, and what the poll tells a progress display and the `watch` (logged at DEBUG, one line
    per poll; its fields, the record's attributes: provider, task_id, attempt, state, status or error, ...)."""
    step = advance(state, answer, policy, now=now, sent_at=sent_at)
    task = answer if isinstance(answer, Task) else None
    delay = step.delay if isinstance(step, PollAgain) and step.delay is not None else 0.0
    reason = step.reason if isinstance(step, PollAgain) else "done"
    unknown = task is not None and task.state is TaskState.UNKNOWN and not state.warned_unknown
    if unknown or logger.isEnabledFor(logging.DEBUG):
        fields: dict[str, Any] = {"provider": state.provider, "task_id": state.task_id, "delay": delay}
        fields |= {"attempt": step.state.attempt, "reason": reason, "error": type(answer).__name__}
        fields |= {"state": task.state.value, "status": task.status, "error": None} if task is not None else {}
        if unknown:
            warning = "%(provider)s task %(task_id)r reports status %(status)r, which taskpoll does not know"
            logger.warning(warning + "; polling on until the deadline", fields, extra=fields)
        seen = f"{fields['state']} ({fields['status']})" if task is not None else repr(answer)
        logger.debug(
            "%s task %r poll %d: %s; next poll in %.2f s (%s)",
            *(state.provider, state.task_id, step.state.attempt, seen, delay, reason),
            extra=fields,
        )
    event = PollEvent(
        provider=state.provider,
        task_id=state.task_id,
        attempt=step.state.attempt,
        elapsed=0.0 if state.started is None else now - state.started,
        task=task,
        error=step.error if isinstance(step, PollAgain) else None,
        next_delay=delay,
        reason=reason,
    )
    watch.step(step, event)
    return step, event


def run(
    states: list[WaitState],
    poll: Callable[[int, WaitState, float], Outcome[R]],
    policy: Policy,
    *,
    limiter: RateLimit | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], object] = time.sleep,
    on_poll: Callable[[PollEvent], object] | None = None,
    kind: str = "wait",
) -> Iterator[tuple[int, Outcome[R], bool]]:
    """Carry the waits to their ends, one request at a time, the one due first served first.

    Yields `(index, task, False)` for each Task a poll saw that tells something new, and
    `(index, outcome, True)` when a wait ends (its final Task, or the error that ended it).
    `poll(index, state, now)` makes one status request and returns the Task or the error it met.
    """
    watched = [OBSERVER.wait(kind, state) for state in states]
    watches, states[:] = [watch for watch, _ in watched], [state for _, state in watched]
    due = [(clock(), index) for index in range(len(states))]
    try:
        while due:
            at, index = due[0]
            now = clock()
            if at > now:
                sleep(min(at - now, MAX_SECONDS))
                continue
            heapq.heappop(due)
            ready = before_poll(states[index], now, limiter)
            watches[index].step(ready, None)
            if isinstance(ready, Done):
                yield index, ready.outcome, True
                continue
            if ready.at > now + EARLY:
                states[index] = ready.state
                heapq.heappush(due, (ready.at, index))
                continue
            with watches[index]:
                answer = poll(index, ready.state, now)
            step, event = after_poll(ready.state, answer, policy, now=clock(), sent_at=now, watch=watches[index])
            states[index] = step.state
            if isinstance(step, Done):
                yield index, step.outcome, True
                continue
            if step.changed and isinstance(answer, Task):
                yield index, answer, False
            if on_poll is not None:
                on_poll(event)
            heapq.heappush(due, (step.at, index))
    finally:  # a wait left before its end (an iterator closed, a callback that raised) is told so
        for watch in watches:
            watch.close()


async def arun(
    state: WaitState,
    poll: Callable[[WaitState, float], Awaitable[Outcome[R]]],
    policy: Policy,
    *,
    limiter: RateLimit | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    on_poll: Callable[[PollEvent], object] | None = None,
    kind: str = "wait",
) -> AsyncIterator[tuple[Outcome[R], bool]]:
    """`run` for one wait, awaiting: yields `(task, False)` for each change and `(outcome, True)` last.
    An `on_poll` that returns an awaitable (an `async def`) is awaited."""
    watch, state = OBSERVER.wait(kind, state)
    try:
        while True:
            now = clock()
            ready = before_poll(state, now, limiter)
            watch.step(ready, None)
            if isinstance(ready, Done):
                yield ready.outcome, True
                return
            state = ready.state
            if ready.at > now + EARLY:
                await sleep(min(ready.at - now, MAX_SECONDS))
                continue
            with watch:
                answer = await poll(state, now)
            step, event = after_poll(state, answer, policy, now=clock(), sent_at=now, watch=watch)
            state = step.state
            if isinstance(step, Done):
                yield step.outcome, True
                return
            if step.changed and isinstance(answer, Task):
                yield answer, False
            if on_poll is not None:
                await settle(on_poll(event))
    finally:  # left before its end (cancelled, an iterator closed, a callback that raised)
        watch.close()


async def settle(result: object) -> None:
    """Await what a callback returned, when it is awaitable (an `async def` callback of AsyncClient)."""
    if inspect.isawaitable(result):
        await result
