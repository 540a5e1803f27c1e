"""1. Per-poll overhead: taskpoll Client.get against httpx.Client.get + json.loads of the same task."""

from __future__ import annotations

import json
import math
from typing import Any

import httpx

import taskpoll
from taskpoll import PollPolicy, TaskState
from taskpoll.simulator import SimulatorProcess, running, succeeded

from ._common import (
    PROVIDERS,
    RAW_PARAMS,
    TARGET_POLL_RATIO,
    Config,
    Timing,
    check,
    heading,
    interleave,
    measure,
    median_cpu,
    median_wall,
    paired_ratio,
    raw_headers,
    raw_url,
    table,
    us,
)

POLL_KINDS = {
    # Almost every poll of a wait sees a task in progress: the target is judged on these.
    "in progress": ([running(polls=None, progress=0.5)], TaskState.RUNNING),
    # The last poll also builds the typed result; its cost grows with the result (see section 2).
    "final + result": ([succeeded(size=1)], TaskState.SUCCEEDED),
}


def bench_poll(server: SimulatorProcess, config: Config) -> None:
    heading("1. Per-poll overhead: taskpoll Client.get vs httpx.Client.get + json.loads (same task)")
    print(
        f"{config.poll_rounds} timed blocks of {config.poll_block} polls per side, alternating A/B, after a "
        "warm-up block each; times are medians of the block means,\nratios the medians of each round's A/B "
        "ratio. Two answers per provider: a task in progress (what nearly every poll of a wait sees;\n"
        "the target is judged on it) and a finished task with a small result."
    )
    rows = []
    for provider in PROVIDERS:
        for kind, (steps, state) in POLL_KINDS.items():
            rows.append(_poll_row(server, config, provider, kind, steps, state))
    headers = [
        "provider",
        "answer",
        "body B",
        "taskpoll us",
        "raw us",
        "ratio",
        "taskpoll CPU us",
        "raw CPU us",
        "CPU ratio",
        "taskpoll spread",
    ]
    print(table(headers, rows))
    print("us: wall microseconds per poll (round trip included); CPU: this (client) process's CPU per poll;")
    print("spread: slowest taskpoll block / fastest - 1 (noise indicator). For a final answer, taskpoll also")
    print("builds the generated typed models (Unsiloed's result has ~100 OCR words, each its own model).")
    _bench_wait_polls(server, config)


# A poll inside a wait also runs the engine's step (before_poll, the decision, the state's update): the
# cost a user's wait() pays per request. Zero delays so the clock measures the polls, not the sleeps.
WAIT_POLLS = 20  # answers in progress per wait, then the final one
ZERO_DELAY = PollPolicy(initial_delay=0.0, min_delay=0.0, max_delay=0.0, jitter=0.0)


def _bench_wait_polls(server: SimulatorProcess, config: Config) -> None:
    print(
        f"\nInside a wait: Client.wait over a task that answers 'in progress' {WAIT_POLLS} times, then final (zero "
        f"delays),\nagainst a raw loop of the same {WAIT_POLLS + 1} httpx.Client.get + json.loads; per poll, same "
        "rounds as above."
    )
    rows = [_wait_row(server, config, provider) for provider in PROVIDERS]
    print(
        table(
            ["provider", "taskpoll us/poll", "raw us/poll", "ratio", "taskpoll CPU us", "raw CPU us", "CPU ratio"],
            rows,
        )
    )


def _wait_row(server: SimulatorProcess, config: Config, provider: str) -> list[object]:
    extra = {"poll_after": 0.0} if provider == "notion" else {}
    steps = [running(polls=WAIT_POLLS, progress=0.5, **extra), succeeded(size=1, **extra)]
    waits = max(1, config.poll_block // (WAIT_POLLS + 1))
    blocks = config.poll_rounds + 1  # the warm-up block too
    base_url, key = server.base_url(provider), server.api_key(provider)
    sdk_ids = iter(server.create_tasks(provider, steps, waits * blocks))
    raw_ids = iter(server.create_tasks(provider, steps, waits * blocks))
    client = taskpoll.Client(provider, base_url=base_url, api_key=key, rate_limit=math.inf, policy=ZERO_DELAY)
    http = httpx.Client(headers=raw_headers(provider, key))
    params = RAW_PARAMS.get(provider)

    def one_wait() -> object:
        return client.wait(next(sdk_ids), timeout=60)

    def one_raw() -> object:
        url = raw_url(base_url, provider, next(raw_ids))
        for _ in range(WAIT_POLLS + 1):
            data = json.loads(http.get(url, params=params).content)
        return data

    with client, http:
        server.stats(reset=True)
        samples = interleave(
            {"taskpoll": lambda: measure(one_wait, waits), "raw": lambda: measure(one_raw, waits)}, config.poll_rounds
        )
    served = server.stats(reset=True)["requests"]
    assert served == 2 * blocks * waits * (WAIT_POLLS + 1), f"{provider}: {served} requests, not the same on both sides"
    sdk, raw = samples["taskpoll"], samples["raw"]
    ratio = paired_ratio(sdk, raw)
    check(
        f"poll overhead {provider} inside a wait (taskpoll/raw wall)",
        f"{ratio:.3f}",
        f"<= {TARGET_POLL_RATIO}",
        ratio <= TARGET_POLL_RATIO,
    )
    per_poll = WAIT_POLLS + 1
    return [
        provider,
        us(median_wall(sdk) / per_poll),
        us(median_wall(raw) / per_poll),
        f"{ratio:.3f}",
        us(median_cpu(sdk) / per_poll),
        us(median_cpu(raw) / per_poll),
        f"{paired_ratio(sdk, raw, 'cpu'):.3f}",
    ]


def _poll_row(
    server: SimulatorProcess, config: Config, provider: str, kind: str, steps: list[Any], state: TaskState
) -> list[object]:
    task_id = server.create_task(provider, steps)
    base_url, key = server.base_url(provider), server.api_key(provider)
    client = taskpoll.Client(provider, base_url=base_url, api_key=key, rate_limit=math.inf)
    http = httpx.Client(headers=raw_headers(provider, key))
    url, params = raw_url(base_url, provider, task_id), RAW_PARAMS.get(provider)
    with client, http:
        assert client.get(task_id).state is state
        body = http.get(url, params=params)
        assert body.status_code in (200, 202), body.text

        def sdk_block() -> Timing:
            return measure(lambda: client.get(task_id), config.poll_block)

        def raw_block() -> Timing:
            return measure(lambda: json.loads(http.get(url, params=params).content), config.poll_block)

        samples = interleave({"taskpoll": sdk_block, "raw": raw_block}, config.poll_rounds)
    sdk, raw = samples["taskpoll"], samples["raw"]
    ratio, cpu_ratio = paired_ratio(sdk, raw), paired_ratio(sdk, raw, "cpu")
    spread = max(t.wall for t in sdk) / min(t.wall for t in sdk) - 1
    judged = kind == "in progress"
    check(
        f"poll overhead {provider} {kind} (taskpoll/raw wall)",
        f"{ratio:.3f}",
        f"<= {TARGET_POLL_RATIO}" if judged else "(info)",
        ratio <= TARGET_POLL_RATIO if judged else None,
    )
    return [
        provider,
        kind,
        len(body.content),
        us(median_wall(sdk)),
        us(median_wall(raw)),
        f"{ratio:.3f}",
        us(median_cpu(sdk)),
        us(median_cpu(raw)),
        f"{cpu_ratio:.3f}",
        f"{spread:.0%}",
    ]
