from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    INTEGER,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_plain,
    strict,
)

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
        b: Any = UNSET
        if not isinstance(self.b, Unset):
            b = self.b

        g: Any = UNSET
        if not isinstance(self.g, Unset):
            g = self.g

        hex_: Any = UNSET
        if not isinstance(self.hex_, Unset):
            hex_ = self.hex_

        r: Any = UNSET
        if not isinstance(self.r, Unset):
            r = self.r

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if b is not UNSET:
            field_dict["b"] = b
        if g is not UNSET:
            field_dict["g"] = g
        if hex_ is not UNSET:
            field_dict["hex"] = hex_
        if r is not UNSET:
            field_dict["r"] = r

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
        b = src_dict.get("b", UNSET)
        if type(b) is not int:
            b = read_plain(misfits, "b", b, INTEGER, True)

        g = src_dict.get("g", UNSET)
        if type(g) is not int:
            g = read_plain(misfits, "g", g, INTEGER, True)

        hex_ = src_dict.get("hex", UNSET)
        if type(hex_) is not str:
            hex_ = read_plain(misfits, "hex", hex_, STRING, True)

        r = src_dict.get("r", UNSET)
        if type(r) is not int:
            r = read_plain(misfits, "r", r, INTEGER, True)

        text_color = cls(
            b,
            g,
            hex_,
            r,
        )

        if len(src_dict) != (b is not UNSET) + (g is not UNSET) + (hex_ is not UNSET) + (r is not UNSET):
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
