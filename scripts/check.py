#!/usr/bin/env python3
"""Run every check CI runs, in order, and stop at the first failure.

    python scripts/check.py            # lint, format, types, spec and generated drift, the wheel, tests
    python scripts/check.py -- -k aryn # extra arguments after -- go to pytest
    python scripts/check.py --also=.venv-3.13/bin/python   # the suite on another interpreter too

Run it inside the project environment (`python3 scripts/dev.py test` sets that up and calls this, with
`--also` for the oldest and the newest other CPython it finds).

The checks and the whole suite run on this interpreter. An `--also` interpreter runs the suite but for
SECOND_SKIPS (files that run engines, load and type checkers for minutes of CPU, whose code paths the
rest of the suite runs on every interpreter) at the same time as this one runs those same files; then
this one runs SECOND_SKIPS alone, their timing bounds unshared. Two whole suites one after the other
would not fit CI's half hour on two cores. The last line names each Python and what it ran.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
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


# Not run by an --also interpreter: the Temporal and Celery engines (real servers and workers), the
# 1,000-task soak, the 500-example fuzzing per provider, the mypy/pyright runs of tests/test_typecheck.py.
SECOND_SKIPS = ["test_temporal.py", "test_celery.py", "test_soak.py", "test_fuzz.py", "test_typecheck.py"]


def version(python: str) -> str:
    code = "import platform; print(platform.python_version())"
    return subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def start_second(python: str, pytest_args: list[str], log: Path) -> subprocess.Popen[bytes]:
    """The suite but SECOND_SKIPS on `python` (its venv's bin first on PATH), its output into `log`."""
    bin_dir = Path(python).parent
    env = {**os.environ, "VIRTUAL_ENV": str(bin_dir.parent), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    skips = [f"--ignore=tests/{name}" for name in SECOND_SKIPS]
    command = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *skips, *pytest_args]
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def finish_second(python: str, process: subprocess.Popen[bytes], log: Path, started: float) -> bool:
    code = process.wait()
    lines = log.read_text(errors="replace").splitlines()
    name = f"pytest on Python {version(python)} (all but {', '.join(SECOND_SKIPS)})"
    print(f"==> {name}", *(lines if code else lines[-1:]), sep="\n    ", flush=True)
    elapsed = time.monotonic() - started
    print(f"    ok ({elapsed:.1f} s)" if code == 0 else f"FAILED: {name} (exit {code}, {elapsed:.1f} s)", flush=True)
    return code == 0


def main(argv: list[str]) -> int:
    pytest_args = argv[argv.index("--") + 1 :] if "--" in argv else []
    others = [arg.removeprefix("--also=") for arg in argv[: argv.index("--") if "--" in argv else None]]
    if any(not arg.startswith("--also=") for arg in argv[: argv.index("--") if "--" in argv else None]):
        print(__doc__)
        return 2
    for name, command in STEPS:
        started = time.monotonic()
        print(f"==> {name}", flush=True)
        result = subprocess.run(command, cwd=ROOT)
        elapsed = time.monotonic() - started
        if result.returncode != 0:
            print(f"FAILED: {name} (exit {result.returncode}, {elapsed:.1f} s)", flush=True)
            return result.returncode
        print(f"    ok ({elapsed:.1f} s)", flush=True)
    skips = [f"--ignore=tests/{name}" for name in SECOND_SKIPS] if others else []
    with tempfile.TemporaryDirectory(prefix="taskpoll-check-") as tmp:
        started = time.monotonic()
        seconds = [
            (python, start_second(python, pytest_args, Path(tmp) / f"{n}.log")) for n, python in enumerate(others)
        ]
        part = f"all but {', '.join(SECOND_SKIPS)}, at the same time" if others else "the whole suite"
        print(f"==> pytest on Python {platform.python_version()} ({part})", flush=True)
        code = subprocess.run([PY, "-m", "pytest", *skips, *pytest_args], cwd=ROOT).returncode
        print(f"    {'ok' if code == 0 else f'FAILED (exit {code})'} ({time.monotonic() - started:.1f} s)", flush=True)
        passed = [
            finish_second(python, process, Path(tmp) / f"{n}.log", started)
            for n, (python, process) in enumerate(seconds)
        ]
    if others and code == 0 and all(passed):
        # The engines, the soak and the fuzzing alone: their timing bounds (Temporal's request count against
        # wait_many's, the soak's overshoot) are not shared with a second interpreter's suite.
        started = time.monotonic()
        print(f"==> pytest on Python {platform.python_version()} ({', '.join(SECOND_SKIPS)}, alone)", flush=True)
        files = [f"tests/{name}" for name in SECOND_SKIPS]
        code = subprocess.run([PY, "-m", "pytest", *pytest_args, *files], cwd=ROOT).returncode
        print(f"    {'ok' if code == 0 else f'FAILED (exit {code})'} ({time.monotonic() - started:.1f} s)", flush=True)
    ran = [
        f"{platform.python_version()} (the whole suite)",
        *(f"{version(p)} (all but {len(SECOND_SKIPS)} files)" for p in others),
    ]
    print(f"Python versions tested: {'; '.join(ran)}", flush=True)
    if code != 0 or not all(passed):
        return code or 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
