"""taskpoll.contrib.celery on a real broker: a private redis-server, the simulator in its own process and two
real `celery worker` processes (prefork). Where redis-server cannot be had, these tests fail; they never skip.

Measurements are printed (run with -s to see them): requests against AsyncClient.wait_many on the same
scenario, worker-slot occupancy, the Notion request rate across both workers, and what kill -9 did.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Any

import pytest
import redis

import taskpoll
import taskpoll.providers
from taskpoll.contrib.celery import _REGISTER, Waiter, outcome_task
from taskpoll.simulator import Fault, SimulatorProcess, Step

ROOT = Path(__file__).resolve().parent.parent
PROVIDERS = taskpoll.providers.names()
FAULTS = [
    Fault("rate_limit", rate=0.03, retry_after=1.0),
    Fault("server_error", rate=0.03, status=503),
    Fault("drop", rate=0.03),
]
HINT = 1.0  # the Retry-After of the injected 429s, and Notion's poll_after_seconds
NOTION_RATE, NOTION_BURST = 3.0, 3
WORKERS, CONCURRENCY = 2, 3


def redis_server_binary() -> str:
    """redis-server from PATH; installed from Debian's packages when missing and we are root."""
    found = shutil.which("redis-server")
    if found is None and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "redis-server"], check=False, capture_output=True)
        found = shutil.which("redis-server")
    if found is None:
        pytest.fail("redis-server is needed for the Celery tests: install Debian's package redis-server", pytrace=False)
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop(process: subprocess.Popen[bytes], group: bool) -> None:
    """Stop a process we started (its whole session for a worker: the pool children too)."""
    if process.poll() is None or group:
        _signal(process, group, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=8)
        _signal(process, group, signal.SIGKILL)
        process.wait(timeout=10)


def _signal(process: subprocess.Popen[bytes], group: bool, sig: signal.Signals) -> None:
    """Send `sig` to the process (to its whole session with `group`); one that is gone already is fine."""
    with suppress(ProcessLookupError):
        if group:
            os.killpg(process.pid, sig)
        else:
            process.send_signal(sig)


class Cluster:
    def __init__(self, stack: ExitStack, tmp: Path) -> None:
        port = free_port()
        self.redis_url = f"redis://127.0.0.1:{port}/0"
        server = subprocess.Popen(
            [redis_server_binary(), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=tmp,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stack.callback(stop, server, False)
        self.redis = redis.Redis.from_url(self.redis_url)
        stack.callback(self.redis.close)
        for _ in range(100):
            try:
                if self.redis.ping():
                    break
            except redis.ConnectionError:
                time.sleep(0.05)
        else:
            pytest.fail("the private redis-server did not start")
        self.sim: SimulatorProcess = stack.enter_context(SimulatorProcess("--seed", "14"))
        self.sim.set_faults(FAULTS)
        env = {**os.environ, "TASKPOLL_TEST_REDIS": self.redis_url, "TASKPOLL_TEST_SIMULATOR": self.sim.url}
        os.environ.update({"TASKPOLL_TEST_REDIS": self.redis_url, "TASKPOLL_TEST_SIMULATOR": self.sim.url})
        self.workers: list[subprocess.Popen[bytes]] = []
        self.logs: list[Path] = []
        for i in range(WORKERS):
            log = tmp / f"worker{i}.log"
            command = [sys.executable, "-m", "celery", "-A", "tests.celery_app", "worker", "--pool", "prefork"]
            command += ["--concurrency", str(CONCURRENCY), "-n", f"w{i}@127.0.0.1", "--loglevel", "INFO"]
            command += ["--without-gossip", "--without-mingle", "--without-heartbeat", "--logfile", str(log)]
            worker = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped with its pool children
            )
            stack.callback(stop, worker, True)
            self.workers.append(worker)
            self.logs.append(log)
        deadline = time.monotonic() + 60
        while not all(log.exists() and "ready." in log.read_text() for log in self.logs):
            if time.monotonic() > deadline or any(w.poll() is not None for w in self.workers):
                pytest.fail("the celery workers did not start:\n" + "\n".join(self.log_tail()))
            time.sleep(0.2)
        from tests import celery_app

        self.app = celery_app
        self.waiter: Waiter = celery_app.waiter

    def log_tail(self) -> list[str]:
        return [log.read_text()[-3000:] for log in self.logs if log.exists()]

    def outcomes(self, labels: set[str], timeout: float) -> dict[str, list[dict[str, Any]]]:
        """Every callback for these labels, once all have come (or `timeout` passed)."""
        deadline = time.monotonic() + timeout
        seen: dict[str, list[dict[str, Any]]] = defaultdict(list)
        while time.monotonic() < deadline:
            seen = defaultdict(list)
            for raw in self.redis.lrange("test:outcomes", 0, -1):
                entry = json.loads(raw)
                if entry["label"] in labels:
                    seen[entry["label"]].append(entry)
            if len(seen) == len(labels):
                time.sleep(1.0)  # a late duplicate callback would show up here
                return self.outcomes_now(labels)
            time.sleep(0.25)
        return seen

    def outcomes_now(self, labels: set[str]) -> dict[str, list[dict[str, Any]]]:
        seen: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for raw in self.redis.lrange("test:outcomes", 0, -1):
            entry = json.loads(raw)
            if entry["label"] in labels:
                seen[entry["label"]].append(entry)
        return seen

    def polls(self, ids: set[str]) -> Counter[tuple[str, int]]:
        counts: Counter[tuple[str, int]] = Counter()
        for raw in self.redis.lrange("test:polls", 0, -1):
            task_id, attempt = raw.decode().rsplit("|", 1)
            if task_id in ids:
                counts[(task_id, int(attempt))] += 1
        return counts


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    with ExitStack() as stack:
        yield Cluster(stack, tmp_path_factory.mktemp("celery"))


Script = list[tuple[str, str, str, list[Step]]]  # provider, task id, final state, steps


def scenario(prefix: str, counts: dict[str, int], low: float, high: float, seed: int) -> Script:
    """Tasks that run a log-uniform time in [low, high] seconds, then succeed (75 %) or fail."""
    rng = random.Random(seed)
    script: Script = []
    for provider, n in counts.items():
        for i in range(n):
            seconds = math.exp(rng.uniform(math.log(low), math.log(high)))
            final = "succeeded" if rng.random() < 0.75 else "failed"
            end = Step(final, size=2) if final == "succeeded" else Step("failed", error="scripted failure")
            script.append(
                (provider, f"{prefix}-{provider}-{i}", final, [Step("running", polls=None, seconds=seconds), end])
            )
    return script


def create(sim: SimulatorProcess, script: Script) -> None:
    for provider, task_id, _, steps in script:
        assert sim.create_task(provider, steps, task_id=task_id) == task_id


def status_requests(sim: SimulatorProcess, ids: set[str]) -> list[Any]:
    return sorted((r for r in sim.requests() if r.task_id in ids and r.poll is not None), key=lambda r: r.time)


def check_outcomes(script: Script, seen: dict[str, list[dict[str, Any]]]) -> None:
    missing = [task_id for _, task_id, _, _ in script if task_id not in seen]
    assert not missing, f"{len(missing)} waits never ended, e.g. {missing[:5]}"
    doubles = {label: len(entries) for label, entries in seen.items() if len(entries) != 1}
    assert not doubles, f"callbacks called more than once: {doubles}"
    for provider, task_id, final, _ in script:
        outcome = seen[task_id][0]["outcome"]
        assert outcome["error"] is None, outcome["error"]
        task = outcome_task(outcome)
        assert (task.provider, task.id, task.state.value) == (provider, task_id, final)
        if final == "succeeded":
            assert type(task.result).__module__.startswith(f"taskpoll_{provider}_api."), type(task.result)
        else:
            assert task.error is not None and "scripted failure" in task.error.message


MAIN = scenario("m", {"aryn": 50, "artos": 50, "veza": 50, "unsiloed": 25, "notion": 30}, 0.5, 6.0, seed=1)
# Arrivals: BATCH tasks every EVERY seconds, each created in the simulator just before its wait starts, in
# the Celery run and in the one-process baseline alike (the same scenario on both sides). All 205 at once
# would saturate 6 worker slots on 2 shared cores for seconds: polls come late and find tasks done, which
# measures the machine, not the decisions (measured: 316-368 requests against wait_many's 528-551).
BATCH, EVERY = 5, 0.5


def arrivals(script: Script) -> list[Script]:
    order = list(script)
    random.Random(3).shuffle(order)
    return [order[i : i + BATCH] for i in range(0, len(order), BATCH)]


@pytest.fixture(scope="module")
def main_run(cluster: Cluster) -> dict[str, Any]:
    ids = {task_id for _, task_id, _, _ in MAIN}
    cluster.redis.delete("test:busy", "test:hops", "test:late")
    started = time.time()
    for k, batch in enumerate(arrivals(MAIN)):
        time.sleep(max(0.0, started + k * EVERY - time.time()))
        create(cluster.sim, batch)
        for provider, task_id, _, _ in batch:
            cluster.waiter.wait(provider, task_id, timeout=90, callback=cluster.app.record_outcome.s(task_id))
    seen = cluster.outcomes(ids, timeout=100)
    elapsed = time.time() - started
    busy = float(cluster.redis.get("test:busy") or 0)
    hops = int(cluster.redis.get("test:hops") or 0)
    occupancy = busy / (elapsed * WORKERS * CONCURRENCY)
    print(
        f"\n[celery] {len(MAIN)} waits in {elapsed:.1f} s: {hops} messages, slots busy {occupancy:.1%} "
        f"({busy / max(hops, 1) * 1000:.1f} ms a message)",
        flush=True,
    )
    # A hop started before its time is a clipped countdown or a fenced duplicate: it re-enqueues, never polls.
    late = sorted(x for x in (float(v) for v in cluster.redis.lrange("test:late", 0, -1)) if x > -0.01)
    if late:
        at = [late[min(len(late) - 1, int(f * len(late)))] for f in (0.5, 0.9, 0.99)]
        print(
            f"[celery] hops started after their time by (s): median {at[0]:.3f}, p90 {at[1]:.3f}, p99 {at[2]:.3f}, "
            f"max {late[-1]:.3f}",
            flush=True,
        )
    return {"ids": ids, "seen": seen, "requests": status_requests(cluster.sim, ids), "elapsed": elapsed}


def test_mixed_waits_on_two_workers_end_as_scripted_with_typed_results(main_run: dict[str, Any]) -> None:
    check_outcomes(MAIN, main_run["seen"])
    faults = Counter(r.fault for r in main_run["requests"] if r.fault)
    assert faults["rate_limit"] and faults["server_error"] and faults["drop"], faults


def test_no_poll_comes_earlier_than_a_hint_and_none_is_made_twice(cluster: Cluster, main_run: dict[str, Any]) -> None:
    by_task: dict[str, list[Any]] = defaultdict(list)
    for r in main_run["requests"]:
        by_task[r.task_id].append(r)
    early = []
    hinted = 0
    for requests in by_task.values():
        for before, after in itertools.pairwise(requests):
            told = before.fault == "rate_limit" or (before.provider == "notion" and before.status == 200)
            if told:
                hinted += 1
                if after.time - before.time < HINT - 0.01:
                    early.append((before.task_id, before.poll, round(after.time - before.time, 3)))
    assert hinted >= 3 and not early, early[:5]
    polls = cluster.polls(main_run["ids"])
    assert [key for key, n in polls.items() if n > 1] == []
    assert sum(polls.values()) == len(main_run["requests"])  # every request the simulator saw was one such poll


def test_requests_are_within_5_percent_of_one_process_wait_many(main_run: dict[str, Any]) -> None:
    async def wait_many(sim: SimulatorProcess) -> None:
        async with contextlib.AsyncExitStack() as stack:
            clients: dict[str, taskpoll.AsyncClient[Any]] = {}
            for provider in PROVIDERS:
                policy = taskpoll.providers.get(provider).default_policy.with_changes(request_timeout=2.0)
                clients[provider] = await stack.enter_async_context(
                    taskpoll.AsyncClient(
                        taskpoll.providers.get(provider),
                        base_url=sim.base_url(provider),
                        api_key=sim.api_key(provider),
                        policy=policy,
                        allow_insecure_http=True,
                    )
                )
            runs = []
            started = time.monotonic()
            for k, batch in enumerate(arrivals(MAIN)):  # the Celery run's arrivals: one wait_many per batch
                await asyncio.sleep(max(0.0, started + k * EVERY - time.monotonic()))
                await asyncio.to_thread(create, sim, batch)
                groups: dict[str, list[str]] = defaultdict(list)
                for provider, task_id, _, _ in batch:
                    groups[provider].append(task_id)
                for provider, group in groups.items():
                    runs.append(asyncio.create_task(clients[provider].wait_many(group, timeout=90, concurrency=16)))
            results = await asyncio.gather(*runs)
        assert all(isinstance(o, taskpoll.Task) for outcomes in results for o in outcomes)

    with SimulatorProcess("--seed", "14") as sim:  # the same ids, seed and faults: the same scenario
        sim.set_faults(FAULTS)
        asyncio.run(wait_many(sim))
        base_requests = status_requests(sim, main_run["ids"])
    baseline, celery = len(base_requests), len(main_run["requests"])

    def breakdown(requests: list[Any]) -> str:
        per = Counter(r.provider for r in requests)
        faults = Counter(r.fault for r in requests if r.fault)
        return " ".join(f"{p}={per[p]}" for p in PROVIDERS) + f" faults={sum(faults.values())}"

    print(f"\n[celery] requests: celery {celery}, wait_many {baseline} ({celery / baseline - 1:+.1%})", flush=True)
    print(f"[celery]   celery:    {breakdown(main_run['requests'])}", flush=True)
    print(f"[celery]   wait_many: {breakdown(base_requests)}", flush=True)
    assert abs(celery - baseline) <= 0.05 * baseline


@pytest.mark.parametrize(("provider", "rate", "burst"), [("notion", NOTION_RATE, NOTION_BURST), ("unsiloed", 1.0, 1)])
def test_a_shared_rate_limit_holds_across_both_workers(
    main_run: dict[str, Any], provider: str, rate: float, burst: int
) -> None:
    """Each provider's documented limit (Notion 3 req/s, Unsiloed 1 req/s; GCRA, burst = the rate) holds
    for the requests as the simulator received them: sent at their booked slots, not bunched."""
    times = [r.time for r in main_run["requests"] if r.provider == provider]
    busiest = max(sum(1 for u in times[i:] if u - t < 1.0) for i, t in enumerate(times))
    span = times[-1] - times[0]
    achieved = (len(times) - burst) / span
    print(f"\n[celery] {provider}: {len(times)} requests over {span:.1f} s ({achieved:.2f}/s), busiest 1 s: {busiest}")
    assert busiest <= burst + rate
    assert achieved <= rate * 1.02
    assert achieved >= rate * 0.8  # the limit, not the tasks, paced these waits


def test_a_hop_the_broker_lost_is_sent_again_by_the_sweeper(cluster: Cluster, main_run: dict[str, Any]) -> None:
    """Redis loses a message outright when a worker dies between its BRPOP and recording the message as
    unacknowledged: here three waits are registered as started, but their first hop never reaches the
    broker. The workers' sweepers send it once it is overdue, and the waits end as scripted."""
    script = scenario("lost", {"artos": 2, "notion": 1}, 0.5, 1.0, seed=3)
    create(cluster.sim, script)
    waiter = cluster.waiter
    for provider, task_id, _, _ in script:
        start = {"provider": provider, "task_id": task_id, "deadline": time.time() + 60}
        entry = json.dumps({"state": start, "callback": dict(cluster.app.record_outcome.s(task_id))})
        keys = (waiter._waits_key, waiter._due_key)
        cluster.redis.eval(_REGISTER, 2, *keys, uuid.uuid4().hex, "next", "0", entry, repr(time.time()))
    started = time.time()
    seen = cluster.outcomes({task_id for _, task_id, _, _ in script}, timeout=waiter.sweep_every * 1.5 + 15)
    print(f"\n[celery] lost first hops: {len(seen)}/{len(script)} waits ended {time.time() - started:.1f} s later")
    check_outcomes(script, seen)
    assert cluster.redis.hlen(waiter._waits_key) == 0  # every ended wait left the registry


KILL = scenario("k", {"aryn": 20, "artos": 20, "veza": 20, "unsiloed": 10, "notion": 10}, 2.0, 8.0, seed=2)


def test_kill_9_of_a_worker_loses_no_wait_and_repeats_no_poll(cluster: Cluster, main_run: dict[str, Any]) -> None:
    ids = {task_id for _, task_id, _, _ in KILL}
    cluster.redis.delete("test:log")
    create(cluster.sim, KILL)
    started = time.time()
    for provider, task_id, _, _ in KILL:
        cluster.waiter.wait(provider, task_id, timeout=90, callback=cluster.app.record_outcome.s(task_id))
    time.sleep(3.0)
    victim = cluster.workers[0]
    os.kill(victim.pid, signal.SIGKILL)  # the worker's main process: it held unacknowledged countdowns
    victim.wait(timeout=10)
    seen = cluster.outcomes(ids, timeout=80)
    elapsed = time.time() - started
    check_outcomes(KILL, seen)
    polls = cluster.polls(ids)
    requests = status_requests(cluster.sim, ids)
    gaps = defaultdict(list)
    for r in requests:
        gaps[r.task_id].append(r.time)
    longest = max(b - a for times in gaps.values() for a, b in itertools.pairwise(times))
    stalled = sum(1 for times in gaps.values() if any(b - a > 8.0 for a, b in itertools.pairwise(times)))
    log = [line.decode() for line in cluster.redis.lrange("test:log", 0, -1)]
    again, resent = sum("delivered again" in line for line in log), sum("sending it again" in line for line in log)
    print(
        f"\n[celery] kill -9: {len(KILL)} waits ended in {elapsed:.1f} s, {len(requests)} requests, "
        f"{stalled} waits stalled (a gap over 8 s, the longest {longest:.1f} s) until Redis gave their hops "
        f"back; the fence met {again} hops delivered again, the sweepers sent {resent} overdue hops",
        flush=True,
    )
    assert [key for key, n in polls.items() if n > 1] == []
    assert sum(polls.values()) == len(requests)


def test_the_waiter_refuses_settings_that_lose_or_duplicate_waits() -> None:
    from celery import Celery

    def app(**conf: Any) -> Celery:
        made = Celery("refusals", broker=conf.pop("broker", "redis://127.0.0.1:1/0"), set_as_current=False)
        made.conf.update(conf)
        return made

    short = app(broker_transport_options={"visibility_timeout": 20})
    with pytest.raises(taskpoll.ConfigurationError, match="visibility_timeout"):
        Waiter(short, clients=lambda p: taskpoll.Client(p), request_timeout=30)
    with pytest.raises(taskpoll.ConfigurationError, match="visibility_timeout"):
        Waiter(short, clients=lambda p: taskpoll.Client(p), request_timeout=5, max_countdown=15)
    assert Waiter(short, clients=lambda p: taskpoll.Client(p), request_timeout=5).max_countdown == 13
    # A lost hop is sent again after visibility_timeout + kombu's restore period (10 * 10 s) + a lease + 2 s.
    assert Waiter(short, clients=lambda p: taskpoll.Client(p), request_timeout=5).recovery == 20 + 100 + 7 + 2
    swept = app(broker_transport_options={"visibility_timeout": 20, "unacked_restore_throttle": 1})
    assert Waiter(swept, clients=lambda p: taskpoll.Client(p), request_timeout=5).recovery == 20 + 10 + 7 + 2
    with pytest.raises(taskpoll.ConfigurationError, match="unacked_restore"):
        Waiter(app(broker_transport_options={"unacked_restore_throttle": 0}), clients=lambda p: taskpoll.Client(p))
    with pytest.raises(taskpoll.ConfigurationError, match="Redis broker"):
        Waiter(app(broker="amqp://127.0.0.1//"), clients=lambda p: taskpoll.Client(p))
    with pytest.raises(taskpoll.ConfigurationError, match="task_always_eager"):
        Waiter(app(task_always_eager=True), clients=lambda p: taskpoll.Client(p))
    annotated = app(task_annotations={"taskpoll.hop": {"acks_late": False, "rate_limit": "10/s"}})
    waiter = Waiter(annotated, clients=lambda p: taskpoll.Client(p))
    with pytest.raises(taskpoll.ConfigurationError, match=r"acks_late is off.*rate_limit"):
        waiter.wait("notion", "t-1", callback=annotated.signature("cb"))
    with pytest.raises(taskpoll.ConfigurationError, match="callback"):
        Waiter(app(), clients=lambda p: taskpoll.Client(p)).wait("notion", "t-1", callback=print)  # type: ignore[arg-type]
