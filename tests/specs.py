"""Read specs/ and the codegen config the way the tests need them (one place, cached)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
PROVIDERS = ("aryn", "artos", "notion", "unsiloed", "veza")


@functools.cache
def spec(provider: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((SPECS / f"{provider}.yaml").read_text(encoding="utf-8"))
    return loaded


@functools.cache
def codegen() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "scripts" / "codegen.yaml").read_text(encoding="utf-8"))
    return loaded


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every mapping in a parsed spec, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def status_vocabularies(provider: str) -> dict[str, set[str]]:
    """The values of every schema a spec marks with `x-taskpoll-status`, by vocabulary name.

    A marked schema is an `enum` (every value counts) or a `const` (its one value counts).
    """
    found: dict[str, set[str]] = {}
    for node in walk(spec(provider)):
        name = node.get("x-taskpoll-status")
        if name is None:
            continue
        values = node["enum"] if "enum" in node else [node["const"]]
        found.setdefault(name, set()).update(values)
    return found


# Validating real exchanges against the specs ------------------------------------------------------

SPEC_SERVERS = {
    "aryn": "https://api.aryn.cloud",
    "artos": "https://api.artosai.com",
    "veza": "https://your-org.vezacloud.com",
    "unsiloed": "https://prod.visionapi.unsiloed.ai",
    "notion": "https://api.notion.com",
}


@functools.cache
def openapi(provider: str) -> Any:
    from openapi_core import OpenAPI

    return OpenAPI.from_file_path(str(SPECS / f"{provider}.yaml"))


def validate_exchange(
    provider: str, method: str, path: str, query: dict[str, str], status: int, headers: dict[str, str], body: bytes
) -> None:
    """Raise if an answer to `method path` does not fit the provider's spec (openapi-core)."""
    from openapi_core.testing import MockRequest, MockResponse

    content_type = headers.get("content-type", "application/json").split(";")[0]
    request = MockRequest(SPEC_SERVERS[provider], method.lower(), path, args=query)
    response = MockResponse(body, status_code=status, headers=headers, content_type=content_type)
    openapi(provider).validate_response(request, response)
