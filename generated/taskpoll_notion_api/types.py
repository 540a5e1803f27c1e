"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
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


def lazy_additional_properties(cls: C) -> C:
    """Make `cls.additional_properties` (an attrs slot without a default) a dict created on first use.

    An instance that `from_dict` built without unknown keys holds no dict of its own (one object fewer per
    instance for the allocator and the garbage collector); reading the attribute gives it its own empty
    dict then, which it keeps, so `instance.additional_properties[key] = value` and `instance[key] = value`
    work as before. attrs' `__eq__`, `__repr__` and pickling read the attribute, so they see that dict too.
    """
    slot = cls.__dict__["additional_properties"]  # the member descriptor attrs made for the slot

    def get(self: object) -> dict[str, Any]:
        try:
            value: dict[str, Any] = slot.__get__(self, cls)
        except AttributeError:
            value = {}
            slot.__set__(self, value)
        return value

    setattr(cls, "additional_properties", property(get, slot.__set__, slot.__delete__))
    return cls


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
