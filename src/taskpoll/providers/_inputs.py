"""What a submit takes from the caller, checked before anything is sent.

A document to upload (a path, bytes or a binary file object) is read here, so that a missing file,
an unreadable path or a text-mode file is a ConfigurationError before any request; and a request
model (the provider's generated attrs class, or a plain dict of its fields) is checked field by
field against its type hints, because the generated models accept any value silently and would
send `"yes"` for a boolean or fail deep inside `to_dict()`.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import mimetypes
import os
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar

import attrs

from .._errors import ConfigurationError, shown

M = TypeVar("M")
MAX_URL_LENGTH = 8192


class Readable(Protocol):
    """A binary file object (`open(path, "rb")`, `io.BytesIO`): anything whose `read()` gives bytes."""

    def read(self) -> bytes: ...


# A document to upload, as a type checker sees it: a path, bytes or a binary file object.
Document = str | os.PathLike[str] | bytes | bytearray | memoryview | Readable


def read_document(file: object, filename: str | None = None) -> tuple[str, bytes, str]:
    """(file name, bytes, MIME type) of a document given as a path, bytes or a binary file object."""
    if filename is not None and (not isinstance(filename, str) or not filename.strip()):
        raise ConfigurationError(f"filename must be a non-empty string, not {shown(filename)}")
    if isinstance(file, (bytes, bytearray, memoryview)):
        data, name = bytes(file), filename or "document"
    elif isinstance(file, (str, os.PathLike)):
        data = _read_path(file)
        name = filename or Path(os.fsdecode(file)).name or "document"
    elif callable(getattr(file, "read", None)):
        try:
            data = file.read()  # type: ignore[attr-defined]
        except Exception as exc:  # OSError, ValueError for a closed file, or whatever a custom reader raises
            raise ConfigurationError(f"the file object could not be read: {exc}") from None
        if isinstance(data, str):
            raise ConfigurationError("the file object gives text, not bytes: open the file in binary mode ('rb')")
        if not isinstance(data, (bytes, bytearray)):
            raise ConfigurationError(f"the file object's read() gave {type(data).__name__}, not bytes")
        data = bytes(data)
        own = getattr(file, "name", None)
        name = filename or (Path(own).name if isinstance(own, str) and own else "document")
    else:
        raise ConfigurationError(f"a document is a path, bytes or a binary file object, not {type(file).__name__}")
    if not data:
        raise ConfigurationError(f"the document {name!r} is empty: nothing to send")
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return name, data, mime


def _read_path(file: str | os.PathLike[str] | os.PathLike[bytes]) -> bytes:
    try:
        path = Path(os.fsdecode(file))
    except (TypeError, ValueError) as exc:
        raise ConfigurationError(f"{shown(file)} is not a path: {exc}") from None
    if not str(file):
        raise ConfigurationError("an empty string is not a path to a document")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ConfigurationError(f"no file at {str(path)!r}") from None
    except IsADirectoryError:
        raise ConfigurationError(f"{str(path)!r} is a directory, not a document") from None
    except PermissionError:
        raise ConfigurationError(f"{str(path)!r} cannot be read (permission denied)") from None
    except (OSError, ValueError) as exc:  # ValueError: an embedded NUL
        raise ConfigurationError(f"{str(path)!r} cannot be read: {exc}") from None


def check_url(value: object, what: str) -> str:
    """An absolute http(s) URL given as a string (a document to fetch, a webhook)."""
    if not isinstance(value, str) or not value.strip():
        raise ConfigurationError(f"{what} must be a non-empty string, not {shown(value)}")
    if len(value) > MAX_URL_LENGTH or any(ord(c) < 0x21 or c == "\x7f" for c in value):
        raise ConfigurationError(f"{what} holds whitespace or control characters, or is too long")
    if not value.lower().startswith(("http://", "https://")):
        raise ConfigurationError(f"{what} must be an http(s) URL, not {shown(value)}")
    return value


def whole_request(
    file: object, request_type: type[M], *, url: object, url_word: str, options: object, filename: object
) -> M | None:
    """How a submit that uploads a document was called: with a whole request (`request_type`, given as
    `file` and alone; returned once its fields are checked) or with exactly one of a document and a
    URL (None: the caller builds the request from them)."""
    if isinstance(file, request_type):
        if url is not None or options is not None or filename is not None:
            raise ConfigurationError(f"a {request_type.__name__} already holds the file, {url_word} and options")
        check_fields(file, "request")
        return file
    if file is None and url is None:
        raise ConfigurationError(f"give a document (a path, bytes or a binary file object) or a {url_word}")
    if file is not None and url is not None:
        raise ConfigurationError(f"give a document or a {url_word}, not both")
    return None


def model_of(value: object, model: type[M], what: str, *, required: bool = True, open_fields: bool = False) -> M | None:
    """`value` as the generated `model`: an instance as given, or a dict of its fields (JSON names).

    A dict with a key the model does not know is refused (a typo would be sent and ignored); put
    undocumented fields in the instance's `additional_properties` on purpose instead. `open_fields`
    keeps them, for a schema the spec spells out only in part (Veza's query spec).
    """
    if value is None:
        if required:
            raise ConfigurationError(f"{what} is required (a {model.__name__} or a dict of its fields)")
        return None
    if isinstance(value, model):
        built = value
    elif isinstance(value, Mapping):
        misfits: list[Any] = []  # the generated reader's types.Misfit: each field that does not fit its type
        try:
            built = model.from_dict(dict(value), misfits)  # type: ignore[attr-defined]
        except Exception as exc:  # nothing the generated reader raises but for absurd nesting
            raise ConfigurationError(f"{what} does not fit {model.__name__}: {_describe(exc)}") from None
        if misfits:  # each names its field (JSON path) and what it must be
            raise ConfigurationError("; ".join(f"{what}.{m.path}: {m.problem}" for m in misfits[:3]))
        extra = getattr(built, "additional_properties", {})
        if extra and not open_fields:
            raise ConfigurationError(f"{what} has field(s) {model.__name__} does not know: {_unknown(extra, model)}")
    else:
        raise ConfigurationError(f"{what} must be a {model.__name__} or a dict, not {type(value).__name__}")
    check_fields(built, what)
    return built


def check_fields(model: object, what: str) -> None:
    """Raise ConfigurationError naming the first field whose value does not fit its declared type."""
    cls = type(model)
    if not attrs.has(cls):
        return
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # a hint that does not resolve: nothing to check it against
        return
    for field in attrs.fields(cls):
        if field.name == "additional_properties":
            continue
        value = getattr(model, field.name)
        hint = hints.get(field.name)
        where = f"{what}.{field.name.rstrip('_')}"
        if hint is not None and not _fits(value, hint):
            raise ConfigurationError(f"{where} must be {_name(hint)}, not {shown(value)}")
        _check_nested(value, where)
    try:
        model.to_dict()  # type: ignore[attr-defined]
    except Exception as exc:
        raise ConfigurationError(f"{what} cannot be encoded: {_describe(exc)}") from None


def _check_nested(value: object, where: str) -> None:
    if attrs.has(type(value)):
        check_fields(value, where)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_nested(item, f"{where}[{index}]")


def _fits(value: object, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return any(_fits(value, arg) for arg in typing.get_args(hint))
    if origin is typing.Literal:
        return value in typing.get_args(hint)
    if hint is Any:
        return True
    if hint is type(None):
        return value is None
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        return isinstance(value, list) and all(_fits(v, item) for v in value)
    if origin is dict:
        return isinstance(value, dict)
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str) and not isinstance(value, enum.Enum)
    if hint is datetime.datetime:
        return isinstance(value, datetime.datetime)
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True


def _name(hint: Any) -> str:
    """A type hint as a message says it: `bool or None`, not `bool | None | Unset`."""
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        names = [_name(a) for a in typing.get_args(hint) if getattr(a, "__name__", "") != "Unset"]
        return " or ".join(names) or str(hint)
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        return f"a list of ({_name(item)})"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return f"{hint.__name__} (one of {', '.join(repr(m.value) for m in hint)})"
    if hint is type(None):
        return "None"
    return getattr(hint, "__name__", str(hint))


# A dict given for a model, read as the generated parser will read it: each key checked against its field's
# declared type first, so that a wrong type is named (`request.parent must be an object ..., not 1`) instead of
# surfacing as the parser's `TypeError: 'int' object is not iterable`.


def _field_hints(model: type) -> dict[str, Any]:
    """The model's fields by the JSON names a dict gives them (`type` for the field `type_`), with their hints."""
    try:
        hints = typing.get_type_hints(model)
    except Exception:  # a hint that does not resolve: nothing to check against
        return {}
    fields = {}
    for field in attrs.fields(model):
        if field.name != "additional_properties" and field.name in hints:
            fields[field.name.rstrip("_")] = hints[field.name]
    return fields


def _closest(word: str, words: list[str]) -> str | None:
    """The word of `words` that `word` most likely meant: the same but for case, else the closest spelling."""
    same = [w for w in words if w.lower() == word.lower()]
    close = same or difflib.get_close_matches(word, words, n=1)
    return close[0] if close else None


def _unknown(extra: Mapping[Any, Any], model: type) -> str:
    """The keys a model does not know, each with the field it may have meant to be."""
    known = list(_field_hints(model))
    words = []
    for key in sorted(map(str, extra)):
        meant = _closest(key, known)
        words.append(f"{key} (did you mean {meant}?)" if meant is not None else key)
    return ", ".join(words)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}" if exc.args else "missing field"
    text = str(exc)
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__
