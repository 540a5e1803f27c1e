from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, lazy_additional_properties

if TYPE_CHECKING:
    from ..models.content_update import ContentUpdate


T = TypeVar("T", bound="UpdateContent")


@lazy_additional_properties
@_attrs_define
class UpdateContent:
    """Search-and-replace operations.

    Attributes:
        content_updates (list[ContentUpdate]):
        allow_deleting_content (bool | Unset):
    """

    content_updates: list[ContentUpdate]
    allow_deleting_content: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        content_updates = []
        for content_updates_item_data in self.content_updates:
            content_updates_item = content_updates_item_data.to_dict()
            content_updates.append(content_updates_item)

        allow_deleting_content = self.allow_deleting_content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_updates": content_updates,
            }
        )
        if allow_deleting_content is not UNSET:
            field_dict["allow_deleting_content"] = allow_deleting_content

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        content_updates = []
        _content_updates = src_dict["content_updates"]
        for content_updates_item_data in _content_updates:
            content_updates_item = ContentUpdate.from_dict(content_updates_item_data)

            content_updates.append(content_updates_item)

        allow_deleting_content = src_dict.get("allow_deleting_content", UNSET)

        update_content = cls(
            content_updates,
            allow_deleting_content,
        )

        if len(src_dict) != 1 + (allow_deleting_content is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            update_content.additional_properties = d
        return update_content

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
        "content_updates",
        "allow_deleting_content",
    }
)


from ..models.content_update import ContentUpdate  # noqa: E402
