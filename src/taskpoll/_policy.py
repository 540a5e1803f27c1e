"""When to poll next: a pure function of what a wait has seen. No I/O, no clock, no randomness of its own."""

from __future__ import annotations

import math
from typing import Any

import attrs

from ._errors import ConfigurationError, shown

__all__ = ["Decision", "Observation", "PollPolicy"]

# The largest number any field takes (about 31 years). Beyond it, sleeps and socket timeouts stop
# fitting the platform's clocks (time.sleep refuses about 9.2e9 s) and the backoff arithmetic overflows.
MAX_SECONDS = 1e9


@attrs.frozen(kw_only=True)
class Observation:
    """What the wait has seen, right after one poll."""

    attempt: int  # polls made so far, this one included
    elapsed: float  # seconds since the wait began
    polls_in_state: int = 1  # consecutive answered polls that saw the current state (1: it just changed)
    hint: float | None = None  # what the server asked for, in seconds: poll_after_seconds or Retry-After
    failures: int = 0  # consecutive transient failures, this poll included; 0 after a good answer
    rate_limits: int = 0  # consecutive 429 answers, this poll included
    jitter_sample: float = 0.5  # a uniform number in [0, 1) drawn by the caller


@attrs.frozen
class Decision:
    """Wait `delay` seconds, for `reason`."""

    delay: float
    reason: str
    hint_bound: bool = False  # the server asked for this wait: it is never shortened
    beyond_max_hint: bool = False  # for longer than PollPolicy.max_hint: end the wait (resumable), not poll early


def _check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    name = attribute.name
    if name == "max_consecutive_failures":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ConfigurationError(f"PollPolicy.max_consecutive_failures must be an int >= 0, not {shown(value)}")
        return
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise ConfigurationError(f"PollPolicy.{name} must be a finite number >= 0, not {shown(value)}")
    try:
        number = float(value)  # an int too large for a float raises OverflowError
    except OverflowError:
        number = math.inf
    if not math.isfinite(number) or not 0 <= number <= MAX_SECONDS:
        raise ConfigurationError(
            f"PollPolicy.{name} must be a finite number from 0 to {MAX_SECONDS:g}, not {shown(value)}"
        )
    if name == "multiplier" and number < 1:
        raise ConfigurationError(f"PollPolicy.multiplier must be >= 1, not {shown(number)}")
    if name == "jitter" and number >= 1:
        raise ConfigurationError(f"PollPolicy.jitter is a fraction below 1, not {shown(number)}")
    if name == "request_timeout" and number == 0:
        raise ConfigurationError("PollPolicy.request_timeout must be above 0")


@attrs.frozen(kw_only=True)
class PollPolicy:
    """How a wait paces its polls. Every field is in seconds unless its name says otherwise.

    After an answer that is not final, the next poll comes `initial_delay` later, growing by
    `multiplier` with each poll that sees the same state, up to `max_delay`, varied by +/- `jitter`
    (a fraction) so many clients do not poll in step. A server hint (Notion's poll_after_seconds, a
    Retry-After) is never undercut: the wait is at least the hint; with `follow_hint` the hint *is*
    the interval. `max_hint` bounds how long a server may make a wait sleep: a hint beyond it is not
    shortened (Notion: "wait at least poll_after_seconds") but ends the wait, resumable. Transient
    failures (connection errors, timeouts, 5xx, 408, unreadable bodies) are retried after
    `failure_delay`, doubling, until more than `max_consecutive_failures` come in a row; any good
    answer resets that count. A 429 waits exactly its Retry-After (or backs off like a failure when
    it has none) and never counts as one. Each request may take `request_timeout`, and never longer
    than what is left of the wait. Every number is at most MAX_SECONDS (1e9, about 31 years).
    """

    initial_delay: float = attrs.field(default=1.0, validator=_check)
    multiplier: float = attrs.field(default=1.2, validator=_check)
    max_delay: float = attrs.field(default=30.0, validator=_check)
    jitter: float = attrs.field(default=0.1, validator=_check)
    min_delay: float = attrs.field(default=0.1, validator=_check)
    follow_hint: bool = False
    max_hint: float = attrs.field(default=120.0, validator=_check)
    failure_delay: float = attrs.field(default=1.0, validator=_check)
    max_consecutive_failures: int = attrs.field(default=5, validator=_check)
    request_timeout: float = attrs.field(default=30.0, validator=_check)

    def decide(self, seen: Observation) -> Decision | None:
        """The wait before the next poll, or None when the failure budget is spent."""
        if seen.failures > self.max_consecutive_failures:
            return None
        streak = seen.failures or seen.rate_limits
        if streak:
            backoff = self.failure_delay * 2.0 ** min(streak - 1, 30)
            reason = "429 Too Many Requests" if seen.rate_limits else f"transient failure {seen.failures}"
        else:
            try:
                backoff = self.initial_delay * self.multiplier ** min(max(seen.polls_in_state - 1, 0), 200)
            except OverflowError:  # a large multiplier to the 200th power
                backoff = self.max_delay
            reason = "backoff"
        backoff = min(backoff, self.max_delay)
        delay = max(self.min_delay, backoff * (1.0 + self.jitter * (2.0 * seen.jitter_sample - 1.0)))
        if seen.hint is None:
            return Decision(delay, reason)
        hint = max(seen.hint, 0.0)
        what = "Retry-After" if streak else "server poll_after"
        if (self.follow_hint and not streak) or seen.rate_limits:
            # A 429's Retry-After is waited as told; so is every hint for a follow_hint provider.
            decision = Decision(max(hint, self.min_delay), what, hint_bound=hint >= self.min_delay)
        elif hint >= delay:
            decision = Decision(hint, what, hint_bound=True)
        else:
            return Decision(delay, reason)
        if decision.hint_bound and hint > self.max_hint:
            return attrs.evolve(decision, reason=f"{what} beyond max_hint", beyond_max_hint=True)
        return decision

    def with_changes(self, **changes: Any) -> PollPolicy:
        """A copy with some fields changed (validated like the original)."""
        known = [field.name for field in attrs.fields(PollPolicy)]
        unknown = ", ".join(repr(name) for name in sorted(set(changes) - set(known)))
        if unknown:
            raise ConfigurationError(f"PollPolicy has no field {unknown} (its fields: {', '.join(known)})")
        return attrs.evolve(self, **changes)
