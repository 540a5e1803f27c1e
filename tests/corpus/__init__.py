"""Answers as the providers themselves publish them: the reference the specs are checked against.

Each provider module (`tests/corpus/<provider>.py`) lists `CASES`: bodies taken from the provider's
own material (its published OpenAPI and its examples, its docs' examples, its official SDK's types,
source and recorded test fixtures), each with `source` naming where it comes from as
`owner/repo@commit:path[:lines]` or a URL. Bodies are written here by hand in the shape the source
shows (keys, nulls, absent keys, types kept exactly); long ones are reduced (fewer elements, shorter
text), which `source` says. Nothing here is derived from our own specs: when a case and a spec
disagree, the spec is what gets fixed (with the reason in its provenance).

tests/test_corpus.py serves every case over loopback and reads it through Client and AsyncClient.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import taskpoll


@dataclass(frozen=True)
class Case:
    provider: str
    name: str
    source: str  # owner/repo@commit:path[:lines], or a URL; say "reduced: ..." when shortened
    body: Any  # a JSON value; str is sent as it is (text bodies); None sends no body
    status: int = 200
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    state: taskpoll.TaskState | None = None  # what get() must report, for a 2xx answer
    raw_status: str | None = None  # Task.status expected, when the case pins it
    error: type[taskpoll.TaskpollError] | None = None  # what get() must raise, for an error answer
    issues: int = 0  # how many result_issues a finished task may report (0: its result fits whole)
    check: Callable[[Any], None] | None = field(default=None, compare=False)  # more assertions: Task or error

    @property
    def id(self) -> str:
        return f"{self.provider}-{self.name}"

    def raw(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str) and not self.content_type.startswith("application/json"):
            return self.body.encode()
        return json.dumps(self.body).encode()


def load(import_module: Callable[[str], Any] = importlib.import_module) -> tuple[list[Case], dict[str, str]]:
    """Every provider's cases, and the providers whose corpus module does not import (a broken
    generated package, say) with the error: one provider's failure costs only its own cases."""
    cases: list[Case] = []
    broken: dict[str, str] = {}
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name.startswith("_"):
            continue
        try:
            cases.extend(import_module(f"{__name__}.{module.name}").CASES)
        except Exception as exc:  # reported by tests/test_corpus.py as that provider's failure
            broken[module.name] = f"{type(exc).__name__}: {exc}"
    return cases, broken


def all_cases() -> list[Case]:
    return load()[0]
