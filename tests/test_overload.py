"""A client whose own process is too busy (issue 12's fault soak): what it blames, and how it backs off.

- A request whose time ran out in this process, before a byte of it went out, is `APITimeoutError(sent=False)`
  (an httpx NotSent underneath): the server never saw it, so it does not count against the failure budget.
- Scheduler: the window of fetches in flight starts small, grows with answers, halves when requests
  cannot get out (NotSent) or cannot connect in time.
- Clients taskpoll owns share one SSL context (httpx loads the CA bundle for each client otherwise, which
  blocks an event loop for 50-300 ms).
- A wait ends at its deadline even when its request is slow to unwind.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import taskpoll
from taskpoll import APITimeoutError, PollPolicy, TaskState, WaitTimeoutError
from taskpoll._engine import Fetch, Reply, Scheduler, Sleep, wait_flow
from taskpoll._fakeclock import FakeClock
from taskpoll._http import NotSent
from taskpoll.providers import get
from taskpoll.simulator import Simulator, running

from .answers import EXACT, REQUEST, artos

# One poll a second (a steady rate), a 5 s request timeout.
POLICY = EXACT.with_changes(multiplier=1.0, max_delay=1.0, request_timeout=5.0)


@pytest.fixture(scope="module")
def sim() -> Iterator[Simulator]:
    with Simulator(seed=12) as simulator:
        yield simulator


def run_flow(answers: list[httpx.Response | httpx.HTTPError], timeout: float) -> Any:
    queue = list(answers)
    clock = FakeClock(lambda now: queue.pop(0), latency=0.1)
    flow = wait_flow(get("artos"), "doc-1", POLICY, timeout=timeout, started=0.0, rng=random.Random(1))
    return clock.run(flow), clock


def test_polls_that_never_left_the_process_do_not_spend_the_failure_budget() -> None:
    not_sent = [NotSent("not sent: its time ran out in this process", request=REQUEST) for _ in range(10)]
    task, clock = run_flow([*not_sent, artos("Ready")], timeout=100.0)
    assert task.state is TaskState.SUCCEEDED  # ten in a row, with a budget of three
    assert len(clock.fetch_times()) == 11
    assert all(round(s, 6) == 1.0 for s in clock.sleeps())  # the regular cadence, not the failure backoff


def test_timeouts_after_the_request_went_out_still_spend_it() -> None:
    for error in (httpx.ConnectTimeout("connect", request=REQUEST), httpx.ReadTimeout("read", request=REQUEST)):
        with pytest.raises(APITimeoutError) as info:
            run_flow([error] * 10, timeout=100.0)
        assert info.value.sent is True
        assert type(error).__name__ in str(info.value)


def test_a_wait_of_unsent_polls_ends_at_its_deadline_naming_them() -> None:
    not_sent = [NotSent("not sent: its time ran out in this process", request=REQUEST) for _ in range(40)]
    with pytest.raises(WaitTimeoutError) as info:
        run_flow(not_sent, timeout=10.0)
    assert isinstance(info.value.last_error, APITimeoutError) and info.value.last_error.sent is False
    assert "not sent" in str(info.value)


def scheduler_of(count: int, concurrency: int) -> Scheduler[Any]:
    def flow() -> Any:
        while True:
            yield Fetch({}, 1.0)
            yield Sleep(0.0)

    return Scheduler([flow() for _ in range(count)], concurrency=concurrency, now=0.0)


def test_the_window_starts_small_grows_with_answers_and_halves_when_requests_cannot_get_out() -> None:
    scheduler = scheduler_of(200, concurrency=64)
    now = 0.0
    first = scheduler.ready(now)
    assert len(first) == 8  # slow start
    for key, _ in first:
        scheduler.deliver(key, Reply(now + 0.01, response=artos("Pending")))
    assert scheduler.limit == 16  # one more per answer
    now = 1.0
    while scheduler.limit < 64:
        for key, _ in scheduler.ready(now):
            scheduler.deliver(key, Reply(now, response=artos("Pending")))
        now += 1.0
    assert scheduler.limit == 64 and len(scheduler.ready(now)) == 64  # never above `concurrency`
    in_flight = scheduler.ready(now + 1)
    assert in_flight == []  # all 64 slots are taken
    # Every one of a round of fetches comes back NotSent: one halving for the round, not 64.
    now += 2
    keys = [key for key, slot in enumerate(scheduler.slots) if scheduler._sent_at.get(key) is not None]
    assert len(keys) == 64
    for key in keys:
        scheduler.deliver(key, Reply(now, error=NotSent("late", request=REQUEST)))
    assert scheduler.limit == 32
    assert len(scheduler.ready(now + 1)) == 32
    # A connect that timed out halves it again (a fetch started after the last halving).
    key = next(k for k in range(len(scheduler.slots)) if k in scheduler._sent_at)
    scheduler.deliver(key, Reply(now + 1, error=httpx.ConnectTimeout("connect", request=REQUEST)))
    assert scheduler.limit == 16
    # A slow server (a read timeout) is no reason to send less.
    key = next(k for k in range(len(scheduler.slots)) if k in scheduler._sent_at)
    scheduler.deliver(key, Reply(now + 1, error=httpx.ReadTimeout("read", request=REQUEST)))
    assert scheduler.limit == 16


def test_a_request_whose_time_ran_out_in_a_busy_process_is_not_sent_and_not_blamed_on_the_server(
    sim: Simulator,
) -> None:
    task_id = sim.create_task("artos", [running(polls=None)])
    policy = PollPolicy(request_timeout=0.2)

    async def main() -> APITimeoutError:
        async with taskpoll.AsyncClient(
            "artos", base_url=sim.base_url("artos"), api_key=sim.api_key("artos"), policy=policy, rate_limit=math.inf
        ) as client:
            await client.get(task_id)  # a connection in the pool: the next request needs no connect
            sim.clear_requests()
            request = asyncio.create_task(client.get(task_id))
            await asyncio.sleep(0)  # the request starts: its deadline is set, its write not yet begun
            time.sleep(0.3)  # and this process is busy for longer than the request may take
            with pytest.raises(APITimeoutError) as info:
                await request
            return info.value

    error = asyncio.run(main())
    assert error.sent is False and "not sent" in str(error)
    assert sim.requests("artos", task_id) == []  # the server never saw it


def test_clients_taskpoll_owns_share_one_ssl_context() -> None:
    def context(client: Any) -> object:
        return client._http._transport._pool._ssl_context

    key = "sk-ssl-context-0123456789"
    sync = taskpoll.Client("artos", base_url="https://a.example", api_key=key)
    first = taskpoll.AsyncClient("aryn", base_url="https://b.example", api_key=key)
    second = taskpoll.AsyncClient("veza", base_url="https://c.example", api_key=key)
    try:
        assert context(sync) is context(first) is context(second)
        assert context(first).verify_mode.name == "CERT_REQUIRED" and context(first).check_hostname
    finally:
        sync.close()
        asyncio.run(first.aclose())
        asyncio.run(second.aclose())


def test_a_wait_ends_at_its_deadline_while_a_request_is_slow_to_give_up() -> None:
    # A request that takes long to unwind after its own timeout (a loaded loop: every turn comes late)
    # is answered at the wait's deadline, and left to finish on its own.
    unwound = asyncio.Event()

    async def send(fetch: Fetch) -> Reply:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            await asyncio.shield(asyncio.sleep(1.0))  # the unwinding takes its time
            unwound.set()
            raise
        raise AssertionError("not reached")

    async def main() -> tuple[list[float], list[Any]]:
        from taskpoll._drivers import drive_async, drive_many_async

        ends: list[float] = []
        started = time.monotonic()
        flows = [wait_flow(get("artos"), f"doc-{i}", POLICY, timeout=0.3, started=started) for i in range(3)]
        scheduler = Scheduler(flows, concurrency=3, now=started)
        outcomes = []
        async for _, outcome in drive_many_async(scheduler, send, time.monotonic, None):
            outcomes.append(outcome)
            ends.append(time.monotonic() - started)
        started = time.monotonic()
        with pytest.raises(WaitTimeoutError) as info:
            async for _ in drive_async(
                wait_flow(get("artos"), "doc-9", POLICY, timeout=0.3, started=started), send, time.monotonic
            ):
                pass
        ends.append(time.monotonic() - started)
        outcomes.append(info.value)
        await asyncio.wait_for(unwound.wait(), 5)
        return ends, outcomes

    ends, outcomes = asyncio.run(main())
    assert all(isinstance(o, WaitTimeoutError) for o in outcomes) and len(outcomes) == 4
    assert max(ends) < 0.3 + 0.5  # not the 1 s the request takes to unwind
