"""Stalls: a wait's opt-in `stalled_after=` ends it with TaskStalledError (resumable) once the provider has
shown no sign that the task is alive or moving for that long. The decision is the pure step's (on a fake
clock here); the signs are the adapters' (`Task.last_activity`) and changes between answers (over
loopback, with the simulator and a canned server)."""

from __future__ import annotations

import asyncio
import math
import time
from datetime import UTC, datetime
from typing import Any

import attrs
import httpx
import pytest

import taskpoll
from taskpoll import PollPolicy, Task, TaskState
from taskpoll._step import Done, PollAgain, WaitState, advance, begin, resumed
from taskpoll.simulator import Simulator, running, succeeded

from .answers import as_answer
from .loopback import Canned, canned_server
from .telemetry import capturing

POLICY = PollPolicy(initial_delay=1.0, multiplier=1.0, max_delay=1.0, jitter=0.0, min_delay=0.0)
FAST = PollPolicy(initial_delay=0.01, min_delay=0.01, max_delay=0.02, jitter=0.0)
ARTOS_BODY = {"document_type": "CSR", "file_paths": ["a.pdf"], "connector_data_id": "c", "workspace_name": "w"}
ARTOS_BODY |= {"template_id": "t", "output_name": "o"}
OFFSET = 1_700_000_000.0  # the wall-clock time of the fake clock's 0


def running_task(progress: float | None = None, status: str = "Generating", **fields: Any) -> Task[Any]:
    return Task(provider="artos", id="t", state=TaskState.RUNNING, status=status, progress=progress, **fields)


def wall(seconds: float) -> datetime:
    return datetime.fromtimestamp(OFFSET + seconds, UTC)


def drive(answers: dict[float, Task[Any] | taskpoll.TaskpollError], state: WaitState) -> tuple[WaitState, object]:
    """Answer at each of these times in turn (a poll a second); the state after the last, or the outcome."""
    step: PollAgain | Done[Any] | None = None
    for now, answer in sorted(answers.items()):
        step = advance(state, answer, POLICY, now=now)
        if isinstance(step, Done):
            return step.state, step.outcome
        state = step.state
    return state, step


def new(stalled_after: float = 10.0) -> WaitState:
    state = begin("artos", "t", now=0.0, timeout=3600, clock_offset=OFFSET)
    return attrs.evolve(state, stalled_after=stalled_after)


# The decision: the pure step on a fake clock --------------------------------------------------------


def test_no_sign_of_activity_for_stalled_after_ends_the_wait_stalled() -> None:
    answers = {float(t): running_task(0.5) for t in range(11)}
    state, outcome = drive(answers, new())
    assert isinstance(outcome, taskpoll.TaskStalledError) and isinstance(outcome, taskpoll.WaitTimeoutError)
    assert state.attempt == 11  # the answer at 10 s, 10 s after the first (which started the count)
    assert outcome.last_activity == wall(0) and outcome.stalled_after == 10.0
    assert outcome.task is not None and outcome.task.status == "Generating" and outcome.token
    assert "no sign of activity for 10.0 s (stalled_after 10 s)" in str(outcome) and "the task goes on" in str(outcome)


@pytest.mark.parametrize(
    "moved",
    [
        running_task(0.6),
        running_task(0.5, status="Ingesting"),
        Task(provider="artos", id="t", state=TaskState.PENDING, status="Pending", progress=0.5),
    ],
    ids=["progress", "status", "state"],
)
def test_a_change_of_state_status_or_progress_is_a_sign_of_activity(moved: Task[Any]) -> None:
    answers: dict[float, Any] = {float(t): running_task(0.5) for t in range(30)}
    answers[8.0] = moved
    answers |= {float(t): moved for t in range(9, 30)}
    state, outcome = drive(answers, new())
    assert isinstance(outcome, taskpoll.TaskStalledError) and state.attempt == 19  # 10 s after the change at 8 s
    assert outcome.last_activity == wall(8)


def test_the_providers_own_sign_counts_and_a_future_one_is_now() -> None:
    answers: dict[float, Any] = {0.0: running_task(last_activity=wall(-5))}  # active 5 s before the wait began
    answers |= {float(t): running_task(last_activity=wall(t - 1)) for t in range(1, 20)}  # a second ago, each time
    answers[20.0] = running_task(last_activity=wall(3600))  # a clock far ahead: read as now
    answers |= {float(t): running_task(last_activity=wall(3600)) for t in range(21, 40)}
    state, outcome = drive(answers, new())
    assert isinstance(outcome, PollAgain) and state.last_activity == 39.0  # never older than 1 s: alive


def test_a_sign_older_than_stalled_after_stalls_the_first_answer() -> None:
    state, outcome = drive({0.0: running_task(last_activity=wall(-3600))}, new())
    assert isinstance(outcome, taskpoll.TaskStalledError) and state.attempt == 1
    assert outcome.last_activity == wall(-3600)


def test_failed_polls_are_no_sign_and_decide_no_stall() -> None:
    error = taskpoll.ServerError("down", provider="artos", task_id="t", status_code=503)
    answers: dict[float, Any] = {0.0: running_task(), 5.0: error, 10.0: error, 15.0: error, 16.0: running_task()}
    state, outcome = drive(answers, new())
    assert isinstance(outcome, taskpoll.TaskStalledError) and state.attempt == 5  # decided on the answer at 16 s
    assert outcome.last_activity == wall(0)


def test_without_stalled_after_nothing_is_tracked_or_decided() -> None:
    state, outcome = drive({float(t): running_task() for t in range(100)}, new(math.inf))
    assert isinstance(outcome, PollAgain) and state.last_activity is None and state.stalled_after == math.inf
    assert "sa" not in state.to_dict() and "la" not in state.to_dict()


def test_a_stall_window_crosses_hops_and_a_resume_opens_a_fresh_one() -> None:
    answers = {float(t): running_task() for t in range(6)}
    state, _ = drive(answers, new())
    carried = WaitState.from_token(state.token(), clock_offset=OFFSET)  # another process, the same clock
    assert (carried.stalled_after, carried.last_activity) == (10.0, 0.0)
    state, outcome = drive({float(t): running_task() for t in range(6, 11)}, carried)
    assert isinstance(outcome, taskpoll.TaskStalledError)
    resumed_state = resumed(WaitState.from_token(outcome.token, clock_offset=OFFSET), now=100.0, timeout=60)
    assert (resumed_state.stalled_after, resumed_state.last_activity) == (10.0, 100.0)
    _, outcome = drive({float(t): running_task() for t in range(100, 109)}, resumed_state)
    assert isinstance(outcome, PollAgain)  # 9 s into the fresh window


def test_old_tokens_read_and_damaged_stall_fields_do_not() -> None:
    old = WaitState(provider="artos", task_id="t", attempt=3).to_dict()
    assert WaitState.from_dict(old).stalled_after == math.inf
    for bad in (0, -1, "10", True, [1]):
        with pytest.raises(taskpoll.InvalidTokenError):
            WaitState.from_dict({**old, "sa": bad})
    with pytest.raises(taskpoll.InvalidTokenError):
        WaitState.from_dict({**old, "sa": 5, "la": "yesterday"})


@pytest.mark.parametrize("bad", [0, -1.0, float("nan"), True, "5"])
def test_a_bad_stalled_after_is_refused_before_any_request(bad: Any) -> None:
    with taskpoll.Client("artos", base_url="http://127.0.0.1:9", api_key="k", allow_insecure_http=True) as c:
        for call in (lambda: c.wait("t", stalled_after=bad), lambda: c.new_wait("t", stalled_after=bad)):
            with pytest.raises(taskpoll.ConfigurationError, match="stalled_after"):
                call()


# The signs: what each provider's answers say -------------------------------------------------------


def aryn_pending(*headers: tuple[str, str]) -> Task[Any]:
    response = httpx.Response(202, headers=list(headers), json={"detail": "Task is pending."})
    return taskpoll.providers.get("aryn").read("aryn:t-1", as_answer(response))


def test_aryn_reads_its_activity_header_as_aryn_sdk_does() -> None:
    header = "x-aryn-asyncifier-active-at"
    assert aryn_pending().last_activity is None
    assert aryn_pending((header, "network=1733500000")).last_activity == datetime.fromtimestamp(1733500000, UTC)
    latest = aryn_pending((header, "network=1733500000; storage=1733500009"), (header, "network=1733500004"))
    assert latest.last_activity == datetime.fromtimestamp(1733500009, UTC)  # repeated, several keys: the latest
    odd = aryn_pending((header, "junk; x=abc; y=; z=-5; w=" + "9" * 5000 + "; network=1733500001"))
    assert odd.last_activity == datetime.fromtimestamp(1733500001, UTC)  # what does not read is skipped
    assert aryn_pending((header, "network=99999999999999")).last_activity is None  # past year 9999


def test_unsiloed_gives_when_processing_started_or_the_job_finished() -> None:
    provider = taskpoll.providers.get("unsiloed")

    def job(**fields: Any) -> Task[Any]:
        body = {"job_id": "j", "status": "Processing", "created_at": "2026-01-01T00:00:00Z", "metadata": {}, **fields}
        return provider.read("j", as_answer(httpx.Response(200, json=body)))

    assert job().last_activity is None
    assert job(started_at="2026-01-01T00:00:05Z").last_activity == datetime(2026, 1, 1, 0, 0, 5, tzinfo=UTC)
    done = job(status="Failed", started_at="2026-01-01T00:00:05Z", finished_at="2026-01-01T00:09:00Z", message="x")
    assert done.last_activity == datetime(2026, 1, 1, 0, 9, tzinfo=UTC)
    assert Task.from_dict(done.to_dict()).last_activity == done.last_activity


# Over loopback ------------------------------------------------------------------------------------------


def client(sim: Simulator, provider: str, **options: Any) -> taskpoll.Client[Any]:
    return taskpoll.Client(
        provider,
        base_url=sim.base_url(provider),
        api_key=sim.api_key(provider),
        policy=FAST,
        rate_limit=float("inf"),
        **options,
    )


def aclient(sim: Simulator, provider: str) -> taskpoll.AsyncClient[Any]:
    return taskpoll.AsyncClient(
        provider, base_url=sim.base_url(provider), api_key=sim.api_key(provider), policy=FAST, rate_limit=float("inf")
    )


@pytest.mark.parametrize("provider", ["artos", "unsiloed", "veza", "notion"])
def test_a_task_that_never_moves_stalls_and_its_token_resumes(taskpoll_simulator: Simulator, provider: str) -> None:
    sim = taskpoll_simulator
    task_id = sim.create_task(provider, [running(polls=None, progress=0.5, poll_after=0.01)])
    began = time.monotonic()
    with client(sim, provider) as c, pytest.raises(taskpoll.TaskStalledError) as stalled:
        c.wait(task_id, timeout=30, stalled_after=0.3)
    assert 0.3 <= time.monotonic() - began < 30
    error = stalled.value
    assert error.task is not None and error.task.state is TaskState.RUNNING and error.stalled_after == 0.3
    assert error.last_activity is not None and error.last_activity <= datetime.now(UTC)
    with client(sim, provider) as c, pytest.raises(taskpoll.TaskStalledError):
        c.resume(error.token, timeout=30)  # the token's stall window, afresh: still no sign, stalled again


@pytest.mark.parametrize("moving", [True, False])
def test_a_task_that_keeps_moving_never_stalls(taskpoll_simulator: Simulator, moving: bool) -> None:
    """The simulator's real answers, read over loopback, decided on a fake clock: 8 s apart, each a new
    progress, they keep a 10 s window open through 80 s; the same answers without a move stall it."""
    sim = taskpoll_simulator
    steps = [running(polls=1, progress=n / 10 if moving else 0.5) for n in range(1, 10)] + [succeeded(size=1)]
    task_id = sim.create_task("artos", steps)
    with client(sim, "artos") as c:
        _, outcome = drive({8.0 * n: c.get(task_id) for n in range(10)}, new(stalled_after=10.0))
    if moving:
        assert isinstance(outcome, Task) and outcome.state is TaskState.SUCCEEDED
    else:
        assert isinstance(outcome, taskpoll.TaskStalledError) and outcome.last_activity == wall(0)


def test_aryns_header_decides_a_stall_at_the_first_answer() -> None:
    old = ("x-aryn-asyncifier-active-at", f"network={int(time.time()) - 3600}")
    fresh = ("x-aryn-asyncifier-active-at", f"network={int(time.time())}")
    with canned_server() as server:
        server.answer_in_turn([Canned(202, b'{"detail": "Task is pending."}', headers=(old,))])
        with taskpoll.Client("aryn", base_url=server.base_url, api_key="k", allow_insecure_http=True, policy=FAST) as c:
            with pytest.raises(taskpoll.TaskStalledError) as stalled:
                c.wait("aryn:t-1", timeout=30, stalled_after=600)
            assert len(server.seen) == 1 and stalled.value.last_activity is not None
            assert time.time() - stalled.value.last_activity.timestamp() >= 3600
            server.seen.clear()
            done = b'{"status": ["done"], "elements": []}'
            server.answer_in_turn(
                [Canned(202, b"{}", headers=(fresh,)), Canned(202, b"{}", headers=(fresh,)), Canned(200, done)]
            )
            assert c.wait("aryn:t-2", timeout=30, stalled_after=600).state is TaskState.SUCCEEDED


def test_each_wait_of_wait_many_stalls_on_its_own(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    stuck = sim.create_task("artos", [running(polls=None, progress=0.5)])
    quick = sim.create_task("artos", [succeeded(size=1)])  # final at its first answer: nothing to time

    async def main() -> list[Any]:
        async with aclient(sim, "artos") as c:
            return await c.wait_many([stuck, quick], timeout=30, stalled_after=0.3)

    outcomes = asyncio.run(main())
    assert isinstance(outcomes[0], taskpoll.TaskStalledError) and outcomes[1].state is TaskState.SUCCEEDED
    with client(sim, "artos") as c:
        sync = c.wait_many([stuck, quick], timeout=30, stalled_after=0.3)
    assert isinstance(sync[0], taskpoll.TaskStalledError) and isinstance(sync[1], Task)


def test_hops_carry_the_stall_window(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    task_id = sim.create_task("artos", [running(polls=None, progress=0.5)])
    with client(sim, "artos") as c:
        step: Any = c.new_wait(task_id, timeout=30, stalled_after=0.3)
        token = step.token()
        for _ in range(200):
            step = c.poll_once(token)
            if isinstance(step, Done):
                break
            token = step.state.token()
            time.sleep(max(0.0, step.at - time.time()))
    assert isinstance(step, Done) and isinstance(step.outcome, taskpoll.TaskStalledError)


def test_run_takes_stalled_after_and_the_span_says_stalled(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    sim.script_next("artos", [running(polls=None, progress=0.5)])
    with capturing() as capture, client(sim, "artos") as c, pytest.raises(taskpoll.TaskStalledError):
        c.run(ARTOS_BODY, timeout=30, stalled_after=0.3)
    (run,) = capture.spans("taskpoll.run")
    assert dict(run.attributes or {})["taskpoll.wait.outcome"] == "stalled"
