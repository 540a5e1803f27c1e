"""Task.unwrap(): the typed result of a succeeded task, and a typed error for every other task."""

from __future__ import annotations

import pytest

import taskpoll
from taskpoll import Task, TaskError, TaskState
from taskpoll.simulator import Simulator, failed, pending, succeeded

from .clients import FAST


def task(state: TaskState, **fields: object) -> Task[dict[str, int]]:
    return Task(provider="artos", id="d-1", state=state, status=state.value, **fields)  # type: ignore[arg-type]


def test_unwrap_gives_the_result_of_a_succeeded_task() -> None:
    assert task(TaskState.SUCCEEDED, result={"n": 1}).unwrap() == {"n": 1}


def test_unwrap_raises_task_failed_error_for_a_failed_task() -> None:
    failed_task = task(TaskState.FAILED, error=TaskError("boom", "E1"))
    with pytest.raises(taskpoll.TaskFailedError) as caught:
        failed_task.unwrap()
    assert caught.value.task is failed_task and "boom" in str(caught.value)


def test_unwrap_raises_task_canceled_error_for_a_canceled_task() -> None:
    with pytest.raises(taskpoll.TaskCanceledError):
        task(TaskState.CANCELED).unwrap()


@pytest.mark.parametrize("state", [TaskState.PENDING, TaskState.RUNNING, TaskState.UNKNOWN])
def test_unwrap_on_an_unfinished_task_says_it_has_no_result_yet(state: TaskState) -> None:
    with pytest.raises(taskpoll.ResultUnavailableError, match="no result yet") as caught:
        task(state).unwrap()
    assert caught.value.task.state is state and caught.value.provider == "artos"


def test_unwrap_on_a_succeeded_task_whose_result_did_not_fit_names_the_issues() -> None:
    unreadable = task(TaskState.SUCCEEDED, raw=[1, 2], result_issues=("result: a JSON list, not an object",))
    with pytest.raises(taskpoll.ResultUnavailableError, match="a JSON list") as caught:
        unreadable.unwrap()
    assert caught.value.task.raw == [1, 2]


def test_unwrap_after_a_real_wait_is_the_typed_model(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    ok = sim.create_task("aryn", [pending(), succeeded(size=3)])
    bad = sim.create_task("aryn", [failed(error="no pages")])
    with taskpoll.Client("aryn", base_url=sim.base_url("aryn"), api_key=sim.api_key("aryn"), policy=FAST) as client:
        response = client.wait(ok).unwrap()
        assert type(response).__name__ == "PartitionerResponse" and response.elements
        with pytest.raises(taskpoll.TaskFailedError):
            client.wait(bad, raise_on_failure=False).unwrap()


def test_to_dict_and_from_dict_round_trip_a_typed_result(taskpoll_simulator: Simulator) -> None:
    import json

    sim = taskpoll_simulator
    for provider in taskpoll.providers.names():
        task_id = sim.create_task(provider, [succeeded()])
        options = {"base_url": sim.base_url(provider), "api_key": sim.api_key(provider), "policy": FAST}
        with taskpoll.Client(provider, **options) as client:
            task = client.wait(task_id)
        data = json.loads(json.dumps(task.to_dict(), allow_nan=False))  # strict JSON
        again = Task.from_dict(data, client.result_type)
        assert again == task  # state, status, error, times, ids
        assert Task.from_dict(data).result == task.to_dict()["result"]  # without the model: the JSON
        assert type(again.result) is type(task.result)
        assert again.result.to_dict() == task.result.to_dict()  # type: ignore[union-attr]
        assert again.result_issues == ()


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {},
        {"provider": "aryn", "id": "t"},
        {"provider": 5, "id": "t", "state": "running", "status": "x"},
        {"provider": "aryn", "id": "t", "state": "exploded", "status": "x"},
        {"provider": "aryn", "id": 5, "state": "running", "status": "x"},
        {"provider": "aryn", "id": "t", "state": "running", "status": "x", "created_at": "yesterday"},
        {"provider": "aryn", "id": "t", "state": "failed", "status": "x", "error": "boom"},
        {"provider": "aryn", "id": "t", "state": "running", "status": "x", "progress": "half"},
    ],
)
def test_from_dict_refuses_a_damaged_dict_with_a_typed_error(data: object) -> None:
    with pytest.raises(taskpoll.InvalidTokenError):
        Task.from_dict(data)  # type: ignore[arg-type]


def test_from_dict_keeps_a_finished_task_whose_result_no_longer_fits() -> None:
    data = {"provider": "artos", "id": "d", "state": "succeeded", "status": "Ready", "result": [1, 2]}
    task = Task.from_dict(data, taskpoll.providers.get("artos").result_type)
    assert task.state is TaskState.SUCCEEDED and task.result is None and task.result_issues
