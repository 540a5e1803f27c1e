"""A Temporal worker that carries taskpoll waits, against the bundled simulator (`taskpoll simulate`).

temporal server start-dev --headless --ip 127.0.0.1 \\
    --dynamic-config-value matching.numTaskqueueReadPartitions=1 \\
    --dynamic-config-value matching.numTaskqueueWritePartitions=1 &
taskpoll simulate --port 8765 &
python -m examples.temporal_worker
"""

from __future__ import annotations

import asyncio
import math
import os
from typing import Any

from temporalio.client import Client

import taskpoll
from taskpoll.contrib.temporal import Worker

TEMPORAL = os.environ.get("TEMPORAL_ADDRESS", "127.0.0.1:7233")
SIMULATOR = os.environ.get("TASKPOLL_SIMULATOR", "http://127.0.0.1:8765")


def client_for(provider: str) -> taskpoll.AsyncClient[Any]:
    # Keys stay here, in the worker; against a real provider drop base_url and api_key (env vars).
    return taskpoll.AsyncClient(
        taskpoll.providers.get(provider),  # a name known only at run time: AsyncClient[Any]
        base_url=f"{SIMULATOR}/{provider}",
        api_key=f"sim-{provider}-key",
        allow_insecure_http=True,
        rate_limit=math.inf,  # each provider's task queue is rate-limited by Temporal, for all workers
    )


async def main() -> None:
    client = await Client.connect(TEMPORAL)
    print(f"taskpoll worker on {TEMPORAL}: Ctrl-C stops it")
    await Worker(client, clients=client_for).run()  # every provider, its documented rate limit


if __name__ == "__main__":
    asyncio.run(main())
