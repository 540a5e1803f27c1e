"""Every token taskpoll issues resumes, and a resumed wait carries on the state its token holds.

Over loopback HTTP (tests/loopback.py): `Task.token()`, `WaitTimeoutError.token` (from `wait` and
from `poll_once`), `WaitState.token()` at its largest, and an older taskpoll's version-1 token, for
the longest ids taskpoll accepts (2048 emoji, 2048 CJK characters).
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

import taskpoll
from taskpoll import PollPolicy, TaskState, WaitState
from taskpoll._ids import MAX_STATUS_LENGTH, MAX_TASK_ID_LENGTH

from .answers import old_token as make
from .clients import FAST
from .loopback import Canned, CannedServer, canned_server


def artos(status: str) -> Canned:
    return Canned(200, json.dumps({"task_id": "t", "status": status, "progress": None, "error": None}).encode())


PENDING, READY = artos("Pending"), artos("Ready")
BUSY = Canned(503, b"<html>busy</html>", "text/html")
IDS = {"emoji": "😀" * MAX_TASK_ID_LENGTH, "CJK": "中" * MAX_TASK_ID_LENGTH, "plain": "doc-1"}


@pytest.fixture(scope="module")
def server() -> Iterator[CannedServer]:
    with canned_server() as s:
        yield s


def client(server: CannedServer, policy: PollPolicy = FAST) -> taskpoll.Client[Any]:
    return taskpoll.Client("artos", api_key="k-tokens", base_url=server.base_url, policy=policy)


def largest_state(task_id: str) -> WaitState:
    """A state with every field at its longest: what the largest token taskpoll writes holds."""
    now = time.time()
    return WaitState(
        provider="artos",
        task_id=task_id,
        deadline=now + 1e6,
        attempt=(1 << 62) - 1,
        polls_in_state=(1 << 62) - 1,
        failures=0,
        rate_limits=(1 << 62) - 1,
        last_state=TaskState.UNKNOWN,
        last_status="\x1f" * MAX_STATUS_LENGTH,  # JSON writes each as \u001f: six bytes
        last_progress=0.123456789012345,
        next_poll=now - 1.0e-3 - 1.23456789e-9,
        hinted=True,
        last_poll=now - 4.0e-3 - 1.23456789e-9,
        booked=now - 2.0e-3 - 1.23456789e-9,
        final_poll=True,
        warned_unknown=True,
        latencies=(3599.123456789012, 0.1234567890123, 1e-300, 3600.0),
        seed=(1 << 64) - 1,
        started=now - 1.0e5 - 1.23456789e-9,
        last_error_text="\x01" * 300,
    )


def wait_timeout_token(server: CannedServer, task_id: str) -> str:
    server.answer_all(PENDING)
    with client(server) as c, pytest.raises(taskpoll.WaitTimeoutError) as caught:
        c.wait(task_id, timeout=0.15)
    return caught.value.token


def poll_once_timeout_token(server: CannedServer, task_id: str) -> str:
    server.answer_all(PENDING)
    with client(server) as c:
        step: Any = c.poll_once(c.new_wait(task_id, timeout=0.15))
        while isinstance(step, taskpoll.PollAgain):
            time.sleep(max(0.0, step.at - time.time()))
            step = c.poll_once(step.state.token())
    assert isinstance(step.outcome, taskpoll.WaitTimeoutError)
    return step.outcome.token


def task_token(server: CannedServer, task_id: str) -> str:
    server.answer_all(PENDING)
    with client(server) as c:
        return c.get(task_id).token()


SOURCES: dict[str, Callable[[CannedServer, str], str]] = {
    "Task.token()": task_token,
    "WaitTimeoutError.token from wait": wait_timeout_token,
    "WaitTimeoutError.token from poll_once": poll_once_timeout_token,
    "the largest WaitState.token()": lambda server, task_id: largest_state(task_id).token(),
    "new_wait(...).token()": lambda server, task_id: client(server).new_wait(task_id).token(),
    "a version-1 token": lambda server, task_id: make("artos", task_id, "\x1f" * MAX_STATUS_LENGTH, 1.5),
}


@pytest.mark.parametrize("source", list(SOURCES))
@pytest.mark.parametrize("kind", list(IDS))
def test_every_token_taskpoll_issues_resumes(server: CannedServer, kind: str, source: str) -> None:
    task_id = IDS[kind]
    token = SOURCES[source](server, task_id)
    state = WaitState.from_token(token)
    assert (state.provider, state.task_id) == ("artos", task_id)
    assert state.token() and WaitState.from_token(state.token()) == state  # read back, written again: the same
    server.answer_all(READY)
    before = len(server.seen)
    with client(server) as c:
        task = c.resume(token, timeout=5)
    assert task.id == task_id and task.state is TaskState.SUCCEEDED
    assert len(server.seen) == before + 1
    if kind != "plain":
        assert server.seen[-1].raw_path.endswith("%" + task_id.encode().hex("%").upper())


def test_a_tasks_token_holds_what_its_answer_told() -> None:
    task = taskpoll.Task(
        provider="notion",
        id="t-1",
        state=TaskState.RUNNING,
        status="in_progress",
        progress=0.5,
        poll_after=7.0,
        observed_at=datetime.now(UTC),
    )
    state = WaitState.from_token(task.token())
    assert (state.last_state, state.last_status, state.last_progress) == (TaskState.RUNNING, "in_progress", 0.5)
    assert task.observed_at is not None and state.next_poll is not None and state.hinted
    assert state.next_poll == pytest.approx(task.observed_at.timestamp() + 7.0, abs=1e-3)
    assert state.attempt == 0 and math.isinf(state.deadline)


def test_a_resumed_wait_keeps_its_failure_budget(server: CannedServer) -> None:
    policy = FAST.with_changes(max_consecutive_failures=3, failure_delay=0.01)
    server.answer_all(BUSY)
    with client(server, policy) as c:
        state = c.new_wait("doc-1", timeout=30)
        for _ in range(2):  # two failures in a row, carried in hops
            step = c.poll_once(state)
            assert isinstance(step, taskpoll.PollAgain) and isinstance(step.error, taskpoll.ServerError)
            time.sleep(max(0.0, step.at - time.time()))
            state = step.state
        assert WaitState.from_token(state.token()).failures == 2
        before = len(server.seen)
        with pytest.raises(taskpoll.ServerError):
            c.resume(state.token(), timeout=30)
        assert len(server.seen) - before == 2  # the 3rd failure is within the budget of 3, the 4th is not
        before = len(server.seen)
        with pytest.raises(taskpoll.ServerError):
            c.resume(make("artos", "doc-1"), timeout=30)  # a v1 token knows no failures: a whole budget
        assert len(server.seen) - before == 4


def test_a_wait_timeout_token_keeps_the_servers_retry_after(server: CannedServer) -> None:
    server.answer_all(Canned(429, b'{"detail": "slow down"}', headers=(("Retry-After", "1"),)))
    with client(server) as c:
        with pytest.raises(taskpoll.WaitTimeoutError, match="asked to wait 1 s, past the deadline") as caught:
            c.wait("doc-1", timeout=0.5)
        ended = time.time()
        state = WaitState.from_token(caught.value.token)
        assert state.rate_limits == 1 and state.next_poll is not None and state.next_poll > ended + 0.8
        server.answer_all(READY)
        before = len(server.seen)
        assert c.resume(caught.value.token, timeout=10).state is TaskState.SUCCEEDED
    assert time.time() >= state.next_poll - 0.01  # the resumed wait's one poll came after the Retry-After
    assert len(server.seen) == before + 1


def test_a_resumed_wait_carries_on_its_backoff(server: CannedServer) -> None:
    policy = PollPolicy(initial_delay=0.02, multiplier=2.0, max_delay=5.0, jitter=0.0, min_delay=0.0)
    server.answer_all(PENDING)
    with client(server, policy) as c:
        state = c.new_wait("doc-1", timeout=30)
        for _ in range(3):  # three Pending answers: the next backoff is 0.02 * 2**3
            step = c.poll_once(state)
            assert isinstance(step, taskpoll.PollAgain)
            time.sleep(max(0.0, step.at - time.time()))
            state = step.state
        events: list[taskpoll.PollEvent] = []

        def on_poll(event: taskpoll.PollEvent) -> None:
            events.append(event)
            server.answer_all(READY)

        assert c.resume(state.token(), timeout=30, on_poll=on_poll).state is TaskState.SUCCEEDED
    assert [(e.attempt, e.next_delay) for e in events] == [(4, pytest.approx(0.16))]


def carried_in_windows(server: CannedServer, colour: str, window: float, horizon: float) -> tuple[int, int]:
    """(polls the server saw, windows) of a wait carried as `wait(timeout=window)`, then `resume(token,
    timeout=window)` again and again, for `horizon` seconds, through real clients over loopback."""
    policy = PollPolicy(initial_delay=0.1, multiplier=2.0, max_delay=10.0, jitter=0.0)
    options = {"api_key": "k-tokens", "base_url": server.base_url, "policy": policy}
    before, windows, started = len(server.seen), 0, time.monotonic()

    async def carry_async() -> int:
        async with taskpoll.AsyncClient("artos", **options) as c:
            token, count = None, 0
            while time.monotonic() - started < horizon - 0.05:
                count += 1
                left = min(window, horizon - (time.monotonic() - started))
                try:
                    await (c.wait("doc-1", timeout=left) if token is None else c.resume(token, timeout=left))
                except taskpoll.WaitTimeoutError as exc:
                    token = exc.token
            return count

    if colour == "async":
        windows = asyncio.run(carry_async())
    else:
        with taskpoll.Client("artos", **options) as c:
            token = None
            while time.monotonic() - started < horizon - 0.05:
                windows += 1
                left = min(window, horizon - (time.monotonic() - started))
                try:
                    c.wait("doc-1", timeout=left) if token is None else c.resume(token, timeout=left)
                except taskpoll.WaitTimeoutError as exc:
                    token = exc.token
    return len(server.seen) - before, windows


@pytest.mark.parametrize("colour", ["sync", "async"])
def test_a_wait_carried_in_windows_keeps_its_backoff_over_loopback(server: CannedServer, colour: str) -> None:
    # Polls due at 0, 0.1, 0.3, 0.7 and 1.5 s, then one last poll before the 3 s deadline: 6 for one wait.
    # Before, every resume polled at once and every window added a last poll: 21 polls in 10 windows.
    server.answer_all(artos("Generating"))
    one, _ = carried_in_windows(server, colour, window=3.0, horizon=3.0)
    carried, windows = carried_in_windows(server, colour, window=0.5, horizon=3.0)
    assert one <= 6
    assert carried <= 6 + windows, (carried, windows)  # the backoff carried on: at most one poll more a window


@pytest.mark.parametrize(
    "fields",
    [
        {"l": [0.1] * 5},  # more latency samples than a state keeps
        {"l": ["slow"]},
        {"l": {"a": 1}},
        {"t0": "yesterday"},
        {"t0": 10**400},
        {"n": True},
    ],
)
def test_a_state_with_damaged_new_fields_is_an_invalid_token_error(fields: dict[str, object]) -> None:
    data = {**WaitState(provider="artos", task_id="t").to_dict(), **fields}
    with pytest.raises(taskpoll.InvalidTokenError):
        WaitState.from_dict(data)


def test_a_first_version_2_token_with_one_latency_number_still_reads() -> None:
    data = {**WaitState(provider="artos", task_id="t").to_dict(), "l": 0.25}
    assert WaitState.from_dict(data).latencies == (0.25,)
