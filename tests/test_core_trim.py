"""What the trimmed HTTP edge and JSON reader still promise, where no older test pins it down: a name
that resolves to several addresses is connected to at the first that answers (and fails with a typed
error when none does), and a spilled body's repeated name keeps the place json.loads gives it."""

from __future__ import annotations

import json
import math
import socket
from collections.abc import Iterator
from typing import Any

import pytest

import taskpoll
from taskpoll import APIConnectionError, TaskState, _spool
from taskpoll.simulator import Simulator, running

HOST = "several-addresses.test"


@pytest.fixture(scope="module")
def sim() -> Iterator[Simulator]:
    with Simulator(seed=5) as simulator:
        yield simulator


def resolving_to(monkeypatch: pytest.MonkeyPatch, addresses: list[str]) -> None:
    """HOST resolves to `addresses`, in that order (nothing listens on 127.0.0.2 or 127.0.0.3)."""
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == HOST:
            return [info for address in addresses for info in real(address, port, *args, **kwargs)]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def client(sim: Simulator) -> taskpoll.Client[Any]:
    base_url = sim.base_url("artos").replace("127.0.0.1", HOST)
    options: dict[str, Any] = {"api_key": sim.api_key("artos"), "rate_limit": math.inf, "allow_insecure_http": True}
    return taskpoll.Client("artos", base_url=base_url, **options)


def test_a_refused_address_is_followed_by_the_next_one(sim: Simulator, monkeypatch: pytest.MonkeyPatch) -> None:
    resolving_to(monkeypatch, ["127.0.0.2", "127.0.0.1"])
    task_id = sim.create_task("artos", [running(polls=None)])
    with client(sim) as polling:
        assert polling.get(task_id).state is TaskState.RUNNING
    assert len(sim.requests("artos", task_id)) == 1


def test_a_name_whose_every_address_refuses_is_a_connection_error(
    sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolving_to(monkeypatch, ["127.0.0.2", "127.0.0.3"])
    task_id = sim.create_task("artos", [running(polls=None)])
    with client(sim) as polling, pytest.raises(APIConnectionError) as caught:
        polling.get(task_id)
    assert caught.value.sent is False  # no connection opened: provably never seen
    assert "Connection refused" in str(caught.value)  # the last address's own error
    assert sim.requests("artos", task_id) == []


@pytest.mark.parametrize(
    "body",
    [
        '{"a": 1, "elements": [1], "b": 2, "a": 3}',
        '{"elements": [1, 2], "x": 0, "elements": [3]}',
        '{"elements": [1], "x": 0, "elements": "none"}',
    ],
)
def test_a_repeated_name_keeps_the_place_json_loads_gives_it(body: str) -> None:
    spool = _spool.Spool()
    spool.write(body.encode())
    with spool:
        skeleton = _spool.skeleton(spool, "elements")
        streamed = list(_spool.items(spool, "elements"))
    decoded = json.loads(body)
    assert list(skeleton) == list(decoded)
    listed = decoded["elements"]
    assert streamed == (listed if isinstance(listed, list) else [])
