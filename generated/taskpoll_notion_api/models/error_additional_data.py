from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    STRING,
    UNSET,
    Misfit,
    as_dict,
    lazy_additional_properties,
    read_either,
    read_list_of,
    strict,
)

T = TypeVar("T", bound="ErrorAdditionalData")


@lazy_additional_properties
@_attrs_define
class ErrorAdditionalData:
    additional_properties: dict[str, list[str] | str] = _attrs_field(init=False)

    def __init__(self, **additional_properties: list[str] | str) -> None:
        """An open object, its keys given as keywords; they are its `additional_properties`."""
        if additional_properties:
            self.additional_properties = additional_properties

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, list):
                field_dict[prop_name] = prop

            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any], misfits: list[Misfit] | None = None) -> T:
        """The model of a decoded JSON object. Every field holds its declared type: what does not fit is
        left out (UNSET, or a list item dropped) and appended to `misfits` (types.Misfit, with its path); a
        required field that does not fit is UNSET here, and makes a reader of this model as a nested value
        leave it out. Without `misfits`, anything that does not fit raises MisfitError."""
        if misfits is None:
            return strict(cls.from_dict, src_dict)
        d = as_dict(src_dict)
        error_additional_data = cls()

        if d:
            additional_properties = {}
            for prop_name, prop in d.items():
                prop = _read_additional_property(misfits, prop_name, prop, False)
                if prop is not UNSET:
                    additional_properties[prop_name] = prop

            error_additional_data.additional_properties = additional_properties
        return error_additional_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> list[str] | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: list[str] | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


def _read_additional_property(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if type(data) is str:
        return data
    if isinstance(data, list):
        return read_list_of(misfits, key, data, STRING, required)
    return read_either(misfits, key, data, STRING, "a string or an array", required)
