"""Every Python block of README.md passes `mypy --strict`, as a user's code would be checked.

Blocks are fragments: they use names a real program defines earlier (`task_id`, `client`, ...). Each
block is checked as its own module after a preamble that declares exactly those names with the types
a user's program would give them; a block with `await` is checked as the body of an `async def`.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from .processes import run_module
from .specs import ROOT

PREAMBLE = """\
import queue as _queue
from typing import Any

import taskpoll

task_id: str
other_id: str
document_id: str
job_id: str
job_ids: list[str]
token: str
client: taskpoll.Client[Any]
queue: _queue.Queue[str]
"""


def blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def as_module(block: str) -> str:
    if re.search(r"\bawait\b|\basync (with|for)\b", block):
        block = "async def _block() -> None:\n" + textwrap.indent(block, "    ")
    return PREAMBLE + "\n" + block


def test_every_readme_python_block_passes_mypy_strict(tmp_path: Path) -> None:
    found = blocks()
    assert len(found) >= 8  # the README has its examples
    for index, block in enumerate(found):
        (tmp_path / f"readme_block_{index}.py").write_text(as_module(block), encoding="utf-8")
    result = run_module(
        "mypy", "--strict", "--no-incremental", "--no-error-summary", str(tmp_path), cwd=tmp_path, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
