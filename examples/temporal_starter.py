"""Create a few tasks in the bundled simulator and wait for them through Temporal workflows.

(start the dev server, the simulator and examples.temporal_worker first: see its docstring)
python -m examples.temporal_starter
"""

from __future__ import annotations

import asyncio

import httpx
from temporalio.client import Client

import taskpoll
import taskpoll.providers
from examples.temporal_worker import SIMULATOR, TEMPORAL
from taskpoll.contrib.temporal import wait_many


async def main() -> None:
    client = await Client.connect(TEMPORAL)  # no provider key here: the workers hold them
    async with httpx.AsyncClient() as http:
        for provider in taskpoll.providers.names():
            steps = [{"state": "running", "polls": None, "seconds": 3}, {"state": "succeeded"}]
            ids: list[str] = []
            for _ in range(3):
                created = await http.post(f"{SIMULATOR}/_simulator/tasks", json={"provider": provider, "steps": steps})
                ids.append(created.raise_for_status().json()["id"])
            # A wait's workflow id is derived from provider and task id: starting it again attaches to it.
            for outcome in await wait_many(client, provider, ids, timeout=120):
                if isinstance(outcome, taskpoll.TaskpollError):
                    print(f"{provider}: the wait ended with {type(outcome).__name__}: {outcome}")
                else:
                    print(f"{provider} task {outcome.id}: {outcome.state.value} ({type(outcome.result).__name__})")


if __name__ == "__main__":
    asyncio.run(main())
