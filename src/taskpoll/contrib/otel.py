"""taskpoll's waits in OpenTelemetry: traces and metrics through the OpenTelemetry API (the `otel` extra).

taskpoll uses this module whenever `opentelemetry-api` is installed; it configures nothing. It takes a
tracer and a meter named "taskpoll" from the global providers the application sets up, and with no
SDK configured every span and measurement is the API's no-op. Without the extra, taskpoll imports
nothing of OpenTelemetry.

Spans:

- one INTERNAL span per wait (`taskpoll.wait`, `taskpoll.resume`, `taskpoll.run`, `taskpoll.wait_many`
  for each task of a `wait_many` or `as_completed`, `taskpoll.poll_once` per hop of a wait carried
  elsewhere): `taskpoll.provider`, `taskpoll.task.id`, `taskpoll.wait.polls`, `taskpoll.task.state`
  (the last state seen) and `taskpoll.wait.outcome` (succeeded, failed, canceled, timeout, stalled,
  error; a hop that leaves the wait going on says `continued`, a wait given up unfinished `abandoned`).
  Its status is ERROR, with the exception recorded, when the wait ends in an error or in a task that
  failed or was canceled (what `wait()` raises). Each poll adds an event `taskpoll.poll`: the state
  or error it met, and the delay decided after it and why (`taskpoll.next_poll.delay`, `.reason`:
  backoff, server poll_after, Retry-After, ...); a wait held back by the client's rate limit adds
  `taskpoll.rate_limit` with the delay.
- one CLIENT span per HTTP request (status polls, submit, cancel, list), named by its method, with the
  HTTP semantic conventions: `http.request.method`, `url.full` (no user info, the key taken out as
  everywhere), `server.address`, `server.port`, `http.response.status_code`, `error.type` (the status
  code of an error answer, or the taskpoll error class of a request that got none), and
  `taskpoll.provider`, `taskpoll.task.id`. No header and no body is ever recorded.

A wait's spans are one trace across processes: its state keeps the W3C trace context of the span its
polls belong to (`WaitState.trace`, inside every resume token), and a resumed wait or the next hop
(`poll_once`: Celery, Temporal) starts its span under it; an active span where the hop runs becomes a
link. A wait begun under an active span (yours, or the one Celery's or Temporal's instrumentation
opens around a hop) joins that span's trace.

Metrics: `taskpoll.polls` (by provider and outcome: the state seen, or `error`),
`taskpoll.wait.duration` (seconds, by provider, final state and outcome), `taskpoll.wait.requests`
(status requests per wait), `taskpoll.rate_limit.waits` (by provider and `taskpoll.rate_limit.source`:
`server` for a 429, `client` for the client's own limiter) and `taskpoll.errors` (by provider,
`error.type` and `taskpoll.operation`).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import httpx
from opentelemetry import context as otel_context
from opentelemetry import metrics, trace
from opentelemetry.trace import Link, SpanKind, Status, StatusCode
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from .._errors import (
    RateLimitError,
    TaskCanceledError,
    TaskFailedError,
    TaskpollError,
    TaskStalledError,
    WaitTimeoutError,
)
from .._step import Done, PollAgain, WaitState
from .._task import Task, TaskState
from .._version import __version__

if TYPE_CHECKING:
    from .._loop import PollEvent

S = TypeVar("S", bound=PollAgain | Done[Any])

__all__ = ["Instrumentation", "RequestSpan", "WaitSpan"]

_PROPAGATOR = TraceContextTextMapPropagator()
_MAX_TRACE = 512  # what a token keeps of a trace context (taskpoll._token.MAX_TRACE)
_SECONDS = (0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400)
_COUNTS = (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000)


@functools.lru_cache(maxsize=1024)
def _context(trace_context: str) -> otel_context.Context:
    """The context of a span whose W3C trace context `WaitState.trace` holds (traceparent, then
    tracestate after a space); an empty context when it does not read."""
    parent, _, state = trace_context.partition(" ")
    return _PROPAGATOR.extract({"traceparent": parent, "tracestate": state} if state else {"traceparent": parent})


def _trace_of(span: trace.Span) -> str | None:
    """The W3C trace context of `span`, as `WaitState.trace` keeps it; None for an invalid one."""
    carrier: dict[str, str] = {}
    _PROPAGATOR.inject(carrier, trace.set_span_in_context(span))
    parent, state = carrier.get("traceparent"), carrier.get("tracestate")
    if parent is None:
        return None
    return f"{parent} {state}" if state and len(parent) + len(state) < _MAX_TRACE else parent


def _outcome(outcome: object) -> str:
    if isinstance(outcome, Task):
        return str(outcome.state.value)
    if isinstance(outcome, TaskStalledError):
        return "stalled"
    return "timeout" if isinstance(outcome, WaitTimeoutError) else "error"


class Instrumentation:
    """What taskpoll's hooks call: one WaitSpan per wait, one RequestSpan per request, and the counts."""

    def __init__(self) -> None:
        self.tracer = trace.get_tracer("taskpoll", __version__)
        meter = metrics.get_meter("taskpoll", __version__)
        self.polls = meter.create_counter("taskpoll.polls", "{poll}", "Status polls of waits, by outcome")
        self.duration = meter.create_histogram(
            "taskpoll.wait.duration", "s", "How long waits took", explicit_bucket_boundaries_advisory=_SECONDS
        )
        self.requests = meter.create_histogram(
            "taskpoll.wait.requests",
            "{request}",
            "Status requests per wait",
            explicit_bucket_boundaries_advisory=_COUNTS,
        )
        self.rate_limited = meter.create_counter(
            "taskpoll.rate_limit.waits", "{wait}", "Polls held back by a rate limit (a 429, or the client's own)"
        )
        self.errors = meter.create_counter("taskpoll.errors", "{error}", "Errors met by requests, by class")
        self._labels: dict[tuple[str, ...], dict[str, str]] = {}

    def labels(self, *pairs: str) -> dict[str, str]:
        """Metric attributes (name, value, name, value, ...), one dict per combination (few: no ids)."""
        found = self._labels.get(pairs)
        if found is None:
            found = self._labels[pairs] = dict(zip(pairs[0::2], pairs[1::2], strict=True))
        return found

    def current(self) -> str | None:
        """The W3C trace context of the active span, if there is one (a wait begun elsewhere joins it)."""
        span = trace.get_current_span()
        return _trace_of(span) if span.get_span_context().is_valid else None

    def wait(self, kind: str, provider: str, task_id: str | None, trace_context: str | None) -> WaitSpan:
        """The span of one wait (`kind`: wait, resume, run, wait_many, poll_once) under `trace_context`,
        the span it continues, or else the active span."""
        attributes = {"taskpoll.provider": provider}
        if task_id is not None:
            attributes["taskpoll.task.id"] = task_id
        links: list[Link] = []
        parent = None
        if trace_context is not None:
            parent = _context(trace_context)
            here = trace.get_current_span().get_span_context()
            if here.is_valid and here != trace.get_current_span(parent).get_span_context():
                links.append(Link(here))
        span = self.tracer.start_span(f"taskpoll.{kind}", parent, SpanKind.INTERNAL, attributes, links)
        return WaitSpan(self, span, provider, _trace_of(span) if span.get_span_context().is_valid else None)

    def request(
        self,
        provider: str,
        task_id: str | None,
        request: httpx.Request,
        trace_context: str | None,
        redact: Callable[[str], str],
    ) -> RequestSpan:
        """The CLIENT span of one HTTP request, under `trace_context` (else the active span)."""
        parent = None if trace_context is None else _context(trace_context)
        span = self.tracer.start_span(request.method, parent, SpanKind.CLIENT)
        if span.is_recording():
            url = request.url
            port = url.port or (443 if url.scheme == "https" else 80)
            attributes: dict[str, Any] = {
                "http.request.method": request.method,
                "url.full": redact(str(url.copy_with(username=None, password=None) if url.userinfo else url)),
                "server.address": url.host,
                "server.port": port,
                "taskpoll.provider": provider,
            }
            if task_id is not None:
                attributes["taskpoll.task.id"] = task_id
            span.set_attributes(attributes)
        return RequestSpan(span)

    def failed(self, provider: str, operation: str, error: TaskpollError) -> None:
        """An error that ended a submit, cancel or list call."""
        self.errors.add(
            1,
            self.labels(
                "taskpoll.provider", provider, "error.type", type(error).__name__, "taskpoll.operation", operation
            ),
        )


@attrs.define(slots=True)
class RequestSpan:
    """One request's span: `answered(status)` once the answer came; leaving the `with` ends it."""

    span: trace.Span
    status: int | None = None

    def answered(self, status: int) -> None:
        self.status = status

    def __enter__(self) -> RequestSpan:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        span = self.span
        if span.is_recording():
            if self.status is not None:
                span.set_attribute("http.response.status_code", self.status)
                if self.status >= 400:
                    span.set_attribute("error.type", str(self.status))
                    span.set_status(Status(StatusCode.ERROR))
            elif kind is not None:
                # A TaskpollError's text holds no key (taskpoll takes it out of what a server says).
                span.set_attribute("error.type", kind.__name__)
                span.set_status(Status(StatusCode.ERROR, str(error) if isinstance(error, TaskpollError) else None))
        span.end()


@attrs.define(slots=True)
class WaitSpan:
    """One wait's span: `polled` after each poll, `held` when the client's rate limit holds a poll back,
    `end` with the wait's outcome (or None: it goes on elsewhere, or was given up); as a `with` block
    (`Client.run`), it ends with the exception that left the block, if it did not end before."""

    telemetry: Instrumentation
    span: trace.Span
    provider: str
    trace: str | None  # this span's W3C trace context: its requests' parent, kept in the wait's tokens
    ended: bool = False

    def traced(self, state: WaitState) -> WaitState:
        """`state` with this span's trace context (the wait's polls and requests are its children)."""
        context = self.trace
        return state if context is None or context == state.trace else attrs.evolve(state, trace=context)

    def rooted(self, step: S) -> S:
        """A hop's step whose state has no trace context yet takes this span's: the next hops join it."""
        if self.trace is None or step.state.trace is not None:
            return step
        return attrs.evolve(step, state=attrs.evolve(step.state, trace=self.trace))

    def named(self, task_id: str) -> None:
        self.span.set_attribute("taskpoll.task.id", task_id)

    def polled(self, answer: Task[Any] | TaskpollError, event: PollEvent) -> None:
        telemetry, provider = self.telemetry, self.provider
        if isinstance(answer, Task):
            telemetry.polls.add(
                1, telemetry.labels("taskpoll.provider", provider, "taskpoll.poll.outcome", answer.state.value)
            )
        else:
            kind = type(answer).__name__
            telemetry.polls.add(1, telemetry.labels("taskpoll.provider", provider, "taskpoll.poll.outcome", "error"))
            telemetry.errors.add(
                1, telemetry.labels("taskpoll.provider", provider, "error.type", kind, "taskpoll.operation", "poll")
            )
            if isinstance(answer, RateLimitError):
                telemetry.rate_limited.add(
                    1, telemetry.labels("taskpoll.provider", provider, "taskpoll.rate_limit.source", "server")
                )
        if self.span.is_recording():
            attributes: dict[str, Any] = {
                "taskpoll.poll.attempt": event.attempt,
                "taskpoll.next_poll.delay": event.next_delay,
                "taskpoll.next_poll.reason": event.reason,
            }
            if isinstance(answer, Task):
                attributes["taskpoll.task.state"] = answer.state.value
                attributes["taskpoll.task.status"] = answer.status
            else:
                attributes["error.type"] = type(answer).__name__
            self.span.add_event("taskpoll.poll", attributes)

    def held(self, step: PollAgain, now: float) -> None:
        """The wait sleeps until `step.at`: counted when the client's rate limit is why."""
        if step.reason == "rate limit":
            telemetry = self.telemetry
            telemetry.rate_limited.add(
                1, telemetry.labels("taskpoll.provider", self.provider, "taskpoll.rate_limit.source", "client")
            )
            if self.span.is_recording():
                self.span.add_event("taskpoll.rate_limit", {"taskpoll.next_poll.delay": step.at - now})

    def hopped(self, step: PollAgain | Done[Any]) -> None:
        """A `poll_once` hop's end: the wait's outcome, or where it goes on."""
        if isinstance(step, Done):
            self.end(step.outcome, step.state)
            return
        self.held(step, time.time())
        if self.span.is_recording():
            self.span.set_attributes({"taskpoll.next_poll.at": step.at, "taskpoll.next_poll.reason": step.reason})
        self.end(None, step.state, "continued")

    def end(
        self, outcome: Task[Any] | BaseException | None, state: WaitState | None, unfinished: str = "abandoned"
    ) -> None:
        """The wait ended with `outcome` (None: `unfinished`) in `state` (None: before its first poll)."""
        if self.ended:
            return
        self.ended = True
        span, telemetry = self.span, self.telemetry
        result = unfinished if outcome is None else _outcome(outcome)
        last = None if state is None or state.last_state is None else state.last_state.value
        if outcome is not None and state is not None:
            labels = telemetry.labels(
                "taskpoll.provider",
                self.provider,
                "taskpoll.task.state",
                last or "none",
                "taskpoll.wait.outcome",
                result,
            )
            if state.started is not None:
                telemetry.duration.record(max(0.0, time.time() - state.started - state.clock_offset), labels)
            telemetry.requests.record(state.attempt, labels)
        if span.is_recording():
            attributes: dict[str, Any] = {"taskpoll.wait.outcome": result}
            if state is not None:
                attributes["taskpoll.wait.polls"] = state.attempt
            if last is not None:
                attributes["taskpoll.task.state"] = last
            span.set_attributes(attributes)
            error = _raised(outcome)
            if error is not None:
                span.record_exception(error)
                span.set_status(Status(StatusCode.ERROR, str(error)[:300]))
        span.end()

    def close(self) -> None:
        """End the span if the wait has not: it was given up before its end (a closed iterator)."""
        self.end(None, None)

    def __enter__(self) -> WaitSpan:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.end(error, None)


def _raised(outcome: object) -> BaseException | None:
    """What `wait()` raises for this outcome (None for a succeeded task, or none at all)."""
    if isinstance(outcome, BaseException):
        return outcome
    if isinstance(outcome, Task) and outcome.state is TaskState.FAILED:
        return TaskFailedError(outcome)
    if isinstance(outcome, Task) and outcome.state is TaskState.CANCELED:
        return TaskCanceledError(outcome)
    return None
