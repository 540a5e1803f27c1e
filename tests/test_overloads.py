"""The typed overloads of Client and AsyncClient name exactly the registered providers.

A provider name is a `Literal`, so a typo (`Client("aryne")`) fails type-checking; a name known only
at run time goes through `taskpoll.providers.get(name)`, which gives a `Client[Any]`.
"""

from __future__ import annotations

import re
import subprocess
import sys
import typing
from pathlib import Path

import pytest

import taskpoll
from taskpoll.providers import names


@pytest.mark.parametrize("cls", [taskpoll.Client, taskpoll.AsyncClient])
def test_the_overloads_name_exactly_the_registered_providers(cls: type) -> None:
    literals = set()
    for overload in typing.get_overloads(cls.__new__):
        annotation = str(overload.__annotations__.get("provider", ""))
        literals.update(re.findall(r"Literal\[['\"](\w+)['\"]\]", annotation))
    assert literals == set(names())


def test_a_misspelt_provider_fails_type_checking_and_a_dynamic_one_does_not(tmp_path: Path) -> None:
    (tmp_path / "typo.py").write_text('import taskpoll\n\ntaskpoll.Client("aryne")\n')
    (tmp_path / "dynamic.py").write_text(
        "import sys\n\nimport taskpoll\n\nclient = taskpoll.Client(taskpoll.providers.get(sys.argv[1]))\n"
    )
    typo = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "typo.py"], capture_output=True, text=True, cwd=tmp_path
    )
    dynamic = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "dynamic.py"], capture_output=True, text=True, cwd=tmp_path
    )
    assert typo.returncode == 1 and "No overload variant" in typo.stdout
    assert dynamic.returncode == 0, dynamic.stdout


@pytest.mark.parametrize("provider", names())
def test_each_provider_module_re_exports_the_unset_of_its_models(provider: str) -> None:
    import importlib

    module = importlib.import_module(f"taskpoll.providers.{provider}")
    generated = importlib.import_module(f"taskpoll_{provider}_api.types")
    assert module.Unset is generated.Unset and module.UNSET is generated.UNSET
    assert {"Unset", "UNSET"} <= set(module.__all__)
