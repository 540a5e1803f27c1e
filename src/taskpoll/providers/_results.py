"""How a generated model is built from a decoded body so that one odd part cannot fail the whole:
the result is read tolerantly, and what does not fit is named (`Task.result_issues`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Generic, TypeVar

import attrs

M = TypeVar("M")

# What the generated parsers (and JSON decoding) raise when a body does not fit: a bare KeyError for
# a missing key, ValueError for a bad enum or JSON, TypeError for a wrong shape, and so on.
PARSE_ERRORS = (KeyError, ValueError, TypeError, AttributeError, IndexError, RecursionError, OverflowError)


def describe(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}" if exc.args else "missing field"
    if isinstance(exc, json.JSONDecodeError):
        return f"not JSON ({exc.msg} at character {exc.pos})"
    if isinstance(exc, RecursionError):
        return "JSON nested too deeply"
    text = str(exc)
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


@attrs.frozen
class Lenient(Generic[M]):
    """How to build a generated model from a decoded body so that one odd part cannot fail the whole.

    `lists` names the JSON keys whose value is a list of items read one by one (`"elements"` ->
    how to read one element): an item that does not fit is left out and reported, the rest are kept.
    """

    model: type[M]
    lists: Mapping[str, Lenient[Any]] = attrs.field(factory=dict)

    def build(self, data: Any, where: str = "result") -> tuple[M | None, list[str]]:
        """The model and what did not fit (empty when everything did). None only when nothing fits."""
        try:
            built = self._strict(data)
        except PARSE_ERRORS:
            pass
        else:
            if built is not None:
                return built, []
        if not isinstance(data, Mapping):
            return None, [f"{where}: a JSON {type(data).__name__}, not an object"]
        issues: list[str] = []
        body = dict(data)
        items: dict[str, list[Any]] = {}
        for key, item in self.lists.items():
            value = body.get(key)
            if isinstance(value, list):
                body[key] = []
                kept = []
                for index, element in enumerate(value):
                    model, found = item.build(element, f"{where}.{key}[{index}]")
                    issues.extend(found)
                    if model is not None:
                        kept.append(model)
                items[key] = kept
        built = None
        for _ in range(len(body) + 1):
            try:
                built = self.model.from_dict(body)  # type: ignore[attr-defined]
                break
            except PARSE_ERRORS as exc:
                culprit = self._culprit(body)
                if culprit is None:
                    issues.append(f"{where}: {describe(exc)}")
                    return None, issues
                issues.append(f"{where}.{culprit}: {describe(self._error_of(body, culprit))}")
                del body[culprit]
                items.pop(culprit, None)
        assert built is not None
        for key, kept in items.items():
            setattr(built, key, kept)
        return built, issues

    def _strict(self, data: Any) -> M | None:
        """The model as the generated parser builds it, or None when a list came back as raw dicts."""
        built: M = self.model.from_dict(data)  # type: ignore[attr-defined]
        for key, item in self.lists.items():
            value = getattr(built, key, None)
            if isinstance(value, list) and not all(isinstance(v, item.model) for v in value):
                return None  # the generated parser silently keeps raw dicts when one item does not fit
        return built

    def _culprit(self, body: dict[str, Any]) -> str | None:
        """The first key without which the body parses (its value is what does not fit)."""
        for key in body:
            try:
                self.model.from_dict({k: v for k, v in body.items() if k != key})  # type: ignore[attr-defined]
            except PARSE_ERRORS:
                continue
            return key
        return None

    def _error_of(self, body: dict[str, Any], key: str) -> BaseException:
        try:
            self.model.from_dict(body)  # type: ignore[attr-defined]
        except PARSE_ERRORS as exc:
            return exc
        return ValueError(f"{key} does not fit")
