"""Artos: `GET /api/v1/documents/status/{document_id}` (specs/artos.yaml).

Every state is a 200 whose `status` is Pending, Ingesting, Generating (in progress), Ready or Failed
(with `error`). `Complete` is read as Ready: Artos's Async Operations page names the polled states
Generating, Complete ("Task finished successfully") and Failed, while its published OpenAPI enum says
Ready, so a finished document may come back under either word and both mean succeeded. Only
`task_id` and `status` are required: an absent or null `progress` is no progress reported, not an
error. Errors are FastAPI bodies `{"detail": ...}` (a message, or a list of validation problems) or,
for some endpoints, `{"error": code, "error_description": ..., "details": {...}}`. Artos recommends
exponential backoff and gives no server hint; documents take from half a minute to several minutes.

The state is read strictly from the two required fields, `task_id` and `status`; `Task.result` is
the generated `TaskStatusResponse` of the finished document, built tolerantly (what does not fit
is named in `Task.result_issues`).

Submit: `client.submit(GenerateDocumentRequest(...))`, or a dict of its fields, posts the
documented body to `POST /api/v1/documents/generate` (document_type, file_paths, connector_data_id,
workspace_name, template_id, output_name; optional selected_section_ids, generic_mrt_outline_full,
document_instructions, style_guide_id). In a dict the documented aliases `document_set_key`,
`document_set_name` and `generic_mrt_id` are accepted too. The 202 answer's `task_id` (the document id
to poll) becomes a PENDING Task whose status is "202". Artos documents no cancel and no task list (its
`GET /api/v1/documents/` lists documents without their status): `cancel` and `list_tasks` raise
UnsupportedOperationError.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Unpack

from taskpoll_artos_api.api.documents import generate_document as _generate
from taskpoll_artos_api.api.documents import get_document_status as _status
from taskpoll_artos_api.models import (
    GenerateDocumentRequest,
    GenerateDocumentRequestGenericMrtOutlineFull,
    GenerateDocumentResponse,
    TaskStatusResponse,
    TaskStatusResponseStatus,
)
from taskpoll_artos_api.types import UNSET, Unset  # re-exported: optional fields are X | None | Unset

from .._client import SUBMIT_TIMEOUT, AsyncClient, Client, RunOptions
from .._http import Answer
from .._policy import PollPolicy
from .._task import Task, TaskState
from ._base import Call, Provider, generic_message, json_field
from ._inputs import model_of
from ._results import Lenient, kind_of

__all__ = [
    "PROVIDER",
    "UNSET",
    "GenerateDocumentRequest",
    "GenerateDocumentRequestGenericMrtOutlineFull",
    "GenerateDocumentResponse",
    "TaskStatusResponse",
    "TaskStatusResponseStatus",
    "Unset",
]

# The generate endpoint's documented aliases ("both forms accepted"), as the generated model names them.
_ALIASES = {
    "document_set_key": "connector_data_id",
    "document_set_name": "workspace_name",
    "generic_mrt_id": "template_id",
}

_RESULT = Lenient(TaskStatusResponse)


def _validation_problem(item: object) -> str:
    """One FastAPI validation problem, `{"loc": [...], "msg": ...}`, as `body.field: message`."""
    message, loc = json_field(item, "msg"), json_field(item, "loc")
    if not isinstance(message, str):
        return json.dumps(item, separators=(",", ":"), default=str)[:200]
    if isinstance(loc, list) and loc:
        return f"{'.'.join(str(part) for part in loc)}: {message}"
    return message


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
            "Complete": TaskState.SUCCEEDED,  # the Async Operations page's word for Ready
            "Failed": TaskState.FAILED,
        }
    }

    def submit_call(
        self, request: GenerateDocumentRequest | Mapping[str, Any] | None = None
    ) -> Call[Task[TaskStatusResponse]]:
        """Generate a document: a GenerateDocumentRequest, or a dict of its fields (aliases accepted)."""
        if isinstance(request, Mapping):
            request = {_ALIASES.get(key, key): value for key, value in request.items()}
        body = model_of(request, GenerateDocumentRequest, "request")
        assert body is not None
        return Call("submit", _generate._get_kwargs(body=body), self._read_submit)

    def _read_submit(self, response: Answer) -> Task[TaskStatusResponse]:
        data = json.loads(response.content)
        answer = GenerateDocumentResponse.from_dict(data)
        return self.accepted(response, answer.task_id, str(response.status_code))

    def status_kwargs(self, task_id: str) -> dict[str, Any]:
        return _status._get_kwargs(task_id)

    def parse_ok(self, task_id: str, response: Answer, data: Any) -> Task[TaskStatusResponse]:
        if not isinstance(data, Mapping):
            raise TypeError(f"the body is a JSON {type(data).__name__}, not an object")
        status = data["status"]
        if not isinstance(status, str):
            raise TypeError("status is not a string")
        if not isinstance(data["task_id"], str):  # the other required field: which task this answer is about
            raise TypeError("task_id is not a string")
        state = self.vocabularies["status"].get(status)
        if state is None:
            raise ValueError(f"{status!r} is not a known status")  # read as UNKNOWN by the base
        issues: tuple[str, ...] = ()
        progress = data.get("progress")
        if isinstance(progress, float) and progress.is_integer():
            progress = int(progress)  # an integer to JSON Schema, as the generated model reads it
        if progress is not None and (not isinstance(progress, int) or isinstance(progress, bool)):
            if state is not TaskState.SUCCEEDED:  # (a finished task's result names it itself)
                issues = (f"result.progress: {kind_of(progress)}, not an integer or null (left out)",)
            progress = None
        fields: dict[str, Any] = {
            "state": state,
            "status": status,
            "progress": None if progress is None else min(max(progress / 100.0, 0.0), 1.0),
        }
        if state is TaskState.SUCCEEDED:
            built = self.lenient(_RESULT, data)
            fields["result"], issues = built
        elif state is TaskState.FAILED:
            error = data.get("error")
            fields["error"] = self.failed(error if isinstance(error, str) else None)
        return self.task(task_id, response, data, result_issues=issues, **fields)

    def raw_status(self, data: Any) -> object:
        # A status word counts only beside the task it is about (`task_id`): any other body is unreadable.
        return json_field(data, "status") if isinstance(json_field(data, "task_id"), str) else None

    def error_details(self, response: Answer) -> tuple[str, str | None, str | None]:
        """`{"detail": ...}` (text, a list of validation problems, or an object), or the errors
        page's second shape `{"error": code, "error_description": text, "details": {...}}`."""
        data = json.loads(response.content)
        code = json_field(data, "error")
        code = code if isinstance(code, str) and code else None
        detail = json_field(data, "detail")
        message: str | None = None
        if isinstance(detail, str) and detail:
            message = detail
        elif isinstance(detail, list) and detail:
            message = "; ".join(_validation_problem(item) for item in detail[:5])
        elif isinstance(detail, Mapping) and detail:
            text = next((detail[k] for k in ("message", "msg", "detail") if isinstance(detail.get(k), str)), None)
            message = text or json.dumps(detail, separators=(",", ":"), default=str)
        else:
            description = json_field(data, "error_description")
            message = description if isinstance(description, str) and description else code
            extra = json_field(data, "details")
            if message and isinstance(extra, Mapping):
                context = [f"{k}: {v}" for k, v in extra.items() if isinstance(v, str | int | float)][:3]
                if context:
                    message += f" ({'; '.join(context)})"
        return message or generic_message(response), code, None


# What a type checker and an editor see of `Client("artos")` and `AsyncClient("artos")`: Artos's own
# submit and run arguments, and its result model. The signatures are for the checker only: at run time the
# arguments go to `submit_call` above, which checks them (a wrong one is a ConfigurationError that names it).


class ArtosClient(Client[TaskStatusResponse]):
    """`taskpoll.Client("artos")`: submit and run take a `GenerateDocumentRequest` (or a dict of its fields)."""

    if TYPE_CHECKING:

        def submit(
            self,
            request: GenerateDocumentRequest | Mapping[str, Any],
            *,
            timeout: float | None = SUBMIT_TIMEOUT,
        ) -> Task[TaskStatusResponse]: ...

        def run(
            self,
            request: GenerateDocumentRequest | Mapping[str, Any],
            **run_options: Unpack[RunOptions[TaskStatusResponse]],
        ) -> Task[TaskStatusResponse]: ...


class AsyncArtosClient(AsyncClient[TaskStatusResponse]):
    """`taskpoll.AsyncClient("artos")`: ArtosClient's twin, awaited."""

    if TYPE_CHECKING:

        async def submit(
            self,
            request: GenerateDocumentRequest | Mapping[str, Any],
            *,
            timeout: float | None = SUBMIT_TIMEOUT,
        ) -> Task[TaskStatusResponse]: ...

        async def run(
            self,
            request: GenerateDocumentRequest | Mapping[str, Any],
            **run_options: Unpack[RunOptions[TaskStatusResponse]],
        ) -> Task[TaskStatusResponse]: ...


Artos.clients = (ArtosClient, AsyncArtosClient)


PROVIDER = Artos()
