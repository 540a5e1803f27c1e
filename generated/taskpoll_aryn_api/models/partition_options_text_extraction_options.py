from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partition_options_text_extraction_options_ocr_text_mode import (
    PartitionOptionsTextExtractionOptionsOCRTextMode,
)
from ..types import (
    BOOLEAN,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_enum,
    read_plain,
    strict,
)

T = TypeVar("T", bound="PartitionOptionsTextExtractionOptions")


@lazy_additional_properties
@_attrs_define
class PartitionOptionsTextExtractionOptions:
    """Options for text extraction

    Attributes:
        ocr_text_mode (PartitionOptionsTextExtractionOptionsOCRTextMode | Unset): The mode to use for OCR text
            extraction on non-table elements. Defaults to `standard`. Note that the `vision` mode is only available for PAYG
            users.
        remove_line_breaks (bool | Unset): A boolean value indicating whether to remove line breaks from the extracted
            text.
             Default: True.
    """

    ocr_text_mode: PartitionOptionsTextExtractionOptionsOCRTextMode | Unset = UNSET
    remove_line_breaks: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        ocr_text_mode: str | Unset = UNSET
        if not isinstance(self.ocr_text_mode, Unset):
            ocr_text_mode = self.ocr_text_mode.value

        remove_line_breaks = self.remove_line_breaks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if ocr_text_mode is not UNSET:
            field_dict["ocr_text_mode"] = ocr_text_mode
        if remove_line_breaks is not UNSET:
            field_dict["remove_line_breaks"] = remove_line_breaks

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
        ocr_text_mode = src_dict.get("ocr_text_mode", UNSET)
        if ocr_text_mode is not UNSET:
            ocr_text_mode = read_enum(
                misfits, "ocr_text_mode", ocr_text_mode, PartitionOptionsTextExtractionOptionsOCRTextMode, False
            )

        remove_line_breaks = src_dict.get("remove_line_breaks", UNSET)
        if type(remove_line_breaks) is not bool and remove_line_breaks is not UNSET:
            remove_line_breaks = read_plain(misfits, "remove_line_breaks", remove_line_breaks, BOOLEAN, False)

        partition_options_text_extraction_options = cls(
            ocr_text_mode,
            remove_line_breaks,
        )

        if len(src_dict) != (ocr_text_mode is not UNSET) + (remove_line_breaks is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            partition_options_text_extraction_options.additional_properties = d
        return partition_options_text_extraction_options

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
        "ocr_text_mode",
        "remove_line_breaks",
    }
)
