"""The OpenTelemetry SDK as the telemetry tests install it, and what it recorded.

A process holds one global tracer provider and one meter provider, set once: `capturing()` installs
them the first time (an in-memory span exporter behind a sampler that records only while a test
captures, and a meter provider that gets an in-memory reader for the duration of each capture), so
the rest of the test run pays for no SDK.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from opentelemetry import metrics, trace
from opentelemetry.context import Context
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor, SpanExporter, SpanExportResult
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.sampling import Decision, Sampler, SamplingResult
from opentelemetry.trace import Link, SpanKind
from opentelemetry.trace.span import TraceState
from opentelemetry.util.types import Attributes


class _Switch(Sampler):
    """Records every span while `on`, none otherwise."""

    on = False

    def should_sample(
        self,
        parent_context: Context | None,
        trace_id: int,
        name: str,
        kind: SpanKind | None = None,
        attributes: Attributes = None,
        links: Sequence[Link] | None = None,
        trace_state: TraceState | None = None,
    ) -> SamplingResult:
        return SamplingResult(Decision.RECORD_AND_SAMPLE if self.on else Decision.DROP, attributes)

    def get_description(self) -> str:
        return "taskpoll tests: on while a test captures"


_SWITCH = _Switch()
_EXPORTER = InMemorySpanExporter()
_METERS: MeterProvider | None = None


class Capture:
    """What the SDK recorded during one `capturing()` block."""

    def __init__(self, reader: InMemoryMetricReader) -> None:
        self.reader = reader

    def spans(self, name: str | None = None, kind: SpanKind | None = None) -> list[ReadableSpan]:
        return [
            span
            for span in _EXPORTER.get_finished_spans()
            if (name is None or span.name == name) and (kind is None or span.kind is kind)
        ]

    def client_spans(self) -> list[ReadableSpan]:
        return self.spans(kind=SpanKind.CLIENT)

    def metrics(self) -> dict[str, list[tuple[dict[str, Any], Any]]]:
        """Each metric's points as (attributes, value): a sum's value, a histogram's (count, sum)."""
        found: dict[str, list[tuple[dict[str, Any], Any]]] = {}
        data = self.reader.get_metrics_data()
        for resource in data.resource_metrics if data is not None else ():
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    points = found.setdefault(metric.name, [])
                    for point in metric.data.data_points:
                        value = getattr(point, "value", None)
                        if value is None:
                            value = (point.count, point.sum)  # type: ignore[union-attr]
                        points.append((dict(point.attributes or {}), value))
        return found

    def total(self, name: str, **attributes: Any) -> Any:
        """The sum of a counter's points (a histogram's counts) whose attributes include these."""
        total = 0
        for found, value in self.metrics().get(name, []):
            if all(found.get(key) == wanted for key, wanted in attributes.items()):
                total += value[0] if isinstance(value, tuple) else value
        return total


def _install() -> MeterProvider:
    global _METERS
    if _METERS is None:
        tracers = TracerProvider(sampler=_SWITCH)
        tracers.add_span_processor(SimpleSpanProcessor(_EXPORTER))
        trace.set_tracer_provider(tracers)
        _METERS = MeterProvider()
        metrics.set_meter_provider(_METERS)
        assert trace.get_tracer_provider() is tracers, "another global tracer provider was set first"
    return _METERS


@contextlib.contextmanager
def capturing() -> Iterator[Capture]:
    """Record every span and measurement taskpoll makes inside the block (and only those)."""
    meters = _install()
    reader = InMemoryMetricReader()
    meters.add_metric_reader(reader)
    _EXPORTER.clear()
    _SWITCH.on = True
    try:
        yield Capture(reader)
    finally:
        _SWITCH.on = False
        meters.remove_metric_reader(reader)


class _Forward(SpanExporter):
    def __init__(self, send: Callable[[list[str]], object]) -> None:
        self.send = send

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        self.send([span.to_json(indent=None) for span in spans])
        return SpanExportResult.SUCCESS


def export_spans_to(send: Callable[[list[str]], object]) -> None:
    """In another process (a Celery worker): every span it ends, as the SDK's JSON, handed to `send`."""
    tracers = TracerProvider()
    tracers.add_span_processor(SimpleSpanProcessor(_Forward(send)))
    trace.set_tracer_provider(tracers)
