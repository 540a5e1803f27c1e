"""3. Many tasks: one AsyncClient.wait_many against a raw httpx.AsyncClient loop."""

from __future__ import annotations

import asyncio
import gc
import json
import math
import random
import socket
import statistics
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

import taskpoll
from taskpoll import PollPolicy, TaskState
from taskpoll.simulator import SimulatorProcess, pending, running, succeeded

from ._common import (
    TARGET_AIOHTTP_THROUGHPUT_RATIO,
    TARGET_RSS_PER_TASK,
    TARGET_THROUGHPUT_RATIO,
    Config,
    check,
    emit,
    heading,
    mb,
    peak_rss_bytes,
    raw_headers,
    raw_url,
    reset_peak_rss,
    rss_bytes,
    run_worker,
    table,
    us,
)

MANY_PROVIDER = "artos"
MANY_STEPS = (pending(), running(), succeeded())
FAST_POLICY = {"initial_delay": 0.05, "max_delay": 0.2, "jitter": 0.1, "min_delay": 0.0}
WARMUP_REQUESTS = 1  # each worker polls one extra task once before its timed run


def bench_many(server: SimulatorProcess, config: Config) -> None:
    tasks, concurrency = config.many_tasks, config.many_concurrency
    heading(f"3. Many tasks: AsyncClient.wait_many (httpx, aiohttp transports) vs a raw httpx loop, {tasks:,} tasks")
    print(
        f"{MANY_PROVIDER} tasks {[s.state for s in MANY_STEPS]}, concurrency {concurrency}, delays "
        f"{FAST_POLICY['initial_delay']} s +/- {FAST_POLICY['jitter']:.0%}; {config.many_rounds} timed runs per side "
        "(fresh process each), alternating, after a smaller warm-up run each."
    )
    sides = ("taskpoll", "raw", "taskpoll aiohttp")
    warmup = {side: _many_run(server, side, min(tasks, 500), concurrency) for side in sides}
    runs: dict[str, list[dict[str, Any]]] = {side: [] for side in sides}
    for index in range(config.many_rounds):
        for side in sides if index % 2 == 0 else tuple(reversed(sides)):
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
        "wait - RSS just before it) / tasks; conns: TCP connections the client opened in the timed part (counted\n"
        "in the client: the server's distinct peers undercount them, as Linux reuses a closed loopback port at once)."
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
    fast = medians["taskpoll aiohttp"]
    fast_ratio = (fast["requests"] / fast["wall"]) / (raw["requests"] / raw["wall"])
    check(
        "many tasks: throughput taskpoll aiohttp transport / raw httpx",
        f"{fast_ratio:.2f}",
        f">= {TARGET_AIOHTTP_THROUGHPUT_RATIO}",
        fast_ratio >= TARGET_AIOHTTP_THROUGHPUT_RATIO,
    )
    check(
        "many tasks: connections opened, aiohttp transport",
        f"{fast['connections']:.0f}",
        f"<= {concurrency} (the concurrency)",
        fast["connections"] <= concurrency,
    )
    if sdk["requests"] != raw["requests"]:
        print(f"NOTE: the sides made different numbers of requests ({sdk['requests']:.0f} vs {raw['requests']:.0f}).")


def _many_run(server: SimulatorProcess, side: str, tasks: int, concurrency: int) -> dict[str, Any]:
    ids = server.create_tasks(MANY_PROVIDER, MANY_STEPS, tasks)
    warm_id = server.create_task(MANY_PROVIDER, [succeeded()])
    server.stats(reset=True)
    server.clear_requests()  # the request log would otherwise grow for the whole run
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
    stats = server.stats(reset=True)
    server.clear_requests()
    result["requests"] = stats["requests"] - WARMUP_REQUESTS
    result["peers"] = stats["connections"]
    result["tasks"] = tasks
    return result


def many_worker() -> None:
    """Child process: one timed wait over many tasks, by taskpoll or by a raw httpx loop."""
    job = json.load(sys.stdin)
    run = _many_raw if job["side"] == "raw" else _many_taskpoll
    emit(asyncio.run(run(job)))


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
    transport = "aiohttp" if job["side"] == "taskpoll aiohttp" else "httpx"
    async with taskpoll.AsyncClient(
        job["provider"],
        base_url=job["base_url"],
        api_key=job["api_key"],
        policy=policy,
        rate_limit=math.inf,
        transport=transport,
    ) as client:
        await client.get(job["warm_id"])
        connects = count_connects()
        result = await _timed_wait(
            job,
            lambda: client.wait_many(job["ids"], concurrency=job["concurrency"], timeout=None),
            lambda outcome: isinstance(outcome, taskpoll.Task) and outcome.state is TaskState.SUCCEEDED,
        )
        return result | {"connections": connects()}


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
        connects = count_connects()
        result = await _timed_wait(
            job,
            lambda: asyncio.gather(*(poll(task_id) for task_id in job["ids"])),
            lambda outcome: outcome["status"] == "Ready",
        )
        return result | {"connections": connects()}


def count_connects() -> Callable[[], int]:
    """Count the TCP connections this process opens from now on (benchmark instrumentation: every
    connect, whatever library makes it, goes through `socket.socket.connect`; each side of the
    benchmark runs in a process of its own)."""
    count = [0]
    connect = socket.socket.connect

    def counted(self: socket.socket, address: Any) -> None:
        count[0] += 1
        connect(self, address)

    socket.socket.connect = counted  # type: ignore[method-assign]
    return lambda: count[0]
