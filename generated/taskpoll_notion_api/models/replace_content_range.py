from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, lazy_additional_properties

T = TypeVar("T", bound="ReplaceContentRange")


@lazy_additional_properties
@_attrs_define
class ReplaceContentRange:
    """Replace a range of content in the page.

    Attributes:
        content (str):
        content_range (str): Existing content to replace ("start text...end text").
        allow_deleting_content (bool | Unset):
    """

    content: str
    content_range: str
    allow_deleting_content: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        content_range = self.content_range

        allow_deleting_content = self.allow_deleting_content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "content_range": content_range,
            }
        )
        if allow_deleting_content is not UNSET:
            field_dict["allow_deleting_content"] = allow_deleting_content

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        content = src_dict["content"]

        content_range = src_dict["content_range"]

        allow_deleting_content = src_dict.get("allow_deleting_content", UNSET)

        replace_content_range = cls(
            content,
            content_range,
            allow_deleting_content,
        )

        if len(src_dict) != 2 + (allow_deleting_content is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            replace_content_range.additional_properties = d
        return replace_content_range

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
        "content_range",
        "allow_deleting_content",
    }
)
