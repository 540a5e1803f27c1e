from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, lazy_additional_properties

T = TypeVar("T", bound="PageMarkdown")


@lazy_additional_properties
@_attrs_define
class PageMarkdown:
    """A page's content as enhanced Markdown (notion-sdk-js PageMarkdownResponse).

    Attributes:
        object_ (Literal['page_markdown']):
        id (str):
        markdown (str):
        truncated (bool | Unset):
        unknown_block_ids (list[str] | Unset):
    """

    object_: Literal["page_markdown"]
    id: str
    markdown: str
    truncated: bool | Unset = UNSET
    unknown_block_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        id = self.id

        markdown = self.markdown

        truncated = self.truncated

        unknown_block_ids: list[str] | Unset = UNSET
        if not isinstance(self.unknown_block_ids, Unset):
            unknown_block_ids = self.unknown_block_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "id": id,
                "markdown": markdown,
            }
        )
        if truncated is not UNSET:
            field_dict["truncated"] = truncated
        if unknown_block_ids is not UNSET:
            field_dict["unknown_block_ids"] = unknown_block_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        object_ = cast(Literal["page_markdown"], src_dict["object"])
        if object_ != "page_markdown":
            raise ValueError(f"object must match const 'page_markdown', got '{object_}'")

        id = src_dict["id"]

        markdown = src_dict["markdown"]

        truncated = src_dict.get("truncated", UNSET)

        unknown_block_ids = src_dict.get("unknown_block_ids", UNSET)

        page_markdown = cls(
            object_,
            id,
            markdown,
            truncated,
            unknown_block_ids,
        )

        if len(src_dict) != 3 + (truncated is not UNSET) + (unknown_block_ids is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            page_markdown.additional_properties = d
        return page_markdown

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
        "object",
        "id",
        "markdown",
        "truncated",
        "unknown_block_ids",
    }
)
