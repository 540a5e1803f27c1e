"""CI's interpreters: scripts/dev.py finds the oldest and the newest CPython, scripts/check.py runs the
suite on each (a second one without the long engine files), and the classifiers say which were tested."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType

from .specs import ROOT


def script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_file_a_second_interpreter_skips_exists() -> None:
    # A renamed file would be run by the second interpreter again: --ignore of a missing path is silent.
    for name in script("check").SECOND_SKIPS:
        assert (ROOT / "tests" / name).is_file(), name


def test_the_minimum_python_is_the_one_the_project_requires_and_a_classifier() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    minimum = script("dev").MINIMUM
    assert project["requires-python"] == f">={minimum[0]}.{minimum[1]}"
    assert f"Programming Language :: Python :: {minimum[0]}.{minimum[1]}" in project["classifiers"]


def test_the_interpreters_found_are_cpython_3_11_or_newer_and_never_the_running_one(tmp_path: Path) -> None:
    dev = script("dev")
    found = dev.other_pythons()
    assert len(found) <= 2
    running = f"{sys.version_info[0]}.{sys.version_info[1]}"
    for version, path in found.items():
        assert version != running
        assert dev.cpython_version(path) == tuple(map(int, version.split(".")))
    assert dev.cpython_version(str(tmp_path / "no-such-python")) is None
    assert dev.cpython_version(sys.executable) == sys.version_info[:2]
