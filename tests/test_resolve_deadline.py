"""A wait's deadline bounds name resolution too: a resolver that takes 3 s cannot stretch a
request of 0.5 s, sync or async. The resolver is the system's, slowed for two made-up names; the
server is the simulator on 127.0.0.1."""

from __future__ import annotations

import asyncio
import math
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest

import taskpoll
from taskpoll import APIConnectionError, APITimeoutError, PollPolicy, TaskState
from taskpoll.simulator import Simulator, running

SLOW = "slow-dns.test"
FAST = "fast-dns.test"
BROKEN = "no-such-name.test"
# Names with several addresses, tried in order (nothing listens on 127.0.0.2 or 127.0.0.3).
SEVERAL = {"second-answers.test": ["127.0.0.2", "127.0.0.1"], "none-answers.test": ["127.0.0.2", "127.0.0.3"]}
POLICY = PollPolicy(request_timeout=0.5)


@pytest.fixture(scope="module")
def sim() -> Iterator[Simulator]:
    with Simulator(seed=3) as simulator:
        yield simulator


@pytest.fixture(autouse=True)
def resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        host = host.decode() if isinstance(host, bytes) else host  # anyio passes the IDNA-encoded name
        if host in (SLOW, FAST):
            if host == SLOW:
                time.sleep(3.0)
            return real("127.0.0.1", port, *args, **kwargs)
        if host == BROKEN:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        if host in SEVERAL:
            return [info for address in SEVERAL[host] for info in real(address, port, *args, **kwargs)]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def url(sim: Simulator, host: str) -> str:
    return sim.base_url("artos").replace("127.0.0.1", host)


def options(sim: Simulator, host: str) -> dict[str, Any]:
    return {
        "base_url": url(sim, host),
        "api_key": sim.api_key("artos"),
        "policy": POLICY,
        "rate_limit": math.inf,
        "allow_insecure_http": True,
    }


@pytest.mark.parametrize("colour", ["sync", "async"])
def test_a_slow_resolver_cannot_stretch_a_request(sim: Simulator, colour: str) -> None:
    task_id = sim.create_task("artos", [running(polls=None)])
    took: list[float] = []
    if colour == "sync":
        with taskpoll.Client("artos", **options(sim, SLOW)) as client, pytest.raises(APITimeoutError):
            began = time.monotonic()
            try:
                client.get(task_id)
            finally:
                took.append(time.monotonic() - began)
    else:

        async def main() -> None:
            async with taskpoll.AsyncClient("artos", **options(sim, SLOW)) as client:
                began = time.monotonic()
                try:
                    await client.get(task_id)
                finally:
                    took.append(time.monotonic() - began)

        # (asyncio.run itself then waits for its default executor, where the lookup goes on for 3 s.)
        with pytest.raises(APITimeoutError):
            asyncio.run(main())
    assert took[0] < 0.5 + 0.5  # not the resolver's 3 s


def test_a_wait_ends_at_its_deadline_whatever_the_resolver_does(sim: Simulator) -> None:
    task_id = sim.create_task("artos", [running(polls=None)])
    began = time.monotonic()
    with (
        taskpoll.Client("artos", **{**options(sim, SLOW), "policy": PollPolicy(request_timeout=30.0)}) as client,
        pytest.raises(taskpoll.WaitTimeoutError),
    ):
        client.wait(task_id, timeout=1.0)
    assert time.monotonic() - began < 1.0 + 0.5


def test_a_resolved_name_is_connected_to_and_a_name_that_does_not_resolve_is_a_typed_error(sim: Simulator) -> None:
    task_id = sim.create_task("artos", [running(polls=None)])
    with taskpoll.Client("artos", **options(sim, FAST)) as client:
        assert client.get(task_id).state is TaskState.RUNNING
    with taskpoll.Client("artos", **options(sim, "localhost")) as client:
        assert client.get(task_id).state is TaskState.RUNNING
    with taskpoll.Client("artos", **options(sim, BROKEN)) as client, pytest.raises(APIConnectionError) as info:
        client.get(task_id)
    assert "resolve" in str(info.value)


def test_a_refused_address_is_followed_by_the_next_one(sim: Simulator) -> None:
    task_id = sim.create_task("artos", [running(polls=None)])
    with taskpoll.Client("artos", **options(sim, "second-answers.test")) as client:
        assert client.get(task_id).state is TaskState.RUNNING
    assert len(sim.requests("artos", task_id)) == 1


def test_a_name_whose_every_address_refuses_is_a_connection_error_never_sent(sim: Simulator) -> None:
    task_id = sim.create_task("artos", [running(polls=None)])
    with (
        taskpoll.Client("artos", **options(sim, "none-answers.test")) as client,
        pytest.raises(APIConnectionError) as caught,
    ):
        client.get(task_id)
    assert caught.value.sent is False  # no connection opened: provably never seen
    assert "Connection refused" in str(caught.value)  # the last address's own error
    assert sim.requests("artos", task_id) == []
