"""A wait whose polls all failed says why when it times out: an unreachable host is not a slow task."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

import taskpoll

from .clients import FAST

UNREACHABLE = "http://127.0.0.1:1"  # nothing listens on port 1: connections are refused at once


@pytest.mark.parametrize("colour", ["sync", "async"])
def test_a_wait_against_an_unreachable_host_names_the_connection_error(colour: str) -> None:
    policy = FAST.with_changes(max_consecutive_failures=1000)
    options = {"base_url": UNREACHABLE, "api_key": "k-unreachable", "policy": policy}
    with pytest.raises(taskpoll.WaitTimeoutError) as caught:
        if colour == "sync":
            with taskpoll.Client("veza", **options) as client:
                client.wait("task-1", timeout=0.5)
        else:

            async def run() -> None:
                async with taskpoll.AsyncClient("veza", **options) as client:
                    await client.wait("task-1", timeout=0.5)

            asyncio.run(run())
    error = caught.value
    assert isinstance(error.last_error, taskpoll.APIConnectionError)
    assert "the last poll failed" in str(error) and "no answer" in str(error)


def test_the_cli_shows_why_the_polls_failed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "taskpoll", "wait", "veza", "task-1", "--base-url", UNREACHABLE, "--timeout", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"VEZA_API_KEY": "k-unreachable", "PATH": ""},
    )
    assert result.returncode == 3
    assert "the last poll failed" in result.stderr and "no answer" in result.stderr
