"""The adapter contract: one adapter per spec, every status value a spec lists is mapped."""

from __future__ import annotations

import asyncio
import copy
import importlib
import json
import logging
import math
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from taskpoll_unsiloed_api.types import Unset

import taskpoll
from taskpoll import Client, ConfigurationError, RateLimitError, ResponseValidationError, TaskpollError, TaskState
from taskpoll._http import Answer
from taskpoll.providers import artos, get, names
from taskpoll.providers._base import parse_time

from .answers import as_answer
from .clients import FAST, policy_for
from .declared_types import check_result
from .loopback import Canned, canned_server
from .specs import PROVIDERS, ROOT, codegen, spec, status_vocabularies


def test_specs_generated_packages_and_adapters_are_the_same_set() -> None:
    assert set(names()) == set(PROVIDERS) == set(codegen()["providers"])
    assert {p.name for p in (ROOT / "generated").iterdir() if p.is_dir()} == {f"taskpoll_{n}_api" for n in names()}


def check_mapping(provider: str, vocabularies: dict[str, set[str]]) -> None:
    adapter = get(provider)
    for vocabulary, values in vocabularies.items():
        assert vocabulary in adapter.vocabularies, f"{provider} adapter has no mapping for {vocabulary!r}"
        missing = values - set(adapter.vocabularies[vocabulary])
        assert not missing, f"{provider}: statuses {sorted(missing)} in specs/{provider}.yaml are not mapped"
        assert all(isinstance(state, TaskState) for state in adapter.vocabularies[vocabulary].values())


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_status_the_spec_lists_is_mapped_by_the_adapter(provider: str) -> None:
    check_mapping(provider, status_vocabularies(provider))


def test_a_spec_gaining_a_status_fails_the_mapping_check() -> None:
    grown = status_vocabularies("artos")
    grown["status"] = grown["status"] | {"Archived"}
    with pytest.raises(AssertionError, match="Archived"):
        check_mapping("artos", grown)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_adapter_reexports_the_generated_result_model(provider: str) -> None:
    module = importlib.import_module(f"taskpoll.providers.{provider}")
    adapter = get(provider)
    assert getattr(module, adapter.result_type.__name__) is adapter.result_type
    assert adapter.result_type.__module__.startswith(f"taskpoll_{provider}_api.")
    assert set(module.__all__) <= set(vars(module))


@pytest.mark.parametrize(
    ("provider", "unsafe"),
    [(p, bad) for p in PROVIDERS for bad in ("", ".", "..")],
)
def test_ids_that_would_leave_their_path_segment_are_refused(provider: str, unsafe: str) -> None:
    from taskpoll import InvalidTaskIdError

    with pytest.raises(InvalidTaskIdError):
        get(provider).status_request(unsafe)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-11T10:00:00Z", datetime(2026, 3, 11, 10, tzinfo=UTC)),
        ("2026-03-11T10:00:00.123456789Z", datetime(2026, 3, 11, 10, 0, 0, 123456, tzinfo=UTC)),
        ("2026-03-11T12:00:00+02:00", datetime(2026, 3, 11, 10, tzinfo=UTC)),
        ("2026-03-11T10:00:00", datetime(2026, 3, 11, 10, tzinfo=UTC)),  # no zone: read as UTC
        ("2026-03-11T24:00:00", datetime(2026, 3, 12, tzinfo=UTC)),  # only dateutil reads 24:00
        ("", None),
        ("yesterday", None),
        ("2026-13-01", None),
        (1741687200, None),
        (None, None),
    ],
)
def test_timestamps_are_read_as_aware_datetimes_or_none(text: object, expected: datetime | None) -> None:
    parsed = parse_time(text)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo is not None


# State strict, result tolerant: Unsiloed and Notion ----------------------------------------------

SEGMENT = {
    "segment_id": "s1",
    "segment_type": "Text",
    "content": "Net sales grew.",
    "page_number": 1,
    "page_width": 1191.0,
    "page_height": 1684.0,
}
JOB = {"job_id": "j1", "status": "Succeeded", "created_at": "2025-10-22T06:51:16Z", "metadata": {}}


def answer(body: object, status: int = 200) -> Answer:
    return as_answer(httpx.Response(status, json=body, request=httpx.Request("GET", "https://x/parse/j1")))


def test_unsiloed_one_odd_segment_or_chunk_does_not_fail_the_job(caplog: pytest.LogCaptureFixture) -> None:
    odd_segment = {k: v for k, v in SEGMENT.items() if k != "page_number"}
    body = {
        **JOB,
        "chunks": [
            {"chunk_length": 4, "segments": [SEGMENT, odd_segment, {**SEGMENT, "segment_id": "s3"}]},
            {"segments": [SEGMENT]},  # no chunk_length: this chunk is left out
            {"chunk_length": 2, "segments": [{**SEGMENT, "segment_id": "s4"}]},
        ],
    }
    with caplog.at_level(logging.WARNING, logger="taskpoll"):
        task = get("unsiloed").read("j1", answer(body))
    assert task.state is TaskState.SUCCEEDED and task.raw == body and task.result is not None
    chunks = task.result.chunks
    assert isinstance(chunks, list) and [[s.segment_id for s in c.segments] for c in chunks] == [["s1", "s3"], ["s4"]]
    assert len(task.result_issues) == 2
    assert any(i.startswith("result.chunks[0].segments[1]") and "page_number" in i for i in task.result_issues)
    assert any(i.startswith("result.chunks[1]") for i in task.result_issues)
    assert "do not fit the spec" in caplog.text and "j1" in caplog.text


def test_unsiloed_segments_without_html_and_markdown_fit_whole() -> None:
    task = get("unsiloed").read("j1", answer({**JOB, "chunks": [{"chunk_length": 1, "segments": [SEGMENT]}]}))
    assert task.result_issues == () and task.result is not None and isinstance(task.result.chunks, list)
    segment = task.result.chunks[0].segments[0]
    assert isinstance(segment.html, Unset) and isinstance(segment.markdown, Unset)


@pytest.mark.parametrize(
    "body",
    [
        {**JOB, "status": None},
        {k: v for k, v in JOB.items() if k != "status"},
        {**JOB, "job_id": 7},
        [JOB],
        "Succeeded",
    ],
)
def test_unsiloed_an_answer_without_a_readable_state_is_a_validation_error(body: object) -> None:
    with pytest.raises(ResponseValidationError):
        get("unsiloed").read("j1", answer(body))


NOTION_TASK = {
    "object": "async_task",
    "id": "task_abc123",
    "status_url": "https://api.notion.com/v1/async_tasks/task_abc123",
    "created_time": "2026-06-29T12:00:00.000Z",
    "operation": {"name": "POST /v1/pages"},
}


def test_notion_reads_the_state_whatever_the_operation_looks_like() -> None:
    notion = get("notion")
    odd = {**NOTION_TASK, "operation": {"surface": 3}}
    queued = notion.read("task_abc123", answer({**odd, "status": "queued", "poll_after_seconds": 2}))
    assert queued.state is TaskState.PENDING and queued.poll_after == 2.0
    failed = notion.read("task_abc123", answer({**odd, "status": "failed", "error": {"message": "No."}}))
    assert failed.state is TaskState.FAILED and failed.error is not None and failed.error.message == "No."
    done = notion.read("task_abc123", answer({**odd, "status": "succeeded", "result": {"id": "p1"}}))
    assert done.state is TaskState.SUCCEEDED and done.raw["result"] == {"id": "p1"}
    assert done.result_issues  # the odd operation is reported, the finished task stays finished


@pytest.mark.parametrize("poll_after", [None, -1, "2", True])
def test_notion_an_in_progress_task_without_a_usable_hint_is_a_validation_error(poll_after: object) -> None:
    body = {**NOTION_TASK, "status": "running", "poll_after_seconds": poll_after}
    with pytest.raises(ResponseValidationError, match="poll_after_seconds"):
        get("notion").read("task_abc123", answer(body))


# Artos and Veza: what is state and what is result ------------------------------------


def _answer(body: object, status: int = 200) -> Answer:
    request = httpx.Request("GET", "https://provider.test/status/t-1")
    return as_answer(httpx.Response(status, content=json.dumps(body).encode(), request=request))


def test_artos_complete_is_an_alias_of_ready() -> None:
    artos = get("artos")
    assert artos.vocabularies["status"]["Complete"] is artos.vocabularies["status"]["Ready"] is TaskState.SUCCEEDED


def test_artos_progress_of_another_type_is_reported_not_fatal() -> None:
    task = get("artos").read("t-1", _answer({"task_id": "t-1", "status": "Generating", "progress": "40%"}))
    assert task.state is TaskState.RUNNING and task.progress is None
    assert task.result_issues == ("result.progress: a string, not an integer or null (left out)",)
    # Finished: the result's own reading names it, once, in the same words.
    done = get("artos").read("t-1", _answer({"task_id": "t-1", "status": "Ready", "progress": "40%"}))
    assert done.state is TaskState.SUCCEEDED and done.progress is None and done.result is not None
    assert done.result_issues == ("result.progress: a string, not an integer or null (left out)",)
    assert done.result.progress is artos.UNSET


def test_artos_answer_without_its_task_id_is_a_validation_error() -> None:
    with pytest.raises(ResponseValidationError):
        get("artos").read("t-1", _answer({"status": "Ready"}))


def test_veza_integer_enums_are_read_and_the_raw_body_is_left_as_sent() -> None:
    body = {"task": {"id": "t-1", "state": 3, "status": 2, "error_status": 13}}
    task = get("veza").read("t-1", _answer(body))
    assert task.state is TaskState.FAILED and task.status == "COMPLETE/FAILED"
    assert task.error is not None and task.error.code == "13"
    assert task.raw == {"task": {"id": "t-1", "state": 3, "status": 2, "error_status": 13}}


def test_veza_error_code_by_name_and_request_id_are_kept() -> None:
    body = {"code": "ResourceExhausted", "message": "slow down", "request_id": "r-9", "timestamp": "2026-01-01T00:00Z"}
    error = get("veza").error("t-1", _answer(body, 429))
    assert isinstance(error, RateLimitError)
    assert (error.code, error.message, error.request_id) == ("ResourceExhausted", "slow down", "r-9")
    assert "[ResourceExhausted]" in str(error) and "request id r-9" in str(error)


@pytest.mark.parametrize(
    ("provider", "status", "detail", "expected"),
    [
        ("aryn", 403, "No Aryn API key provided.", "AuthenticationError"),
        ("aryn", 403, "This async action requires you to upgrade your account plan", "PermissionDeniedError"),
        ("aryn", 401, "Please UPGRADE YOUR ACCOUNT PLAN first", "PermissionDeniedError"),
        ("unsiloed", 402, "Insufficient page credits", "QuotaExceededError"),
        ("unsiloed", 429, "Usage limit exceeded for this month", "QuotaExceededError"),
        ("unsiloed", 429, "Too many requests", "RateLimitError"),
        ("notion", 529, "overloaded", "RateLimitError"),
    ],
)
def test_the_error_class_reads_the_status_and_the_message(
    provider: str, status: int, detail: str, expected: str
) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = {"Retry-After": "7", "x-request-id": "req-1"}
    response = httpx.Response(status, content=body, headers=headers, request=httpx.Request("GET", "https://x"))
    error = get(provider).error("t-1", response)
    assert type(error).__name__ == expected
    assert (error.provider, error.task_id, error.status_code, error.body) == (provider, "t-1", status, body)
    assert error.retry_after == 7.0 and detail in error.message


# The spec drives the adapter: auth and the Notion version ------------------------------------------


def spec_auth(document: dict[str, Any]) -> set[tuple[str, str]]:
    """(header, scheme word) for every security scheme the spec's operations require: http bearer is
    ("authorization", "bearer"), an apiKey in a header is (its header name, "")."""
    requirements = list(document.get("security") or [])
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict):
                requirements += operation.get("security") or []
    schemes = document["components"]["securitySchemes"]
    found = set()
    for name in {name for requirement in requirements for name in requirement}:
        scheme = schemes[name]
        if scheme["type"] == "http":
            found.add(("authorization", scheme["scheme"].lower()))
        elif scheme["type"] == "apiKey" and scheme["in"] == "header":
            found.add((scheme["name"].lower(), ""))
        else:
            found.add((f"{scheme['type']} in {scheme.get('in')}", "unsupported"))
    return found


def check_auth(provider: str, document: dict[str, Any]) -> None:
    adapter = get(provider)
    sent = (adapter.auth_header.lower(), adapter.auth_scheme.lower())
    assert spec_auth(document) == {sent}, f"{provider}: the adapter sends {sent}, the spec asks {spec_auth(document)}"


@pytest.mark.parametrize("provider", PROVIDERS)
def test_adapter_sends_the_key_as_the_specs_security_scheme_says(provider: str) -> None:
    check_auth(provider, spec(provider))


def test_a_spec_whose_security_scheme_changes_fails_the_auth_check() -> None:
    changed = copy.deepcopy(spec("unsiloed"))
    changed["components"]["securitySchemes"]["api_key"] = {"type": "http", "scheme": "bearer"}
    with pytest.raises(AssertionError, match="api-key"):
        check_auth("unsiloed", changed)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_key_arrives_where_the_spec_says(provider: str) -> None:
    ((header, scheme),) = spec_auth(spec(provider))
    with canned_server() as server:
        server.answer_all(Canned(404, b"{}"))
        options = {"base_url": server.base_url, "api_key": "spec-key", "policy": policy_for(provider)}
        with Client(provider, **options) as client, pytest.raises(TaskpollError):
            client.get("task-1")
    assert server.seen[-1].headers[header] == (f"{scheme.capitalize()} spec-key" if scheme else "spec-key")


def test_notion_sends_the_version_it_is_given_and_the_tested_one_by_default() -> None:
    from taskpoll.providers.notion import NOTION_VERSION, Notion  # here: a broken Notion package fails only this

    with canned_server() as server:
        not_found = b'{"object": "error", "status": 404, "code": "object_not_found", "message": "x"}'
        server.answer_all(Canned(404, not_found))
        for provider, expected in ((Notion(version="2026-09-01"), "2026-09-01"), ("notion", NOTION_VERSION)):
            with Client(provider, base_url=server.base_url, api_key="k", policy=policy_for("notion")) as client:
                with pytest.raises(TaskpollError):
                    client.get("task-1")
                with pytest.raises(TaskpollError):
                    client.submit({"parent": {"page_id": "p"}, "markdown": "# x"})
            assert [seen.headers["notion-version"] for seen in server.seen[-2:]] == [expected, expected]
    assert spec("notion")["components"]["parameters"]["NotionVersion"]["schema"]["default"] == NOTION_VERSION


@pytest.mark.parametrize("version", ["", "latest", "2026-3-11", "2026-03-11\r\nX: y", 20260311])
def test_notion_refuses_a_version_that_is_not_a_date(version: Any) -> None:
    from taskpoll.providers.notion import Notion

    with pytest.raises(ConfigurationError, match="Notion-Version"):
        Notion(version=version)


# State strictly, types truly, and what a result keeps -----------------------------------
# Over loopback HTTP, sync and async: a body that is not the provider's never reads as a final state,
# and a result that lacks a required top-level field keeps everything else.

NOT_A_RESULT = {"status": "Paused", "task_id": "t", "state": "PAUSED", "job_id": "t"}  # the issue's exact body
ELEMENT_BODY = {
    "type": "Text",
    "bbox": [0.1, 0.2, 0.3, 0.4],
    "properties": {"page_number": 1},
    "text_representation": "Hi",
}
ARYN_RESULT = {"status": ["Incremental status will be shown here"], "status_code": 200, "elements": []}
STRICT = FAST.with_changes(max_consecutive_failures=2)


def _over_loopback(provider: str, colour: str, answers: list[Canned], method: str, *args: Any, **kwargs: Any) -> Any:
    """`client.<method>(...)` of a fresh Client or AsyncClient against a canned loopback server answering
    `answers` in turn: (the Task or the error raised, how many requests the server saw)."""
    with canned_server() as server:
        server.answer_in_turn(answers)
        options: dict[str, Any] = {"base_url": server.base_url, "api_key": "key", "policy": STRICT}
        if provider == "unsiloed":
            options["rate_limit"] = math.inf
        try:
            if colour == "sync":
                with taskpoll.Client(provider, **options) as client:
                    outcome = getattr(client, method)(*args, **kwargs)
            else:

                async def run() -> Any:
                    async with taskpoll.AsyncClient(provider, **options) as client:
                        return await getattr(client, method)(*args, **kwargs)

                outcome = asyncio.run(run())
        except taskpoll.TaskpollError as exc:
            outcome = exc
        return outcome, len(server.seen)


def _json(body: object, status: int = 200) -> Canned:
    return Canned(status, json.dumps(body).encode())


@pytest.mark.parametrize("colour", ["sync", "async"])
def test_a_200_that_is_not_an_aryn_result_is_retried_then_a_validation_error(colour: str) -> None:
    outcome, polls = _over_loopback("aryn", colour, [_json(NOT_A_RESULT)], "wait", "t", timeout=5)
    assert isinstance(outcome, ResponseValidationError), outcome
    assert "not an Aryn result" in str(outcome) and "status: a string, not an array" in str(outcome)
    assert polls == STRICT.max_consecutive_failures + 1  # the failure budget, then the error
    # Within the budget, the next answer that is Aryn's ends the wait as usual.
    outcome, polls = _over_loopback("aryn", colour, [_json(NOT_A_RESULT), _json(ARYN_RESULT)], "wait", "t", timeout=5)
    assert isinstance(outcome, taskpoll.Task) and outcome.state is TaskState.SUCCEEDED and polls == 2
    assert outcome.result is not None and outcome.result.status == ARYN_RESULT["status"] and not outcome.result_issues


@pytest.mark.parametrize("colour", ["sync", "async"])
@pytest.mark.parametrize(
    "body",
    [
        {},
        {"task_id": "t"},
        {"status": None, "elements": None, "error": None},  # nulls are no values
        {"status": "Paused", "elements": "none", "markdown": 5},
        ["not", "an", "object"],
    ],
)
def test_aryn_a_200_is_succeeded_only_with_a_result_field_of_its_type(colour: str, body: object) -> None:
    outcome, _ = _over_loopback("aryn", colour, [_json(body)], "get", "t")
    assert isinstance(outcome, ResponseValidationError), outcome


@pytest.mark.parametrize("colour", ["sync", "async"])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_issue_body_is_a_final_state_for_no_provider(provider: str, colour: str) -> None:
    outcome, _ = _over_loopback(provider, colour, [_json(NOT_A_RESULT)], "get", "t")
    if provider in ("artos", "unsiloed"):
        # Its own shape (task_id / job_id and a status word), with a word it does not know: UNKNOWN, polled on.
        assert isinstance(outcome, taskpoll.Task) and outcome.state is TaskState.UNKNOWN and outcome.status == "Paused"
        assert outcome.result is None
    else:
        # Aryn (no result field), Veza (no AsyncTask id), Notion (no async_task object): not theirs at all.
        assert isinstance(outcome, ResponseValidationError), outcome


@pytest.mark.parametrize("colour", ["sync", "async"])
def test_notion_a_succeeded_status_outside_an_async_task_object_is_no_state(colour: str) -> None:
    body = {"status": "succeeded", "result": {"object": "page", "id": "p1"}}
    outcome, _ = _over_loopback("notion", colour, [_json(body)], "get", "t")
    assert isinstance(outcome, ResponseValidationError) and "async task" in str(outcome)
    outcome, _ = _over_loopback("notion", colour, [_json({**NOTION_TASK, **body})], "get", "t")
    assert isinstance(outcome, taskpoll.Task) and outcome.state is TaskState.SUCCEEDED


# A required top-level field that is missing: the result keeps the rest (the rule for every provider).

UNSILOED_SEED_003 = {  # the fields seed 003 lists for a succeeded job: no metadata
    "job_id": "j1",
    "status": "Succeeded",
    "created_at": "2025-10-22T06:51:16Z",
    "started_at": "2025-10-22T06:51:17Z",
    "finished_at": "2025-10-22T06:51:40Z",
    "total_chunks": 1,
    "chunks": [{"chunk_length": 1, "segments": [SEGMENT]}],
}


@pytest.mark.parametrize("colour", ["sync", "async"])
def test_unsiloed_a_job_without_metadata_keeps_every_chunk(colour: str) -> None:
    outcome, _ = _over_loopback("unsiloed", colour, [_json(UNSILOED_SEED_003)], "wait", "j1", timeout=5)
    assert isinstance(outcome, taskpoll.Task) and outcome.state is TaskState.SUCCEEDED
    assert outcome.result_issues == ()  # metadata is optional in the spec now
    result = outcome.unwrap()
    assert isinstance(result.metadata, Unset) and result.total_chunks == 1
    assert [s.segment_id for c in result.chunks or [] for s in c.segments] == ["s1"]


NOTION_DONE = {**NOTION_TASK, "status": "succeeded", "result": {"object": "page", "id": "p1"}}


@pytest.mark.parametrize("colour", ["sync", "async"])
@pytest.mark.parametrize(
    ("provider", "body", "field", "issue"),
    [
        (
            "unsiloed",
            {k: v for k, v in UNSILOED_SEED_003.items() if k != "created_at"},
            "created_at",
            "result.created_at: missing, though required (left out)",
        ),
        (
            "notion",
            {k: v for k, v in NOTION_DONE.items() if k != "created_time"},
            "created_time",
            "result.created_time: missing, though required (left out)",
        ),
        (
            "notion",
            {**NOTION_DONE, "operation": {"surface": "rest"}},
            "operation",
            "result.operation.name: missing (result.operation left out)",
        ),
        (
            "aryn",
            {"status": "done", "elements": [ELEMENT_BODY]},
            "status",
            "result.status: a string, not an array, though required (left out)",
        ),
        # (Artos's and Veza's required result fields are their state: task_id and status, id.)
    ],
)
def test_a_required_top_level_field_that_does_not_fit_is_unset_and_the_rest_kept(
    provider: str, body: dict[str, Any], field: str, issue: str, colour: str
) -> None:
    outcome, _ = _over_loopback(provider, colour, [_json(body)], "wait", "t", timeout=5)
    assert isinstance(outcome, taskpoll.Task) and outcome.state is TaskState.SUCCEEDED, outcome
    assert outcome.result_issues == (issue,)
    result = outcome.unwrap()
    assert type(getattr(result, field)).__name__ == "Unset"
    assert set(result.to_dict()) == set(body) - {field}  # everything else is kept
    check_result(result, outcome.result_issues)
    assert outcome.raw == body  # the body as sent
    again = taskpoll.Task.from_dict(outcome.to_dict(), type(result))  # a round trip names the field once
    assert again.result_issues == outcome.result_issues and again.result == result
