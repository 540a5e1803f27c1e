from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.async_task_operation_surface import AsyncTaskOperationSurface
from ..types import (
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_either,
    read_plain,
    strict,
)

T = TypeVar("T", bound="AsyncTaskOperation")


@lazy_additional_properties
@_attrs_define
class AsyncTaskOperation:
    """The operation the task runs.

    Attributes:
        name (str):
        surface (AsyncTaskOperationSurface | str | Unset): Where the operation came from; `rest` and `mcp` so far, any
            other string is kept as sent.
    """

    name: str
    surface: AsyncTaskOperationSurface | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        name: Any = UNSET
        if not isinstance(self.name, Unset):
            name = self.name

        surface: str | Unset
        if isinstance(self.surface, Unset):
            surface = UNSET
        elif isinstance(self.surface, AsyncTaskOperationSurface):
            surface = self.surface.value
        else:
            surface = self.surface

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if name is not UNSET:
            field_dict["name"] = name
        if surface is not UNSET:
            field_dict["surface"] = surface

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any], misfits: list[Misfit] | None = None) -> T:
        """The model of a decoded JSON object. Every field holds its declared type: what does not fit is
        left out (UNSET, or a list item dropped) and appended to `misfits` (types.Misfit, with its path); a
        required field that does not fit is UNSET here, and makes a reader of this model as a nested value
        leave it out. Without `misfits`, anything that does not fit raises MisfitError."""
        if misfits is None:
            return strict(cls.from_dict, src_dict)
        if type(src_dict) is not dict:
            src_dict = as_dict(src_dict)
        name = src_dict.get("name", UNSET)
        if type(name) is not str:
            name = read_plain(misfits, "name", name, STRING, True)

        surface = src_dict.get("surface", UNSET)
        if surface is not UNSET:
            surface = _read_surface(misfits, "surface", surface, False)

        async_task_operation = cls(
            name,
            surface,
        )

        if len(src_dict) != (name is not UNSET) + (surface is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            async_task_operation.additional_properties = d
        return async_task_operation

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_KNOWN_KEYS = frozenset(
    {
        "name",
        "surface",
    }
)


def _read_surface(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    try:
        return AsyncTaskOperationSurface(data)
    except (ValueError, TypeError):
        pass
    if type(data) is str:
        return data
    return read_either(misfits, key, data, STRING, "one of 'rest', 'mcp' or a string", required)
