"""taskpoll's waits in OpenTelemetry: traces and metrics through the OpenTelemetry API (the `otel` extra).

When `opentelemetry-api` is installed, `import taskpoll` puts a `Telemetry` in `taskpoll._loop.OBSERVER`
(the hooks the loops and the clients call); it configures nothing. It takes a tracer and a meter named
"taskpoll" from the global providers the application sets up, and with no SDK configured every span and
measurement is the API's no-op. Without the extra, taskpoll imports nothing of OpenTelemetry.

Spans:

- one INTERNAL span per wait (`taskpoll.wait`, `taskpoll.resume`, `taskpoll.run` over a submit and its
  wait, `taskpoll.wait_many` for each task of a `wait_many` or `as_completed`, `taskpoll.poll_once` per
  hop of a wait carried elsewhere): `taskpoll.provider`, `taskpoll.task.id`, `taskpoll.wait.polls`,
  `taskpoll.task.state` (the last state seen) and `taskpoll.wait.outcome` (succeeded, failed, canceled,
  timeout, stalled, error; a hop that leaves the wait going on says `continued`, a wait given up
  unfinished `abandoned`). Its status is ERROR, with the exception recorded, when the wait ends in an
  error or in a task that failed or was canceled (what `wait()` raises). Each poll adds an event
  `taskpoll.poll`: the state or error it met, and the delay decided after it and why
  (`taskpoll.next_poll.delay`, `.reason`: backoff, server poll_after, Retry-After, ...); a poll held
  back by the client's rate limit adds `taskpoll.rate_limit` with the delay.
- one CLIENT span per HTTP request (status polls, submit, cancel, list), named by its method, with the
  HTTP semantic conventions: `http.request.method`, `url.full` (no user info, the key taken out as
  everywhere), `server.address`, `server.port`, `http.response.status_code`, `error.type` (the status
  code of an error answer, or the taskpoll error class of a request that got none), and
  `taskpoll.provider`, `taskpoll.task.id`. No header and no body is ever recorded.

A wait's spans are one trace across processes: its state keeps the W3C trace context of its span
(`WaitState.trace`, inside every resume token). A resumed wait's span is a child of the span its token
names; the hops of a wait carried elsewhere (`new_wait`, then `poll_once`: Celery, Temporal) are children
of its first hop's span, or of the span active where `new_wait` was called; a span active where a hop
runs (a job queue's own instrumentation) becomes a link.

Metrics: `taskpoll.polls` (by provider and `taskpoll.poll.outcome`: the state seen, or `error`),
`taskpoll.wait.duration` (seconds, by provider, final state and outcome), `taskpoll.wait.requests`
(status requests per wait), `taskpoll.rate_limit.waits` (by provider and `taskpoll.rate_limit.source`:
`server` for a 429, `client` for the client's own limiter) and `taskpoll.errors` (by provider,
`error.type`: the error class, and `taskpoll.operation`: poll, or submit for a `run` whose submit failed).
"""

from __future__ import annotations

import contextvars
import functools
import time
from collections.abc import Callable
from typing import Any

import attrs
import httpx
from opentelemetry import context as otel_context
from opentelemetry import metrics, trace
from opentelemetry.trace import Link, SpanKind, Status, StatusCode
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from .._errors import RateLimitError, TaskCanceledError, TaskFailedError, TaskpollError, TaskStalledError
from .._errors import WaitTimeoutError as _Timeout
from .._loop import Observer, PollEvent
from .._step import Done, PollAgain, WaitState
from .._task import Task, TaskState
from .._version import __version__

__all__ = ["Telemetry"]

_PROPAGATOR = TraceContextTextMapPropagator()
_MAX_TRACE = 200  # what a token keeps of a trace context (traceparent, then tracestate if it fits)
_SECONDS = (0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400)
_COUNTS = (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000)
_RUN: contextvars.ContextVar[_RunScope | None] = contextvars.ContextVar("taskpoll_run", default=None)


@functools.lru_cache(maxsize=1024)
def _context(trace_context: str) -> otel_context.Context:
    """The context of the span whose W3C trace context `WaitState.trace` holds ("traceparent[ tracestate]");
    an empty context when it does not read (the propagator checks it)."""
    parent, _, state = trace_context.partition(" ")
    return _PROPAGATOR.extract({"traceparent": parent, "tracestate": state} if state else {"traceparent": parent})


def _trace_of(span: trace.Span) -> str | None:
    """The W3C trace context of `span` as `WaitState.trace` keeps it; None for an invalid span (no SDK)."""
    if not span.get_span_context().is_valid:
        return None
    carrier: dict[str, str] = {}
    _PROPAGATOR.inject(carrier, trace.set_span_in_context(span))
    parent, state = carrier["traceparent"], carrier.get("tracestate")
    return f"{parent} {state}" if state and len(parent) + 1 + len(state) <= _MAX_TRACE else parent


def _outcome(outcome: object) -> str:
    if isinstance(outcome, Task):
        return str(outcome.state.value)
    if isinstance(outcome, TaskStalledError):
        return "stalled"
    return "timeout" if isinstance(outcome, _Timeout) else "error"


def _raised(outcome: object) -> BaseException | None:
    """What `wait()` raises for this outcome (None for a succeeded task)."""
    if isinstance(outcome, BaseException):
        return outcome
    if isinstance(outcome, Task) and outcome.state is TaskState.FAILED:
        return TaskFailedError(outcome)
    if isinstance(outcome, Task) and outcome.state is TaskState.CANCELED:
        return TaskCanceledError(outcome)
    return None


class Telemetry(Observer):
    """taskpoll's observer: one `_WaitSpan` per wait, one `_RequestSpan` per request, and the counts."""

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
        self.errors = meter.create_counter("taskpoll.errors", "{error}", "Errors met by waits, by class")
        self._labels: dict[tuple[str, ...], dict[str, str]] = {}

    def labels(self, *pairs: str) -> dict[str, str]:
        """Metric attributes (name, value, name, value, ...), one dict per combination (few: no ids)."""
        found = self._labels.get(pairs)
        if found is None:
            found = self._labels[pairs] = dict(zip(pairs[0::2], pairs[1::2], strict=True))
        return found

    def wait(self, kind: str, state: WaitState) -> tuple[Observer, WaitState]:
        if kind == "new_wait":  # carried elsewhere: its hops join the active span's trace, if any
            active = trace.get_current_span()
            return self, state if state.trace is not None else _traced(state, _trace_of(active))
        run = _RUN.get()
        if run is not None and run.task_id == state.task_id and not run.watch.claimed:
            run.watch.claimed = True  # the wait of the run's task: the run's span is its span
            return run.watch, _traced(state, run.watch.trace)
        attributes = {"taskpoll.provider": state.provider, "taskpoll.task.id": state.task_id}
        parent, links = None, []
        if state.trace is not None:
            parent = _context(state.trace)
            here = trace.get_current_span().get_span_context()
            if here.is_valid and here != trace.get_current_span(parent).get_span_context():
                links.append(Link(here))
        span = self.tracer.start_span(f"taskpoll.{kind}", parent, SpanKind.INTERNAL, attributes, links)
        watch = _WaitSpan(self, span, state.provider, kind == "poll_once")
        if kind == "poll_once" and state.trace is not None:  # every hop stays a child of the first one
            return watch, state
        return watch, _traced(state, watch.trace)

    def run(self, provider: str) -> Observer:
        span = self.tracer.start_span("taskpoll.run", None, SpanKind.INTERNAL, {"taskpoll.provider": provider})
        return _RunScope(_WaitSpan(self, span, provider, False))

    def request(
        self, provider: str, task_id: str | None, request: httpx.Request, redact: Callable[[str], str]
    ) -> Observer:
        span = self.tracer.start_span(request.method, None, SpanKind.CLIENT)
        if span.is_recording():
            url = request.url
            attributes: dict[str, Any] = {
                "http.request.method": request.method,
                "url.full": redact(str(url.copy_with(username=None, password=None) if url.userinfo else url)),
                "server.address": url.host,
                "server.port": url.port or (443 if url.scheme == "https" else 80),
                "taskpoll.provider": provider,
            }
            if task_id is not None:
                attributes["taskpoll.task.id"] = task_id
            span.set_attributes(attributes)
        return _RequestSpan(span)


def _traced(state: WaitState, trace_context: str | None) -> WaitState:
    """`state` with this trace context (as it is, given None)."""
    return state if trace_context is None or trace_context == state.trace else attrs.evolve(state, trace=trace_context)


class _Active(Observer):
    """Entered, its span is the active one (a request's span is then its child)."""

    span: trace.Span
    _token: object = None
    _context: otel_context.Context | None = None

    def __enter__(self) -> Observer:
        if self._context is None:  # made once: a wait is entered at each of its polls
            self._context = trace.set_span_in_context(self.span)
        self._token = otel_context.attach(self._context)
        return self

    def __exit__(self, *exc: object) -> None:
        otel_context.detach(self._token)  # type: ignore[arg-type]


class _RequestSpan(Observer):
    """One request's CLIENT span: `answered(status)` once the answer came; leaving the `with` ends it."""

    def __init__(self, span: trace.Span) -> None:
        self.span, self.status = span, 0

    def answered(self, status: int) -> None:
        self.status = status

    def __exit__(self, *exc: object) -> None:
        span, error = self.span, exc[1] if len(exc) > 1 else None
        if span.is_recording():
            if self.status:
                span.set_attribute("http.response.status_code", self.status)
                if self.status >= 400:
                    span.set_attribute("error.type", str(self.status))
                    span.set_status(Status(StatusCode.ERROR))
            elif isinstance(error, BaseException):
                # A TaskpollError's text holds no key (taskpoll takes it out of what a server says).
                span.set_attribute("error.type", type(error).__name__)
                span.set_status(Status(StatusCode.ERROR, str(error) if isinstance(error, TaskpollError) else None))
        span.end()


class _WaitSpan(_Active):
    """One wait's span (or one hop's: it ends with the hop's step)."""

    def __init__(self, telemetry: Telemetry, span: trace.Span, provider: str, hop: bool) -> None:
        self.telemetry, self.span, self.provider, self.hop = telemetry, span, provider, hop
        self.trace = _trace_of(span)  # its W3C trace context: its requests' parent, kept in the wait's tokens
        self.ended = self.claimed = False

    def step(self, step: PollAgain | Done[Any], event: PollEvent | None) -> None:
        if event is not None:
            self._polled(step, event)
        elif isinstance(step, PollAgain):
            if step.reason == "poll":  # polls now
                return
            if step.reason == "rate limit":
                self._count(self.telemetry.rate_limited, "taskpoll.rate_limit.source", "client")
                if self.span.is_recording():
                    self.span.add_event(
                        "taskpoll.rate_limit",
                        {"taskpoll.next_poll.delay": step.at + step.state.clock_offset - time.time()},
                    )
        if isinstance(step, Done):
            self.end(step.outcome, step.state)
        elif self.hop:
            if self.span.is_recording():
                self.span.set_attributes({"taskpoll.next_poll.at": step.at, "taskpoll.next_poll.reason": step.reason})
            self.end(None, step.state, "continued")

    def _count(self, counter: Any, *pairs: str) -> None:
        counter.add(1, self.telemetry.labels("taskpoll.provider", self.provider, *pairs))

    def _polled(self, step: PollAgain | Done[Any], event: PollEvent) -> None:
        error = event.error
        if event.task is None and error is None and isinstance(step, Done) and isinstance(step.outcome, TaskpollError):
            error = step.outcome  # a poll whose error ended the wait
        self._count(
            self.telemetry.polls, "taskpoll.poll.outcome", "error" if event.task is None else event.task.state.value
        )
        if error is not None:
            self._count(self.telemetry.errors, "error.type", type(error).__name__, "taskpoll.operation", "poll")
        if isinstance(error, RateLimitError):
            self._count(self.telemetry.rate_limited, "taskpoll.rate_limit.source", "server")
        if self.span.is_recording():
            attributes: dict[str, Any] = {
                "taskpoll.poll.attempt": event.attempt,
                "taskpoll.next_poll.delay": event.next_delay,
                "taskpoll.next_poll.reason": event.reason,
            }
            if event.task is not None:
                attributes |= {"taskpoll.task.state": event.task.state.value, "taskpoll.task.status": event.task.status}
            elif error is not None:
                attributes["error.type"] = type(error).__name__
            self.span.add_event("taskpoll.poll", attributes)

    def end(self, outcome: object, state: WaitState | None, unfinished: str = "abandoned") -> None:
        """The wait ended with `outcome` (None: `unfinished`) in `state` (None: not known)."""
        if self.ended:
            return
        self.ended = True
        span, telemetry = self.span, self.telemetry
        result = unfinished if outcome is None else _outcome(outcome)
        last = None if state is None or state.last_state is None else state.last_state.value
        if outcome is not None and state is not None:
            labels = telemetry.labels(
                *("taskpoll.provider", self.provider, "taskpoll.task.state", last or "none"),
                *("taskpoll.wait.outcome", result),
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
        self.end(None, None)


class _RunScope(_Active):
    """`run`: its span is active over the submit and the wait, which takes it as its own (a wait of the
    submitted task begun inside); it ends with the wait, or here, with what left the block."""

    def __init__(self, wait: _WaitSpan) -> None:
        self.watch, self.span = wait, wait.span
        self.task_id: str | None = None
        self.task: Task[Any] | None = None

    def submitted(self, task: Task[Any]) -> None:
        self.task_id, self.task = task.id, task
        self.span.set_attribute("taskpoll.task.id", task.id)

    def __enter__(self) -> Observer:
        self._run = _RUN.set(self)
        return super().__enter__()

    def __exit__(self, *exc: object) -> None:
        super().__exit__(*exc)
        _RUN.reset(self._run)
        error = exc[1] if len(exc) > 1 and isinstance(exc[1], BaseException) else None
        wait = self.watch
        if error is not None and not wait.claimed and isinstance(error, TaskpollError):
            wait._count(wait.telemetry.errors, "error.type", type(error).__name__, "taskpoll.operation", "submit")
        wait.end(error or self.task, None)
