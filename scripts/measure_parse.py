#!/usr/bin/env python3
"""Measure the typed parse of a large result against json.loads of the same body.

    python scripts/measure_parse.py                      # Aryn, 100,000 elements, 7 runs
    python scripts/measure_parse.py --provider unsiloed  # Unsiloed chunks (segments with OCR words)
    python scripts/measure_parse.py --size 20000 --runs 5
    python scripts/measure_parse.py --recipes            # the application-side GC recipes (docs/benchmarks.md)
    python scripts/measure_parse.py --count              # allocations, tracked objects, collections (no timing)

For each run, in one process and interleaved: CPU time (time.process_time) of `json.loads(body)`, and of
`Model.from_dict(json.loads(body))`, the whole typed parse the adapters do. Both with the GC on (the
default; nothing is paused) and with the GC off. Prints the medians and the ratio typed / json.loads.
The body is built from taskpoll.simulator._results exactly as the simulator's succeeded(size=...) result.
Runs on any CPython >= 3.11 where taskpoll and the generated packages are importable.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import statistics
import time
from collections.abc import Callable
from typing import Any

from taskpoll.simulator.providers import aryn, unsiloed


def aryn_body(size: int) -> tuple[bytes, Callable[[Any], object]]:
    from taskpoll_aryn_api.models import PartitionerResponse

    pages = max(1, size // 40 + 1)
    data = {
        "status": aryn.aryn_status_lines(pages),
        "status_code": 200,
        "elements": aryn.aryn_elements(size, "measure-aryn"),
    }
    return json.dumps(data).encode(), PartitionerResponse.from_dict


def unsiloed_body(size: int) -> tuple[bytes, Callable[[Any], object]]:
    from taskpoll_unsiloed_api.models import ParseGetResponse

    chunks = unsiloed.unsiloed_chunks(size, "measure-unsiloed")
    data = {
        "job_id": "measure-unsiloed",
        "status": "Succeeded",
        "created_at": "2026-12-01T10:00:00Z",
        "started_at": "2026-12-01T10:00:01Z",
        "finished_at": "2026-12-01T10:00:09Z",
        "metadata": {},
        "file_name": "document.pdf",
        "file_type": "application/pdf",
        "chunks": chunks,
        "total_chunks": len(chunks),
        "page_count": max(1, len(chunks) // 4 + 1),
        "pdf_url": "https://unsiloed-output.s3.amazonaws.com/x/output.pdf?X-Amz-Expires=3600",
        "credit_used": max(1, len(chunks) // 4 + 1),
        "merge_tables": False,
    }
    return json.dumps(data).encode(), ParseGetResponse.from_dict


def cpu(work: Callable[[], object], gc_on: bool) -> float:
    gc.collect()
    was = gc.isenabled()
    if not gc_on:
        gc.disable()
    try:
        start = time.process_time()
        kept = work()
        elapsed = time.process_time() - start
    finally:
        if was:
            gc.enable()
    del kept
    return elapsed


def recipe_cpu(work: Callable[[], object], recipe: str) -> float:
    """CPU of `work` under one application-side GC recipe; the process's GC state is restored after."""
    gc.collect()
    threshold = gc.get_threshold()
    start = time.process_time()
    if recipe == "gc.disable() around the parse":
        gc.disable()
        try:
            kept = work()
        finally:
            gc.enable()
    elif recipe == "gc.freeze() before the parse":
        gc.freeze()
        try:
            kept = work()
        finally:
            gc.unfreeze()
    elif recipe == "gc.set_threshold(100_000, 50, 100)":
        gc.set_threshold(100_000, 50, 100)
        try:
            kept = work()
        finally:
            gc.set_threshold(*threshold)
    else:
        kept = work()
    elapsed = time.process_time() - start
    del kept
    return elapsed


RECIPES = (
    "default (GC on, untouched)",
    "gc.disable() around the parse",
    "gc.freeze() before the parse",
    "gc.set_threshold(100_000, 50, 100)",
)


def recipes(body: bytes, from_dict: Callable[[Any], object], runs: int) -> None:
    """Each recipe's CPU for json.loads and the typed parse, ratios against the default json.loads."""
    loads: dict[str, list[float]] = {recipe: [] for recipe in RECIPES}
    typed: dict[str, list[float]] = {recipe: [] for recipe in RECIPES}
    for _ in range(runs):
        for recipe in RECIPES:
            loads[recipe].append(recipe_cpu(lambda: json.loads(body), recipe))
            typed[recipe].append(recipe_cpu(lambda: from_dict(json.loads(body)), recipe))
    base = statistics.median(loads[RECIPES[0]])
    print(f"  {'recipe':<36} {'json.loads ms':>13} {'typed ms':>9} {'typed / default json.loads':>27}")
    for recipe in RECIPES:
        j, p = statistics.median(loads[recipe]), statistics.median(typed[recipe])
        print(f"  {recipe:<36} {j * 1e3:13.1f} {p * 1e3:9.1f} {p / base:27.2f}")


def count(body: bytes, from_dict: Callable[[Any], object]) -> None:
    """Deterministic counts: the GC-counted allocations (net) and GC-tracked objects `from_dict` adds to an
    already decoded body (GC off, so nothing resets the count), and the collections of each generation
    during the whole typed parse with the GC on."""
    gc.collect()
    gc.disable()
    try:
        data = json.loads(body)
        tracked, allocated = len(gc.get_objects()), gc.get_count()[0]
        kept = from_dict(data)
        allocated, tracked = gc.get_count()[0] - allocated, len(gc.get_objects()) - tracked
    finally:
        gc.enable()
    del kept, data
    print(f"  from_dict: GC-counted allocations (net) {allocated:,}, GC-tracked objects added {tracked:,}")
    collections = [0, 0, 0]

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "stop":
            collections[info["generation"]] += 1

    gc.collect()
    gc.callbacks.append(seen)
    try:
        kept = from_dict(json.loads(body))
    finally:
        gc.callbacks.remove(seen)
    del kept
    print(f"  typed parse, GC on: collections young {collections[0]}, middle {collections[1]}, full {collections[2]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--provider", choices=("aryn", "unsiloed"), default="aryn")
    parser.add_argument(
        "--size", type=int, help="elements (Aryn, default 100,000) or chunks (Unsiloed, default 10,000)"
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--recipes", action="store_true", help="measure the application-side GC recipes instead")
    parser.add_argument("--count", action="store_true", help="count allocations and collections instead of timing")
    args = parser.parse_args()
    size = args.size or (100_000 if args.provider == "aryn" else 10_000)
    body, from_dict = (aryn_body if args.provider == "aryn" else unsiloed_body)(size)
    typed = from_dict(json.loads(body))
    assert type(typed).__module__.startswith("taskpoll_"), type(typed)
    del typed
    print(
        f"{platform.python_implementation()} {platform.python_version()}  {args.provider} size={size:,}  "
        f"body {len(body) / 1e6:.1f} MB  runs={args.runs}"
    )
    if args.recipes:
        recipes(body, from_dict, args.runs)
        return
    if args.count:
        count(body, from_dict)
        return
    for gc_on in (True, False):
        loads: list[float] = []
        parsed: list[float] = []
        for _ in range(args.runs):
            loads.append(cpu(lambda: json.loads(body), gc_on))
            parsed.append(cpu(lambda: from_dict(json.loads(body)), gc_on))
        ratios = sorted(p / j for p, j in zip(parsed, loads, strict=True))
        j, p = statistics.median(loads), statistics.median(parsed)
        print(
            f"  GC {'on ' if gc_on else 'off'}: json.loads {j * 1e3:7.1f} ms  typed {p * 1e3:7.1f} ms  "
            f"ratio of medians {p / j:.2f}  (per-run ratios {ratios[0]:.2f}..{ratios[-1]:.2f})"
        )


if __name__ == "__main__":
    main()
