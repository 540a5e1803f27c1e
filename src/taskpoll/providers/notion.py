"""Notion: `GET /v1/async_tasks/{task_id}` with `Notion-Version: 2026-03-11` (specs/notion.yaml).

The version is the one taskpoll is tested against; another is one argument away:
`taskpoll.Client(Notion(version="2026-09-01"))` sends it on every request of that client.

The async_task is queued, running or retrying (all in progress, with `poll_after_seconds`: wait at
least that long; a hint beyond `PollPolicy.max_hint` ends the wait, resumable, rather than being
shortened), succeeded (with `result`, e.g. the created page) or failed (with a standard error
object). Errors are error objects with `code` and `request_id`; 429 comes with Retry-After, and so
does 529 `service_overload`, which Notion's own client retries like a 429: both are RateLimitError.
Notion allows about three requests per second per integration, which a client shares among its waits.

The state is read exactly (`object` "async_task", `status`, and `poll_after_seconds` while in
progress: a body that is no async task object is an unreadable answer, never a state); the rest is read
tolerantly: an `operation` without `surface`, or with a surface taskpoll does not know, is kept as
sent, and what of a succeeded task does not fit the spec is named in `Task.result_issues` (the body
as sent is `Task.raw`). A failed task's reason comes from its `error` object, whatever else it holds.

`Task.result` is the generated `AsyncTaskSucceeded`; its `result` holds the operation's answer, typed
`Page | PageMarkdown` (a page created, or a page's Markdown updated).

Submit, two operations that may run in the background:

- `client.submit(CreatePageRequest(parent=..., markdown=...))` (or a dict of its fields):
  `POST /v1/pages` with `allow_async: true` unless the request sets it (notion-sdk-js@9060802
  src/api-endpoints/pages.ts, `CreatePageBodyParameters.allow_async`: "Only supported when markdown
  is provided", so a request with allow_async and no markdown is refused before sending).
- `client.submit(UpdatePageMarkdownRequest(type_=..., replace_content=...), page_id=...)`:
  `PATCH /v1/pages/{page_id}/markdown` with `allow_async: true` unless set (pages.ts l.759-762,
  845-860; added to specs/notion.yaml).

A submit refused with 429 `rate_limited` or 529 `service_overload` is sent again after its
Retry-After (at most twice, within the submit's timeout), as Notion's own client does for every
method (src/Client.ts `canRetry`); a 500 or a lost answer is not.

Either may answer 202 with an in-progress async_task (the Task to wait on, read like a status
answer) or 200 with the finished answer (a page, or the page's Markdown). A 200 becomes a Task that is
already SUCCEEDED, with status "200" and the page's id as its id, and `Task.result` an
`AsyncTaskSucceeded` built for it whose `result` holds that answer: the same place an async task keeps
it, so `task.result.result` is the page either way (its `status_url` is "", there being no async task
to poll; `Task.raw` is the body as sent). `run(...)` returns such a Task at once. Notion has no cancel
and no task list: `cancel` and `list_tasks` raise UnsupportedOperationError.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Unpack

import attrs
from taskpoll_notion_api.api.async_tasks import retrieve_async_task as _status
from taskpoll_notion_api.api.pages import create_page as _create
from taskpoll_notion_api.api.pages import update_page_markdown as _update
from taskpoll_notion_api.models import (
    AsyncTaskFailed,
    AsyncTaskInProgress,
    AsyncTaskSucceeded,
    ContentUpdate,
    CreatePageRequest,
    CreatePageRequestParent,
    CreatePageRequestProperties,
    InsertContent,
    Page,
    PageMarkdown,
    ReplaceContent,
    ReplaceContentRange,
    UpdateContent,
    UpdatePageMarkdownRequest,
    UpdatePageMarkdownRequestType,
)
from taskpoll_notion_api.types import UNSET, Unset  # re-exported: optional fields are X | None | Unset

from .._client import SUBMIT_TIMEOUT, AsyncClient, Client, RunOptions
from .._errors import APIError, ConfigurationError, RateLimitError
from .._http import Answer
from .._ids import check_task_id
from .._policy import PollPolicy
from .._task import Task, TaskState
from ._base import Call, Provider, generic_message, json_field, parse_time
from ._inputs import model_of
from ._results import Lenient

__all__ = [
    "NOTION_VERSION",
    "PROVIDER",
    "UNSET",
    "AsyncTaskFailed",
    "AsyncTaskInProgress",
    "AsyncTaskSucceeded",
    "ContentUpdate",
    "CreatePageRequest",
    "CreatePageRequestParent",
    "CreatePageRequestProperties",
    "InsertContent",
    "Notion",
    "Page",
    "PageMarkdown",
    "ReplaceContent",
    "ReplaceContentRange",
    "Unset",
    "UpdateContent",
    "UpdatePageMarkdownRequest",
    "UpdatePageMarkdownRequestType",
]

# The Notion-Version taskpoll is tested against: the default of specs/notion.yaml's open version header.
NOTION_VERSION = "2026-03-11"
# A 429 rate_limited or 529 service_overload refused the request: Notion's own client resends those
# "for every HTTP method", POST included ("the server explicitly asks us to retry";
# notion-sdk-js@9060802 src/Client.ts, canRetry), after the Retry-After. A submit does the same.
_REFUSED = frozenset({429, 529})
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

    def __init__(self, version: str = NOTION_VERSION) -> None:
        """`version`: the Notion-Version header every request of a client using this adapter sends."""
        if not isinstance(version, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", version):
            raise ConfigurationError(f"a Notion-Version is a date like {NOTION_VERSION!r}, not {version!r}")
        self.version = version

    def __repr__(self) -> str:
        return f"Notion(version={self.version!r})"

    def status_kwargs(self, task_id: str) -> dict[str, Any]:
        return _status._get_kwargs(task_id, notion_version=self.version)

    def submit_call(
        self,
        request: CreatePageRequest | UpdatePageMarkdownRequest | Mapping[str, Any] | None = None,
        *,
        page_id: str | None = None,
    ) -> Call[Task[AsyncTaskSucceeded]]:
        """Create a page from Markdown, or (with `page_id`) update a page's Markdown; async when Notion allows."""
        if page_id is not None or isinstance(request, UpdatePageMarkdownRequest):
            if page_id is None:
                raise ConfigurationError("an UpdatePageMarkdownRequest needs page_id=... (the page to update)")
            page = check_task_id(page_id)
            update = model_of(request, UpdatePageMarkdownRequest, "request")
            assert update is not None
            if isinstance(update.allow_async, Unset):
                update = attrs.evolve(update, allow_async=True)
            if isinstance(getattr(update, update.type_.value), Unset):
                raise ConfigurationError(
                    f"request.type is {update.type_.value!r}, but request.{update.type_.value} is not set"
                )
            kwargs = _update._get_kwargs(page, body=update, notion_version=self.version)
            name = "PATCH /v1/pages/{page_id}/markdown"
            read = lambda response: self._read_submit(response, name)  # noqa: E731
            return Call("submit", kwargs, read, task_id=page, retry_statuses=_REFUSED)
        create = model_of(request, CreatePageRequest, "request")
        assert create is not None
        if isinstance(create.allow_async, Unset):
            create = attrs.evolve(create, allow_async=True)
        if create.allow_async and isinstance(create.markdown, Unset):
            raise ConfigurationError("allow_async is only supported together with markdown (set request.markdown)")
        kwargs = _create._get_kwargs(body=create, notion_version=self.version)
        return Call(
            "submit", kwargs, lambda response: self._read_submit(response, "POST /v1/pages"), retry_statuses=_REFUSED
        )

    def _read_submit(self, response: Answer, operation: str) -> Task[AsyncTaskSucceeded]:
        data = json.loads(response.content)
        if not isinstance(data, dict):
            raise TypeError(f"the body is a JSON {type(data).__name__}, not an object")
        if response.status_code == 202 or data.get("object") == "async_task":
            task_id = data["id"]
            if not isinstance(task_id, str):
                raise TypeError("id is not a string")
            return self.parse_ok(check_task_id(task_id), response, data)
        # Finished at once: the answer is what an async task's `result` would hold.
        page_id = data["id"]
        if not isinstance(page_id, str):
            raise TypeError("id is not a string")
        now = datetime.now(UTC)
        task: dict[str, Any] = {
            "object": "async_task",
            "id": page_id,
            "status_url": "",
            "created_time": now.isoformat(),
        }
        task |= {"operation": {"name": operation, "surface": "rest"}, "status": "succeeded", "result": data}
        built = self.lenient(RESULT, task)  # the answer read as a Page or a PageMarkdown
        return self.task(
            check_task_id(page_id),
            response,
            data,
            state=TaskState.SUCCEEDED,
            status=str(response.status_code),
            result=built[0],
            result_issues=built[1],
            created_at=parse_time(data.get("created_time")),
            finished_at=now,
        )

    def parse_ok(self, task_id: str, response: Answer, data: Any) -> Task[AsyncTaskSucceeded]:
        # State strict: an async task object (`object` "async_task", as every answer of this endpoint
        # has), its `status`, and for a task in progress its `poll_after_seconds`. The rest (the operation,
        # the ids, the result) is read tolerantly and never fails the answer.
        if json_field(data, "object") != "async_task":
            raise ValueError('the answer is not a Notion async task (its "object" is not "async_task")')
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

    def error_class(self, status: int, code: str | None, message: str) -> type[APIError]:
        # Notion's own client retries 529 service_overload with its Retry-After, as it does a 429
        # (notion-sdk-js src/Client.ts l.701-731): a RateLimitError, waited as told.
        if status == 529 or code == "service_overload":
            return RateLimitError
        return super().error_class(status, code, message)

    def raw_status(self, data: Any) -> object:
        # A status word counts only in an async task object: any other body is unreadable, not UNKNOWN.
        return json_field(data, "status") if json_field(data, "object") == "async_task" else None

    def hint(self, data: Any) -> float | None:
        return _seconds(json_field(data, "poll_after_seconds"))

    def error_details(self, response: Answer) -> tuple[str, str | None, str | None]:
        # The request id is in the body, or else in `x-notion-request-id` (notion-sdk-js src/errors.ts
        # l.253-254, 306).
        header_id = response.headers.get("x-notion-request-id")
        data = json.loads(response.content)
        message, code, request_id = (json_field(data, k) for k in ("message", "code", "request_id"))
        request_id = request_id if isinstance(request_id, str) else header_id
        if not isinstance(message, str):
            return generic_message(response), None, request_id
        return message, code if isinstance(code, str) else None, request_id


# What a type checker and an editor see of `Client("notion")` and `AsyncClient("notion")`: Notion's own
# submit and run arguments, and its result model. The signatures are for the checker only: at run time the
# arguments go to `submit_call` above, which checks them (a wrong one is a ConfigurationError that names it).


class NotionClient(Client[AsyncTaskSucceeded]):
    """`taskpoll.Client("notion")`: submit and run take a `CreatePageRequest`, or an
    `UpdatePageMarkdownRequest` and `page_id=`."""

    if TYPE_CHECKING:

        def submit(
            self,
            request: CreatePageRequest | UpdatePageMarkdownRequest | Mapping[str, Any],
            *,
            page_id: str | None = None,
            timeout: float | None = SUBMIT_TIMEOUT,
        ) -> Task[AsyncTaskSucceeded]: ...

        def run(
            self,
            request: CreatePageRequest | UpdatePageMarkdownRequest | Mapping[str, Any],
            *,
            page_id: str | None = None,
            **run_options: Unpack[RunOptions[AsyncTaskSucceeded]],
        ) -> Task[AsyncTaskSucceeded]: ...


class AsyncNotionClient(AsyncClient[AsyncTaskSucceeded]):
    """`taskpoll.AsyncClient("notion")`: NotionClient's twin, awaited."""

    if TYPE_CHECKING:

        async def submit(
            self,
            request: CreatePageRequest | UpdatePageMarkdownRequest | Mapping[str, Any],
            *,
            page_id: str | None = None,
            timeout: float | None = SUBMIT_TIMEOUT,
        ) -> Task[AsyncTaskSucceeded]: ...

        async def run(
            self,
            request: CreatePageRequest | UpdatePageMarkdownRequest | Mapping[str, Any],
            *,
            page_id: str | None = None,
            **run_options: Unpack[RunOptions[AsyncTaskSucceeded]],
        ) -> Task[AsyncTaskSucceeded]: ...


Notion.clients = (NotionClient, AsyncNotionClient)


PROVIDER = Notion()
