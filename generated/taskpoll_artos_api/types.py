"""Contains some shared types for properties"""

from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

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

    `from_dict` sets the slot to DEFERRED and `_deferred` to the field's input dict only when that input is
    a dict and the field's model (one that declares no properties: `BorrowedInput`) takes any dict without
    raising or changing it; the first read stores `build(input)` in the slot, so every later read, `==`,
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


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
