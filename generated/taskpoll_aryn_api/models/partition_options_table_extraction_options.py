from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

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
    read_plain,
    strict,
)

T = TypeVar("T", bound="PartitionOptionsTableExtractionOptions")


@lazy_additional_properties
@_attrs_define
class PartitionOptionsTableExtractionOptions:
    """Options for table extraction

    Attributes:
        include_additional_text (bool | Unset): Attempts to merge text within the table bounding box but missed by the
            table due to misalignment issues.
             Default: True.
        model_selection (str | Unset): An expression to instruct DocParse how to select the table model to use for
            extraction. Default is `"pixels > 500 -> deformable_detr; table_transformer"`, which means "if the largest
            dimension of the table is more than 500 pixels, use deformable_detr; otherwise use table_transformer." To use
            only deformable_detr or table_transformer, set `model_selection="deformable_detr"` or
            `model_selection="table_transformer"`. Refer to the [full documentation](processing_options) for more details.
             Default: 'pixels > 500 -> deformable_detr; table_transformer'.
    """

    include_additional_text: bool | Unset = True
    model_selection: str | Unset = "pixels > 500 -> deformable_detr; table_transformer"
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        include_additional_text = self.include_additional_text

        model_selection = self.model_selection

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if include_additional_text is not UNSET:
            field_dict["include_additional_text"] = include_additional_text
        if model_selection is not UNSET:
            field_dict["model_selection"] = model_selection

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
        include_additional_text = src_dict.get("include_additional_text", UNSET)
        if type(include_additional_text) is not bool and include_additional_text is not UNSET:
            include_additional_text = read_plain(
                misfits, "include_additional_text", include_additional_text, BOOLEAN, False
            )

        model_selection = src_dict.get("model_selection", UNSET)
        if type(model_selection) is not str and model_selection is not UNSET:
            model_selection = read_plain(misfits, "model_selection", model_selection, STRING, False)

        partition_options_table_extraction_options = cls(
            include_additional_text,
            model_selection,
        )

        if len(src_dict) != (include_additional_text is not UNSET) + (model_selection is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            partition_options_table_extraction_options.additional_properties = d
        return partition_options_table_extraction_options

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
        "include_additional_text",
        "model_selection",
    }
)
