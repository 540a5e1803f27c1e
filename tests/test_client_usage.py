"""Using a client: async def callbacks (awaited by AsyncClient, refused by Client), and a closed client."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import taskpoll
from taskpoll.simulator import Simulator, pending, running, succeeded

from .clients import FAST


def test_async_client_awaits_async_callbacks_in_wait_and_wait_many(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    one = sim.create_task("artos", [pending(), running(progress=0.5), succeeded()])
    many = [sim.create_task("artos", [pending(), succeeded()]) for _ in range(3)]
    updates: list[str] = []
    polls: list[int] = []

    async def on_update(task: taskpoll.Task[Any]) -> None:
        await asyncio.sleep(0)
        updates.append(task.status)

    async def on_poll(event: taskpoll.PollEvent) -> None:
        await asyncio.sleep(0)
        polls.append(event.attempt)

    async def run() -> None:
        options: dict[str, Any] = {"base_url": sim.base_url("artos"), "api_key": sim.api_key("artos"), "policy": FAST}
        async with taskpoll.AsyncClient("artos", **options) as client:
            await client.wait(one, on_update=on_update, on_poll=on_poll)
            assert updates[-1] == "Ready" and "Generating" in updates and polls
            updates.clear()
            await client.wait_many(many, on_update=on_update, on_poll=on_poll)
            assert updates.count("Ready") == 3

    asyncio.run(run())


def test_client_refuses_an_async_callback_before_any_request(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator

    async def on_update(task: taskpoll.Task[Any]) -> None:
        pass

    with taskpoll.Client("artos", base_url=sim.base_url("artos"), api_key=sim.api_key("artos")) as client:
        with pytest.raises(taskpoll.ConfigurationError, match="AsyncClient"):
            client.wait("doc-1", on_update=on_update)
        with pytest.raises(taskpoll.ConfigurationError, match="AsyncClient"):
            client.wait_many(["doc-1"], on_update=on_update)
    assert sim.requests("artos") == []


def test_a_closed_client_says_so_with_a_typed_error(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    client = taskpoll.Client("artos", base_url=sim.base_url("artos"), api_key=sim.api_key("artos"))
    client.close()
    with pytest.raises(taskpoll.ConfigurationError, match="closed"):
        client.get("doc-1")

    async def run() -> None:
        aclient = taskpoll.AsyncClient("artos", base_url=sim.base_url("artos"), api_key=sim.api_key("artos"))
        await aclient.aclose()
        with pytest.raises(taskpoll.ConfigurationError, match="closed"):
            await aclient.wait("doc-1")

    asyncio.run(run())
