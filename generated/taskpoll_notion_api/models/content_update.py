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

T = TypeVar("T", bound="ContentUpdate")


@lazy_additional_properties
@_attrs_define
class ContentUpdate:
    """
    Attributes:
        old_str (str):
        new_str (str):
        replace_all_matches (bool | Unset):
    """

    old_str: str
    new_str: str
    replace_all_matches: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        old_str: Any = UNSET
        if not isinstance(self.old_str, Unset):
            old_str = self.old_str

        new_str: Any = UNSET
        if not isinstance(self.new_str, Unset):
            new_str = self.new_str

        replace_all_matches = self.replace_all_matches

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if old_str is not UNSET:
            field_dict["old_str"] = old_str
        if new_str is not UNSET:
            field_dict["new_str"] = new_str
        if replace_all_matches is not UNSET:
            field_dict["replace_all_matches"] = replace_all_matches

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
        old_str = src_dict.get("old_str", UNSET)
        if type(old_str) is not str:
            old_str = read_plain(misfits, "old_str", old_str, STRING, True)

        new_str = src_dict.get("new_str", UNSET)
        if type(new_str) is not str:
            new_str = read_plain(misfits, "new_str", new_str, STRING, True)

        replace_all_matches = src_dict.get("replace_all_matches", UNSET)
        if type(replace_all_matches) is not bool and replace_all_matches is not UNSET:
            replace_all_matches = read_plain(misfits, "replace_all_matches", replace_all_matches, BOOLEAN, False)

        content_update = cls(
            old_str,
            new_str,
            replace_all_matches,
        )

        if len(src_dict) != (old_str is not UNSET) + (new_str is not UNSET) + (replace_all_matches is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            content_update.additional_properties = d
        return content_update

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
        "old_str",
        "new_str",
        "replace_all_matches",
    }
)
