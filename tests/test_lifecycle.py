"""The whole life of a task: submit, run (submit and wait), cancel, list, for every provider,
sync and async, over loopback HTTP: the simulator for the happy and unhappy paths, small servers of
our own for what the simulator cannot do (a connection that dies after the upload, a port that opens
late, the exact bytes of a request)."""

from __future__ import annotations

import asyncio
import io
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import taskpoll
from taskpoll.providers.artos import GenerateDocumentRequest
from taskpoll.providers.aryn import PartitionOptions, PartitionOptionsOutputFormat, PartitionRequest
from taskpoll.providers.notion import (
    AsyncTaskSucceeded,
    CreatePageRequest,
    ReplaceContent,
    UpdatePageMarkdownRequest,
    UpdatePageMarkdownRequestType,
)
from taskpoll.providers.unsiloed import ParseCreateRequest
from taskpoll.providers.veza import GetAssessmentQuerySpecResultRequest
from taskpoll.simulator import PROVIDERS, Simulator

from .clients import RATE_LIMIT, Colour, policy_for
from .loopback import Canned, canned_server
from .specs import openapi, spec, spec_server

# Every test's simulator hints Notion's polls 20 ms apart (its default is 1 s, which Notion's policy follows).
pytestmark = pytest.mark.taskpoll_simulator(notion_poll_after=0.02)
COLOURS = [Colour("sync"), Colour("async")]
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ARTOS_BODY = {
    "document_type": "CSR",
    "file_paths": ["org-id/documents/protocol.pdf"],
    "connector_data_id": "project-2024-001",
    "workspace_name": "Q1 CSR Documents",
    "template_id": "template-uuid-123",
    "output_name": "CSR_Final",
}
NOTION_PAGE = {"parent": {"page_id": "b55c9c91-384d-452b-81db-d1ef79372b75"}, "markdown": "# Hello\n\nFrom taskpoll."}
SUBMIT: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
    "aryn": ((PDF,), {"options": {"use_ocr": True}}),
    "artos": ((ARTOS_BODY,), {}),
    "veza": (({"query_type": "SOURCE_TO_DESTINATION"},), {}),
    "unsiloed": ((PDF,), {"options": {"merge_tables": True}}),
    "notion": ((NOTION_PAGE,), {}),
}
CREATE_PATH = {
    "aryn": "/v1/async/submit/document/partition",
    "artos": "/api/v1/documents/generate",
    "veza": "/api/v1/assessments/query_spec:result_async_create",
    "unsiloed": "/parse",
    "notion": "/v1/pages",
}
FIRST_STATUS = {"aryn": "202", "artos": "202", "veza": "PENDING", "unsiloed": "Starting", "notion": "queued"}


def call(colour: Colour, provider: str, base_url: str, key: str, method: str, *args: Any, **kwargs: Any) -> Any:
    """`client.<method>(...)` on a fresh Client or AsyncClient pointed at any loopback server."""
    options: dict[str, Any] = {"base_url": base_url, "api_key": key, "policy": policy_for(provider)}
    if provider in RATE_LIMIT:
        options["rate_limit"] = RATE_LIMIT[provider]
    if colour.name == "sync":
        with taskpoll.Client(provider, **options) as client:
            return getattr(client, method)(*args, **kwargs)

    async def run() -> Any:
        async with taskpoll.AsyncClient(provider, **options) as client:
            return await getattr(client, method)(*args, **kwargs)

    return asyncio.run(run())


def on_sim(colour: Colour, sim: Simulator, provider: str, method: str, *args: Any, **kwargs: Any) -> Any:
    return call(colour, provider, sim.base_url(provider), sim.api_key(provider), method, *args, **kwargs)


def posts(sim: Simulator, provider: str) -> list[Any]:
    return [r for r in sim.requests(provider) if r.method in ("POST", "PATCH")]


# Submit and run ------------------------------------------------------------------------------------


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_submit_returns_the_new_task_without_waiting(
    taskpoll_simulator: Simulator, provider: str, colour: Colour
) -> None:
    sim = taskpoll_simulator
    args, kwargs = SUBMIT[provider]
    task = on_sim(colour, sim, provider, "submit", *args, **kwargs)
    assert isinstance(task, taskpoll.Task) and task.provider == provider
    assert task.state is taskpoll.TaskState.PENDING and task.status == FIRST_STATUS[provider]
    assert sim.app.find(provider, task.id) is not None  # the id is the one the provider made
    assert [r.method for r in sim.requests(provider)] == ["POST"]  # one request, and no poll
    # The same task can then be waited on by id, as any other.
    done = on_sim(colour, sim, provider, "wait", task.id)
    assert done.state is taskpoll.TaskState.SUCCEEDED and done.id == task.id


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_run_submits_then_waits_for_the_typed_result(
    taskpoll_simulator: Simulator, provider: str, colour: Colour
) -> None:
    sim = taskpoll_simulator
    args, kwargs = SUBMIT[provider]
    seen: list[taskpoll.TaskState] = []
    task = on_sim(colour, sim, provider, "run", *args, on_update=lambda t: seen.append(t.state), **kwargs)
    assert task.state is taskpoll.TaskState.SUCCEEDED
    assert isinstance(task.unwrap(), taskpoll.providers.get(provider).result_type)
    assert seen[0] is taskpoll.TaskState.PENDING and seen[-1] is taskpoll.TaskState.SUCCEEDED
    methods = [r.method for r in sim.requests(provider)]
    assert methods[0] == "POST" and methods.count("POST") == 1 and methods.count("GET") >= 2


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
def test_run_has_waits_deadline_and_its_resumable_timeout(taskpoll_simulator: Simulator, colour: Colour) -> None:
    sim = taskpoll_simulator
    sim.app.default_steps["artos"] = (taskpoll.simulator.running(polls=10_000),)
    error = colour.raises(lambda: on_sim(colour, sim, "artos", "run", ARTOS_BODY, timeout=0.3))
    assert isinstance(error, taskpoll.WaitTimeoutError)
    assert sim.app.find("artos", error.task_id) is not None and error.token
    assert [r.method for r in sim.requests("artos")].count("POST") == 1


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
def test_run_raises_task_failed_as_wait_does(taskpoll_simulator: Simulator, colour: Colour) -> None:
    sim = taskpoll_simulator
    sim.app.default_steps["unsiloed"] = (taskpoll.simulator.failed(error="Unsupported file"),)
    error = colour.raises(lambda: on_sim(colour, sim, "unsiloed", "run", PDF))
    assert isinstance(error, taskpoll.TaskFailedError) and "Unsupported file" in str(error)
    task = on_sim(colour, sim, "unsiloed", "run", PDF, raise_on_failure=False)
    assert task.state is taskpoll.TaskState.FAILED


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
def test_submit_takes_the_typed_request_models_too(taskpoll_simulator: Simulator, colour: Colour) -> None:
    sim = taskpoll_simulator
    aryn = PartitionOptions(use_ocr=True, output_format=PartitionOptionsOutputFormat.MARKDOWN)
    assert on_sim(colour, sim, "aryn", "submit", io.BytesIO(PDF), options=aryn).state is taskpoll.TaskState.PENDING
    assert on_sim(colour, sim, "aryn", "submit", file_url="https://example.com/report.pdf").status == "202"
    assert on_sim(colour, sim, "artos", "submit", GenerateDocumentRequest(**ARTOS_BODY)).status == "202"
    veza = GetAssessmentQuerySpecResultRequest(query_type="SOURCE_TO_DESTINATION")
    assert on_sim(colour, sim, "veza", "submit", veza).status == "PENDING"
    spec = {"query_type": "SOURCE_TO_DESTINATION", "relates_to_exp": {"specs": [{"node_types": {"nodes": []}}]}}
    assert on_sim(colour, sim, "veza", "submit", spec).status == "PENDING"  # fields the spec leaves open
    unsiloed = ParseCreateRequest(merge_tables=True, ocr_mode="force_ocr")
    assert on_sim(colour, sim, "unsiloed", "submit", PDF, options=unsiloed).status == "Starting"
    assert on_sim(colour, sim, "unsiloed", "submit", url="https://example.com/a.pdf").status == "Starting"
    notion = CreatePageRequest.from_dict(NOTION_PAGE)
    assert on_sim(colour, sim, "notion", "submit", notion).status == "queued"
    aliases = {**ARTOS_BODY, "document_set_key": ARTOS_BODY["connector_data_id"]}
    del aliases["connector_data_id"]
    assert on_sim(colour, sim, "artos", "submit", aliases).status == "202"  # the documented alias


def test_a_document_is_read_from_a_path_and_from_a_file_object(taskpoll_simulator: Simulator, tmp_path: Path) -> None:
    sim = taskpoll_simulator
    path = tmp_path / "report.pdf"
    path.write_bytes(PDF)
    with path.open("rb") as handle:
        for document in (path, str(path), handle):
            task = on_sim(COLOURS[0], sim, "aryn", "submit", document)
            assert task.state is taskpoll.TaskState.PENDING


# Notion: 200 with the finished result, or 202 with a task ------------------------------------------


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
def test_notion_answers_either_way_and_the_caller_gets_a_task(taskpoll_simulator: Simulator, colour: Colour) -> None:
    sim = taskpoll_simulator
    at_once = on_sim(colour, sim, "notion", "submit", {**NOTION_PAGE, "allow_async": False})
    assert at_once.state is taskpoll.TaskState.SUCCEEDED and at_once.status == "200"
    assert isinstance(at_once.result, AsyncTaskSucceeded)
    assert at_once.result.result.object_ == "page" and at_once.result.result.id == at_once.id
    ran = on_sim(colour, sim, "notion", "run", {**NOTION_PAGE, "allow_async": False})
    assert ran.state is taskpoll.TaskState.SUCCEEDED
    assert [r.method for r in sim.requests("notion")] == ["POST", "POST"]  # nothing to poll
    later = on_sim(colour, sim, "notion", "run", NOTION_PAGE)
    assert later.result is not None and later.result.result.object_ == "page"


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
def test_notion_updates_a_pages_markdown_async_or_at_once(taskpoll_simulator: Simulator, colour: Colour) -> None:
    sim = taskpoll_simulator
    page_id = "b55c9c91-384d-452b-81db-d1ef79372b75"
    update = UpdatePageMarkdownRequest(
        type_=UpdatePageMarkdownRequestType.REPLACE_CONTENT, replace_content=ReplaceContent(new_str="# New")
    )
    queued = on_sim(colour, sim, "notion", "submit", update, page_id=page_id)
    assert queued.state is taskpoll.TaskState.PENDING and queued.id.startswith("task_")
    done = on_sim(colour, sim, "notion", "wait", queued.id)
    assert done.state is taskpoll.TaskState.SUCCEEDED
    now = on_sim(
        colour,
        sim,
        "notion",
        "run",
        {"type": "insert_content", "insert_content": {"content": "more"}, "allow_async": False},
        page_id=page_id,
    )
    assert now.state is taskpoll.TaskState.SUCCEEDED and now.result.result.object_ == "page_markdown"
    patched = [r for r in sim.requests("notion") if r.method == "PATCH"]
    assert [r.raw_path for r in patched] == [f"/notion/v1/pages/{page_id}/markdown"] * 2


# Cancel and list ----------------------------------------------------------------------------------


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
def test_aryn_cancel_then_list_and_wait(taskpoll_simulator: Simulator, colour: Colour) -> None:
    sim = taskpoll_simulator
    sim.app.default_steps["aryn"] = (taskpoll.simulator.running(polls=10_000),)
    kept = on_sim(colour, sim, "aryn", "submit", PDF)
    dropped = on_sim(colour, sim, "aryn", "submit", PDF)
    assert on_sim(colour, sim, "aryn", "cancel", dropped.id) is None
    listed = {t.id: t for t in on_sim(colour, sim, "aryn", "list_tasks")}
    assert listed[dropped.id].state is taskpoll.TaskState.CANCELED
    assert listed[dropped.id].status in ("cancel", "cancelled")
    assert listed[kept.id].state is taskpoll.TaskState.RUNNING and listed[kept.id].result is None
    # Aryn answers a cancelled task's result with 404 (partition.mdx l.222): the wait says so.
    error = colour.raises(lambda: on_sim(colour, sim, "aryn", "wait", dropped.id))
    assert isinstance(error, taskpoll.NotFoundError) and error.task_id == dropped.id
    # A task is cancelled once; the second cancel is Aryn's 404 with its message.
    again = colour.raises(lambda: on_sim(colour, sim, "aryn", "cancel", dropped.id))
    assert isinstance(again, taskpoll.NotFoundError) and "Task not found" in str(again)


def test_aryn_list_reads_every_status_word(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    sim.app.default_steps["aryn"] = (taskpoll.simulator.pending(polls=10_000),)
    with taskpoll.Client("aryn", base_url=sim.base_url("aryn"), api_key=sim.api_key("aryn")) as client:
        ids = [client.submit(PDF).id for _ in range(40)]  # a word per id hash: all 3 met, bar 3e-7
        listed = {t.id: t for t in client.list_tasks()}
    assert all(listed[i].state is taskpoll.TaskState.PENDING for i in ids)
    assert {listed[i].status for i in ids} == {"queue", "queued", "pending"}


def test_aryn_list_keeps_a_word_it_does_not_know_as_unknown() -> None:
    body = {
        "tasks": {
            "aryn:t-1": {"action": "/v1/document/partition", "task_status": "paused"},
            "aryn:t-2": {"task_status": "CANCELLED"},
            "aryn:t-3": {"state": "running"},
        }
    }
    with canned_server() as server:
        server.answer_all(Canned(200, json.dumps(body).encode()))
        listed = call(COLOURS[0], "aryn", server.base_url, "k", "list_tasks")
    states = {t.id: (t.state, t.status) for t in listed}
    assert states == {
        "aryn:t-1": (taskpoll.TaskState.UNKNOWN, "paused"),
        "aryn:t-2": (taskpoll.TaskState.CANCELED, "CANCELLED"),
        "aryn:t-3": (taskpoll.TaskState.RUNNING, "running"),
    }


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
@pytest.mark.parametrize("provider", [p for p in PROVIDERS if p != "aryn"])
def test_cancel_and_list_where_the_provider_has_none_are_typed_errors(
    taskpoll_simulator: Simulator, provider: str, colour: Colour
) -> None:
    sim = taskpoll_simulator
    for method, args in (("cancel", ("some-task",)), ("list_tasks", ())):
        error = colour.raises(lambda: on_sim(colour, sim, provider, method, *args))  # noqa: B023
        assert isinstance(error, taskpoll.UnsupportedOperationError) and not isinstance(error, AttributeError)
        assert error.provider == provider and error.operation == method
    assert sim.requests(provider) == []


# Failures: the provider's message, typed; never a blind second POST ---------------------------------


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_refused_submit_raises_the_providers_error(
    taskpoll_simulator: Simulator, provider: str, colour: Colour
) -> None:
    sim = taskpoll_simulator
    args, kwargs = SUBMIT[provider]
    error = colour.raises(
        lambda: call(colour, provider, sim.base_url(provider), "wrong-key", "submit", *args, **kwargs)
    )
    assert isinstance(error, taskpoll.AuthenticationError) and error.provider == provider
    assert error.message and error.status_code in (401, 403)
    assert "wrong-key" not in str(error) and "wrong-key" not in repr(error)
    assert len(posts(sim, provider)) == 1


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
def test_a_submit_the_provider_rejects_carries_its_message(colour: Colour) -> None:
    with canned_server() as server:
        server.answer_all(Canned(429, b'{"detail": "Too many requests"}'))
        error = colour.raises(lambda: call(colour, "aryn", server.base_url, "k", "submit", PDF))
        assert isinstance(error, taskpoll.RateLimitError) and "Too many requests" in str(error)
        server.answer_all(Canned(402, b"Insufficient quota", "text/plain"))
        quota = colour.raises(lambda: call(colour, "unsiloed", server.base_url, "k", "submit", PDF))
        assert isinstance(quota, taskpoll.QuotaExceededError) and "Insufficient quota" in str(quota)
        assert len(server.seen) == 2  # neither was sent again


@contextmanager
def hanging_up_server() -> Iterator[tuple[str, list[bytes]]]:
    """Reads each request whole (headers and body), then closes the connection without answering."""
    listener = socket.create_server(("127.0.0.1", 0))
    received: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.05)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length")
                    ),
                    0,
                )
                while len(body) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    body += chunk
                received.append(head + b"\r\n\r\n" + body)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", received
    finally:
        stop.set()
        thread.join()
        listener.close()


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_submit_cut_off_after_it_was_sent_is_not_sent_again(provider: str, colour: Colour) -> None:
    args, kwargs = SUBMIT[provider]
    with hanging_up_server() as (base_url, received):
        error = colour.raises(lambda: call(colour, provider, base_url, "secret-key-1", "submit", *args, **kwargs))
    assert isinstance(error, taskpoll.SubmitOutcomeUnknownError) and not error.is_transient
    assert "may have reached" in str(error) and "secret-key-1" not in str(error)
    assert len(received) == 1 and received[0].split(b" ")[1] == CREATE_PATH[provider].encode()


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
def test_a_submit_whose_connection_never_opened_is_sent_once_it_opens(colour: Colour) -> None:
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now: the first connect is refused, provably sending nothing
    body = json.dumps({"task_id": "aryn:t-late"}).encode()
    started, finished = threading.Event(), threading.Event()
    served: dict[str, Any] = {}

    def open_late() -> None:
        time.sleep(0.1)
        with canned_server(port) as server:
            server.answer_all(Canned(202, body))
            served["server"] = server
            started.set()
            finished.wait(10)

    thread = threading.Thread(target=open_late, daemon=True)
    thread.start()
    try:
        task = call(colour, "aryn", f"http://127.0.0.1:{port}", "k", "submit", PDF)
    finally:
        finished.set()
        thread.join()
    assert task.id == "aryn:t-late"
    assert started.is_set() and len(served["server"].seen) == 1


# Bad input: a clear error and nothing sent -------------------------------------------------------

BAD_INPUT: list[tuple[str, tuple[Any, ...], dict[str, Any], str]] = [
    ("aryn", ("/no/such/report.pdf",), {}, "no file at"),
    ("aryn", ("/",), {}, "is a directory"),
    ("aryn", (PDF,), {"options": {"use_ocr": "yes"}}, r"options\.use_ocr: a string, not a boolean"),
    ("aryn", (PDF,), {"options": {"use_orc": True}}, "does not know: use_orc"),
    ("aryn", (PDF,), {"options": PartitionOptions(selected_pages=["1"])}, "selected_pages"),
    ("aryn", (), {}, "give a document"),
    ("aryn", (PDF,), {"file_url": "https://example.com/a.pdf"}, "not both"),
    ("aryn", (PDF,), {"webhook_url": "not a url"}, "webhook_url"),
    ("aryn", (b"",), {}, "is empty"),
    ("aryn", (io.StringIO("text"),), {}, "binary mode"),
    ("aryn", (12,), {}, "not int"),
    ("aryn", (PartitionRequest(),), {}, "file or a file_url"),
    ("aryn", (PDF,), {"use_ocr": True}, "unexpected keyword argument 'use_ocr'"),
    ("veza", ({}, {}), {}, "too many positional arguments"),
    ("artos", ({"document_type": "CSR"},), {}, "request.file_paths: missing"),
    ("artos", ({**ARTOS_BODY, "file_paths": "one.pdf"},), {}, r"request\.file_paths: a string, not an array"),
    ("artos", ("CSR",), {}, "must be a GenerateDocumentRequest or a dict"),
    ("veza", ({"query_type": 1.5},), {}, r"request\.query_type: a number, not an integer or a string"),
    ("unsiloed", (), {}, "give a document"),
    ("unsiloed", (PDF,), {"url": "https://example.com/a.pdf"}, "not both"),
    ("unsiloed", (PDF,), {"options": {"merge_tables": "yes"}}, r"options\.merge_tables: a string, not a boolean"),
    ("unsiloed", (), {"url": "ftp://example.com/a.pdf"}, "http"),
    ("unsiloed", ("/no/such/scan.png",), {}, "no file at"),
    ("notion", ({"markdown": "# no parent"},), {}, "request.parent: missing"),
    ("notion", ({"parent": 1, "markdown": "x"},), {}, r"request\.parent: an integer, not an object"),
    ("notion", ({**NOTION_PAGE, "allow_async": "yes"},), {}, r"request\.allow_async: a string, not a boolean"),
    ("notion", ({"parent": {"page_id": "p"}, "allow_async": True},), {}, "only supported together with markdown"),
    ("notion", ({"type": "replace_content"},), {"page_id": "p"}, "request.replace_content is not set"),
    ("notion", ({"type": "replace_content", "replace_content": {"new_str": "x"}},), {"page_id": ".."}, "not a task id"),
]


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
@pytest.mark.parametrize(("provider", "args", "kwargs", "message"), BAD_INPUT)
def test_bad_input_is_a_clear_typed_error_and_nothing_is_sent(
    taskpoll_simulator: Simulator, colour: Colour, provider: str, args: Any, kwargs: Any, message: str
) -> None:
    sim = taskpoll_simulator
    for method in ("submit", "run"):
        error = colour.raises(lambda: on_sim(colour, sim, provider, method, *args, **kwargs))  # noqa: B023
        assert isinstance(error, taskpoll.TaskpollError), repr(error)
        assert isinstance(error, (taskpoll.ConfigurationError, taskpoll.InvalidTaskIdError))
        assert re.search(message, str(error)), str(error)
    assert sim.requests(provider) == []


def test_a_closed_file_object_is_a_configuration_error(taskpoll_simulator: Simulator) -> None:
    handle = io.BytesIO(PDF)
    handle.close()
    with pytest.raises(taskpoll.ConfigurationError, match="could not be read"):
        on_sim(COLOURS[0], taskpoll_simulator, "aryn", "submit", handle)
    assert taskpoll_simulator.requests("aryn") == []


# The bytes on the wire: what each spec says a create request is -----------------------------------


def sent_request(provider: str, answer: Canned, *args: Any, **kwargs: Any) -> Any:
    with canned_server() as server:
        server.answer_all(answer)
        task = call(COLOURS[0], provider, server.base_url, "k", "submit", *args, **kwargs)
    (seen,) = server.seen
    return task, seen


@pytest.mark.parametrize("provider", PROVIDERS)
def test_each_create_request_fits_its_spec(provider: str) -> None:
    from openapi_core.testing import MockRequest

    answers = {
        "aryn": Canned(202, b'{"task_id": "aryn:t-1"}'),
        "artos": Canned(202, b'{"message": "accepted", "task_id": "doc-1"}'),
        "veza": Canned(200, b'{"task": {"id": "t-1", "state": "PENDING"}}'),
        "unsiloed": Canned(
            200,
            json.dumps(
                {
                    "job_id": "j-1",
                    "status": "Starting",
                    "file_name": "document",
                    "created_at": "2026-12-02T00:00:00Z",
                    "message": "created",
                    "credit_used": 1,
                    "quota_remaining": 10,
                    "merge_tables": True,
                }
            ).encode(),
        ),
        "notion": Canned(
            202,
            json.dumps(
                {
                    "object": "async_task",
                    "id": "task_1",
                    "status_url": "https://api.notion.com/v1/async_tasks/task_1",
                    "created_time": "2026-12-02T00:00:00.000Z",
                    "operation": {"surface": "rest", "name": "POST /v1/pages"},
                    "status": "queued",
                    "poll_after_seconds": 1,
                }
            ).encode(),
        ),
    }
    args, kwargs = SUBMIT[provider]
    task, seen = sent_request(provider, answers[provider], *args, **kwargs)
    assert task.state is taskpoll.TaskState.PENDING
    content_type = seen.headers["content-type"]
    if "multipart" in content_type:
        check_multipart(provider, seen.body, content_type)
    else:
        request = MockRequest(
            spec_server(provider),
            seen.method.lower(),
            CREATE_PATH[provider],
            headers=seen.headers,
            data=seen.body,
            content_type=content_type,
        )
        openapi(provider).validate_request(request)
    if "multipart" in content_type:
        assert "boundary=+++" not in content_type  # httpx's random boundary, not the generated fixed one


def check_multipart(provider: str, body: bytes, content_type: str) -> None:
    """Validate a multipart body against the spec's request schema with jsonschema (openapi-core 0.23
    cannot: it reads `type: [boolean, "null"]` as one string and hands binary parts over as bytes).

    Each part is decoded the way its schema types it: JSON for objects, arrays, booleans and
    integers (so `True` would not fit a boolean), text for strings (the document as Latin-1)."""
    import email.parser
    import email.policy

    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    document = spec(provider)
    operation = document["paths"][CREATE_PATH[provider]]["post"]
    ref = operation["requestBody"]["content"]["multipart/form-data"]["schema"]["$ref"]
    schema = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    instance: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        raw = part.get_payload(decode=True)
        declared = schema["properties"][name].get("type", "string")
        types = set(declared) if isinstance(declared, list) else {declared}
        text = raw.decode("latin-1")
        instance[name] = json.loads(text) if types & {"object", "array", "boolean", "integer"} else text
    registry = Registry().with_resource("urn:spec", Resource.from_contents(document, default_specification=DRAFT202012))
    Draft202012Validator({"$ref": "urn:spec" + ref}, registry=registry).validate(instance)


def test_unsiloed_booleans_go_as_true_and_false_and_none_is_left_out() -> None:
    answer = Canned(
        200,
        b'{"job_id": "j", "status": "Starting", "file_name": "unknown", "created_at": "2026-12-02T00:00:00Z", '
        b'"message": "m", "credit_used": 1, "quota_remaining": 1, "merge_tables": true}',
    )
    options = {"merge_tables": True, "detect_checkboxes": False, "expires_in": None}
    _, seen = sent_request("unsiloed", answer, url="https://example.com/a.pdf", options=options)
    assert b'name="merge_tables"\r\nContent-Type: text/plain\r\n\r\ntrue\r\n' in seen.body
    assert b'name="detect_checkboxes"\r\nContent-Type: text/plain\r\n\r\nfalse\r\n' in seen.body
    assert b"use_high_resolution" not in seen.body  # a dict sends what it names; the rest is Unsiloed's default
    # A ParseCreateRequest built in Python holds the spec's defaults, and sends them as true/false too.
    _, full = sent_request("unsiloed", answer, url="https://example.com/a.pdf", options=ParseCreateRequest())
    assert b'name="use_high_resolution"\r\nContent-Type: text/plain\r\n\r\ntrue\r\n' in full.body
    assert b"True" not in full.body and b"False" not in full.body
    check_multipart("unsiloed", full.body, full.headers["content-type"])
    with pytest.raises(ValueError):  # the check has teeth: Python's spelling does not fit a boolean
        check_multipart(
            "unsiloed", full.body.replace(b"\r\n\r\ntrue\r\n", b"\r\n\r\nTrue\r\n"), full.headers["content-type"]
        )
    assert b"True" not in seen.body and b"False" not in seen.body
    assert b'name="expires_in"' not in seen.body and b'name="file"' not in seen.body


def test_aryn_sends_the_webhook_header_the_options_as_json_and_the_file_under_its_name(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(PDF)
    options = PartitionOptions(use_ocr=True, output_format=PartitionOptionsOutputFormat.MARKDOWN)
    _, seen = sent_request(
        "aryn", Canned(202, b'{"task_id": "aryn:t-1"}'), path, options=options, webhook_url="https://hooks.example/x"
    )
    assert seen.headers["x-aryn-webhook"] == "https://hooks.example/x"
    assert b'filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n' + PDF in seen.body
    part = seen.body.split(b'name="options"')[1].split(b"\r\n\r\n", 1)[1].split(b"\r\n--", 1)[0]
    assert json.loads(part)["use_ocr"] is True and json.loads(part)["output_format"] == "markdown"


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
@pytest.mark.parametrize(
    ("provider", "answer"),
    [
        ("aryn", Canned(202, b"<html><title>Bad gateway</title></html>", "text/html")),
        ("aryn", Canned(202, b'{"task_id": ".."}')),
        ("artos", Canned(202, b'{"message": "accepted"}')),
        ("veza", Canned(200, b'{"task": {"id": 7}}')),
        ("unsiloed", Canned(200, b'{"job_id": "j"}')),
        ("notion", Canned(202, b"[]")),
    ],
)
def test_a_create_answer_that_does_not_fit_is_a_validation_error(provider: str, answer: Canned, colour: Colour) -> None:
    args, kwargs = SUBMIT[provider]
    with canned_server() as server:
        server.answer_all(answer)
        error = colour.raises(lambda: call(colour, provider, server.base_url, "k", "submit", *args, **kwargs))
        assert len(server.seen) == 1
    assert isinstance(error, taskpoll.ResponseValidationError) and error.status_code == answer.status
    assert str(error).startswith(f"{provider}: HTTP {answer.status} answer does not fit the spec: submit")


@contextmanager
def sequence_server(answers: list[Canned]) -> Iterator[tuple[str, list[str]]]:
    """Answers the n-th request with answers[n] (the last one from then on); records each request line."""
    seen: list[str] = []
    with canned_server() as server:
        server.answer_in_turn(answers)
        try:
            yield server.base_url, seen
        finally:
            seen.extend(f"{request.method} {request.raw_path}" for request in server.seen)


NOTION_QUEUED = json.dumps(
    {
        "object": "async_task",
        "id": "task_1",
        "status_url": "https://api.notion.com/v1/async_tasks/task_1",
        "created_time": "2026-12-02T00:00:00.000Z",
        "operation": {"surface": "rest", "name": "POST /v1/pages"},
        "status": "queued",
        "poll_after_seconds": 1,
    }
).encode()


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
@pytest.mark.parametrize("status", [429, 529])
def test_notion_resends_a_submit_it_refused_with_429_or_529_after_its_retry_after(colour: Colour, status: int) -> None:
    code = "rate_limited" if status == 429 else "service_overload"
    refused = Canned(
        status,
        json.dumps({"object": "error", "status": status, "code": code, "message": "slow down"}).encode(),
        headers=(("Retry-After", "0"),),
    )
    with sequence_server([refused, Canned(202, NOTION_QUEUED)]) as (base_url, seen):
        task = call(colour, "notion", base_url, "k", "submit", NOTION_PAGE)
    assert task.id == "task_1" and seen == ["POST /v1/pages", "POST /v1/pages"]


@pytest.mark.parametrize("colour", COLOURS, ids=repr)
def test_notion_gives_up_after_two_resends_and_never_resends_a_500(colour: Colour) -> None:
    refused = Canned(429, b'{"object": "error", "status": 429, "code": "rate_limited", "message": "slow down"}')
    with sequence_server([refused]) as (base_url, seen):
        error = colour.raises(lambda: call(colour, "notion", base_url, "k", "submit", NOTION_PAGE))
    assert isinstance(error, taskpoll.RateLimitError) and len(seen) == 3
    broken = Canned(500, b'{"object": "error", "status": 500, "code": "internal_server_error", "message": "oops"}')
    with sequence_server([broken, Canned(202, NOTION_QUEUED)]) as (base_url, seen):
        error = colour.raises(lambda: call(colour, "notion", base_url, "k", "submit", NOTION_PAGE))
    assert isinstance(error, taskpoll.ServerError) and "oops" in str(error) and len(seen) == 1
    with sequence_server([refused, Canned(202, b'{"task_id": "aryn:t-1"}')]) as (base_url, seen):
        error = colour.raises(lambda: call(colour, "aryn", base_url, "k", "submit", PDF))
    assert isinstance(error, taskpoll.RateLimitError) and len(seen) == 1  # Aryn documents no such thing


def test_script_next_gives_submitted_tasks_their_lifecycles_in_order(taskpoll_simulator: Simulator) -> None:
    from taskpoll.simulator import Fault, ScenarioError, canceled, failed, succeeded

    sim = taskpoll_simulator
    sim.script_next("veza", [failed(error="too big")])
    sim.script_next("veza", [succeeded()], faults=[Fault("rate_limit", polls=(1,), retry_after=0)])
    first = on_sim(COLOURS[0], sim, "veza", "run", {}, raise_on_failure=False)
    second = on_sim(COLOURS[0], sim, "veza", "run", {})
    assert first.state is taskpoll.TaskState.FAILED and first.error is not None and first.error.message == "too big"
    assert second.state is taskpoll.TaskState.SUCCEEDED
    assert [r.fault for r in sim.requests("veza", second.id)][:1] == ["rate_limit"]
    with pytest.raises(ScenarioError):
        sim.script_next("notion", [canceled()])  # Notion has no canceled state


def test_veza_sends_the_query_spec_fields_its_spec_leaves_open() -> None:
    spec = {"query_type": "SOURCE_TO_DESTINATION", "relates_to_exp": {"specs": [{"node_types": {"nodes": ["User"]}}]}}
    task, seen = sent_request("veza", Canned(200, b'{"task": {"id": "t-1", "state": "PENDING"}}'), spec)
    assert task.id == "t-1" and json.loads(seen.body) == spec


REQUEST_MODELS = {
    "aryn": ("PartitionRequest", "PartitionOptions", "File"),
    "artos": ("GenerateDocumentRequest",),
    "veza": ("GetAssessmentQuerySpecResultRequest",),
    "unsiloed": ("ParseCreateRequest", "ParseCreateResponse", "File"),
    "notion": ("CreatePageRequest", "UpdatePageMarkdownRequest", "PageMarkdown", "Page"),
}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_request_models_are_re_exported_next_to_the_result_models(provider: str) -> None:
    import importlib

    module = importlib.import_module(f"taskpoll.providers.{provider}")
    for name in module.__all__:
        assert getattr(module, name) is not None
    result = taskpoll.providers.get(provider).result_type.__name__
    assert result in module.__all__ and set(REQUEST_MODELS[provider]) <= set(module.__all__)


def test_the_next_submitted_lifecycle_can_be_scripted_over_http(taskpoll_simulator: Simulator) -> None:
    import httpx

    sim = taskpoll_simulator
    steps = [{"state": "running", "polls": 1}, {"state": "failed", "error": "scripted over HTTP"}]
    with httpx.Client(timeout=5) as http:
        assert http.post(sim.url + "/_simulator/next", json={"provider": "artos", "steps": steps}).status_code == 204
        refused = http.post(sim.url + "/_simulator/next", json={"provider": "artos", "steps": []})
        assert refused.status_code == 400 and "at least one step" in refused.json()["error"]
    task = on_sim(COLOURS[0], sim, "artos", "run", ARTOS_BODY, raise_on_failure=False)
    assert task.state is taskpoll.TaskState.FAILED and task.error is not None
    assert task.error.message == "scripted over HTTP"


def test_a_simulator_process_scripts_the_next_submitted_task() -> None:
    from taskpoll.simulator import SimulatorProcess, failed

    with SimulatorProcess("--seed", "3") as sim:
        sim.script_next("unsiloed", [failed(error="scripted in another process")])
        task = call(
            COLOURS[1],
            "unsiloed",
            sim.base_url("unsiloed"),
            sim.api_key("unsiloed"),
            "run",
            PDF,
            raise_on_failure=False,
        )
    assert task.state is taskpoll.TaskState.FAILED and task.error is not None
    assert task.error.message == "scripted in another process"
