"""What one Celery hop costs in a worker process, against a bare `Client.poll_once` on the same tasks.

    python3 scripts/dev.py run python -m benchmarks.celery_hop [--hops 300] [--repeat 3]

Starts a private redis-server and the simulator, builds the Waiter of tests/celery_app.py in this process
and runs its hop (fence claim, poll, record, next hop published, done) on fresh waits, then a bare
poll_once on as many tasks. Prints wall and CPU milliseconds per hop and the ratios hop / bare poll,
each repetition measured in the same run. No Celery worker is involved: this is the hop's own cost,
without the worker's dispatch.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import time
from typing import Any

from taskpoll.simulator import SimulatorProcess, Step


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hops", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is needed: install Debian's package redis-server")
    port = _free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.5)
        with SimulatorProcess("--seed", "14") as sim:
            os.environ["TASKPOLL_TEST_REDIS"] = f"redis://127.0.0.1:{port}/0"
            os.environ["TASKPOLL_TEST_SIMULATOR"] = sim.url
            from tests import celery_app  # reads the two variables above

            waiter = celery_app.waiter
            callback: dict[str, Any] = dict(celery_app.record_outcome.s("benchmark"))
            client = celery_app.client_for("artos")
            running = [Step("running", polls=None, seconds=3600)]
            print(f"{options.hops} hops per measure, artos, against the simulator process")
            print("repeat  hop wall ms  hop cpu ms  bare wall ms  bare cpu ms  wall ratio  cpu ratio")
            for r in range(options.repeat):
                ids = [sim.create_task("artos", running, task_id=f"b{r}-{i}") for i in range(2 * options.hops)]
                hop_ids, bare_ids = ids[: options.hops], ids[options.hops :]
                wall, cpu = time.perf_counter(), time.process_time()
                for i, task_id in enumerate(hop_ids):
                    state = {"provider": "artos", "task_id": task_id, "deadline": time.time() + 600}
                    waiter._run_hop(waiter.hop, f"b{r}-{i}", 0, state, callback)
                hop_wall, hop_cpu = time.perf_counter() - wall, time.process_time() - cpu
                wall, cpu = time.perf_counter(), time.process_time()
                for task_id in bare_ids:
                    client.poll_once(client.new_wait(task_id, timeout=600))
                bare_wall, bare_cpu = time.perf_counter() - wall, time.process_time() - cpu
                n = options.hops / 1000.0
                print(
                    f"{r + 1:>6}  {hop_wall / n:>11.2f}  {hop_cpu / n:>10.2f}  {bare_wall / n:>12.2f}  "
                    f"{bare_cpu / n:>11.2f}  {hop_wall / bare_wall:>10.2f}  {hop_cpu / bare_cpu:>9.2f}"
                )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
