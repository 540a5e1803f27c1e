"""The shipped pytest plugin and the simulator's friendly failure without the `simulator` extra."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from taskpoll.simulator import Simulator

from .processes import run_module
from .specs import ROOT

NO_UVICORN = "raise ImportError(\"No module named 'uvicorn'\", name='uvicorn')\n"
# What the message tells to run: the extra's own requirement, which installs from the package index
# (taskpoll itself is on none, so `pip install 'taskpoll[simulator]'` would find nothing).
(SIMULATOR_REQUIREMENT,) = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "optional-dependencies"
]["simulator"]
SIMULATOR_EXTRA_COMMAND = f"pip install '{SIMULATOR_REQUIREMENT}'"


@pytest.mark.taskpoll_simulator(seed=3, keys={"aryn": "key-from-the-marker", "notion": "n-key"})
def test_the_marker_configures_the_fixture(taskpoll_simulator: Simulator) -> None:
    assert taskpoll_simulator.api_key("aryn") == "key-from-the-marker"
    assert taskpoll_simulator.api_key("notion") == "n-key"


def test_the_factory_starts_independent_simulators(taskpoll_simulator_factory: Any) -> None:
    first = taskpoll_simulator_factory(keys={"veza": "one"})
    second = taskpoll_simulator_factory(keys={"veza": "two"})
    assert first.url != second.url
    assert (first.api_key("veza"), second.api_key("veza")) == ("one", "two")


@pytest.fixture
def without_uvicorn(tmp_path: Path) -> dict[str, str]:
    """An environment in which `import uvicorn` fails, as it does without the simulator extra."""
    (tmp_path / "uvicorn").mkdir()
    (tmp_path / "uvicorn" / "__init__.py").write_text(NO_UVICORN)
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}


@pytest.mark.parametrize("command", [["simulate", "--port", "0"], ["demo"]])
def test_cli_without_the_extra_says_how_to_install_it(without_uvicorn: dict[str, str], command: list[str]) -> None:
    result = run_module("taskpoll", *command, env=without_uvicorn, timeout=60)
    assert result.returncode == 2
    assert SIMULATOR_EXTRA_COMMAND in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_fixture_without_the_extra_fails_with_the_install_command(
    without_uvicorn: dict[str, str], tmp_path: Path
) -> None:
    test_file = tmp_path / "test_user.py"
    test_file.write_text("def test_uses_it(taskpoll_simulator):\n    pass\n")
    result = run_module(
        "pytest", "-q", "-p", "no:cacheprovider", str(test_file), env=without_uvicorn, timeout=120, cwd=tmp_path
    )
    assert result.returncode == 1, result.stdout
    assert SIMULATOR_EXTRA_COMMAND in result.stdout
    assert "_server.py" not in result.stdout  # pytest.fail(pytrace=False): the message, not our traceback


MODULE_SIMULATOR_USER = """
import pytest

pytestmark = pytest.mark.taskpoll_simulator(seed=4, keys={"artos": "module-key"})
seen = []


def test_first(taskpoll_module_simulator):
    seen.append(taskpoll_module_simulator)
    taskpoll_module_simulator.create_task("artos", task_id="made-by-the-first-test")
    assert taskpoll_module_simulator.api_key("artos") == "module-key"


@pytest.mark.taskpoll_simulator(keys={"artos": "test-key"})
def test_second(taskpoll_module_simulator, taskpoll_simulator):
    assert taskpoll_module_simulator is seen[0]  # one for the module, its tasks kept
    assert [t.id for t in taskpoll_module_simulator.app.tasks("artos")] == ["made-by-the-first-test"]
    assert taskpoll_simulator.api_key("artos") == "test-key" and taskpoll_simulator.app.seed == 4
"""


def test_the_module_fixture_is_one_simulator_for_a_module_configured_by_its_mark(tmp_path: Path) -> None:
    test_file = tmp_path / "test_module_user.py"
    test_file.write_text(MODULE_SIMULATOR_USER)
    result = run_module(
        "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", str(test_file), timeout=120, cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
