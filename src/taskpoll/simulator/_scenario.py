"""Scripted task lifecycles and the faults injected into them. Pure data and state; no I/O."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar, get_args

State = Literal["pending", "running", "succeeded", "failed", "canceled", "expired"]
STATES: tuple[str, ...] = get_args(State)
TERMINAL: frozenset[str] = frozenset({"succeeded", "failed", "canceled", "expired"})

FaultKind = Literal[
    "rate_limit",  # 429 with Retry-After (seconds, or an HTTP-date with retry_after_date)
    "server_error",  # 500, 502 or 503 with the provider's error body
    "nonstandard_status",  # 520, a code outside IANA's registry, with an HTML body
    "drop",  # headers promise a body, then the connection closes
    "slow",  # the normal answer, after `delay` seconds
    "html",  # an HTML page instead of JSON (status 200 unless `status` says otherwise)
    "empty",  # an empty body (status 200 unless `status` says otherwise)
    "truncated",  # the normal JSON cut in half
    "unknown_status",  # the normal body with a status value the spec does not list
    "extra_field",  # the normal body with fields the spec does not list
]
FAULT_KINDS: tuple[str, ...] = get_args(FaultKind)
# Faults after which the poll still counts as answered, so the lifecycle moves on.
ANSWERING_FAULTS = frozenset({"slow", "extra_field"})


class ScenarioError(ValueError):
    """A scenario that cannot be run as written (unknown state, fault or provider feature)."""


@dataclass(frozen=True)
class Step:
    """One stage of a scripted task.

    A step lasts `polls` answered status requests, or `seconds` of wall time, whichever ends first
    (either may be None; with both None the step lasts forever). The last step never ends.
    """

    state: State
    polls: int | None = 1
    seconds: float | None = None
    status: str | None = None  # the provider's raw status to send instead of the default for `state`
    progress: float | None = None  # 0..1, for providers that report progress
    poll_after: float | None = None  # Notion's poll_after_seconds for this step
    size: int | None = None  # result size: Aryn elements, Unsiloed chunks, Veza rows
    error: str | None = None  # the failure message

    def __post_init__(self) -> None:
        if self.state not in STATES:
            raise ScenarioError(f"unknown state {self.state!r}; states are {', '.join(STATES)}")
        if self.polls is not None and self.polls < 1:
            raise ScenarioError("a step lasts at least one poll")
        if self.seconds is not None and self.seconds < 0:
            raise ScenarioError("a step cannot last negative seconds")
        if self.size is not None and self.size < 0:
            raise ScenarioError("a result size cannot be negative")

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Step:
        return cls(**_known(cls, data, "step"))

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) != f.default} | {
            "state": self.state
        }


def pending(polls: int | None = 1, **kwargs: Any) -> Step:
    return Step("pending", polls=polls, **kwargs)


def running(polls: int | None = 1, **kwargs: Any) -> Step:
    return Step("running", polls=polls, **kwargs)


# Terminal states last forever unless told otherwise (e.g. succeeded(polls=3) then expired()).


def succeeded(size: int | None = None, polls: int | None = None, **kwargs: Any) -> Step:
    return Step("succeeded", polls=polls, size=size, **kwargs)


def failed(error: str | None = None, polls: int | None = None, **kwargs: Any) -> Step:
    return Step("failed", polls=polls, error=error, **kwargs)


def canceled(polls: int | None = None, **kwargs: Any) -> Step:
    return Step("canceled", polls=polls, **kwargs)


def expired(**kwargs: Any) -> Step:
    return Step("expired", polls=None, **kwargs)


@dataclass(frozen=True)
class Fault:
    """A fault injected into status requests: on the listed poll numbers, or at random with `rate`.

    Poll numbers count every status request a task received, faulted or not, from 1. Random faults
    are decided from (simulator seed, task id, poll number), so they do not depend on the order in
    which concurrent requests arrive.
    """

    kind: FaultKind
    polls: tuple[int, ...] = ()
    rate: float = 0.0
    status: int | None = None  # server_error: 500/502/503; html/empty/truncated: the HTTP status
    retry_after: float | None = None  # rate_limit (default 1 s) and server_error: Retry-After seconds
    retry_after_date: bool = False  # send Retry-After as an HTTP-date instead of seconds
    delay: float = 0.0  # slow: seconds to wait before answering
    value: str | None = None  # unknown_status: the status value to send

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ScenarioError(f"unknown fault {self.kind!r}; faults are {', '.join(FAULT_KINDS)}")
        if not 0.0 <= self.rate <= 1.0:
            raise ScenarioError("a fault rate is a probability between 0 and 1")
        if not self.polls and not self.rate:
            raise ScenarioError("a fault needs `polls` or a `rate`")
        if self.kind == "server_error" and self.status not in (None, 500, 502, 503, 504):
            raise ScenarioError("server_error status must be 500, 502, 503 or 504")
        object.__setattr__(self, "polls", tuple(self.polls))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Fault:
        return cls(**_known(cls, data, "fault"))

    def applies(self, seed: int, task_id: str, poll: int, index: int) -> bool:
        if poll in self.polls:
            return True
        return bool(self.rate) and _unit(f"{seed}:{task_id}:{poll}:{index}") < self.rate


def _unit(key: str) -> float:
    """A deterministic number in [0, 1) from a string."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big") / 2**64


def _known(cls: type, data: Mapping[str, Any], what: str) -> dict[str, Any]:
    if not isinstance(data, Mapping):
        raise ScenarioError(f"a {what} is a JSON object, not {type(data).__name__}")
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise ScenarioError(f"unknown {what} field(s): {', '.join(unknown)}; known: {', '.join(sorted(names))}")
    return dict(data)


@dataclass
class SimTask:
    """The server-side state of one scripted task."""

    provider: str
    id: str
    steps: tuple[Step, ...]
    faults: tuple[Fault, ...]
    created: float  # monotonic seconds
    created_wall: float  # unix seconds, for timestamps in bodies
    polls: int = 0  # status requests received, faulted or not
    step_index: int = 0
    step_polls: int = 0
    step_started: float = 0.0
    started_wall: float | None = None  # when it left the pending state
    finished_wall: float | None = None  # when it reached a terminal state
    canceled_by_client: bool = False
    answered: list[str] = field(default_factory=list)  # state of every answered poll, for tests
    replies: dict[int, Any] = field(default_factory=dict)  # rendered terminal answers, by step index

    def __post_init__(self) -> None:
        if not self.steps:
            raise ScenarioError("a task needs at least one step")
        self.step_started = self.created
        self._enter(0, self.created_wall)

    @property
    def step(self) -> Step:
        return self.steps[self.step_index]

    def current(self, now: float, now_wall: float) -> Step:
        """The step in force at `now`, after moving past every step whose time is up."""
        while self.step_index < len(self.steps) - 1:
            seconds = self.step.seconds
            if seconds is None or now - self.step_started < seconds:
                break
            self.step_started += seconds
            self._enter(self.step_index + 1, now_wall)
        return self.step

    def answered_poll(self, now: float, now_wall: float) -> None:
        """Count one answered poll of the current step; move on when the step's polls are used up."""
        self.answered.append(self.step.state)
        self.step_polls += 1
        limit = self.step.polls
        if limit is not None and self.step_polls >= limit and self.step_index < len(self.steps) - 1:
            self.step_started = now
            self._enter(self.step_index + 1, now_wall)

    def cancel(self, now: float, now_wall: float) -> None:
        self.steps = (*self.steps[: self.step_index + 1], canceled())
        self.step_started = now
        self.canceled_by_client = True
        self._enter(len(self.steps) - 1, now_wall)

    def _enter(self, index: int, now_wall: float) -> None:
        self.step_index = index
        self.step_polls = 0
        if self.step.state != "pending" and self.started_wall is None:
            self.started_wall = now_wall
        if self.step.state in TERMINAL and self.finished_wall is None:
            self.finished_wall = now_wall


T = TypeVar("T")


def _parse_list(raw: object, what: str, read: Callable[[Any], T]) -> tuple[T, ...]:
    if raw is None:
        return ()
    if isinstance(raw, (str, bytes)) or not isinstance(raw, Sequence):
        raise ScenarioError(f"{what}s is a list of {what} objects")
    return tuple(read(item) for item in raw)


def parse_steps(raw: Sequence[Mapping[str, Any]] | None) -> tuple[Step, ...]:
    return _parse_list(raw, "step", Step.from_json)


def parse_faults(raw: Sequence[Mapping[str, Any]] | None) -> tuple[Fault, ...]:
    return _parse_list(raw, "fault", Fault.from_json)
