from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    BOOLEAN,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_models,
    read_plain,
    strict,
)

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
        content_updates: Any = UNSET
        if not isinstance(self.content_updates, Unset):
            content_updates = []
            for content_updates_item_data in self.content_updates:
                content_updates_item = content_updates_item_data.to_dict()
                content_updates.append(content_updates_item)

        allow_deleting_content = self.allow_deleting_content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if content_updates is not UNSET:
            field_dict["content_updates"] = content_updates
        if allow_deleting_content is not UNSET:
            field_dict["allow_deleting_content"] = allow_deleting_content

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
        content_updates = src_dict.get("content_updates", UNSET)
        content_updates = read_models(misfits, "content_updates", content_updates, ContentUpdate.from_dict, True)

        allow_deleting_content = src_dict.get("allow_deleting_content", UNSET)
        if type(allow_deleting_content) is not bool and allow_deleting_content is not UNSET:
            allow_deleting_content = read_plain(
                misfits, "allow_deleting_content", allow_deleting_content, BOOLEAN, False
            )

        update_content = cls(
            content_updates,
            allow_deleting_content,
        )

        if len(src_dict) != (content_updates is not UNSET) + (allow_deleting_content is not UNSET):
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
