#!/usr/bin/env python3
"""Run every check CI runs, in order, and stop at the first failure.

    python scripts/check.py            # lint, format, types, spec and generated drift, the wheel, tests
    python scripts/check.py -- -k aryn # extra arguments after -- go to pytest

Run it inside the project environment (`python3 scripts/dev.py test` sets that up and calls this).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

STEPS: list[tuple[str, list[str]]] = [
    ("ruff check", [PY, "-m", "ruff", "check", "src", "tests", "scripts", "benchmarks", "examples"]),
    (
        "ruff format --check",
        [PY, "-m", "ruff", "format", "--check", "src", "tests", "scripts", "benchmarks", "examples"],
    ),
    ("mypy --strict src examples", [PY, "-m", "mypy", "--strict", "src", "examples"]),
    # pyright (strict), as an editor shows a user's code: examples/ and the typing tests' files
    # (pyproject.toml [tool.basedpyright]; tests/test_typecheck.py adds the README's blocks).
    ("pyright examples tests/typecheck", [PY, "-m", "basedpyright"]),
    # The generated clients are type-checked too. One template construct (a cast of an
    # `items: {}` array) is redundant under mypy; that code is not ours to edit.
    (
        "mypy --strict generated",
        [PY, "-m", "mypy", "--strict", "--disable-error-code", "redundant-cast", "generated"],
    ),
    # Each spec is what its provider's kept published document and our corrections give (no hand edit,
    # no correction gone stale).
    ("specs/ match the published documents + corrections", [PY, "scripts/spec_sync.py", "--all", "--check"]),
    ("generated/ matches specs/", [PY, "scripts/generate.py", "--check"]),
    # A user's view: the built wheel in a fresh venv outside the repo runs the demo and a typed program.
    ("the wheel installs and runs outside the repo", [PY, "scripts/check_install.py"]),
]


def main(argv: list[str]) -> int:
    pytest_args = argv[argv.index("--") + 1 :] if "--" in argv else []
    steps = [*STEPS, ("pytest", [PY, "-m", "pytest", *pytest_args])]
    for name, command in steps:
        started = time.monotonic()
        print(f"==> {name}", flush=True)
        result = subprocess.run(command, cwd=ROOT)
        elapsed = time.monotonic() - started
        if result.returncode != 0:
            print(f"FAILED: {name} (exit {result.returncode}, {elapsed:.1f} s)", flush=True)
            return result.returncode
        print(f"    ok ({elapsed:.1f} s)", flush=True)
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
