"""A taskpoll Temporal worker process for tests/test_temporal.py and benchmarks/temporal_poll.py:
`python -m tests.temporal_worker`, against the dev server and the simulator process named by the
environment variables that the test sets. Prints "ready" once its workers are built; stops on SIGTERM.
"""

from __future__ import annotations

import asyncio
import math
import os
import signal
from typing import Any

from temporalio.client import Client

import taskpoll
import taskpoll.providers
from taskpoll.contrib.temporal import Worker

TEMPORAL = os.environ.get("TASKPOLL_TEST_TEMPORAL", "127.0.0.1:7233")
SIMULATOR = os.environ.get("TASKPOLL_TEST_SIMULATOR", "http://127.0.0.1:1")
TASK_QUEUE = os.environ.get("TASKPOLL_TEST_QUEUE", "taskpoll")
REQUEST_TIMEOUT = float(os.environ.get("TASKPOLL_TEST_REQUEST_TIMEOUT", "2.0"))
# A policy change for benchmarks, e.g. "initial_delay=0.05,max_delay=0.05" (numbers only).
POLICY = dict(
    (name, float(value))
    for name, value in (item.split("=") for item in os.environ.get("TASKPOLL_TEST_POLICY", "").split(",") if item)
)


def client_for(provider: str) -> taskpoll.AsyncClient[Any]:
    policy = taskpoll.providers.get(provider).default_policy.with_changes(request_timeout=REQUEST_TIMEOUT, **POLICY)
    return taskpoll.AsyncClient(
        taskpoll.providers.get(provider),
        base_url=f"{SIMULATOR}/{provider}",
        api_key=f"sim-{provider}-key",
        allow_insecure_http=True,
        policy=policy,
        rate_limit=math.inf,  # the task queues' limits pace the polls across both workers
    )


async def main() -> None:
    client = await Client.connect(TEMPORAL)
    worker = Worker(client, clients=client_for, task_queue=TASK_QUEUE, graceful_shutdown=REQUEST_TIMEOUT + 1)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    running = asyncio.ensure_future(worker.run())
    print("ready", flush=True)
    await stop.wait()
    await worker.shutdown()
    await running


if __name__ == "__main__":
    asyncio.run(main())
