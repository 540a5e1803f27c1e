from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import lazy_additional_properties

if TYPE_CHECKING:
    from ..models.partition_options_property_extraction_options_schema_item_type import (
        PartitionOptionsPropertyExtractionOptionsSchemaItemType,
    )


T = TypeVar("T", bound="PartitionOptionsPropertyExtractionOptionsSchemaItem")


@lazy_additional_properties
@_attrs_define
class PartitionOptionsPropertyExtractionOptionsSchemaItem:
    """
    Attributes:
        name (str): The name of a property, e.g. 'address', 'first_name'.
        type_ (PartitionOptionsPropertyExtractionOptionsSchemaItemType): A dictionary describing the property.
    """

    name: str
    type_: PartitionOptionsPropertyExtractionOptionsSchemaItemType
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        name = src_dict["name"]

        type_ = PartitionOptionsPropertyExtractionOptionsSchemaItemType.from_dict(src_dict["type"])

        partition_options_property_extraction_options_schema_item = cls(
            name,
            type_,
        )

        if len(src_dict) != 2:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            partition_options_property_extraction_options_schema_item.additional_properties = d
        return partition_options_property_extraction_options_schema_item

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
        "type",
    }
)


from ..models.partition_options_property_extraction_options_schema_item_type import (
    PartitionOptionsPropertyExtractionOptionsSchemaItemType,  # noqa: E402
)
