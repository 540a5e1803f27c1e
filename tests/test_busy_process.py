"""A client whose own process is too busy: what it blames, and how it keeps its deadlines.

- A request whose time ran out in this process, before a byte of it went out, is `APITimeoutError(sent=False)`:
  the server never saw it, so it does not count against the failure budget, and it is never sent late.
- `wait_many` never has more than `concurrency` requests in flight.
- Clients taskpoll owns share one SSL context (httpx loads the CA bundle for each client otherwise, which
  blocks an event loop for 50-300 ms).
- A wait ends at its deadline even when its request is slow to unwind.
"""

from __future__ import annotations

import asyncio
import math
import ssl
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import taskpoll
from taskpoll import APITimeoutError, PollPolicy, TaskState, WaitTimeoutError
from taskpoll.providers import get
from taskpoll.simulator import Simulator, running

from .answers import EXACT, REQUEST, artos
from .fakeclock import FakeClock

# One poll a second (a steady rate), a 5 s request timeout.
POLICY = EXACT.with_changes(multiplier=1.0, max_delay=1.0, request_timeout=5.0)
FAST_POLICY = PollPolicy(initial_delay=0.01, max_delay=0.05, jitter=0.0)


@pytest.fixture(scope="module")
def sim() -> Iterator[Simulator]:
    with Simulator(seed=12) as simulator:
        yield simulator


def run_flow(answers: list[Any], timeout: float) -> Any:
    queue = list(answers)
    clock = FakeClock(lambda now: queue.pop(0), latency=0.1)
    return clock.run(get("artos"), "doc-1", POLICY, timeout=timeout), clock


def not_sent() -> APITimeoutError:
    return APITimeoutError("no answer in time (not sent)", provider="artos", task_id="doc-1", sent=False)


def test_polls_that_never_left_the_process_do_not_spend_the_failure_budget() -> None:
    task, clock = run_flow([*(not_sent() for _ in range(10)), artos("Ready")], timeout=100.0)
    assert task.state is TaskState.SUCCEEDED  # ten in a row, with a budget of three
    assert len(clock.fetch_times()) == 11
    assert all(round(s, 6) == 1.0 for s in clock.slept)  # the regular cadence, not the failure backoff


def test_timeouts_after_the_request_went_out_still_spend_it() -> None:
    for error in (httpx.ConnectTimeout("connect", request=REQUEST), httpx.ReadTimeout("read", request=REQUEST)):
        with pytest.raises(APITimeoutError) as info:
            run_flow([error] * 10, timeout=100.0)
        assert info.value.sent is True
        assert type(error).__name__ in str(info.value)


def test_a_wait_of_unsent_polls_ends_at_its_deadline_naming_them() -> None:
    with pytest.raises(WaitTimeoutError) as info:
        run_flow([not_sent() for _ in range(40)], timeout=10.0)
    assert isinstance(info.value.last_error, APITimeoutError) and info.value.last_error.sent is False
    assert "not sent" in str(info.value)


def test_wait_many_keeps_at_most_concurrency_requests_in_flight(sim: Simulator) -> None:
    slow = [taskpoll.simulator.Fault("slow", rate=1.0, delay=0.05)]
    ids = [sim.create_task("artos", [running(), taskpoll.simulator.succeeded()], faults=slow) for _ in range(40)]
    in_flight = peak = 0

    async def count(request: httpx.Request) -> None:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)

    async def done(response: httpx.Response) -> None:
        nonlocal in_flight
        in_flight -= 1

    async def main() -> list[Any]:
        hooks = {"request": [count], "response": [done]}
        async with (
            httpx.AsyncClient(event_hooks=hooks) as http,
            taskpoll.AsyncClient(
                "artos",
                base_url=sim.base_url("artos"),
                api_key=sim.api_key("artos"),
                http_client=http,
                policy=FAST_POLICY,
            ) as client,
        ):
            return await client.wait_many(ids, timeout=30, concurrency=6)

    outcomes = asyncio.run(main())
    assert all(isinstance(o, taskpoll.Task) and o.state is TaskState.SUCCEEDED for o in outcomes)
    assert peak == 6  # the slots are used, never more


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


def test_clients_taskpoll_owns_share_one_ssl_context(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[object] = []
    real = ssl.create_default_context

    def counting(*args: Any, **kwargs: Any) -> ssl.SSLContext:
        context = real(*args, **kwargs)
        made.append(context)
        return context

    monkeypatch.setattr(ssl, "create_default_context", counting)
    taskpoll._http._ssl_context.cache_clear()
    key = "sk-ssl-context-0123456789"
    sync = taskpoll.Client("artos", base_url="https://a.example", api_key=key)
    first = taskpoll.AsyncClient("aryn", base_url="https://b.example", api_key=key)
    second = taskpoll.AsyncClient("veza", base_url="https://c.example", api_key=key)
    try:
        assert len(made) == 1  # the CA bundle is loaded once for the three
        context = taskpoll._http.default_ssl_context()
        assert context is made[0] and context.verify_mode.name == "CERT_REQUIRED" and context.check_hostname
    finally:
        sync.close()
        asyncio.run(first.aclose())
        asyncio.run(second.aclose())


class SlowToUnwind(httpx.AsyncBaseTransport):
    """A transport whose request never answers, and takes a second to unwind once cancelled."""

    def __init__(self) -> None:
        self.unwound = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            await asyncio.shield(asyncio.sleep(1.0))  # the unwinding takes its time
            self.unwound += 1
            raise
        raise AssertionError("not reached")


def test_a_wait_ends_at_its_deadline_while_a_request_is_slow_to_give_up() -> None:
    # A request that takes long to unwind after its deadline (a loaded loop: every turn comes late)
    # is answered at the wait's deadline, and left to finish on its own.
    transport = SlowToUnwind()

    async def main() -> tuple[list[float], list[Any]]:
        async with (
            httpx.AsyncClient(transport=transport) as http,
            taskpoll.AsyncClient("artos", base_url="http://127.0.0.1:9", api_key="k-slow", http_client=http) as client,
        ):
            started = time.monotonic()
            outcomes: list[Any] = await client.wait_many([f"doc-{i}" for i in range(3)], timeout=0.3, concurrency=3)
            ends = [time.monotonic() - started]
            started = time.monotonic()
            with pytest.raises(WaitTimeoutError) as info:
                await client.wait("doc-9", timeout=0.3)
            ends.append(time.monotonic() - started)
            outcomes.append(info.value)
            for _ in range(50):
                if transport.unwound == 4:
                    break
                await asyncio.sleep(0.1)
            return ends, outcomes

    ends, outcomes = asyncio.run(main())
    assert all(isinstance(o, WaitTimeoutError) for o in outcomes) and len(outcomes) == 4
    assert max(ends) < 0.3 + 0.5  # not the 1 s the request takes to unwind
    assert transport.unwound == 4
