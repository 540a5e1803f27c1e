"""scripts/spec_sync.py: a provider's new document flows into its spec, generated models and adapter
with no hand edit but the status vocabulary; drift and stale corrections are reported.

The published-style documents here are written for these tests (a next release of Artos's status
excerpt, as its published ones are shaped: JSON with trailing commas, an array without `items`); the
repo's specs are never touched: every run writes into a copy of specs/ in a temporary folder.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from taskpoll import TaskState
from taskpoll.providers import get

from .specs import PROVIDERS, ROOT, vocabularies_of
from .test_providers import check_mapping

SCRIPT = ROOT / "scripts" / "spec_sync.py"


def script(name: str) -> ModuleType:
    loader = importlib.util.spec_from_file_location(f"_taskpoll_{name}", ROOT / "scripts" / f"{name}.py")
    assert loader is not None and loader.loader is not None
    module = importlib.util.module_from_spec(loader)
    sys.modules[loader.name] = module  # dataclasses look their module up while it loads
    loader.loader.exec_module(module)
    return module


spec_sync = script("spec_sync")

# Artos's status excerpt as a next release might publish it: a new optional field (`eta_seconds`), a new
# status (`Archived`), an array without `items`, an operation we do not use, a schema nothing uses,
# and trailing commas (not strict JSON). Written for this test, not copied.
NEXT_RELEASE = """{
  "openapi": "3.0.0",
  "info": {"title": "Artos API", "version": "1.1.0",},
  "servers": [{"url": "https://api.artosai.com", "description": "Production server"},],
  "security": [{"bearerAuth": []}],
  "paths": {
    "/api/v1/documents/status/{document_id}": {
      "get": {
        "tags": ["Documents"],
        "summary": "Get Document Status",
        "operationId": "getDocumentStatus",
        "parameters": [
          {"name": "document_id", "in": "path", "required": true, "schema": {"type": "string"}},
        ],
        "responses": {
          "200": {
            "description": "Status retrieved successfully",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskStatusResponse"}}}
          },
          "404": {"description": "Document not found"},
          "500": {"description": "Database error"},
        }
      }
    },
    "/api/v1/documents/": {
      "get": {"operationId": "listDocuments", "responses": {"200": {"description": "the documents"}}}
    }
  },
  "components": {
    "schemas": {
      "TaskStatusResponse": {
        "type": "object",
        "properties": {
          "task_id": {"type": "string", "description": "Document ID"},
          "status": {
            "type": "string",
            "enum": ["Pending", "Ingesting", "Generating", "Ready", "Failed", "Archived"],
            "description": "Current processing status"
          },
          "progress": {"type": "integer", "nullable": true},
          "error": {"type": "string", "nullable": true},
          "eta_seconds": {"type": "integer", "nullable": true, "description": "Seconds until Ready, estimated"},
          "warnings": {"type": "array", "description": "Problems met on the way"},
        },
        "required": ["task_id", "status"]
      },
      "DocumentList": {"type": "object", "properties": {"documents": {"type": "array", "items": {}}}}
    },
    "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
  }
}
"""


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    """A copy of specs/ (the specs and their corrections) to write into."""
    copied = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", copied)
    return copied


def publish(folder: Path, text: str, name: str = "openapi.json") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def sync(specs: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), *map(str, args), "--specs", str(specs)]
    return subprocess.run(command, capture_output=True, text=True, cwd=specs.parent, timeout=120)


def generate_one(spec: Path, out: Path, package: str) -> None:
    """scripts/generate.py's own build, for this one spec, into `out`."""
    generate = script("generate")
    config = generate.load_config()
    config["providers"] = {"artos": {"spec": str(spec), "package": package, "class_overrides": {}}}
    generate.build(out, config, generate.pinned_versions())


@pytest.fixture
def importable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on sys.path for a package generated here; its modules are forgotten afterwards."""
    out = tmp_path / "generated"
    out.mkdir()
    monkeypatch.syspath_prepend(str(out))
    yield out
    for name in [name for name in sys.modules if name.startswith("synced_artos_api")]:
        del sys.modules[name]


# The repo itself ---------------------------------------------------------------------------------


def test_every_spec_is_its_published_document_with_its_corrections() -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), "--all", "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert {line.split(":")[0] for line in result.stdout.splitlines() if "matches" in line} == set(PROVIDERS)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_correction_says_why_and_where_from(provider: str) -> None:
    overlay = spec_sync.load_corrections(provider)
    assert overlay["overlay"] == "1.0.0" and overlay["actions"]
    for action in overlay["actions"]:
        assert action["description"].strip() and all(str(source).strip() for source in action["x-source"])
        assert action.get("remove") is True or "update" in action
    assert all(path.exists() for path in spec_sync.kept_copies(overlay))


# A new release flows through ------------------------------------------------------------------------


def test_a_new_optional_field_and_status_flow_through_write_and_generate(
    specs: Path, tmp_path: Path, importable: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    published = publish(tmp_path, NEXT_RELEASE)
    assert sync(specs, "artos", published, "--write").returncode == 0
    written = yaml.safe_load((specs / "artos.yaml").read_text(encoding="utf-8"))
    validate(written)
    status_schema = written["components"]["schemas"]["TaskStatusResponse"]
    assert "eta_seconds" in status_schema["properties"] and status_schema["properties"]["warnings"]["items"] == {}
    assert status_schema["properties"]["status"]["enum"][-2:] == ["Archived", "Complete"]  # ours still appended
    assert "/api/v1/documents/" not in written["paths"] and "DocumentList" not in written["components"]["schemas"]
    assert "/api/v1/documents/generate" in written["paths"]  # our correction still adds it

    generate_one(specs / "artos.yaml", importable, "synced_artos_api")
    from synced_artos_api.models import TaskStatusResponse, TaskStatusResponseStatus  # type: ignore[import-not-found]

    read = TaskStatusResponse.from_dict({"task_id": "d", "status": "Archived", "eta_seconds": 30, "warnings": ["x"]})
    assert (read.status, read.eta_seconds, read.warnings) == (TaskStatusResponseStatus.ARCHIVED, 30, ["x"])
    assert TaskStatusResponse.from_dict({"task_id": "d", "status": "Ready"}).to_dict() == {
        "task_id": "d",
        "status": "Ready",
    }

    # The one hand edit: the guard names the new status until the adapter maps it.
    vocabularies = vocabularies_of(written)
    with pytest.raises(AssertionError, match="Archived"):
        check_mapping("artos", vocabularies)
    adapter = get("artos")
    mapped = {**adapter.vocabularies["status"], "Archived": TaskState.SUCCEEDED}
    monkeypatch.setattr(type(adapter), "vocabularies", {**adapter.vocabularies, "status": mapped})
    check_mapping("artos", vocabularies)


def test_check_reports_drift_and_exits_1_without_writing(specs: Path, tmp_path: Path) -> None:
    before = (specs / "artos.yaml").read_text(encoding="utf-8")
    result = sync(specs, "artos", publish(tmp_path, NEXT_RELEASE), "--check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "artos: drift" in result.stdout
    added = [line for line in result.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert any("eta_seconds" in line for line in added) and any("Archived" in line for line in added)
    assert "array schemas without `items`" in result.stdout and "warnings" in result.stdout
    assert (specs / "artos.yaml").read_text(encoding="utf-8") == before


def test_a_correction_whose_target_is_gone_is_reported_apart_from_drift(specs: Path, tmp_path: Path) -> None:
    document = json.loads(json.dumps(yaml.safe_load(NEXT_RELEASE)))
    del document["paths"]["/api/v1/documents/status/{document_id}"]["get"]["responses"]["404"]
    del document["paths"]["/api/v1/documents/status/{document_id}"]["get"]["responses"]["500"]
    result = sync(specs, "artos", publish(tmp_path, json.dumps(document)), "--check")
    assert result.returncode == 1
    drift, stale = result.stdout.split("corrections that no longer apply")
    assert "@@" in drift and "@@" not in stale
    assert "['404','500']" in stale and "['404'].content" in stale and "no target" in stale


def test_a_correction_the_provider_made_itself_is_stale_and_alone_exits_3(specs: Path, tmp_path: Path) -> None:
    document = yaml.safe_load(NEXT_RELEASE)
    assert sync(specs, "artos", publish(tmp_path, json.dumps(document)), "--write").returncode == 0
    document["components"]["schemas"]["TaskStatusResponse"]["properties"]["status"]["enum"].append("Complete")
    result = sync(specs, "artos", publish(tmp_path, json.dumps(document)), "--check")
    assert result.returncode == 3, result.stdout
    assert "drift" not in result.stdout and "no change" in result.stdout and "Complete" in result.stdout


def test_an_operation_we_use_missing_from_the_document_is_an_error(specs: Path, tmp_path: Path) -> None:
    document = yaml.safe_load(NEXT_RELEASE)
    del document["paths"]["/api/v1/documents/status/{document_id}"]
    result = sync(specs, "artos", publish(tmp_path, json.dumps(document)), "--write")
    assert result.returncode == 2 and "GET /api/v1/documents/status/{document_id}" in result.stderr
    assert "Archived" not in (specs / "artos.yaml").read_text(encoding="utf-8")


def test_excerpts_are_joined_and_must_agree(specs: Path, tmp_path: Path) -> None:
    document = yaml.safe_load(NEXT_RELEASE)
    status_only = copy.deepcopy(document)
    del status_only["paths"]["/api/v1/documents/"]
    listing = copy.deepcopy(document)
    del listing["paths"]["/api/v1/documents/status/{document_id}"]
    first, second = (
        publish(tmp_path, json.dumps(status_only), "a.json"),
        publish(tmp_path, json.dumps(listing), "b.json"),
    )
    assert sync(specs, "artos", first, second, "--write").returncode == 0
    listing["components"]["schemas"]["TaskStatusResponse"]["required"] = ["task_id"]
    second = publish(tmp_path, json.dumps(listing), "b.json")
    result = sync(specs, "artos", first, second, "--check")
    assert result.returncode == 2 and "components.schemas.TaskStatusResponse" in result.stderr


# The Overlay rules --------------------------------------------------------------------------------


def overlay(*actions: dict[str, Any]) -> dict[str, Any]:
    return {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)}


def test_an_update_that_would_merge_differently_in_other_overlay_tools_is_refused() -> None:
    document = {"components": {"schemas": {"A": {"properties": {"x": {"type": "string"}}}}}}
    ambiguous = {"target": "$.components.schemas.A", "update": {"properties": {"y": {}}}}
    with pytest.raises(spec_sync.SyncError, match="properties"):
        spec_sync.apply_overlay(document, overlay(ambiguous))
    nested = {"target": "$.components.schemas.A.properties", "update": {"y": {"type": "integer"}}}
    assert [o.result for o in spec_sync.apply_overlay(document, overlay(nested))] == ["applied"]
    assert list(document["components"]["schemas"]["A"]["properties"]) == ["x", "y"]


def test_removing_several_entries_of_one_array_removes_each() -> None:
    document = {"required": ["a", "b", "c", "d"]}
    action = {"target": "$.required[?@ == 'b' || @ == 'd']", "remove": True}
    (outcome,) = spec_sync.apply_overlay(document, overlay(action))
    assert outcome.result == "applied" and document == {"required": ["a", "c"]}
    (outcome,) = spec_sync.apply_overlay(document, overlay(action))
    assert outcome.result == "no target"


def test_corrections_without_a_reason_or_a_source_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "corrections"
    folder.mkdir()
    action = {"target": "$.info", "description": "why", "update": {"title": "t"}}
    document = {**overlay(action), "x-taskpoll-operations": ["GET /x"]}
    (folder / "acme.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    with pytest.raises(spec_sync.SyncError, match="x-source"):
        spec_sync.load_corrections("acme", folder)


def test_a_document_that_is_not_openapi_is_refused(tmp_path: Path) -> None:
    with pytest.raises(spec_sync.SyncError, match="not an OpenAPI document"):
        spec_sync.load_document(publish(tmp_path, '{"swag": 1}'))


# scripts/generate.py names what does not build -------------------------------------------------------


def test_a_spec_that_does_not_generate_is_named_with_its_schema_and_generated_is_left_alone(tmp_path: Path) -> None:
    for part in ("scripts/generate.py", "scripts/codegen.yaml", "pyproject.toml"):
        (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / part, tmp_path / part)
    shutil.copytree(ROOT / "scripts" / "templates", tmp_path / "scripts" / "templates")
    (tmp_path / "specs").mkdir()
    for provider in ("unsiloed", "veza"):  # the providers codegen.yaml configures, besides Aryn
        shutil.copy(ROOT / "specs" / f"{provider}.yaml", tmp_path / "specs")
    aryn = yaml.safe_load((ROOT / "specs" / "aryn.yaml").read_text(encoding="utf-8"))
    options = aryn["components"]["schemas"]["Body__sync_partition_document_v1"]["properties"]["options"]
    schema = options["properties"]["property_extraction_options"]["properties"]["schema"]
    del schema["items"]["properties"]["type"]["properties"]["examples"]["items"]  # as Aryn publishes it
    (tmp_path / "specs" / "aryn.yaml").write_text(yaml.safe_dump(aryn, sort_keys=False), encoding="utf-8")

    result = subprocess.run(
        [sys.executable, str(tmp_path / "scripts" / "generate.py")], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 2
    summary = result.stderr.split("--- generator output ---")[0]
    assert "specs/aryn.yaml does not generate" in summary
    assert "schema /components/schemas/Body__sync_partition_document_v1: type array must have items" in summary
    assert "endpoint POST /v1/async/submit/document/partition dropped" in summary
    assert "unsiloed" not in result.stderr and "veza" not in result.stderr
    assert not (tmp_path / "generated").exists()
