"""What every provider adapter shares: the request, the classification of answers, the Task.

An adapter is the only provider-specific hand-written code. It says which generated function builds
the status request, how a 2xx answer becomes a Task (`parse_ok`), and how its error bodies read
(`error_details`). Everything else — transport failures, HTTP error classes, Retry-After, bodies that
do not fit the spec, unknown status values — is decided here, once, for all of them.
"""

from __future__ import annotations

import email.utils
import json
import logging
import math
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar, Generic, TypeVar

import attrs
from dateutil.parser import isoparse

from .._errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    InvalidTaskIdError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    TaskpollError,
    UnsupportedOperationError,
)
from .._http import Answer
from .._ids import MAX_STATUS_LENGTH, check_task_id
from .._policy import PollPolicy
from .._spool import skeleton
from .._task import Task, TaskError, TaskState
from ._results import PARSE_ERRORS, Lenient, describe

R = TypeVar("R")
M = TypeVar("M")
T = TypeVar("T")
logger = logging.getLogger("taskpoll")

_NOT_DECODED: Any = object()


def parse_time(value: object) -> datetime | None:
    """An ISO 8601 timestamp as an aware datetime (UTC when the text has no zone), or None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)  # the common forms, ten times faster than dateutil
    except (ValueError, OverflowError):
        try:
            parsed = isoparse(value)
        except (ValueError, OverflowError):
            return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def retry_after(response: Answer) -> float | None:
    """Retry-After in seconds (from delta-seconds or an HTTP-date), or None when absent or unreadable.

    An HTTP-date is measured against the response's own Date header when there is one, so a client
    whose clock is off still waits as long as the server meant.
    """
    value = response.headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        when = _http_date(value)
        if when is None:
            return None
        reference = _http_date(response.headers.get("date")) or datetime.now(UTC)
        try:
            seconds = (when - reference).total_seconds()
        except OverflowError:  # year 1 against year 9999 across extreme zones
            return None
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


def _http_date(value: str | None) -> datetime | None:
    """An HTTP-date header as an aware datetime (UTC without a zone), or None when absent or absurd."""
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):  # OverflowError: a 30-digit year or zone
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def request_id_from(response: Answer) -> str | None:
    value: str | None = response.headers.get("x-request-id") or response.headers.get("request-id")
    return value


def _title(html: str) -> str | None:
    match = re.search(r"<title>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    return " ".join(match.group(1).split()) if match else None


def generic_message(response: Answer) -> str:
    """A short description of an error body whose provider format is unknown or not followed."""
    text = response.content[:4096].decode("utf-8", "replace").strip()
    content_type = response.headers.get("content-type", "")
    if "html" in content_type or text.lower().startswith(("<!doctype", "<html")):
        title = _title(text)
        return f"HTML page{': ' + title if title else ''}"
    if not text:
        return response.reason_phrase or "empty body"
    return text if len(text) <= 300 else text[:299] + "…"


def json_field(data: Any, *path: str) -> Any:
    """data[path[0]][path[1]]..., or None if any step is missing or not a mapping."""
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


@attrs.frozen
class Call(Generic[T]):
    """One request that is not a status poll (a submit, a cancel, a list) and how its answer reads.

    `request` is what the generated `_get_kwargs` built (method, url, params, headers, and `json` or
    `files`); `read` turns a 2xx answer into the value the client returns (it may raise any of
    PARSE_ERRORS: the answer does not fit). `idempotent` is False for anything that creates or changes
    a task: such a call is sent again only when its request provably never left.
    """

    operation: str
    request: Mapping[str, Any]
    read: Callable[[Answer], T]
    idempotent: bool = False
    task_id: str | None = None
    # Error statuses after which the provider documents that the same request may be sent again (it
    # was refused, not acted on): Notion's 429 and 529. Waited as its Retry-After says.
    retry_statuses: frozenset[int] = frozenset()


class Provider(Generic[R]):
    """One provider's adapter. Subclasses set the class attributes and implement `status_kwargs`,
    `parse_ok`, `raw_status` and, when their error bodies differ from the common shapes, `error_details`.
    """

    name: ClassVar[str]
    title: ClassVar[str]  # the provider's name for people
    key_env: ClassVar[str]  # environment variable holding the API key
    base_url_env: ClassVar[str]  # environment variable that overrides the base URL
    default_base_url: ClassVar[str | None]  # None: the user must give one (Veza's hosts are per tenant)
    auth_header: ClassVar[str] = "Authorization"
    auth_scheme: ClassVar[str] = "Bearer"  # "" to send the key alone
    default_policy: ClassVar[PollPolicy]
    rate_limit: ClassVar[float | None] = None  # requests per second the provider asks for, if documented
    # Every status value the spec marks with x-taskpoll-status, by vocabulary name, mapped to a state.
    vocabularies: ClassVar[Mapping[str, Mapping[str, TaskState]]]
    result_type: ClassVar[type]  # the generated model Task.result holds
    # The result's list that `Client.iter_elements` streams (its JSON key, how one item is read), if any.
    streamed: ClassVar[tuple[str, Lenient[Any]] | None] = None
    # The typed (Client, AsyncClient) subclasses that `Client(name)` builds: the adapter's own submit and
    # run arguments and result model, for type checkers and editors. None: Client[R] with untyped submit.
    clients: ClassVar[tuple[type[Any], type[Any]] | None] = None

    @property
    def known_statuses(self) -> frozenset[str]:
        """Every raw status value this adapter knows (anything else is TaskState.UNKNOWN)."""
        return frozenset(value for vocabulary in self.vocabularies.values() for value in vocabulary)

    # Requests ---------------------------------------------------------------------------------

    def status_request(self, task_id: str) -> dict[str, Any]:
        """The generated request kwargs (method, url, params, headers) for the task's status."""
        return self.status_kwargs(check_task_id(task_id))

    def status_kwargs(self, task_id: str) -> dict[str, Any]:
        raise NotImplementedError

    # The rest of a task's life: submit, cancel, list (adapters override what their provider has) --

    def submit_call(self, *args: Any, **kwargs: Any) -> Call[Task[R]]:
        """The request that starts a task, built and checked (bad input raises before anything is sent)."""
        raise self.unsupported("submit", "taskpoll cannot start its tasks")

    def cancel_call(self, task_id: str) -> Call[None]:
        raise self.unsupported("cancel", "its API has no cancel endpoint")

    def list_call(self) -> Call[list[Task[R]]]:
        raise self.unsupported("list_tasks", "its API has no endpoint that lists tasks")

    def unsupported(self, operation: str, why: str) -> UnsupportedOperationError:
        return UnsupportedOperationError(
            f"{self.title} has no {operation}: {why}", operation=operation, provider=self.name
        )

    def read_call(self, call: Call[T], answer: Answer) -> T:
        """The answer to a Call as its value, or the TaskpollError it means."""
        if not 200 <= answer.status_code < 300:
            raise self.error(call.task_id, answer)
        try:
            return call.read(answer)
        except InvalidTaskIdError as exc:  # the server's id, not the caller's: the answer does not fit
            raise self.invalid(call.task_id, answer, f"{call.operation}: the answer's task id: {exc}") from None
        except TaskpollError:
            raise
        except PARSE_ERRORS as exc:
            raise self.invalid(call.task_id, answer, f"{call.operation}: {describe(exc)}") from exc

    def accepted(self, response: Answer, task_id: object, status: str, **fields: Any) -> Task[R]:
        """The Task a create answer stands for: its id checked, PENDING unless `fields` say otherwise."""
        if not isinstance(task_id, str):
            raise TypeError(f"the answer's task id is {type(task_id).__name__}, not a string")
        check_task_id(task_id)
        fields.setdefault("state", TaskState.PENDING)
        try:
            data = json.loads(response.content)
        except ValueError:
            data = None
        return self.task(task_id, response, data, status=status, **fields)

    # Answers ----------------------------------------------------------------------------------

    def read(self, task_id: str, answer: Answer) -> Task[R]:
        """One status answer as a Task, or the TaskpollError it stands for."""
        if not 200 <= answer.status_code < 300:
            raise self.error(task_id, answer)
        data = _NOT_DECODED
        try:
            data = self.decode(answer)
            return self.parse_ok(task_id, answer, data)
        except TaskpollError:
            raise
        except PARSE_ERRORS as exc:
            raw = self.raw_status(data) if data is not _NOT_DECODED else None
            if self.is_unknown_status(raw):
                return self.task(task_id, answer, data, state=TaskState.UNKNOWN, status=raw, poll_after=self.hint(data))
            raise self.invalid(task_id, answer, describe(exc)) from exc

    def is_unknown_status(self, raw: object) -> bool:
        """A status value taskpoll does not know but will report as UNKNOWN and keep polling through.

        Anything not a short, printable word (an empty string, 200 kB of text) is not a status: the
        body does not fit the spec.
        """
        return (
            isinstance(raw, str)
            and 0 < len(raw) <= MAX_STATUS_LENGTH
            and raw.isprintable()
            and raw not in self.known_statuses
        )

    def decode(self, answer: Answer) -> Any:
        """The decoded body; for a body spooled to disk (`Client.iter_elements`), its top level with
        the streamed list left empty (the items stay in the spool, read later one by one)."""
        spool = answer.spool
        if spool is None:
            return json.loads(answer.content)
        if self.streamed is not None:
            try:
                return skeleton(spool, self.streamed[0])
            except PARSE_ERRORS:
                pass
        spool.found = None  # not an object with the list (or no list to stream): read it whole
        return json.loads(spool.read())

    def parse_ok(self, task_id: str, response: Answer, data: Any) -> Task[R]:
        """A 2xx answer as a Task. May raise any of PARSE_ERRORS when the body does not fit."""
        raise NotImplementedError

    def raw_status(self, data: Any) -> object:
        """The provider's status value in a decoded body that the typed parse refused, if there is one."""
        return json_field(data, "status")

    def hint(self, data: Any) -> float | None:
        """The server's poll-again advice in a decoded body, if the provider sends one."""
        return None

    def task(self, task_id: str, response: Answer, raw: Any = None, **fields: Any) -> Task[R]:
        """The Task of one answer; `raw` is its decoded body. Logs what of the result did not fit."""
        task: Task[R] = Task(
            provider=self.name,
            id=task_id,
            request_id=request_id_from(response),
            observed_at=datetime.now(UTC),
            raw=raw,
            **fields,
        )
        if task.result_issues:
            logger.warning(
                "%s task %r is %s; %d part(s) of its result do not fit the spec and are left out of "
                "Task.result (see Task.result_issues, and Task.raw for the body as sent): %s",
                self.name,
                task_id,
                task.state.value,
                len(task.result_issues),
                "; ".join(task.result_issues[:3]),
                extra={"provider": self.name, "task_id": task_id, "state": task.state.value},
            )
        return task

    def lenient(self, reader: Lenient[M], data: Any) -> tuple[M | None, tuple[str, ...]]:
        """`reader.build(data)`, for an adapter's result: the model and the issues as a tuple."""
        model, issues = reader.build(data)
        return model, tuple(issues)

    def failed(self, message: str | None, code: object = None) -> TaskError:
        return TaskError(message or "the provider gave no reason", None if code is None else str(code))

    def invalid(self, task_id: str | None, response: Answer, why: str) -> ResponseValidationError:
        return ResponseValidationError(
            why,
            provider=self.name,
            task_id=task_id,
            status_code=response.status_code,
            body=response.content,
            request_id=request_id_from(response),
        )

    # Errors -----------------------------------------------------------------------------------

    def error(self, task_id: str | None, response: Answer) -> APIError:
        status = response.status_code
        try:
            message, code, request_id = self.error_details(response)
        except PARSE_ERRORS:
            message, code, request_id = generic_message(response), None, None
        if 300 <= status < 400:
            location = response.headers.get("location", "")
            message = f"redirect to {location!r} not followed (the key is not sent to other URLs)"
        cls = self.error_class(status, code, message)
        return cls(
            message,
            provider=self.name,
            task_id=task_id,
            status_code=status,
            body=response.content,
            request_id=request_id or request_id_from(response),
            code=code,
            retry_after=retry_after(response),
        )

    def error_details(self, response: Answer) -> tuple[str, str | None, str | None]:
        """(message, code, request id) from an error body; the FastAPI `{"detail": ...}` shape by default."""
        data = json.loads(response.content)
        detail = json_field(data, "detail")
        if isinstance(detail, str):
            return detail, None, None
        if isinstance(detail, list):
            parts = [str(json_field(item, "msg") or item) for item in detail[:5]]
            return "; ".join(parts), None, None
        return generic_message(response), None, None

    def error_class(self, status: int, code: str | None, message: str) -> type[APIError]:
        """The error class of an answer with this status, error code and message (the one `error` raises)."""
        if status in (400, 422):
            return BadRequestError
        if status == 401:
            return AuthenticationError
        if status == 403:
            return PermissionDeniedError
        if status == 404:
            return NotFoundError
        if status == 429:
            return RateLimitError
        if status >= 500:
            return ServerError
        return APIError
