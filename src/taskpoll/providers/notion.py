"""Notion: `GET /v1/async_tasks/{task_id}` with `Notion-Version: 2026-03-11` (specs/notion.yaml).

The async_task is queued, running or retrying (all in progress, with `poll_after_seconds`: wait at
least that long; a hint beyond `PollPolicy.max_hint` ends the wait, resumable, rather than being
shortened), succeeded (with `result`, e.g. the created page) or failed (with a standard error
object). Errors are error objects with `code` and `request_id`; 429 comes with Retry-After, and so
does 529 `service_overload`, which Notion's own client retries like a 429: both are RateLimitError.
Notion allows about three requests per second per integration, which a client shares among its waits.

The state is read exactly (`status`, and `poll_after_seconds` while in progress); the rest is read
tolerantly: an `operation` without `surface`, or with a surface taskpoll does not know, is kept as
sent, and what of a succeeded task does not fit the spec is named in `Task.result_issues` (the body
as sent is `Task.raw`). A failed task's reason comes from its `error` object, whatever else it holds.

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
from taskpoll_notion_api.types import UNSET, Unset  # re-exported: optional fields are X | None | Unset

from .._errors import APIError, RateLimitError
from .._policy import PollPolicy
from .._task import Task, TaskState
from ._base import Lenient, Provider, generic_message, json_field, parse_time

__all__ = [
    "NOTION_VERSION",
    "PROVIDER",
    "UNSET",
    "AsyncTaskFailed",
    "AsyncTaskInProgress",
    "AsyncTaskSucceeded",
    "AsyncTaskSucceededResult",
    "Unset",
]

NOTION_VERSION = RetrieveAsyncTaskNotionVersion.VALUE_0.value
RESULT = Lenient(AsyncTaskSucceeded)


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
        # State strict: `status`, and for a task in progress its `poll_after_seconds`. The rest (the
        # operation, the ids, the result) is read tolerantly and never fails the answer.
        status = json_field(data, "status")
        created_at = parse_time(json_field(data, "created_time"))
        if isinstance(status, str) and status in self.vocabularies["in_progress"]:
            hint = _seconds(json_field(data, "poll_after_seconds"))
            if hint is None:
                raise ValueError("poll_after_seconds is not a number >= 0")
            state = self.vocabularies["in_progress"][status]
            return self.task(
                task_id, response, data, state=state, status=status, poll_after=hint, created_at=created_at
            )
        if status == "succeeded":
            built = self.lenient(RESULT, data)
            return self.task(
                task_id,
                response,
                data,
                state=TaskState.SUCCEEDED,
                status="succeeded",
                result=built[0],
                result_issues=built[1],
                created_at=created_at,
            )
        if status == "failed":
            message, code = json_field(data, "error", "message"), json_field(data, "error", "code")
            error = self.failed(message if isinstance(message, str) else None, code if isinstance(code, str) else None)
            return self.task(
                task_id, response, data, state=TaskState.FAILED, status="failed", error=error, created_at=created_at
            )
        raise ValueError(f"status {status!r} is not one the spec lists")

    def error_class(self, status: int, code: str | None) -> type[APIError]:
        # Notion's own client retries 529 service_overload with its Retry-After, as it does a 429
        # (notion-sdk-js src/Client.ts l.701-731): a RateLimitError, waited as told.
        if status == 529 or code == "service_overload":
            return RateLimitError
        return super().error_class(status, code)

    def hint(self, data: Any) -> float | None:
        return _seconds(json_field(data, "poll_after_seconds"))

    def error_details(self, response: httpx.Response) -> tuple[str, str | None, str | None]:
        # The request id is in the body, or else in `x-notion-request-id` (notion-sdk-js src/errors.ts
        # l.253-254, 306).
        header_id = response.headers.get("x-notion-request-id")
        data = json.loads(response.content)
        message, code, request_id = (json_field(data, k) for k in ("message", "code", "request_id"))
        request_id = request_id if isinstance(request_id, str) else header_id
        if not isinstance(message, str):
            return generic_message(response), None, request_id
        return message, code if isinstance(code, str) else None, request_id


PROVIDER = Notion()
