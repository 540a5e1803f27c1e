from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partition_options_image_extraction_options_extract_image_format import (
    PartitionOptionsImageExtractionOptionsExtractImageFormat,
)
from ..types import UNSET, Unset, lazy_additional_properties

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
        field_dict.update({})
        if associate_captions is not UNSET:
            field_dict["associate_captions"] = associate_captions
        if extract_image_format is not UNSET:
            field_dict["extract_image_format"] = extract_image_format

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        associate_captions = src_dict.get("associate_captions", UNSET)

        _extract_image_format = src_dict.get("extract_image_format", UNSET)
        extract_image_format: PartitionOptionsImageExtractionOptionsExtractImageFormat | Unset
        if isinstance(_extract_image_format, Unset):
            extract_image_format = UNSET
        else:
            extract_image_format = PartitionOptionsImageExtractionOptionsExtractImageFormat(_extract_image_format)

        partition_options_image_extraction_options = cls(
            associate_captions,
            extract_image_format,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
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
