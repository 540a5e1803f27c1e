"""An independent check that a generated model holds its declared types: walks every field of a built
result (nested models, list items, typed additional properties) against the class's type hints.

Written apart from the generator templates on purpose (from `typing.get_type_hints` alone), so that a
test using it would catch a template that lets a value through unchecked.
"""

from __future__ import annotations

import datetime
import enum
import types
import typing
import uuid
from typing import Any

import attrs


def _is_unset(value: object) -> bool:
    return type(value).__name__ == "Unset"  # each generated package has its own Unset class


def _allows_unset(hint: Any) -> bool:
    return any(getattr(arg, "__name__", "") == "Unset" for arg in typing.get_args(hint))


def _fits(value: object, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return any(_fits(value, arg) for arg in typing.get_args(hint))
    if origin is typing.Literal:
        return any(type(value) is type(arg) and value == arg for arg in typing.get_args(hint))
    if hint is Any:
        return not _is_unset(value)
    if hint is type(None):
        return value is None
    if origin is list:
        (item,) = typing.get_args(hint)
        return isinstance(value, list) and all(_fits(v, item) for v in value)
    if origin is dict:
        _, item = typing.get_args(hint)
        return isinstance(value, dict) and all(isinstance(k, str) and _fits(v, item) for k, v in value.items())
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if hint in (datetime.datetime, datetime.date, uuid.UUID):
        return isinstance(value, hint)
    if isinstance(hint, type) and (issubclass(hint, enum.Enum) or attrs.has(hint)):
        return isinstance(value, hint)
    if isinstance(hint, type) and hint.__name__ in ("Unset", "File"):
        return isinstance(value, hint)
    raise AssertionError(f"declared_types cannot check the hint {hint!r}")


def wrong_fields(model: object, path: str = "result") -> list[tuple[str, bool]]:
    """Every field of `model` (recursively) whose value is not of its declared type, as (path, is_unset):
    a required field that is UNSET is listed with True, any other wrong value with False."""
    found: list[tuple[str, bool]] = []
    cls = type(model)
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        hint = hints[field.name]
        value = getattr(model, field.name)
        if field.name == "additional_properties":
            for key, item in value.items():
                _, item_hint = typing.get_args(hint)
                found += _wrong_value(item, item_hint, f"{path}.{key}")
            continue
        where = f"{path}.{field.name.rstrip('_')}"  # (the JSON names of our specs are the Python ones, but type_)
        if _is_unset(value):
            if not _allows_unset(hint):
                found.append((where, True))
            continue
        found += _wrong_value(value, hint, where)
    return found


def _wrong_value(value: object, hint: Any, where: str) -> list[tuple[str, bool]]:
    if not _fits(value, hint):
        return [(where, False)]
    if attrs.has(type(value)):
        return wrong_fields(value, where)
    if isinstance(value, list):
        return [
            bad
            for index, item in enumerate(value)
            if attrs.has(type(item))
            for bad in wrong_fields(item, f"{where}[{index}]")
        ]
    return []


def check_result(result: object, issues: tuple[str, ...]) -> None:
    """Types truly: every field of the result holds its declared type, except a required top-level field
    that is UNSET and named in `issues`; nested models are whole (no UNSET required field at all)."""
    for where, unset in wrong_fields(result):
        assert unset, f"{where} holds a value of another type than declared"
        assert where.count(".") == 1, f"{where}: a nested object with an UNSET required field was kept"
        named = [i for i in issues if i.startswith(where + ":") or (i.startswith(where) and f"({where} left out)" in i)]
        assert named, f"{where} is UNSET but not named: {issues}"
