"""Notion: `GET /v1/async_tasks/{task_id}` with `Notion-Version: 2026-03-11` (specs/notion.yaml).

The async_task is queued, running or retrying (all in progress, with `poll_after_seconds`: wait at
least that long), succeeded (with `result`, e.g. the created page) or failed (with a standard error
object). Errors are error objects with `code` and `request_id`; 429 comes with Retry-After. Notion
allows about three requests per second per integration, which a client shares among its waits.

`Task.result` is the generated `AsyncTaskSucceeded` (its `result` holds the operation's answer).
"""

from __future__ import annotations

import json
import math
from typing import Any, ClassVar

import httpx
from taskpoll_notion_api.api.async_tasks import retrieve_async_task as _status
from taskpoll_notion_api.models import (
    AsyncTaskFailed,
    AsyncTaskInProgress,
    AsyncTaskSucceeded,
    AsyncTaskSucceededResult,
    RetrieveAsyncTaskNotionVersion,
)

from .._policy import PollPolicy
from .._task import Task, TaskState
from ._base import Provider, generic_message, json_field

__all__ = [
    "NOTION_VERSION",
    "PROVIDER",
    "AsyncTaskFailed",
    "AsyncTaskInProgress",
    "AsyncTaskSucceeded",
    "AsyncTaskSucceededResult",
]

NOTION_VERSION = RetrieveAsyncTaskNotionVersion.VALUE_0.value


def _seconds(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        return None
    return float(value)


class Notion(Provider[AsyncTaskSucceeded]):
    name = "notion"
    title = "Notion"
    key_env = "NOTION_TOKEN"
    base_url_env = "NOTION_BASE_URL"
    default_base_url = "https://api.notion.com"
    default_policy = PollPolicy(initial_delay=1.0, multiplier=1.5, max_delay=10.0, follow_hint=True)
    rate_limit = 3.0
    result_type = AsyncTaskSucceeded
    vocabularies: ClassVar[dict[str, dict[str, TaskState]]] = {
        "in_progress": {"queued": TaskState.PENDING, "running": TaskState.RUNNING, "retrying": TaskState.RUNNING},
        "succeeded": {"succeeded": TaskState.SUCCEEDED},
        "failed": {"failed": TaskState.FAILED},
    }

    def status_kwargs(self, task_id: str) -> dict[str, Any]:
        return _status._get_kwargs(task_id, notion_version=RetrieveAsyncTaskNotionVersion.VALUE_0)

    def parse_ok(self, task_id: str, response: httpx.Response, data: Any) -> Task[AsyncTaskSucceeded]:
        status = json_field(data, "status")
        if status in self.vocabularies["in_progress"]:
            progress = AsyncTaskInProgress.from_dict(data)
            hint = _seconds(progress.poll_after_seconds)
            if hint is None:
                raise ValueError("poll_after_seconds is not a number >= 0")
            state = self.vocabularies["in_progress"][progress.status.value]
            return self.task(
                task_id,
                response,
                state=state,
                status=progress.status.value,
                poll_after=hint,
                created_at=progress.created_time,
            )
        if status == "succeeded":
            done = AsyncTaskSucceeded.from_dict(data)
            return self.task(
                task_id,
                response,
                state=TaskState.SUCCEEDED,
                status="succeeded",
                result=done,
                created_at=done.created_time,
            )
        if status == "failed":
            failed = AsyncTaskFailed.from_dict(data)
            code = failed.error.code
            error = self.failed(failed.error.message, code.value if hasattr(code, "value") else code)
            return self.task(
                task_id,
                response,
                state=TaskState.FAILED,
                status="failed",
                error=error,
                created_at=failed.created_time,
            )
        raise ValueError(f"status {status!r} is not one the spec lists")

    def hint(self, data: Any) -> float | None:
        return _seconds(json_field(data, "poll_after_seconds"))

    def error_details(self, response: httpx.Response) -> tuple[str, str | None, str | None]:
        data = json.loads(response.content)
        message, code, request_id = (json_field(data, k) for k in ("message", "code", "request_id"))
        if not isinstance(message, str):
            return generic_message(response), None, None
        return message, code if isinstance(code, str) else None, request_id if isinstance(request_id, str) else None


PROVIDER = Notion()
