"""Benchmarks of taskpoll against hand-written httpx code, side by side, on the bundled simulator.

Run from the repository root (no network: every request goes to the simulator on 127.0.0.1):

    python3 scripts/dev.py run python scripts/bench.py            # full run, about 6 to 7 minutes
    python3 scripts/dev.py run python scripts/bench.py --quick    # smaller and fewer, under a minute
    python3 scripts/dev.py run python scripts/bench.py --only poll,policy

docs/benchmarks.md records a full run and what it led to.

The simulator runs in a child process (its own interpreter, so client and server do not share a GIL),
and both sides of every comparison talk to that same server. Each section prints a table; a summary
of every ratio against its target (met / not met) comes last.

poll    Per-poll overhead. `taskpoll.Client(...).get(task_id)` against `httpx.Client.get()` plus
        `json.loads` of the same task, per provider, for two answers: a task in progress (what nearly
        every poll of a wait sees; the target is judged on it) and a finished task with a small
        result (taskpoll also builds the typed result; section 2 is about that cost). Blocks of polls
        alternate A/B (then B/A), after a warm-up block each; the ratio is the median over rounds of
        the two back-to-back blocks' ratio. Client CPU per poll is shown too: the client process runs
        nothing else, so it is the client's cost.
large   A large Aryn result (100,000 elements, ~46 MB; 20,000 with --quick), downloaded once. Times
        `json.loads(body)` against the adapter's typed parse `providers.get("aryn").parse(task_id,
        response)`, with the network excluded from both; then end to end, `Client.get` against httpx
        get + `json.loads`. Memory of the typed parse relative to the body size is measured two ways:
        the tracemalloc peak of a separate run, and the RSS growth (VmHWM after minus VmRSS before,
        peak reset through /proc/self/clear_refs) in a fresh child process.
many    One `taskpoll.AsyncClient.wait_many` over N tasks (10,000; 1,000 with --quick) against a raw
        `httpx.AsyncClient` loop (one coroutine per task, a semaphore for the same concurrency, the
        same delays), each task living [pending, running, succeeded] so both sides make the same
        3 x N requests. Each run is a fresh child process, so its RSS reflects that run only. Reports
        requests per second (server-counted requests / wall time), client CPU per request, peak RSS
        growth per task (VmHWM during the wait minus VmRSS just before it), and TCP connections
        opened, counted on the server as distinct client (host, port) pairs in the ASGI scope.
policy  Polling policies on a fake clock, through taskpoll's real engine (`_engine.wait_flow`) and
        the Artos adapter fed canned responses: "Generating" before the task's duration, "Ready"
        after. Durations are log-uniform between 1 s and 30 min (fixed seed). Per policy: requests
        per task and detection delay (true completion to the poll that sees it), absolute and
        relative to the duration. Compares PollPolicy(), fixed cadences, google-api-core's 1 to 20 s
        x1.5 backoff, and each provider's default policy.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

import taskpoll
from taskpoll import PollPolicy, TaskState
from taskpoll._engine import Fetch, Reply, Sleep, wait_flow
from taskpoll.providers import get as get_provider
from taskpoll.simulator import Simulator, Step, pending, running, succeeded

PROVIDERS = ("aryn", "artos", "veza", "unsiloed", "notion")
SECTIONS = ("poll", "large", "many", "policy")
SCRIPT = Path(__file__).resolve()

# Targets from the issue.
TARGET_POLL_RATIO = 1.15  # taskpoll / raw wall time per poll, at most
TARGET_PARSE_RATIO = 1.5  # typed parse / json.loads, at most
TARGET_PARSE_MEMORY = 2.0  # peak memory of the typed parse / body size, at most
TARGET_THROUGHPUT_RATIO = 0.9  # taskpoll / raw requests per second, at least
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

RAW_PATHS = {
    "aryn": "/v1/async/result/{id}",
    "artos": "/api/v1/documents/status/{id}",
    "veza": "/api/v1/assessments/async_tasks/{id}",
    "unsiloed": "/parse/{id}",
    "notion": "/v1/async_tasks/{id}",
}
RAW_PARAMS = {"aryn": {"path_filter": "^/v1/document/partition$"}}


def raw_headers(provider: str, key: str) -> dict[str, str]:
    headers = {"api-key": key} if provider == "unsiloed" else {"Authorization": f"Bearer {key}"}
    if provider == "notion":
        headers["Notion-Version"] = "2026-03-11"
    return headers


def raw_url(base_url: str, provider: str, task_id: str) -> str:
    return base_url + RAW_PATHS[provider].format(id=task_id)


# The simulator in its own process ------------------------------------------------------------------


class CountingApp:
    """The simulator's ASGI app, counting requests and distinct client sockets (host, port).

    A socket is one TCP connection, so the number of distinct peers is the number of connections
    the clients opened. Every other attribute is the wrapped app's.
    """

    def __init__(self, app: Any) -> None:
        self._app = app
        self.requests = 0
        self.peers: set[tuple[Any, ...]] = set()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.requests += 1
            self.peers.add(tuple(scope.get("client") or ()))
        await self._app(scope, receive, send)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app, name)

    def take_stats(self) -> dict[str, int]:
        stats = {"requests": self.requests, "connections": len(self.peers)}
        self.requests, self.peers = 0, set()
        return stats


def serve_worker() -> None:
    """Child process: serve the simulator; answer one JSON command per stdin line until stdin closes."""
    sim = Simulator(seed=1)
    counter = CountingApp(sim.app)
    sim.app = counter  # type: ignore[assignment]  # uvicorn serves the counter; the rest is delegated
    with sim:
        keys = {p: sim.api_key(p) for p in sim.providers}
        _emit({"base_urls": {p: sim.base_url(p) for p in sim.providers}, "keys": keys})
        for line in sys.stdin:
            command = json.loads(line)
            if command["op"] == "create":
                steps = [Step.from_json(step) for step in command["steps"]]
                _emit({"ids": [sim.create_task(command["provider"], steps) for _ in range(command["count"])]})
            elif command["op"] == "stats":
                sim.clear_requests()  # the request log would otherwise grow for the whole run
                _emit(counter.take_stats())


def _emit(message: object) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


class SimulatorProcess:
    """Drives `serve_worker` in a child process over a line-based JSON pipe."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, str(SCRIPT), "--worker", "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        info = self._read()
        self._base_urls: dict[str, str] = info["base_urls"]
        self._keys: dict[str, str] = info["keys"]

    def _read(self) -> Any:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError("the simulator process ended unexpectedly")
        return json.loads(line)

    def _call(self, command: dict[str, Any]) -> Any:
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps(command) + "\n")
        self._process.stdin.flush()
        return self._read()

    def base_url(self, provider: str) -> str:
        return self._base_urls[provider]

    def api_key(self, provider: str) -> str:
        return self._keys[provider]

    def create_tasks(self, provider: str, steps: Sequence[Step], count: int) -> list[str]:
        command = {"op": "create", "provider": provider, "steps": [s.to_json() for s in steps], "count": count}
        ids: list[str] = self._call(command)["ids"]
        return ids

    def create_task(self, provider: str, steps: Sequence[Step]) -> str:
        return self.create_tasks(provider, steps, 1)[0]

    def take_stats(self) -> dict[str, int]:
        """Requests and distinct client connections since the last call (and clear the request log)."""
        stats: dict[str, int] = self._call({"op": "stats"})
        return stats

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        try:
            self._process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


@contextmanager
def simulator_process() -> Iterator[SimulatorProcess]:
    server = SimulatorProcess()
    try:
        yield server
    finally:
        server.close()


def run_worker(kind: str, job: Mapping[str, Any], timeout: float = 900.0) -> Any:
    """Run `bench.py --worker kind` in a fresh process with `job` on stdin; return its JSON answer."""
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--worker", kind],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the {kind} worker failed:\n{done.stderr}")
    return json.loads(done.stdout)


# 1. Per-poll overhead ------------------------------------------------------------------------------


POLL_KINDS = {
    # Almost every poll of a wait sees a task in progress: the target is judged on these.
    "in progress": ([running(polls=None, progress=0.5)], TaskState.RUNNING),
    # The last poll also builds the typed result; its cost grows with the result (see section 2).
    "final + result": ([succeeded(size=1)], TaskState.SUCCEEDED),
}


def bench_poll(server: SimulatorProcess, config: Config) -> None:
    heading("1. Per-poll overhead: taskpoll Client.get vs httpx.Client.get + json.loads (same task)")
    print(
        f"{config.poll_rounds} timed blocks of {config.poll_block} polls per side, alternating A/B, after a "
        "warm-up block each; times are medians of the block means,\nratios the medians of each round's A/B "
        "ratio. Two answers per provider: a task in progress (what nearly every poll of a wait sees;\n"
        "the target is judged on it) and a finished task with a small result."
    )
    rows = []
    for provider in PROVIDERS:
        for kind, (steps, state) in POLL_KINDS.items():
            rows.append(_poll_row(server, config, provider, kind, steps, state))
    headers = [
        "provider",
        "answer",
        "body B",
        "taskpoll us",
        "raw us",
        "ratio",
        "taskpoll CPU us",
        "raw CPU us",
        "CPU ratio",
        "taskpoll spread",
    ]
    print(table(headers, rows))
    print("us: wall microseconds per poll (round trip included); CPU: this (client) process's CPU per poll;")
    print("spread: slowest taskpoll block / fastest - 1 (noise indicator). For a final answer, taskpoll also")
    print("builds the generated typed models (Unsiloed's result has ~100 OCR words, each its own model).")


def _poll_row(
    server: SimulatorProcess, config: Config, provider: str, kind: str, steps: list[Any], state: TaskState
) -> list[object]:
    task_id = server.create_task(provider, steps)
    base_url, key = server.base_url(provider), server.api_key(provider)
    client = taskpoll.Client(provider, base_url=base_url, api_key=key, rate_limit=math.inf)
    http = httpx.Client(headers=raw_headers(provider, key))
    url, params = raw_url(base_url, provider, task_id), RAW_PARAMS.get(provider)
    with client, http:
        assert client.get(task_id).state is state
        body = http.get(url, params=params)
        assert body.status_code in (200, 202), body.text

        def sdk_block() -> Timing:
            return measure(lambda: client.get(task_id), config.poll_block)

        def raw_block() -> Timing:
            return measure(lambda: json.loads(http.get(url, params=params).content), config.poll_block)

        samples = interleave({"taskpoll": sdk_block, "raw": raw_block}, config.poll_rounds)
    sdk, raw = samples["taskpoll"], samples["raw"]
    ratio, cpu_ratio = paired_ratio(sdk, raw), paired_ratio(sdk, raw, "cpu")
    spread = max(t.wall for t in sdk) / min(t.wall for t in sdk) - 1
    judged = kind == "in progress"
    check(
        f"poll overhead {provider} {kind} (taskpoll/raw wall)",
        f"{ratio:.3f}",
        f"<= {TARGET_POLL_RATIO}" if judged else "(info)",
        ratio <= TARGET_POLL_RATIO if judged else None,
    )
    return [
        provider,
        kind,
        len(body.content),
        us(median_wall(sdk)),
        us(median_wall(raw)),
        f"{ratio:.3f}",
        us(median_cpu(sdk)),
        us(median_cpu(raw)),
        f"{cpu_ratio:.3f}",
        f"{spread:.0%}",
    ]


# 2. Large result --------------------------------------------------------------------------------


def bench_large(server: SimulatorProcess, config: Config) -> None:
    elements = config.large_elements
    heading(f"2. Large result: Aryn, {elements:,} elements: typed parse vs json.loads")
    task_id = server.create_task("aryn", [succeeded(size=elements)])
    base_url, key = server.base_url("aryn"), server.api_key("aryn")
    url, params = raw_url(base_url, "aryn", task_id), RAW_PARAMS["aryn"]
    provider = get_provider("aryn")
    with httpx.Client(headers=raw_headers("aryn", key), timeout=120) as http:
        response = http.get(url, params=params)  # the server renders the result once, then serves it from cache
        body = response.content
        task = provider.parse(task_id, response)
        assert task.result is not None and len(task.result.elements) == elements
        del task
        size = len(body)
        print(
            f"body {mb(size)} ({size:,} bytes); {config.large_rounds} timed runs per side, alternating, "
            "after a warm-up."
        )

        result_type = provider.result_type
        decoded = json.loads(body)
        parse = interleave(
            {
                "json.loads(body)": lambda: measure(lambda: json.loads(body)),
                "provider.parse (typed)": lambda: measure(lambda: provider.parse(task_id, response)),
                "  of which from_dict": lambda: measure(lambda: result_type.from_dict(decoded)),
                "json.loads, GC paused": lambda: measure(gc_paused(lambda: json.loads(body))),
                "provider.parse, GC paused": lambda: measure(gc_paused(lambda: provider.parse(task_id, response))),
            },
            config.large_rounds,
        )
        json_time = median_wall(parse["json.loads(body)"])
        print(table(["parse (network excluded)", "median ms", "min ms", "x json.loads"], _rows(parse, json_time)))
        per_element = median_wall(parse["  of which from_dict"]) / elements
        print(
            f"from_dict: {per_element * 1e6:.1f} us per element. The GC-paused rows are insight, not an option: "
            "they show\nhow much of each parse is the cyclic garbage collector walking the growing heap (taskpoll "
            "never pauses it)."
        )
        typed_ratio = median_wall(parse["provider.parse (typed)"]) / json_time
        check(
            "large result: typed parse / json.loads",
            f"{typed_ratio:.2f}",
            f"<= {TARGET_PARSE_RATIO}",
            typed_ratio <= TARGET_PARSE_RATIO,
        )

        with taskpoll.Client("aryn", base_url=base_url, api_key=key) as client:
            end_to_end = interleave(
                {
                    "httpx get + json.loads": lambda: measure(lambda: json.loads(http.get(url, params=params).content)),
                    "taskpoll Client.get": lambda: measure(lambda: client.get(task_id)),
                },
                config.large_rounds,
            )
        raw_time = median_wall(end_to_end["httpx get + json.loads"])
        print()
        print(table(["end to end (loopback)", "median ms", "min ms", "x raw"], _rows(end_to_end, raw_time)))
        e2e_ratio = median_wall(end_to_end["taskpoll Client.get"]) / raw_time
        check("large result: end to end taskpoll/raw", f"{e2e_ratio:.2f}", "(info)", None)

        _large_memory(provider, task_id, response, body)


def _rows(samples: Mapping[str, Sequence[Timing]], reference: float) -> list[list[str]]:
    return [
        [name, ms(median_wall(runs)), ms(min(t.wall for t in runs)), f"{median_wall(runs) / reference:.2f}"]
        for name, runs in samples.items()
    ]


def _large_memory(provider: Any, task_id: str, response: httpx.Response, body: bytes) -> None:
    size = len(body)
    print()
    print("Memory beyond the body itself (the body is allocated before measuring starts):")
    rows = []
    traced = {
        "json.loads(body)": traced_memory(lambda: json.loads(body)),
        "provider.parse (typed)": traced_memory(lambda: provider.parse(task_id, response)),
    }
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "body.json"
        path.write_bytes(body)
        rss = {
            name: run_worker("rss", {"mode": mode, "path": str(path), "task_id": task_id})
            for name, mode in (("json.loads(body)", "json"), ("provider.parse (typed)", "typed"))
        }
    for name, (peak, retained) in traced.items():
        grown = rss[name]
        rss_peak = None if grown["peak"] is None else grown["peak"] - grown["before"]
        rss_kept = None if grown["after"] is None else grown["after"] - grown["before"]
        rows.append(
            [
                name,
                mb(peak),
                f"{peak / size:.2f}x",
                mb(retained),
                "n/a" if rss_peak is None else mb(rss_peak),
                "n/a" if rss_peak is None else f"{rss_peak / size:.2f}x",
                "n/a" if rss_kept is None else mb(rss_kept),
            ]
        )
    headers = ["parse", "tracemalloc peak", "x body", "retained", "RSS peak growth", "x body", "RSS retained"]
    print(table(headers, rows))
    print(
        "tracemalloc: peak and still-allocated Python memory while parsing, in this process (a separate run from\n"
        "the timings). RSS: a fresh child process loads the body, parses once, and reports VmHWM (peak reset via\n"
        "/proc/self/clear_refs just before) minus VmRSS before; retained = VmRSS after, result alive, minus before."
    )
    typed_peak = traced["provider.parse (typed)"][0] / size
    check(
        "large result: typed parse peak memory / body (tracemalloc)",
        f"{typed_peak:.2f}x",
        f"<= {TARGET_PARSE_MEMORY}x",
        typed_peak <= TARGET_PARSE_MEMORY,
    )
    typed_rss = rss["provider.parse (typed)"]
    if typed_rss["peak"] is not None and typed_rss["reset"]:
        growth = (typed_rss["peak"] - typed_rss["before"]) / size
        check(
            "large result: typed parse peak RSS growth / body",
            f"{growth:.2f}x",
            f"<= {TARGET_PARSE_MEMORY}x",
            growth <= TARGET_PARSE_MEMORY,
        )
    else:
        check("large result: typed parse peak RSS growth / body", "n/a", f"<= {TARGET_PARSE_MEMORY}x", None)


def rss_worker() -> None:
    """Child process: parse a large Aryn body once (json or typed) and report RSS before, at peak, after."""
    job = json.load(sys.stdin)
    provider = get_provider("aryn")
    request = httpx.Request("GET", "http://127.0.0.1/aryn/v1/async/result/x")
    small = httpx.Response(200, json={"status": [], "status_code": 200, "elements": []}, request=request)
    provider.parse("x", small)  # import and initialise everything the parse touches
    response = httpx.Response(200, content=Path(job["path"]).read_bytes(), request=request)
    response.read()
    parse: Callable[[], object] = (
        (lambda: json.loads(response.content))
        if job["mode"] == "json"
        else (lambda: provider.parse(job["task_id"], response))
    )
    gc.collect()
    before = rss_bytes()
    reset = reset_peak_rss()
    kept = parse()
    peak, after = peak_rss_bytes(), rss_bytes()
    del kept
    _emit({"before": before, "peak": peak, "after": after, "reset": reset})


# 3. Many tasks ----------------------------------------------------------------------------------

MANY_PROVIDER = "artos"
MANY_STEPS = (pending(), running(), succeeded())
FAST_POLICY = {"initial_delay": 0.05, "max_delay": 0.2, "jitter": 0.1, "min_delay": 0.0}
WARMUP_REQUESTS = 1  # each worker polls one extra task once before its timed run


def bench_many(server: SimulatorProcess, config: Config) -> None:
    tasks, concurrency = config.many_tasks, config.many_concurrency
    heading(f"3. Many tasks: AsyncClient.wait_many vs a raw httpx.AsyncClient loop, {tasks:,} tasks")
    print(
        f"{MANY_PROVIDER} tasks {[s.state for s in MANY_STEPS]}, concurrency {concurrency}, delays "
        f"{FAST_POLICY['initial_delay']} s +/- {FAST_POLICY['jitter']:.0%}; {config.many_rounds} timed runs per side "
        "(fresh process each), alternating, after a smaller warm-up run each."
    )
    warmup = {side: _many_run(server, side, min(tasks, 500), concurrency) for side in ("taskpoll", "raw")}
    runs: dict[str, list[dict[str, Any]]] = {"taskpoll": [], "raw": []}
    for index in range(config.many_rounds):
        for side in ("taskpoll", "raw") if index % 2 == 0 else ("raw", "taskpoll"):
            runs[side].append(_many_run(server, side, tasks, concurrency))
    assert all(run["succeeded"] == run["tasks"] for run in warmup.values())

    rows = []
    medians: dict[str, dict[str, float]] = {}
    for side, side_runs in runs.items():
        m = {key: statistics.median(run[key] for run in side_runs) for key in side_runs[0] if key != "side"}
        medians[side] = m
        rss_per_task = m["rss_growth"] / tasks if m["rss_growth"] is not None else None
        rows.append(
            [
                side,
                f"{m['succeeded']:,.0f}/{tasks:,}",
                f"{m['requests']:,.0f}",
                f"{m['wall']:.2f}",
                f"{m['requests'] / m['wall']:,.0f}",
                us(m["cpu"] / m["requests"]),
                "n/a" if rss_per_task is None else f"{rss_per_task / 1024:.2f}",
                mb(m["rss_growth"]),
                f"{m['connections']:,.0f}",
            ]
        )
    headers = ["side", "succeeded", "requests", "wall s", "req/s", "CPU us/req", "RSS KB/task", "RSS growth", "conns"]
    print(table(headers, rows))
    print(
        "medians over the runs. requests: status requests the server answered in the timed part; req/s: requests /\n"
        "wall time of the whole wait; CPU: the client process's CPU per request; RSS KB/task: (peak RSS during the\n"
        "wait - RSS just before it) / tasks; conns: distinct client sockets the server saw (connections opened)."
    )
    print(
        "per run (req/s): "
        + "; ".join(
            f"{side} " + ", ".join(f"{r['requests'] / r['wall']:,.0f}" for r in rr) for side, rr in runs.items()
        )
    )
    sdk, raw = medians["taskpoll"], medians["raw"]
    ratio = (sdk["requests"] / sdk["wall"]) / (raw["requests"] / raw["wall"])
    check(
        "many tasks: throughput taskpoll/raw",
        f"{ratio:.2f}",
        f">= {TARGET_THROUGHPUT_RATIO}",
        ratio >= TARGET_THROUGHPUT_RATIO,
    )
    per_task = sdk["rss_growth"] / tasks
    check(
        "many tasks: taskpoll peak RSS per pending task",
        f"{per_task / 1024:.2f} KB",
        f"<= {TARGET_RSS_PER_TASK / 1024:.0f} KB",
        per_task <= TARGET_RSS_PER_TASK,
    )
    check(
        "many tasks: connections opened taskpoll / raw",
        f"{sdk['connections']:.0f} / {raw['connections']:.0f}",
        "(info)",
        None,
    )
    if sdk["requests"] != raw["requests"]:
        print(f"NOTE: the sides made different numbers of requests ({sdk['requests']:.0f} vs {raw['requests']:.0f}).")


def _many_run(server: SimulatorProcess, side: str, tasks: int, concurrency: int) -> dict[str, Any]:
    ids = server.create_tasks(MANY_PROVIDER, MANY_STEPS, tasks)
    warm_id = server.create_task(MANY_PROVIDER, [succeeded()])
    server.take_stats()
    job = {
        "side": side,
        "provider": MANY_PROVIDER,
        "base_url": server.base_url(MANY_PROVIDER),
        "api_key": server.api_key(MANY_PROVIDER),
        "ids": ids,
        "warm_id": warm_id,
        "concurrency": concurrency,
        "policy": FAST_POLICY,
    }
    result: dict[str, Any] = run_worker("many", job)
    stats = server.take_stats()
    result["requests"] = stats["requests"] - WARMUP_REQUESTS
    result["connections"] = stats["connections"]
    result["tasks"] = tasks
    return result


def many_worker() -> None:
    """Child process: one timed wait over many tasks, by taskpoll or by a raw httpx loop."""
    job = json.load(sys.stdin)
    run = _many_taskpoll if job["side"] == "taskpoll" else _many_raw
    _emit(asyncio.run(run(job)))


async def _timed_wait(
    job: Mapping[str, Any], wait: Callable[[], Any], succeeded: Callable[[Any], bool]
) -> dict[str, Any]:
    gc.collect()
    before = rss_bytes()
    reset = reset_peak_rss()
    wall, cpu = time.perf_counter(), time.process_time()
    outcomes = await wait()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = peak_rss_bytes()
    growth = peak - before if peak is not None and before is not None and reset else None
    return {
        "side": job["side"],
        "wall": wall,
        "cpu": cpu,
        "rss_growth": growth,
        "succeeded": sum(1 for outcome in outcomes if succeeded(outcome)),
    }


async def _many_taskpoll(job: Mapping[str, Any]) -> dict[str, Any]:
    policy = PollPolicy(**job["policy"])
    async with taskpoll.AsyncClient(
        job["provider"], base_url=job["base_url"], api_key=job["api_key"], policy=policy, rate_limit=math.inf
    ) as client:
        await client.get(job["warm_id"])
        return await _timed_wait(
            job,
            lambda: client.wait_many(job["ids"], concurrency=job["concurrency"], timeout=None),
            lambda outcome: isinstance(outcome, taskpoll.Task) and outcome.state is TaskState.SUCCEEDED,
        )


async def _many_raw(job: Mapping[str, Any]) -> dict[str, Any]:
    provider, base_url, policy = job["provider"], job["base_url"], job["policy"]
    semaphore = asyncio.Semaphore(job["concurrency"])
    rng = random.Random()
    async with httpx.AsyncClient(headers=raw_headers(provider, job["api_key"]), timeout=30) as http:

        async def poll(task_id: str) -> dict[str, Any]:
            url = raw_url(base_url, provider, task_id)
            while True:
                async with semaphore:
                    response = await http.get(url)
                data: dict[str, Any] = json.loads(response.content)
                if data["status"] in ("Ready", "Failed"):
                    return data
                # Every poll sees a new state, so taskpoll's backoff stays at initial_delay: do the same.
                jitter = 1.0 + policy["jitter"] * (2.0 * rng.random() - 1.0)
                await asyncio.sleep(max(policy["min_delay"], policy["initial_delay"] * jitter))

        json.loads((await http.get(raw_url(base_url, provider, job["warm_id"]))).content)
        return await _timed_wait(
            job,
            lambda: asyncio.gather(*(poll(task_id) for task_id in job["ids"])),
            lambda outcome: outcome["status"] == "Ready",
        )


# 4. Policy efficiency on a fake clock ------------------------------------------------------------

MIN_DURATION, MAX_DURATION = 1.0, 1800.0
FIXED_CADENCES = (0.5, 1.0, 2.0, 5.0, 30.0)


@dataclass(frozen=True)
class PolicyResult:
    name: str
    fixed: bool
    requests: float  # mean per task
    delay_median: float
    delay_p95: float
    relative_median: float
    relative_p95: float


def fixed_policy(seconds: float) -> PollPolicy:
    return PollPolicy(initial_delay=seconds, multiplier=1.0, max_delay=seconds, jitter=0.0, min_delay=0.0)


def _artos_response(status: str) -> httpx.Response:
    request = httpx.Request("GET", "https://api.artosai.com/api/v1/documents/status/doc-1")
    body = {"task_id": "doc-1", "status": status, "progress": None, "error": None}
    return httpx.Response(200, json=body, request=request)


GENERATING, READY = _artos_response("Generating"), _artos_response("Ready")


def simulate_wait(policy: PollPolicy, duration: float, seed: int) -> tuple[int, float]:
    """(requests, detection delay) of one wait on a fake clock; requests take no time."""
    flow = wait_flow(get_provider("artos"), "doc-1", policy, timeout=math.inf, started=0.0, rng=random.Random(seed))
    now = last_fetch = 0.0
    requests = 0
    reply: Reply | None = None
    while True:
        try:
            command = next(flow) if reply is None else flow.send(reply)
        except StopIteration as stop:
            assert stop.value.state is TaskState.SUCCEEDED
            return requests, last_fetch - duration
        if isinstance(command, Fetch):
            requests, last_fetch = requests + 1, now
            reply = Reply(now, response=READY if now >= duration else GENERATING)
        elif isinstance(command, Sleep):
            now += command.seconds
            reply = Reply(now)
        else:  # Observe
            reply = Reply(now)


def evaluate_policy(name: str, policy: PollPolicy, durations: Sequence[float], fixed: bool = False) -> PolicyResult:
    outcomes = [simulate_wait(policy, duration, seed) for seed, duration in enumerate(durations)]
    delays = [delay for _, delay in outcomes]
    relative = [delay / duration for delay, duration in zip(delays, durations, strict=True)]
    return PolicyResult(
        name,
        fixed,
        statistics.fmean(requests for requests, _ in outcomes),
        statistics.median(delays),
        percentile(delays, 0.95),
        statistics.median(relative),
        percentile(relative, 0.95),
    )


def bench_policy(config: Config) -> None:
    samples = config.policy_samples
    heading(f"4. Polling policies on a fake clock: {samples:,} tasks, durations log-uniform 1 s to 30 min")
    rng = random.Random(config.seed)
    durations = [math.exp(rng.uniform(math.log(MIN_DURATION), math.log(MAX_DURATION))) for _ in range(samples)]
    print(
        f"durations: median {statistics.median(durations):.1f} s, "
        f"mean {statistics.fmean(durations):.1f} s (seed {config.seed})"
    )
    default = evaluate_policy("taskpoll PollPolicy()", PollPolicy(), durations)
    fixed = [evaluate_policy(f"fixed {c:g} s", fixed_policy(c), durations, fixed=True) for c in FIXED_CADENCES]
    google = PollPolicy(initial_delay=1.0, multiplier=1.5, max_delay=20.0, jitter=0.0, min_delay=0.0)
    others = [evaluate_policy("google-api-core 1-20 s x1.5", google, durations)]
    others += [evaluate_policy(f"{p} default", get_provider(p).default_policy, durations) for p in PROVIDERS]
    rows = [
        [
            r.name,
            f"{r.requests:.1f}",
            f"{r.delay_median:.2f}",
            f"{r.delay_p95:.2f}",
            f"{r.relative_median:.1%}",
            f"{r.relative_p95:.1%}",
        ]
        for r in [default, *fixed, *others]
    ]
    print(table(["policy", "requests/task", "delay median s", "delay p95 s", "rel. median", "rel. p95"], rows))
    print(
        "delay: time from the task's true completion to the poll that saw it; rel.: delay / duration. "
        "Requests take no\n"
        "time. Provider defaults are run without server hints (Notion's poll_after_seconds would set its pace)."
    )
    as_good = [r for r in fixed if r.relative_median <= default.relative_median]
    cheaper = all(default.requests < r.requests for r in as_good)
    met = default.relative_median <= TARGET_MEDIAN_RELATIVE_DELAY and cheaper
    compared = ", ".join(f"{r.name} {r.requests:.1f}" for r in as_good) or "none is as good"
    print(
        f"PollPolicy(): median relative delay {default.relative_median:.1%} with {default.requests:.1f} requests/task; "
        f"fixed cadences with a median relative delay at least as good: {compared}. Target met: {met}"
    )
    check(
        "policy: PollPolicy() median relative delay",
        f"{default.relative_median:.1%}",
        f"<= {TARGET_MEDIAN_RELATIVE_DELAY:.0%}",
        default.relative_median <= TARGET_MEDIAN_RELATIVE_DELAY,
    )
    check(
        "policy: requests/task vs the cheapest fixed cadence as good",
        f"{default.requests:.1f} vs {min((r.requests for r in as_good), default=math.nan):.1f}",
        "fewer",
        cheaper,
    )


# Main ------------------------------------------------------------------------------------------


def print_environment(config: Config) -> None:
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    print(f"taskpoll benchmark ({'quick' if config.quick else 'full'} mode)")
    print(f"python {platform.python_implementation()} {platform.python_version()} on {platform.platform()}")
    print(f"CPUs: {os.cpu_count()} (usable by this process: {affinity})")
    print(f"taskpoll {taskpoll.__version__}, httpx {httpx.__version__}; simulator in a child process on 127.0.0.1")


def print_summary() -> None:
    heading("Summary: measured vs target")
    verdict = {True: "met", False: "NOT MET", None: "-"}
    print(
        table(
            ["measure", "measured", "target", "result"],
            [[c.name, c.measured, c.target, verdict[c.met]] for c in CHECKS],
        )
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="smaller sizes and fewer repeats (about a minute)")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("--seed", type=int, default=20260311, help="seed of the policy benchmark's durations")
    parser.add_argument("--worker", choices=("serve", "many", "rss"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    unknown = set(args.only.split(",")) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    return args


WORKERS = {"serve": serve_worker, "many": many_worker, "rss": rss_worker}


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        WORKERS[args.worker]()
        return 0
    config = Config.make(args.quick, args.seed)
    sections = args.only.split(",")
    print_environment(config)
    started = time.perf_counter()
    if {"poll", "large", "many"} & set(sections):
        with simulator_process() as server:
            for name, bench in (("poll", bench_poll), ("large", bench_large), ("many", bench_many)):
                if name in sections:
                    began = time.perf_counter()
                    bench(server, config)
                    print(f"({name}: {time.perf_counter() - began:.0f} s)")
    if "policy" in sections:
        began = time.perf_counter()
        bench_policy(config)
        print(f"(policy: {time.perf_counter() - began:.0f} s)")
    print_summary()
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
