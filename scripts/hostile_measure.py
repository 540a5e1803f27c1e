"""Measure taskpoll against the hostile servers of tests/hostile.py.

    python3 scripts/dev.py run python scripts/hostile_measure.py [--rounds 3]

Prints the worst overshoot past a wait's deadline against dripping servers (sync, async, wait_many),
and the peak RSS of a fresh process while it refuses a gzip bomb with the default cap (256 MiB).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import taskpoll  # noqa: E402
from tests.hostile import drip_body, drip_headers, endless_continue, gzip_bomb, hostile  # noqa: E402

KEY = "sk-measure-0123456789"
POLICY = taskpoll.PollPolicy(initial_delay=0.05, max_delay=0.2, request_timeout=30.0)
TIMEOUT = 2.0


def sync_wait(url: str) -> None:
    with taskpoll.Client("artos", base_url=url, api_key=KEY, policy=POLICY) as c:
        c.wait("doc-1", timeout=TIMEOUT)


def sync_many(url: str) -> None:
    with taskpoll.Client("artos", base_url=url, api_key=KEY, policy=POLICY) as c:
        c.wait_many(["a", "b"], timeout=TIMEOUT)


def async_wait(url: str) -> None:
    async def run() -> None:
        async with taskpoll.AsyncClient("artos", base_url=url, api_key=KEY, policy=POLICY) as c:
            await c.wait("doc-1", timeout=TIMEOUT)

    asyncio.run(run())


def async_many(url: str) -> None:
    async def run() -> None:
        async with taskpoll.AsyncClient("artos", base_url=url, api_key=KEY, policy=POLICY) as c:
            await c.wait_many(["a", "b", "c", "d"], timeout=TIMEOUT, concurrency=4)

    asyncio.run(run())


def overshoots(rounds: int) -> None:
    drips = {"drip body": drip_body, "drip headers": drip_headers, "100 Continue": endless_continue}
    ways = {
        "sync wait": sync_wait,
        "sync wait_many": sync_many,
        "async wait": async_wait,
        "async wait_many": async_many,
    }
    for way, call in ways.items():
        worst = -1.0
        for make in drips.values():
            for _ in range(rounds):
                with hostile(make(interval=0.5)) as server:
                    started = time.monotonic()
                    with contextlib.suppress(taskpoll.TaskpollError):
                        call(server.url)
                    worst = max(worst, time.monotonic() - started - TIMEOUT)
        print(f"{way:16s} worst overshoot past a {TIMEOUT:g} s deadline: {worst * 1000:+.0f} ms")


def bomb_child(decoded: int) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with hostile(gzip_bomb(decoded)) as server, taskpoll.Client("artos", base_url=server.url, api_key=KEY) as c:
        try:
            c.get("doc-1")
        except taskpoll.ResponseTooLargeError as exc:
            outcome = f"{type(exc).__name__} (body excerpt {len(exc.body)} bytes)"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wire = len(gzip_bomb.__globals__["bomb"](decoded))
    print(f"bomb of {decoded >> 20} MiB decoded ({wire / 1e6:.2f} MB on the wire): {outcome}; ")
    print(f"  peak RSS {peak / 1024:.0f} MiB (after building the bomb: {before / 1024:.0f} MiB)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--bomb-child", type=int)
    args = parser.parse_args()
    if args.bomb_child:
        from tests.hostile import bomb

        bomb(args.bomb_child)  # built before the baseline
        bomb_child(args.bomb_child)
        return
    overshoots(args.rounds)
    for decoded in (1 << 30,):
        subprocess.run([sys.executable, __file__, "--bomb-child", str(decoded)], check=True)


if __name__ == "__main__":
    main()
