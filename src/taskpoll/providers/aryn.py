"""Aryn DocParse: `GET /v1/async/result/{task_id}` (specs/aryn.yaml).

The HTTP status is the state: 202 while the task is queued or running, 200 once it has finished.
A finished task that failed is still a 200, with `error` set and the failing code in `status_code`.
Aryn answers 403 when the key is missing or wrong, and 404 for unknown ids and for results past
their 48 hours. Docs poll every 1 to 5 s; there is no server hint.

`Task.result` is the generated `PartitionerResponse`; its `elements` are `Element` models. The
state is read strictly (the HTTP status, then `error`); the result tolerantly (`Lenient`): older
outputs without `status_code`, markdown/html output without `elements`, tables whose
`text_representation` is null or absent all read as finished; an element that does not fit is left
out and named in `Task.result_issues`.

A failed task's code is `status_code`, or, when the body has none (older outputs), the SDK's guess:
429 when the error starts with "429: ", else 500 (aryn_sdk/client/partition.py l.559-562). An empty
`error` ("") means no error, as in the SDK (`if error := data.get("error")`).

A 403 whose reason says the plan must be upgraded is a PermissionDeniedError; the key problems
("No Aryn API key provided", "Invalid ...", "Expired ...") are AuthenticationError.
"""

from __future__ import annotations

from typing import Any, ClassVar

import httpx
from taskpoll_aryn_api.api.partition import field_async_partition_document_status_v1 as _status
from taskpoll_aryn_api.models import Element, ElementProperties, PartitionerResponse, StatusPathFilter
from taskpoll_aryn_api.types import UNSET, Unset  # re-exported: optional fields are X | None | Unset

from .._errors import APIError, AuthenticationError, PermissionDeniedError
from .._policy import PollPolicy
from .._task import Task, TaskState
from ._base import Lenient, Provider

__all__ = ["PROVIDER", "UNSET", "Element", "ElementProperties", "PartitionerResponse", "Unset"]

_RESULT: Lenient[PartitionerResponse] = Lenient(PartitionerResponse, lists={"elements": Lenient(Element)})


class Aryn(Provider[PartitionerResponse]):
    name = "aryn"
    title = "Aryn DocParse"
    key_env = "ARYN_API_KEY"
    base_url_env = "ARYN_API_URL"
    default_base_url = "https://api.aryn.cloud"
    default_policy = PollPolicy(initial_delay=1.0, multiplier=1.25, max_delay=5.0)
    result_type = PartitionerResponse
    streamed = ("elements", _RESULT.lists["elements"])
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
        # Only a 200 carries information; a 202's body ("Task is pending.") is kept as raw if it is JSON.
        if response.status_code == 200:
            return super().decode(response)
        try:
            return super().decode(response)
        except ValueError:
            return None

    def parse_ok(self, task_id: str, response: httpx.Response, data: Any) -> Task[PartitionerResponse]:
        code = response.status_code
        if code == 202:
            return self.task(task_id, response, data, state=TaskState.RUNNING, status="202")
        if code != 200:
            return self.task(task_id, response, data, state=TaskState.UNKNOWN, status=str(code))
        if not isinstance(data, dict):
            raise TypeError("the body is not a JSON object")
        error = data.get("error")
        if error is not None and not isinstance(error, str):
            raise TypeError("error is not a string")
        status_code = data.get("status_code")
        if status_code is not None and (not isinstance(status_code, int) or isinstance(status_code, bool)):
            raise TypeError("status_code is not an integer")
        if error:
            if status_code is None:
                status_code = 429 if error.startswith("429: ") else 500
            failure = self.failed(error, "429" if error.startswith("429: ") else status_code)
            return self.task(task_id, response, data, state=TaskState.FAILED, status="200", error=failure)
        read = self.lenient(_RESULT, data)
        result, issues = read
        if result is None:
            raise ValueError("; ".join(issues) or "the result does not fit")
        return self.task(
            task_id, response, data, state=TaskState.SUCCEEDED, status="200", result=result, result_issues=issues
        )

    def raw_status(self, data: Any) -> object:
        return None  # the state is the HTTP status, never a body field

    def error(self, task_id: str, response: httpx.Response) -> APIError:
        err = super().error(task_id, response)
        if isinstance(err, AuthenticationError) and "upgrade your account plan" in str(err.message).lower():
            # partition.mdx l.103: "This async action requires you to upgrade your account plan".
            return PermissionDeniedError(
                err.message,
                provider=self.name,
                task_id=task_id,
                status_code=err.status_code,
                body=response.content,
                request_id=err.request_id,
                code=err.code,
                retry_after=err.retry_after,
            )
        return err

    def error_class(self, status: int, code: str | None) -> type[APIError]:
        # Aryn answers a missing, invalid or expired key with 403 ("No Aryn API key provided.").
        return AuthenticationError if status == 403 else super().error_class(status, code)


PROVIDER = Aryn()
