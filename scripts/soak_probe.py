"""Where the fault soak's time goes: run tests/test_soak.py's workload with probes on.

    python3 scripts/dev.py run python scripts/soak_probe.py [--rounds 1] [--concurrency 64 16] [--no-trace]
        [--keepalive N] [--profile]

--no-trace drops the httpcore trace (it costs CPU and changes the figures; phases are then unknown),
--keepalive overrides DEFAULT_LIMITS.max_keepalive_connections, --profile prints a cProfile of the run.

Probes, all on the client's clock (monotonic):
- event-loop lag: a ticker task sleeps 10 ms and records how late it woke;
- every request's phases from httpcore's `trace` extension: from `_send` to the pool handing out a
  connection (`pool wait`: the first trace event), connect, send headers, receive headers, body;
- for each request that failed, the phase it was in and whether the server ever logged it;
- the kernel's listen-queue counters (ListenOverflows, ListenDrops, TCPReqQFullDrop) before and after;
- requests in flight per client, sampled by the ticker;
- for the waits that end at their deadline, how late they ended and the loop lag around then.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

import taskpoll  # noqa: E402
from taskpoll import _http  # noqa: E402
from taskpoll.simulator import SimulatorProcess  # noqa: E402
from tests import test_soak as soak  # noqa: E402


def netstat() -> dict[str, int]:
    counters: dict[str, int] = {}
    lines = Path("/proc/net/netstat").read_text().splitlines()
    for names, values in zip(lines[::2], lines[1::2], strict=True):
        prefix = names.split(":")[0]
        for name, value in zip(names.split()[1:], values.split()[1:], strict=True):
            counters[f"{prefix}.{name}"] = int(value)
    return counters


WATCHED = ("TcpExt.ListenOverflows", "TcpExt.ListenDrops", "TcpExt.TCPReqQFullDrop", "TcpExt.TCPBacklogDrop")


def pct(values: list[float], q: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Probe:
    def __init__(self) -> None:
        self.lag: list[tuple[float, float]] = []  # (when, how late the 10 ms tick woke)
        self.requests: list[dict[str, Any]] = []
        self.in_flight = 0
        self.in_flight_samples: list[int] = []
        self.trace = True

    async def ticker(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            before = time.monotonic()
            await asyncio.sleep(0.01)
            after = time.monotonic()
            self.lag.append((after, after - before - 0.01))
            self.in_flight_samples.append(self.in_flight)

    def patch(self) -> None:
        original = httpx.AsyncClient.send
        probe = self
        self.clipped: Counter[str] = Counter()
        original_clip = _http._clip

        def clip(timeout: float | None, error: type[Exception]) -> float | None:
            try:
                return original_clip(timeout, error)
            except Exception:
                probe.clipped[error.__name__] += 1
                raise

        _http._clip = clip

        async def send(client: httpx.AsyncClient, request: httpx.Request, **kwargs: Any) -> httpx.Response:
            record: dict[str, Any] = {"start": time.monotonic(), "events": [], "task": request.url.path}
            record["timeout"] = request.extensions.get("timeout", {}).get("read")

            async def trace(name: str, info: dict[str, Any]) -> None:
                record["events"].append((name, time.monotonic()))

            if probe.trace:
                request.extensions["trace"] = trace
            probe.requests.append(record)
            probe.in_flight += 1
            try:
                response = await original(client, request, **kwargs)
            except BaseException as exc:
                record["error"] = type(exc).__name__
                record["end"] = time.monotonic()
                probe.in_flight -= 1
                raise
            record["status"] = response.status_code
            original_aclose = response.aclose

            async def aclose() -> None:
                await original_aclose()
                if "end" not in record:
                    record["end"] = time.monotonic()
                    probe.in_flight -= 1

            response.aclose = aclose  # type: ignore[method-assign]
            return response

        httpx.AsyncClient.send = send  # type: ignore[method-assign]


def phase_of(record: dict[str, Any]) -> str:
    """The phase a failed request was in: the last `.started` without its `.complete`."""
    open_phase = "pool wait"
    for name, _ in record["events"]:
        base, _, what = name.rpartition(".")
        if what == "started":
            open_phase = base
        elif what in ("complete", "failed"):
            open_phase = "after " + base
    return open_phase


def first(record: dict[str, Any], name: str) -> float | None:
    for event, when in record["events"]:
        if event == name:
            return float(when)
    return None


PROFILE = False


def run_once(concurrency: int, trace: bool) -> None:
    probe = Probe()
    probe.trace = trace
    probe.patch()
    with SimulatorProcess("--seed", "2026", "--notion-poll-after", str(soak.NOTION_POLL_AFTER)) as sim:
        sim.set_faults(soak.FAULTS)
        expected: dict[str, str] = {}
        ids: dict[str, list[str]] = {p: [] for p in soak.PROVIDERS}
        for provider in soak.PROVIDERS:
            for index in range(soak.TASKS_PER_PROVIDER):
                steps, expect = soak.script(provider, index)
                task_id = sim.create_task(provider, steps, task_id=f"soak-{provider}-{index}")
                ids[provider].append(task_id)
                expected[task_id] = expect

        async def main() -> tuple[dict[str, Any], dict[str, float], dict[str, float]]:
            stop = asyncio.Event()
            ticker = asyncio.create_task(probe.ticker(stop))
            outcomes: dict[str, Any] = {}
            ended: dict[str, float] = {}
            began: dict[str, float] = {}

            async def one(provider: str, task_ids: list[str], timeout: float) -> None:
                client: taskpoll.AsyncClient[Any] = taskpoll.AsyncClient(
                    provider,
                    base_url=sim.base_url(provider),
                    api_key=sim.api_key(provider),
                    policy=soak.POLICY.with_changes(follow_hint=provider == "notion"),
                    rate_limit=math.inf,
                )
                async with client:
                    began.update(dict.fromkeys(task_ids, time.monotonic()))
                    async for outcome in client.as_completed(task_ids, timeout=timeout, concurrency=concurrency):
                        key = outcome.id if isinstance(outcome, taskpoll.Task) else outcome.task_id
                        outcomes[key] = outcome
                        ended[key] = time.monotonic()

            groups = []
            for provider in soak.PROVIDERS:
                unfinished = [t for t in ids[provider] if expected[t] == "WaitTimeoutError"]
                groups.append(one(provider, [t for t in ids[provider] if t not in unfinished], soak.GENEROUS))
                groups.append(one(provider, unfinished, soak.DEADLINE))
            await asyncio.gather(*groups)
            stop.set()
            await ticker
            return outcomes, ended, began

        before = netstat()
        cpu = time.process_time()
        wall = time.monotonic()
        t0 = wall
        if PROFILE:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            outcomes, ended, began = profiler.runcall(asyncio.run, main())
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        else:
            outcomes, ended, began = asyncio.run(main())
        wall = time.monotonic() - wall
        cpu = time.process_time() - cpu
        after = netstat()
        log = sim.requests()
        stats = sim.stats()

    served = Counter(r.task_id for r in log if r.task_id)
    lags = [lag for _, lag in probe.lag]
    print(f"\n== concurrency {concurrency} per client, 10 clients; wall {wall:.1f} s, {len(probe.requests)} requests")
    print(f"simulator stats: {stats}; client CPU {cpu:.1f} s in {wall:.1f} s ({cpu / wall:.0%} of a core)")
    print("per second: max loop lag ms / requests started / timed out (by start second)")
    line = []
    for second in range(int(wall) + 1):
        lo, hi = t0 + second, t0 + second + 1
        lag_max = max((lag for when, lag in probe.lag if lo <= when < hi), default=0.0)
        started_n = sum(1 for r in probe.requests if lo <= r["start"] < hi)
        failed_n = sum(1 for r in probe.requests if lo <= r["start"] < hi and "error" in r)
        line.append(f"{second}:{lag_max * 1000:.0f}/{started_n}/{failed_n}")
    print("  " + " ".join(line))
    print("kernel: " + ", ".join(f"{k.split('.')[1]} +{after.get(k, 0) - before.get(k, 0)}" for k in WATCHED))
    print(
        f"loop lag (10 ms ticker, {len(lags)} ticks): median {statistics.median(lags) * 1000:.0f} ms, "
        f"p90 {pct(lags, 0.9) * 1000:.0f}, p99 {pct(lags, 0.99) * 1000:.0f}, max {max(lags) * 1000:.0f}"
    )
    print(
        f"requests in flight (sampled): median {statistics.median(probe.in_flight_samples):.0f}, "
        f"max {max(probe.in_flight_samples)}"
    )

    done = [r for r in probe.requests if "end" in r]
    durations = [r["end"] - r["start"] for r in done]
    pool_waits = []
    for r in done:
        t = r["events"][0][1] if r["events"] else r["end"]
        pool_waits.append(t - r["start"])
    connects = [
        c - s
        for r in done
        if (s := first(r, "connection.connect_tcp.started")) is not None
        and (c := first(r, "connection.connect_tcp.complete")) is not None
    ]
    print(
        f"request duration: median {statistics.median(durations) * 1000:.0f} ms, p90 {pct(durations, 0.9) * 1000:.0f}, "
        f"max {max(durations) * 1000:.0f}; before the first trace event (pool wait + scheduling): "
        f"median {statistics.median(pool_waits) * 1000:.1f} ms, p99 {pct(pool_waits, 0.99) * 1000:.0f}, "
        f"max {max(pool_waits) * 1000:.0f}"
    )
    new_connections = sum(1 for r in done if first(r, "connection.connect_tcp.started") is not None)
    print(
        f"new connections: {new_connections} of {len(done)} requests; connect_tcp: median "
        f"{pct(connects, 0.5) * 1000:.1f} ms, p99 {pct(connects, 0.99) * 1000:.0f}, "
        f"max {max(connects, default=math.nan) * 1000:.0f}"
    )
    failures = Counter((r["error"], phase_of(r)) for r in done if "error" in r)
    print(f"failed requests by (error, phase): {dict(failures.most_common())}")
    print(f"of those, raised before the I/O began (the request's time was already spent): {dict(probe.clipped)}")

    # The lag around each failed request: the worst tick while it was in flight.
    ticks = probe.lag

    def worst_lag(start: float, end: float) -> float:
        return max((lag for when, lag in ticks if start <= when <= end + 0.05), default=0.0)

    timeouts = [r for r in done if r.get("error", "").endswith("Timeout")]
    if timeouts:
        worst = [worst_lag(r["start"], r["end"]) for r in timeouts]
        waited = [(r["events"][0][1] if r["events"] else r["end"]) - r["start"] for r in timeouts]
        print(
            f"timed-out requests: {len(timeouts)}; the worst loop lag while each was in flight: median "
            f"{statistics.median(worst) * 1000:.0f} ms, min {min(worst) * 1000:.0f}; before their first "
            f"trace event: median {statistics.median(waited) * 1000:.0f} ms"
        )

    timed_out = [t for t, o in outcomes.items() if isinstance(o, taskpoll.WaitTimeoutError)]
    late = sorted(((ended[t] - began[t] - soak.DEADLINE), t) for t in timed_out)
    print(
        f"waits ending at their deadline: {len(timed_out)}; end - deadline: min {late[0][0] * 1000:.0f} ms, "
        f"median {statistics.median(x for x, _ in late) * 1000:.0f}, max {late[-1][0] * 1000:.0f}"
    )
    deadline_at = min(began[t] for t in timed_out) + soak.DEADLINE
    print(
        f"loop lag in the second before the deadline: max {worst_lag(deadline_at - 1, deadline_at) * 1000:.0f} ms; "
        f"in the 1.5 s after it: max {worst_lag(deadline_at, deadline_at + 1.5) * 1000:.0f} ms"
    )
    surprises = Counter((soak.describe(o), expected[t]) for t, o in outcomes.items() if soak.describe(o) != expected[t])
    print(f"outcome vs expected (mismatches): {dict(surprises)}")
    unlogged = Counter()
    for t, o in outcomes.items():
        if soak.describe(o) != expected[t] and isinstance(o, taskpoll.APITimeoutError):
            unlogged[str(o).split("(")[-1].rstrip(")")] += 1
    print(f"mismatched waits' last errors: {dict(unlogged)}; requests served: {sum(served.values())}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--concurrency", type=int, nargs="*", default=[64])
    parser.add_argument("--no-trace", action="store_true", help="no httpcore trace (less overhead, fewer figures)")
    parser.add_argument("--keepalive", type=int, help="override DEFAULT_LIMITS.max_keepalive_connections")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    global PROFILE
    PROFILE = args.profile
    if args.keepalive is not None:
        _http.DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=args.keepalive)
        import taskpoll._client

        taskpoll._client.DEFAULT_LIMITS = _http.DEFAULT_LIMITS  # type: ignore[attr-defined]
    for _ in range(args.rounds):
        for concurrency in args.concurrency:
            run_once(concurrency, not args.no_trace)


if __name__ == "__main__":
    main()
