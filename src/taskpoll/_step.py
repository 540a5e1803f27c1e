"""A wait as a pure step: (state, what a poll found, policy, now) -> done, or poll again at T because R.

This is the one place that decides anything about a wait. It does no I/O, reads no clock and draws
no random number of its own: the same state and answer give the same next step in any process, so
a wait can be carried in hops (a resume token, a Celery message, a Temporal activity) and make the
same polls as one uninterrupted wait. The clients' loops, `poll_once` and the engines all drive it.

    state = begin("notion", task_id, now=time.time(), timeout=600)
    step = before_poll(state, now=time.time())         # PollAgain(at=now): send now; at=T: not before T
    ...                                                # send the status request
    step = advance(step.state, task_or_error, policy, now=time.time(), sent_at=sent)
    # Done(outcome=Task | TaskpollError) or PollAgain(at=T, reason="backoff", ...)

The state keeps the time of its next poll, so a wait resumed from a token sleeps until then, as the
uninterrupted wait would have. Times are absolute, in whatever clock the caller uses consistently
(`time.monotonic()` in one process, `time.time()` across processes); a state's `clock_offset` (wall
time minus its clock) puts wall-clock times into its token, and `from_token(..., clock_offset=)`
reads them into another clock.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any, Generic, Protocol, TypeVar

import attrs

from . import _token
from ._errors import (
    APITimeoutError,
    InvalidTaskIdError,
    InvalidTokenError,
    RateLimitError,
    TaskpollError,
    TaskStalledError,
    WaitTimeoutError,
)
from ._ids import check_task_id
from ._policy import Decision, Observation
from ._task import Task, TaskState

__all__ = ["Done", "Policy", "PollAgain", "RateLimit", "WaitState", "advance", "before_poll", "begin", "resumed"]

R = TypeVar("R")

# Below this much time left, a request is not worth sending: the wait ends instead.
MIN_REMAINING = 0.005
# A poll due this little after `now` goes out now (timers fire a little early or late).
EARLY = 0.001
# When the next poll would come after the deadline, one last poll goes out as late as its answer can
# still come back in time: the deadline minus LATENCY_FACTOR times the slowest of the last
# LATENCY_SAMPLES requests, minus FINAL_POLL_MARGIN ...
LATENCY_SAMPLES = 4
LATENCY_FACTOR = 2.0
FINAL_POLL_MARGIN = 0.1
# ... unless it would follow the last answer by less than this (or half the backoff, when that is
# shorter): two polls a moment apart tell nothing more than one, so the wait ends instead.
MIN_FINAL_GAP = 0.25
FINAL = "last poll before the deadline"
DEADLINE = "no poll fits before the deadline"
_MASK64 = (1 << 64) - 1
_MAX_TIME = 1e12  # times written into a token stay below this (unix seconds, year 33658)
_TIMES = frozenset({"deadline", "next_poll", "last_poll", "booked", "started", "last_activity"})
_COUNTS = frozenset({"attempt", "polls_in_state", "failures", "rate_limits"})


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


def _damaged(what: str) -> InvalidTokenError:
    return InvalidTokenError(f"wait state is damaged: {what}")


def _number(value: object, what: str) -> float:
    try:
        number = math.nan if isinstance(value, bool) or not isinstance(value, (int, float)) else float(value)
    except OverflowError:
        number = math.nan
    if math.isnan(number):
        raise _damaged(f"{what} is not a number in range")
    return number


def _read(name: str, value: object, offset: float) -> Any:
    """A token's value of WaitState field `name`, checked (InvalidTokenError for anything else)."""
    if name in _TIMES:
        return _number(value, name) - offset
    if name in _COUNTS or name == "seed":
        top = _MASK64 if name == "seed" else (1 << 62) - 1
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
            raise _damaged(f"{name} is not a count")
        return value
    if name in ("hinted", "final_poll", "warned_unknown"):
        return value is True
    if name == "last_progress" or name == "stalled_after":
        number = _number(value, name)
        if name == "stalled_after" and not number > 0:
            raise _damaged("stalled_after is not above 0")
        return number
    if name == "latencies":
        samples = value if isinstance(value, list) else [value]
        if len(samples) > LATENCY_SAMPLES:
            raise _damaged("too many latency samples")
        return tuple(max(0.0, min(_number(sample, "latency"), 3600.0)) for sample in samples)
    if name == "task_id":
        try:
            return check_task_id(value)
        except InvalidTaskIdError as exc:
            raise _damaged(str(exc)) from None
    if name == "last_state":
        try:
            return TaskState(value)
        except ValueError:
            raise _damaged("bad state") from None
    limit = {"provider": 100, "last_error_text": 300}.get(name, 200)
    if not isinstance(value, str) or len(value) > limit or (name == "provider" and not (value and value.isprintable())):
        raise _damaged(f"bad {name}")
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
    next_poll: float | None = None  # when the next poll is due (None: at once)
    hinted: bool = False  # the server asked for that time (poll_after_seconds, Retry-After): never sooner
    last_poll: float | None = None  # when the last poll was answered
    booked: float | None = None  # the rate-limit slot this wait holds for its next poll, if any
    final_poll: bool = False  # the last poll before the deadline has been scheduled
    warned_unknown: bool = False
    latencies: tuple[float, ...] = ()  # how long the last LATENCY_SAMPLES requests took, for the last poll
    seed: int = 0  # fixes the jitter of every poll of this wait
    started: float | None = None  # when the wait began (the caller's clock), for `elapsed`; None: unknown
    last_error_text: str | None = None
    stalled_after: float = math.inf  # seconds without a sign of activity that end the wait (TaskStalledError)
    last_activity: float | None = None  # the last sign of activity (kept while stalled_after is finite)
    trace: str | None = None  # the W3C trace context its hops' spans join (taskpoll.contrib.otel)
    clock_offset: float = 0.0  # wall-clock time minus the caller's clock (0 when the caller uses wall time)
    last: Task[Any] | None = attrs.field(default=None, eq=False, repr=False)
    last_error: TaskpollError | None = attrs.field(default=None, eq=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict of what differs from a new wait (what a token holds), times in wall-clock seconds."""
        data: dict[str, Any] = {}
        for field in attrs.fields(WaitState):
            value = getattr(self, field.name)
            key = _token.KEYS.get(field.name)
            if key is None or value == field.default:
                continue
            if field.name in _TIMES:
                value = None if math.isinf(value) else min(max(value + self.clock_offset, -_MAX_TIME), _MAX_TIME)
            elif isinstance(value, TaskState):
                value = value.value
            elif isinstance(value, tuple):
                value = list(value)
            elif field.name in ("last_status", "last_error_text"):
                value = value[: 300 if field.name == "last_error_text" else 200]
            elif isinstance(value, float) and not math.isfinite(value):
                continue
            if value is not None:
                data[key] = value
        return data

    def due_now(self) -> WaitState:
        """This state with its next poll due at once (a webhook said the task moved), unless the server
        asked for a later time (poll_after_seconds, a 429's Retry-After): that still holds."""
        return self if self.hinted or self.next_poll is None else attrs.evolve(self, next_poll=None)

    def token(self) -> str:
        """A secret-free resume token of this state (`tp2.`...); `from_token` reads it back."""
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
            raise _damaged("not an object")
        if not isinstance(data.get("p"), str) or not isinstance(data.get("id"), str):
            raise _damaged("provider or task id missing")
        values = {
            name: _read(name, data[key], clock_offset) for name, key in _token.KEYS.items() if data.get(key) is not None
        }
        return cls(**values, clock_offset=clock_offset)


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
    provider: str, task_id: str, *, now: float, timeout: float = math.inf, seed: int = 0, clock_offset: float = 0.0
) -> WaitState:
    """A new wait that may run `timeout` seconds from `now`. `seed` fixes the jitter of its polls;
    `clock_offset` is wall time minus the clock of `now`."""
    return WaitState(
        provider=provider,
        task_id=task_id,
        deadline=now + timeout,
        seed=seed & _MASK64,
        started=now,
        clock_offset=clock_offset,
    )


def resumed(state: WaitState, *, now: float, timeout: float = math.inf) -> WaitState:
    """`state` carried on as a new wait window (`Client.resume`): its counters, streaks, last state,
    latencies, jitter and its next poll time are kept; the deadline is `timeout` from `now`, a stall window
    starts afresh, and a rate-limit slot booked elsewhere is given up (the resuming process books its own).
    """
    active = None if state.stalled_after == math.inf else now
    return attrs.evolve(state, deadline=now + timeout, started=now, final_poll=False, booked=None, last_activity=active)


def timed_out(state: WaitState, now: float, why: str, **stall: Any) -> WaitTimeoutError:
    """The WaitTimeoutError (TaskStalledError, given `stall`) that ends `state` at `now`, with a token
    that resumes it (the transient error of the last poll, if it failed, is its `__cause__` and its
    `last_error`)."""
    seen = ""
    if state.last_state is not None:
        seen = f"; last seen {state.last_state.value} ({state.last_status})"
    if state.last_error_text and (state.last_state is None or state.failures or state.rate_limits):
        seen += f"; the last poll failed: {state.last_error_text}"
    elapsed = max(0.0, now - state.started) if state.started is not None else 0.0
    waited = f" (waited {elapsed:.1f} s)" if state.started is not None else ""
    error = (TaskStalledError if stall else WaitTimeoutError)(
        f"{state.provider} task {state.task_id!r}: {why}{waited}{seen}; the task goes on",
        **stall,
        provider=state.provider,
        task_id=state.task_id,
        task=state.last,
        elapsed=elapsed,
        token=state.token(),
        last_error=state.last_error,
    )
    error.__cause__ = state.last_error  # what `raise ... from` sets: the poll that failed, if the last one did
    return error


def _scheduled(state: WaitState, now: float) -> tuple[WaitState, NextStep | None]:
    """The wait's next poll as its state schedules it: a later time, the end of the wait (no poll fits
    before the deadline), or None when it is due now. Places the last poll before the deadline."""
    due = state.next_poll
    if due is None or due <= now + EARLY:
        return state, None
    if due < state.deadline:
        return state, PollAgain(due, "server poll_after" if state.hinted else "scheduled", state)
    if state.hinted:
        return state, Done(timed_out(state, now, f"the server asked to wait {due - now:g} s, past the deadline"), state)
    budget = LATENCY_FACTOR * max(state.latencies, default=0.0) + FINAL_POLL_MARGIN
    last = state.deadline - budget
    since = state.last_poll if state.last_poll is not None else -math.inf
    if state.final_poll or last < now or last - since < min(MIN_FINAL_GAP, (due - since) / 2):
        if state.deadline - now > MIN_REMAINING:  # no poll fits: the wait holds until its deadline, then ends
            return state, PollAgain(state.deadline, DEADLINE, state)
        return state, Done(timed_out(state, now, "wait timed out"), state)
    state = attrs.evolve(state, next_poll=last, final_poll=True)
    return state, (PollAgain(last, FINAL, state) if last > now + EARLY else None)


def before_poll(state: WaitState, now: float, rate_limit: RateLimit | None = None) -> NextStep:
    """At `now`, may this wait's next poll go out? `PollAgain(at=now)`: send it now (its state then holds
    no slot); `PollAgain(at=T)` with T later: not before T (its schedule, the server's hint, or the
    rate-limit slot now booked for it); `Done`: the wait ended (no poll fits before the deadline).
    """
    state, step = _scheduled(state, now)
    if step is not None:
        return step
    soon = now + EARLY
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


def _activity(state: WaitState, task: Task[Any], now: float, moved: bool) -> float | None:
    """The last sign of life, tracked while the wait has a stall window: what the answer says (no later than
    now), a change since the last answer, the last known; the first answer saying nothing starts the count."""
    if state.stalled_after == math.inf:
        return None
    said = None if task.last_activity is None else min(task.last_activity.timestamp() - state.clock_offset, now)
    return max((t for t in (state.last_activity, said, now if moved else None) if t is not None), default=now)


def advance(
    state: WaitState,
    answer: Task[R] | TaskpollError,
    policy: Policy,
    *,
    now: float,
    sent_at: float | None = None,
) -> PollAgain | Done[R]:
    """What a wait does after one poll, answered at `now` with `answer` (a Task, or the error it met).
    `sent_at` (when the request went out) adds a latency sample."""
    latencies = state.latencies
    if sent_at is not None:
        latencies = (*latencies, max(0.0, now - sent_at))[-LATENCY_SAMPLES:]
    attempt = state.attempt + 1
    hint: float | None = None
    error: TaskpollError | None = None
    if isinstance(answer, TaskpollError):
        if not answer.is_transient:
            return Done(answer, attrs.evolve(state, attempt=attempt, latencies=latencies))
        error, hint = answer, getattr(answer, "retry_after", None)
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
    else:
        task = answer
        seen = (state.last_state, state.last_status, state.last_progress)
        moved = seen != (task.state, task.status, task.progress)
        changed = state.last is None or moved
        active = _activity(state, task, now, moved and state.last_state is not None)
        state = attrs.evolve(
            state,
            attempt=attempt,
            polls_in_state=state.polls_in_state + 1 if state.last_state is task.state else 1,
            failures=0,
            rate_limits=0,
            latencies=latencies,
            last_state=task.state,
            last_status=task.status,
            last_progress=task.progress,
            last=task,
            last_error=None,
            last_error_text=None,
            warned_unknown=state.warned_unknown or task.state is TaskState.UNKNOWN,
            last_activity=active,
        )
        if task.state.is_terminal:
            return Done(task, state, changed=True)
        if active is not None and now - active >= state.stalled_after:
            why = f"no sign of activity for {now - active:.1f} s (stalled_after {state.stalled_after:g} s)"
            when = datetime.fromtimestamp(active + state.clock_offset, UTC)
            error = timed_out(state, now, why, last_activity=when, stalled_after=state.stalled_after)
            return Done(error, state, changed)
        hint = task.poll_after
    decision = policy.decide(
        Observation(
            attempt=attempt,
            elapsed=0.0 if state.started is None else now - state.started,
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
    delay = decision.delay
    state = attrs.evolve(state, next_poll=now + delay, hinted=decision.hint_bound, last_poll=now)
    if decision.beyond_max_hint:
        # "Wait at least" this long, and longer than the policy lets a wait sleep: polling sooner
        # would be rude, so the wait ends now, with a token that resumes at the server's time.
        limit = getattr(policy, "max_hint", None)
        beyond = f"PollPolicy.max_hint ({limit:g} s)" if isinstance(limit, (int, float)) else "the policy's max_hint"
        return Done(timed_out(state, now, f"the server asked to wait {delay:g} s, more than {beyond}"), state, changed)
    state, step = _scheduled(state, now)
    if isinstance(step, Done):
        return Done(step.outcome, state, changed)
    if step is None:  # due at once (a zero delay)
        return PollAgain(now, decision.reason, state, changed=changed, error=error, delay=0.0)
    if step.reason in (FINAL, DEADLINE):
        return PollAgain(step.at, step.reason, state, changed=changed, error=error, delay=step.at - now)
    return PollAgain(step.at, decision.reason, state, changed=changed, error=error, delay=delay)
