"""The generated clients, on their own, over real HTTP on 127.0.0.1.

For every provider and every documented response of its status endpoint, a body written from the
provider's docs (tests/documented_bodies.py) is served by a loopback server and fetched with the
generated `sync_detailed`; the test asserts the typed model that comes back. The create/cancel/list
endpoints in the specs get one round trip each.
"""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

import pytest
from taskpoll_artos_api import AuthenticatedClient as ArtosClient
from taskpoll_artos_api.api.documents import generate_document, get_document_status
from taskpoll_artos_api.models import ErrorResponse as ArtosError
from taskpoll_artos_api.models import GenerateDocumentRequest, GenerateDocumentResponse, TaskStatusResponse
from taskpoll_artos_api.models import TaskStatusResponseStatus as ArtosStatus
from taskpoll_artos_api.types import UNSET as ARTOS_UNSET
from taskpoll_artos_api.types import Unset as ArtosUnset
from taskpoll_aryn_api import AuthenticatedClient as ArynClient
from taskpoll_aryn_api.api.partition import (
    field_async_partition_document_cancel_v1 as aryn_cancel,
)
from taskpoll_aryn_api.api.partition import (
    field_async_partition_document_list_v1 as aryn_list,
)
from taskpoll_aryn_api.api.partition import (
    field_async_partition_document_status_v1 as aryn_status,
)
from taskpoll_aryn_api.api.partition import (
    field_async_partition_document_submit_v1 as aryn_submit,
)
from taskpoll_aryn_api.models import (
    CancelPathFilter,
    Element,
    ListPathFilter,
    PartitionerResponse,
    PartitionOptions,
    PartitionRequest,
    StatusForbidden,
    StatusNotFound,
    StatusPathFilter,
    SubmitAccepted,
    TaskList,
    TaskListStatus,
    TaskPending,
)
from taskpoll_aryn_api.types import File, Unset
from taskpoll_notion_api import AuthenticatedClient as NotionClient
from taskpoll_notion_api.api.async_tasks import retrieve_async_task
from taskpoll_notion_api.api.pages import create_page
from taskpoll_notion_api.models import (
    AsyncTaskFailed,
    AsyncTaskInProgress,
    AsyncTaskInProgressStatus,
    AsyncTaskSucceeded,
    CreatePageNotionVersion,
    CreatePageRequest,
    CreatePageRequestParent,
    Error,
    ErrorCode,
    RetrieveAsyncTaskNotionVersion,
)
from taskpoll_unsiloed_api import Client as UnsiloedClient
from taskpoll_unsiloed_api.api.parse_vision_api_compatible import create_parse_task, get_parse_task
from taskpoll_unsiloed_api.models import (
    Chunk,
    JobStatus,
    OCRResult,
    ParseCreateRequest,
    ParseCreateResponse,
    ParseGetResponse,
    Segment,
    SegmentType,
)
from taskpoll_unsiloed_api.types import File as UnsiloedFile
from taskpoll_veza_api import AuthenticatedClient as VezaClient
from taskpoll_veza_api.api.query_builder import create_get_assessment_query_spec_result_async, get_assessment_async_task
from taskpoll_veza_api.models import (
    AsyncTask,
    AsyncTaskState,
    AsyncTaskStatus,
    GetAssessmentQuerySpecResultRequest,
    GetAsyncTaskResponse,
    RpcStatus,
)
from taskpoll_veza_api.types import UNSET

from taskpoll.providers.notion import NOTION_VERSION

from .documented_bodies import ARTOS, ARYN, NOTION, UNSILOED, VEZA, Documented
from .loopback import Canned, CannedServer, canned_server

ARYN_ID = "aryn:t-47gpd3604e5tz79z1jro5fc"
ARYN_QUERY = "path_filter=%5E%2Fv1%2Fdocument%2Fpartition%24"


@pytest.fixture
def server() -> Iterator[CannedServer]:
    with canned_server() as s:
        yield s


@pytest.fixture(autouse=True)
def close_clients(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Close every generated client a test opened (they hold an httpx.Client until closed)."""
    opened: list[Any] = []
    for cls in (ArynClient, ArtosClient, VezaClient, UnsiloedClient, NotionClient):
        original = cls.get_httpx_client

        def tracked(self: Any, _original: Any = original) -> Any:
            opened.append(self)
            return _original(self)

        monkeypatch.setattr(cls, "get_httpx_client", tracked)
    yield
    for client in opened:
        client._client.close()


def serve(server: CannedServer, method: str, path: str, doc: Documented) -> None:
    server.answer(method, path, Canned(doc.status, doc.raw(), doc.content_type, doc.headers))


def by_name(docs: list[Documented]) -> list[object]:
    return [pytest.param(d, id=f"{d.status}-{d.name}") for d in docs]


# Aryn ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", by_name(ARYN))
def test_aryn_status_endpoint_parses_every_documented_response(server: CannedServer, doc: Documented) -> None:
    serve(server, "GET", f"/v1/async/result/aryn%3At-47gpd3604e5tz79z1jro5fc?{ARYN_QUERY}", doc)
    client = ArynClient(base_url=server.base_url, token="aryn-test-key", timeout=5.0)
    response = aryn_status.sync_detailed(ARYN_ID, client=client, path_filter=StatusPathFilter.VALUE_0)
    assert response.status_code == HTTPStatus(doc.status)
    parsed = response.parsed
    if doc.name == "succeeded":
        assert isinstance(parsed, PartitionerResponse)
        assert parsed.status_code == 200 and isinstance(parsed.error, Unset)  # absent, as in real output
        assert isinstance(parsed.elements, list) and all(isinstance(e, Element) for e in parsed.elements)
        assert [e.type_ for e in parsed.elements] == ["Page-header", "Text", "table"]
        assert parsed.elements[0].properties["page_number"] == 1
        assert parsed.elements[2].table["cells"][0]["is_header"] is True  # Element.table (issue 11)
        assert isinstance(parsed.markdown, Unset)
        assert parsed.status[-1] == "T+01.27: Completed work on page 1"
    elif doc.name == "failed":
        assert isinstance(parsed, PartitionerResponse)
        assert parsed.status_code == 500 and parsed.error == "500: Internal error while partitioning page 3"
        assert parsed.elements is None
    elif doc.status == 202:
        assert isinstance(parsed, TaskPending) and parsed.detail == "Task is pending."
        assert response.headers["x-aryn-asyncifier-active-at"] == "network=1763841600"
    elif doc.status == 403:
        assert isinstance(parsed, StatusForbidden) and parsed.detail == "No Aryn API key provided."
    elif doc.status == 404:
        assert isinstance(parsed, StatusNotFound) and parsed.detail == "No such task."
    else:
        assert doc.status == 500 and parsed == "Internal Server Error"
    sent = server.seen[-1]
    assert sent.headers["authorization"] == "Bearer aryn-test-key"


def test_aryn_submit_cancel_and_list_round_trip(server: CannedServer) -> None:
    client = ArynClient(base_url=server.base_url, token="aryn-test-key", timeout=5.0)
    server.answer("POST", "/v1/async/submit/document/partition", Canned(202, b'{"task_id": "aryn:t-1"}'))
    body = PartitionRequest(
        file=File(payload=io.BytesIO(b"%PDF-1.7 fake"), file_name="report.pdf", mime_type="application/pdf"),
        options=PartitionOptions.from_dict({"extract_images": True, "output_format": "json"}),
    )
    submitted = aryn_submit.sync_detailed(client=client, body=body)
    assert isinstance(submitted.parsed, SubmitAccepted) and submitted.parsed.task_id == "aryn:t-1"
    upload = server.seen[-1].body
    assert b'name="options"' in upload and b'"extract_images": true' in upload and b"%PDF-1.7 fake" in upload

    server.answer("POST", f"/v1/async/cancel/aryn%3At-1?{ARYN_QUERY}", Canned(200, b""))
    cancelled = aryn_cancel.sync_detailed("aryn:t-1", client=client, path_filter=CancelPathFilter.VALUE_0)
    assert cancelled.status_code == HTTPStatus.OK

    listing = b'{"tasks": {"aryn:t-1": {"action": "/v1/document/partition", "task_status": "cancel"}}}'
    server.answer("GET", f"/v1/async/list?{ARYN_QUERY}", Canned(200, listing))
    listed = aryn_list.sync_detailed(client=client, path_filter=ListPathFilter.VALUE_0)
    assert isinstance(listed.parsed, TaskList)
    assert listed.parsed.tasks["aryn:t-1"].task_status is TaskListStatus.CANCEL


# Artos --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", by_name(ARTOS))
def test_artos_status_endpoint_parses_every_documented_response(server: CannedServer, doc: Documented) -> None:
    serve(server, "GET", "/api/v1/documents/status/document-uuid-456", doc)
    client = ArtosClient(base_url=server.base_url, token="artos-jwt", timeout=5.0)
    response = get_document_status.sync_detailed("document-uuid-456", client=client)
    parsed = response.parsed
    if doc.status == 200:
        assert isinstance(parsed, TaskStatusResponse)
        assert parsed.task_id == "document-uuid-456"
        assert parsed.status is ArtosStatus(doc.name)
        assert parsed.progress is None
        assert parsed.error == (doc.body["error"])
    else:
        assert isinstance(parsed, ArtosError)
        assert parsed.detail == doc.body["detail"] and parsed.error is ARTOS_UNSET


def test_artos_error_with_context_parses_on_generate(server: CannedServer) -> None:
    """The errors page's second shape, which it says "some endpoints" send (here: generate's 400)."""
    answer = {
        "error": "error_code",
        "error_description": "Detailed description",
        "details": {"field": "value", "suggestion": "How to fix it"},
    }
    server.answer("POST", "/api/v1/documents/generate", Canned(400, json.dumps(answer).encode()))
    client = ArtosClient(base_url=server.base_url, token="artos-jwt", timeout=5.0)
    body = GenerateDocumentRequest.from_dict(
        {k: "x" for k in ("document_type", "connector_data_id", "workspace_name", "template_id", "output_name")}
        | {"file_paths": []}
    )
    parsed = generate_document.sync_detailed(client=client, body=body).parsed
    assert isinstance(parsed, ArtosError) and parsed.detail is ARTOS_UNSET
    assert (parsed.error, parsed.error_description) == ("error_code", "Detailed description")
    assert not isinstance(parsed.details, ArtosUnset) and parsed.details["suggestion"] == "How to fix it"


def test_artos_generate_round_trip(server: CannedServer) -> None:
    answer = b'{"message": "Request to generate document has been accepted.", "task_id": "document-uuid-456"}'
    server.answer("POST", "/api/v1/documents/generate", Canned(202, answer))
    client = ArtosClient(base_url=server.base_url, token="artos-jwt", timeout=5.0)
    body = GenerateDocumentRequest(
        document_type="CSR",
        file_paths=["org-id/documents/protocol.pdf"],
        connector_data_id="project-2024-001",
        workspace_name="Q1 CSR Documents",
        template_id="template-uuid-123",
        output_name="CSR_Final",
    )
    response = generate_document.sync_detailed(client=client, body=body)
    assert isinstance(response.parsed, GenerateDocumentResponse)
    assert response.parsed.task_id == "document-uuid-456"
    assert json.loads(server.seen[-1].body)["connector_data_id"] == "project-2024-001"


# Veza ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", by_name(VEZA))
def test_veza_status_endpoint_parses_every_documented_response(server: CannedServer, doc: Documented) -> None:
    task_id = "c6a2a7f4-1f0e-4b1b-9d43-3f0b6f0e8e21"
    serve(server, "GET", f"/api/v1/assessments/async_tasks/{task_id}", doc)
    client = VezaClient(base_url=server.base_url, token="veza-key", timeout=5.0)
    parsed = get_assessment_async_task.sync_detailed(task_id, client=client).parsed
    if doc.status != 200:
        assert isinstance(parsed, RpcStatus)
        assert (parsed.code, parsed.message) == (doc.body["code"], doc.body["message"])
        assert parsed.request_id == doc.body.get("request_id", UNSET)
        assert parsed.timestamp == doc.body.get("timestamp", UNSET)
        return
    if "task" in doc.body:
        assert isinstance(parsed, GetAsyncTaskResponse)
        task = parsed.task
    else:  # a bare AsyncTask reads the same
        assert isinstance(parsed, AsyncTask)
        task = parsed
    assert task.id == task_id
    expected_state = {"pending": "PENDING", "in progress": "IN_PROGRESS"}.get(doc.name, "COMPLETE")
    assert task.state is AsyncTaskState(expected_state)
    if doc.name == "pending":
        assert task.status is UNSET
    elif doc.name == "succeeded":
        assert task.status is AsyncTaskStatus.SUCCEEDED
        assert task.result["values"][0]["type"] == "AwsIamUser"
    elif doc.name == "failed":
        assert task.status is AsyncTaskStatus.FAILED
        assert task.error_reason == "query exceeded the maximum result size"
        assert isinstance(task.error_status, RpcStatus) and task.error_status.code == 8
    elif doc.name == "canceled":
        assert task.status is AsyncTaskStatus.CANCELED
    elif doc.name == "bare succeeded":
        assert task.status is AsyncTaskStatus.SUCCEEDED and task.result == doc.body["result"]  # a list, as sent


def test_veza_create_round_trip(server: CannedServer) -> None:
    answer = b'{"task": {"id": "t-1", "state": "PENDING"}}'
    server.answer("POST", "/api/v1/assessments/query_spec:result_async_create", Canned(200, answer))
    client = VezaClient(base_url=server.base_url, token="veza-key", timeout=5.0)
    body = GetAssessmentQuerySpecResultRequest.from_dict(
        {"query_type": "SOURCE_TO_DESTINATION", "source_node_types": {"nodes": [{"node_type": "OktaUser"}]}}
    )
    response = create_get_assessment_query_spec_result_async.sync_detailed(client=client, body=body)
    assert isinstance(response.parsed, GetAsyncTaskResponse) and response.parsed.task.id == "t-1"


# Unsiloed -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", by_name(UNSILOED))
def test_unsiloed_status_endpoint_parses_every_documented_response(server: CannedServer, doc: Documented) -> None:
    job_id = "04a7a6d8-5ef7-465a-b22a-8a98e7104dd9"
    serve(server, "GET", f"/parse/{job_id}", doc)
    client = UnsiloedClient(base_url=server.base_url, headers={"api-key": "unsiloed-key"}, timeout=5.0)
    parsed = get_parse_task.sync_detailed(job_id, client=client).parsed
    if doc.status != 200:
        assert parsed == doc.body  # text/plain bodies come back as str
        return
    assert isinstance(parsed, ParseGetResponse)
    assert parsed.job_id == job_id and parsed.status is JobStatus(doc.name)
    if doc.name == "Succeeded":
        assert parsed.total_chunks == 1 and parsed.page_count == 1
        assert isinstance(parsed.chunks, list) and isinstance(parsed.chunks[0], Chunk)
        segment = parsed.chunks[0].segments[0]
        assert isinstance(segment, Segment) and segment.segment_type is SegmentType.TABLE
        assert segment.bbox is not None and segment.bbox.width == 1083.0
        assert isinstance(segment.ocr, list) and isinstance(segment.ocr[1], OCRResult)
        assert segment.ocr[1].text == "2025" and segment.ocr[1].color.hex_ == "#000000"
    if doc.name == "Failed":
        assert parsed.message == "Failed to convert document: file is encrypted"


def test_unsiloed_open_segment_type_accepts_the_other_naming_convention(server: CannedServer) -> None:
    job_id = "job-1"
    body = next(d for d in UNSILOED if d.name == "Succeeded").body
    segment = {**body["chunks"][0]["segments"][0], "segment_type": "List Item"}
    changed = {**body, "job_id": job_id, "chunks": [{"chunk_length": 3, "segments": [segment]}]}
    serve(server, "GET", f"/parse/{job_id}", Documented("unsiloed", "other naming", 200, changed))
    client = UnsiloedClient(base_url=server.base_url, timeout=5.0)
    parsed = get_parse_task.sync_detailed(job_id, client=client).parsed
    assert isinstance(parsed, ParseGetResponse) and isinstance(parsed.chunks, list)
    assert parsed.chunks[0].segments[0].segment_type == "List Item"


def test_unsiloed_create_round_trip(server: CannedServer) -> None:
    answer = (
        b'{"job_id": "job-1", "status": "Starting", "file_name": "a.pdf", "created_at": "2026-11-22T10:00:00Z",'
        b' "message": "Poll GET /parse/job-1", "credit_used": 2, "quota_remaining": 998, "merge_tables": false}'
    )
    server.answer("POST", "/parse", Canned(200, answer))
    client = UnsiloedClient(base_url=server.base_url, timeout=5.0)
    body = ParseCreateRequest(
        file=UnsiloedFile(payload=io.BytesIO(b"%PDF fake"), file_name="a.pdf"), merge_tables=False
    )
    response = create_parse_task.sync_detailed(client=client, body=body)
    assert isinstance(response.parsed, ParseCreateResponse)
    assert (response.parsed.job_id, response.parsed.quota_remaining) == ("job-1", 998)


# Notion -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", by_name(NOTION))
def test_notion_status_endpoint_parses_every_documented_response(server: CannedServer, doc: Documented) -> None:
    serve(server, "GET", "/v1/async_tasks/task_abc123", doc)
    client = NotionClient(base_url=server.base_url, token="ntn_test", timeout=5.0)
    kwargs = retrieve_async_task._get_kwargs("task_abc123", notion_version=RetrieveAsyncTaskNotionVersion.VALUE_0)
    response = client.get_httpx_client().request(**kwargs)
    assert server.seen[-1].headers["notion-version"] == NOTION_VERSION
    if doc.status == 529:
        # 529 is not an IANA code: the generated sync_detailed dies in HTTPStatus(529) before parsing
        # (openapi-python-client #1442). _parse_response still reads the documented body.
        with pytest.raises(ValueError, match="529"):
            retrieve_async_task._build_response(client=client, response=response)
    parsed = retrieve_async_task._parse_response(client=client, response=response)
    if doc.name in ("queued", "running", "retrying"):
        assert isinstance(parsed, AsyncTaskInProgress)
        assert parsed.status is AsyncTaskInProgressStatus(doc.name)
        assert parsed.poll_after_seconds == 2
        assert parsed.created_time == datetime.datetime(2026, 11, 22, 10, 15, 2, tzinfo=datetime.UTC)
        assert parsed.operation.name == "create_page"
    elif doc.name == "succeeded":
        assert isinstance(parsed, AsyncTaskSucceeded)
        assert parsed.result["id"] == "59833787-2cf9-4fdf-8782-e53db20768a5"
    elif doc.name == "failed":
        assert isinstance(parsed, AsyncTaskFailed)
        assert parsed.error.code is ErrorCode.VALIDATION_ERROR and parsed.error.status == 400
    elif doc.status == 502:
        assert parsed == doc.body  # the proxy's HTML page, as text
    else:
        assert isinstance(parsed, Error)
        assert parsed.status == doc.status and parsed.code == ErrorCode(doc.body["code"])
        assert parsed.request_id == "2b6a6b2d-0f1f-4d0e-9a3b-5f9a2c1d7e40"
        if doc.status in (429, 529):
            assert response.headers["retry-after"] == dict(doc.headers)["Retry-After"]


def test_notion_create_page_answers_202_with_an_async_task(server: CannedServer) -> None:
    queued = next(d for d in NOTION if d.name == "queued")
    serve(server, "POST", "/v1/pages", Documented("notion", "accepted", 202, queued.body))
    client = NotionClient(base_url=server.base_url, token="ntn_test", timeout=5.0)
    body = CreatePageRequest(
        parent=CreatePageRequestParent.from_dict({"page_id": "b55c9c91-384d-452b-81db-d1ef79372b75"}),
        markdown="# Quarterly review\n\nNumbers are in.",
        allow_async=True,
    )
    response = create_page.sync_detailed(client=client, body=body, notion_version=CreatePageNotionVersion.VALUE_0)
    assert isinstance(response.parsed, AsyncTaskInProgress) and response.parsed.id == "task_abc123"
    assert json.loads(server.seen[-1].body)["allow_async"] is True
