"""A wait as a pure step: (state, what a poll found, policy, now) -> done, or poll again at T because R.

This is the one place that decides anything about a wait. It does no I/O, reads no clock and draws
no random number of its own: the same state and answer give the same next step in any process, so
a wait can be carried in hops (a Celery message per poll, a cron, a resume token) and make the same
polls as one uninterrupted wait. `wait_flow`, the scheduler, the clients' `poll_once` and the Celery
integration all drive these functions.

    state = begin("notion", task_id, now=time.time(), timeout=600)
    step = before_poll(state, now=time.time())         # PollAgain(at=now): send now; at=T: not before T
    ...                                                # send the status request
    step = advance(step.state, task_or_error, policy, now=time.time(), sent_at=sent)
    # Done(outcome=Task | TaskpollError) or PollAgain(at=T, reason="backoff", ...)

Times are absolute, in whatever clock the caller uses consistently (`time.monotonic()` in one
process, `time.time()` across processes); a state's `clock_offset` (wall time minus its clock) puts
wall-clock times into its token, and `from_token(..., clock_offset=)` reads them into another clock.
"""

from __future__ import annotations

import logging
import math
from typing import Any, Generic, Protocol, TypeVar

import attrs

from . import _token
from ._errors import APITimeoutError, InvalidTokenError, RateLimitError, TaskpollError, WaitTimeoutError
from ._policy import Decision, Observation
from ._task import Task, TaskState

__all__ = [
    "Done",
    "Policy",
    "PollAgain",
    "RateLimit",
    "WaitState",
    "advance",
    "before_poll",
    "begin",
    "of_task",
    "request_timeout",
    "resumed",
    "timed_out",
]

R = TypeVar("R")
logger = logging.getLogger("taskpoll")

# Below this much time left, a request is not worth sending: the wait ends instead.
MIN_REMAINING = 0.005
# A poll due this little after `now` goes out now (timers fire a little early or late).
EARLY = 0.001
# When the backoff would pass the deadline, one last poll goes out as late as its answer can still
# come back in time: what is left minus LATENCY_FACTOR times the slowest of the last LATENCY_SAMPLES
# requests, minus FINAL_POLL_MARGIN ...
LATENCY_SAMPLES = 4
LATENCY_FACTOR = 2.0
FINAL_POLL_MARGIN = 0.1
# ... unless that poll would follow the one just made by less than this (or half the backoff, when
# that is shorter): two polls a moment apart tell nothing more than one, so the wait ends instead.
MIN_FINAL_GAP = 0.25
_MASK64 = (1 << 64) - 1
# Times written into a token are kept below this (unix seconds, year 33658): an absurd hint still resumes.
_MAX_TIME = 1e12


class Policy(Protocol):
    """What the step needs of a policy (`PollPolicy` is one): a request timeout and a decision."""

    @property
    def request_timeout(self) -> float: ...

    def decide(self, seen: Observation) -> Decision | None: ...


class RateLimit(Protocol):
    """Paces the requests of many waits: one limiter per process, or one shared by many (e.g. Redis)."""

    def book(self, now: float) -> float:
        """Book the next request slot at or after `now` and return its time (the caller's clock)."""
        ...


def _jitter_sample(seed: int, attempt: int) -> float:
    """A uniform number in [0, 1) fixed by (seed, attempt): splitmix64, so hops agree with one wait."""
    z = (seed + (attempt + 1) * 0x9E3779B97F4A7C15) & _MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return ((z ^ (z >> 31)) >> 11) / float(1 << 53)


def _time(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidTokenError(f"wait state is damaged: {what} is not a number")
    try:
        number = float(value)
    except OverflowError:
        raise InvalidTokenError(f"wait state is damaged: {what} is out of range") from None
    if math.isnan(number):
        raise InvalidTokenError(f"wait state is damaged: {what} is not a number")
    return number


def _count(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 1 << 62:
        raise InvalidTokenError(f"wait state is damaged: {what} is not a count")
    return value


def _latencies(value: object) -> tuple[float, ...]:
    """The request durations a state keeps: a list (this version) or one number (the first v2 tokens)."""
    samples = value if isinstance(value, list) else [value]
    if len(samples) > LATENCY_SAMPLES:
        raise InvalidTokenError("wait state is damaged: too many latency samples")
    return tuple(max(0.0, min(_time(sample, "latency"), 3600.0)) for sample in samples)


def _wall(value: float, offset: float) -> float | None:
    """A time of this clock as wall-clock seconds for a token (None for no time), kept finite and sane."""
    return None if math.isinf(value) else min(max(value + offset, -_MAX_TIME), _MAX_TIME)


def _text(value: object, what: str, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise InvalidTokenError(f"wait state is damaged: bad {what}")
    return value


@attrs.frozen(kw_only=True)
class WaitState:
    """Everything a wait has seen that decides its next poll. Serialisable (`to_dict`), nothing hidden.

    `last` (the last Task seen) and `last_error` (the last transient error) are kept in memory for
    error messages; `to_dict` keeps only their state, status and a one-line description.
    """

    provider: str
    task_id: str
    deadline: float = math.inf  # absolute, in the caller's clock; inf: no deadline
    attempt: int = 0  # polls made so far (answered or not)
    polls_in_state: int = 0  # consecutive answered polls that saw the current state
    failures: int = 0  # consecutive transient failures; 0 after a good answer
    rate_limits: int = 0  # consecutive 429s
    last_state: TaskState | None = None
    last_status: str | None = None
    last_progress: float | None = None
    not_before: float | None = None  # the server's earliest next poll (poll_after_seconds, Retry-After)
    booked: float | None = None  # the rate-limit slot this wait holds for its next poll, if any
    final_poll: bool = False  # the last poll before the deadline has been scheduled
    warned_unknown: bool = False
    latencies: tuple[float, ...] = ()  # how long the last LATENCY_SAMPLES requests took, for the last poll
    seed: int = 0  # fixes the jitter of every poll of this wait
    started: float | None = None  # when the wait began (the caller's clock), for `elapsed`; None: unknown
    last_error_text: str | None = None
    clock_offset: float = 0.0  # wall-clock time minus the caller's clock (0 when the caller uses wall time)
    last: Task[Any] | None = attrs.field(default=None, eq=False, repr=False)
    last_error: TaskpollError | None = attrs.field(default=None, eq=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict of the state (what a resume token holds), its times in wall-clock seconds."""
        offset = self.clock_offset
        return {
            "v": 2,
            "p": self.provider,
            "id": self.task_id,
            "d": _wall(self.deadline, offset),
            "a": self.attempt,
            "ps": self.polls_in_state,
            "f": self.failures,
            "rl": self.rate_limits,
            "st": None if self.last_state is None else self.last_state.value,
            "s": None if self.last_status is None else self.last_status[:200],
            "pr": self.last_progress if self.last_progress is None or math.isfinite(self.last_progress) else None,
            "n": None if self.not_before is None else _wall(self.not_before, offset),
            "b": None if self.booked is None else _wall(self.booked, offset),
            "fp": self.final_poll,
            "wu": self.warned_unknown,
            "l": list(self.latencies),
            "seed": self.seed,
            "t0": None if self.started is None else _wall(self.started, offset),
            "e": None if self.last_error_text is None else self.last_error_text[:300],
        }

    def token(self) -> str:
        """A secret-free resume token of this state (`tp1.`...); `from_token` reads it back."""
        return _token.dumps(self.to_dict())

    @classmethod
    def from_token(cls, token: object, *, clock_offset: float = 0.0) -> WaitState:
        """The state a token holds (one from `token()`, `Task.token()` or an older taskpoll's)."""
        return cls.from_dict(_token.loads(token), clock_offset=clock_offset)

    @classmethod
    def from_dict(cls, data: object, *, clock_offset: float = 0.0) -> WaitState:
        """The state `to_dict` wrote, in a clock that is `clock_offset` behind wall time (0: wall time
        itself; `time.time() - time.monotonic()` for monotonic). InvalidTokenError for anything else.
        """
        if not isinstance(data, dict):
            raise InvalidTokenError("wait state is damaged: not an object")
        provider, task_id = data.get("p"), data.get("id")
        if not isinstance(provider, str) or not isinstance(task_id, str):
            raise InvalidTokenError("wait state is damaged: provider or task id missing")
        state = data.get("st")
        try:
            last_state = None if state is None else TaskState(state)
        except ValueError:
            raise InvalidTokenError("wait state is damaged: bad state") from None
        deadline = data.get("d")
        not_before = data.get("n")
        booked = data.get("b")
        progress = data.get("pr")
        started = data.get("t0")
        seed = data.get("seed", 0)
        if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= _MASK64:
            raise InvalidTokenError("wait state is damaged: bad seed")
        return cls(
            provider=provider,
            task_id=task_id,
            deadline=math.inf if deadline is None else _time(deadline, "deadline") - clock_offset,
            attempt=_count(data.get("a", 0), "attempt"),
            polls_in_state=_count(data.get("ps", 0), "polls in state"),
            failures=_count(data.get("f", 0), "failures"),
            rate_limits=_count(data.get("rl", 0), "rate limits"),
            last_state=last_state,
            last_status=_text(data.get("s"), "status", 200),
            last_progress=None if progress is None else _time(progress, "progress"),
            not_before=None if not_before is None else _time(not_before, "next poll time") - clock_offset,
            booked=None if booked is None else _time(booked, "rate-limit slot") - clock_offset,
            final_poll=data.get("fp") is True,
            warned_unknown=data.get("wu") is True,
            latencies=_latencies(data.get("l", [])),
            seed=seed,
            started=None if started is None else _time(started, "start time") - clock_offset,
            last_error_text=_text(data.get("e"), "last error", 300),
            clock_offset=clock_offset,
        )


@attrs.frozen
class PollAgain:
    """Poll again at `at` (absolute, the caller's clock), because `reason`."""

    at: float
    reason: str
    state: WaitState
    changed: bool = False  # the poll this follows saw something new (its Task is `state.last`)
    error: TaskpollError | None = None  # the transient error that poll met, if any
    delay: float | None = None  # after a poll: the seconds from its answer to `at`, as decided


@attrs.frozen
class Done(Generic[R]):
    """The wait is over: `outcome` is the final Task, or the error that ended it."""

    outcome: Task[R] | TaskpollError
    state: WaitState
    changed: bool = False


NextStep = PollAgain | Done[Any]  # what before_poll says to do


def begin(
    provider: str,
    task_id: str,
    *,
    now: float,
    timeout: float = math.inf,
    not_before: float | None = None,
    seed: int = 0,
    clock_offset: float = 0.0,
) -> WaitState:
    """A new wait that may run `timeout` seconds from `now`; its first poll not before `not_before`.

    `seed` fixes the jitter of its polls; `clock_offset` is wall time minus the clock of `now`.
    """
    return WaitState(
        provider=provider,
        task_id=task_id,
        deadline=now + timeout,
        not_before=not_before,
        seed=seed & _MASK64,
        started=now,
        clock_offset=clock_offset,
    )


def resumed(state: WaitState, *, now: float, timeout: float = math.inf) -> WaitState:
    """`state` carried on as a new wait window (`Client.resume`): its counters, streaks, last state,
    latencies, jitter and the server's next-poll time are kept; the deadline is `timeout` from `now`,
    and a rate-limit slot booked elsewhere is given up (the resuming process books its own).
    """
    return attrs.evolve(state, deadline=now + timeout, started=now, final_poll=False, booked=None)


def of_task(task: Task[Any]) -> WaitState:
    """The state a Task's token holds (`Task.token()`): what one answer tells, and the server's hint."""
    not_before = None
    if task.poll_after is not None and task.observed_at is not None:
        not_before = task.observed_at.timestamp() + task.poll_after
        not_before = None if math.isnan(not_before) else min(max(not_before, 0.0), _MAX_TIME)
    return WaitState(
        provider=task.provider,
        task_id=task.id,
        last_state=task.state,
        last_status=task.status[:200] if isinstance(task.status, str) else None,
        last_progress=task.progress if task.progress is None or math.isfinite(task.progress) else None,
        not_before=not_before,
        last=task,
    )


def timed_out(state: WaitState, now: float, why: str, started: float | None = None) -> WaitTimeoutError:
    """The WaitTimeoutError that ends `state` at `now`, with a token that resumes it (the transient
    error of the last poll, if it failed, is its `__cause__` and its `last_error`)."""
    last = state.last
    seen = ""
    if state.last_state is not None:
        seen = f"; last seen {state.last_state.value} ({state.last_status})"
    if state.last_error_text and (state.last_state is None or state.failures or state.rate_limits):
        seen += f"; the last poll failed: {state.last_error_text}"
    started = state.started if started is None else started
    elapsed = max(0.0, now - started) if started is not None else 0.0
    waited = f" (waited {elapsed:.1f} s)" if started is not None else ""
    error = WaitTimeoutError(
        f"{state.provider} task {state.task_id!r}: {why}{waited}{seen}; the task goes on",
        provider=state.provider,
        task_id=state.task_id,
        task=last,
        elapsed=elapsed,
        token=state.token(),
        last_error=state.last_error,
    )
    error.__cause__ = state.last_error  # what `raise ... from` sets: the poll that failed, if the last one did
    return error


def before_poll(state: WaitState, now: float, rate_limit: RateLimit | None = None) -> NextStep:
    """At `now`, may this wait's next poll go out? `PollAgain(at=now)`: send it now (its state then holds
    no slot); `PollAgain(at=T)` with T later: not before T (the server's hint, or the rate-limit slot
    now booked for it); `Done`: the wait ended (no poll fits before the deadline).
    """
    soon = now + EARLY
    if state.not_before is not None and state.not_before > soon:
        if state.not_before >= state.deadline:
            return Done(timed_out(state, now, "the server asked to wait past the deadline"), state)
        return PollAgain(state.not_before, "server poll_after", state)
    if state.booked is not None and state.booked > soon:
        return PollAgain(state.booked, "rate limit", state)
    if rate_limit is not None and state.booked is None:
        slot = rate_limit.book(now)
        if slot > soon:
            if slot >= state.deadline:
                why = "the provider's rate limit leaves no request before the deadline"
                return Done(timed_out(state, now, why), state)
            return PollAgain(slot, "rate limit", attrs.evolve(state, booked=slot))
    if state.deadline - now <= MIN_REMAINING:
        return Done(timed_out(state, now, "wait timed out"), state)
    return PollAgain(now, "poll", attrs.evolve(state, booked=None) if state.booked is not None else state)


def request_timeout(state: WaitState, policy: Policy, now: float) -> float:
    """The timeout for a request sent at `now`: the policy's, clipped to what is left of the wait."""
    return min(policy.request_timeout, state.deadline - now)


def _final_poll_delay(state: WaitState, remaining: float, backoff: float) -> float | None:
    """How long to wait before the last poll before the deadline: as late as a request as slow as the
    slowest of the recent ones still answers in time; None when that poll would follow the one just
    made by only a moment (the wait ends instead)."""
    budget = LATENCY_FACTOR * max(state.latencies, default=0.0) + FINAL_POLL_MARGIN
    delay = remaining - budget
    if delay < min(MIN_FINAL_GAP, backoff / 2):
        return None
    return delay


def advance(
    state: WaitState,
    answer: Task[R] | TaskpollError,
    policy: Policy,
    *,
    now: float,
    sent_at: float | None = None,
    started: float | None = None,
) -> PollAgain | Done[R]:
    """What a wait does after one poll, answered at `now` with `answer` (a Task, or the error it met).

    `sent_at` (when the request went out) adds a latency sample; `started` overrides the state's own
    start time for `elapsed`.
    """
    latencies = state.latencies
    if sent_at is not None:
        latencies = (*latencies, max(0.0, now - sent_at))[-LATENCY_SAMPLES:]
    attempt = state.attempt + 1
    hint: float | None = None
    if isinstance(answer, TaskpollError):
        if not answer.is_transient:
            return Done(answer, attrs.evolve(state, attempt=attempt, latencies=latencies))
        hint = getattr(answer, "retry_after", None)
        if isinstance(answer, RateLimitError):
            failures, rate_limits = state.failures, state.rate_limits + 1
        else:
            # A poll that never left this process (a busy event loop, a full pool) is no failure of the
            # server's: it does not spend the failure budget; the deadline still ends the wait.
            unsent = isinstance(answer, APITimeoutError) and not answer.sent
            failures, rate_limits = state.failures + (0 if unsent else 1), 0
        state = attrs.evolve(
            state,
            attempt=attempt,
            failures=failures,
            rate_limits=rate_limits,
            latencies=latencies,
            last_error=answer,
            last_error_text=str(answer)[:300],
        )
        changed = False
        error: TaskpollError | None = answer
    else:
        task = answer
        same = state.last_state is task.state
        seen = (state.last_state, state.last_status, state.last_progress)
        changed = state.last is None or seen != (task.state, task.status, task.progress)
        state = attrs.evolve(
            state,
            attempt=attempt,
            polls_in_state=state.polls_in_state + 1 if same else 1,
            failures=0,
            rate_limits=0,
            latencies=latencies,
            last_state=task.state,
            last_status=task.status,
            last_progress=task.progress,
            last=task,
            last_error=None,
            last_error_text=None,
        )
        if task.state.is_terminal:
            return Done(task, state, changed=True)
        if task.state is TaskState.UNKNOWN and not state.warned_unknown:
            state = attrs.evolve(state, warned_unknown=True)
            logger.warning(
                "%s task %r reports status %r, which taskpoll does not know; polling on until the deadline",
                state.provider,
                state.task_id,
                task.status,
            )
        hint = task.poll_after
        error = None
    started = state.started if started is None else started
    decision = policy.decide(
        Observation(
            attempt=attempt,
            elapsed=0.0 if started is None else now - started,
            polls_in_state=max(state.polls_in_state, 1),
            hint=hint,
            failures=state.failures,
            rate_limits=state.rate_limits,
            jitter_sample=_jitter_sample(state.seed, attempt),
        )
    )
    if decision is None:  # the failure budget is spent: the last error ends the wait
        assert error is not None
        return Done(error, state)
    delay, reason = decision.delay, decision.reason
    not_before = now + delay if decision.hint_bound else None
    if not_before != state.not_before:
        state = attrs.evolve(state, not_before=not_before)
    if decision.beyond_max_hint:
        # "Wait at least" this long, and longer than the policy lets a wait sleep: polling sooner
        # would be rude, so the wait ends now, with a token that resumes at the server's time.
        limit = getattr(policy, "max_hint", None)
        beyond = f"PollPolicy.max_hint ({limit:g} s)" if isinstance(limit, (int, float)) else "the policy's max_hint"
        why = f"the server asked to wait {delay:g} s, more than {beyond}"
        return Done(timed_out(state, now, why, started), state, changed=changed)
    remaining = state.deadline - now
    if delay >= remaining:
        if decision.hint_bound or state.final_poll:
            # The server asked for a wait (poll_after_seconds, a 429's Retry-After) that ends past
            # the deadline, or the last poll has been made: the wait ends now, resumable.
            why = (
                f"the server asked to wait {delay:g} s, past the deadline" if decision.hint_bound else "wait timed out"
            )
            return Done(timed_out(state, now, why, started), state, changed=changed)
        last_delay = _final_poll_delay(state, remaining, delay)
        if last_delay is None:
            return Done(timed_out(state, now, "wait timed out", started), state, changed=changed)
        delay, reason = last_delay, "last poll before the deadline"
        state = attrs.evolve(state, final_poll=True)
    return PollAgain(now + delay, reason, state, changed=changed, error=error, delay=delay)
