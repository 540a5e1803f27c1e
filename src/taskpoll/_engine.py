"""The polling engine, written once and without I/O, on top of the one wait step (`_step`).

A wait is a generator (the httpx `auth_flow` pattern): it yields commands — `Fetch` this request,
`Sleep` this long, `Observe` this new Task — and is sent back a `Reply` carrying the clock and, for a
fetch, the response or the transport error. It decides nothing itself: each poll is `poll_flow`, the
one step `Client.poll_once` makes too (`_step.before_poll`, the request, `_step.advance`), so a wait
carried in hops and one run here make the same polls. The drivers in `_drivers.py` run it with httpx
and time.sleep or asyncio.sleep; the tests run it on a fake clock. `Scheduler` runs many such flows,
always serving the one that is due first, within a concurrency limit and a per-provider rate limit.
"""

from __future__ import annotations

import heapq
import logging
import math
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import httpx

from . import _step
from ._errors import TaskpollError
from ._http import NotSent
from ._policy import MAX_SECONDS, PollPolicy
from ._step import Done, PollAgain, RateLimit, WaitState
from ._task import Task

if TYPE_CHECKING:
    from .providers._base import Provider

R = TypeVar("R")
logger = logging.getLogger("taskpoll")


@attrs.frozen
class Fetch:
    """Send the provider's status request (the generated `_get_kwargs`), with this timeout.

    `deadline` (monotonic) is the wait's: a driver that can only send the request later (a full
    concurrency slot) clips the timeout to it, and does not send at all once it has passed.
    """

    request: dict[str, Any] = attrs.field(repr=False)
    timeout: float
    deadline: float = math.inf

    def timeout_at(self, now: float) -> float:
        """The request timeout for a request sent at `now` (0 or less: too late to send)."""
        return min(self.timeout, self.deadline - now)


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


@attrs.frozen
class Sleep:
    seconds: float
    event: PollEvent | None = None  # set when the sleep follows a poll (not for rate-limit pauses)
    until: float | None = None  # the time (the flow's clock) it ends at: a fake clock moves there exactly


@attrs.frozen
class Observe:
    """A poll told something new (or final) about the task."""

    task: Task[Any]


Command = Fetch | Sleep | Observe


@attrs.frozen
class Reply:
    """What a driver sends back: the monotonic clock and, after a Fetch, its outcome."""

    now: float
    response: httpx.Response | None = None
    error: httpx.HTTPError | None = None


Flow = Generator[Command, Reply, Task[R]]


class RateLimiter:
    """Requests per second for one provider, shared by every wait of a client (GCRA, burst of one second)."""

    def __init__(self, rate: float) -> None:
        if rate <= 0:
            raise ValueError("rate must be above 0")
        self.interval = 1.0 / rate
        self.burst = max(1.0, rate)
        self._tat = float("-inf")  # theoretical arrival time of the next request
        self._lock = threading.Lock()

    def available_at(self, now: float) -> float:
        with self._lock:
            return max(now, self._tat - (self.burst - 1.0) * self.interval)

    def reserve(self, now: float) -> float:
        """Book the next slot; return how long to wait before using it."""
        return max(0.0, self.book(now) - now)

    def book(self, now: float) -> float:
        """Book the next slot at or after `now`; return its time (the `RateLimit` protocol)."""
        with self._lock:
            tat = max(self._tat, now)
            allowed = tat - (self.burst - 1.0) * self.interval
            self._tat = tat + self.interval
            return max(now, allowed)


Answered = Task[R] | TaskpollError
# What one step of a wait ends with: the step, the clock after it, and what its poll found (None: no poll).
HopEnd = tuple[PollAgain | Done[R], float, Answered[R] | None]
Hop = Generator[Fetch, Reply, HopEnd[R]]


def poll_flow(
    provider: Provider[R],
    state: WaitState,
    policy: _step.Policy,
    *,
    now: float,
    limiter: RateLimit | None = None,
    wall_clock: Callable[[], float] | None = None,
    request: dict[str, Any] | None = None,
) -> Hop[R]:
    """One step of a wait at `now` (what `poll_once` makes): when the wait may not poll yet, the step
    that says until when (or that it ended); else one Fetch, and the step its answer leads to.

    `wall_clock`: the state runs on another clock (monotonic), and its `clock_offset` (for tokens)
    is measured again as each answer comes in. `request`: the task's status request, when the caller
    (a wait's flow) built it once for all its polls; the client keeps the parsed URL in it.
    """
    ready = _step.before_poll(state, now, limiter)
    if isinstance(ready, Done) or ready.at > now + _step.EARLY:
        return ready, now, None
    state = ready.state
    if request is None:
        request = provider.status_request(state.task_id)  # refuses a bad id before any I/O
    reply = yield Fetch(request, timeout=_step.request_timeout(state, policy, now), deadline=state.deadline)
    sent, now = now, reply.now
    if wall_clock is not None and abs(wall_clock() - now - state.clock_offset) > 1e-3:
        state = attrs.evolve(state, clock_offset=wall_clock() - now)  # the wall clock was set, or a fake clock
    answer: Answered[R]
    try:
        answer = provider.read(state.task_id, reply)
    except TaskpollError as exc:
        answer = exc
    finally:
        del reply  # a sleeping flow must not keep its last httpx.Response alive (about 2 kB each)
    return _step.advance(state, answer, policy, now=now, sent_at=sent), now, answer


def _sleep(now: float, until: float, event: PollEvent | None = None) -> Sleep:
    """A sleep from `now` to `until`, in pieces that fit: time.sleep refuses more than about 9.2e9 s."""
    seconds = max(0.0, until - now)
    if seconds > MAX_SECONDS:
        return Sleep(MAX_SECONDS, event, until=now + MAX_SECONDS)
    return Sleep(seconds, event, until=max(now, until))


def wait_flow(
    provider: Provider[R],
    task_id: str,
    policy: PollPolicy,
    *,
    timeout: float = math.inf,
    started: float,
    not_before: float | None = None,
    rng: random.Random | None = None,
    limiter: RateLimit | None = None,
    state: WaitState | None = None,
) -> Flow[R]:
    """Poll one task until it is terminal; return its last Task or raise a TaskpollError.

    `started` is the monotonic time the wait begins; the deadline is `started + timeout`. The first
    poll goes out at once, or at `not_before` when a resumed wait must honour an earlier hint. A
    `state` (a resumed wait, `_step.resumed`) carries on from there instead, its deadline its own.
    """
    request = provider.status_request(task_id)  # refuses a bad id before any I/O; sent on every poll
    if state is None:
        seed = (rng or random.Random()).getrandbits(64)
        offset = time.time() - started
        state = _step.begin(
            provider.name, task_id, now=started, timeout=timeout, not_before=not_before, seed=seed, clock_offset=offset
        )
    now = started
    while True:
        step, now, answer = yield from poll_flow(
            provider, state, policy, now=now, limiter=limiter, wall_clock=time.time, request=request
        )
        state = step.state
        answered = now
        if step.changed and isinstance(answer, Task):
            now = (yield Observe(answer)).now
        if isinstance(step, Done):
            if isinstance(step.outcome, Task):
                return step.outcome
            raise step.outcome
        if answer is None:  # no poll yet: the server's hint, or a rate-limit slot
            now = (yield _sleep(now, step.at)).now
            continue
        elapsed = now - started if state.started is None else now - state.started
        delay = step.at - answered if step.delay is None else step.delay
        if logger.isEnabledFor(logging.DEBUG):
            seen = f"{answer.state.value} ({answer.status})" if isinstance(answer, Task) else repr(answer)
            logger.debug(
                "%s task %r poll %d: %s; next poll in %.2f s (%s)",
                provider.name,
                task_id,
                state.attempt,
                seen,
                delay,
                step.reason,
            )
        event = PollEvent(
            provider=provider.name,
            task_id=task_id,
            attempt=state.attempt,
            elapsed=elapsed,
            task=answer if isinstance(answer, Task) else None,
            error=step.error,
            next_delay=delay,
            reason=step.reason,
        )
        if now == answered and delay <= MAX_SECONDS:  # the delay as decided, not the same time less rounding
            now = (yield Sleep(delay, event, until=step.at)).now
        else:  # the caller took a while with the observed Task: the next poll is still due at step.at
            now = (yield _sleep(now, step.at, event)).now


Outcome = Task[R] | TaskpollError


@attrs.define
class _Slot(Generic[R]):
    flow: Flow[R]
    command: Command | None = None


# The window of fetches in flight (at most `concurrency`): it starts small and grows by one per answer,
# like TCP's slow start, up to the threshold, then by 1/window. A fetch that could not be sent in time
# (NotSent) or whose connection could not be opened in time says there are more requests in flight than
# this process (or the way to the server) can carry: the window halves, once per round of fetches.
_INITIAL_WINDOW = 8


def _congested(reply: Reply) -> bool:
    return isinstance(reply.error, (NotSent, httpx.ConnectTimeout))


class Scheduler(Generic[R]):
    """Runs many wait flows: the one due first is served first, at most `concurrency` fetches at once
    (fewer while requests fail to get out in time: see `window`).

    Sans-I/O like the flows: a driver asks `ready(now)` for fetches to start, reports each answer
    with `deliver`, sleeps until `wakeup()`, and collects `observed` Tasks and `finished` outcomes.
    (Rate limits are the flows' own business: they share a RateLimiter.)
    """

    def __init__(self, flows: Iterable[Flow[R]], *, concurrency: int, now: float) -> None:
        self.concurrency = max(1, concurrency)
        self.window = float(min(self.concurrency, _INITIAL_WINDOW))
        self._threshold = float(self.concurrency)
        self._cut_at = -math.inf  # when the window last halved: fetches started before do not halve it again
        self._sent_at: dict[int, float] = {}
        self.slots = [_Slot(flow) for flow in flows]
        self.outcomes: dict[int, Outcome[R]] = {}
        self.finished: deque[int] = deque()  # keys in the order they finished
        self.observed: deque[Task[R]] = deque()
        self.polled: deque[PollEvent] = deque()
        self.in_flight = 0
        self._heap: list[tuple[float, int, int]] = []  # (due, tiebreak, key): a fetch or a wake-up is due
        self._seq = 0
        for key in range(len(self.slots)):
            self._advance(key, None, now)

    @property
    def done(self) -> bool:
        return len(self.outcomes) == len(self.slots)

    def wakeup(self) -> float | None:
        """When `ready` may next have something to give (None: only a delivery can change that)."""
        if not self._heap:
            return None
        due, _, key = self._heap[0]
        if isinstance(self.slots[key].command, Fetch) and self.in_flight >= self.limit:
            return None  # the next fetch waits for a free slot, not for the clock
        return due

    def ready(self, now: float) -> list[tuple[int, Fetch]]:
        """Fetches to start now, earliest due first."""
        started: list[tuple[int, Fetch]] = []
        while self._heap and self._heap[0][0] <= now:
            key = self._heap[0][2]
            command = self.slots[key].command
            if isinstance(command, Sleep):  # its sleep is over: let the flow move on
                heapq.heappop(self._heap)
                self._advance(key, Reply(now), now)
                continue
            if self.in_flight >= self.limit:
                break
            heapq.heappop(self._heap)
            assert isinstance(command, Fetch)
            self.in_flight += 1
            self._sent_at[key] = now
            started.append((key, command))
        return started

    @property
    def limit(self) -> int:
        """Fetches allowed in flight now."""
        return max(1, int(self.window))

    def deliver(self, key: int, reply: Reply) -> None:
        """The answer to a fetch `ready` handed out."""
        self.in_flight -= 1
        sent_at = self._sent_at.pop(key, reply.now)
        if _congested(reply):
            if sent_at >= self._cut_at:
                self._threshold = self.window = max(1.0, self.window / 2)
                self._cut_at = reply.now
        elif self.window < self.concurrency:
            self.window = min(
                float(self.concurrency), self.window + (1.0 if self.window < self._threshold else 1.0 / self.window)
            )
        self._advance(key, reply, reply.now)

    def _advance(self, key: int, reply: Reply | None, now: float) -> None:
        slot = self.slots[key]
        try:
            command = slot.flow.send(reply) if reply is not None else next(slot.flow)
            while isinstance(command, Observe):
                self.observed.append(command.task)
                command = slot.flow.send(Reply(now))
        except StopIteration as stop:
            self._finish(key, stop.value)
            return
        except TaskpollError as exc:
            self._finish(key, exc)
            return
        slot.command = command
        if isinstance(command, Sleep) and command.event is not None:
            self.polled.append(command.event)
        due = now + command.seconds if isinstance(command, Sleep) else now
        self._seq += 1
        heapq.heappush(self._heap, (due, self._seq, key))

    def _finish(self, key: int, outcome: Outcome[R]) -> None:
        self.slots[key].command = None
        self.slots[key].flow.close()
        self.outcomes[key] = outcome
        self.finished.append(key)
