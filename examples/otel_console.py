"""taskpoll's spans on the console: the OpenTelemetry SDK set up in a few lines, then a wait on the bundled
simulator (no key, no network). Each wait prints one `taskpoll.wait` span and one `GET` span per request.

    pip install '/path/to/taskpoll[otel,simulator]' opentelemetry-sdk
    python otel_console.py
"""

from __future__ import annotations

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import ConsoleSpanExporter, SimpleSpanProcessor

import taskpoll
from taskpoll.simulator import Simulator, running, succeeded

provider = TracerProvider()  # the application configures OpenTelemetry; taskpoll only emits
provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
trace.set_tracer_provider(provider)


def main() -> int:
    with Simulator(seed=7) as sim:
        task_id = sim.create_task("notion", [running(polls=2, poll_after=0.2), succeeded(size=1)])
        with taskpoll.Client("notion", base_url=sim.base_url("notion"), api_key=sim.api_key("notion")) as client:
            task = client.wait(task_id, timeout=60)
    print(f"{task.id}: {task.state.value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
