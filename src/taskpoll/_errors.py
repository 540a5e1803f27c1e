"""One error hierarchy for every failure, classified once, at the edge.

    TaskpollError
    ├── ConfigurationError           unknown provider, missing key or base URL, bad option (also ValueError)
    ├── InvalidTaskIdError           an id that would leave its path segment, before any request (also ValueError)
    ├── InvalidTokenError            a resume token that cannot be read, or is for another provider (also ValueError)
    ├── UnsupportedOperationError    cancel or list on a provider that has no such endpoint; nothing is sent
    ├── APIError                     the provider answered with an error status
    │   ├── BadRequestError          400, 422
    │   ├── AuthenticationError      401, and Aryn's 403 (its "no key" answer)
    │   ├── PermissionDeniedError    403
    │   ├── NotFoundError            404: unknown, expired, or no longer kept
    │   ├── QuotaExceededError       a usage or credit cap (Unsiloed's 402, 429 "Usage limit exceeded"): not transient
    │   ├── RateLimitError           429 (.retry_after), and Notion's 529 service_overload
    │   └── ServerError              5xx and codes outside the standard (520, 529, ...)
    ├── APIConnectionError           the request did not get an answer (refused, reset, dropped)
    │   ├── APITimeoutError          ... within its timeout
    │   └── SubmitOutcomeUnknownError  a submit (a POST) sent but unanswered: it may have created a task
    ├── ResponseValidationError      an answer whose body does not fit the provider's spec (.body kept)
    │   └── ResponseTooLargeError    ... longer than the client's max_response_bytes (not transient)
    ├── TaskFailedError              the task ended failed (.task)
    ├── TaskCanceledError            the task ended canceled (.task)
    ├── ResultUnavailableError       Task.unwrap() on a task that has not succeeded or whose result is unreadable
    └── WaitTimeoutError             the wait's deadline passed first (.task: the last one seen)
        └── TaskStalledError         no sign of activity for the wait's `stalled_after` seconds

Every error carries `provider` and `task_id`; one about an answer also `status_code`, `body` and
`request_id` (an APIError also `message` and `code`). No message holds an API key, an Authorization
header or a body: an exception keeps the body's first 64 KiB (`.body`) and shows a short excerpt of the
provider's message. The client's own key is taken out of everything a server says before it gets here.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Required, TypedDict, Unpack

if TYPE_CHECKING:
    from ._task import Task

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "InvalidTaskIdError",
    "InvalidTokenError",
    "NotFoundError",
    "PermissionDeniedError",
    "QuotaExceededError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ResultUnavailableError",
    "ServerError",
    "SubmitOutcomeUnknownError",
    "TaskCanceledError",
    "TaskFailedError",
    "TaskStalledError",
    "TaskpollError",
    "UnsupportedOperationError",
    "WaitTimeoutError",
]

_MESSAGE_EXCERPT = 300
BODY_EXCERPT = 64 * 1024  # the part of a body an exception keeps


def _excerpt(text: str | None) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= _MESSAGE_EXCERPT else flat[: _MESSAGE_EXCERPT - 1] + "…"


class TaskpollError(Exception):
    """The base of every error taskpoll raises."""

    _transient = False  # True: every error of the class is transient (APIError adds its 408 and 5xx)

    def __init__(self, message: str, *, provider: str | None = None, task_id: str | None = None) -> None:
        super().__init__(message)
        self.provider = provider
        self.task_id = task_id

    @property
    def is_transient(self) -> bool:
        """Whether asking again later may succeed (a wait retries these within its failure budget)."""
        return self._transient

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its message and attributes, not by calling __init__ again (whose keyword-only
        # arguments `args` does not hold): a process pool hands errors back pickled.
        return _restore, (type(self), self.args, self.__dict__)

    def _where(self) -> str:  # "notion task 'abc'", to open a message
        task = None if self.task_id is None else f"task {self.task_id!r}"
        return " ".join(p for p in (self.provider, task) if p)


class ConfigurationError(TaskpollError, ValueError):
    """The client or a call was set up in a way that cannot work; raised before any request."""


class InvalidTaskIdError(TaskpollError, ValueError):
    """A task id that is empty, `.` or `..`, not a string, too long, or holds a lone surrogate; raised
    before any request."""


class InvalidTokenError(TaskpollError, ValueError):
    """A resume token that is malformed, from a newer taskpoll, or for another provider."""


class UnsupportedOperationError(TaskpollError):
    """The provider has no endpoint for this operation (Notion has no cancel, only Aryn has a task list);
    raised before any request. `operation` names what was asked ("cancel", "list_tasks", ...)."""

    def __init__(self, message: str, *, operation: str, provider: str | None = None) -> None:
        self.operation = operation
        super().__init__(message, provider=provider)


class _Answer(TypedDict, total=False):
    provider: str | None
    task_id: str | None
    status_code: Required[int]
    body: bytes
    request_id: str | None


class _AnswerError(TaskpollError):
    """An error about an HTTP answer the provider did give: its status, body and request id are kept."""

    def __init__(
        self,
        message: str,
        *,
        provider: str | None = None,
        task_id: str | None = None,
        status_code: int,
        body: bytes = b"",
        request_id: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.body = body[:BODY_EXCERPT]  # the same object when it is shorter
        self.request_id = request_id
        super().__init__(message, provider=provider, task_id=task_id)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self})"


class APIError(_AnswerError):
    """The provider answered a request with an error status."""

    def __init__(
        self, message: str, *, code: str | None = None, retry_after: float | None = None, **answer: Unpack[_Answer]
    ) -> None:
        self.message = message
        self.code = code
        self.retry_after = retry_after  # the server's Retry-After, in seconds, when it sent one
        super().__init__(message, **answer)

    def __str__(self) -> str:
        text = f"{self._where()}: HTTP {self.status_code}"
        if self.code:
            text += f" [{self.code}]"
        if self.message:
            text += f": {_excerpt(self.message)}"
        if self.request_id:
            text += f" (request id {self.request_id})"
        return text

    @property
    def is_transient(self) -> bool:
        return self._transient or self.status_code == 408 or self.status_code >= 500


class BadRequestError(APIError):
    """400 or 422: the provider refused the request as malformed."""


class AuthenticationError(APIError):
    """401 (and Aryn's 403): the key is missing, wrong or expired."""


class PermissionDeniedError(APIError):
    """403: the key is valid but may not see this task."""


class NotFoundError(APIError):
    """404: no such task, or it expired (providers keep finished tasks for a limited time)."""


class QuotaExceededError(APIError):
    """The account's usage or credit cap is reached (Unsiloed's 402, and its 429 "Usage limit exceeded").
    Not transient: asking again does not help until the plan or billing period changes, so a wait
    raises it at once instead of retrying it as a rate limit."""


class RateLimitError(APIError):
    """429: too many requests. `retry_after` is the server's advice in seconds, when it gave one."""

    _transient = True

    def __str__(self) -> str:
        text = super().__str__()
        return text if self.retry_after is None else f"{text}; retry after {self.retry_after:g} s"


class ServerError(APIError):
    """5xx, or a status outside the standard registry (520, 529, ...): a problem on the provider's side."""


class APIConnectionError(TaskpollError):
    """The request got no answer: the connection was refused, reset or dropped. `sent` is False when
    provably nothing of it left this process (the connection never opened, no connection came free, or
    its time ran out before it went out): the server never saw it."""

    _transient = True

    def __init__(
        self, message: str, *, provider: str | None = None, task_id: str | None = None, sent: bool = True
    ) -> None:
        super().__init__(message, provider=provider, task_id=task_id)
        self.sent = sent

    def __str__(self) -> str:
        return f"{self._where()}: {self.args[0]}" if self._where() else str(self.args[0])


class APITimeoutError(APIConnectionError):
    """The request got no answer within its timeout. One that was never sent (`sent` False: a busy
    event loop, a full pool) says nothing about the server and does not spend a wait's failure budget."""


class SubmitOutcomeUnknownError(APIConnectionError):
    """A request that creates or changes something (a submit, a cancel) was sent, or may have been,
    and no answer came back: the provider may have acted on it. taskpoll does not send it again (a
    POST is not idempotent: a second one could start a second, billed task). Not transient for the
    same reason; list the provider's tasks (Aryn) or check its dashboard before submitting again."""

    _transient = False


class ResponseValidationError(_AnswerError):
    """The provider answered, but the body does not fit its spec; `body` keeps its first 64 KiB."""

    _transient = True  # gateways and proxies send such answers; the next one is usually fine

    def __str__(self) -> str:
        return f"{self._where()}: HTTP {self.status_code} answer does not fit the spec: {self.args[0]}"


class ResponseTooLargeError(ResponseValidationError):
    """The answer's body, decoded, is longer than the client's `max_response_bytes`; taskpoll stopped
    reading it there. `body` holds its first 64 KiB, `limit` the cap. Not transient: the next answer
    would be as long (raise `max_response_bytes` if the result is really that large)."""

    _transient = False

    def __init__(self, message: str, *, limit: int, **answer: Unpack[_Answer]) -> None:
        self.limit = limit
        super().__init__(message, **answer)

    def __str__(self) -> str:
        return f"{self._where()}: HTTP {self.status_code} answer refused: {self.args[0]}"


class TaskFailedError(TaskpollError):
    """The task finished in a failed state. `task` is the last Task seen; `task.error` says why."""

    def __init__(self, task: Task[Any]) -> None:
        self.task = task
        text = f"{task.provider} task {task.id!r} failed"
        if task.error is not None:
            code = f" ({task.error.code})" if task.error.code else ""
            text += f": {_excerpt(task.error.message)}{code}"
        super().__init__(text, provider=task.provider, task_id=task.id)


class TaskCanceledError(TaskpollError):
    """The task finished canceled. `task` is the last Task seen."""

    def __init__(self, task: Task[Any]) -> None:
        self.task = task
        super().__init__(f"{task.provider} task {task.id!r} was canceled", provider=task.provider, task_id=task.id)


class ResultUnavailableError(TaskpollError):
    """`Task.unwrap()` on a task with no result: not finished yet, or finished with nothing readable.
    `task` is the Task asked; `task.raw` still holds the body as the provider sent it."""

    def __init__(self, message: str, *, task: Task[Any]) -> None:
        self.task = task
        super().__init__(message, provider=task.provider, task_id=task.id)


class WaitTimeoutError(TaskpollError):
    """The wait's deadline passed before the task finished; the task itself goes on at the provider.
    `task` is the last Task seen (None if no poll got an answer; `task.typed(client.result_type)` types
    its result), `token` resumes the wait, and `last_error` is the transient error the last poll met (a
    refused connection, a 503, ...), if any, so that an unreachable host does not look like a slow task."""

    def __init__(
        self,
        message: str,
        *,
        provider: str,
        task_id: str,
        task: Task[Any] | None,
        elapsed: float,
        token: str,
        last_error: TaskpollError | None = None,
    ) -> None:
        self.task = task
        self.elapsed = elapsed
        self.token = token
        self.last_error = last_error
        super().__init__(message, provider=provider, task_id=task_id)


class TaskStalledError(WaitTimeoutError):
    """The provider showed no sign that the task is alive or moving for the wait's `stalled_after` seconds.
    The task may go on: `token` resumes the wait (a fresh stall window); `last_activity` (UTC) is the last sign."""

    def __init__(self, message: str, *, last_activity: datetime, stalled_after: float, **wait: Any) -> None:
        self.last_activity, self.stalled_after = last_activity, stalled_after
        super().__init__(message, **wait)


def _restore(cls: type[TaskpollError], args: tuple[Any, ...], state: dict[str, Any]) -> TaskpollError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


def shown(value: object, limit: int = 40) -> str:
    """A short repr of a caller's value for an error message; never raises (repr of a 5000-digit int does)."""
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__, an int over Python's digit limit
        return f"a {type(value).__name__}"
    return text if len(text) <= limit else f"{text[: limit - 3]}..."
