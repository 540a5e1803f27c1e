"""Veza: `GET /api/v1/assessments/async_tasks/{id}` (specs/veza.yaml).

The body is an AsyncTask, bare or wrapped as `{"task": AsyncTask}` like the create response: Veza's
docs show neither for this endpoint, so both are read alike (a `task` object means the wrapper). A
task is finished only when `state` is COMPLETE; `status` then says how (SUCCEEDED, FAILED with
`error_reason`/`error_status`, or CANCELED). proto3 JSON leaves out fields at their zero value, so a
missing `state` is UNKNOWN_STATE and a missing `status` is UNKNOWN_STATUS; integer enum values are
read too. `result` is whatever the operation produced: any JSON value, never an error. Errors are
google.rpc.Status bodies whose `code` is a number or a name ("InvalidArgument") and which carry a
`request_id` (kept as the error's request_id) and a `timestamp` (in the body). Hosts are per
tenant, so there is no default base URL: set VEZA_BASE_URL or pass `base_url`.

`Task.result` is the generated `AsyncTask`; its `result` holds the operation's output as sent, typed as
the JSON value it is (`AsyncTaskResultObject`, its keys as sent, a list, a string, a number, a boolean or
None; Unset when absent).

Submit: `client.submit(GetAssessmentQuerySpecResultRequest(...))`, or a dict of the query
spec's fields, posts it to `POST /api/v1/assessments/query_spec:result_async_create` (fields beyond the two the
spec spells out, such as `relates_to_exp`, are sent as given) ("Create async
assessment query (results)", docs.veza.com .../query-builder/getassessmentqueryspecresultasync); the
answer is a `{"task": AsyncTask}` read like a status answer, so the Task's first state is Veza's own.
The status endpoint this adapter polls (`GET /api/v1/assessments/async_tasks/{id}`) serves the tasks of
that creator. The other async creators Veza documents are polled elsewhere and are not served here:
`query_spec:nodes_async_create` and the saved-query `createassessmentquerynodesasync` are read with
"Get async query results (nodes)", and `SyncRisksOwnerFromGraphAsync` / `EvaluateReportAsync` return
job ids whose status paths are not documented (docs.veza.com .../createqueryspecnodesasync,
.../createassessmentquerynodesasync; research/providers.md, Veza section 5). Veza documents no cancel
and no list of async tasks: `cancel` and `list_tasks` raise UnsupportedOperationError.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Unpack

from taskpoll_veza_api.api.query_builder import create_get_assessment_query_spec_result_async as _create
from taskpoll_veza_api.api.query_builder import get_assessment_async_task as _status
from taskpoll_veza_api.models import (
    AsyncTask,
    AsyncTaskResultObject,
    AsyncTaskState,
    AsyncTaskStatus,
    GetAssessmentQuerySpecResultRequest,
    GetAssessmentQuerySpecResultRequestSourceNodeTypes,
)
from taskpoll_veza_api.types import UNSET, Unset  # re-exported: optional fields are X | None | Unset

from .._client import SUBMIT_TIMEOUT, AsyncClient, Client, RunOptions
from .._http import Answer
from .._ids import check_task_id
from .._policy import PollPolicy
from .._task import Task, TaskState
from ._base import Call, Provider, generic_message, json_field
from ._inputs import model_of
from ._results import Lenient

__all__ = [
    "PROVIDER",
    "UNSET",
    "AsyncTask",
    "AsyncTaskResultObject",
    "AsyncTaskState",
    "AsyncTaskStatus",
    "GetAssessmentQuerySpecResultRequest",
    "GetAssessmentQuerySpecResultRequestSourceNodeTypes",
    "Unset",
]

_NUMBERS = {
    "state": {0: "UNKNOWN_STATE", 1: "PENDING", 2: "IN_PROGRESS", 3: "COMPLETE"},
    "status": {0: "UNKNOWN_STATUS", 1: "SUCCEEDED", 2: "FAILED", 3: "CANCELED"},
}
_RESULT = Lenient(AsyncTask)


def _task_of(data: Any) -> dict[str, Any] | None:
    """The AsyncTask of a body, wrapped (`{"task": {...}}`) or bare, with integer enums as names.

    A copy: the decoded body stays as sent (it is `Task.raw`).
    """
    if not isinstance(data, Mapping):
        return None
    inner = data.get("task")
    task = dict(inner if isinstance(inner, Mapping) else data)
    for key, names in _NUMBERS.items():  # integer enum values, which gRPC gateways can be set to emit
        value = task.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value in names:
            task[key] = names[value]
    return task


def _code(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | str) or value == "":
        return None
    return str(value)


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

    def submit_call(
        self, request: GetAssessmentQuerySpecResultRequest | Mapping[str, Any] | None = None
    ) -> Call[Task[AsyncTask]]:
        """Run an assessment query asynchronously: a GetAssessmentQuerySpecResultRequest or a dict of it."""
        # The spec spells out only the leading fields of a query spec (additionalProperties: true):
        # the others (relates_to_exp, access filters, ...) are sent as given.
        body = model_of(request, GetAssessmentQuerySpecResultRequest, "request", open_fields=True)
        assert body is not None
        return Call("submit", _create._get_kwargs(body=body), self._read_submit)

    def _read_submit(self, response: Answer) -> Task[AsyncTask]:
        data = json.loads(response.content)
        task = _task_of(data)
        if task is None:
            raise TypeError(f"the body is a JSON {type(data).__name__}, not an object")
        task_id = task["id"]
        if not isinstance(task_id, str):
            raise TypeError("task.id is not a string")
        return self.parse_ok(check_task_id(task_id), response, data)

    def parse_ok(self, task_id: str, response: Answer, data: Any) -> Task[AsyncTask]:
        task = _task_of(data)
        if task is None:
            raise TypeError(f"the body is a JSON {type(data).__name__}, not an object")
        if not isinstance(task["id"], str):
            raise TypeError("task.id is not a string")
        state = task.get("state", "UNKNOWN_STATE")
        if state not in self.vocabularies["state"]:
            raise ValueError(f"{state!r} is not a known state")  # read as UNKNOWN by the base
        if state != "COMPLETE":
            return self.task(task_id, response, data, state=self.vocabularies["state"][state], status=state)
        outcome = task.get("status", "UNKNOWN_STATUS")
        if outcome not in self.vocabularies["status"]:
            raise ValueError(f"{outcome!r} is not a known status")
        fields: dict[str, Any] = {"state": self.vocabularies["status"][outcome], "status": f"COMPLETE/{outcome}"}
        if outcome == "SUCCEEDED":
            found = self.lenient(_RESULT, task)
            fields |= {"result": found[0], "result_issues": found[1]}
        elif outcome == "FAILED":
            reason = task.get("error_reason")
            detail = task.get("error_status")
            code = _code(detail.get("code")) if isinstance(detail, Mapping) else _code(detail)
            message = reason if isinstance(reason, str) and reason else json_field(detail, "message")
            fields["error"] = self.failed(message if isinstance(message, str) else None, code)
        return self.task(task_id, response, data, **fields)

    def raw_status(self, data: Any) -> object:
        task = _task_of(data)
        if task is None or not isinstance(task.get("id"), str):  # not a Veza AsyncTask: unreadable, not UNKNOWN
            return None
        state = task.get("state")
        if state == "COMPLETE":
            outcome = task.get("status")
            return f"COMPLETE/{outcome}" if isinstance(outcome, str) else None
        return state

    @property
    def known_statuses(self) -> frozenset[str]:  # Task.status is "COMPLETE/<outcome>" once complete
        return frozenset(self.vocabularies["state"]) | {f"COMPLETE/{s}" for s in self.vocabularies["status"]}

    def error_details(self, response: Answer) -> tuple[str, str | None, str | None]:
        """google.rpc.Status as Veza sends it: `code` a number or a name, `message`, `request_id`,
        `timestamp` and `details` (a BadRequest's field violations are added to the message)."""
        data = json.loads(response.content)
        message, request_id = json_field(data, "message"), json_field(data, "request_id")
        request_id = request_id if isinstance(request_id, str) and request_id else None
        code = _code(json_field(data, "code"))
        if not isinstance(message, str) or not message:
            return generic_message(response), code, request_id
        details = json_field(data, "details")
        violations = [
            f"{json_field(v, 'field')}: {json_field(v, 'description')}"
            for d in (details if isinstance(details, list) else [])
            for v in (json_field(d, "field_violations") or [])
            if isinstance(json_field(v, "description"), str)
        ]
        if violations:
            message += f" ({'; '.join(violations[:3])})"
        return message, code, request_id


# What a type checker and an editor see of `Client("veza")` and `AsyncClient("veza")`: Veza's own
# submit and run arguments, and its result model. The signatures are for the checker only: at run time the
# arguments go to `submit_call` above, which checks them (a wrong one is a ConfigurationError that names it).


class VezaClient(Client[AsyncTask]):
    """`taskpoll.Client("veza")`: submit and run take a `GetAssessmentQuerySpecResultRequest` (or a dict
    of its fields)."""

    if TYPE_CHECKING:

        def submit(
            self,
            request: GetAssessmentQuerySpecResultRequest | Mapping[str, Any],
            *,
            timeout: float | None = SUBMIT_TIMEOUT,
        ) -> Task[AsyncTask]: ...

        def run(
            self,
            request: GetAssessmentQuerySpecResultRequest | Mapping[str, Any],
            **run_options: Unpack[RunOptions[AsyncTask]],
        ) -> Task[AsyncTask]: ...


class AsyncVezaClient(AsyncClient[AsyncTask]):
    """`taskpoll.AsyncClient("veza")`: VezaClient's twin, awaited."""

    if TYPE_CHECKING:

        async def submit(
            self,
            request: GetAssessmentQuerySpecResultRequest | Mapping[str, Any],
            *,
            timeout: float | None = SUBMIT_TIMEOUT,
        ) -> Task[AsyncTask]: ...

        async def run(
            self,
            request: GetAssessmentQuerySpecResultRequest | Mapping[str, Any],
            **run_options: Unpack[RunOptions[AsyncTask]],
        ) -> Task[AsyncTask]: ...


Veza.clients = (VezaClient, AsyncVezaClient)


PROVIDER = Veza()
