from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import lazy_additional_properties

T = TypeVar("T", bound="ErrorAdditionalData")


@lazy_additional_properties
@_attrs_define
class ErrorAdditionalData:
    additional_properties: dict[str, list[str] | str] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, list):
                field_dict[prop_name] = prop

            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error_additional_data = cls()

        if d:
            additional_properties = {}
            for prop_name, prop_dict in d.items():

                def _parse_additional_property(data: object) -> list[str] | str:
                    try:
                        if not isinstance(data, list):
                            raise TypeError()
                        additional_property_type_1 = cast(list[str], data)

                        return additional_property_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(list[str] | str, data)

                additional_property = _parse_additional_property(prop_dict)

                additional_properties[prop_name] = additional_property

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
