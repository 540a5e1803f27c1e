"""Create a few tasks in the bundled simulator and hand their waits to the Celery workers.

taskpoll simulate --port 8765 &
celery -A examples.celery_worker worker --loglevel INFO &
python -m examples.celery_producer
"""

from __future__ import annotations

import httpx

import taskpoll.providers
from examples.celery_worker import SIMULATOR, task_done, waiter


def main() -> None:
    for provider in taskpoll.providers.names():
        body = {
            "provider": provider,
            "steps": [{"state": "running", "polls": None, "seconds": 3}, {"state": "succeeded"}],
        }
        task_id = httpx.post(f"{SIMULATOR}/_simulator/tasks", json=body).raise_for_status().json()["id"]
        # celery ships no types: pyright reads its task decorator as returning the plain function
        signature = task_done.s()  # pyright: ignore[reportFunctionMemberAccess]
        wait_id = waiter.wait(provider, task_id, timeout=120, callback=signature)
        print(f"waiting for {provider} task {task_id} (wait {wait_id})")


if __name__ == "__main__":
    main()
