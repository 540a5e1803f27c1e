"""A pytest plugin (registered as `taskpoll`) that gives tests a running simulator.

    def test_my_pipeline(taskpoll_simulator):
        task_id = taskpoll_simulator.create_task("aryn", [pending(), succeeded(size=10)])
        ...

Each test gets a fresh simulator on 127.0.0.1 (its own port, tasks and request log). Nothing is
imported or started unless a test asks for the fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from taskpoll.simulator import Simulator


@pytest.fixture
def taskpoll_simulator() -> Iterator[Simulator]:
    from taskpoll.simulator import Simulator

    with Simulator() as simulator:
        yield simulator
