"""Run the same test body against Client and AsyncClient (one body, two colours)."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from typing import Any

import taskpoll
from taskpoll.simulator import Simulator

# Fast enough for tests, with every mechanism (growth, jitter, failure budget) still in play.
FAST = taskpoll.PollPolicy(
    initial_delay=0.02,
    multiplier=1.5,
    max_delay=0.1,
    min_delay=0.005,
    failure_delay=0.02,
    max_consecutive_failures=3,
    request_timeout=5.0,
)
FAST_NOTION = FAST.with_changes(follow_hint=True)
# Unsiloed's documented 60 requests / 60 s (its adapter's default rate limit, 1 per second) would
# make every multi-poll test take seconds; the tests that check pacing set their own rate_limit.
RATE_LIMIT = {"unsiloed": math.inf}


def policy_for(provider: str) -> taskpoll.PollPolicy:
    return FAST_NOTION if provider == "notion" else FAST


class Colour:
    """Calls a client method the sync or the async way and returns plain values either way.

    "aiohttp" is the async way over AsyncClient's aiohttp transport (`transport="aiohttp"`).
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name

    def client_kwargs(self, sim: Simulator, provider: str, **overrides: Any) -> dict[str, Any]:
        return {
            "base_url": sim.base_url(provider),
            "api_key": sim.api_key(provider),
            "policy": policy_for(provider),
            **({"rate_limit": RATE_LIMIT[provider]} if provider in RATE_LIMIT else {}),
            **overrides,
        }

    def call(
        self,
        sim: Simulator,
        provider: str,
        method: str,
        *args: Any,
        client: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Any:
        options = self.client_kwargs(sim, provider, **(client or {}))
        if self.name == "sync":
            with taskpoll.Client(provider, **options) as c:
                result = getattr(c, method)(*args, **kwargs)
                return list(result) if method in ("watch", "as_completed") else result

        if self.name == "aiohttp":
            options["transport"] = "aiohttp"

        async def run() -> Any:
            async with taskpoll.AsyncClient(provider, **options) as c:
                if method in ("watch", "as_completed"):
                    return [item async for item in getattr(c, method)(*args, **kwargs)]
                return await getattr(c, method)(*args, **kwargs)

        return asyncio.run(run())

    def raises(self, call: Callable[[], Any]) -> BaseException:
        try:
            call()
        except BaseException as exc:
            return exc
        raise AssertionError("expected an exception")
