"""Every answer the simulator gives, in every scenario, checked against specs/ with openapi-core.

Normal answers must fit the spec. Faulted answers must fit it exactly when the spec documents them
(a 429 where the operation lists 429, a 503 under a `default` response), and must not fit it when
the fault exists to break it (HTML, empty or truncated bodies, 520, unknown status values): so the
simulator cannot drift from the specs, and the faults are really faults.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from openapi_core.exceptions import OpenAPIError

from taskpoll.simulator import (
    FAULT_KINDS,
    PROVIDERS,
    Fault,
    RecordedRequest,
    Simulator,
    canceled,
    expired,
    failed,
    pending,
    running,
    succeeded,
)
from taskpoll.simulator import providers as simulated

from .sim_helpers import auth, get_status
from .specs import spec, validate_exchange

SPEC_VALID_FAULTS = {"extra_field", "slow"}
OFF_SPEC_FAULTS = {"html", "empty", "truncated", "unknown_status", "nonstandard_status"}
# In-progress status values the simulator is asked to serve besides its defaults (none for a provider
# not listed here; Aryn's status is its HTTP status).
RAW_STATUSES = {
    "artos": ["Pending", "Ingesting", "Generating"],
    "veza": ["PENDING", "IN_PROGRESS"],
    "unsiloed": ["Starting", "Queued", "AwaitingUpload", "Processing"],
    "notion": ["queued", "running", "retrying"],
}


@dataclass(frozen=True)
class Exchange:
    provider: str
    method: str
    path: str  # below the provider prefix
    query: dict[str, str]
    status: int
    headers: dict[str, str]
    body: bytes
    record: RecordedRequest

    def validate(self) -> None:
        """Check this request and its answer against the provider's spec (raises OpenAPIError)."""
        validate_exchange(self.provider, self.method, self.path, self.query, self.status, self.headers, self.body)


class Recorder:
    """Sends requests one at a time and pairs each answer with the simulator's record of it."""

    def __init__(self, sim: Simulator) -> None:
        self.sim = sim
        self.client = httpx.Client(timeout=5.0)
        self.exchanges: list[Exchange] = []

    def send(self, provider: str, method: str, url: str, **kwargs: Any) -> None:
        try:
            response = self.client.request(method, url, **kwargs)
        except httpx.TransportError:
            return  # a dropped connection has no answer to check
        record = self.sim.requests()[-1]
        parts = urlsplit(str(response.request.url))
        path = parts.path.removeprefix(f"/{provider}")
        self.exchanges.append(
            Exchange(
                provider,
                method,
                path,
                dict(parse_qsl(parts.query)),
                response.status_code,
                dict(response.headers),
                response.content,
                record,
            )
        )

    def status(self, provider: str, task_id: str, **kwargs: Any) -> None:
        try:
            response = get_status(self.client, self.sim, provider, task_id, **kwargs)
        except httpx.TransportError:
            return
        record = self.sim.requests()[-1]
        parts = urlsplit(str(response.request.url))
        self.exchanges.append(
            Exchange(
                provider,
                "GET",
                parts.path.removeprefix(f"/{provider}"),
                dict(parse_qsl(parts.query)),
                response.status_code,
                dict(response.headers),
                response.content,
                record,
            )
        )


def drive_every_scenario(sim: Simulator, provider: str) -> Recorder:
    recorder = Recorder(sim)
    states = [pending(), running(progress=0.3), succeeded(size=4), failed(error="went wrong")]
    if simulated.get(provider).supports_cancel_state:
        states.append(canceled())
    for step in states:
        recorder.status(provider, sim.create_task(provider, [step]))
    for raw in RAW_STATUSES.get(provider, []):
        recorder.status(provider, sim.create_task(provider, [running(status=raw)]))
    lifecycle = sim.create_task(provider, [pending(), running(), succeeded(size=2, polls=2), expired()])
    for _ in range(6):
        recorder.status(provider, lifecycle)
    recorder.status(provider, "no-such-task")
    recorder.status(provider, lifecycle, headers=auth(sim, provider, None))
    recorder.status(provider, lifecycle, headers=auth(sim, provider, "wrong-key"))
    required = auth(sim, provider, None)  # headers other than the key a provider requires (Notion-Version)
    if required:
        only_the_key = {k: v for k, v in auth(sim, provider).items() if k not in required}
        recorder.status(provider, lifecycle, headers=only_the_key)
    for kind in FAULT_KINDS:
        statuses = [500, 502, 503] if kind == "server_error" else [None]
        for status in statuses:
            fault = Fault(kind, polls=(1,), status=status, delay=0.01, retry_after=2 if kind != "drop" else None)
            task_id = sim.create_task(provider, [running(), succeeded()], faults=[fault])
            recorder.status(provider, task_id)
            recorder.status(provider, task_id)
    drive_create_endpoints(recorder, sim, provider)
    return recorder


def drive_create_endpoints(recorder: Recorder, sim: Simulator, provider: str) -> None:
    base, headers = sim.base_url(provider), auth(sim, provider)
    pdf = {"file": ("a.pdf", b"%PDF-1.7", "application/pdf")}
    if provider == "aryn":
        options = {"options": (None, b'{"use_ocr": true}', "application/json")}
        submit = base + "/v1/async/submit/document/partition"
        recorder.send(
            provider, "POST", submit, files={"file_url": (None, b"https://example.com/a.pdf")}, headers=headers
        )
        recorder.send(provider, "POST", submit, files={**pdf, **options}, headers=headers)
        created = recorder.exchanges[-1].body.decode().split('"')[3]
        query = {"path_filter": "^/v1/document/partition$"}
        recorder.send(provider, "GET", base + "/v1/async/list", params=query, headers=headers)
        cancel = base + "/v1/async/cancel/" + created.replace(":", "%3A")
        recorder.send(provider, "POST", cancel, params=query, headers=headers)
        recorder.send(provider, "POST", cancel, params=query, headers=headers)
    elif provider == "artos":
        body = {
            "document_type": "CSR",
            "file_paths": ["a"],
            "connector_data_id": "k",
            "workspace_name": "w",
            "template_id": "t",
            "output_name": "o",
        }
        recorder.send(provider, "POST", base + "/api/v1/documents/generate", json=body, headers=headers)
    elif provider == "veza":
        body = {"query_type": "SOURCE_TO_DESTINATION"}
        recorder.send(
            provider, "POST", base + "/api/v1/assessments/query_spec:result_async_create", json=body, headers=headers
        )
    elif provider == "unsiloed":
        recorder.send(provider, "POST", base + "/parse", files=pdf, headers=headers)
        url = {"url": (None, b"https://example.com/a.pdf", "text/plain")}
        recorder.send(
            provider, "POST", base + "/parse", files={**url, "merge_tables": (None, b"true")}, headers=headers
        )
        recorder.send(provider, "POST", base + "/parse", files={**pdf, **url}, headers=headers)  # both: a 400
        recorder.send(
            provider, "POST", base + "/parse", files={**pdf, "merge_tables": (None, b"True")}, headers=headers
        )
    elif provider == "notion":
        page = {"parent": {"page_id": "p"}, "markdown": "# Hi"}
        recorder.send(provider, "POST", base + "/v1/pages", json={**page, "allow_async": True}, headers=headers)
        recorder.send(provider, "POST", base + "/v1/pages", json=page, headers=headers)
        markdown = base + "/v1/pages/b55c9c91-384d-452b-81db-d1ef79372b75/markdown"
        update = {"type": "replace_content", "replace_content": {"new_str": "# New"}}
        recorder.send(provider, "PATCH", markdown, json={**update, "allow_async": True}, headers=headers)
        recorder.send(provider, "PATCH", markdown, json=update, headers=headers)
        recorder.send(provider, "PATCH", markdown, json={"type": "replace_content"}, headers=headers)  # a 400
    else:  # a new provider's create endpoints are driven here too, or this says so
        pytest.fail(f"drive_create_endpoints does not know {provider}'s create endpoints")


def documented(provider: str, exchange: Exchange) -> bool:
    """Whether the spec lists the exchange's status code (or a default) with its content type."""
    content_type = exchange.headers.get("content-type", "").split(";")[0]
    for template, item in spec(provider)["paths"].items():
        pattern = "^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$"
        if re.match(pattern, exchange.path) and exchange.method.lower() in item:
            responses = item[exchange.method.lower()]["responses"]
            response = responses.get(str(exchange.status), responses.get("default"))
            if response is None:
                return False
            if "$ref" in response:
                response = spec(provider)["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
            return content_type in response.get("content", {}) or (not exchange.body and "content" not in response)
    return False


pytestmark = pytest.mark.taskpoll_simulator(seed=5, notion_poll_after=0.05)  # for `sim` (conftest.py)


@pytest.fixture(scope="module")
def exchanges(sim: Simulator) -> Iterator[dict[str, list[Exchange]]]:
    recorders = {provider: drive_every_scenario(sim, provider) for provider in PROVIDERS}
    yield {provider: recorder.exchanges for provider, recorder in recorders.items()}
    for recorder in recorders.values():
        recorder.client.close()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_normal_answer_fits_the_spec(exchanges: dict[str, list[Exchange]], provider: str) -> None:
    normal = [e for e in exchanges[provider] if e.record.fault is None or e.record.fault in SPEC_VALID_FAULTS]
    assert len(normal) >= 20
    for exchange in normal:
        try:
            exchange.validate()
        except OpenAPIError as exc:
            pytest.fail(f"{exchange.method} {exchange.path} -> {exchange.status} {exchange.body[:200]!r}: {exc!r}")


@pytest.mark.parametrize("provider", PROVIDERS)
def test_faulted_answers_fit_the_spec_exactly_when_it_documents_them(
    exchanges: dict[str, list[Exchange]], provider: str
) -> None:
    faulted = [e for e in exchanges[provider] if e.record.fault and e.record.fault not in SPEC_VALID_FAULTS]
    kinds = {e.record.fault for e in faulted}
    assert kinds == set(FAULT_KINDS) - SPEC_VALID_FAULTS - {"drop"}
    for exchange in faulted:
        off_spec = exchange.record.fault in OFF_SPEC_FAULTS
        if exchange.record.fault == "unknown_status" and provider == "unsiloed":
            off_spec = False  # Unsiloed publishes its status as a plain string: any value fits
        if off_spec or not documented(provider, exchange):
            with pytest.raises(OpenAPIError):
                exchange.validate()
        else:
            exchange.validate()


def test_create_cancel_and_list_endpoints_answer_as_scripted(exchanges: dict[str, list[Exchange]]) -> None:
    """The create, cancel and list requests above got the answers they exist to check (and each was
    validated against its spec by the tests above)."""

    def answered(provider: str, *paths: str) -> list[tuple[str, int]]:
        return [(e.method, e.status) for e in exchanges[provider] if e.path.startswith(paths) or e.path in paths]

    aryn = answered("aryn", "/v1/async/submit", "/v1/async/list", "/v1/async/cancel")
    assert aryn == [("POST", 202), ("POST", 202), ("GET", 200), ("POST", 200), ("POST", 404)]
    assert answered("artos", "/api/v1/documents/generate") == [("POST", 202)]
    assert answered("veza", "/api/v1/assessments/query_spec") == [("POST", 200)]
    # A file, a URL, both (400), and Python's `True` for a boolean (400).
    assert [a for a in answered("unsiloed", "/parse") if a[0] == "POST"] == [
        ("POST", 200),
        ("POST", 200),
        ("POST", 400),
        ("POST", 400),
    ]
    pages = answered("notion", "/v1/pages")
    assert pages == [("POST", 202), ("POST", 200), ("PATCH", 202), ("PATCH", 200), ("PATCH", 400)]
