from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.update_page_markdown_request_type import UpdatePageMarkdownRequestType
from ..types import (
    BOOLEAN,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_enum,
    read_model,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.insert_content import InsertContent
    from ..models.replace_content import ReplaceContent
    from ..models.replace_content_range import ReplaceContentRange
    from ..models.update_content import UpdateContent


T = TypeVar("T", bound="UpdatePageMarkdownRequest")


@lazy_additional_properties
@_attrs_define
class UpdatePageMarkdownRequest:
    """One Markdown update: `type` names the operation and the property of the same name holds its parameters (notion-sdk-
    js UpdatePageMarkdownBodyParameters). `allow_async` opts into an async_task answer when the update is accepted for
    background execution.

        Attributes:
            type_ (UpdatePageMarkdownRequestType):
            insert_content (InsertContent | Unset): Insert new content into the page.
            replace_content_range (ReplaceContentRange | Unset): Replace a range of content in the page.
            update_content (UpdateContent | Unset): Search-and-replace operations.
            replace_content (ReplaceContent | Unset): Replace the entire page content.
            allow_async (bool | Unset): Set to true to opt into receiving an async_task result when this update operation is
                accepted for background execution. If omitted or false, the endpoint keeps the existing synchronous response
                shape.
    """

    type_: UpdatePageMarkdownRequestType
    insert_content: InsertContent | Unset = UNSET
    replace_content_range: ReplaceContentRange | Unset = UNSET
    update_content: UpdateContent | Unset = UNSET
    replace_content: ReplaceContent | Unset = UNSET
    allow_async: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        type_: Any = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        insert_content: dict[str, Any] | Unset = UNSET
        if not isinstance(self.insert_content, Unset):
            insert_content = self.insert_content.to_dict()

        replace_content_range: dict[str, Any] | Unset = UNSET
        if not isinstance(self.replace_content_range, Unset):
            replace_content_range = self.replace_content_range.to_dict()

        update_content: dict[str, Any] | Unset = UNSET
        if not isinstance(self.update_content, Unset):
            update_content = self.update_content.to_dict()

        replace_content: dict[str, Any] | Unset = UNSET
        if not isinstance(self.replace_content, Unset):
            replace_content = self.replace_content.to_dict()

        allow_async = self.allow_async

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if type_ is not UNSET:
            field_dict["type"] = type_
        if insert_content is not UNSET:
            field_dict["insert_content"] = insert_content
        if replace_content_range is not UNSET:
            field_dict["replace_content_range"] = replace_content_range
        if update_content is not UNSET:
            field_dict["update_content"] = update_content
        if replace_content is not UNSET:
            field_dict["replace_content"] = replace_content
        if allow_async is not UNSET:
            field_dict["allow_async"] = allow_async

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
        type_ = src_dict.get("type", UNSET)
        type_ = read_enum(misfits, "type", type_, UpdatePageMarkdownRequestType, True)

        insert_content = src_dict.get("insert_content", UNSET)
        if insert_content is not UNSET:
            insert_content = read_model(misfits, "insert_content", insert_content, InsertContent.from_dict, False)

        replace_content_range = src_dict.get("replace_content_range", UNSET)
        if replace_content_range is not UNSET:
            replace_content_range = read_model(
                misfits, "replace_content_range", replace_content_range, ReplaceContentRange.from_dict, False
            )

        update_content = src_dict.get("update_content", UNSET)
        if update_content is not UNSET:
            update_content = read_model(misfits, "update_content", update_content, UpdateContent.from_dict, False)

        replace_content = src_dict.get("replace_content", UNSET)
        if replace_content is not UNSET:
            replace_content = read_model(misfits, "replace_content", replace_content, ReplaceContent.from_dict, False)

        allow_async = src_dict.get("allow_async", UNSET)
        if type(allow_async) is not bool and allow_async is not UNSET:
            allow_async = read_plain(misfits, "allow_async", allow_async, BOOLEAN, False)

        update_page_markdown_request = cls(
            type_,
            insert_content,
            replace_content_range,
            update_content,
            replace_content,
            allow_async,
        )

        if len(src_dict) != (type_ is not UNSET) + (insert_content is not UNSET) + (
            replace_content_range is not UNSET
        ) + (update_content is not UNSET) + (replace_content is not UNSET) + (allow_async is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            update_page_markdown_request.additional_properties = d
        return update_page_markdown_request

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
        "type",
        "insert_content",
        "replace_content_range",
        "update_content",
        "replace_content",
        "allow_async",
    }
)


from ..models.insert_content import InsertContent  # noqa: E402
from ..models.replace_content import ReplaceContent  # noqa: E402
from ..models.replace_content_range import ReplaceContentRange  # noqa: E402
from ..models.update_content import UpdateContent  # noqa: E402
