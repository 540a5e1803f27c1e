"""Unsiloed (parse jobs): `GET /parse/{job_id}` (specs/unsiloed.yaml).

Every state is a 200 whose `status` is Starting, AwaitingUpload, Queued, Processing, Succeeded
(with `chunks`), Failed (with `message`) or Cancelled, which is final: Unsiloed's own SDK keeps
polling a cancelled job until its timeout. The key goes in an `api-key` header. Errors are plain
text. Unsiloed asks for polls every 5 to 10 seconds and allows 60 requests per 60 s per
organization (parse-document.mdx l.1176), so a client paces its polls at 1 per second.

The state is read exactly (`job_id`, `status`); the result is read tolerantly: a segment that does
not fit (say, one without a `page_number`) is left out of its chunk, a chunk that does not fit is
left out of the job, and a field that does not fit is dropped, each named in `Task.result_issues`
(and `Task.raw` keeps the body as sent). Segments of a job created with `output_fields` lack
`html`/`markdown`/`content`: those are Unset, not an issue.

Lowercase `completed`/`failed`, which unsiloed-sdk's `parse_and_wait` also accepts, belong to
Unsiloed's classify and split jobs; no parse source shows them, so a parse job answering one is
UNKNOWN (raw status kept, polling on until the deadline) rather than guessed final.

`Task.last_activity` (what a wait's `stalled_after=` reads) is `finished_at`, else `started_at`: "ISO
8601 timestamp when processing started. Present when status is not `Starting`" (Unsiloed-AI/docs_v2@738b442
api-reference/parser/openapi-v1.json l.2135-2141, kept as specs/published/unsiloed.json). Unsiloed gives
no later sign while a job processes: the wait counts a change of status as one.

A 429 "Rate limit exceeded" is a RateLimitError (retried as told); a 429 "Usage limit exceeded" (the
billing cap, no Retry-After) and a 402 (no page credits left) are QuotaExceededError, not retried.

`Task.result` is the generated `ParseGetResponse` of the finished job (chunks of typed segments).

Submit: `client.submit("report.pdf", options=ParseCreateRequest(merge_tables=True))` posts
multipart/form-data to `POST /parse` with the document (a path, bytes or a binary file object, read
first) or, instead, `url=` a presigned or public URL; exactly one of the two ("Provide either `file`
or `url`, not both", docs_v2@738b442 api-reference/parser/openapi-v1.json; the published spec's
`required: [file]` is corrected in specs/unsiloed.yaml). `options` is a `ParseCreateRequest` (its
file/url left unset) or a dict of its fields. Booleans are sent as `true`/`false`, as unsiloed-sdk
0.1.7 sends them (`str(merge_tables).lower()`), not as Python's `True`; a field set to None is left
out. The 200 answer (`ParseCreateResponse`: job_id, status "Starting", ...) becomes the first Task.
Submits count against the same 60 requests / 60 s as polls. A 402 or a 429 "Usage limit exceeded" is
QuotaExceededError, never retried.

Cancel and list: the parse-job API (`/parse`, `/parse/{job_id}`) documents neither. The Chunkr-style
`GET /api/v1/task/{task_id}/cancel` and `GET /api/v1/tasks` of openapi-v1.json belong to the core
task API, whose ids and availability on production are not documented as the parse jobs' (see
research/providers.md, Unsiloed section 5): `cancel` and `list_tasks` raise UnsupportedOperationError.
"""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Unpack

import attrs
from taskpoll_unsiloed_api.api.parse_vision_api_compatible import create_parse_task as _create
from taskpoll_unsiloed_api.api.parse_vision_api_compatible import get_parse_task as _status
from taskpoll_unsiloed_api.models import (
    BoundingBox,
    Chunk,
    JobStatus,
    OCRResult,
    ParseCreateRequest,
    ParseCreateResponse,
    ParseGetResponse,
    Segment,
    SegmentType,
)
from taskpoll_unsiloed_api.types import UNSET, File, Unset  # re-exported: optional fields are X | None | Unset

from .._client import DEFAULT_TIMEOUT, SUBMIT_TIMEOUT, AsyncClient, Client, RunOptions
from .._errors import APIError, ConfigurationError, QuotaExceededError
from .._http import Answer
from .._policy import PollPolicy
from .._task import Task, TaskState
from ._base import Call, Provider, generic_message, json_field, parse_time
from ._inputs import Document, check_url, model_of, read_document, whole_request
from ._results import Lenient

__all__ = [
    "PROVIDER",
    "UNSET",
    "BoundingBox",
    "Chunk",
    "File",
    "JobStatus",
    "OCRResult",
    "ParseCreateRequest",
    "ParseCreateResponse",
    "ParseGetResponse",
    "Segment",
    "SegmentType",
    "Unset",
]

RESULT = Lenient(ParseGetResponse)
USAGE_CAP = "usage limit exceeded"  # parse-document.mdx l.1175: the 429 body of the billing cap


def _form_part(body: ParseCreateRequest, name: str, value: Any) -> tuple[str, Any]:
    """One multipart part as Unsiloed reads it: booleans as `true`/`false`, the document as bytes."""
    field = getattr(body, name, None)
    if isinstance(field, bool):
        return name, (None, b"true" if field else b"false", "text/plain")
    if isinstance(field, File) and isinstance(field.payload, io.BytesIO):
        # Bytes, not the stream: the same body can be sent again after a connection that never opened.
        return name, (field.file_name, field.payload.getvalue(), field.mime_type)
    return name, value


class Unsiloed(Provider[ParseGetResponse]):
    name = "unsiloed"
    title = "Unsiloed"
    key_env = "UNSILOED_API_KEY"
    base_url_env = "UNSILOED_BASE_URL"
    default_base_url = "https://prod.visionapi.unsiloed.ai"
    auth_header = "api-key"
    auth_scheme = ""
    default_policy = PollPolicy(initial_delay=5.0, multiplier=1.25, max_delay=10.0)
    rate_limit = 1.0  # 60 requests / 60 s sliding window per organization
    result_type = ParseGetResponse
    streamed = ("chunks", Lenient(Chunk, item=True))
    vocabularies: ClassVar[dict[str, dict[str, TaskState]]] = {
        "status": {
            "Starting": TaskState.PENDING,
            "AwaitingUpload": TaskState.PENDING,
            "Queued": TaskState.PENDING,
            "Processing": TaskState.RUNNING,
            "Succeeded": TaskState.SUCCEEDED,
            "Failed": TaskState.FAILED,
            "Cancelled": TaskState.CANCELED,
        }
    }

    def status_kwargs(self, task_id: str) -> dict[str, Any]:
        return _status._get_kwargs(task_id)

    def submit_call(
        self,
        file: Document | ParseCreateRequest | None = None,
        *,
        url: str | None = None,
        options: ParseCreateRequest | Mapping[str, Any] | None = None,
        filename: str | None = None,
    ) -> Call[Task[ParseGetResponse]]:
        """Create a parse job from a document (path, bytes, binary file object) or from `url=`."""
        given = whole_request(file, ParseCreateRequest, url=url, url_word="url", options=options, filename=filename)
        if given is not None:
            body = given
        else:
            body = model_of(options, ParseCreateRequest, "options", required=False) or ParseCreateRequest()
            if not isinstance(body.file, Unset) or body.url not in (None, UNSET):
                raise ConfigurationError("options carry no file or url: pass the document (or url=) itself")
            if url is not None:
                body = attrs.evolve(body, url=check_url(url, "url"))
            else:
                name, data, mime = read_document(file, filename)
                body = attrs.evolve(body, file=File(payload=io.BytesIO(data), file_name=name, mime_type=mime))
        has_file, has_url = not isinstance(body.file, Unset), body.url not in (None, UNSET)
        if has_file == has_url:
            raise ConfigurationError("a parse job takes a file or a url, exactly one of the two")
        kwargs = _create._get_kwargs(body=body)
        kwargs["files"] = [
            _form_part(body, name, value) for name, value in kwargs["files"] if getattr(body, name, 0) is not None
        ]
        return Call("submit", kwargs, self._read_submit)

    def _read_submit(self, response: Answer) -> Task[ParseGetResponse]:
        data = json.loads(response.content)
        answer = ParseCreateResponse.from_dict(data)
        status = answer.status
        if not isinstance(status, str):
            raise TypeError("status is not a string")
        state = self.vocabularies["status"].get(status, TaskState.UNKNOWN)
        created = parse_time(json_field(data, "created_at"))
        return self.accepted(response, answer.job_id, status, state=state, created_at=created)

    def parse_ok(self, task_id: str, response: Answer, data: Any) -> Task[ParseGetResponse]:
        if not isinstance(data, dict):
            raise TypeError(f"the body is a JSON {type(data).__name__}, not an object")
        status, job_id = data.get("status"), data.get("job_id")
        if not isinstance(status, str) or not isinstance(job_id, str):
            raise TypeError("status or job_id is missing or not a string")
        state = self.vocabularies["status"].get(status)
        if state is None:  # the spec keeps status open: any other short word is UNKNOWN
            if not self.is_unknown_status(status):
                raise ValueError("status is not a status value")
            state = TaskState.UNKNOWN
        finished_at = parse_time(data.get("finished_at"))
        fields: dict[str, Any] = {
            "state": state,
            "status": status,
            "created_at": parse_time(data.get("created_at")),
            "finished_at": finished_at,
            # The last sign of life the job gives: when it finished, else when processing started.
            "last_activity": finished_at or parse_time(data.get("started_at")),
        }
        if state is TaskState.SUCCEEDED:
            built = self.lenient(RESULT, data)
            fields["result"], fields["result_issues"] = built
        elif state is TaskState.FAILED:
            message = data.get("message")
            fields["error"] = self.failed(message if isinstance(message, str) else None)
        return self.task(task_id, response, data, **fields)

    def raw_status(self, data: Any) -> object:
        # A status word counts only beside the job it is about (`job_id`): any other body is unreadable.
        return json_field(data, "status") if isinstance(json_field(data, "job_id"), str) else None

    def error_class(self, status: int, code: str | None, message: str) -> type[APIError]:
        if status == 402 or (status == 429 and USAGE_CAP in message.lower()):
            return QuotaExceededError
        return super().error_class(status, code, message)

    def error_details(self, response: Answer) -> tuple[str, str | None, str | None]:
        # Plain text ("Job <id> not found") in the v1 spec; a JSON string in the docs' examples
        # (get-parse-job-status.mdx l.296-302); `{"detail": ...}` in the older spec and the SDK, whose
        # 402 carries `{"detail": {"message": ...}}` (unsiloed-sdk 0.1.7 client.py l.69-74).
        try:
            data = json.loads(response.content)
        except ValueError:
            data = None
        detail = json_field(data, "detail")
        for text in (data, detail, json_field(detail, "message")):
            if isinstance(text, str) and text.strip():
                return text, None, None
        return generic_message(response), None, None


# What a type checker and an editor see of `Client("unsiloed")` and `AsyncClient("unsiloed")`: Unsiloed's own
# submit and run arguments, and its result model. The signatures are for the checker only: at run time the
# arguments go to `submit_call` above, which checks them (a wrong one is a ConfigurationError that names it).


class UnsiloedClient(Client[ParseGetResponse]):
    """`taskpoll.Client("unsiloed")`: submit and run take a document (or `url=`) and a `ParseCreateRequest`;
    `iter_elements` yields `Chunk`s."""

    if TYPE_CHECKING:

        def submit(
            self,
            file: Document | ParseCreateRequest | None = None,
            *,
            url: str | None = None,
            options: ParseCreateRequest | Mapping[str, Any] | None = None,
            filename: str | None = None,
            timeout: float | None = SUBMIT_TIMEOUT,
        ) -> Task[ParseGetResponse]: ...

        def run(
            self,
            file: Document | ParseCreateRequest | None = None,
            *,
            url: str | None = None,
            options: ParseCreateRequest | Mapping[str, Any] | None = None,
            filename: str | None = None,
            **run_options: Unpack[RunOptions[ParseGetResponse]],
        ) -> Task[ParseGetResponse]: ...

        def iter_elements(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Iterator[Chunk]: ...


class AsyncUnsiloedClient(AsyncClient[ParseGetResponse]):
    """`taskpoll.AsyncClient("unsiloed")`: UnsiloedClient's twin, awaited."""

    if TYPE_CHECKING:

        async def submit(
            self,
            file: Document | ParseCreateRequest | None = None,
            *,
            url: str | None = None,
            options: ParseCreateRequest | Mapping[str, Any] | None = None,
            filename: str | None = None,
            timeout: float | None = SUBMIT_TIMEOUT,
        ) -> Task[ParseGetResponse]: ...

        async def run(
            self,
            file: Document | ParseCreateRequest | None = None,
            *,
            url: str | None = None,
            options: ParseCreateRequest | Mapping[str, Any] | None = None,
            filename: str | None = None,
            **run_options: Unpack[RunOptions[ParseGetResponse]],
        ) -> Task[ParseGetResponse]: ...

        def iter_elements(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> AsyncIterator[Chunk]: ...


Unsiloed.clients = (UnsiloedClient, AsyncUnsiloedClient)


PROVIDER = Unsiloed()
