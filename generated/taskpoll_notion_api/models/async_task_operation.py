from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.async_task_operation_surface import AsyncTaskOperationSurface
from ..types import UNSET, Unset, lazy_additional_properties

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
        field_dict.update(
            {
                "name": name,
            }
        )
        if surface is not UNSET:
            field_dict["surface"] = surface

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        name = src_dict["name"]

        surface = src_dict.get("surface", UNSET)
        if surface is not UNSET:
            surface = _parse_surface(surface)

        async_task_operation = cls(
            name,
            surface,
        )

        if len(src_dict) != 1 + (surface is not UNSET):
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


def _parse_surface(data: object) -> AsyncTaskOperationSurface | str | Unset:
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, str):
            raise TypeError()
        surface_type_0 = AsyncTaskOperationSurface(data)

        return surface_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(AsyncTaskOperationSurface | str | Unset, data)
