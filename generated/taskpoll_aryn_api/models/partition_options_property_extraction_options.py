from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    BOOLEAN,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_models,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.partition_options_property_extraction_options_schema_item import (
        PartitionOptionsPropertyExtractionOptionsSchemaItem,
    )


T = TypeVar("T", bound="PartitionOptionsPropertyExtractionOptions")


@lazy_additional_properties
@_attrs_define
class PartitionOptionsPropertyExtractionOptions:
    """(PAYG Only) Options for extracting properties (key-value pairs) from documents such as invoices, purchase orders,
    contracts, etc.

        Attributes:
            schema (list[PartitionOptionsPropertyExtractionOptionsSchemaItem] | Unset): A list of properties each of which
                describes a specific occurrence of information appearing in the document.
            voting (bool | Unset): Vote across three different LLMs from different providers to improve the accuracy of
                property extraction. Only applicable when schema is provided.
                 Default: False.
            suggest_properties (bool | Unset): Infer the schema of the submitted document. Default: False.
            suggest_properties_instructions (str | Unset): Additional instructions to DocParse for recognizing important
                properties for the schema.
    """

    schema: list[PartitionOptionsPropertyExtractionOptionsSchemaItem] | Unset = UNSET
    voting: bool | Unset = False
    suggest_properties: bool | Unset = False
    suggest_properties_instructions: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        schema: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = []
            for schema_item_data in self.schema:
                schema_item = schema_item_data.to_dict()
                schema.append(schema_item)

        voting = self.voting

        suggest_properties = self.suggest_properties

        suggest_properties_instructions = self.suggest_properties_instructions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if schema is not UNSET:
            field_dict["schema"] = schema
        if voting is not UNSET:
            field_dict["voting"] = voting
        if suggest_properties is not UNSET:
            field_dict["suggest_properties"] = suggest_properties
        if suggest_properties_instructions is not UNSET:
            field_dict["suggest_properties_instructions"] = suggest_properties_instructions

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
        schema = src_dict.get("schema", UNSET)
        if schema is not UNSET:
            schema = read_models(
                misfits, "schema", schema, PartitionOptionsPropertyExtractionOptionsSchemaItem.from_dict, False
            )

        voting = src_dict.get("voting", UNSET)
        if type(voting) is not bool and voting is not UNSET:
            voting = read_plain(misfits, "voting", voting, BOOLEAN, False)

        suggest_properties = src_dict.get("suggest_properties", UNSET)
        if type(suggest_properties) is not bool and suggest_properties is not UNSET:
            suggest_properties = read_plain(misfits, "suggest_properties", suggest_properties, BOOLEAN, False)

        suggest_properties_instructions = src_dict.get("suggest_properties_instructions", UNSET)
        if type(suggest_properties_instructions) is not str and suggest_properties_instructions is not UNSET:
            suggest_properties_instructions = read_plain(
                misfits, "suggest_properties_instructions", suggest_properties_instructions, STRING, False
            )

        partition_options_property_extraction_options = cls(
            schema,
            voting,
            suggest_properties,
            suggest_properties_instructions,
        )

        if len(src_dict) != (schema is not UNSET) + (voting is not UNSET) + (suggest_properties is not UNSET) + (
            suggest_properties_instructions is not UNSET
        ):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            partition_options_property_extraction_options.additional_properties = d
        return partition_options_property_extraction_options

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
        "schema",
        "voting",
        "suggest_properties",
        "suggest_properties_instructions",
    }
)


from ..models.partition_options_property_extraction_options_schema_item import (
    PartitionOptionsPropertyExtractionOptionsSchemaItem,  # noqa: E402
)
