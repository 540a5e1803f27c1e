"""What every measure shares: sizes, targets, timing, RSS, tables, the checks summary, raw httpx requests."""

from __future__ import annotations

import gc
import json
import math
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import taskpoll.providers
from taskpoll.simulator import status_request

PROVIDERS = taskpoll.providers.names()
SECTIONS = ("poll", "large", "many", "policy", "peers", "stream")
ROOT = Path(__file__).resolve().parent.parent

# Targets from the issue.
TARGET_POLL_RATIO = 1.0  # taskpoll / raw wall time per poll, at most
TARGET_PARSE_RATIO = 1.5  # typed parse / json.loads, at most
TARGET_PARSE_MEMORY = 2.0  # peak memory of the typed parse / body size, at most
TARGET_THROUGHPUT_RATIO = 1.0  # taskpoll / raw requests per second, at least
TARGET_AIOHTTP_THROUGHPUT_RATIO = 3.0  # taskpoll over the aiohttp transport / raw httpx, at least
TARGET_STREAM_RSS = 10_000_000  # peak RSS growth of iter_elements over the large result, at most
TARGET_RSS_PER_TASK = 4096  # bytes of peak RSS per pending task, at most
TARGET_MEDIAN_RELATIVE_DELAY = 0.10  # PollPolicy() median detection delay / duration, at most


@dataclass(frozen=True)
class Config:
    quick: bool
    poll_block: int  # polls per timed block
    poll_rounds: int  # timed blocks per side
    large_elements: int
    large_rounds: int
    many_tasks: int
    many_rounds: int  # timed runs per side
    many_concurrency: int
    policy_samples: int
    seed: int

    @classmethod
    def make(cls, quick: bool, seed: int) -> Config:
        if quick:
            return cls(quick, 100, 5, 20_000, 5, 1_000, 2, 64, 400, seed)
        return cls(quick, 300, 11, 100_000, 5, 10_000, 3, 64, 2_000, seed)


# Measurements -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds per operation
    cpu: float  # CPU seconds of this process per operation


def measure(fn: Callable[[], object], ops: int = 1) -> Timing:
    """Time `ops` calls of `fn` after a full collection; the last result is freed after the clock stops."""
    gc.collect()
    kept: object = None
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(ops):
        kept = fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    del kept
    return Timing(wall / ops, cpu / ops)


def interleave(sides: Mapping[str, Callable[[], Timing]], rounds: int, warmup: int = 1) -> dict[str, list[Timing]]:
    """Run each side `warmup` times unrecorded, then `rounds` times alternating A B, B A, A B, ..."""
    names = list(sides)
    for _ in range(warmup):
        for name in names:
            sides[name]()
    samples: dict[str, list[Timing]] = {name: [] for name in names}
    for index in range(rounds):
        for name in names if index % 2 == 0 else reversed(names):
            samples[name].append(sides[name]())
    return samples


def paired_ratio(a: Sequence[Timing], b: Sequence[Timing], field: str = "wall") -> float:
    """Median over rounds of a/b, each round's two blocks run back to back: robust to slow drift of the machine."""
    return statistics.median(getattr(x, field) / getattr(y, field) for x, y in zip(a, b, strict=True))


def gc_paused(fn: Callable[[], object]) -> Callable[[], object]:
    """`fn` run with the cyclic garbage collector paused (benchmark insight only)."""

    def run() -> object:
        gc.disable()
        try:
            return fn()
        finally:
            gc.enable()

    return run


def median_wall(samples: Sequence[Timing]) -> float:
    return statistics.median(t.wall for t in samples)


def median_cpu(samples: Sequence[Timing]) -> float:
    return statistics.median(t.cpu for t in samples)


def percentile(values: Sequence[float], fraction: float) -> float:
    """Linear-interpolated percentile of `values` (fraction between 0 and 1)."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _proc_status_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def rss_bytes() -> int | None:
    """Resident set size now (Linux /proc; None elsewhere)."""
    kb = _proc_status_kb("VmRSS")
    return None if kb is None else kb * 1024


def peak_rss_bytes() -> int | None:
    """Peak resident set size since the process started or since `reset_peak_rss()`."""
    kb = _proc_status_kb("VmHWM")
    return None if kb is None else kb * 1024


def reset_peak_rss() -> bool:
    """Make VmHWM start again from the current RSS (Linux 4.0+); False when not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


def traced_memory(fn: Callable[[], object]) -> tuple[int, int]:
    """(peak, retained) bytes that Python allocated while running `fn`, by tracemalloc."""
    gc.collect()
    tracemalloc.start()
    try:
        kept = fn()
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del kept
    return peak, retained


# Formatting ---------------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table; the first column is left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def us(seconds: float) -> str:
    return f"{seconds * 1e6:,.0f}"


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f}"


def mb(size: float) -> str:
    return f"{size / 1e6:,.1f} MB"


def heading(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 96 - len(title)), flush=True)


@dataclass(frozen=True)
class Check:
    """One measured value against its target, for the summary."""

    name: str
    measured: str
    target: str
    met: bool | None  # None: could not be measured here


CHECKS: list[Check] = []


def check(name: str, measured: str, target: str, met: bool | None) -> None:
    CHECKS.append(Check(name, measured, target, met))


# Raw httpx: the status requests a user would write by hand from each provider's docs ---------------

# How to reach a task is the simulator's answer (taskpoll.simulator.status_request), not retyped here.
RAW_PARAMS = {provider: status_request(provider, "-", base_url="", api_key=None).params for provider in PROVIDERS}


def raw_headers(provider: str, key: str) -> dict[str, str]:
    return status_request(provider, "-", base_url="", api_key=key).headers


def raw_url(base_url: str, provider: str, task_id: str) -> str:
    return status_request(provider, task_id, base_url=base_url, api_key=None).url


# Child processes ----------------------------------------------------------------------------------


def emit(message: object) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def run_worker(kind: str, job: Mapping[str, Any], timeout: float = 900.0) -> Any:
    """Run `python -m benchmarks --worker kind` in a fresh process with `job` on stdin; return its JSON answer."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--worker", kind],
        cwd=ROOT,
        input=json.dumps(job),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the {kind} worker failed:\n{done.stderr}")
    return json.loads(done.stdout)
