from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import lazy_additional_properties

T = TypeVar("T", bound="BoundingBox")


@lazy_additional_properties
@_attrs_define
class BoundingBox:
    """Bounding box for an item. It is used for chunks, segments and OCR results.

    Attributes:
        height (float): The height of the bounding box.
        left (float): The left coordinate of the bounding box.
        top (float): The top coordinate of the bounding box.
        width (float): The width of the bounding box.
    """

    height: float
    left: float
    top: float
    width: float
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        height = self.height

        left = self.left

        top = self.top

        width = self.width

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "height": height,
                "left": left,
                "top": top,
                "width": width,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        height = src_dict["height"]

        left = src_dict["left"]

        top = src_dict["top"]

        width = src_dict["width"]

        bounding_box = cls(
            height,
            left,
            top,
            width,
        )

        if len(src_dict) != 4:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            bounding_box.additional_properties = d
        return bounding_box

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
        "height",
        "left",
        "top",
        "width",
    }
)
