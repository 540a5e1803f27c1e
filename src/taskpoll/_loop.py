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
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._errors import TaskpollError
from ._policy import MAX_SECONDS
from ._step import EARLY, Done, Policy, PollAgain, RateLimit, WaitState, advance, before_poll
from ._task import Task, TaskState

if TYPE_CHECKING:
    from .contrib.otel import Instrumentation, WaitSpan

R = TypeVar("R")
T = TypeVar("T")
logger = logging.getLogger("taskpoll")
Outcome = Task[R] | TaskpollError  # what a poll found, or how a wait ended: a Task, or the error


class Quiet:
    """The instrumentation when OpenTelemetry is not installed: every hook does nothing."""

    trace = None

    def wait(self, *args: object) -> Quiet:
        return self

    def traced(self, state: T) -> T:
        return state

    def nothing(self, *args: object) -> None:
        return None

    request, current, rooted = wait, nothing, traced
    named = polled = held = hopped = end = close = failed = answered = __exit__ = nothing
    __enter__ = wait


QUIET = Quiet()
try:  # the otel extra: spans and metrics through the OpenTelemetry API (taskpoll.contrib.otel)
    from .contrib.otel import Instrumentation

    TELEMETRY: Instrumentation | Quiet = Instrumentation()
except ModuleNotFoundError as missing:
    if not (missing.name or "").startswith("opentelemetry"):
        raise
    TELEMETRY = QUIET


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
    overloads a busy process for good: every request then times out before it leaves.)"""

    def __init__(self, concurrency: int) -> None:
        self.concurrency = concurrency
        self.size = float(min(concurrency, INITIAL_WINDOW))
        self.threshold = float(concurrency)
        self.in_flight = 0
        self._cut_at = -math.inf
        self._free = asyncio.Condition()

    async def acquire(self) -> float:
        """Wait for a place in the window; return when it was taken (monotonic)."""
        async with self._free:
            await self._free.wait_for(lambda: self.in_flight < max(1, int(self.size)))
            self.in_flight += 1
        return time.monotonic()

    async def release(self, taken: float, congested: bool) -> None:
        """Give the place taken at `taken` back; `congested`: its request could not get out in time."""
        async with self._free:
            self.in_flight -= 1
            if congested:
                if taken >= self._cut_at:
                    self.threshold = self.size = max(1.0, self.size / 2)
                    self._cut_at = time.monotonic()
            elif self.size < self.concurrency:
                grow = 1.0 if self.size < self.threshold else 1.0 / self.size
                self.size = min(float(self.concurrency), self.size + grow)
            self._free.notify(max(0, int(self.size) - self.in_flight))


def after_poll(
    state: WaitState,
    answer: Outcome[R],
    policy: Policy,
    *,
    now: float,
    sent_at: float,
    span: WaitSpan | Quiet = QUIET,
) -> tuple[PollAgain | Done[R], PollEvent]:
    """`advance`, and what the poll tells a progress display (logged at DEBUG, one line per poll, its
    fields also as the record's attributes) and the wait's `span`."""
    step = advance(state, answer, policy, now=now, sent_at=sent_at)
    task = answer if isinstance(answer, Task) else None
    delay = step.delay if isinstance(step, PollAgain) and step.delay is not None else 0.0
    reason = step.reason if isinstance(step, PollAgain) else "done"
    unknown = task is not None and task.state is TaskState.UNKNOWN and not state.warned_unknown
    if unknown or logger.isEnabledFor(logging.DEBUG):
        fields = {"provider": state.provider, "task_id": state.task_id, "attempt": step.state.attempt}
        fields |= (
            {"state": task.state.value, "status": task.status} if task is not None else {"error": type(answer).__name__}
        )
        fields |= {"delay": delay, "reason": reason}
        if unknown:
            logger.warning(
                "%s task %r reports status %r, which taskpoll does not know; polling on until the deadline",
                *(state.provider, state.task_id, fields["status"]),
                extra=fields,
            )
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
    span.polled(answer, event)
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
    span: WaitSpan | Quiet | None = None,
) -> Iterator[tuple[int, Outcome[R], bool]]:
    """Carry the waits to their ends, one request at a time, the one due first served first.

    Yields `(index, task, False)` for each Task a poll saw that tells something new, and
    `(index, outcome, True)` when a wait ends (its final Task, or the error that ended it).
    `poll(index, state, now)` makes one status request and returns the Task or the error it met.
    Each wait has a span of `kind` (or the one `span` given, for one wait), its state traced to it.
    """
    spans = [span or TELEMETRY.wait(kind, state.provider, state.task_id, state.trace) for state in states]
    states[:] = [each.traced(state) for each, state in zip(spans, states, strict=True)]
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
            if isinstance(ready, Done):
                spans[index].end(ready.outcome, ready.state)
                yield index, ready.outcome, True
                continue
            if ready.at > now + EARLY:
                spans[index].held(ready, now)
                states[index] = ready.state
                heapq.heappush(due, (ready.at, index))
                continue
            answer = poll(index, ready.state, now)
            step, event = after_poll(ready.state, answer, policy, now=clock(), sent_at=now, span=spans[index])
            states[index] = step.state
            if isinstance(step, Done):
                spans[index].end(step.outcome, step.state)
                yield index, step.outcome, True
                continue
            if step.changed and isinstance(answer, Task):
                yield index, answer, False
            if on_poll is not None:
                on_poll(event)
            heapq.heappush(due, (step.at, index))
    finally:  # a wait given up before its end (a closed iterator, a callback that raised)
        for each in spans:
            each.close()


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
    span: WaitSpan | Quiet | None = None,
) -> AsyncIterator[tuple[Outcome[R], bool]]:
    """`run` for one wait, awaiting: yields `(task, False)` for each change and `(outcome, True)` last.
    An `on_poll` that returns an awaitable (an `async def`) is awaited."""
    span = span or TELEMETRY.wait(kind, state.provider, state.task_id, state.trace)
    state = span.traced(state)
    try:
        while True:
            now = clock()
            ready = before_poll(state, now, limiter)
            if isinstance(ready, Done):
                span.end(ready.outcome, ready.state)
                yield ready.outcome, True
                return
            state = ready.state
            if ready.at > now + EARLY:
                span.held(ready, now)
                await sleep(min(ready.at - now, MAX_SECONDS))
                continue
            answer = await poll(state, now)
            step, event = after_poll(state, answer, policy, now=clock(), sent_at=now, span=span)
            state = step.state
            if isinstance(step, Done):
                span.end(step.outcome, step.state)
                yield step.outcome, True
                return
            if step.changed and isinstance(answer, Task):
                yield answer, False
            if on_poll is not None:
                await settle(on_poll(event))
    finally:  # given up before its end (cancelled, a closed iterator, a callback that raised)
        span.close()


async def settle(result: object) -> None:
    """Await what a callback returned, when it is awaitable (an `async def` callback of AsyncClient)."""
    if inspect.isawaitable(result):
        await result
