"""Canned provider answers and the exact policy shared by the fake-clock tests (no I/O, no simulator)."""

from __future__ import annotations

from typing import Any

import httpx

from taskpoll import PollPolicy

REQUEST = httpx.Request("GET", "https://api.example/status")

# No jitter and no floor: every delay on the fake clock is the one the policy names.
EXACT = PollPolicy(
    initial_delay=1.0,
    multiplier=2.0,
    max_delay=8.0,
    jitter=0.0,
    min_delay=0.0,
    failure_delay=0.5,
    max_consecutive_failures=3,
    request_timeout=30.0,
)


def artos(status: str, task_id: str = "doc-1", **extra: Any) -> httpx.Response:
    """Artos's status answer for `task_id`, with `extra` fields on top."""
    body = {"task_id": task_id, "status": status, "progress": None, "error": None, **extra}
    return httpx.Response(200, json=body, request=REQUEST)


def notion(status: str, poll_after: float | None = 2.0) -> httpx.Response:
    """Notion's async task t1: its result once succeeded, else `poll_after_seconds` (unless None)."""
    body: dict[str, Any] = {
        "object": "async_task",
        "id": "t1",
        "status_url": "https://api.notion.com/v1/async_tasks/t1",
        "created_time": "2026-11-22T10:00:00.000Z",
        "operation": {"surface": "rest", "name": "create_page"},
        "status": status,
    }
    if status == "succeeded":
        body["result"] = {"object": "page", "id": "p1"}
    elif poll_after is not None:
        body["poll_after_seconds"] = poll_after
    return httpx.Response(200, json=body, request=REQUEST)
