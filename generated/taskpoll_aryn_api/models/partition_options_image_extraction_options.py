from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partition_options_image_extraction_options_extract_image_format import (
    PartitionOptionsImageExtractionOptionsExtractImageFormat,
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

T = TypeVar("T", bound="PartitionOptionsImageExtractionOptions")


@lazy_additional_properties
@_attrs_define
class PartitionOptionsImageExtractionOptions:
    """
    Attributes:
        associate_captions (bool | Unset): A boolean value indicating whether to associate captions with the images.
             Default: False.
        extract_image_format (PartitionOptionsImageExtractionOptionsExtractImageFormat | Unset): The format to use for
            extracted images. Defaults to ppm.
             Default: PartitionOptionsImageExtractionOptionsExtractImageFormat.PPM.
    """

    associate_captions: bool | Unset = False
    extract_image_format: PartitionOptionsImageExtractionOptionsExtractImageFormat | Unset = (
        PartitionOptionsImageExtractionOptionsExtractImageFormat.PPM
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        associate_captions = self.associate_captions

        extract_image_format: str | Unset = UNSET
        if not isinstance(self.extract_image_format, Unset):
            extract_image_format = self.extract_image_format.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if associate_captions is not UNSET:
            field_dict["associate_captions"] = associate_captions
        if extract_image_format is not UNSET:
            field_dict["extract_image_format"] = extract_image_format

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
        associate_captions = src_dict.get("associate_captions", UNSET)
        if type(associate_captions) is not bool and associate_captions is not UNSET:
            associate_captions = read_plain(misfits, "associate_captions", associate_captions, BOOLEAN, False)

        extract_image_format = src_dict.get("extract_image_format", UNSET)
        if extract_image_format is not UNSET:
            extract_image_format = read_enum(
                misfits,
                "extract_image_format",
                extract_image_format,
                PartitionOptionsImageExtractionOptionsExtractImageFormat,
                False,
            )

        partition_options_image_extraction_options = cls(
            associate_captions,
            extract_image_format,
        )

        if len(src_dict) != (associate_captions is not UNSET) + (extract_image_format is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            partition_options_image_extraction_options.additional_properties = d
        return partition_options_image_extraction_options

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
        "associate_captions",
        "extract_image_format",
    }
)
