"""Read specs/ and the codegen config the way the tests need them (one place, cached)."""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

import taskpoll.providers
from taskpoll.simulator import status_request

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
PROVIDERS = taskpoll.providers.names()  # the one registry; test_specs checks specs/ holds the same set


@functools.cache
def spec(provider: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((SPECS / f"{provider}.yaml").read_text(encoding="utf-8"))
    return loaded


@functools.cache
def codegen() -> dict[str, Any]:
    """scripts/codegen.yaml as scripts/generate.py reads it: `providers` holds every spec's entry."""
    loader = importlib.util.spec_from_file_location("_taskpoll_generate", ROOT / "scripts" / "generate.py")
    assert loader is not None and loader.loader is not None
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    loaded: dict[str, Any] = module.load_config()
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
    return vocabularies_of(spec(provider))


def vocabularies_of(document: dict[str, Any]) -> dict[str, set[str]]:
    """status_vocabularies of any parsed spec (tests/test_spec_sync.py reads specs it writes itself)."""
    found: dict[str, set[str]] = {}
    for node in walk(document):
        name = node.get("x-taskpoll-status")
        if name is None:
            continue
        values = node["enum"] if "enum" in node else [node["const"]]
        found.setdefault(name, set()).update(values)
    return found


# Validating real exchanges against the specs ------------------------------------------------------


@functools.cache
def spec_server(provider: str) -> str:
    """The spec's first server URL, its variables at their defaults (Veza: https://your-org.vezacloud.com)."""
    server = spec(provider)["servers"][0]
    url: str = server["url"]
    for name, variable in server.get("variables", {}).items():
        url = url.replace("{" + name + "}", variable["default"])
    return url


@functools.cache
def status_path_template(provider: str) -> str:
    """The spec's key of the status endpoint (e.g. "/parse/{job_id}"): the path the simulator serves
    status on (taskpoll.simulator.status_request), whatever the spec names its parameter."""
    served = status_request(provider, "ID", base_url="", api_key=None).url
    (found,) = [path for path in spec(provider)["paths"] if re.sub(r"\{[^}/]+\}", "ID", path) == served]
    return found


def spec_status_request(provider: str, task_id: str = "task-1") -> tuple[str, str, dict[str, str]]:
    """A concrete status request on the provider's real server, as the documented bodies answer it:
    (server URL, path, query)."""
    request = status_request(provider, task_id, base_url="", api_key=None)
    return spec_server(provider), request.url, request.params


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
    request = MockRequest(spec_server(provider), method.lower(), path, args=query)
    response = MockResponse(body, status_code=status, headers=headers, content_type=content_type)
    openapi(provider).validate_response(request, response)
