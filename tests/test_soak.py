"""A fault soak: 1,000 tasks of the five providers, a quarter of all polls faulted, one deadline.

Every poll may meet a 429 with Retry-After, a 503, a 520, a dropped connection, an answer slower than
the request timeout, an HTML, empty or truncated body, or an unknown status. Each provider's tasks are
awaited with AsyncClient.wait_many, all five at once. The test checks, from the simulator's own log:

- every task ends in its scripted final state, or with the error that state means (404 for expired,
  a timeout for the tasks that never finish), or, only after a run of transient faults longer than
  the failure budget, with the last of those errors;
- no wait ends later than its deadline (beyond a stated slack for timers);
- no poll came sooner than the Retry-After or poll_after_seconds the client had been given;
- no task is polled after its final answer, so requests stay within a stated bound;
- every request carried its own provider's key and nobody else's.

It prints the figures. `pytest tests/test_soak.py -s` shows them.
"""

from __future__ import annotations

import asyncio
import itertools
import math
import time
from collections import Counter
from typing import Any

import pytest

import taskpoll
from taskpoll import TaskState
from taskpoll.simulator import (
    Fault,
    RecordedRequest,
    SimulatorProcess,
    Step,
    canceled,
    expired,
    failed,
    pending,
    running,
)
from taskpoll.simulator import succeeded as succeeded_step

from .clients import FAST

PROVIDERS = taskpoll.providers.names()
TASKS_PER_PROVIDER = 200
NEVER_FINISH = 10  # of those, per provider, never finish; they are awaited under a short deadline
DEADLINE = 6.0  # for the tasks that never finish
GENEROUS = 120.0  # for the others: they must finish by themselves, on however slow a machine
TIMER_SLACK = 0.5  # seconds a wait may end after its deadline on a loaded machine
RETRY_AFTER = 0.1
NOTION_POLL_AFTER = 0.05
REQUEST_TIMEOUT = 0.3
FAILURE_BUDGET = 8
FAULTS = [
    Fault("rate_limit", rate=0.05, retry_after=RETRY_AFTER),
    Fault("server_error", rate=0.04, status=503),
    Fault("nonstandard_status", rate=0.02),
    Fault("drop", rate=0.03),
    Fault("slow", rate=0.02, delay=REQUEST_TIMEOUT * 2),  # the client times out first
    Fault("html", rate=0.02),
    Fault("empty", rate=0.02),
    Fault("truncated", rate=0.02),
    Fault("unknown_status", rate=0.03),
]
# The suite's fast policy, with a longer ceiling, a wider failure budget and a short request timeout.
POLICY = FAST.with_changes(max_delay=0.2, max_consecutive_failures=FAILURE_BUDGET, request_timeout=REQUEST_TIMEOUT)
TRANSIENT = (
    taskpoll.ServerError,
    taskpoll.APIConnectionError,
    taskpoll.ResponseValidationError,
    taskpoll.RateLimitError,
)


def script(provider: str, index: int) -> tuple[list[Step], str]:
    """The lifecycle of one task and what its wait must end with."""
    if index < NEVER_FINISH:
        return [running(polls=None)], "WaitTimeoutError"
    endings = [
        ("succeeded", succeeded_step(size=2)),
        ("failed", failed(error="scripted failure")),
        ("NotFoundError", expired()),
    ]
    if provider in ("veza", "unsiloed"):
        endings.append(("canceled", canceled()))
    expect, last = endings[index % len(endings)]
    return [pending(), running(), last], expect


async def wait_all(
    sim: SimulatorProcess, ids: dict[str, list[str]], expected: dict[str, str], gave_up: dict[str, list[float]]
) -> tuple[dict[str, Any], dict[str, float], dict[str, float], float]:
    """Every outcome, when it arrived, and when its wait began (monotonic seconds). `gave_up` holds,
    per task, when the polls that timed out after the request had gone out did so (the monotonic clock
    the simulator's log uses too): the server may have answered them, unread."""
    outcomes: dict[str, Any] = {}
    ended: dict[str, float] = {}
    began: dict[str, float] = {}
    started = time.monotonic()

    def on_poll(event: taskpoll.PollEvent) -> None:
        if isinstance(event.error, taskpoll.APITimeoutError) and event.error.sent:
            gave_up.setdefault(event.task_id, []).append(time.monotonic())

    async def one(provider: str, task_ids: list[str], timeout: float) -> None:
        client: taskpoll.AsyncClient[Any] = taskpoll.AsyncClient(
            provider,
            base_url=sim.base_url(provider),
            api_key=sim.api_key(provider),
            policy=POLICY.with_changes(follow_hint=taskpoll.providers.get(provider).default_policy.follow_hint),
            rate_limit=math.inf,  # the limiter has its own tests; here it would only slow the soak down
        )
        async with client:
            began.update(dict.fromkeys(task_ids, time.monotonic()))
            async for outcome in client.as_completed(task_ids, timeout=timeout, concurrency=64, on_poll=on_poll):
                key = outcome.id if isinstance(outcome, taskpoll.Task) else outcome.task_id
                outcomes[key] = outcome
                ended[key] = time.monotonic()

    groups = []
    for provider in PROVIDERS:
        unfinished = [t for t in ids[provider] if expected[t] == "WaitTimeoutError"]
        groups.append(one(provider, [t for t in ids[provider] if t not in unfinished], GENEROUS))
        groups.append(one(provider, unfinished, DEADLINE))
    await asyncio.gather(*groups)
    return outcomes, ended, began, started


def describe(outcome: Any) -> str:
    return outcome.state.value if isinstance(outcome, taskpoll.Task) else type(outcome).__name__


def test_fault_soak(capsys: pytest.CaptureFixture[str]) -> None:
    with SimulatorProcess("--seed", "2026", "--notion-poll-after", str(NOTION_POLL_AFTER)) as sim:
        sim.set_faults(FAULTS)
        expected: dict[str, str] = {}
        ids: dict[str, list[str]] = {p: [] for p in PROVIDERS}
        for provider in PROVIDERS:
            for index in range(TASKS_PER_PROVIDER):
                steps, expect = script(provider, index)
                task_id = sim.create_task(provider, steps, task_id=f"soak-{provider}-{index}")
                ids[provider].append(task_id)
                expected[task_id] = expect
        wall = time.monotonic()
        gave_up: dict[str, list[float]] = {}
        outcomes, ended, began, started = asyncio.run(wait_all(sim, ids, expected, gave_up))
        wall = time.monotonic() - wall
        log = sim.requests()

    by_task: dict[str, list[RecordedRequest]] = {}
    for record in sorted(log, key=lambda r: r.time):  # the log is in answer order; a slow answer comes late
        by_task.setdefault(record.task_id or "", []).append(record)
    faults = Counter(r.fault for r in log if r.fault)
    status_polls = [r for r in log if r.task_id]

    # Every task ended as scripted (or, after a long run of transient faults, with the last of them).
    assert set(outcomes) == set(expected)
    surprises = []
    budget_exhausted = 0
    for task_id, outcome in outcomes.items():
        if describe(outcome) == expected[task_id]:
            continue
        recent = by_task.get(task_id, [])[-(FAILURE_BUDGET + 1) :]
        if isinstance(outcome, TRANSIENT) and len(recent) == FAILURE_BUDGET + 1 and all(r.fault for r in recent):
            budget_exhausted += 1
            continue
        surprises.append((task_id, expected[task_id], describe(outcome), str(outcome)[:200]))
    assert not surprises, surprises[:5]

    # No wait passed its deadline beyond the timer slack; the unfinished ones ended right at it.
    timed_out = [t for t, o in outcomes.items() if isinstance(o, taskpoll.WaitTimeoutError)]
    overshoot = max(ended[t] - (began[t] + DEADLINE) for t in timed_out)  # on the caller's clock
    assert max(ended.values()) - started < GENEROUS
    assert overshoot <= TIMER_SLACK
    assert all(ended[t] - began[t] >= DEADLINE - 2.5 for t in timed_out)  # the last poll is kept for the end

    # No poll came sooner than the hint the client had been given.
    early = []
    for records in by_task.values():
        for previous, current in itertools.pairwise(records):
            hint = None
            if previous.fault == "rate_limit":
                hint = RETRY_AFTER
            elif (
                previous.provider == "notion"
                and previous.status == 200
                and previous.fault in (None, "extra_field", "unknown_status")
            ):
                hint = NOTION_POLL_AFTER
            # A hint the client never read does not count: on a loaded machine an answer can come after
            # the request's deadline on the client's clock, which gives up on it (and retries on its
            # failure backoff) between the server's answer and the next poll.
            unread = any(previous.time <= at <= current.time for at in gave_up.get(previous.task_id or "", ()))
            if hint is not None and current.time - previous.time < hint and not unread:
                early.append((previous.task_id, previous.fault, current.time - previous.time))
    assert not early, early[:5]

    # No task was polled after the client had its final answer; requests stay within the stated bound.
    # Three scripted answers, plus one for each request the client gave up on after sending it: a
    # `slow` fault, or, on a loaded machine, an answer that came back after the request's deadline on
    # the client's clock (the server logged it as answered; the client never read it, so it asks again).
    over = []
    for task_id, records in by_task.items():
        if not task_id or expected.get(task_id) == "WaitTimeoutError":
            continue
        answered = sum(1 for r in records if r.fault in (None, "extra_field"))
        if answered > 3 + len(gave_up.get(task_id, ())):
            over.append((task_id, answered, len(gave_up.get(task_id, ()))))
    assert not over, over[:5]
    unfinished_polls = max(len(by_task[t]) for t in timed_out)
    assert unfinished_polls <= 90  # DEADLINE / max_delay = 30 polls, plus the faster retries after faults

    # Every request carried its own provider's key.
    assert all(r.key_owner == r.provider for r in log)

    fault_share = sum(faults.values()) / len(status_polls)
    assert fault_share >= 0.20
    assert set(faults) == {f.kind for f in FAULTS}
    outcome_counts = Counter(describe(o) for o in outcomes.values())
    finished_requests = len(status_polls) - sum(len(by_task.get(t, [])) for t in timed_out)
    with capsys.disabled():
        print(
            f"\nfault soak: {len(outcomes)} tasks, {len(status_polls)} status requests in {wall:.1f} s, "
            f"{sum(faults.values())} faulted ({fault_share:.1%}): {dict(faults.most_common())}\n"
            f"  outcomes {dict(outcome_counts)}; failure budget exhausted: {budget_exhausted}\n"
            f"  requests per finished task: {finished_requests / (len(outcomes) - len(timed_out)):.2f} "
            f"(3 scripted answers); unfinished tasks: at most {unfinished_polls} polls in {DEADLINE:g} s\n"
            f"  max overshoot past the deadline: {overshoot * 1000:.0f} ms (bound {TIMER_SLACK * 1000:.0f} ms); "
            f"polls earlier than a hint: {len(early)}; requests the client gave up on after sending: "
            f"{sum(map(len, gave_up.values()))}"
        )
    assert outcome_counts[TaskState.SUCCEEDED.value] >= 250  # about a third of the 950 that finish
