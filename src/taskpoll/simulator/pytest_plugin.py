"""A pytest plugin (registered as `taskpoll`) that gives tests a running simulator.

    from taskpoll.simulator import pending, succeeded

    def test_my_pipeline(taskpoll_simulator):
        task_id = taskpoll_simulator.create_task("aryn", [pending(), succeeded(size=10)])
        client = taskpoll.Client("aryn", base_url=taskpoll_simulator.base_url("aryn"),
                                 api_key=taskpoll_simulator.api_key("aryn"))
        assert client.wait(task_id).unwrap().elements

    @pytest.mark.taskpoll_simulator(seed=3, rate_limits={"notion": 3}, keys={"aryn": "my-test-key"})
    def test_configured(taskpoll_simulator): ...

    def test_two(taskpoll_simulator_factory):
        eu, us = taskpoll_simulator_factory(seed=1), taskpoll_simulator_factory(seed=2)

    pytestmark = pytest.mark.taskpoll_simulator(seed=3)  # module-wide options, also for:

    def test_shared(taskpoll_module_simulator): ...  # one simulator for all the module's tests

Each test gets a fresh simulator on 127.0.0.1 (its own port, tasks and request log), stopped when
the test ends; `taskpoll_module_simulator` is one for all the tests of a module. The
`taskpoll_simulator` marker takes the keyword arguments of `Simulator` (seed, keys, faults,
default_steps, notion_poll_after, rate_limits). Nothing is imported or started unless
a test asks for a fixture; without the `simulator` extra the test fails with the install command.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from taskpoll.simulator import Simulator

SimulatorFactory = Callable[..., "Simulator"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "taskpoll_simulator(**options): keyword arguments for the test's taskpoll Simulator"
    )


@contextlib.contextmanager
def simulators() -> Iterator[SimulatorFactory]:
    """A function that starts a simulator with `Simulator(**options)`; all are stopped on leaving.
    The fixtures below are this at function and module scope."""
    started: list[Simulator] = []

    def start(**options: Any) -> Simulator:
        try:
            from taskpoll.simulator import Simulator
        except ImportError as exc:  # pragma: no cover - depends on the install
            pytest.fail(str(exc), pytrace=False)
        try:
            simulator = Simulator(**options).start()
        except ImportError as exc:
            pytest.fail(str(exc), pytrace=False)
        started.append(simulator)
        return simulator

    try:
        yield start
    finally:
        for simulator in reversed(started):
            simulator.stop()


def marker_options(node: pytest.Item | pytest.Collector) -> dict[str, Any]:
    """The `taskpoll_simulator(...)` keyword arguments that apply to a test (or a module), outermost first."""
    options: dict[str, Any] = {}
    for marker in reversed(list(node.iter_markers("taskpoll_simulator"))):
        if marker.args:
            raise pytest.UsageError("the taskpoll_simulator marker takes keyword arguments only")
        options.update(marker.kwargs)
    return options


@pytest.fixture
def taskpoll_simulator_factory() -> Iterator[SimulatorFactory]:
    """A function that starts a simulator with `Simulator(**options)`; all are stopped after the test."""
    with simulators() as start:
        yield start


@pytest.fixture
def taskpoll_simulator(request: pytest.FixtureRequest, taskpoll_simulator_factory: SimulatorFactory) -> Simulator:
    """A running simulator for this test, configured by a `taskpoll_simulator(...)` marker if any."""
    return taskpoll_simulator_factory(**marker_options(request.node))


@pytest.fixture(scope="module")
def taskpoll_module_simulator(request: pytest.FixtureRequest) -> Iterator[Simulator]:
    """One running simulator shared by the tests of a module (tasks and request log included),
    configured by the module's `pytestmark = pytest.mark.taskpoll_simulator(...)` if any."""
    with simulators() as start:
        yield start(**marker_options(request.node))
