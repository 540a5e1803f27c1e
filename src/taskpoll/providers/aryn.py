"""Aryn DocParse: `GET /v1/async/result/{task_id}` (specs/aryn.yaml).

The HTTP status is the state: 202 while the task is queued or running, 200 once it has finished.
A finished task that failed is still a 200, with `error` set and the failing code in `status_code`.
Aryn answers 403 when the key is missing or wrong, and 404 for unknown ids and for results past
their 48 hours. Docs poll every 1 to 5 s; there is no server hint.

`Task.result` is the generated `PartitionerResponse`; its `elements` are `Element` models. The
state is read strictly (the HTTP status, then `error`): a 200 is SUCCEEDED only when its body is a
JSON object holding at least one of PartitionerResponse's fields (status, status_code, error,
elements, markdown, html, properties) with a value of its type; anything else (`{"status": "Paused",
...}` from a proxy or a misrouted request) is an unreadable answer, retried within the failure budget
and then a ResponseValidationError. The result is read tolerantly (`Lenient`): older outputs without
`status_code`, markdown/html output without `elements`, tables whose `text_representation` is null or
absent all read as finished; an element that does not fit is left out and named in
`Task.result_issues`.

A 202's `x-aryn-asyncifier-active-at` header tells when Aryn last saw activity "on behalf of the
account" (the SDK's docstring; currently the key `network`, in unix seconds): its latest time is
`Task.last_activity`, the sign of life a wait's `stalled_after=` reads. It is the account's, not only
this task's: a task stuck beside busy ones still looks alive.

A failed task's code is `status_code`, or, when the body has none (older outputs), the SDK's guess:
429 when the error starts with "429: ", else 500 (aryn_sdk/client/partition.py l.559-562). An empty
`error` ("") means no error, as in the SDK (`if error := data.get("error")`).

A 403 whose reason says the plan must be upgraded is a PermissionDeniedError; the key problems
("No Aryn API key provided", "Invalid ...", "Expired ...") are AuthenticationError.

Submit, cancel, list:

- `client.submit(file, options=PartitionOptions(...), webhook_url=...)` posts the document as
  multipart/form-data to `POST /v1/async/submit/document/partition` (parts `file` or `file_url`, and
  `options` as JSON; aryn-ai/docs@88820f0 api-reference/endpoint/docparse/openapi.json). `file` is a
  path, bytes or a binary file object (read into memory first, so a missing or unreadable file fails
  before anything is sent), or a ready `PartitionRequest`; `file_url=` instead asks Aryn to fetch it.
  `options` is a `PartitionOptions` or a dict of its fields, checked field by field. `webhook_url`
  becomes the `X-Aryn-Webhook` header: Aryn POSTs `{"done": [{"task_id": ...}]}` there when the task
  stops. The 202 answer's `task_id` becomes a PENDING Task whose status is "202".
  "Each account is allowed 1000 tasks to run at a time" (aryn-ai/docs@88820f0 sdk-reference/partition.mdx
  l.112): a submit past the cap is refused with 429, a RateLimitError, and is not retried.
- `client.cancel(task_id)`: `POST /v1/async/cancel/{task_id}` (200, empty). A task can be cancelled once;
  a second cancel, or one of an unknown task, is a NotFoundError. Waiting on a cancelled task raises
  NotFoundError: Aryn then answers its result with 404 ("will throw an exception", partition.mdx l.222);
  `list_tasks()` still shows it, CANCELED.
- `client.list_tasks()`: `GET /v1/async/list`, one Task per entry (no result), its status the word Aryn
  sent. The words differ between Aryn's OpenAPI (done/abort/cancel/run/queue), its SDK
  (queued/running/done/cancelled) and its tutorial (pending); all of them are read, case-insensitively,
  and any other word is UNKNOWN (a `state` key, as the SDK's docstring shows, is read too). `done`
  covers failed partitions too (only the result says which).
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Unpack

from taskpoll_aryn_api.api.partition import field_async_partition_document_cancel_v1 as _cancel
from taskpoll_aryn_api.api.partition import field_async_partition_document_list_v1 as _list
from taskpoll_aryn_api.api.partition import field_async_partition_document_status_v1 as _status
from taskpoll_aryn_api.api.partition import field_async_partition_document_submit_v1 as _submit
from taskpoll_aryn_api.models import (
    CancelPathFilter,
    Element,
    ElementProperties,
    ListPathFilter,
    PartitionerResponse,
    PartitionOptions,
    PartitionOptionsChunkingOptions,
    PartitionOptionsChunkingOptionsStrategy,
    PartitionOptionsChunkingOptionsTokenizer,
    PartitionOptionsExtractImageFormat,
    PartitionOptionsImageExtractionOptions,
    PartitionOptionsMarkdownOptions,
    PartitionOptionsOCRLanguage,
    PartitionOptionsOutputFormat,
    PartitionOptionsOutputLabelOptions,
    PartitionOptionsPipeline,
    PartitionOptionsPropertyExtractionOptions,
    PartitionOptionsTableExtractionOptions,
    PartitionOptionsTableMode,
    PartitionOptionsTextExtractionOptions,
    PartitionOptionsTextModeType0,
    PartitionOptionsTextModeType1,
    PartitionOptionsThresholdType0,
    PartitionRequest,
    StatusPathFilter,
    TaskListStatus,
)
from taskpoll_aryn_api.types import UNSET, File, Unset  # re-exported: optional fields are X | None | Unset

from .._client import DEFAULT_TIMEOUT, SUBMIT_TIMEOUT, AsyncClient, Client, RunOptions
from .._errors import APIError, AuthenticationError, ConfigurationError, PermissionDeniedError
from .._http import Answer
from .._ids import check_task_id
from .._policy import PollPolicy
from .._task import Task, TaskState
from ._base import Call, Provider
from ._inputs import Document, check_url, model_of, read_document, whole_request
from ._results import Lenient, holds_a_field

__all__ = [
    "PROVIDER",
    "UNSET",
    "Element",
    "ElementProperties",
    "File",
    "PartitionOptions",
    "PartitionOptionsChunkingOptions",
    "PartitionOptionsChunkingOptionsStrategy",
    "PartitionOptionsChunkingOptionsTokenizer",
    "PartitionOptionsExtractImageFormat",
    "PartitionOptionsImageExtractionOptions",
    "PartitionOptionsMarkdownOptions",
    "PartitionOptionsOCRLanguage",
    "PartitionOptionsOutputFormat",
    "PartitionOptionsOutputLabelOptions",
    "PartitionOptionsPipeline",
    "PartitionOptionsPropertyExtractionOptions",
    "PartitionOptionsTableExtractionOptions",
    "PartitionOptionsTableMode",
    "PartitionOptionsTextExtractionOptions",
    "PartitionOptionsTextModeType0",
    "PartitionOptionsTextModeType1",
    "PartitionOptionsThresholdType0",
    "PartitionRequest",
    "PartitionerResponse",
    "TaskListStatus",
    "Unset",
]

_RESULT: Lenient[PartitionerResponse] = Lenient(PartitionerResponse)
_LAST_SECOND = 253402300799  # 9999-12-31T23:59:59Z, the last time a datetime holds


def _active_at(response: Answer) -> datetime | None:
    """The latest time `x-aryn-asyncifier-active-at` names: `key=unix_seconds` pairs separated by `;`, the
    header perhaps repeated, read as aryn-sdk reads them into `last_active_times` (aryn-ai/aryn-sdk@1822e2b
    aryn_sdk/client/partition.py l.834-866); a pair that does not read is skipped (the SDK would raise)."""
    seconds = []
    for value in response.headers.get_list("x-aryn-asyncifier-active-at"):
        for pair in value.split(";"):
            with contextlib.suppress(ValueError):  # not an integer (or over Python's 4,300 digits)
                seconds.append(int(pair.partition("=")[2]))
    known = [second for second in seconds if 0 <= second <= _LAST_SECOND]
    return datetime.fromtimestamp(max(known), UTC) if known else None


class Aryn(Provider[PartitionerResponse]):
    name = "aryn"
    title = "Aryn DocParse"
    key_env = "ARYN_API_KEY"
    base_url_env = "ARYN_API_URL"
    default_base_url = "https://api.aryn.cloud"
    default_policy = PollPolicy(initial_delay=1.0, multiplier=1.25, max_delay=5.0)
    result_type = PartitionerResponse
    streamed = ("elements", Lenient(Element, item=True))
    vocabularies: ClassVar[dict[str, dict[str, TaskState]]] = {
        # Task.status is the HTTP status of the result endpoint.
        "http": {"202": TaskState.RUNNING, "200": TaskState.SUCCEEDED},
        # The list endpoint's task_status (done covers failed partitions too: the result says which).
        "list": {
            "queue": TaskState.PENDING,
            "queued": TaskState.PENDING,
            "pending": TaskState.PENDING,
            "run": TaskState.RUNNING,
            "running": TaskState.RUNNING,
            "done": TaskState.SUCCEEDED,
            "abort": TaskState.FAILED,
            "cancel": TaskState.CANCELED,
            "cancelled": TaskState.CANCELED,
        },
    }

    # Submit, cancel, list -----------------------------------------------------------------------

    def submit_call(
        self,
        file: Document | PartitionRequest | None = None,
        *,
        file_url: str | None = None,
        options: PartitionOptions | Mapping[str, Any] | None = None,
        webhook_url: str | None = None,
        filename: str | None = None,
    ) -> Call[Task[PartitionerResponse]]:
        """Partition a document asynchronously: a path, bytes, a binary file object, or `file_url=`."""
        given = whole_request(
            file, PartitionRequest, url=file_url, url_word="file_url", options=options, filename=filename
        )
        if given is not None:
            request = given
            if isinstance(request.file, Unset) == isinstance(request.file_url, Unset):
                raise ConfigurationError("a PartitionRequest needs a file or a file_url (not both)")
        else:
            opts = model_of(options, PartitionOptions, "options", required=False)
            request = PartitionRequest(options=UNSET if opts is None else opts)
            if file_url is not None:
                request.file_url = check_url(file_url, "file_url")
            else:
                name, data, mime = read_document(file, filename)
                request.file = File(payload=io.BytesIO(data), file_name=name, mime_type=mime)
        webhook = UNSET if webhook_url is None else check_url(webhook_url, "webhook_url")
        kwargs = _submit._get_kwargs(body=request, x_aryn_webhook=webhook)
        if isinstance(request.file, File) and isinstance(request.file.payload, io.BytesIO):
            # Bytes, not the stream: the same body can be sent again after a connection that never opened.
            payload = request.file.payload.getvalue()
            kwargs["files"] = [
                (part, (request.file.file_name, payload, request.file.mime_type)) if part == "file" else (part, value)
                for part, value in kwargs["files"]
            ]
        return Call("submit", kwargs, self._read_submit)

    def _read_submit(self, response: Answer) -> Task[PartitionerResponse]:
        data = json.loads(response.content)
        if not isinstance(data, dict):
            raise TypeError("the answer is not a JSON object")
        return self.accepted(response, data["task_id"], str(response.status_code))

    def cancel_call(self, task_id: str) -> Call[None]:
        task_id = check_task_id(task_id)
        kwargs = _cancel._get_kwargs(task_id, path_filter=CancelPathFilter.VALUE_0)
        return Call("cancel", kwargs, lambda response: None, task_id=task_id)

    def list_call(self) -> Call[list[Task[PartitionerResponse]]]:
        return Call(
            "list_tasks", _list._get_kwargs(path_filter=ListPathFilter.VALUE_0), self._read_list, idempotent=True
        )

    def _read_list(self, response: Answer) -> list[Task[PartitionerResponse]]:
        data = json.loads(response.content)
        tasks = data["tasks"] if isinstance(data, dict) else None
        if not isinstance(tasks, dict):
            raise TypeError("tasks is not an object")
        listed = []
        words = self.vocabularies["list"]
        for task_id, entry in tasks.items():
            # `task_status` as published; the SDK's docstring shows the same word under `state`
            # (aryn-ai/aryn-sdk@1822e2b aryn_sdk/client/partition.py l.931).
            word = entry.get("task_status", entry.get("state")) if isinstance(entry, dict) else None
            if not isinstance(word, str):
                raise TypeError(f"task {task_id!r} has no task_status string")
            state = words.get(word.strip().lower(), TaskState.UNKNOWN)
            listed.append(self.task(check_task_id(task_id), response, entry, state=state, status=word))
        return listed

    def status_kwargs(self, task_id: str) -> dict[str, Any]:
        return _status._get_kwargs(task_id, path_filter=StatusPathFilter.VALUE_0)

    def decode(self, response: Answer) -> Any:
        # Only a 200 carries information; a 202's body ("Task is pending.") is kept as raw if it is JSON.
        if response.status_code == 200:
            return super().decode(response)
        try:
            return super().decode(response)
        except ValueError:
            return None

    def parse_ok(self, task_id: str, response: Answer, data: Any) -> Task[PartitionerResponse]:
        code = response.status_code
        if code == 202:
            return self.task(
                task_id, response, data, state=TaskState.RUNNING, status="202", last_activity=_active_at(response)
            )
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
        built = self.lenient(_RESULT, data)
        result, issues = built
        if result is None or not holds_a_field(result):
            # The state is the HTTP status, so the body must show itself an Aryn result: a 200 from a proxy
            # or a misrouted request ({"status": "Paused", ...}) is an unreadable answer, not a success.
            found = f" ({'; '.join(issues[:3])})" if issues else ""
            raise ValueError(
                f"a 200 that is not an Aryn result: none of PartitionerResponse's fields holds a value{found}"
            )
        return self.task(
            task_id, response, data, state=TaskState.SUCCEEDED, status="200", result=result, result_issues=issues
        )

    def raw_status(self, data: Any) -> object:
        return None  # the state is the HTTP status, never a body field

    def error_class(self, status: int, code: str | None, message: str) -> type[APIError]:
        # Aryn answers a missing, invalid or expired key with 403 ("No Aryn API key provided.").
        cls = AuthenticationError if status == 403 else super().error_class(status, code, message)
        if issubclass(cls, AuthenticationError) and "upgrade your account plan" in message.lower():
            # partition.mdx l.103: "This async action requires you to upgrade your account plan".
            return PermissionDeniedError
        return cls


# What a type checker and an editor see of `Client("aryn")` and `AsyncClient("aryn")`: Aryn's own
# submit and run arguments, and its result model. The signatures are for the checker only: at run time the
# arguments go to `submit_call` above, which checks them (a wrong one is a ConfigurationError that names it).


class ArynClient(Client[PartitionerResponse]):
    """`taskpoll.Client("aryn")`: submit and run take a document (or `file_url=`) and `PartitionOptions`;
    `iter_elements` yields `Element`s."""

    if TYPE_CHECKING:

        def submit(
            self,
            file: Document | PartitionRequest | None = None,
            *,
            file_url: str | None = None,
            options: PartitionOptions | Mapping[str, Any] | None = None,
            webhook_url: str | None = None,
            filename: str | None = None,
            timeout: float | None = SUBMIT_TIMEOUT,
        ) -> Task[PartitionerResponse]: ...

        def run(
            self,
            file: Document | PartitionRequest | None = None,
            *,
            file_url: str | None = None,
            options: PartitionOptions | Mapping[str, Any] | None = None,
            webhook_url: str | None = None,
            filename: str | None = None,
            **run_options: Unpack[RunOptions[PartitionerResponse]],
        ) -> Task[PartitionerResponse]: ...

        def iter_elements(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Iterator[Element]: ...


class AsyncArynClient(AsyncClient[PartitionerResponse]):
    """`taskpoll.AsyncClient("aryn")`: ArynClient's twin, awaited."""

    if TYPE_CHECKING:

        async def submit(
            self,
            file: Document | PartitionRequest | None = None,
            *,
            file_url: str | None = None,
            options: PartitionOptions | Mapping[str, Any] | None = None,
            webhook_url: str | None = None,
            filename: str | None = None,
            timeout: float | None = SUBMIT_TIMEOUT,
        ) -> Task[PartitionerResponse]: ...

        async def run(
            self,
            file: Document | PartitionRequest | None = None,
            *,
            file_url: str | None = None,
            options: PartitionOptions | Mapping[str, Any] | None = None,
            webhook_url: str | None = None,
            filename: str | None = None,
            **run_options: Unpack[RunOptions[PartitionerResponse]],
        ) -> Task[PartitionerResponse]: ...

        def iter_elements(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> AsyncIterator[Element]: ...


Aryn.clients = (ArynClient, AsyncArynClient)


PROVIDER = Aryn()
