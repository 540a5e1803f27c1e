"""Veza: `GET /api/v1/assessments/async_tasks/{id}` (specs/veza.yaml).

The body is `{"task": AsyncTask}`. A task is finished only when `state` is COMPLETE; `status` then
says how (SUCCEEDED, FAILED with `error_reason`/`error_status`, or CANCELED). proto3 JSON leaves out
fields at their zero value, so a missing `state` is UNKNOWN_STATE and a missing `status` is
UNKNOWN_STATUS; integer enum values are read too. Errors are google.rpc.Status bodies. Hosts are
per tenant, so there is no default base URL: set VEZA_BASE_URL or pass `base_url`.

`Task.result` is the generated `AsyncTask` (its `result` holds the operation's output).
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

import httpx
from taskpoll_veza_api.api.query_builder import get_assessment_async_task as _status
from taskpoll_veza_api.models import AsyncTask, AsyncTaskResult, AsyncTaskState, AsyncTaskStatus, GetAsyncTaskResponse
from taskpoll_veza_api.models import RpcStatus as _RpcStatus
from taskpoll_veza_api.types import Unset

from .._policy import PollPolicy
from .._task import Task, TaskState
from ._base import Provider, generic_message, json_field

__all__ = ["PROVIDER", "AsyncTask", "AsyncTaskResult", "AsyncTaskState", "AsyncTaskStatus"]

_STATE_NUMBERS = {0: "UNKNOWN_STATE", 1: "PENDING", 2: "IN_PROGRESS", 3: "COMPLETE"}
_STATUS_NUMBERS = {0: "UNKNOWN_STATUS", 1: "SUCCEEDED", 2: "FAILED", 3: "CANCELED"}


class Veza(Provider[AsyncTask]):
    name = "veza"
    title = "Veza"
    key_env = "VEZA_API_KEY"
    base_url_env = "VEZA_BASE_URL"
    default_base_url = None
    default_policy = PollPolicy(initial_delay=1.0, multiplier=1.5, max_delay=30.0)
    result_type = AsyncTask
    vocabularies: ClassVar[dict[str, dict[str, TaskState]]] = {
        # A task that exists but has no state yet is waiting.
        "state": {
            "UNKNOWN_STATE": TaskState.PENDING,
            "PENDING": TaskState.PENDING,
            "IN_PROGRESS": TaskState.RUNNING,
            "COMPLETE": TaskState.SUCCEEDED,  # refined by `status` below; listed for completeness
        },
        # The outcome of a COMPLETE task; an unset outcome is not terminal yet.
        "status": {
            "UNKNOWN_STATUS": TaskState.UNKNOWN,
            "SUCCEEDED": TaskState.SUCCEEDED,
            "FAILED": TaskState.FAILED,
            "CANCELED": TaskState.CANCELED,
        },
    }

    def status_kwargs(self, task_id: str) -> dict[str, Any]:
        return _status._get_kwargs(task_id)

    def decode(self, response: httpx.Response) -> Any:
        data = json.loads(response.content)
        task = json_field(data, "task")
        if isinstance(task, dict):  # integer enum values, which gRPC gateways can be set to emit
            for key, names in (("state", _STATE_NUMBERS), ("status", _STATUS_NUMBERS)):
                value = task.get(key)
                if isinstance(value, int) and not isinstance(value, bool) and value in names:
                    task[key] = names[value]
        return data

    def parse_ok(self, task_id: str, response: httpx.Response, data: Any) -> Task[AsyncTask]:
        task = GetAsyncTaskResponse.from_dict(data).task
        if not isinstance(task.id, str):
            raise TypeError("task.id is not a string")
        state = "UNKNOWN_STATE" if isinstance(task.state, Unset) else task.state.value
        if state != "COMPLETE":
            return self.task(task_id, response, state=self.vocabularies["state"][state], status=state)
        outcome = "UNKNOWN_STATUS" if isinstance(task.status, Unset) else task.status.value
        fields: dict[str, Any] = {"state": self.vocabularies["status"][outcome], "status": f"COMPLETE/{outcome}"}
        if outcome == "SUCCEEDED":
            fields["result"] = task
        elif outcome == "FAILED":
            reason = task.error_reason if isinstance(task.error_reason, str) else None
            detail = task.error_status
            code = detail.code if isinstance(detail, _RpcStatus) else None if isinstance(detail, Unset) else detail
            message = reason or (detail.message if isinstance(detail, _RpcStatus) else None)
            fields["error"] = self.failed(message, code)
        return self.task(task_id, response, **fields)

    def raw_status(self, data: Any) -> object:
        state = json_field(data, "task", "state")
        if state == "COMPLETE":
            outcome = json_field(data, "task", "status")
            return f"COMPLETE/{outcome}" if isinstance(outcome, str) else None
        return state

    @property
    def known_statuses(self) -> frozenset[str]:  # Task.status is "COMPLETE/<outcome>" once complete
        return frozenset(self.vocabularies["state"]) | {f"COMPLETE/{s}" for s in self.vocabularies["status"]}

    def error_details(self, response: httpx.Response) -> tuple[str, str | None, str | None]:
        data = json.loads(response.content)
        message, code = json_field(data, "message"), json_field(data, "code")
        if not isinstance(message, str):
            return generic_message(response), None, None
        return message, None if code is None else str(code), None


PROVIDER = Veza()
