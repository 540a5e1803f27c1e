#!/usr/bin/env python3
"""Set up the project environment from nothing but Python 3.11+ and pip, then run a task in it.

    python3 scripts/dev.py demo          # the demo against the bundled simulator (no keys, no network)
    python3 scripts/dev.py test          # every check CI runs (scripts/check.py)
    python3 scripts/dev.py run CMD ...   # any command inside the environment

Set-up, done once and repeated only when needed: create .venv with the standard library's venv,
install the pinned uv into it with pip, and let uv install exactly what uv.lock records
(`uv sync --locked`, with the simulator extra and the dev tools). Uses only the standard library.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

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
    if sys.version_info < (3, 11):  # noqa: UP036 - runs under whatever python3 the user has
        sys.exit(f"taskpoll needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"creating {VENV.name}/", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if uv_version() != UV_VERSION:
        call(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"uv=={UV_VERSION}")
    env_python = f"--python={PYTHON}"
    call(PYTHON, "-m", "uv", "sync", "--locked", "--all-extras", "--quiet", env_python)
    ensure_redis()


def main(argv: list[str]) -> int:
    tasks = {
        "demo": [PYTHON, "-m", "taskpoll", "demo"],
        "test": [PYTHON, "scripts/check.py", *argv[1:]],
        "run": [*argv[1:]],
    }
    if not argv or argv[0] not in tasks or (argv[0] == "run" and len(argv) < 2):
        print(__doc__)
        return 2
    setup()
    command = tasks[argv[0]]
    if argv[0] == "run" and not Path(command[0]).is_absolute():
        candidate = BIN / str(command[0])
        command[0] = candidate if candidate.exists() else command[0]
    env = {**os.environ, "VIRTUAL_ENV": str(VENV), "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run([str(c) for c in command], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
