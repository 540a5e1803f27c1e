"""5. Streaming a large Aryn result: Client.iter_elements against Client.wait and httpx + json.loads."""

from __future__ import annotations

import contextlib
import gc
import json
import math
import statistics
import sys
import time
from typing import Any

import httpx

import taskpoll
from taskpoll.simulator import SimulatorProcess, succeeded

from ._common import (
    RAW_PARAMS,
    TARGET_STREAM_RSS,
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
)

SIDES = ("raw", "wait", "iter_elements")


def bench_stream(server: SimulatorProcess, config: Config) -> None:
    elements = config.large_elements
    heading(f"5. Streaming a large result: Aryn, {elements:,} elements, iter_elements vs wait vs httpx + json.loads")
    task_id = server.create_task("aryn", [succeeded(size=elements)])
    base_url, key = server.base_url("aryn"), server.api_key("aryn")
    with httpx.Client(headers=raw_headers("aryn", key), timeout=300) as http:
        # The simulator renders a result once, then serves it from its cache: render it before timing.
        size = len(http.get(raw_url(base_url, "aryn", task_id), params=RAW_PARAMS["aryn"]).content)
    rounds = max(2, config.large_rounds - 2)
    print(
        f"body {mb(size)} ({size:,} bytes) over loopback; {rounds} runs per side, each in a fresh process, alternating;"
        "\npeak RSS growth = peak RSS during the call - RSS just before it (imports done, connection warm)."
    )
    job = {"base_url": base_url, "api_key": key, "task_id": task_id, "elements": elements}
    runs: dict[str, list[dict[str, Any]]] = {side: [] for side in SIDES}
    for index in range(rounds):
        for side in SIDES if index % 2 == 0 else tuple(reversed(SIDES)):
            runs[side].append(run_worker("stream", {**job, "side": side}))
    raw_wall = statistics.median(r["wall"] for r in runs["raw"])
    rows, medians = [], {}
    for side, side_runs in runs.items():
        m = {k: statistics.median(r[k] for r in side_runs) for k in ("wall", "cpu", "growth", "first")}
        medians[side] = m
        rows.append(
            [
                {"raw": "httpx get + json.loads", "wait": "Client.wait (typed, whole)"}.get(
                    side, "Client.iter_elements"
                ),
                f"{m['wall'] * 1000:,.0f}",
                f"{m['wall'] / raw_wall:.2f}",
                f"{m['cpu'] * 1000:,.0f}",
                f"{m['first'] * 1000:,.0f}",
                mb(m["growth"]),
                f"{m['growth'] / size:.2f}x",
                ", ".join(mb(r["growth"]) for r in side_runs),
            ]
        )
    headers = ["side", "wall ms", "x raw", "CPU ms", "1st item ms", "peak RSS growth", "/ body", "per run"]
    print(table(headers, rows))
    print("1st item: wall time until the first element is in hand (raw and wait: the whole list is).")
    growth = medians["iter_elements"]["growth"]
    check(
        "stream: iter_elements peak RSS growth, 100k Aryn elements"
        if elements == 100_000
        else f"stream: iter_elements peak RSS growth, {elements:,} elements",
        mb(growth),
        f"<= {mb(TARGET_STREAM_RSS)}",
        growth <= TARGET_STREAM_RSS,
    )
    check(
        "stream: iter_elements wall / Client.wait wall",
        f"{medians['iter_elements']['wall'] / medians['wait']['wall']:.2f}",
        "(info)",
        None,
    )


def stream_worker() -> None:
    """Child process: one side's read of the large result, with its peak RSS growth."""
    job = json.load(sys.stdin)
    base_url, key, task_id = job["base_url"], job["api_key"], job["task_id"]
    policy = taskpoll.PollPolicy(request_timeout=300)
    client = taskpoll.Client("aryn", base_url=base_url, api_key=key, policy=policy, rate_limit=math.inf)
    http = httpx.Client(headers=raw_headers("aryn", key), timeout=300)
    url, params = raw_url(base_url, "aryn", task_id), RAW_PARAMS["aryn"]
    with client, http:
        http.get(url + "-warm", params=params)  # a 404: the connection and the code paths are warm
        with contextlib.suppress(taskpoll.NotFoundError):
            client.get(task_id + "-warm")
        gc.collect()
        before = rss_bytes()
        reset = reset_peak_rss()
        first = math.nan
        wall, cpu = time.perf_counter(), time.process_time()
        if job["side"] == "raw":
            count = len(json.loads(http.get(url, params=params).content)["elements"])
            first = time.perf_counter() - wall
        elif job["side"] == "wait":
            result = client.wait(task_id).result
            count = len(result.elements) if result is not None else 0
            first = time.perf_counter() - wall
        else:
            count = 0
            for _ in client.iter_elements(task_id):
                if count == 0:
                    first = time.perf_counter() - wall
                count += 1
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = peak_rss_bytes()
    assert count == job["elements"], count
    growth = peak - before if reset and peak is not None and before is not None else math.nan
    emit({"wall": wall, "cpu": cpu, "growth": growth, "first": first})
