"""2. A large Aryn result: the typed parse against json.loads, in time and in memory."""

from __future__ import annotations

import gc
import json
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx

import taskpoll
from taskpoll._http import Answer
from taskpoll.providers import get as get_provider
from taskpoll.simulator import SimulatorProcess, succeeded

from ._common import (
    RAW_PARAMS,
    TARGET_PARSE_MEMORY,
    TARGET_PARSE_RATIO,
    Config,
    Timing,
    check,
    emit,
    gc_paused,
    heading,
    interleave,
    mb,
    measure,
    median_wall,
    ms,
    peak_rss_bytes,
    raw_headers,
    raw_url,
    reset_peak_rss,
    rss_bytes,
    run_worker,
    table,
    traced_memory,
)


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
        answer = _answer(response)
        task = provider.read(task_id, answer)
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
                "provider.read (typed)": lambda: measure(lambda: provider.read(task_id, answer)),
                "  of which from_dict": lambda: measure(lambda: result_type.from_dict(decoded)),
                "json.loads, GC paused": lambda: measure(gc_paused(lambda: json.loads(body))),
                "provider.read, GC paused": lambda: measure(gc_paused(lambda: provider.read(task_id, answer))),
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
        typed_ratio = median_wall(parse["provider.read (typed)"]) / json_time
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

        _large_memory(provider, task_id, answer, body)


def _answer(response: httpx.Response) -> Answer:
    """The response as the clients hand it to an adapter's `read` (status, headers, decoded body)."""
    return Answer(response.status_code, response.headers, response.content, response.reason_phrase)


def _rows(samples: Mapping[str, Sequence[Timing]], reference: float) -> list[list[str]]:
    return [
        [name, ms(median_wall(runs)), ms(min(t.wall for t in runs)), f"{median_wall(runs) / reference:.2f}"]
        for name, runs in samples.items()
    ]


def _large_memory(provider: Any, task_id: str, answer: Answer, body: bytes) -> None:
    size = len(body)
    print()
    print("Memory beyond the body itself (the body is allocated before measuring starts):")
    rows = []
    traced = {
        "json.loads(body)": traced_memory(lambda: json.loads(body)),
        "provider.read (typed)": traced_memory(lambda: provider.read(task_id, answer)),
    }
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "body.json"
        path.write_bytes(body)
        rss = {
            name: run_worker("rss", {"mode": mode, "path": str(path), "task_id": task_id})
            for name, mode in (("json.loads(body)", "json"), ("provider.read (typed)", "typed"))
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
    typed_peak = traced["provider.read (typed)"][0] / size
    check(
        "large result: typed parse peak memory / body (tracemalloc)",
        f"{typed_peak:.2f}x",
        f"<= {TARGET_PARSE_MEMORY}x",
        typed_peak <= TARGET_PARSE_MEMORY,
    )
    typed_rss = rss["provider.read (typed)"]
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
    request = httpx.Request("GET", raw_url("http://127.0.0.1/aryn", "aryn", "x"))
    small = httpx.Response(200, json={"status": [], "status_code": 200, "elements": []}, request=request)
    provider.read("x", _answer(small))  # import and initialise everything the parse touches
    response = httpx.Response(200, content=Path(job["path"]).read_bytes(), request=request)
    response.read()
    parse: Callable[[], object] = (
        (lambda: json.loads(response.content))
        if job["mode"] == "json"
        else (lambda: provider.read(job["task_id"], _answer(response)))
    )
    gc.collect()
    before = rss_bytes()
    reset = reset_peak_rss()
    kept = parse()
    peak, after = peak_rss_bytes(), rss_bytes()
    del kept
    emit({"before": before, "peak": peak, "after": after, "reset": reset})
