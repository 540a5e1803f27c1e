"""taskpoll leaves the cyclic garbage collector to the application.

The collector is process-wide state: a library that paused it around a large parse would undo an
application's own gc.disable() and stop collection in every other thread meanwhile.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

import taskpoll
from taskpoll.simulator import Simulator, succeeded

from .clients import FAST

# Large enough that the typed parse allocates far more than one young-generation threshold of objects.
ELEMENTS = 5_000


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generations of the collections that run while the test does."""
    seen: list[int] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(record)
    try:
        yield seen
    finally:
        gc.callbacks.remove(record)


def _wait_large(sim: Simulator) -> taskpoll.Task[Any]:
    task_id = sim.create_task("aryn", [succeeded(size=ELEMENTS)])
    with taskpoll.Client("aryn", base_url=sim.base_url("aryn"), api_key=sim.api_key("aryn"), policy=FAST) as client:
        return client.wait(task_id)


def test_the_collector_keeps_running_during_a_large_typed_parse(
    taskpoll_simulator: Simulator, collections: list[int]
) -> None:
    assert gc.isenabled()
    task = _wait_large(taskpoll_simulator)
    assert len(task.result.elements) == ELEMENTS  # the generated models, all of them
    assert gc.isenabled()
    assert collections, "no garbage collection ran while 5,000 elements were parsed: was the collector paused?"


def test_an_application_gc_disable_is_not_undone_by_a_large_typed_parse(
    taskpoll_simulator: Simulator, collections: list[int]
) -> None:
    gc.disable()
    try:
        task = _wait_large(taskpoll_simulator)
        assert len(task.result.elements) == ELEMENTS
        assert not gc.isenabled(), "taskpoll re-enabled the collector the application had disabled"
        assert collections == []
    finally:
        gc.enable()
