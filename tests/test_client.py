"""Client and AsyncClient against the simulator over real loopback HTTP, for every provider.

Each scenario the unified layer promises — success, failure, cancel, expiry, auth errors, 429 with
Retry-After, transient 5xx, unknown status, malformed bodies, wait timeout — runs for each of the
five providers, in both colours, through one test body.
"""

from __future__ import annotations

import copy
from typing import Any

import attrs
import pytest

import taskpoll
from taskpoll import TaskState
from taskpoll.providers import get
from taskpoll.simulator import Fault, Simulator, canceled, expired, failed, pending, running, succeeded

from .clients import Colour

PROVIDERS = taskpoll.providers.names()
TIMER_SLACK = 0.05  # seconds a deadline may be passed by scheduling and timer jitter
FINAL_STATUS = {
    "aryn": "200",
    "artos": "Ready",
    "veza": "COMPLETE/SUCCEEDED",
    "unsiloed": "Succeeded",
    "notion": "succeeded",
}


pytestmark = pytest.mark.taskpoll_simulator(seed=3, notion_poll_after=0.02)  # for `sim` (conftest.py)


@pytest.fixture(params=["sync", "async", "aiohttp"])  # aiohttp: AsyncClient(transport="aiohttp")
def colour(request: pytest.FixtureRequest) -> Colour:
    return Colour(request.param)


def answered_faults(sim: Simulator, provider: str, task_id: str) -> list[str | None]:
    return [r.fault for r in sim.requests(provider, task_id)]


# Outcomes -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("provider", PROVIDERS)
def test_success_returns_the_typed_result(sim: Simulator, colour: Colour, provider: str) -> None:
    task_id = sim.create_task(provider, [pending(), running(progress=0.5), succeeded(size=3)])
    updates: list[taskpoll.Task[Any]] = []
    task = colour.call(sim, provider, "wait", task_id, timeout=10, on_update=updates.append)
    assert task.state is TaskState.SUCCEEDED and task.status == FINAL_STATUS[provider]
    assert isinstance(task.result, get(provider).result_type)
    assert task.provider == provider and task.id == task_id and task.error is None
    assert [u.state for u in updates][-1] is TaskState.SUCCEEDED and len(updates) >= 2


def borrowing_models(value: object) -> list[Any]:
    """Every model in a result tree whose from_dict may have kept a reference to its input dict."""
    found: list[Any] = []
    if attrs.has(type(value)):
        if any(base.__name__ == "BorrowedInput" for base in type(value).__mro__):  # each package's types.py
            found.append(value)
        for field in attrs.fields(type(value)):
            found += borrowing_models(getattr(value, field.name))
    elif isinstance(value, list):
        for item in value:
            found += borrowing_models(item)
    return found


@pytest.mark.parametrize("provider", ["aryn", "unsiloed", "notion"])
def test_writes_through_the_result_leave_task_raw_as_sent(sim: Simulator, provider: str) -> None:
    # The models that declare no properties (Aryn's element properties, Unsiloed's metadata, Notion's
    # page properties, ...) borrow their input from the decoded body; Task.raw is that body as sent.
    task_id = sim.create_task(provider, [succeeded(size=3)])
    task = Colour("sync").call(sim, provider, "wait", task_id, timeout=10)
    sent = copy.deepcopy(task.raw)
    models = borrowing_models(task.result)
    assert models, f"{provider}: no borrowing model in the result"
    for model in models:
        model["written-by-the-test"] = 1
        for key in list(model.additional_keys):
            if key != "written-by-the-test":
                del model[key]
    assert task.raw == sent
    assert all(model.additional_properties == {"written-by-the-test": 1} for model in models)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_failure_raises_task_failed_with_the_providers_reason(sim: Simulator, colour: Colour, provider: str) -> None:
    task_id = sim.create_task(provider, [running(), failed(error="500: the PDF is encrypted")])
    error = colour.raises(lambda: colour.call(sim, provider, "wait", task_id, timeout=10))
    assert isinstance(error, taskpoll.TaskFailedError)
    assert error.task.state is TaskState.FAILED and error.task.result is None
    assert error.task.error is not None and "the PDF is encrypted" in error.task.error.message
    quiet = colour.call(sim, provider, "wait", task_id, timeout=10, raise_on_failure=False)
    assert quiet.state is TaskState.FAILED


@pytest.mark.parametrize("provider", ["veza", "unsiloed"])
def test_cancel_raises_task_canceled(sim: Simulator, colour: Colour, provider: str) -> None:
    task_id = sim.create_task(provider, [running(), canceled()])
    error = colour.raises(lambda: colour.call(sim, provider, "wait", task_id, timeout=10))
    assert isinstance(error, taskpoll.TaskCanceledError) and error.task.state is TaskState.CANCELED


def test_aryn_cancelled_task_is_gone_with_a_404(sim: Simulator, colour: Colour) -> None:
    task_id = sim.create_task("aryn", [running(), canceled()])
    error = colour.raises(lambda: colour.call(sim, "aryn", "wait", task_id, timeout=10))
    assert isinstance(error, taskpoll.NotFoundError) and error.status_code == 404


@pytest.mark.parametrize("provider", PROVIDERS)
def test_expired_or_unknown_task_raises_not_found(sim: Simulator, colour: Colour, provider: str) -> None:
    task_id = sim.create_task(provider, [pending(), expired()])
    for target in (task_id, "no-such-task"):
        error = colour.raises(lambda t=target: colour.call(sim, provider, "wait", t, timeout=10))
        assert isinstance(error, taskpoll.NotFoundError), error
        assert (error.provider, error.task_id, error.status_code) == (provider, target, 404)
        assert error.body and error.message


@pytest.mark.parametrize("provider", PROVIDERS)
def test_wrong_key_raises_authentication_error_without_retrying(sim: Simulator, colour: Colour, provider: str) -> None:
    task_id = sim.create_task(provider, [pending()])
    error = colour.raises(
        lambda: colour.call(sim, provider, "wait", task_id, timeout=10, client={"api_key": "not-the-key"})
    )
    assert isinstance(error, taskpoll.AuthenticationError) and error.status_code in (401, 403)
    assert len(sim.requests(provider, task_id)) == 1
    assert "not-the-key" not in str(error) and "not-the-key" not in repr(error)


# Faults -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("provider", PROVIDERS)
def test_429_waits_its_retry_after_and_then_succeeds(sim: Simulator, colour: Colour, provider: str) -> None:
    task_id = sim.create_task(
        provider, [pending(), succeeded()], faults=[Fault("rate_limit", polls=(2,), retry_after=0.3)]
    )
    task = colour.call(sim, provider, "wait", task_id, timeout=10)
    assert task.state is TaskState.SUCCEEDED
    log = sim.requests(provider, task_id)
    assert [r.fault for r in log] == [None, "rate_limit", None]
    assert log[2].time - log[1].time >= 0.3


@pytest.mark.parametrize("provider", PROVIDERS)
def test_transient_5xx_and_520_are_retried_until_success(sim: Simulator, colour: Colour, provider: str) -> None:
    faults = [
        Fault("server_error", polls=(1,), status=503),
        Fault("nonstandard_status", polls=(2,)),
        Fault("server_error", polls=(3,), status=502),
    ]
    task_id = sim.create_task(provider, [running(), succeeded()], faults=faults)
    task = colour.call(sim, provider, "wait", task_id, timeout=10)
    assert task.state is TaskState.SUCCEEDED
    assert answered_faults(sim, provider, task_id)[:3] == ["server_error", "nonstandard_status", "server_error"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_dropped_connections_and_malformed_bodies_are_retried(sim: Simulator, colour: Colour, provider: str) -> None:
    faults = [Fault("drop", polls=(1,)), Fault("html", polls=(2,)), Fault("truncated", polls=(3,))]
    task_id = sim.create_task(provider, [running(), succeeded(size=2)], faults=faults)
    assert colour.call(sim, provider, "wait", task_id, timeout=10).state is TaskState.SUCCEEDED


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_body_that_never_fits_raises_validation_error_after_the_budget(
    sim: Simulator, colour: Colour, provider: str
) -> None:
    task_id = sim.create_task(provider, [running(polls=None)], faults=[Fault("empty", rate=1.0)])
    error = colour.raises(lambda: colour.call(sim, provider, "wait", task_id, timeout=10))
    assert isinstance(error, taskpoll.ResponseValidationError) and error.body == b"" and error.status_code == 200
    assert len(sim.requests(provider, task_id)) == 4  # the first try and three retries (the test budget)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_unknown_status_is_reported_and_polling_goes_on(sim: Simulator, colour: Colour, provider: str) -> None:
    task_id = sim.create_task(provider, [running(), succeeded()], faults=[Fault("unknown_status", polls=(1,))])
    updates: list[taskpoll.Task[Any]] = []
    task = colour.call(sim, provider, "wait", task_id, timeout=10, on_update=updates.append)
    assert task.state is TaskState.SUCCEEDED
    assert updates[0].state is TaskState.UNKNOWN and updates[0].status not in get(provider).known_statuses


@pytest.mark.parametrize("provider", PROVIDERS)
def test_wait_timeout_carries_the_last_task_and_a_token_that_resumes(
    sim: Simulator, colour: Colour, provider: str
) -> None:
    task_id = sim.create_task(provider, [running(polls=None, seconds=0.6), succeeded()])
    error = colour.raises(lambda: colour.call(sim, provider, "wait", task_id, timeout=0.3))
    assert isinstance(error, taskpoll.WaitTimeoutError)
    # The deadline holds to timer precision: the last answer may land a few ms late on a busy machine.
    assert error.task is not None and error.task.state is TaskState.RUNNING and error.elapsed <= 0.3 + TIMER_SLACK
    resumed = colour.call(sim, provider, "resume", error.token, timeout=10)
    assert resumed.state is TaskState.SUCCEEDED and resumed.id == task_id


# The rest of the API ------------------------------------------------------------------------------


@pytest.mark.parametrize("provider", PROVIDERS)
def test_get_makes_exactly_one_request(sim: Simulator, colour: Colour, provider: str) -> None:
    task_id = sim.create_task(provider, [running(progress=0.25)])
    task = colour.call(sim, provider, "get", task_id)
    assert task.state is TaskState.RUNNING and len(sim.requests(provider, task_id)) == 1
    assert task.observed_at is not None


def test_watch_yields_each_change_and_ends_at_the_final_task(sim: Simulator, colour: Colour) -> None:
    task_id = sim.create_task("artos", [pending(polls=2), running(progress=0.2), running(progress=0.7), succeeded()])
    seen = colour.call(sim, "artos", "watch", task_id, timeout=10)
    assert [(t.status, t.progress) for t in seen] == [
        ("Pending", None),
        ("Generating", 0.2),
        ("Generating", 0.7),
        ("Ready", None),
    ]


def test_notion_wait_honours_poll_after_seconds(sim: Simulator, colour: Colour) -> None:
    task_id = sim.create_task("notion", [pending(poll_after=0.3), running(poll_after=0.2), succeeded()])
    colour.call(sim, "notion", "wait", task_id, timeout=10)
    times = [r.time for r in sim.requests("notion", task_id)]
    assert times[1] - times[0] >= 0.3 and times[2] - times[1] >= 0.2


def test_wait_many_returns_every_outcome_in_order(sim: Simulator, colour: Colour) -> None:
    ids = [sim.create_task("unsiloed", [pending(), running(), succeeded()]) for _ in range(12)]
    ids += [sim.create_task("unsiloed", [running(), failed(error="bad scan")]), "no-such-job"]
    results = colour.call(sim, "unsiloed", "wait_many", ids, timeout=10, concurrency=4)
    assert [r.state for r in results[:13]] == [TaskState.SUCCEEDED] * 12 + [TaskState.FAILED]
    assert isinstance(results[13], taskpoll.NotFoundError)
    strict = colour.call(sim, "unsiloed", "wait_many", ids[12:13], timeout=10, raise_on_failure=True)
    assert isinstance(strict[0], taskpoll.TaskFailedError)


def test_as_completed_yields_outcomes_as_tasks_finish(sim: Simulator, colour: Colour) -> None:
    slow = sim.create_task("veza", [running(polls=None, seconds=0.4), succeeded()])
    quick = sim.create_task("veza", [succeeded()])
    outcomes = colour.call(sim, "veza", "as_completed", [slow, quick], timeout=10, concurrency=2)
    assert [o.id for o in outcomes] == [quick, slow]


@pytest.mark.parametrize("way", ["async", "aiohttp"])
def test_wait_many_reuses_its_connections(sim: Simulator, way: str) -> None:
    # At the default concurrency (16) the pool keeps every connection (above 20 in flight too, on the
    # pools taskpoll owns: tests/test_pool.py).
    ids = [sim.create_task("artos", [running(), running(), succeeded()]) for _ in range(240)]
    sim.clear_requests()
    results = Colour(way).call(sim, "artos", "wait_many", ids, timeout=30)
    assert all(r.state is TaskState.SUCCEEDED for r in results)
    requests = sim.requests("artos")
    assert len(requests) == 720
    assert len({r.peer for r in requests}) <= 16


def test_wait_many_shares_one_rate_limit_across_all_its_tasks(sim: Simulator) -> None:
    assert get("notion").rate_limit == 3.0  # Notion's documented average; the default for its clients
    ids = [sim.create_task("notion", [pending(poll_after=0.01), succeeded()]) for _ in range(9)]
    sim.clear_requests()
    results = Colour("async").call(
        sim, "notion", "wait_many", ids, timeout=20, concurrency=16, client={"rate_limit": 10.0}
    )
    assert all(r.state is TaskState.SUCCEEDED for r in results)
    times = sorted(r.time for r in sim.requests("notion"))
    assert len(times) == 18
    # 10 requests per second with a burst of 10: 18 requests need at least (18 - 10) / 10 = 0.8 s,
    # although with 16 at once and 10 ms hints they would all go out within a few milliseconds.
    assert times[-1] - times[0] >= 0.7
    assert sum(1 for t in times if t - times[0] < 0.05) <= 10


def test_invalid_ids_are_refused_before_any_request(sim: Simulator, colour: Colour) -> None:
    sim.clear_requests()
    for bad in ("", ".", ".."):
        error = colour.raises(lambda b=bad: colour.call(sim, "aryn", "wait", b))
        assert isinstance(error, taskpoll.InvalidTaskIdError) and isinstance(error, ValueError)
    error = colour.raises(lambda: colour.call(sim, "aryn", "get", 12345))
    assert isinstance(error, taskpoll.InvalidTaskIdError)
    assert sim.requests("aryn") == []


def test_a_token_for_another_provider_is_refused(sim: Simulator, colour: Colour) -> None:
    task_id = sim.create_task("veza", [succeeded()])
    token = colour.call(sim, "veza", "get", task_id).token()
    error = colour.raises(lambda: colour.call(sim, "artos", "resume", token))
    assert isinstance(error, taskpoll.InvalidTokenError) and "veza" in str(error)
    error = colour.raises(lambda: colour.call(sim, "artos", "resume", "tp1.garbage!!"))
    assert isinstance(error, taskpoll.InvalidTokenError)


def test_on_poll_reports_each_poll_with_the_next_delay_and_why(sim: Simulator, colour: Colour) -> None:
    faults = [Fault("server_error", polls=(1,), status=503), Fault("rate_limit", polls=(2,), retry_after=0.2)]
    task_id = sim.create_task("artos", [running(), succeeded()], faults=faults)
    events: list[taskpoll.PollEvent] = []
    colour.call(sim, "artos", "wait", task_id, timeout=10, on_poll=events.append)
    assert [e.attempt for e in events] == [1, 2, 3]  # none after the final answer
    first, second, third = events
    assert (
        isinstance(first.error, taskpoll.ServerError) and first.task is None and first.reason == "transient failure 1"
    )
    assert isinstance(second.error, taskpoll.RateLimitError) and (second.next_delay, second.reason) == (
        0.2,
        "Retry-After",
    )
    assert third.task is not None and third.task.state is TaskState.RUNNING and third.reason == "backoff"
    assert third.elapsed > second.elapsed > first.elapsed >= 0


def test_wait_many_reports_polls_of_every_task(sim: Simulator, colour: Colour) -> None:
    ids = [sim.create_task("veza", [running(), succeeded()]) for _ in range(3)]
    events: list[taskpoll.PollEvent] = []
    colour.call(sim, "veza", "wait_many", ids, timeout=10, on_poll=events.append)
    assert sorted(e.task_id for e in events) == sorted(ids)
