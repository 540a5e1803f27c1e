"""Aryn DocParse: `GET /v1/async/result/{task_id}` (specs/aryn.yaml).

The HTTP status is the state: 202 while the task is queued or running, 200 once it has finished.
A finished task that failed is still a 200, with `error` set and the failing code in `status_code`.
Aryn answers 403 when the key is missing or wrong, and 404 for unknown ids and for results past
their 48 hours. Docs poll every 1 to 5 s; there is no server hint.

`Task.result` is the generated `PartitionerResponse`; its `elements` are `Element` models.
"""

from __future__ import annotations

from typing import Any, ClassVar

import httpx
from taskpoll_aryn_api.api.partition import field_async_partition_document_status_v1 as _status
from taskpoll_aryn_api.models import Element, ElementProperties, PartitionerResponse, StatusPathFilter
from taskpoll_aryn_api.types import Unset

from .._errors import APIError, AuthenticationError
from .._policy import PollPolicy
from .._task import Task, TaskState
from ._base import Provider

__all__ = ["PROVIDER", "Element", "ElementProperties", "PartitionerResponse"]


class Aryn(Provider[PartitionerResponse]):
    name = "aryn"
    title = "Aryn DocParse"
    key_env = "ARYN_API_KEY"
    base_url_env = "ARYN_API_URL"
    default_base_url = "https://api.aryn.cloud"
    default_policy = PollPolicy(initial_delay=1.0, multiplier=1.25, max_delay=5.0)
    result_type = PartitionerResponse
    vocabularies: ClassVar[dict[str, dict[str, TaskState]]] = {
        # Task.status is the HTTP status of the result endpoint.
        "http": {"202": TaskState.RUNNING, "200": TaskState.SUCCEEDED},
        # The list endpoint's task_status (done covers failed partitions too: the result says which).
        "list": {
            "queue": TaskState.PENDING,
            "run": TaskState.RUNNING,
            "done": TaskState.SUCCEEDED,
            "abort": TaskState.FAILED,
            "cancel": TaskState.CANCELED,
        },
    }

    def status_kwargs(self, task_id: str) -> dict[str, Any]:
        return _status._get_kwargs(task_id, path_filter=StatusPathFilter.VALUE_0)

    def decode(self, response: httpx.Response) -> Any:
        # Only a 200 carries information; a 202's body is always "Task is pending."
        return super().decode(response) if response.status_code == 200 else None

    def parse_ok(self, task_id: str, response: httpx.Response, data: Any) -> Task[PartitionerResponse]:
        code = response.status_code
        if code == 202:
            return self.task(task_id, response, state=TaskState.RUNNING, status="202")
        if code != 200:
            return self.task(task_id, response, state=TaskState.UNKNOWN, status=str(code))
        result = PartitionerResponse.from_dict(data)
        if not isinstance(result.status_code, int) or isinstance(result.status_code, bool):
            raise TypeError("status_code is not an integer")
        # The generated parser turns a list with one malformed element into raw dicts, silently.
        if result.elements is not None and not all(isinstance(e, Element) for e in result.elements):
            raise ValueError("elements do not fit the Element schema")
        error = None if isinstance(result.error, Unset) else result.error
        if error is not None:
            if not isinstance(error, str):
                raise TypeError("error is not a string")
            failure = self.failed(error, "429" if error.startswith("429: ") else result.status_code)
            return self.task(task_id, response, state=TaskState.FAILED, status="200", error=failure)
        return self.task(task_id, response, state=TaskState.SUCCEEDED, status="200", result=result)

    def raw_status(self, data: Any) -> object:
        return None  # the state is the HTTP status, never a body field

    def error_class(self, status: int, code: str | None) -> type[APIError]:
        # Aryn answers a missing or wrong key with 403 ("No Aryn API key provided.").
        return AuthenticationError if status == 403 else super().error_class(status, code)


PROVIDER = Aryn()
