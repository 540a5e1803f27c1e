"""taskpoll: poll the asynchronous tasks of Aryn DocParse, Artos, Veza, Unsiloed and Notion through one
typed interface, and be told, correctly and within a deadline, when each is done.

    import taskpoll

    with taskpoll.Client("notion") as client:        # key from NOTION_TOKEN
        task = client.wait(task_id, timeout=300)
        page = task.result.result                    # the created page, as the provider returned it
"""

__version__ = "0.1.0"

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
    ResponseValidationError,
    ServerError,
    TaskCanceledError,
    TaskFailedError,
    TaskpollError,
    WaitTimeoutError,
)
from ._policy import PollPolicy
from ._task import Task, TaskError, TaskState

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConfigurationError",
    "InvalidTaskIdError",
    "InvalidTokenError",
    "NotFoundError",
    "PermissionDeniedError",
    "PollEvent",
    "PollPolicy",
    "QuotaExceededError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
    "Task",
    "TaskCanceledError",
    "TaskError",
    "TaskFailedError",
    "TaskState",
    "TaskpollError",
    "WaitTimeoutError",
    "__version__",
]
