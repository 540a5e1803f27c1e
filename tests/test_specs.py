"""specs/: every spec is valid OpenAPI, says where it came from, and fits what the providers document."""

from __future__ import annotations

import json
import re

import pytest
from openapi_core import OpenAPI
from openapi_core.exceptions import OpenAPIError
from openapi_core.testing import MockRequest, MockResponse
from openapi_spec_validator import validate

from taskpoll.providers.notion import NOTION_VERSION

from .documented_bodies import ALL, Documented
from .specs import PROVIDERS, SPECS, codegen, spec, spec_status_request, status_vocabularies


def test_specs_folder_holds_exactly_one_spec_per_provider() -> None:
    assert sorted(p.stem for p in SPECS.glob("*.yaml")) == sorted(PROVIDERS)
    assert sorted(codegen()["providers"]) == sorted(PROVIDERS)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_spec_is_valid_openapi(provider: str) -> None:
    validate(spec(provider))


@pytest.mark.parametrize("provider", PROVIDERS)
def test_spec_records_its_provenance(provider: str) -> None:
    provenance = spec(provider)["info"]["x-taskpoll-provenance"]
    assert provenance["kind"] in ("published", "authored")
    assert provenance["source"] and all(s["url"] and s["what"] for s in provenance["source"])
    assert provenance["retrieved"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", provenance["authored"])
    assert provenance["inferred"], "say what was inferred, even if it is only the status markers"
    if provenance["kind"] == "published":
        assert provenance["excerpt"] and "corrections" in provenance
    else:
        assert provenance["documented"]


def test_specs_readme_lists_every_spec_with_its_kind() -> None:
    readme = (SPECS / "README.md").read_text(encoding="utf-8")
    for provider in PROVIDERS:
        kind = spec(provider)["info"]["x-taskpoll-provenance"]["kind"]
        row = next((line for line in readme.splitlines() if line.startswith(f"| [{provider}.yaml]")), "")
        assert kind in row, f"specs/README.md has no row for {provider}.yaml saying it is {kind}"


@pytest.mark.parametrize("provider", PROVIDERS)
def test_spec_marks_at_least_one_status_vocabulary(provider: str) -> None:
    vocabularies = status_vocabularies(provider)
    assert vocabularies and all(vocabularies.values())


def test_notion_version_header_is_required_open_and_defaults_to_the_tested_version() -> None:
    parameter = spec("notion")["components"]["parameters"]["NotionVersion"]
    assert (parameter["in"], parameter["required"]) == ("header", True)
    # No enum: a new Notion version is an argument (Notion(version=...)), not a spec edit.
    assert parameter["schema"] == {"type": "string", "default": NOTION_VERSION}


def test_veza_server_is_per_tenant() -> None:
    (server,) = spec("veza")["servers"]
    assert server["url"] == "https://{tenant}.vezacloud.com" and "tenant" in server["variables"]


@pytest.mark.parametrize("doc", [pytest.param(d, id=f"{d.provider}-{d.status}-{d.name}") for d in ALL])
def test_documented_body_fits_its_spec(doc: Documented) -> None:
    host, path, query = spec_status_request(doc.provider)
    openapi = OpenAPI.from_file_path(str(SPECS / f"{doc.provider}.yaml"))
    request = MockRequest(host, "get", path, args=query)
    response = MockResponse(doc.raw(), status_code=doc.status, headers=dict(doc.headers), content_type=doc.content_type)
    openapi.validate_response(request, response)


@pytest.mark.parametrize(
    ("provider", "status", "body"),
    [
        ("artos", 200, {"task_id": "d", "status": "Archived"}),  # a status in no Artos document
        ("artos", 200, {"status": "Ready"}),  # task_id missing
        ("unsiloed", 200, {"status": "Succeeded", "created_at": "x", "metadata": {}}),  # job_id missing
        ("notion", 200, {"object": "async_task", "id": "t", "status": "running"}),  # poll_after_seconds missing
        ("veza", 200, {"task": {"id": "t", "state": "DONE"}}),
        ("veza", 200, {"state": "COMPLETE", "status": "SUCCEEDED"}),  # a bare task without its id
        ("aryn", 200, {"status": [], "status_code": "200", "elements": None}),  # status_code not an integer
    ],
)
def test_spec_rejects_a_body_that_does_not_fit(provider: str, status: int, body: object) -> None:
    host, path, query = spec_status_request(provider)
    openapi = OpenAPI.from_file_path(str(SPECS / f"{provider}.yaml"))
    request = MockRequest(host, "get", path, args=query)
    response = MockResponse(json.dumps(body).encode(), status_code=status, content_type="application/json")
    with pytest.raises(OpenAPIError):
        openapi.validate_response(request, response)
