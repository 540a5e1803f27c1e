#!/usr/bin/env python3
"""Set up the project environment from nothing but Python 3.11+ and pip, then run a task in it.

    python3 scripts/dev.py demo          # the demo against the bundled simulator (no keys, no network)
    python3 scripts/dev.py test          # every check CI runs (scripts/check.py), on the oldest and newest Python
    python3 scripts/dev.py run CMD ...   # any command inside the environment

Set-up, done once and repeated only when needed: create .venv with the standard library's venv,
install the pinned uv into it with pip, and let uv install exactly what uv.lock records
(`uv sync --locked`, with the simulator extra and the dev tools). Uses only the standard library.

`test` also looks for the other CPython 3.11+ interpreters of the machine (python3.N on PATH, pyenv's
versions): the oldest and the newest of them, if not the one running this, get their own environment
(.venv-3.N, from the same uv.lock), and scripts/check.py runs the suite on them too (see its docstring).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

MINIMUM = (3, 11)  # keep equal to requires-python in pyproject.toml

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
UV_VERSION = "0.13.9"  # keep equal to the uv pin in pyproject.toml's dev group
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def call(*args: str | os.PathLike[str]) -> None:
    result = subprocess.run([str(a) for a in args], cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.returncode)


def uv_version() -> str | None:
    result = subprocess.run([str(PYTHON), "-m", "uv", "--version"], capture_output=True, text=True, cwd=ROOT)
    return result.stdout.split()[1] if result.returncode == 0 else None


def ensure_redis() -> None:
    """tests/test_celery.py runs a private redis-server: install Debian's package when missing and root."""
    if shutil.which("redis-server") or not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("apt-get"):
        return
    print("installing redis-server (Debian package) for the Celery tests", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=False)
    subprocess.run(["apt-get", "install", "-y", "-qq", "redis-server"], check=False)


def setup() -> None:
    if sys.version_info < MINIMUM:
        sys.exit(f"taskpoll needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"creating {VENV.name}/", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if uv_version() != UV_VERSION:
        call(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"uv=={UV_VERSION}")
    env_python = f"--python={PYTHON}"
    call(PYTHON, "-m", "uv", "sync", "--locked", "--all-extras", "--quiet", env_python)
    ensure_redis()


def cpython_version(path: str) -> tuple[int, int] | None:
    """The (major, minor) of the CPython at `path`, None if it is not one that runs."""
    code = "import sys; print(sys.implementation.name, *sys.version_info[:2])"
    try:
        out = subprocess.run([path, "-c", code], capture_output=True, text=True, timeout=60).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    return (int(out[1]), int(out[2])) if len(out) == 3 and out[0] == "cpython" else None


def other_pythons() -> dict[str, str]:
    """The oldest and the newest CPython 3.11+ of this machine but the running one: {"3.13": path}."""
    found: dict[tuple[int, int], str] = {}
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates = [shutil.which(f"python3.{minor}") for minor in range(MINIMUM[1], 30)]
    candidates += [str(path) for path in sorted(pyenv.glob("3.*/bin/python3"))]
    for path in filter(None, candidates):
        version = cpython_version(path)
        if version is not None and version >= MINIMUM:
            found.setdefault(version, path)
    ends = {min(found), max(found)} - {sys.version_info[:2]} if found else set()
    return {f"{major}.{minor}": found[major, minor] for major, minor in sorted(ends)}


def setup_other(version: str, interpreter: str) -> Path:
    """.venv-<version>: uv.lock installed for another interpreter; its python."""
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(ROOT / f".venv-{version}")}
    env.pop("VIRTUAL_ENV", None)
    args = [str(PYTHON), "-m", "uv", "sync", "--locked", "--all-extras", "--quiet", f"--python={interpreter}"]
    if subprocess.run(args, cwd=ROOT, env=env).returncode != 0:
        sys.exit(f"could not set up .venv-{version} for {interpreter}")
    return ROOT / f".venv-{version}" / BIN.name / PYTHON.name


def main(argv: list[str]) -> int:
    tasks: dict[str, list[str | Path]] = {
        "demo": [PYTHON, "-m", "taskpoll", "demo"],
        "test": [PYTHON, "scripts/check.py", *argv[1:]],
        "run": [*argv[1:]],
    }
    if not argv or argv[0] not in tasks or (argv[0] == "run" and len(argv) < 2):
        print(__doc__)
        return 2
    setup()
    command = tasks[argv[0]]
    if argv[0] == "test":
        also = [f"--also={setup_other(version, path)}" for version, path in other_pythons().items()]
        command[2:2] = also
    if argv[0] == "run" and not Path(command[0]).is_absolute():
        candidate = BIN / str(command[0])
        command[0] = candidate if candidate.exists() else command[0]
    env = {**os.environ, "VIRTUAL_ENV": str(VENV), "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run([str(c) for c in command], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
