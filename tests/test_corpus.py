"""Every answer in the corpus of real answers (tests/corpus/) reads as the state it stands for.

Each case is served by a loopback server and read through the public API, sync and async: a 2xx
case must come back in its state (a finished task finished, with its result reachable), an error
case as its error class. The corpus comes from the providers' own material, not from our specs.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Iterator
from typing import Any

import pytest

import taskpoll

from .clients import FAST
from .corpus import Case, load
from .declared_types import check_result
from .loopback import Canned, CannedServer, canned_server

CASES, BROKEN = load()  # a provider whose corpus does not import fails its own test below, not collection
TASK_ID = "corpus-task-1"


@pytest.fixture(scope="module")
def server() -> Iterator[CannedServer]:
    with canned_server() as s:
        yield s


def options(server: CannedServer) -> dict[str, Any]:
    return {
        "base_url": server.base_url,
        "api_key": "corpus-key",
        "policy": FAST.with_changes(max_consecutive_failures=0),
    }


def read(case: Case, server: CannedServer, colour: str, method: str) -> Any:
    """What `method` ("get" or "wait") gives for the case: the Task, or the error raised."""
    server.answer_all(Canned(case.status, case.raw(), case.content_type, case.headers))
    kwargs: dict[str, Any] = {"timeout": 2.0, "raise_on_failure": False} if method == "wait" else {}
    try:
        if colour == "sync":
            with taskpoll.Client(case.provider, **options(server)) as client:
                return getattr(client, method)(TASK_ID, **kwargs)

        async def run() -> Any:
            async with taskpoll.AsyncClient(case.provider, **options(server)) as client:
                return await getattr(client, method)(TASK_ID, **kwargs)

        return asyncio.run(run())
    except taskpoll.TaskpollError as exc:
        return exc


@pytest.mark.parametrize("provider", taskpoll.providers.names())
def test_provider_corpus_imports(provider: str) -> None:
    assert provider not in BROKEN, f"tests/corpus/{provider}.py does not import: {BROKEN[provider]}"


def test_one_provider_that_does_not_import_leaves_the_others_cases() -> None:
    def import_module(name: str) -> Any:
        if name.endswith(".aryn"):
            raise ImportError("cannot import name 'Element' from 'taskpoll_aryn_api.models'")
        return importlib.import_module(name)

    cases, broken = load(import_module)
    assert broken == {"aryn": "ImportError: cannot import name 'Element' from 'taskpoll_aryn_api.models'"}
    assert {case.provider for case in cases} == set(taskpoll.providers.names()) - {"aryn"}


def test_every_provider_has_a_corpus() -> None:
    assert {case.provider for case in CASES} | set(BROKEN) == set(taskpoll.providers.names())
    assert all(case.source.strip() for case in CASES)
    assert len({case.id for case in CASES}) == len(CASES), "case names repeat"


@pytest.mark.parametrize("colour", ["sync", "async"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_corpus_answer_reads_as_its_state(case: Case, colour: str, server: CannedServer) -> None:
    outcome = read(case, server, colour, "get")
    if case.error is not None:
        assert isinstance(outcome, case.error), f"{case.source}: {outcome!r}"
        assert case.state is None
    else:
        assert isinstance(outcome, taskpoll.Task), f"{case.source}: {outcome!r}"
        assert outcome.state is case.state, f"{case.source}: {outcome.state} ({outcome.status})"
        if case.raw_status is not None:
            assert outcome.status == case.raw_status
        assert len(outcome.result_issues) == case.issues, outcome.result_issues
        if case.body is not None and case.content_type.startswith("application/json"):
            assert outcome.raw == case.body  # the body as sent is always reachable
        if outcome.state is taskpoll.TaskState.SUCCEEDED:
            assert outcome.result is not None
            check_result(outcome.result, outcome.result_issues)  # every field its declared type
        if outcome.state is taskpoll.TaskState.FAILED:
            assert outcome.error is not None and outcome.error.message
    if case.check is not None:
        case.check(outcome)


@pytest.mark.parametrize("colour", ["sync", "async"])
@pytest.mark.parametrize("case", [c for c in CASES if c.state is not None and c.state.is_terminal], ids=lambda c: c.id)
def test_corpus_finished_task_ends_the_wait(case: Case, colour: str, server: CannedServer) -> None:
    outcome = read(case, server, colour, "wait")
    assert isinstance(outcome, taskpoll.Task), f"{case.source}: {outcome!r}"
    assert outcome.state is case.state
    if case.check is not None:
        case.check(outcome)
