"""How soon could an msgspec-backed lazy result give its first Aryn element?

scan: msgspec validates the whole body and locates each element's bytes (`msgspec.Raw`), decoding none;
first: the scan, then element 0 decoded and built as the generated `Element`. msgspec is no dependency of
taskpoll's: run this in a scratch venv,

    python3 -m venv /tmp/venv-msgspec && /tmp/venv-msgspec/bin/pip install msgspec -e .
    /tmp/venv-msgspec/bin/python scripts/measure_msgspec_scan.py
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import msgspec  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure_parse
from taskpoll_aryn_api.models.element import Element

body, _ = measure_parse.aryn_body(100_000)


class Top(msgspec.Struct):  # type: ignore[misc]
    elements: list[msgspec.Raw]


def cpu(work: Callable[[], object]) -> float:
    gc.collect()
    started = time.process_time()
    kept = work()
    elapsed = time.process_time() - started
    del kept
    return elapsed


def first() -> Element:
    top = msgspec.json.decode(body, type=Top)
    return Element.from_dict(json.loads(bytes(top.elements[0])))


sides: dict[str, Callable[[], object]] = {
    "json.loads": lambda: json.loads(body),
    "msgspec scan": lambda: msgspec.json.decode(body, type=Top),
    "first element": first,
    "msgspec decode (untyped)": lambda: msgspec.json.decode(body),
}
times: dict[str, list[float]] = {name: [] for name in sides}
for _ in range(5):
    for name, work in sides.items():
        times[name].append(cpu(work))
base = statistics.median(times["json.loads"])
print(f"body {len(body) / 1e6:.1f} MB, msgspec {msgspec.__version__}, Python {sys.version.split()[0]}")
for name, values in times.items():
    median = statistics.median(values)
    print(f"{name:26s} {median * 1e3:8.1f} ms  {median / base:5.2f}x json.loads")
