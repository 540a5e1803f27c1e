"""PollPolicy: a pure function from what a wait has seen to the next delay. No clock, no I/O."""

from __future__ import annotations

import pytest

from taskpoll import ConfigurationError, PollPolicy
from taskpoll._policy import Observation

POLICY = PollPolicy(initial_delay=1.0, multiplier=2.0, max_delay=10.0, jitter=0.0, min_delay=0.1, max_hint=60.0)


def seen(**kwargs: object) -> Observation:
    return Observation(attempt=1, elapsed=0.0, **kwargs)  # type: ignore[arg-type]


def test_backoff_grows_with_each_poll_in_the_same_state_up_to_the_cap() -> None:
    delays = [POLICY.decide(seen(polls_in_state=n)).delay for n in range(1, 7)]  # type: ignore[union-attr]
    assert delays == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0]


def test_jitter_stays_within_its_fraction_both_ways() -> None:
    policy = POLICY.with_changes(jitter=0.2)
    low = policy.decide(seen(polls_in_state=1, jitter_sample=0.0))
    high = policy.decide(seen(polls_in_state=1, jitter_sample=0.999999))
    assert low is not None and high is not None
    assert low.delay == pytest.approx(0.8) and high.delay == pytest.approx(1.2, abs=1e-5)


def test_server_hint_is_never_undercut() -> None:
    decision = POLICY.decide(seen(polls_in_state=1, hint=7.5))
    assert decision is not None
    assert (decision.delay, decision.reason, decision.hint_bound) == (7.5, "server poll_after", True)


def test_a_hint_shorter_than_the_backoff_does_not_speed_polling_up() -> None:
    decision = POLICY.decide(seen(polls_in_state=4, hint=0.5))
    assert decision is not None and (decision.delay, decision.hint_bound) == (8.0, False)


def test_a_hint_beyond_max_hint_is_not_shortened_but_ends_the_wait() -> None:
    # max_hint still bounds how long a server can make a wait sleep, but by ending the wait
    # (resumable) rather than polling before "at least poll_after_seconds" (Notion) has passed.
    for policy in (POLICY, POLICY.with_changes(follow_hint=True)):
        decision = policy.decide(seen(hint=3600.0))
        assert decision is not None and decision.beyond_max_hint and decision.hint_bound
        assert decision.delay == 3600.0 and "max_hint" in decision.reason
    retry_after = POLICY.decide(seen(rate_limits=1, hint=61.0))
    assert retry_after is not None and retry_after.beyond_max_hint and retry_after.delay == 61.0


def test_a_hint_up_to_max_hint_is_waited_as_told() -> None:
    for hint in (59.0, 60.0):
        decision = POLICY.decide(seen(hint=hint))
        assert decision is not None and (decision.delay, decision.beyond_max_hint) == (hint, False)


def test_a_long_hint_below_the_backoff_does_not_end_the_wait() -> None:
    # The backoff already waits longer than the hint: nothing is polled early, nothing ends.
    policy = POLICY.with_changes(max_hint=0.5)
    decision = policy.decide(seen(polls_in_state=4, hint=2.0))
    assert decision is not None and (decision.delay, decision.beyond_max_hint) == (8.0, False)


def test_follow_hint_uses_exactly_the_hint_even_below_the_backoff() -> None:
    policy = POLICY.with_changes(follow_hint=True)
    decision = policy.decide(seen(polls_in_state=5, hint=0.5))
    assert decision is not None and (decision.delay, decision.hint_bound) == (0.5, True)


def test_a_zero_hint_still_waits_the_minimum_delay() -> None:
    decision = POLICY.with_changes(follow_hint=True).decide(seen(hint=0.0))
    assert decision is not None and decision.delay == 0.1


def test_transient_failures_back_off_and_the_budget_runs_out() -> None:
    policy = POLICY.with_changes(failure_delay=0.5, max_consecutive_failures=3)
    delays = [policy.decide(seen(failures=n)) for n in (1, 2, 3)]
    assert [d.delay for d in delays if d] == [0.5, 1.0, 2.0]
    assert policy.decide(seen(failures=4)) is None


def test_retry_after_on_a_failure_is_a_floor() -> None:
    decision = POLICY.decide(seen(failures=1, hint=5.0))
    assert decision is not None and (decision.delay, decision.reason) == (5.0, "Retry-After")


def test_rate_limits_wait_as_told_and_never_spend_the_failure_budget() -> None:
    policy = POLICY.with_changes(max_consecutive_failures=1)
    for streak in range(1, 50):
        decision = policy.decide(seen(rate_limits=streak, hint=2.0))
        assert decision is not None and (decision.delay, decision.hint_bound) == (2.0, True)  # as told
    no_hint = policy.decide(seen(rate_limits=3))
    assert no_hint is not None and no_hint.reason == "429 Too Many Requests" and no_hint.delay == 4.0


@pytest.mark.parametrize(
    "changes",
    [
        {"initial_delay": -1},
        {"multiplier": 0.5},
        {"max_delay": float("nan")},
        {"jitter": 1.5},
        {"request_timeout": 0},
        {"max_consecutive_failures": -1},
        {"max_consecutive_failures": 2.5},
        {"max_hint": float("inf")},
        {"initial_delay": "1"},
        {"failure_delay": True},
    ],
)
def test_nonsense_policies_are_refused_with_a_configuration_error(changes: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError, match="PollPolicy"):
        PollPolicy(**changes)  # type: ignore[arg-type]
    assert issubclass(ConfigurationError, ValueError)
