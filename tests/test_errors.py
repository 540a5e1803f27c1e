"""Errors keep their kind across a process boundary: a worker of a process pool (or anything that
pickles or copies an exception) hands back the same class, message and attributes, so the caller
still catches it by kind."""

from __future__ import annotations

import concurrent.futures
import copy
import multiprocessing
import pickle
from collections.abc import Iterator
from typing import Any

import pytest

import taskpoll
from taskpoll.simulator import SimulatorProcess, running

from .answers import every_error


def _same(one: taskpoll.TaskpollError, other: taskpoll.TaskpollError) -> None:
    assert type(one) is type(other)
    assert (str(one), repr(one), one.args) == (str(other), repr(other), other.args)
    assert one.is_transient == other.is_transient
    assert one.__dict__.keys() == other.__dict__.keys()
    for name, value in one.__dict__.items():
        if isinstance(value, taskpoll.Task):
            assert value.to_dict() == other.__dict__[name].to_dict()
        else:
            assert value == other.__dict__[name], name


@pytest.mark.parametrize("error", every_error(), ids=lambda error: type(error).__name__)
def test_an_error_survives_pickle_and_copy_as_its_own_class(error: taskpoll.TaskpollError) -> None:
    _same(pickle.loads(pickle.dumps(error)), error)
    _same(copy.copy(error), error)
    _same(copy.deepcopy(error), error)


def test_a_wait_timeout_keeps_its_last_error() -> None:
    last = taskpoll.APIConnectionError("refused", provider="veza", task_id="t1", sent=False)
    error = taskpoll.WaitTimeoutError(
        "wait timed out", provider="veza", task_id="t1", task=None, elapsed=1.0, token="tp2.x", last_error=last
    )
    restored = pickle.loads(pickle.dumps(error))
    assert isinstance(restored.last_error, taskpoll.APIConnectionError) and restored.last_error.sent is False


@pytest.fixture(scope="module")
def server() -> Iterator[SimulatorProcess]:
    with SimulatorProcess() as simulator:
        yield simulator


def _wait_in_a_worker(base_url: str, api_key: str, task_id: str) -> Any:
    with taskpoll.Client("artos", base_url=base_url, api_key=api_key) as client:
        return client.wait(task_id, timeout=0.5)


def test_a_wait_in_a_process_pool_raises_its_kind_in_the_caller(server: SimulatorProcess) -> None:
    """Over loopback, in a worker process: a task that never finishes ends in WaitTimeoutError, and an
    unknown one in NotFoundError, each caught in the parent by its class with its attributes."""
    task_id = server.create_task("artos", [running(polls=None)])
    context = multiprocessing.get_context("spawn")
    args = (server.base_url("artos"), server.api_key("artos"))
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        with pytest.raises(taskpoll.WaitTimeoutError) as late:
            pool.submit(_wait_in_a_worker, *args, task_id).result(timeout=60)
        with pytest.raises(taskpoll.NotFoundError) as missing:
            pool.submit(_wait_in_a_worker, *args, "no-such-task").result(timeout=60)
    assert late.value.task_id == task_id and taskpoll.WaitState.from_token(late.value.token).task_id == task_id
    assert (missing.value.status_code, missing.value.provider, missing.value.task_id) == (404, "artos", "no-such-task")
    assert server.api_key("artos") not in repr(late.value) + repr(missing.value)
