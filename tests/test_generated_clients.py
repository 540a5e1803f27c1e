"""The generated clients, on their own, over real HTTP on 127.0.0.1.

For every provider and every documented response of its status endpoint, a body written from the
provider's docs (tests/documented_bodies.py) is served by a loopback server and fetched with the
generated `sync_detailed`; the test asserts the typed model that comes back. The create/cancel/list
endpoints in the specs get one round trip each.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from http import HTTPStatus
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

import pytest
from taskpoll_artos_api import AuthenticatedClient as ArtosClient
from taskpoll_artos_api.api.documents import generate_document, get_document_status
from taskpoll_artos_api.models import ErrorResponse as ArtosError
from taskpoll_artos_api.models import GenerateDocumentRequest, GenerateDocumentResponse
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
    ListPathFilter,
    PartitionOptions,
    PartitionRequest,
    StatusPathFilter,
    SubmitAccepted,
    TaskList,
    TaskListStatus,
)
from taskpoll_aryn_api.types import File
from taskpoll_notion_api import AuthenticatedClient as NotionClient
from taskpoll_notion_api.api.async_tasks import retrieve_async_task
from taskpoll_notion_api.api.pages import create_page
from taskpoll_notion_api.models import (
    AsyncTaskInProgress,
    CreatePageRequest,
    CreatePageRequestParent,
)
from taskpoll_unsiloed_api import Client as UnsiloedClient
from taskpoll_unsiloed_api.api.parse_vision_api_compatible import create_parse_task, get_parse_task
from taskpoll_unsiloed_api.models import (
    ParseCreateRequest,
    ParseCreateResponse,
    ParseGetResponse,
)
from taskpoll_unsiloed_api.types import File as UnsiloedFile
from taskpoll_veza_api import AuthenticatedClient as VezaClient
from taskpoll_veza_api.api.query_builder import create_get_assessment_query_spec_result_async, get_assessment_async_task
from taskpoll_veza_api.models import (
    GetAssessmentQuerySpecResultRequest,
    GetAsyncTaskResponse,
)

import taskpoll.providers
from taskpoll.simulator import status_request

from .documented_bodies import ALL, EXPECTED, NOTION, TASK_IDS, UNSILOED, Documented, EnumValue, Is
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


# Every documented status answer, all providers: one call each, the expected values beside the bodies.

KEY = "test-key"


def _aryn_status(base_url: str, task_id: str) -> Any:
    client = ArynClient(base_url=base_url, token=KEY, timeout=5.0)
    return aryn_status.sync_detailed(task_id, client=client, path_filter=StatusPathFilter.VALUE_0)


def _artos_status(base_url: str, task_id: str) -> Any:
    return get_document_status.sync_detailed(task_id, client=ArtosClient(base_url=base_url, token=KEY, timeout=5.0))


def _veza_status(base_url: str, task_id: str) -> Any:
    client = VezaClient(base_url=base_url, token=KEY, timeout=5.0)
    return get_assessment_async_task.sync_detailed(task_id, client=client)


def _unsiloed_status(base_url: str, task_id: str) -> Any:
    client = UnsiloedClient(base_url=base_url, headers={"api-key": KEY}, timeout=5.0)
    return get_parse_task.sync_detailed(task_id, client=client)


def _notion_status(base_url: str, task_id: str) -> Any:
    client = NotionClient(base_url=base_url, token=KEY, timeout=5.0)
    kwargs = retrieve_async_task._get_kwargs(task_id, notion_version="2026-03-11")
    response = client.get_httpx_client().request(**kwargs)
    if response.status_code not in HTTPStatus._value2member_map_:
        # 529 is not an IANA code: the generated sync_detailed dies in HTTPStatus(529) before parsing
        # (openapi-python-client #1442). _parse_response still reads the documented body.
        with pytest.raises(ValueError, match=str(response.status_code)):
            retrieve_async_task._build_response(client=client, response=response)
    parsed = retrieve_async_task._parse_response(client=client, response=response)
    return SimpleNamespace(status_code=response.status_code, headers=response.headers, parsed=parsed)


STATUS_CALLS = {
    "aryn": _aryn_status,
    "artos": _artos_status,
    "veza": _veza_status,
    "unsiloed": _unsiloed_status,
    "notion": _notion_status,
}


def test_the_status_calls_cover_every_provider() -> None:
    assert sorted(STATUS_CALLS) == sorted(taskpoll.providers.names())


def at(value: Any, path: list[str]) -> Any:
    """The value at a dotted path: attributes (or additional properties) of generated models, keys, indices."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if head == "*":
        return [at(item, rest) for item in value]
    if isinstance(value, list):
        return at(value[int(head)], rest)
    if isinstance(value, dict) or not hasattr(value, head):  # a model's additional properties too
        return at(value[head], rest)
    return at(getattr(value, head), rest)


def check(actual: Any, expected: Any, where: str) -> None:
    if isinstance(expected, (Is, EnumValue)) and isinstance(actual, list):
        for index, item in enumerate(actual):
            check(item, expected, f"{where}[{index}]")
    elif isinstance(expected, Is):
        assert type(actual).__name__ == expected.cls, f"{where}: {actual!r} is not a {expected.cls}"
    elif isinstance(expected, EnumValue):
        assert (type(actual).__name__, actual.value) == (expected.cls, expected.value), f"{where}: {actual!r}"
    else:
        assert actual == expected and type(actual) is type(expected), f"{where}: {actual!r} != {expected!r}"


@pytest.mark.parametrize("doc", [pytest.param(d, id=f"{d.provider}-{d.status}-{d.name}") for d in ALL])
def test_status_endpoint_parses_every_documented_response(server: CannedServer, doc: Documented) -> None:
    task_id = TASK_IDS[doc.provider]
    request = status_request(doc.provider, task_id, base_url="", api_key=KEY)
    serve(server, "GET", request.url + (f"?{urlencode(request.params)}" if request.params else ""), doc)
    response = STATUS_CALLS[doc.provider](server.base_url, task_id)
    assert response.status_code == doc.status
    sent = server.seen[-1].headers
    assert {k.lower(): sent.get(k.lower()) for k in request.headers} == {
        k.lower(): v for k, v in request.headers.items()
    }
    expect = EXPECTED[(doc.provider, doc.name)]
    if expect.parsed == "text":
        assert response.parsed == doc.body and isinstance(response.parsed, str)  # text bodies come back as str
    else:
        check(response.parsed, Is(expect.parsed), "parsed")
    for path, expected in expect.fields.items():
        check(at(response.parsed, path.split(".")), expected, path)
    for name, value in expect.headers.items():
        assert response.headers[name] == value


# Aryn ---------------------------------------------------------------------------------------------


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


def test_notion_create_page_answers_202_with_an_async_task(server: CannedServer) -> None:
    queued = next(d for d in NOTION if d.name == "queued")
    serve(server, "POST", "/v1/pages", Documented("notion", "accepted", 202, queued.body))
    client = NotionClient(base_url=server.base_url, token="ntn_test", timeout=5.0)
    body = CreatePageRequest(
        parent=CreatePageRequestParent.from_dict({"page_id": "b55c9c91-384d-452b-81db-d1ef79372b75"}),
        markdown="# Quarterly review\n\nNumbers are in.",
        allow_async=True,
    )
    response = create_page.sync_detailed(client=client, body=body, notion_version="2026-03-11")
    assert isinstance(response.parsed, AsyncTaskInProgress) and response.parsed.id == "task_abc123"
    assert json.loads(server.seen[-1].body)["allow_async"] is True
