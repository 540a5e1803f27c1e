from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import lazy_additional_properties

T = TypeVar("T", bound="TextColor")


@lazy_additional_properties
@_attrs_define
class TextColor:
    """Text color in RGB format

    Attributes:
        b (int):
        g (int):
        hex_ (str):
        r (int):
    """

    b: int
    g: int
    hex_: str
    r: int
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        b = self.b

        g = self.g

        hex_ = self.hex_

        r = self.r

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "b": b,
                "g": g,
                "hex": hex_,
                "r": r,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        b = src_dict["b"]

        g = src_dict["g"]

        hex_ = src_dict["hex"]

        r = src_dict["r"]

        text_color = cls(
            b,
            g,
            hex_,
            r,
        )

        if len(src_dict) != 4:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            text_color.additional_properties = d
        return text_color

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
        "b",
        "g",
        "hex",
        "r",
    }
)
