"""5. Peers: the providers' own SDKs (aryn-sdk, unsiloed-sdk) against raw httpx and taskpoll, same simulator.

Two figures per peer. Per poll: the client CPU of one status request for a task in progress, each peer
pointed at the simulator through its own base-URL option, against `httpx.Client.get()` + `json.loads` and
taskpoll's `Client.get`, in interleaved blocks. Per task: the requests a wait costs with the peer's fixed
cadence, on the policy section's fake clock and task durations, against taskpoll's provider default.

The peers are a benchmark-only dependency group (`bench` in pyproject.toml, never a runtime dependency);
when they are not installed the section says so and measures nothing.
"""

from __future__ import annotations

import importlib.metadata
import json
import math
import random
from collections.abc import Callable
from typing import Any

import httpx

import taskpoll
from taskpoll.providers import get as get_provider
from taskpoll.simulator import SimulatorProcess, running

from ._common import (
    RAW_PARAMS,
    Config,
    Timing,
    heading,
    interleave,
    measure,
    median_cpu,
    paired_ratio,
    raw_headers,
    raw_url,
)
from ._common import table as format_table
from .policy import MAX_DURATION, MIN_DURATION, evaluate_policy, fixed_policy

PEERS = {"aryn": "aryn-sdk", "unsiloed": "unsiloed-sdk"}

# The cadence each peer's own material uses, in seconds between polls (read from the installed source):
CADENCES = {
    "aryn": [
        ("aryn-sdk AsyncTask.result() loop", 1.0),  # aryn_sdk/client/tasks.py: time.sleep(1)
        ("aryn-sdk README polling loop", 5.0),  # README: while True: partition_file_async_result(); sleep(5)
    ],
    "unsiloed": [("unsiloed-sdk parse_and_wait()", 2.0)],  # sync_client.py: poll_interval: float = 2.0
}


def installed(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def peer_sides(
    server: SimulatorProcess, provider: str, task_id: str
) -> tuple[dict[str, Callable[[], object]], list[Any]]:
    """The peer's ways to fetch one status, each returning something that proves it saw the task pending."""
    base_url, key = server.base_url(provider), server.api_key(provider)
    closers: list[Any] = []
    sides: dict[str, Callable[[], object]] = {}
    if provider == "aryn":
        from aryn_sdk.client.client import Client as ArynClient
        from aryn_sdk.partition import partition_file_async_result

        result_url = base_url + "/v1/async/result"

        def readme_poll() -> object:
            # The README's loop body: a module function that opens a new httpx client for every call.
            answer = partition_file_async_result(task_id, aryn_api_key=key, async_result_url=result_url)
            assert answer["task_status"] == "pending", answer
            return answer

        client = ArynClient(aryn_url=base_url, aryn_api_key=key)
        closers.append(client.client)

        def client_poll() -> object:
            answer = client.get_async_result(task_id)
            assert answer.status_code == 202, answer.status_code
            return answer

        sides["aryn-sdk partition_file_async_result (README loop)"] = readme_poll
        sides["aryn-sdk Client.get_async_result"] = client_poll
    else:
        from unsiloed_sdk import UnsiloedClient

        unsiloed = UnsiloedClient(api_key=key, base_url=base_url)
        closers.append(unsiloed)

        def unsiloed_poll() -> object:
            answer = unsiloed.get_parse_result(task_id)
            assert answer.status not in ("Succeeded", "Failed"), answer.status
            return answer

        sides["unsiloed-sdk get_parse_result"] = unsiloed_poll
    return sides, closers


def block(fn: Callable[[], object], ops: int) -> Callable[[], Timing]:
    return lambda: measure(fn, ops)


def per_poll_rows(server: SimulatorProcess, config: Config, provider: str) -> list[list[object]]:
    task_id = server.create_task(provider, [running(polls=None, progress=0.5)])
    base_url, key = server.base_url(provider), server.api_key(provider)
    client = taskpoll.Client(provider, base_url=base_url, api_key=key, rate_limit=math.inf)
    http = httpx.Client(headers=raw_headers(provider, key))
    url, params = raw_url(base_url, provider, task_id), RAW_PARAMS.get(provider)
    peers, closers = peer_sides(server, provider, task_id)
    try:
        ops = max(20, config.poll_block // 3)
        sides: dict[str, Callable[[], Timing]] = {
            "raw httpx.Client.get + json.loads": block(lambda: json.loads(http.get(url, params=params).content), ops),
            "taskpoll Client.get": block(lambda: client.get(task_id), ops),
        }
        sides.update({name: block(fn, ops) for name, fn in peers.items()})
        samples = interleave(sides, config.poll_rounds)
    finally:
        client.close()
        http.close()
        for closer in closers:
            closer.close()
    raw = samples["raw httpx.Client.get + json.loads"]
    rows: list[list[object]] = []
    for name, timings in samples.items():
        ratios = sorted(t.cpu / r.cpu for t, r in zip(timings, raw, strict=True))
        rows.append(
            [
                provider,
                name,
                f"{median_cpu(timings) * 1e6:.0f}",
                f"{paired_ratio(timings, raw, 'cpu'):.2f}",
                f"{ratios[0]:.2f}..{ratios[-1]:.2f}",
            ]
        )
    return rows


def bench_peers(server: SimulatorProcess, config: Config) -> None:
    heading("5. Peers: aryn-sdk and unsiloed-sdk on the same simulator, same task")
    versions = {provider: installed(name) for provider, name in PEERS.items()}
    missing = [PEERS[p] for p, v in versions.items() if v is None]
    if missing:
        print(
            f"not installed: {', '.join(missing)}. They are the benchmark-only `bench` dependency group:\n"
            "  UV_PROJECT_ENVIRONMENT=.venv-bench python3 scripts/dev.py run uv run --locked --no-default-groups \\\n"
            "    --group bench --extra simulator python -m benchmarks peers"
        )
    measured = [p for p, v in versions.items() if v is not None]
    if not measured:
        return
    print(", ".join(f"{PEERS[p]} {versions[p]}" for p in measured) + f"; httpx {httpx.__version__}")
    print(
        f"Per poll: a task in progress; {config.poll_rounds} interleaved blocks of {max(20, config.poll_block // 3)} "
        "polls per side after a warm-up block; CPU of this (client) process per poll;\nratio: median over "
        "rounds of the side's block CPU / the raw block's CPU in the same round (range: lowest..highest round)."
    )
    rows: list[list[object]] = []
    for provider in measured:
        rows += per_poll_rows(server, config, provider)
    print(format_table(["provider", "side", "CPU us/poll", "x raw CPU", "round range"], rows))

    rng = random.Random(config.seed)
    samples = config.policy_samples
    durations = [math.exp(rng.uniform(math.log(MIN_DURATION), math.log(MAX_DURATION))) for _ in range(samples)]
    print(
        f"\nPer task: {samples:,} task durations log-uniform {MIN_DURATION:g} s to {MAX_DURATION / 60:g} min "
        f"(seed {config.seed}, the policy section's), fake clock, requests take no time."
    )
    cadence_rows: list[list[object]] = []
    for provider in measured:
        results = [(f"taskpoll {provider} default", get_provider(provider).default_policy)]
        results += [(f"{name} (fixed {seconds:g} s)", fixed_policy(seconds)) for name, seconds in CADENCES[provider]]
        for name, policy in results:
            r = evaluate_policy(name, policy, durations)
            cadence_rows.append(
                [provider, name, f"{r.requests:.1f}", f"{r.delay_median:.2f}", f"{r.relative_median:.1%}"]
            )
    print(format_table(["provider", "cadence", "requests/task", "delay median s", "rel. median"], cadence_rows))
