"""Runs the measures in order and prints the summary; `--worker` runs a child process's part."""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Sequence

import httpx

import taskpoll
from taskpoll.simulator import SimulatorProcess

from . import __doc__ as DOC
from ._common import CHECKS, SECTIONS, Config, heading, table
from .large import bench_large, rss_worker
from .many import bench_many, many_worker
from .peers import bench_peers
from .policy import bench_policy
from .poll import bench_poll
from .stream import bench_stream, stream_worker

WORKERS = {"many": many_worker, "rss": rss_worker, "stream": stream_worker}


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
    parser = argparse.ArgumentParser(description=DOC.split("\n\n")[0] if DOC else None)
    parser.add_argument("--quick", action="store_true", help="smaller sizes and fewer repeats (about a minute)")
    parser.add_argument("sections", nargs="*", help=f"sections to run (same as --only): {', '.join(SECTIONS)}")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("--seed", type=int, default=20260311, help="seed of the policy benchmark's durations")
    parser.add_argument("--worker", choices=tuple(WORKERS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.sections:
        args.only = ",".join(args.sections)
    unknown = set(args.only.split(",")) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        WORKERS[args.worker]()
        return 0
    config = Config.make(args.quick, args.seed)
    sections = args.only.split(",")
    print_environment(config)
    started = time.perf_counter()
    if {"poll", "large", "many", "peers", "stream"} & set(sections):
        with SimulatorProcess("--seed", "1") as server:
            for name, bench in (
                ("poll", bench_poll),
                ("large", bench_large),
                ("many", bench_many),
                ("peers", bench_peers),
                ("stream", bench_stream),
            ):
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
