"""The polling engine, written once and without I/O.

A wait is a generator (the httpx `auth_flow` pattern): it yields commands — `Fetch` this request,
`Sleep` this long, `Observe` this new Task — and is sent back a `Reply` carrying the clock and, for a
fetch, the response or the transport error. The drivers in `_drivers.py` run it with httpx and
time.sleep or asyncio.sleep; the tests run it on a fake clock. `Scheduler` runs many such flows,
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
from collections.abc import Generator, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import httpx

from . import _token
from ._errors import APITimeoutError, RateLimitError, TaskpollError, WaitTimeoutError
from ._http import NotSent
from ._policy import MAX_SECONDS, Observation, PollPolicy
from ._task import Task, TaskState

if TYPE_CHECKING:
    from .providers._base import Provider

R = TypeVar("R")
logger = logging.getLogger("taskpoll")

# When the backoff would pass the deadline, one last poll goes out as late as the answer can still
# come back in time: what is left minus twice the slowest of the recent requests, minus a margin.
_LATENCY_SAMPLES = 4
_LATENCY_FACTOR = 2.0
_FINAL_POLL_MARGIN = 0.1
# ... unless that poll would follow the one just made by less than this (or half the backoff, when
# that is shorter): two polls a moment apart tell nothing more than one, so the wait ends instead.
_MIN_FINAL_GAP = 0.25
_MIN_REMAINING = 0.005


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


def _timed_out(
    provider: Provider[Any],
    task_id: str,
    last: Task[Any] | None,
    elapsed: float,
    why: str,
    next_poll_in: float | None = None,
    error: TaskpollError | None = None,
) -> WaitTimeoutError:
    """The WaitTimeoutError of a wait that ends now; `next_poll_in`: seconds a server (a Retry-After)
    asked to wait, which the token carries instead of the last task's hint."""
    if next_poll_in is not None:
        status = last.status if last is not None else None
        token = _token.make(provider.name, task_id, status, round(time.time() + next_poll_in, 3))
    else:
        token = last.token() if last is not None else _token.make(provider.name, task_id)
    state = f"; last seen {last.state.value} ({last.status})" if last is not None else ""
    if error is not None:  # say why the polls failed: an unreachable host must not look like a slow task
        state += f"; the last poll failed: {error}"
    return WaitTimeoutError(
        f"{provider.name} task {task_id!r}: {why} (waited {elapsed:.1f} s){state}; the task goes on",
        provider=provider.name,
        task_id=task_id,
        task=last,
        elapsed=elapsed,
        token=token,
        last_error=error,
    )


def wait_flow(
    provider: Provider[R],
    task_id: str,
    policy: PollPolicy,
    *,
    timeout: float,
    started: float,
    not_before: float | None = None,
    rng: random.Random | None = None,
    limiter: RateLimiter | None = None,
) -> Flow[R]:
    """Poll one task until it is terminal; return its last Task or raise a TaskpollError.

    `started` is the monotonic time the wait began; the deadline is `started + timeout`. The first
    poll goes out at once, or at `not_before` when a resumed wait must honour an earlier hint.
    """
    request = provider.status_request(task_id)  # refuses a bad id before any I/O
    rng = rng or random.Random()
    deadline = started + timeout
    now = started
    last: Task[R] | None = None
    error: TaskpollError | None = None
    attempt = polls_in_state = failures = rate_limits = 0
    final_poll = warned_unknown = False
    durations: deque[float] = deque(maxlen=_LATENCY_SAMPLES)  # how long the recent requests took

    if not_before is not None and not_before > now:
        if not_before >= deadline:
            raise _timed_out(provider, task_id, last, now - started, "the server asked to wait past the deadline")
        while not_before > now:  # in pieces: time.sleep refuses more than about 9.2e9 s at once
            now = (yield Sleep(min(not_before - now, MAX_SECONDS))).now

    while True:
        if limiter is not None:
            pause = limiter.reserve(now)
            if pause > 0:
                if now + pause >= deadline:
                    raise _timed_out(
                        provider,
                        task_id,
                        last,
                        now - started,
                        "the provider's rate limit leaves no request before the deadline",
                        error=error,
                    ) from error
                now = (yield Sleep(pause)).now
        remaining = deadline - now
        if remaining <= _MIN_REMAINING:
            raise _timed_out(provider, task_id, last, now - started, "wait timed out", error=error) from error
        sent = now
        reply = yield Fetch(request, timeout=min(policy.request_timeout, remaining), deadline=deadline)
        now = reply.now
        durations.append(max(0.0, now - sent))
        attempt += 1
        hint: float | None = None
        try:
            task = provider.read(task_id, reply)
        except RateLimitError as exc:
            error, hint = exc, exc.retry_after
            rate_limits += 1
        except TaskpollError as exc:
            if not exc.is_transient:
                raise
            error, hint = exc, getattr(exc, "retry_after", None)
            # A poll that never left this process (a busy event loop) is no failure of the server's.
            failures += 0 if isinstance(exc, APITimeoutError) and not exc.sent else 1
            rate_limits = 0
        else:
            error, failures, rate_limits = None, 0, 0
        finally:
            del reply  # a sleeping flow must not keep its last httpx.Response alive (about 2 kB each)
        if error is None:
            polls_in_state = polls_in_state + 1 if last is not None and last.state is task.state else 1
            changed = task.changed_since(last)
            last = task
            if changed or task.state.is_terminal:
                now = (yield Observe(task)).now
            if task.state.is_terminal:
                return task
            if task.state is TaskState.UNKNOWN and not warned_unknown:
                warned_unknown = True
                logger.warning(
                    "%s task %r reports status %r, which taskpoll does not know; polling on until the deadline",
                    provider.name,
                    task_id,
                    task.status,
                )
            hint = task.poll_after
        decision = policy.decide(
            Observation(
                attempt=attempt,
                elapsed=now - started,
                polls_in_state=max(polls_in_state, 1),
                hint=hint,
                failures=failures,
                rate_limits=rate_limits,
                jitter_sample=rng.random(),
            )
        )
        if decision is None:
            assert error is not None
            raise error
        delay, reason = decision.delay, decision.reason
        if decision.beyond_max_hint:
            # "Wait at least" this long, and longer than the policy lets a wait sleep: polling sooner
            # would be rude, so the wait ends now, with a token that resumes at the server's time.
            raise _timed_out(
                provider,
                task_id,
                last,
                now - started,
                f"the server asked to wait {delay:g} s, more than PollPolicy.max_hint ({policy.max_hint:g} s)",
                next_poll_in=delay if error is not None else None,
                error=error,
            ) from error
        remaining = deadline - now
        if delay >= remaining:
            if decision.hint_bound or final_poll:
                # The server asked for a wait (poll_after_seconds, a 429's Retry-After) that ends past
                # the deadline: polling sooner would be rude, so the wait ends now, resumable.
                why = (
                    f"the server asked to wait {delay:g} s, past the deadline"
                    if decision.hint_bound
                    else "wait timed out"
                )
                raise _timed_out(provider, task_id, last, now - started, why, error=error) from error
            budget = _LATENCY_FACTOR * max(durations, default=0.0) + _FINAL_POLL_MARGIN
            last_delay = remaining - budget
            if last_delay < min(_MIN_FINAL_GAP, delay / 2):
                raise _timed_out(provider, task_id, last, now - started, "wait timed out", error=error) from error
            delay = last_delay
            reason, final_poll = "last poll before the deadline", True
        if logger.isEnabledFor(logging.DEBUG):
            seen = f"{last.state.value} ({last.status})" if error is None and last is not None else repr(error)
            logger.debug(
                "%s task %r poll %d: %s; next poll in %.2f s (%s)", provider.name, task_id, attempt, seen, delay, reason
            )
        event = PollEvent(
            provider=provider.name,
            task_id=task_id,
            attempt=attempt,
            elapsed=now - started,
            task=last if error is None else None,
            error=error,
            next_delay=delay,
            reason=reason,
        )
        now = (yield Sleep(delay, event)).now


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
