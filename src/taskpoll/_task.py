"""The unified vocabulary: TaskState, Task and TaskError."""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Generic, TypeVar, cast, overload

import attrs

from . import _token
from ._errors import InvalidTokenError, ResultUnavailableError, TaskCanceledError, TaskFailedError

__all__ = ["Task", "TaskError", "TaskState"]

R = TypeVar("R")
M = TypeVar("M")  # from_dict's result model: its own, as `Task.from_dict` is called on the bare class


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
        return self in (TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELED)


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
    last_activity: datetime | None = attrs.field(default=None, eq=False)  # the provider's last sign of life
    raw: Any = attrs.field(default=None, repr=False, eq=False)  # the decoded body (None: no JSON body)
    result_issues: tuple[str, ...] = attrs.field(default=(), eq=False)  # parts of the result that did not fit

    def token(self) -> str:
        """A secret-free string from which `Client.resume` carries on waiting, in any process: the
        state this answer tells, and when the server said to ask again (`WaitState.from_token` reads it)."""
        keys = _token.KEYS
        data: dict[str, Any] = {keys["provider"]: self.provider, keys["task_id"]: self.id}
        data[keys["last_state"]], data[keys["last_status"]] = self.state.value, self.status[:200]
        if self.progress is not None and math.isfinite(self.progress):
            data[keys["last_progress"]] = self.progress
        if self.poll_after is not None and self.observed_at is not None:
            at = self.observed_at.timestamp() + self.poll_after
            if math.isfinite(at):
                data[keys["next_poll"]], data[keys["hinted"]] = min(max(at, 0.0), 1e12), True
        return _token.dumps(data)

    def unwrap(self) -> R:
        """The result of a succeeded task, typed `R` (no `None` to check). Raises TaskFailedError or
        TaskCanceledError for a task that ended so, and ResultUnavailableError for one that has not
        finished or whose result could not be read."""
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

    def typed(self, result_type: type[M]) -> Task[M]:
        """This Task typed with its provider's result model, for one that came typed `Task[Any]` (an
        error's `task`, a PollEvent's): `error.task.typed(client.result_type)`. Its result is checked."""
        if self.result is not None and not isinstance(self.result, result_type):
            raise TypeError(f"a {self.provider} task's result is a {type(self.result).__name__}, not {result_type}")
        return cast("Task[M]", self)

    def to_dict(self, *, include_raw: bool = False) -> dict[str, Any]:
        """The Task as JSON-safe data (`json.dumps` takes it; no NaN or infinity): the result through its
        generated model's `to_dict`, times as ISO 8601, and `raw` (the body as sent) only if asked.
        `Task.from_dict` rebuilds it, typed result included."""
        result: Any = self.result
        data: dict[str, Any] = {
            "provider": self.provider,
            "id": self.id,
            "state": self.state.value,
            "status": self.status,
            "result": result.to_dict() if hasattr(result, "to_dict") else result,
            "error": None if self.error is None else {"message": self.error.message, "code": self.error.code},
            "progress": _finite(self.progress),
            "created_at": _iso(self.created_at),
            "finished_at": _iso(self.finished_at),
            "poll_after": _finite(self.poll_after),
            "request_id": self.request_id,
            "observed_at": _iso(self.observed_at),
            "last_activity": _iso(self.last_activity),
            "result_issues": list(self.result_issues),
        }
        if include_raw:
            data["raw"] = self.raw
        return data

    @overload
    @classmethod
    def from_dict(cls, data: Mapping[str, Any], result_type: None = None) -> Task[Any]: ...
    @overload
    @classmethod
    def from_dict(cls, data: Mapping[str, Any], result_type: type[M]) -> Task[M]: ...

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], result_type: type[Any] | None = None) -> Task[Any]:
        """The Task `to_dict` wrote. With `result_type` (the provider's result model, e.g.
        `taskpoll.providers.aryn.PartitionerResponse`) its result is rebuilt as that model through its
        `from_dict`; without, it stays the JSON `to_dict` wrote. Raises InvalidTokenError when `data` is
        not such a dict (it is serialised state, like a token)."""
        if not isinstance(data, Mapping):
            raise InvalidTokenError(f"a serialised Task is a dict, not {type(data).__name__}")
        try:
            provider, task_id, state, status = data["provider"], data["id"], data["state"], data["status"]
            if not all(isinstance(v, str) for v in (provider, task_id, status)):
                raise TypeError("provider, id and status are strings")
            error = data.get("error")
            issues = tuple(str(i) for i in data.get("result_issues") or ())
            result = data.get("result")
            if result is not None and result_type is not None:
                misfits: list[Any] = []  # what of the result does not fit its model (generated `from_dict`)
                try:
                    result = result_type.from_dict(result, misfits)
                except (TypeError, ValueError) as exc:  # not an object at all
                    result, issues = None, (*issues, f"result: {exc}"[:300])
                issues += _new_issues(misfits, issues)
            return cls(
                provider=provider,
                id=task_id,
                state=TaskState(state),
                status=status,
                result=result,
                error=None if error is None else TaskError(str(error["message"]), _opt_str(error.get("code"))),
                progress=_opt_float(data.get("progress")),
                created_at=_from_iso(data.get("created_at")),
                finished_at=_from_iso(data.get("finished_at")),
                poll_after=_opt_float(data.get("poll_after")),
                request_id=_opt_str(data.get("request_id")),
                observed_at=_from_iso(data.get("observed_at")),
                last_activity=_from_iso(data.get("last_activity")),
                raw=data.get("raw"),
                result_issues=issues,
            )
        except Exception as exc:  # a damaged dict of any shape: one typed error, never a raw KeyError
            raise InvalidTokenError(f"a serialised Task that does not read: {type(exc).__name__}: {exc}") from None


def _new_issues(misfits: list[Any], known: tuple[str, ...]) -> tuple[str, ...]:
    """The misfits of a rebuilt result, but for those its issues already name (a required field left
    out when the Task was read is missing from what `to_dict` wrote)."""
    named = [issue.partition(": ")[0] for issue in known]
    new: list[str] = []
    for misfit in misfits:
        text = misfit.describe("result")
        path = text.partition(": ")[0]
        if not any(p == path or p.startswith((path + ".", path + "[")) for p in named):
            new.append(text)
    return tuple(new)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_iso(value: object) -> datetime | None:
    if value is not None and not isinstance(value, str):
        raise TypeError("a time is an ISO 8601 string")
    return None if value is None else datetime.fromisoformat(value)


def _finite(value: float | None) -> float | None:
    return value if value is None or math.isfinite(value) else None


def _opt_float(value: object) -> float | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise TypeError("a number was expected")
    return None if value is None else float(value)


def _opt_str(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError("a string was expected")
    return value
