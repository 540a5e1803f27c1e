"""Artos: `GET /api/v1/documents/status/{document_id}` (specs/artos.yaml).

Every state is a 200 whose `status` is Pending, Ingesting, Generating (in progress), Ready or Failed
(with `error`). Errors are FastAPI bodies `{"detail": ...}`. Artos recommends exponential backoff and
gives no server hint; documents take from half a minute to several minutes.

`Task.result` is the generated `TaskStatusResponse` of the finished document.
"""

from __future__ import annotations

from typing import Any, ClassVar

import httpx
from taskpoll_artos_api.api.documents import get_document_status as _status
from taskpoll_artos_api.models import TaskStatusResponse, TaskStatusResponseStatus

from .._policy import PollPolicy
from .._task import Task, TaskState
from ._base import Provider

__all__ = ["PROVIDER", "TaskStatusResponse", "TaskStatusResponseStatus"]


class Artos(Provider[TaskStatusResponse]):
    name = "artos"
    title = "Artos"
    key_env = "ARTOS_ACCESS_TOKEN"
    base_url_env = "ARTOS_API_URL"
    default_base_url = "https://api.artosai.com"
    default_policy = PollPolicy(initial_delay=1.0, multiplier=1.5, max_delay=30.0)
    result_type = TaskStatusResponse
    vocabularies: ClassVar[dict[str, dict[str, TaskState]]] = {
        "status": {
            "Pending": TaskState.PENDING,
            "Ingesting": TaskState.RUNNING,
            "Generating": TaskState.RUNNING,
            "Ready": TaskState.SUCCEEDED,
            "Failed": TaskState.FAILED,
        }
    }

    def status_kwargs(self, task_id: str) -> dict[str, Any]:
        return _status._get_kwargs(task_id)

    def parse_ok(self, task_id: str, response: httpx.Response, data: Any) -> Task[TaskStatusResponse]:
        result = TaskStatusResponse.from_dict(data)
        status = result.status.value
        state = self.vocabularies["status"][status]
        progress = result.progress
        if progress is not None and (not isinstance(progress, int) or isinstance(progress, bool)):
            raise TypeError("progress is not an integer")
        fields: dict[str, Any] = {
            "state": state,
            "status": status,
            "progress": None if progress is None else min(max(progress / 100.0, 0.0), 1.0),
        }
        if state is TaskState.SUCCEEDED:
            fields["result"] = result
        elif state is TaskState.FAILED:
            error = result.error if isinstance(result.error, str) else None
            fields["error"] = self.failed(error)
        return self.task(task_id, response, **fields)


PROVIDER = Artos()
