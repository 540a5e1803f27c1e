from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_model,
    read_plain,
    strict,
)

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
        name: Any = UNSET
        if not isinstance(self.name, Unset):
            name = self.name

        type_: Any = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_

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

        type_ = src_dict.get("type", UNSET)
        type_ = read_model(
            misfits, "type", type_, PartitionOptionsPropertyExtractionOptionsSchemaItemType.from_dict, True
        )

        partition_options_property_extraction_options_schema_item = cls(
            name,
            type_,
        )

        if len(src_dict) != (name is not UNSET) + (type_ is not UNSET):
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
