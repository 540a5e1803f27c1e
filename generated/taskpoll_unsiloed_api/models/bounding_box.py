from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    NUMBER,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_plain,
    strict,
)

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
        height: Any = UNSET
        if not isinstance(self.height, Unset):
            height = self.height

        left: Any = UNSET
        if not isinstance(self.left, Unset):
            left = self.left

        top: Any = UNSET
        if not isinstance(self.top, Unset):
            top = self.top

        width: Any = UNSET
        if not isinstance(self.width, Unset):
            width = self.width

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if height is not UNSET:
            field_dict["height"] = height
        if left is not UNSET:
            field_dict["left"] = left
        if top is not UNSET:
            field_dict["top"] = top
        if width is not UNSET:
            field_dict["width"] = width

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
        height = src_dict.get("height", UNSET)
        if type(height) is not float and type(height) is not int:
            height = read_plain(misfits, "height", height, NUMBER, True)

        left = src_dict.get("left", UNSET)
        if type(left) is not float and type(left) is not int:
            left = read_plain(misfits, "left", left, NUMBER, True)

        top = src_dict.get("top", UNSET)
        if type(top) is not float and type(top) is not int:
            top = read_plain(misfits, "top", top, NUMBER, True)

        width = src_dict.get("width", UNSET)
        if type(width) is not float and type(width) is not int:
            width = read_plain(misfits, "width", width, NUMBER, True)

        bounding_box = cls(
            height,
            left,
            top,
            width,
        )

        if len(src_dict) != (height is not UNSET) + (left is not UNSET) + (top is not UNSET) + (width is not UNSET):
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
