from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
)

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
    read_const,
    read_list_of,
    read_plain,
    strict,
)

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
        object_: Any = UNSET
        if not isinstance(self.object_, Unset):
            object_ = self.object_

        id: Any = UNSET
        if not isinstance(self.id, Unset):
            id = self.id

        markdown: Any = UNSET
        if not isinstance(self.markdown, Unset):
            markdown = self.markdown

        truncated = self.truncated

        unknown_block_ids: list[str] | Unset = UNSET
        if not isinstance(self.unknown_block_ids, Unset):
            unknown_block_ids = self.unknown_block_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if object_ is not UNSET:
            field_dict["object"] = object_
        if id is not UNSET:
            field_dict["id"] = id
        if markdown is not UNSET:
            field_dict["markdown"] = markdown
        if truncated is not UNSET:
            field_dict["truncated"] = truncated
        if unknown_block_ids is not UNSET:
            field_dict["unknown_block_ids"] = unknown_block_ids

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
        object_ = src_dict.get("object", UNSET)
        object_ = read_const(misfits, "object", object_, "page_markdown", True)

        id = src_dict.get("id", UNSET)
        if type(id) is not str:
            id = read_plain(misfits, "id", id, STRING, True)

        markdown = src_dict.get("markdown", UNSET)
        if type(markdown) is not str:
            markdown = read_plain(misfits, "markdown", markdown, STRING, True)

        truncated = src_dict.get("truncated", UNSET)
        if type(truncated) is not bool and truncated is not UNSET:
            truncated = read_plain(misfits, "truncated", truncated, BOOLEAN, False)

        unknown_block_ids = src_dict.get("unknown_block_ids", UNSET)
        if type(unknown_block_ids) is list:
            for unknown_block_ids_item in unknown_block_ids:
                if type(unknown_block_ids_item) is not str:
                    unknown_block_ids = read_list_of(misfits, "unknown_block_ids", unknown_block_ids, STRING, False)
                    break
        elif unknown_block_ids is not UNSET:
            unknown_block_ids = read_list_of(misfits, "unknown_block_ids", unknown_block_ids, STRING, False)

        page_markdown = cls(
            object_,
            id,
            markdown,
            truncated,
            unknown_block_ids,
        )

        if len(src_dict) != (object_ is not UNSET) + (id is not UNSET) + (markdown is not UNSET) + (
            truncated is not UNSET
        ) + (unknown_block_ids is not UNSET):
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
