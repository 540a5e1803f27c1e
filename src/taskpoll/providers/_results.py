"""How a decoded body becomes a provider's typed result: every field holds its declared type, or is
left out and named (`Task.result_issues`); one odd part never fails the whole.

The generated `from_dict(data, misfits)` does the reading (scripts/templates/: each value is checked as
it is read; what does not fit is appended to `misfits` with its JSON path). `Lenient` turns those
misfits into `result_issues` lines.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Generic, Protocol, TypeVar, cast

import attrs

# What a JSON value is, in an issue, as the generated readers say it (one template makes every package's types.py).
from taskpoll_aryn_api.types import kind_of as kind_of

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


class Misfit(Protocol):
    """A generated package's `types.Misfit` (each package has its own class; this is their shape)."""

    path: str
    left_out: str
    required: bool

    def describe(self, where: str = "") -> str: ...


@attrs.frozen
class Lenient(Generic[M]):
    """How a provider's result (or, with `item=True`, one item of a result's list read on its own, as
    `Client.iter_elements` does) is built from a decoded body.

    The rule, the same for every provider: a value that does not fit its declared type is left out
    where it sits and named in the issues, with its JSON path. An optional field becomes UNSET; a list
    item is dropped; an object nested in the result that lacks a required field (or holds one that does
    not fit) is left out as a whole, by the same rule, at its own place. The result itself is never
    dropped for its own fields: a required top-level field that is missing or does not fit is UNSET,
    and everything readable beside it is kept. So a field typed `X` holds an `X`, except a required
    top-level field that `result_issues` names, which is UNSET. The result is None only when the body
    is not a JSON object at all.
    """

    model: type[M]
    item: bool = False

    def build(self, data: Any, where: str = "result") -> tuple[M | None, list[str]]:
        """The model and what of `data` did not fit, one line each (empty when everything did); None
        when `data` is no object (or, for an item, when the item lacks a required field)."""
        if not isinstance(data, Mapping):
            return None, [f"{where}: {kind_of(data)}, not an object"]
        misfits: list[Misfit] = []
        try:
            model: M = self.model.from_dict(data, misfits)  # type: ignore[attr-defined]
        except PARSE_ERRORS as exc:  # nothing the generated readers raise but for absurd nesting
            return None, [f"{where}: {describe(exc)}"]
        if not misfits:
            return model, []
        if self.item and any(found.required for found in misfits):
            for found in misfits:
                found.left_out = ""  # the whole item
            return None, [found.describe(where) for found in misfits]
        return model, [found.describe(where) for found in misfits]


def holds_a_field(model: object) -> bool:
    """Whether a built model holds at least one of its declared fields with a value (neither UNSET nor
    null): what makes an answer recognisably its provider's result rather than any JSON object."""
    for field in attrs.fields(cast(Any, type(model))):
        if field.name != "additional_properties":
            value = getattr(model, field.name)
            if value is not None and type(value).__name__ != "Unset":  # (each package has its own Unset)
                return True
    return False
