"""generated/: one importable package per spec, built from the specs as they are now.

The full byte-for-byte drift check is `python scripts/generate.py --check` (a step of
scripts/check.py); these tests cover what it cannot: that every package and renamed class exists,
that the manifest ties each package to its spec, and that the drift comparison really reports drift.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from .specs import PROVIDERS, ROOT, codegen

GENERATED = ROOT / "generated"


def load_generate_script() -> ModuleType:
    loader = importlib.util.spec_from_file_location("generate_script", ROOT / "scripts" / "generate.py")
    assert loader is not None and loader.loader is not None
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    return module


def test_generated_holds_one_package_per_provider_and_nothing_else() -> None:
    packages = sorted(p.name for p in GENERATED.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert packages == sorted(f"taskpoll_{p}_api" for p in PROVIDERS)
    assert {p.name for p in GENERATED.iterdir() if p.is_file()} == {"README.md", "MANIFEST.json"}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_generated_package_imports_with_its_client_and_is_typed(provider: str) -> None:
    package = importlib.import_module(f"taskpoll_{provider}_api")
    assert package.Client and package.AuthenticatedClient
    assert (GENERATED / f"taskpoll_{provider}_api" / "py.typed").is_file()
    importlib.import_module(f"taskpoll_{provider}_api.models")


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_class_override_took_effect(provider: str) -> None:
    # The generator silently ignores an override whose key it never generates; only importing the
    # new name proves one worked.
    entry = codegen()["providers"][provider]
    for override in (entry["class_overrides"] or {}).values():
        module = importlib.import_module(f"{entry['package']}.models.{override['module_name']}")
        assert isinstance(getattr(module, override["class_name"]), type)


def test_manifest_ties_each_package_to_the_current_spec_and_config() -> None:
    manifest = json.loads((GENERATED / "MANIFEST.json").read_text(encoding="utf-8"))
    config_hash = hashlib.sha256((ROOT / "scripts" / "codegen.yaml").read_bytes()).hexdigest()
    assert manifest["config_sha256"] == config_hash, "codegen.yaml changed: run scripts/generate.py"
    for package, entry in manifest["packages"].items():
        spec_hash = hashlib.sha256((ROOT / entry["spec"]).read_bytes()).hexdigest()
        assert entry["spec_sha256"] == spec_hash, f"{entry['spec']} changed: run scripts/generate.py"
        assert package == f"taskpoll_{entry['provider']}_api"
    pins = load_generate_script().pinned_versions()
    assert manifest["generator"] == f"openapi-python-client=={pins['openapi-python-client']}"
    assert manifest["formatter"] == f"ruff=={pins['ruff']}"


def test_drift_comparison_reports_changed_missing_and_extra_files(tmp_path: Path) -> None:
    generate = load_generate_script()
    copy = tmp_path / "generated"
    shutil.copytree(GENERATED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert generate.differences(GENERATED, copy) == []
    (copy / "taskpoll_artos_api" / "client.py").write_text("# edited by hand\n", encoding="utf-8")
    (copy / "taskpoll_veza_api" / "types.py").unlink()
    (copy / "taskpoll_notion_api" / "stray.py").write_text("", encoding="utf-8")
    assert generate.differences(GENERATED, copy) == [
        "missing:  generated/taskpoll_veza_api/types.py",
        "extra:    generated/taskpoll_notion_api/stray.py",
        "changed:  generated/taskpoll_artos_api/client.py",
    ]
