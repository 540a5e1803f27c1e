from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partition_options_property_extraction_options_schema_item_type_type import (
    PartitionOptionsPropertyExtractionOptionsSchemaItemTypeType,
)
from ..types import (
    ANY,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_enum,
    read_list_of,
    read_model,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.partition_options_property_extraction_options_schema_item_type_item_type import (
        PartitionOptionsPropertyExtractionOptionsSchemaItemTypeItemType,
    )


T = TypeVar("T", bound="PartitionOptionsPropertyExtractionOptionsSchemaItemType")


@lazy_additional_properties
@_attrs_define
class PartitionOptionsPropertyExtractionOptionsSchemaItemType:
    """A dictionary describing the property.

    Attributes:
        type_ (PartitionOptionsPropertyExtractionOptionsSchemaItemTypeType): The type of the property. Simple types can
            be 'int', 'float', 'date', 'string', 'bool', 'choice'. A nested type of 'array' can consist of properties of
            simple types.
        description (str | Unset): A description of the property.
        examples (list[Any] | Unset): An array of examples.
        choices (list[str] | Unset): Valid choices for a 'choice' type property.
        item_type (PartitionOptionsPropertyExtractionOptionsSchemaItemTypeItemType | Unset): The type of items in an
            'array' type property.
    """

    type_: PartitionOptionsPropertyExtractionOptionsSchemaItemTypeType
    description: str | Unset = UNSET
    examples: list[Any] | Unset = UNSET
    choices: list[str] | Unset = UNSET
    item_type: PartitionOptionsPropertyExtractionOptionsSchemaItemTypeItemType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        type_: Any = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        description = self.description

        examples: list[Any] | Unset = UNSET
        if not isinstance(self.examples, Unset):
            examples = self.examples

        choices: list[str] | Unset = UNSET
        if not isinstance(self.choices, Unset):
            choices = self.choices

        item_type: dict[str, Any] | Unset = UNSET
        if not isinstance(self.item_type, Unset):
            item_type = self.item_type.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if type_ is not UNSET:
            field_dict["type"] = type_
        if description is not UNSET:
            field_dict["description"] = description
        if examples is not UNSET:
            field_dict["examples"] = examples
        if choices is not UNSET:
            field_dict["choices"] = choices
        if item_type is not UNSET:
            field_dict["item_type"] = item_type

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
        type_ = src_dict.get("type", UNSET)
        type_ = read_enum(misfits, "type", type_, PartitionOptionsPropertyExtractionOptionsSchemaItemTypeType, True)

        description = src_dict.get("description", UNSET)
        if type(description) is not str and description is not UNSET:
            description = read_plain(misfits, "description", description, STRING, False)

        examples = src_dict.get("examples", UNSET)
        if type(examples) is not list and examples is not UNSET:
            examples = read_list_of(misfits, "examples", examples, ANY, False)

        choices = src_dict.get("choices", UNSET)
        if type(choices) is list:
            for choices_item in choices:
                if type(choices_item) is not str:
                    choices = read_list_of(misfits, "choices", choices, STRING, False)
                    break
        elif choices is not UNSET:
            choices = read_list_of(misfits, "choices", choices, STRING, False)

        item_type = src_dict.get("item_type", UNSET)
        if item_type is not UNSET:
            item_type = read_model(
                misfits,
                "item_type",
                item_type,
                PartitionOptionsPropertyExtractionOptionsSchemaItemTypeItemType.from_dict,
                False,
            )

        partition_options_property_extraction_options_schema_item_type = cls(
            type_,
            description,
            examples,
            choices,
            item_type,
        )

        if len(src_dict) != (type_ is not UNSET) + (description is not UNSET) + (examples is not UNSET) + (
            choices is not UNSET
        ) + (item_type is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            partition_options_property_extraction_options_schema_item_type.additional_properties = d
        return partition_options_property_extraction_options_schema_item_type

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
        "type",
        "description",
        "examples",
        "choices",
        "item_type",
    }
)


from ..models.partition_options_property_extraction_options_schema_item_type_item_type import (
    PartitionOptionsPropertyExtractionOptionsSchemaItemTypeItemType,  # noqa: E402
)
