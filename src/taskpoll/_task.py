"""The unified vocabulary: TaskState, Task and TaskError."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any, Generic, TypeVar

import attrs

from ._errors import ResultUnavailableError, TaskCanceledError, TaskFailedError

__all__ = ["Task", "TaskError", "TaskState"]

R = TypeVar("R")


class TaskState(enum.Enum):
    """Where a task is in its life, in one vocabulary for every provider."""

    PENDING = "pending"  # accepted, not started
    RUNNING = "running"  # being worked on (or retrying after a provider-side hiccup)
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELED = "canceled"
    UNKNOWN = "unknown"  # a status taskpoll does not know; polling goes on, bounded by the deadline

    @property
    def is_terminal(self) -> bool:
        return self in _TERMINAL


_TERMINAL = frozenset({TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELED})


@attrs.frozen
class TaskError:
    """Why a task failed, as the provider put it."""

    message: str
    code: str | None = None  # the provider's error code, e.g. Notion's "validation_error", Aryn's "500"


def _summary(value: object) -> str:
    return "None" if value is None else f"<{type(value).__name__}>"


@attrs.frozen(kw_only=True)
class Task(Generic[R]):
    """What one status request said about a task.

    `result` is the provider's generated, typed model of the finished task and is set only when
    `state` is SUCCEEDED. `status` is the provider's own word for the state (for Aryn, which signals
    state by HTTP status, the code: "202" or "200"; for Veza, `state` or `COMPLETE/<status>`).

    The state is read strictly; the result tolerantly. A part of the result that does not fit the
    spec (one odd element, a field of the wrong type) is left out of `result` and named in
    `result_issues`, and `raw` always holds the decoded body as the provider sent it.
    """

    provider: str
    id: str
    state: TaskState
    status: str
    result: R | None = attrs.field(default=None, repr=_summary, eq=False)
    error: TaskError | None = None
    progress: float | None = None  # 0.0 to 1.0, where the provider reports it
    created_at: datetime | None = None
    finished_at: datetime | None = None
    poll_after: float | None = None  # the server's advice, in seconds, on when to ask again
    request_id: str | None = None
    observed_at: datetime | None = attrs.field(default=None, eq=False)  # when this answer arrived (UTC)
    raw: Any = attrs.field(default=None, repr=False, eq=False)  # the decoded body (None: no JSON body)
    result_issues: tuple[str, ...] = attrs.field(default=(), eq=False)  # parts of the result that did not fit

    def token(self) -> str:
        """A secret-free string from which `Client.resume` carries on waiting, in any process."""
        from ._token import encode

        return encode(self)

    def unwrap(self) -> R:
        """The result of a succeeded task, typed `R` (no `None` to check).

        Raises TaskFailedError or TaskCanceledError for a task that ended so, and
        ResultUnavailableError for one that has not finished or whose result could not be read.
        """
        if self.state is TaskState.SUCCEEDED and self.result is not None:
            return self.result
        if self.state is TaskState.FAILED:
            raise TaskFailedError(self)
        if self.state is TaskState.CANCELED:
            raise TaskCanceledError(self)
        if self.state is TaskState.SUCCEEDED:
            issues = "; ".join(self.result_issues[:3]) or "no result in the answer"
            raise ResultUnavailableError(
                f"{self.provider} task {self.id!r} succeeded, but its result could not be read ({issues}); "
                "Task.raw holds the body as sent",
                task=self,
            )
        raise ResultUnavailableError(
            f"{self.provider} task {self.id!r} has no result yet: it is {self.state.value} ({self.status})", task=self
        )

    def changed_since(self, other: Task[Any] | None) -> bool:
        """Whether this observation tells something `other` did not (state, status or progress)."""
        return other is None or (self.state, self.status, self.progress) != (other.state, other.status, other.progress)
