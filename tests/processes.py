"""Run a Python module in a child process, as a user's shell would, and keep what it prints; and the
`taskpoll` command line, in a child process or in this one."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest


def run_module(
    module: str, *args: str, timeout: float, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m module args...` with this interpreter: its exit code, stdout and stderr as text."""
    return subprocess.run(
        [sys.executable, "-m", module, *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=cwd
    )


def cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m taskpoll argv...`, with `env` added to this process's environment."""
    return run_module("taskpoll", *argv, timeout=60, env={**os.environ, **(env or {})})


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`taskpoll argv...` in this process: its exit code, stdout and stderr."""
    from taskpoll.cli import main

    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
