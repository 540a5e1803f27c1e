"""Test-suite options, and `sim`: the one simulator fixture of the suite."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from taskpoll.simulator import Simulator


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--fuzz-long", action="store_true", help="fuzz each adapter with 10,000 examples instead of 500")


@pytest.fixture
def fuzz_examples(request: pytest.FixtureRequest) -> int:
    return 10_000 if request.config.getoption("--fuzz-long") else 500


@pytest.fixture(scope="module")
def sim(taskpoll_module_simulator: Simulator) -> Simulator:
    """The module's simulator: the shipped plugin's `taskpoll_module_simulator`, configured by the
    module's `pytestmark = pytest.mark.taskpoll_simulator(...)`. A test that needs one of its own
    takes `taskpoll_simulator` (configured by its own mark) or `taskpoll_simulator_factory`."""
    return taskpoll_module_simulator
