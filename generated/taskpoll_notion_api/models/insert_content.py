from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, lazy_additional_properties

T = TypeVar("T", bound="InsertContent")


@lazy_additional_properties
@_attrs_define
class InsertContent:
    """Insert new content into the page.

    Attributes:
        content (str): The enhanced Markdown content to insert.
        after (str | Unset): Existing content to insert after ("start text...end text"); omit to append at the end.
    """

    content: str
    after: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        after = self.after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
            }
        )
        if after is not UNSET:
            field_dict["after"] = after

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        content = src_dict["content"]

        after = src_dict.get("after", UNSET)

        insert_content = cls(
            content,
            after,
        )

        if len(src_dict) != 1 + (after is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            insert_content.additional_properties = d
        return insert_content

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
        "content",
        "after",
    }
)
