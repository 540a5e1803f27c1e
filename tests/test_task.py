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
