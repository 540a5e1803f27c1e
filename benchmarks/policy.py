"""4. Polling policies on a fake clock, through taskpoll's real engine and the Artos adapter."""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from taskpoll import PollPolicy, TaskState
from taskpoll.providers import get as get_provider
from tests.fakeclock import FakeClock

from ._common import PROVIDERS, TARGET_MEDIAN_RELATIVE_DELAY, Config, check, heading, percentile, raw_url, table

MIN_DURATION, MAX_DURATION = 1.0, 1800.0
FIXED_CADENCES = (0.5, 1.0, 2.0, 5.0, 30.0)


@dataclass(frozen=True)
class PolicyResult:
    name: str
    fixed: bool
    requests: float  # mean per task
    delay_median: float
    delay_p95: float
    relative_median: float
    relative_p95: float


def fixed_policy(seconds: float) -> PollPolicy:
    return PollPolicy(initial_delay=seconds, multiplier=1.0, max_delay=seconds, jitter=0.0, min_delay=0.0)


def _artos_response(status: str) -> httpx.Response:
    request = httpx.Request("GET", raw_url(get_provider("artos").default_base_url or "", "artos", "doc-1"))
    body = {"task_id": "doc-1", "status": status, "progress": None, "error": None}
    return httpx.Response(200, json=body, request=request)


GENERATING, READY = _artos_response("Generating"), _artos_response("Ready")


def simulate_wait(policy: PollPolicy, duration: float, seed: int) -> tuple[int, float]:
    """(requests, detection delay) of one wait on a fake clock; requests take no time."""
    clock = FakeClock(lambda now: READY if now >= duration else GENERATING)
    task = clock.run(get_provider("artos"), "doc-1", policy, timeout=math.inf, seed=random.Random(seed).getrandbits(64))
    assert task.state is TaskState.SUCCEEDED
    fetches = clock.fetch_times()
    return len(fetches), fetches[-1] - duration


def evaluate_policy(name: str, policy: PollPolicy, durations: Sequence[float], fixed: bool = False) -> PolicyResult:
    outcomes = [simulate_wait(policy, duration, seed) for seed, duration in enumerate(durations)]
    delays = [delay for _, delay in outcomes]
    relative = [delay / duration for delay, duration in zip(delays, durations, strict=True)]
    return PolicyResult(
        name,
        fixed,
        statistics.fmean(requests for requests, _ in outcomes),
        statistics.median(delays),
        percentile(delays, 0.95),
        statistics.median(relative),
        percentile(relative, 0.95),
    )


def bench_policy(config: Config) -> None:
    samples = config.policy_samples
    heading(f"4. Polling policies on a fake clock: {samples:,} tasks, durations log-uniform 1 s to 30 min")
    rng = random.Random(config.seed)
    durations = [math.exp(rng.uniform(math.log(MIN_DURATION), math.log(MAX_DURATION))) for _ in range(samples)]
    print(
        f"durations: median {statistics.median(durations):.1f} s, "
        f"mean {statistics.fmean(durations):.1f} s (seed {config.seed})"
    )
    default = evaluate_policy("taskpoll PollPolicy()", PollPolicy(), durations)
    fixed = [evaluate_policy(f"fixed {c:g} s", fixed_policy(c), durations, fixed=True) for c in FIXED_CADENCES]
    google = PollPolicy(initial_delay=1.0, multiplier=1.5, max_delay=20.0, jitter=0.0, min_delay=0.0)
    others = [evaluate_policy("google-api-core 1-20 s x1.5", google, durations)]
    others += [evaluate_policy(f"{p} default", get_provider(p).default_policy, durations) for p in PROVIDERS]
    rows = [
        [
            r.name,
            f"{r.requests:.1f}",
            f"{r.delay_median:.2f}",
            f"{r.delay_p95:.2f}",
            f"{r.relative_median:.1%}",
            f"{r.relative_p95:.1%}",
        ]
        for r in [default, *fixed, *others]
    ]
    print(table(["policy", "requests/task", "delay median s", "delay p95 s", "rel. median", "rel. p95"], rows))
    print(
        "delay: time from the task's true completion to the poll that saw it; rel.: delay / duration. "
        "Requests take no\n"
        "time. Provider defaults are run without server hints (Notion's poll_after_seconds would set its pace)."
    )
    as_good = [r for r in fixed if r.relative_median <= default.relative_median]
    cheaper = all(default.requests < r.requests for r in as_good)
    met = default.relative_median <= TARGET_MEDIAN_RELATIVE_DELAY and cheaper
    compared = ", ".join(f"{r.name} {r.requests:.1f}" for r in as_good) or "none is as good"
    print(
        f"PollPolicy(): median relative delay {default.relative_median:.1%} with {default.requests:.1f} requests/task; "
        f"fixed cadences with a median relative delay at least as good: {compared}. Target met: {met}"
    )
    check(
        "policy: PollPolicy() median relative delay",
        f"{default.relative_median:.1%}",
        f"<= {TARGET_MEDIAN_RELATIVE_DELAY:.0%}",
        default.relative_median <= TARGET_MEDIAN_RELATIVE_DELAY,
    )
    check(
        "policy: requests/task vs the cheapest fixed cadence as good",
        f"{default.requests:.1f} vs {min((r.requests for r in as_good), default=math.nan):.1f}",
        "fewer",
        cheaper,
    )
