"""A Celery worker that carries taskpoll waits, against the bundled simulator (`taskpoll simulate`).

celery -A examples.celery_worker worker --concurrency 4 --loglevel INFO
"""

from __future__ import annotations

import json
import math
import os
from typing import Any

from celery import Celery  # pyright: ignore[reportMissingTypeStubs]  # celery ships no types

import taskpoll
from taskpoll.contrib.celery import Waiter, outcome_task

BROKER = os.environ.get("CELERY_BROKER", "redis://127.0.0.1:6379/0")
SIMULATOR = os.environ.get("TASKPOLL_SIMULATOR", "http://127.0.0.1:8765")

app = Celery("taskpoll-example", broker=BROKER)
app.conf.broker_transport_options = {  # pyright: ignore[reportUnknownMemberType]
    "visibility_timeout": 300,  # a dead worker's hops come back after this long (and the next sweep below)
    "unacked_restore_interval": 5,  # kombu 5.7 sweeps every interval * throttle s (default 10 * 10)
    "unacked_restore_throttle": 1,
}


def client_for(provider: str) -> taskpoll.Client[Any]:
    # Keys stay here, in the worker; against a real provider drop base_url and api_key (env vars).
    return taskpoll.Client(
        taskpoll.providers.get(provider),  # a name known only at run time: Client[Any]
        base_url=f"{SIMULATOR}/{provider}",
        api_key=f"sim-{provider}-key",
        allow_insecure_http=True,
        rate_limit=math.inf,  # the Waiter's Redis limit paces all workers together
    )


waiter = Waiter(app, clients=client_for)


@app.task(name="example.task_done")  # type: ignore[untyped-decorator]  # pyright: ignore[reportUntypedFunctionDecorator, reportUnknownMemberType]
def task_done(outcome: dict[str, Any]) -> None:
    """The callback: called once per wait (at least once: make real work idempotent on wait_id)."""
    if outcome["error"] is not None:
        print("wait ended without a result:", json.dumps(outcome["error"]))
        return
    task = outcome_task(outcome)
    print(f"{task.provider} task {task.id}: {task.state.value} ({type(task.result).__name__})")
