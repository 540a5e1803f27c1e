"""Canned provider answers and the exact policy shared by the fake-clock tests (no I/O, no simulator)."""

from __future__ import annotations

import base64
import json
import math
from datetime import UTC, datetime
from typing import Any

import attrs
import httpx

import taskpoll
from taskpoll import PollPolicy, Task, TaskState
from taskpoll._http import Answer

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


def old_token(provider: str, task_id: str, status: str | None = None, next_poll_at: float | None = None) -> str:
    """A resume token as taskpoll's first releases wrote them (`tp1.`, version 1: the provider, the id,
    the last status and the server's next poll time), to prove that they still resume."""
    if next_poll_at is not None:
        next_poll_at = None if math.isnan(next_poll_at) else min(max(next_poll_at, 0.0), 1e12)
    payload = {"v": 1, "p": provider, "id": task_id, "s": status, "n": next_poll_at}
    data = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return "tp1." + base64.urlsafe_b64encode(data).decode().rstrip("=")


def as_answer(response: httpx.Response) -> Answer:
    """An httpx response (its body read) as the clients hand answers to the adapters."""
    return Answer(response.status_code, response.headers, response.content, response.reason_phrase)


def every_error() -> list[taskpoll.TaskpollError]:
    """One instance of each kind of error a wait or a call can end with, every attribute set."""
    task = Task(provider="veza", id="t1", state=TaskState.FAILED, status="FAILED")
    answer: dict[str, Any] = {"provider": "veza", "task_id": "t1", "status_code": 503, "request_id": "r1"}
    wait: dict[str, Any] = {"provider": "veza", "task_id": "t1", "task": None, "elapsed": 3.5, "token": "tp2.x"}
    active = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    return [
        taskpoll.ServerError("down", code="E1", body=b"{}", **answer),
        taskpoll.RateLimitError("slow down", retry_after=2.0, **answer | {"status_code": 429}),
        taskpoll.ResponseValidationError("not JSON", **answer | {"status_code": 200}),
        taskpoll.ResponseTooLargeError("too long", limit=10, **answer | {"status_code": 200}),
        taskpoll.APITimeoutError("no answer in time", provider="veza", task_id="t1", sent=False),
        taskpoll.APIConnectionError("refused", provider="veza", task_id="t1"),
        taskpoll.SubmitOutcomeUnknownError("maybe created", provider="veza", task_id="t1"),
        taskpoll.UnsupportedOperationError("no cancel", operation="cancel", provider="veza"),
        taskpoll.ConfigurationError("bad option", provider="veza", task_id="t1"),
        taskpoll.TaskFailedError(task),
        taskpoll.TaskCanceledError(attrs.evolve(task, state=TaskState.CANCELED, status="CANCELED")),
        taskpoll.ResultUnavailableError("no result yet", task=task),
        taskpoll.WaitTimeoutError("wait timed out", **wait),
        taskpoll.TaskStalledError("no sign of activity", last_activity=active, stalled_after=30.0, **wait),
    ]
