"""The wait as a pure step (taskpoll._step): hops make the same polls as one wait, on a fake clock."""

from __future__ import annotations

from dataclasses import dataclass, field

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import taskpoll
from taskpoll import PollPolicy, Task, TaskState
from taskpoll._step import Done, PollAgain, WaitState, advance, before_poll, begin

POLICY = PollPolicy(initial_delay=1.0, multiplier=1.5, max_delay=20.0, jitter=0.2, max_consecutive_failures=3)
LATENCY = 0.05


def server_error() -> taskpoll.ServerError:
    return taskpoll.ServerError("unavailable", provider="artos", task_id="t", status_code=503)


def rate_limited(after: float | None) -> taskpoll.RateLimitError:
    return taskpoll.RateLimitError("slow down", provider="artos", task_id="t", status_code=429, retry_after=after)


@dataclass
class Scenario:
    """A task that runs until `done_at`; some polls (by number) meet errors instead; hints optional."""

    done_at: float
    faults: dict[int, taskpoll.TaskpollError] = field(default_factory=dict)
    poll_after: float | None = None

    def answer(self, poll: int, now: float) -> Task[object] | taskpoll.TaskpollError:
        if poll in self.faults:
            return self.faults[poll]
        if now >= self.done_at:
            return Task(provider="artos", id="t", state=TaskState.SUCCEEDED, status="Ready", result={})
        return Task(provider="artos", id="t", state=TaskState.RUNNING, status="Generating", poll_after=self.poll_after)


def run(scenario: Scenario, timeout: float, hops: frozenset[int] = frozenset()) -> tuple[list[float], object]:
    """Poll times and the outcome's kind; after each poll numbered in `hops`, the state goes through a token."""
    now = 0.0
    step: PollAgain | Done[object] = PollAgain(now, "start", begin("artos", "t", now=now, timeout=timeout, seed=7))
    polls: list[float] = []
    while isinstance(step, PollAgain):
        now = max(now, step.at)
        ready = before_poll(step.state, now)
        if isinstance(ready, Done):
            step = ready
            break
        if ready.at > now:
            step = ready
            continue
        polls.append(now)
        sent, now = now, now + LATENCY
        step = advance(ready.state, scenario.answer(len(polls), sent), POLICY, now=now, sent_at=sent)
        if isinstance(step, PollAgain) and len(polls) in hops:
            step = PollAgain(step.at, step.reason, WaitState.from_token(step.state.token()))
    outcome = step.outcome
    kind = outcome.state if isinstance(outcome, Task) else type(outcome)
    return polls, kind


faults = st.dictionaries(
    st.integers(1, 25),
    st.one_of(st.just(server_error()), st.builds(rate_limited, st.none() | st.floats(0, 40))),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(
    done_at=st.floats(0, 300),
    timeout=st.floats(0.5, 400),
    faults=faults,
    poll_after=st.none() | st.floats(0, 15),
    hops=st.frozensets(st.integers(1, 40)),
)
def test_a_wait_cut_into_hops_makes_the_same_polls_as_one_wait(
    done_at: float,
    timeout: float,
    faults: dict[int, taskpoll.TaskpollError],
    poll_after: float | None,
    hops: frozenset[int],
) -> None:
    scenario = Scenario(done_at, faults, poll_after)
    assert run(scenario, timeout, hops) == run(scenario, timeout)


def test_the_failure_budget_holds_across_hops() -> None:
    always_down = Scenario(done_at=1e9, faults={n: server_error() for n in range(1, 100)})
    polls, kind = run(always_down, timeout=3600, hops=frozenset(range(1, 100)))
    assert kind is taskpoll.ServerError
    assert len(polls) == POLICY.max_consecutive_failures + 1


def test_a_retry_after_past_the_deadline_ends_the_wait_with_a_token_that_honours_it() -> None:
    state = begin("artos", "t", now=0.0, timeout=5.0)
    step = advance(state, rate_limited(30.0), POLICY, now=1.0, sent_at=0.95)
    assert isinstance(step, Done) and isinstance(step.outcome, taskpoll.WaitTimeoutError)
    resumed = WaitState.from_token(step.outcome.token)
    assert resumed.next_poll == pytest.approx(31.0) and resumed.hinted
    assert resumed.rate_limits == 1


def test_a_wait_timeout_says_what_the_failing_polls_met() -> None:
    state = begin("veza", "t", now=0.0, timeout=2.0)
    refused = taskpoll.APIConnectionError("no answer (connection refused)", provider="veza", task_id="t")
    step: PollAgain | Done[object] = advance(state, refused, POLICY, now=0.01, sent_at=0.0)
    while isinstance(step, PollAgain):
        ready = before_poll(step.state, step.at)
        if isinstance(ready, Done):
            step = ready
            break
        step = advance(ready.state, refused, POLICY, now=ready.at + 0.01, sent_at=ready.at)
    error = step.outcome
    assert isinstance(error, taskpoll.WaitTimeoutError)
    assert error.last_error is refused and "connection refused" in str(error)


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"p": "artos"},
        {"p": "artos", "id": "t", "a": -1},
        {"p": "artos", "id": "t", "a": True},
        {"p": "artos", "id": "t", "d": "soon"},
        {"p": "artos", "id": "t", "d": 10**400},
        {"p": "artos", "id": "t", "st": "exploded"},
        {"p": "artos", "id": "t", "seed": -5},
        {"p": "artos", "id": "t", "s": "x" * 201},
    ],
)
def test_a_damaged_state_is_an_invalid_token_error(data: object) -> None:
    with pytest.raises(taskpoll.InvalidTokenError):
        WaitState.from_dict(data)


def test_a_state_round_trips_through_its_token_in_another_clock() -> None:
    state = begin("notion", "t-1", now=100.0, timeout=50.0, seed=3, clock_offset=1000.0)
    again = WaitState.from_token(attrs.evolve(state, next_poll=110.0).token(), clock_offset=2000.0)
    assert again.deadline == pytest.approx(150.0 - 1000.0)
    assert again.next_poll == pytest.approx(110.0 - 1000.0)
    assert (again.provider, again.task_id, again.seed) == ("notion", "t-1", 3)


class Limiter:
    """A fake shared limiter: one slot per `interval`, booked in order."""

    def __init__(self, interval: float) -> None:
        self.interval, self.next = interval, 0.0

    def book(self, now: float) -> float:
        slot = max(now, self.next)
        self.next = slot + self.interval
        return slot


def test_a_booked_rate_limit_slot_is_kept_across_a_hop_and_used_once() -> None:
    limiter = Limiter(interval=1.0)
    limiter.book(0.0)  # another wait holds the slot at 0.0
    first = before_poll(begin("notion", "t", now=0.0, timeout=10), 0.0, limiter)
    assert isinstance(first, PollAgain) and first.at == 1.0 and first.reason == "rate limit"
    carried = WaitState.from_token(first.state.token())
    assert carried.booked == 1.0
    early = before_poll(carried, 0.5, limiter)
    assert isinstance(early, PollAgain) and early.at == 1.0  # not yet, and no second slot booked
    assert limiter.next == 2.0
    due = before_poll(carried, 1.0, limiter)
    assert isinstance(due, PollAgain) and due.at == 1.0 and due.state.booked is None


def test_a_rate_limit_slot_past_the_deadline_ends_the_wait() -> None:
    limiter = Limiter(interval=100.0)
    limiter.book(0.0)
    step = before_poll(begin("notion", "t", now=0.0, timeout=10), 0.0, limiter)
    assert isinstance(step, Done) and isinstance(step.outcome, taskpoll.WaitTimeoutError)
    assert "rate limit" in str(step.outcome)


# poll_once on the clients, over loopback ------------------------------------------------------------

import asyncio  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

from taskpoll.simulator import Simulator, failed, pending, running, succeeded  # noqa: E402

from .clients import FAST, policy_for  # noqa: E402


def hop_until_done(client: Any, state: Any, limit: int = 200) -> tuple[Any, int]:
    """Carry a wait by poll_once alone, through a token between every two calls; return (Done, calls)."""
    for calls in range(1, limit):
        step = client.poll_once(state.token())
        if isinstance(step, Done):
            return step, calls
        time.sleep(max(0.0, step.at - time.time()))
        state = step.state
    raise AssertionError("the wait did not end")


async def hop_until_done_async(client: Any, state: Any, limit: int = 200) -> tuple[Any, int]:
    for calls in range(1, limit):
        step = await client.poll_once(state.token())
        if isinstance(step, Done):
            return step, calls
        await asyncio.sleep(max(0.0, step.at - time.time()))
        state = step.state
    raise AssertionError("the wait did not end")


@pytest.mark.parametrize("colour", ["sync", "async"])
@pytest.mark.parametrize("provider", taskpoll.providers.names())
def test_poll_once_hops_carry_a_wait_to_its_final_task(
    taskpoll_simulator: Simulator, provider: str, colour: str
) -> None:
    sim = taskpoll_simulator
    steps = [pending(), running(), succeeded()] if provider != "veza" else [pending(), failed(error="denied")]
    task_id = sim.create_task(provider, steps)
    options = {"base_url": sim.base_url(provider), "api_key": sim.api_key(provider), "policy": policy_for(provider)}
    if colour == "sync":
        with taskpoll.Client(provider, **options) as client:
            done, _ = hop_until_done(client, client.new_wait(task_id, timeout=30))
    else:

        async def run() -> tuple[Any, int]:
            async with taskpoll.AsyncClient(provider, **options) as client:
                return await hop_until_done_async(client, client.new_wait(task_id, timeout=30))

        done, _ = asyncio.run(run())
    task = done.outcome
    assert isinstance(task, Task)
    assert task.state is (TaskState.FAILED if provider == "veza" else TaskState.SUCCEEDED)
    assert sim.answered_states(provider, task_id)[-1] == task.state.value


def test_poll_once_never_polls_before_the_servers_hint(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    task_id = sim.create_task("notion", [pending(polls=2, poll_after=0.3), succeeded()])
    with taskpoll.Client("notion", base_url=sim.base_url("notion"), api_key=sim.api_key("notion"), policy=FAST) as c:
        first = c.poll_once(c.new_wait(task_id, timeout=30))
        assert isinstance(first, PollAgain) and first.at - time.time() > 0.2
        again = c.poll_once(first.state)  # too early: no request, the same time back
    assert isinstance(again, PollAgain) and again.at == first.at
    assert len(sim.requests("notion", task_id)) == 1


def test_poll_once_ends_a_wait_at_its_deadline_across_hops(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    task_id = sim.create_task("artos", [pending(polls=None)])
    started = time.time()
    with taskpoll.Client("artos", base_url=sim.base_url("artos"), api_key=sim.api_key("artos"), policy=FAST) as c:
        done, calls = hop_until_done(c, c.new_wait(task_id, timeout=0.6))
    assert isinstance(done.outcome, taskpoll.WaitTimeoutError)
    assert time.time() - started < 0.6 + 0.5 and calls > 2


def test_a_poll_once_wait_timeout_token_resumes_with_resume(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    task_id = sim.create_task("artos", [pending(polls=None, seconds=0.8), succeeded()])
    with taskpoll.Client("artos", base_url=sim.base_url("artos"), api_key=sim.api_key("artos"), policy=FAST) as c:
        done, _ = hop_until_done(c, c.new_wait(task_id, timeout=0.2))
        assert isinstance(done.outcome, taskpoll.WaitTimeoutError)
        assert c.resume(done.outcome.token, timeout=30).state is TaskState.SUCCEEDED  # a v2 token resumes too
