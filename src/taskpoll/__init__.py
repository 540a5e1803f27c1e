"""taskpoll: poll the asynchronous tasks of Aryn DocParse, Artos, Veza, Unsiloed and Notion through one
typed interface, and be told, correctly and within a deadline, when each is done.

    import taskpoll

    with taskpoll.Client("notion") as client:        # key from NOTION_TOKEN
        task = client.wait(task_id, timeout=300)
        page = task.result.result                    # the created page, as the provider returned it
"""

from ._client import AsyncClient, Client
from ._engine import PollEvent
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    InvalidTaskIdError,
    InvalidTokenError,
    NotFoundError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    ResultUnavailableError,
    ServerError,
    SubmitOutcomeUnknownError,
    TaskCanceledError,
    TaskFailedError,
    TaskpollError,
    UnsupportedOperationError,
    WaitTimeoutError,
)
from ._policy import PollPolicy
from ._step import Done, PollAgain, RateLimit, WaitState
from ._task import Task, TaskError, TaskState
from ._version import __version__

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConfigurationError",
    "Done",
    "InvalidTaskIdError",
    "InvalidTokenError",
    "NotFoundError",
    "PermissionDeniedError",
    "PollAgain",
    "PollEvent",
    "PollPolicy",
    "QuotaExceededError",
    "RateLimit",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ResultUnavailableError",
    "ServerError",
    "SubmitOutcomeUnknownError",
    "Task",
    "TaskCanceledError",
    "TaskError",
    "TaskFailedError",
    "TaskState",
    "TaskpollError",
    "UnsupportedOperationError",
    "WaitState",
    "WaitTimeoutError",
    "__version__",
]
