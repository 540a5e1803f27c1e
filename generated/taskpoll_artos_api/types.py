"""Contains some shared types for properties"""

import datetime
import difflib
import enum
import functools
from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from io import BytesIO
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar
from uuid import UUID

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


C = TypeVar("C", bound=type)


class BorrowedInput:
    """Base of the models that declare no properties of their own (an open object, `{"type": "object"}`).

    Their `from_dict` keeps a reference to the input dict in `_input` instead of copying it; the first read
    of `additional_properties` makes the model's own dict from it (a shallow copy, as `from_dict` made
    before) and drops the reference, so nothing written through the model reaches the input. Not an attrs
    field: `attrs.fields`, `attrs.asdict`, `==`, `repr`, pickle and copy never see it.
    """

    __slots__ = ("_input",)
    _input: dict[str, Any]


class _Deferred:
    """The value a deferred field's slot holds until its first read (never seen by a caller)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "DEFERRED"


DEFERRED: Any = _Deferred()


class DeferredField:
    """Base of the models with one field whose model is built on its first read (see `defer_model_field`).

    `_deferred` holds the input dict of that field until then. Not an attrs field: `attrs.fields`,
    `attrs.asdict`, `==`, `repr`, pickle and copy never see it.
    """

    __slots__ = ("_deferred",)
    _deferred: dict[str, Any]


def defer_model_field(cls: type, name: str, build: Callable[[dict[str, Any]], Any]) -> None:
    """Make the attrs slot `name` of `cls` build its model from the kept input dict on its first read.

    `from_dict` sets the slot to DEFERRED and `_deferred` to the field's input dict only when nothing in it
    can be left out: the input is a dict and the field's model declares no properties (`BorrowedInput`),
    or only plain ones whose values in that dict `from_dict` has found to be of their exact types (a
    `BoundingBox` of four numbers); the first read stores `build(input)` in the slot, so every later read, `==`,
    `repr`, `attrs.asdict`, pickle, copy and `attrs.evolve` see the built model, as if it had been built
    by `from_dict`. An instance built by `__init__` never holds DEFERRED.
    """
    slot = cls.__dict__[name]  # the member descriptor attrs made for the slot
    slot_get, slot_set = slot.__get__, slot.__set__
    kept = DeferredField.__dict__["_deferred"]
    kept_get, kept_delete = kept.__get__, kept.__delete__

    def get(self: object) -> Any:
        value = slot_get(self, cls)
        if value is DEFERRED:
            try:
                kept_input = kept_get(self, cls)
            except AttributeError:  # another thread built it meanwhile
                return slot_get(self, cls)
            value = build(kept_input)
            slot_set(self, value)
            try:
                kept_delete(self)
            except AttributeError:  # (another thread did)
                pass
        return value

    # Setting the attribute (attrs' __init__ does) writes the slot as before; a `_deferred` left behind by
    # an assignment over a deferred value is never read again.
    setattr(cls, name, property(get, slot_set, slot.__delete__))


def lazy_additional_properties(cls: C) -> C:
    """Make `cls.additional_properties` (an attrs slot without a default) a dict created on first use.

    An instance that `from_dict` built without unknown keys holds no dict of its own (one object fewer per
    instance for the allocator and the garbage collector); reading the attribute gives it its own empty
    dict then, which it keeps, so `instance.additional_properties[key] = value` and `instance[key] = value`
    work as before. attrs' `__eq__`, `__repr__` and pickling read the attribute, so they see that dict too.
    A `BorrowedInput` instance whose `from_dict` kept its input gets a copy of that input instead.
    """
    slot = cls.__dict__["additional_properties"]  # the member descriptor attrs made for the slot
    slot_get, slot_set, slot_delete = slot.__get__, slot.__set__, slot.__delete__

    if not issubclass(cls, BorrowedInput):

        def get(self: object) -> dict[str, Any]:
            try:
                value: dict[str, Any] = slot_get(self, cls)
            except AttributeError:
                value = {}
                slot_set(self, value)
            return value

        setattr(cls, "additional_properties", property(get, slot_set, slot_delete))
        return cls

    borrowed = BorrowedInput.__dict__["_input"]  # the member descriptor of the base's slot
    input_get, input_delete = borrowed.__get__, borrowed.__delete__

    def drop_input(self: object) -> bool:
        try:
            input_delete(self)
        except AttributeError:
            return False
        return True

    def get_borrowed(self: object) -> dict[str, Any]:
        try:
            value: dict[str, Any] = slot_get(self, cls)
            return value
        except AttributeError:
            pass
        try:
            source = input_get(self, cls)
        except AttributeError:
            try:
                value = slot_get(self, cls)  # another thread made it meanwhile
                return value
            except AttributeError:
                value = {}
        else:
            value = dict(source)
        slot_set(self, value)  # before the input is dropped: a concurrent read finds one or the other
        drop_input(self)
        return value

    def set_borrowed(self: object, value: dict[str, Any]) -> None:
        slot_set(self, value)
        drop_input(self)

    def delete_borrowed(self: object) -> None:
        had_input = drop_input(self)
        try:
            slot_delete(self)
        except AttributeError:
            if not had_input:
                raise

    setattr(cls, "additional_properties", property(get_borrowed, set_borrowed, delete_borrowed))
    return cls


NoneType = type(None)
R = TypeVar("R")


class Misfit:
    """One part of an input that does not fit its declared type: `Model.from_dict(data, misfits)` leaves it
    out (the field is UNSET, a list item is dropped) and appends one of these to `misfits`.

    `path` says where it sits, relative to the model being read, in the input's own names
    (`elements[3].bbox`); `problem` what was found there ("missing", "a string, not an array");
    `left_out` what was left out because of it: the value itself (`left_out == path`), or the whole object
    around it when that object's required field did not fit. `required` is true while the object being
    read is itself incomplete (a required field of it is UNSET): its reader then leaves it out in turn,
    up to the nearest optional field or list item. Only the model `from_dict` was called on keeps an UNSET
    required field (see `Misfit.describe`).
    """

    __slots__ = ("left_out", "path", "problem", "required")

    def __init__(self, path: str, problem: str, required: bool) -> None:
        self.path = path
        self.problem = problem
        self.left_out = path
        self.required = required

    def describe(self, where: str = "") -> str:
        """One line for people: `where` (the name of the model read, e.g. "result") joined to the path."""
        path = join_path(where, self.path)
        if self.left_out != self.path:
            return f"{path}: {self.problem} ({join_path(where, self.left_out) or 'it'} left out)"
        return f"{path}: {self.problem}{', though required' if self.required else ''} (left out)"

    def __repr__(self) -> str:
        return f"Misfit({self.describe()!r})"


class MisfitError(TypeError, ValueError):
    """`Model.from_dict(data)` without a misfits list: the input does not fit (a TypeError and a ValueError,
    as the generated parsers raised both before)."""

    def __init__(self, misfits: list[Misfit]) -> None:
        self.misfits = misfits
        shown = "; ".join(f"{m.path or 'the input'}: {m.problem}" for m in misfits[:3])
        super().__init__(shown + (f" (and {len(misfits) - 3} more)" if len(misfits) > 3 else ""))


def join_path(where: str, path: str) -> str:
    if not where or not path:
        return where or path
    return where + path if path.startswith("[") else f"{where}.{path}"


def strict(build: Callable[[Any, list[Misfit]], R], data: Any) -> R:
    """`build(data, misfits)`, raising MisfitError when anything did not fit (from_dict without a list)."""
    found: list[Misfit] = []
    model = build(data, found)
    if found:
        raise MisfitError(found)
    return model


def as_dict(data: Any) -> dict[str, Any]:
    """A mapping as a dict of its own (from_dict reads a dict in place); anything else does not fit."""
    if isinstance(data, Mapping):
        return dict(data)
    raise MisfitError([Misfit("", f"{kind_of(data)}, not an object", True)])


def kind_of(value: object) -> str:
    """What a JSON value is, for a message (never the value itself: it may be anything the body held)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return f"a Python {type(value).__name__}"


def misfit(misfits: list[Misfit], key: str, value: object, expected: str, required: bool) -> Any:
    """Note that `value` (UNSET: absent) at `key` is not `expected`; UNSET, what the field then holds."""
    misfits.append(Misfit(key, "missing" if value is UNSET else f"{kind_of(value)}, not {expected}", required))
    return UNSET


NO_FIT: Any = object()  # what a kind or a union member gives for a value that is not of it


class Kinds:
    """The plain JSON kinds a value may be of (`STRING | NULL`): the exact Python types a decoded body
    gives for them (the fast check) and how a near value is read (a str subclass, an integral float for
    an integer); the generated `from_dict` uses the exact check inline and calls `read_plain` otherwise."""

    __slots__ = ("exact", "expected", "readers")

    def __init__(self, exact: frozenset[type], readers: tuple[Callable[[Any], Any], ...], expected: str) -> None:
        self.exact = exact
        self.readers = readers
        self.expected = expected

    def __or__(self, other: "Kinds") -> "Kinds":
        return _either(self, other)

    def read(self, value: Any) -> Any:
        """The value as one of these kinds, or NO_FIT."""
        if type(value) in self.exact or not self.readers:
            return value
        for reader in self.readers:
            fitted = reader(value)
            if fitted is not NO_FIT:
                return fitted
        return NO_FIT


@functools.cache
def _either(first: Kinds, second: Kinds) -> Kinds:
    if not first.readers or not second.readers:
        return ANY
    return Kinds(first.exact | second.exact, first.readers + second.readers, f"{first.expected} or {second.expected}")


def _string(value: Any) -> Any:
    return value if isinstance(value, str) else NO_FIT


def _integer(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)  # JSON Schema's integer: 2.0 is one
    return NO_FIT


def _number(value: Any) -> Any:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else NO_FIT


def _boolean(value: Any) -> Any:
    return value if isinstance(value, bool) else NO_FIT


def _null(value: Any) -> Any:
    return value if value is None else NO_FIT


STRING = Kinds(frozenset({str}), (_string,), "a string")
INTEGER = Kinds(frozenset({int}), (_integer,), "an integer")
NUMBER = Kinds(frozenset({float, int}), (_number,), "a number")
BOOLEAN = Kinds(frozenset({bool}), (_boolean,), "a boolean")
NULL = Kinds(frozenset({NoneType}), (_null,), "null")
ANY = Kinds(frozenset(), (), "a value")


def read_plain(misfits: list[Misfit], key: str, value: Any, kinds: Kinds, required: bool) -> Any:
    """`value` as one of `kinds`, or UNSET and a misfit (the slow path of an inline type check)."""
    if value is not UNSET:
        fitted = kinds.read(value)
        if fitted is not NO_FIT:
            return fitted
    return misfit(misfits, key, value, kinds.expected, required)


def read_list_of(misfits: list[Misfit], key: str, value: Any, kinds: Kinds, required: bool) -> Any:
    """An array of plain values: the list as it is when every item fits (the usual case), else a new list
    without the items that do not fit (each one a misfit); UNSET and a misfit when it is no array."""
    if type(value) is not list:
        if not isinstance(value, list):
            return misfit(misfits, key, value, "an array", required)
    if not kinds.readers:
        return value
    exact = kinds.exact
    for item in value:
        if type(item) not in exact:
            break
    else:
        return value
    kept = []
    for index, item in enumerate(value):
        fitted = kinds.read(item)
        if fitted is NO_FIT:
            misfit(misfits, f"{key}[{index}]", item, kinds.expected, False)
        else:
            kept.append(fitted)
    return kept


def nest(misfits: list[Misfit], start: int, key: str, required: bool) -> bool:
    """Put `key` in front of the paths of misfits[start:] (what reading the value at `key` found); True,
    and those misfits marked as leaving out that whole value, when that value is incomplete."""
    incomplete = False
    for index in range(start, len(misfits)):
        found = misfits[index]
        found.path = join_path(key, found.path)
        found.left_out = join_path(key, found.left_out)
        incomplete = incomplete or found.required
    if incomplete:
        for index in range(start, len(misfits)):
            misfits[index].left_out = key
            misfits[index].required = required
    return incomplete


def read_model(
    misfits: list[Misfit], key: str, value: Any, build: Callable[[Any, list[Misfit]], R], required: bool
) -> Any:
    """A nested object as its model; UNSET when it is no object or lacks a required field (its misfits
    then say so, under `key`)."""
    if type(value) is not dict and not isinstance(value, Mapping):
        return misfit(misfits, key, value, "an object", required)
    start = len(misfits)
    model = build(value, misfits)
    if len(misfits) != start and nest(misfits, start, key, required):
        return UNSET
    return model


def try_model(misfits: list[Misfit], key: str, value: Any, build: Callable[[Any, list[Misfit]], R]) -> Any:
    """A union's object member: the model when `value` is an object that fits it (NO_FIT and no misfit else)."""
    if not isinstance(value, Mapping):
        return NO_FIT
    start = len(misfits)
    model = build(value, misfits)
    if len(misfits) != start and nest(misfits, start, key, True):
        del misfits[start:]
        return NO_FIT
    return model


def read_models(
    misfits: list[Misfit], key: str, value: Any, build: Callable[[Any, list[Misfit]], R], required: bool
) -> Any:
    """An array of objects as a list of models, without the items that are no object or lack a required
    field (each named under `key[index]`); UNSET and a misfit when it is no array."""
    if type(value) is not list:
        if not isinstance(value, list):
            return misfit(misfits, key, value, "an array", required)
    start = len(misfits)
    try:
        models = [build(item, misfits) for item in value]
    except MisfitError:  # an item is no object
        pass
    else:
        if len(misfits) == start:
            return models
    # Something in an item does not fit: read the items again one by one, to say which and leave it out.
    del misfits[start:]
    kept = []
    for index, item in enumerate(value):
        model = read_model(misfits, f"{key}[{index}]", item, build, False)
        if model is not UNSET:
            kept.append(model)
    return kept


def read_list(
    misfits: list[Misfit], key: str, value: Any, read: Callable[[list[Misfit], str, Any, bool], Any], required: bool
) -> Any:
    """An array whose items are read by `read` (enums, dates, unions, arrays): a new list without the
    items that do not fit; UNSET and a misfit when it is no array."""
    if not isinstance(value, list):
        return misfit(misfits, key, value, "an array", required)
    kept = []
    for index, item in enumerate(value):
        fitted = read(misfits, f"{key}[{index}]", item, False)
        if fitted is not UNSET:
            kept.append(fitted)
    return kept


def read_either(misfits: list[Misfit], key: str, value: Any, kinds: Kinds | None, expected: str, required: bool) -> Any:
    """The last try of a union: `value` as one of its plain `kinds`, or UNSET and a misfit."""
    if kinds is not None and value is not UNSET:
        fitted = kinds.read(value)
        if fitted is not NO_FIT:
            return fitted
    return misfit(misfits, key, value, expected, required)


def read_enum(misfits: list[Misfit], key: str, value: Any, cls: Callable[[Any], R], required: bool) -> Any:
    if value is not UNSET:
        try:
            return cls(value)
        except (ValueError, TypeError):
            pass
    members: list[Any] = list(cls) if isinstance(cls, enum.EnumMeta) else []
    values = [str(member.value) for member in members]
    expected = f"a value of {getattr(cls, '__name__', 'its enum')}"
    if values:
        expected = "one of " + ", ".join(map(repr, values[:8])) + (", ..." if len(values) > 8 else "")
    if isinstance(value, str) and len(value) <= 40 and value.isprintable():  # a short word: say which
        close = difflib.get_close_matches(value, values, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        misfits.append(Misfit(key, f"{value!r}, not {expected}{hint}", required))
        return UNSET
    return misfit(misfits, key, value, expected, required)


def read_const(misfits: list[Misfit], key: str, value: Any, const: Any, required: bool) -> Any:
    if type(value) is type(const) and value == const:
        return value
    return misfit(misfits, key, value, repr(const), required)


def parse_datetime(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            pass
    return NO_FIT


def parse_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    return NO_FIT


def parse_uuid(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return UUID(value)
        except ValueError:
            pass
    return NO_FIT


def parse_file(value: Any) -> Any:
    return File(payload=BytesIO(value)) if isinstance(value, bytes) else NO_FIT


def read_datetime(misfits: list[Misfit], key: str, value: Any, required: bool) -> Any:
    fitted = parse_datetime(value)
    return misfit(misfits, key, value, "an ISO 8601 date-time", required) if fitted is NO_FIT else fitted


def read_date(misfits: list[Misfit], key: str, value: Any, required: bool) -> Any:
    fitted = parse_date(value)
    return misfit(misfits, key, value, "an ISO 8601 date", required) if fitted is NO_FIT else fitted


def read_uuid(misfits: list[Misfit], key: str, value: Any, required: bool) -> Any:
    fitted = parse_uuid(value)
    return misfit(misfits, key, value, "a UUID", required) if fitted is NO_FIT else fitted


def read_file(misfits: list[Misfit], key: str, value: Any, required: bool) -> Any:
    fitted = parse_file(value)
    return misfit(misfits, key, value, "bytes", required) if fitted is NO_FIT else fitted


__all__ = ["UNSET", "File", "FileTypes", "Misfit", "MisfitError", "RequestFiles", "Response", "Unset"]
