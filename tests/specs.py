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
