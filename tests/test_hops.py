"""A wait carried in hops makes the polls of one uninterrupted wait, on the fake clock.

One side runs the clients' loop (`taskpoll._loop.run`, what `Client.wait` drives) to its end. The
other carries the same wait by `FakeClock.hop` alone (what `Client.poll_once` makes), sending the
state through its token (`WaitState.token()` -> `WaitState.from_token`) at arbitrary calls: the same
polls exactly. A third cuts the wait into windows with deadlines of their own (`wait` then `resume`,
again and again, sync and async): its backoff carries on, at most one poll more per window. Both read real provider
answers (httpx responses through the adapters): 429s with and without Retry-After, 503 streaks,
transport errors, unreadable bodies, Notion's poll_after_seconds (within and beyond max_hint), a
request latency that varies, a shared rate limiter and a deadline.
"""

from __future__ import annotations

import asyncio
import itertools
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taskpoll import PollPolicy, Task, TaskpollError, TaskState, WaitTimeoutError
from taskpoll._loop import RateLimiter, arun, run
from taskpoll._step import Done, WaitState, begin, resumed
from taskpoll.providers import get

from .answers import REQUEST, artos, notion
from .fakeclock import FakeClock

SEED = 20261202


def fault(kind: str, seconds: float | None) -> httpx.Response | httpx.HTTPError:
    headers = {} if seconds is None else {"Retry-After": f"{seconds:g}"}
    if kind == "429":
        return httpx.Response(429, content=b"{}", headers=headers, request=REQUEST)
    if kind == "503":
        return httpx.Response(503, content=b"<html>busy</html>", headers=headers, request=REQUEST)
    if kind == "refused":
        return httpx.ConnectError("connection refused")
    return httpx.Response(200, content=b"not json", request=REQUEST)


@dataclass(frozen=True)
class Scenario:
    """A task that runs until `done_at`; the polls numbered in `faults` meet those instead."""

    provider: str
    done_at: float
    timeout: float
    policy: PollPolicy
    faults: dict[int, tuple[str, float | None]] = field(default_factory=dict)
    poll_after: float | None = None  # Notion's hint on each answer that is not final
    unknown_until: float = 0.0  # before this time the task reports a status taskpoll does not know
    latencies: tuple[float, ...] = (0.05,)  # request n takes latencies[n % len]
    rate: float | None = None  # a shared limiter's requests per second

    def clock(self) -> FakeClock:
        polls = 0

        def answer(now: float) -> httpx.Response | httpx.HTTPError:
            nonlocal polls
            polls += 1
            if polls in self.faults:
                return fault(*self.faults[polls])
            done = now >= self.done_at
            if self.provider == "notion":
                return notion("succeeded" if done else "in_progress", self.poll_after)
            return artos("Ready" if done else "Archived" if now < self.unknown_until else "Generating", "t1")

        requests = 0

        def latency(now: float) -> float:
            nonlocal requests
            requests += 1
            return self.latencies[requests % len(self.latencies)]

        return FakeClock(answer, latency=latency)

    def limiter(self, clock: FakeClock) -> RateLimiter | None:
        return None if self.rate is None else RateLimiter(self.rate, clock=clock.clock)


Polls = list[tuple[float, float]]  # (sent at, request timeout) of each request
SEED_64 = random.Random(SEED).getrandbits(64)


def summary(outcome: Task[Any] | TaskpollError) -> tuple[object, ...]:
    """What a wait ended with: the final Task's status, or the error's type, message and state."""
    if isinstance(outcome, Task):
        return ("task", outcome.state, outcome.status)
    if isinstance(outcome, WaitTimeoutError):
        state = WaitState.from_token(outcome.token)
        counters = (state.attempt, state.polls_in_state, state.failures, state.rate_limits, state.last_state)
        return ("timeout", str(outcome), counters, state.latencies, state.final_poll, not state.hinted)
    return (type(outcome).__name__, str(outcome))


def one_wait(scenario: Scenario) -> tuple[Polls, tuple[object, ...]]:
    """The wait `Client.wait` makes, uninterrupted."""
    clock = scenario.clock()
    outcome: Task[Any] | TaskpollError
    try:
        provider, limiter = get(scenario.provider), scenario.limiter(clock)
        outcome = clock.run(provider, "t1", scenario.policy, timeout=scenario.timeout, limiter=limiter, seed=SEED_64)
    except TaskpollError as exc:
        outcome = exc
    return clock.requests, summary(outcome)


def hops(scenario: Scenario, cut: Callable[[int], bool]) -> tuple[Polls, tuple[object, ...]]:
    """The same wait carried by one step per call (`poll_once`'s), through its token after each call `cut` names."""
    clock = scenario.clock()
    limiter = scenario.limiter(clock)
    provider = get(scenario.provider)
    state = begin(scenario.provider, "t1", now=0.0, timeout=scenario.timeout, seed=SEED_64)
    for call in range(1, 10_000):
        step = clock.hop(provider, state, scenario.policy, limiter)
        if isinstance(step, Done):
            return clock.requests, summary(step.outcome)
        state = WaitState.from_token(step.state.token()) if cut(call) else step.state
        clock.now = max(clock.now, step.at)
    raise AssertionError("the hops never ended")


POLICIES = st.builds(
    PollPolicy,
    initial_delay=st.floats(0.1, 3),
    multiplier=st.floats(1, 2.5),
    max_delay=st.floats(1, 40),
    jitter=st.floats(0, 0.5),
    # Above zero: a follow_hint wait on a near-zero poll_after with no latency polls every min_delay, and
    # the fake clock must move (at most timeout / min_delay = 6,000 polls a wait).
    min_delay=st.floats(0.05, 0.2),
    follow_hint=st.booleans(),
    max_hint=st.floats(5, 120),
    failure_delay=st.floats(0.1, 3),
    max_consecutive_failures=st.integers(0, 6),
    request_timeout=st.floats(0.2, 30),
)
FAULTS = st.tuples(
    st.sampled_from(["429", "429", "503", "refused", "garbage"]),
    st.none() | st.integers(0, 90).map(float) | st.floats(0, 5),
)


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    provider = draw(st.sampled_from(["artos", "notion"]))
    faults = draw(st.dictionaries(st.integers(1, 30), FAULTS, max_size=8))
    for start, length in draw(st.lists(st.tuples(st.integers(1, 30), st.integers(2, 8)), max_size=2)):
        faults.update({n: ("503", None) for n in range(start, start + length)})  # a 503 streak
    return Scenario(
        provider=provider,
        done_at=draw(st.floats(0, 400) | st.just(math.inf)),
        timeout=draw(st.floats(0.3, 300)),
        policy=draw(POLICIES),
        faults=faults,
        poll_after=draw(st.none() | st.floats(0, 150)) if provider == "notion" else None,
        unknown_until=draw(st.floats(0, 30)),
        latencies=tuple(draw(st.lists(st.floats(0, 3), min_size=1, max_size=6))),
        rate=draw(st.none() | st.floats(0.05, 5)),
    )


@settings(max_examples=400, deadline=None)
@given(scenario=scenarios(), cuts=st.frozensets(st.integers(1, 120)), every=st.booleans())
def test_a_wait_cut_into_poll_once_hops_makes_the_polls_of_one_uninterrupted_wait(
    scenario: Scenario, cuts: frozenset[int], every: bool
) -> None:
    expected = one_wait(scenario)
    assert hops(scenario, lambda call: every or call in cuts) == expected
    assert expected[0], "a wait makes at least one poll, or ends on the clock before it"


def test_hops_agree_on_a_wait_with_retry_after_a_503_streak_hints_and_the_deadline() -> None:
    policy = PollPolicy(initial_delay=1.0, multiplier=1.5, max_delay=10.0, jitter=0.2, max_consecutive_failures=4)
    faults: dict[int, tuple[str, float | None]] = {2: ("429", 7.0), 3: ("429", None), 4: ("503", None)}
    faults.update({n: ("503", 2.0) for n in range(6, 10)})  # four in a row: within the budget of four
    scenario = Scenario(
        "notion", done_at=math.inf, timeout=60.0, policy=policy, faults=faults, poll_after=3.0, latencies=(0.1, 0.4)
    )
    expected = one_wait(scenario)
    assert hops(scenario, lambda call: True) == expected
    assert hops(scenario, lambda call: call % 3 == 0) == expected
    sent = [t for t, _ in expected[0]]
    assert sent[2] - sent[1] >= 7.0  # the Retry-After was waited, not a moment less
    assert expected[1][0] == "timeout" and sent[-1] < 60.0
    assert all(timeout <= 60.0 - t for t, timeout in expected[0])  # no request outlives the deadline


def test_hops_agree_when_the_failure_budget_runs_out() -> None:
    policy = PollPolicy(jitter=0.3, max_consecutive_failures=3)
    scenario = Scenario(
        "artos", done_at=math.inf, timeout=3600.0, policy=policy, faults=dict.fromkeys(range(1, 50), ("503", None))
    )
    expected = one_wait(scenario)
    assert expected[1][0] == "ServerError" and len(expected[0]) == policy.max_consecutive_failures + 1
    assert hops(scenario, lambda call: True) == expected


@pytest.mark.parametrize("hint", [30.0, 130.0])  # past the deadline; beyond max_hint (120 s)
def test_hops_agree_on_a_hint_that_ends_the_wait_resumable(hint: float) -> None:
    policy = get("notion").default_policy
    scenario = Scenario("notion", done_at=math.inf, timeout=20.0, policy=policy, poll_after=hint)
    expected = one_wait(scenario)
    assert hops(scenario, lambda call: True) == expected
    assert expected[1][0] == "timeout" and len(expected[0]) == 1 and expected[1][-1] is False  # resumes at the hint


def test_a_scenario_is_read_by_the_real_adapter() -> None:
    # An unknown status ("Archived") polls on; the state's change to RUNNING starts the backoff over.
    scenario = Scenario("artos", done_at=5.0, timeout=100.0, policy=PollPolicy(jitter=0.0), unknown_until=2.0)
    sent, outcome = one_wait(scenario)
    assert outcome == ("task", TaskState.SUCCEEDED, "Ready")
    assert [round(t, 6) for t, _ in sent] == [0.0, 1.05, 2.3, 3.35, 4.6, 6.09]
    assert hops(scenario, lambda call: True) == (sent, outcome)


def test_the_last_poll_before_the_deadline_stays_the_last_across_a_hop() -> None:
    # Found by a search: the slow requests that placed the last poll have left the latency window when
    # it is answered, so only the state's `final_poll` (carried by the token) keeps a second one away.
    policy = PollPolicy(initial_delay=1.342378745980699, multiplier=1.5, max_delay=20.0, jitter=0.0)
    scenario = Scenario(
        "artos", done_at=math.inf, timeout=44.206536096882346, policy=policy, latencies=(0.0, 0.0, 0.0, 3.0, 3.0, 0.0)
    )
    expected = one_wait(scenario)
    assert hops(scenario, lambda call: True) == expected
    assert expected[1][0] == "timeout" and expected[1][-2] is True  # it ended after its last poll


# A wait carried in windows: `wait(timeout=w)`, then `resume(token, timeout=w)` again and again ------


def in_windows(scenario: Scenario, window: float, horizon: float, colour: str) -> tuple[list[float], int]:
    """Poll times over `horizon` seconds of a wait carried in windows of `window` seconds, each window
    resumed from the last one's WaitTimeoutError token, through the clients' own loop; and the windows."""
    clock = scenario.clock()
    poll = clock.poll(get(scenario.provider), scenario.policy)

    async def fake_sleep(seconds: float) -> None:
        clock.sleep(seconds)

    async def apoll(state: WaitState, now: float) -> Task[Any] | TaskpollError:
        return poll(0, state, now)

    async def windows() -> int:
        state = begin(scenario.provider, "t1", now=0.0, timeout=min(window, horizon), seed=SEED_64)
        count = 0
        while True:
            count += 1
            if colour == "sync":
                runs = run([state], poll, scenario.policy, clock=clock.clock, sleep=clock.sleep)
                outcome = next(outcome for _, outcome, done in runs if done)
            else:
                ends = [
                    found
                    async for found, done in arun(state, apoll, scenario.policy, clock=clock.clock, sleep=fake_sleep)
                    if done
                ]
                outcome = ends[-1]
            if not isinstance(outcome, WaitTimeoutError) or clock.now >= horizon - 1e-9:
                return count
            clock.now = max(clock.now, state.deadline)  # the next window starts no sooner than this one's end
            state = resumed(
                WaitState.from_token(outcome.token), now=clock.now, timeout=min(window, horizon - clock.now)
            )

    count = asyncio.run(windows())
    return clock.fetch_times(), count


@pytest.mark.parametrize("colour", ["sync", "async"])
def test_a_wait_carried_in_windows_keeps_its_backoff(colour: str) -> None:
    # What a user saw before: 21 polls in 10 windows of 0.5 s, against 6 for one 3 s wait.
    policy = PollPolicy(initial_delay=0.1, multiplier=2.0, max_delay=10, jitter=0.0)
    scenario = Scenario("artos", done_at=math.inf, timeout=3.0, policy=policy, latencies=(0.002,))
    one = in_windows(scenario, 3.0, 3.0, colour)
    carried, windows = in_windows(scenario, 0.5, 3.0, colour)
    assert len(one[0]) == 6
    assert len(carried) <= len(one[0]) + windows, (carried, one)
    assert all(b - a >= 0.099 for a, b in itertools.pairwise(carried))  # never two polls at once


@settings(max_examples=150, deadline=None)
@given(
    scenario=scenarios(),
    windows=st.integers(2, 30),
    colour=st.sampled_from(["sync", "async"]),
)
def test_a_wait_in_windows_makes_at_most_one_poll_more_per_window(
    scenario: Scenario, windows: int, colour: str
) -> None:
    scenario = Scenario(
        scenario.provider,
        math.inf,
        scenario.timeout,
        scenario.policy,
        poll_after=scenario.poll_after,
        latencies=(0.05,),
    )
    horizon = scenario.timeout
    one, _ = in_windows(scenario, horizon, horizon, colour)
    carried, count = in_windows(scenario, horizon / windows, horizon, colour)
    assert len(carried) <= len(one) + count
