"""What OpenTelemetry costs a poll: `Client.wait` per poll, side by side, in four kinds of process.

    python -m benchmarks.telemetry [--baseline SRC] [--rounds 5] [--waits 20]

- `baseline`: another taskpoll's `src/` (e.g. main before the instrumentation: `git archive <commit>
  src | tar -x -C /tmp/base`, then `--baseline /tmp/base/src`), OpenTelemetry not importable;
- `no extra`: this checkout, OpenTelemetry not importable (what a user without the `otel` extra runs);
- `api only`: this checkout with opentelemetry-api and no SDK configured (every span a no-op);
- `sdk`: this checkout with the SDK configured as an application would: a TracerProvider with a
  BatchSpanProcessor (its exporter drops the batches: no network) and a MeterProvider with an
  in-memory reader, so every span, event and measurement is really made.

Each (round, kind) is a fresh child process against the same simulator process; kinds run in a rotated
order each round. In each, per provider: 2 warm-up waits, then `--waits` waits over tasks that answer
"in progress" 20 times and then final, with zero delays (what `benchmarks/poll.py` times inside a wait).
Reported: wall and CPU microseconds per poll (the child's whole CPU: the SDK's export thread included),
medians over rounds, and each kind's ratio to `no extra` (and `no extra` to `baseline`), the median of
the rounds' ratios.

Then the hooks alone, which a shared machine's noise on a ~1 ms loopback poll hides: the sync loop
(`taskpoll._loop.run`) carrying one wait of 20,000 polls whose answers come from memory (no request,
no request span), in the same four kinds of process: the microseconds the loop, the step and the
observer cost per poll.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from taskpoll.simulator import SimulatorProcess, running, succeeded

from ._common import PROVIDERS, ROOT, heading, table

POLLS = 21  # per wait: 20 answers in progress, then the final one

BLOCK = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "opentelemetry" or name.startswith("opentelemetry."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Block())
"""

SDK = """
from opentelemetry import metrics, trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

class Drop(SpanExporter):
    def export(self, spans):
        return SpanExportResult.SUCCESS

tracers = TracerProvider()
tracers.add_span_processor(BatchSpanProcessor(Drop()))
trace.set_tracer_provider(tracers)
metrics.set_meter_provider(MeterProvider(metric_readers=[InMemoryMetricReader()]))
"""

CHILD = """
import gc, json, math, sys, time
import taskpoll
job = json.loads(sys.stdin.read())
policy = taskpoll.PollPolicy(initial_delay=0.0, min_delay=0.0, max_delay=0.0, jitter=0.0)
found = {"taskpoll": taskpoll.__file__}
for provider, ids in job["ids"].items():
    base_url, key = job["url"] + "/" + provider, job["keys"][provider]
    with taskpoll.Client(provider, base_url=base_url, api_key=key, rate_limit=math.inf, policy=policy) as client:
        for task_id in ids[:2]:
            client.wait(task_id, timeout=60)
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        for task_id in ids[2:]:
            client.wait(task_id, timeout=60)
        found[provider] = [time.perf_counter() - wall, time.process_time() - cpu]
print(json.dumps(found))
"""

HOOKS = """
import time
from taskpoll import PollPolicy, Task, TaskState
from taskpoll._loop import run
from taskpoll._step import begin
policy = PollPolicy(initial_delay=0.0, min_delay=0.0, max_delay=0.0, jitter=0.0)
polls, n = [0], 20000
running = Task(provider="artos", id="t", state=TaskState.RUNNING, status="Generating")
done = Task(provider="artos", id="t", state=TaskState.SUCCEEDED, status="Completed")
def poll(index, state, now):
    polls[0] += 1
    return done if polls[0] >= n else running
best = []
for _ in range(3):
    polls[0] = 0
    cpu = time.process_time()
    for _ in run([begin("artos", "t", now=time.monotonic())], poll, policy, sleep=lambda s: None):
        pass
    best.append((time.process_time() - cpu) / n * 1e6)
print(min(best))
"""

KINDS = ("baseline", "no extra", "api only", "sdk")


def child(kind: str, baseline: Path | None, job: dict[str, Any], body: str = CHILD) -> Any:
    code = body
    if kind in ("baseline", "no extra"):
        code = BLOCK + code
    if kind == "baseline":
        code = f"import sys; sys.path.insert(0, {str(baseline)!r})\n" + code
    if kind == "sdk":
        code = SDK + code
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    result = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(job), capture_output=True, text=True, cwd=ROOT, env=env
    )
    if result.returncode != 0:
        raise RuntimeError(f"{kind}: {result.stderr}")
    found: Any = json.loads(result.stdout)
    if body == CHILD:
        where = Path(found.pop("taskpoll")).resolve()
        assert (kind == "baseline") == (baseline is not None and baseline.resolve() in where.parents), (kind, where)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--baseline", type=Path, help="the src/ directory of the taskpoll to compare with")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--waits", type=int, default=20, help="timed waits per provider and process")
    args = parser.parse_args(argv)
    kinds = [k for k in KINDS if k != "baseline" or args.baseline is not None]
    steps = [running(polls=POLLS - 1, progress=0.5, poll_after=0.0), succeeded(size=1, poll_after=0.0)]
    heading("What OpenTelemetry costs a poll inside Client.wait (µs per poll; medians over rounds)")
    print(f"{args.rounds} rounds x {len(kinds)} kinds, a fresh process each; {args.waits} timed waits of {POLLS} polls")
    print(f"per provider and process; CPUs: {os.cpu_count()} (the machine may be shared: see the spreads)")
    samples: dict[str, dict[str, list[tuple[float, float]]]] = {k: {p: [] for p in PROVIDERS} for k in kinds}
    with SimulatorProcess("--seed", "1") as sim:
        for round_ in range(args.rounds):
            for kind in kinds[round_ % len(kinds) :] + kinds[: round_ % len(kinds)]:
                ids = {p: sim.create_tasks(p, steps, args.waits + 2) for p in PROVIDERS}
                job = {"url": sim.url, "keys": {p: sim.api_key(p) for p in PROVIDERS}, "ids": ids}
                for provider, (wall, cpu) in child(kind, args.baseline, job).items():
                    polls = args.waits * POLLS
                    samples[kind][provider].append((wall / polls * 1e6, cpu / polls * 1e6))
    pairs = [
        (k, a)
        for k, a in (("no extra", "baseline"), ("api only", "no extra"), ("sdk", "no extra"))
        if {k, a} <= set(kinds)
    ]
    times, ratios = [], []
    for provider in PROVIDERS:
        row: list[object] = [provider]
        for kind in kinds:
            row += [f"{statistics.median(x[field] for x in samples[kind][provider]):,.0f}" for field in (0, 1)]
        times.append(row)
        row = [provider]
        for kind, against in pairs:
            for field in (0, 1):
                each = [
                    a[field] / b[field]
                    for a, b in zip(samples[kind][provider], samples[against][provider], strict=True)
                ]
                row.append(f"{statistics.median(each):.3f} ({min(each):.2f}-{max(each):.2f})")
        ratios.append(row)
    print(table(["provider", *(f"{kind} {what}" for kind in kinds for what in ("wall", "CPU"))], times))
    print()
    print(table(["provider", *(f"{k}/{a} {what}" for k, a in pairs for what in ("wall", "CPU"))], ratios))
    print("ratios: the median of the rounds' ratios (each round's processes ran back to back), (min-max) in brackets")
    print()
    heading("The hooks alone: the sync loop over 20,000 polls answered from memory (CPU µs per poll)")
    loops: dict[str, list[float]] = {k: [] for k in kinds}
    for round_ in range(args.rounds):
        for kind in kinds[round_ % len(kinds) :] + kinds[: round_ % len(kinds)]:
            loops[kind].append(child(kind, args.baseline, {}, HOOKS))
    rows = [
        [kind, f"{statistics.median(loops[kind]):.1f}", ", ".join(f"{x:.1f}" for x in loops[kind])] for kind in kinds
    ]
    print(table(["kind", "median", "rounds (best of 3 loops each)"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
