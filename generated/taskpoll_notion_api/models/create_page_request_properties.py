from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    BorrowedInput,
    Misfit,
    as_dict,
    lazy_additional_properties,
)

T = TypeVar("T", bound="CreatePageRequestProperties")


@lazy_additional_properties
@_attrs_define
class CreatePageRequestProperties(BorrowedInput):
    """Page property values, keyed by property name or id."""

    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def __init__(self, **additional_properties: Any) -> None:
        """An open object, its keys given as keywords; they are its `additional_properties`."""
        if additional_properties:
            self.additional_properties = additional_properties

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any], misfits: list[Misfit] | None = None) -> T:
        """The model of a decoded JSON object. Every field holds its declared type: what does not fit is
        left out (UNSET, or a list item dropped) and appended to `misfits` (types.Misfit, with its path); a
        required field that does not fit is UNSET here, and makes a reader of this model as a nested value
        leave it out. Without `misfits`, anything that does not fit raises MisfitError."""
        if type(src_dict) is dict:
            create_page_request_properties = cls()
            if src_dict:
                create_page_request_properties._input = src_dict
            return create_page_request_properties
        d = as_dict(src_dict)
        create_page_request_properties = cls()

        if d:
            create_page_request_properties.additional_properties = d
        return create_page_request_properties

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
