"""A user's code is checked as mypy --strict and pyright (strict, what an editor's Pylance runs) check it.

tests/typecheck/right.py takes every typed path right (`assert_type` pins each result); wrong.py holds
the mistakes both checkers must refuse, each asserted by its ignore comment with the unused-ignore checks
on. The README's Python blocks and the examples in `help(taskpoll)` and `help(taskpoll.Client)` pass
pyright too (tests/test_readme_types.py checks the blocks with mypy).
"""

from __future__ import annotations

import inspect
import json
import re
import sys
import textwrap
from pathlib import Path

import taskpoll

from .processes import run_module
from .specs import ROOT
from .test_readme_types import blocks

TYPECHECK = ROOT / "tests" / "typecheck"
# The project's pyright settings (pyproject.toml [tool.basedpyright]), for files outside the project.
PYRIGHT = {
    "typeCheckingMode": "strict",
    "pythonVersion": "3.11",
    "enableTypeIgnoreComments": False,
    "reportUnnecessaryTypeIgnoreComment": "error",
}


def mypy(*paths: str | Path, cwd: Path = ROOT) -> tuple[int, str]:
    result = run_module("mypy", "--strict", "--no-incremental", *map(str, paths), cwd=cwd, timeout=600)
    return result.returncode, result.stdout + result.stderr


def pyright(*paths: str | Path, cwd: Path = ROOT) -> tuple[int, str]:
    if cwd != ROOT:
        (cwd / "pyrightconfig.json").write_text(json.dumps(PYRIGHT), encoding="utf-8")
    args = ["--pythonpath", sys.executable, *map(str, paths)]
    result = run_module("basedpyright", *args, cwd=cwd, timeout=600)
    return result.returncode, result.stdout + result.stderr


def test_the_typing_files_pass_mypy_strict_each_expected_error_found() -> None:
    code, out = mypy(TYPECHECK)
    assert code == 0, out


def test_the_typing_files_pass_pyright_each_expected_error_found() -> None:
    code, out = pyright(TYPECHECK)
    assert code == 0 and "0 errors" in out, out


def test_an_expected_error_that_disappears_fails_both_checkers(tmp_path: Path) -> None:
    wrong = (TYPECHECK / "wrong.py").read_text(encoding="utf-8")
    mistake = 'client.submit("report.pdf", optoins={})'
    assert mistake in wrong
    (tmp_path / "wrong.py").write_text(wrong.replace(mistake, 'client.submit("report.pdf", options={})'))
    line = next(n for n, text in enumerate(wrong.splitlines(), 1) if mistake in text)
    code, out = mypy("wrong.py", cwd=tmp_path)
    assert code == 1 and f'wrong.py:{line}: error: Unused "type: ignore" comment' in out, out
    code, out = pyright("wrong.py", cwd=tmp_path)
    assert code == 1 and f"wrong.py:{line}:" in out and "Unnecessary" in out, out


WRONG = """\
import taskpoll
from taskpoll.providers.aryn import PartitionOptions

with taskpoll.Client("aryn") as client:
    task = client.submit("report.pdf", optoins=PartitionOptions(use_ocr=True))
"""


def test_a_wrong_submit_argument_fails_both_checkers_and_the_right_one_passes_both(tmp_path: Path) -> None:
    (tmp_path / "wrong_submit.py").write_text(WRONG, encoding="utf-8")
    (tmp_path / "right_submit.py").write_text(WRONG.replace("optoins=", "options="), encoding="utf-8")
    code, out = mypy("wrong_submit.py", cwd=tmp_path)
    assert code == 1 and 'Unexpected keyword argument "optoins" for "submit" of "ArynClient"' in out, out
    code, out = pyright("wrong_submit.py", cwd=tmp_path)
    assert code == 1 and 'No parameter named "optoins"' in out, out
    assert mypy("right_submit.py", cwd=tmp_path)[0] == 0
    code, out = pyright("right_submit.py", cwd=tmp_path)
    assert code == 0, out


# The names the README's blocks take from a program around them, given as a function's parameters (pyright
# reads a module-level declaration without a value as unbound), but for those a block binds itself.
PARAMETERS = {
    "task_id": "str",
    "other_id": "str",
    "document_id": "str",
    "job_id": "str",
    "job_ids": "list[str]",
    "token": "str",
    "client": "taskpoll.Client[Any]",
    "queue": "Queue[str]",
}


def as_function(index: int, code: str) -> str:
    asynchronous = re.search(r"\bawait\b|\basync (with|for)\b", code)
    bound = {name for name in PARAMETERS if re.search(rf"\bas {name}\b|^\s*{name} =|\bfor {name}\b", code, re.M)}
    parameters = ", ".join(f"{name}: {kind}" for name, kind in PARAMETERS.items() if name not in bound)
    header = f"{'async ' if asynchronous else ''}def block_{index}({parameters}) -> None:\n"
    return header + textwrap.indent(code, "    ") + "\n"


def docstring_examples(doc: str | None) -> list[str]:
    """The indented code of a docstring: its lines indented deeper than its text, from a `with` or `import`."""
    text = inspect.cleandoc(doc or "") + "\n"  # the text flush left, its code indented by 4
    found = re.findall(r"\n((?: {4}(?:with|import|from) .*\n)(?: {4,}.*\n|\n(?= {4}))*)", text)
    return [textwrap.dedent(code) for code in found]


def test_the_readme_blocks_and_the_help_examples_pass_pyright(tmp_path: Path) -> None:
    examples = blocks() + docstring_examples(taskpoll.__doc__) + docstring_examples(taskpoll.Client.__doc__)
    assert len(examples) >= 10  # the README's blocks and both docstrings' examples
    functions = [as_function(index, code) for index, code in enumerate(examples)]
    head = "# pyright: reportUnusedVariable=false, reportUnusedImport=false\n"  # fragments of a program
    head += "from queue import Queue\nfrom typing import Any\n\nimport taskpoll\n\n\n"
    (tmp_path / "blocks.py").write_text(head + "\n\n".join(functions), encoding="utf-8")
    code, out = pyright("blocks.py", cwd=tmp_path)
    assert code == 0, out


def test_the_help_examples_pass_mypy_strict(tmp_path: Path) -> None:
    examples = docstring_examples(taskpoll.__doc__) + docstring_examples(taskpoll.Client.__doc__)
    assert len(examples) == 2
    functions = [as_function(index, code) for index, code in enumerate(examples)]
    head = "from queue import Queue\nfrom typing import Any\n\nimport taskpoll\n\n\n"
    (tmp_path / "help_examples.py").write_text(head + "\n\n".join(functions), encoding="utf-8")
    code, out = mypy("help_examples.py", cwd=tmp_path)
    assert code == 0, out
