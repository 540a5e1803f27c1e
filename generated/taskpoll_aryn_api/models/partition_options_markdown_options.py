from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    BOOLEAN,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_plain,
    strict,
)

T = TypeVar("T", bound="PartitionOptionsMarkdownOptions")


@lazy_additional_properties
@_attrs_define
class PartitionOptionsMarkdownOptions:
    """A dictionary of options to specify what to include in the markdown output.

    Attributes:
        include_pagenum (bool | Unset): A boolean value indicating whether to include page numbers in the markdown
            output. Defaults to false.
             Default: False.
        include_headers (bool | Unset): A boolean value indicating whether to include page headers in the markdown
            output. Defaults to false.
             Default: False.
        include_footers (bool | Unset): A boolean value indicating whether to include page footers in the markdown
            output. Defaults to false.
             Default: False.
        group_by_page (bool | Unset): Return the markdown as a list of strings, one per page.
             Default: False.
    """

    include_pagenum: bool | Unset = False
    include_headers: bool | Unset = False
    include_footers: bool | Unset = False
    group_by_page: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        include_pagenum = self.include_pagenum

        include_headers = self.include_headers

        include_footers = self.include_footers

        group_by_page = self.group_by_page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if include_pagenum is not UNSET:
            field_dict["include_pagenum"] = include_pagenum
        if include_headers is not UNSET:
            field_dict["include_headers"] = include_headers
        if include_footers is not UNSET:
            field_dict["include_footers"] = include_footers
        if group_by_page is not UNSET:
            field_dict["group_by_page"] = group_by_page

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
        include_pagenum = src_dict.get("include_pagenum", UNSET)
        if type(include_pagenum) is not bool and include_pagenum is not UNSET:
            include_pagenum = read_plain(misfits, "include_pagenum", include_pagenum, BOOLEAN, False)

        include_headers = src_dict.get("include_headers", UNSET)
        if type(include_headers) is not bool and include_headers is not UNSET:
            include_headers = read_plain(misfits, "include_headers", include_headers, BOOLEAN, False)

        include_footers = src_dict.get("include_footers", UNSET)
        if type(include_footers) is not bool and include_footers is not UNSET:
            include_footers = read_plain(misfits, "include_footers", include_footers, BOOLEAN, False)

        group_by_page = src_dict.get("group_by_page", UNSET)
        if type(group_by_page) is not bool and group_by_page is not UNSET:
            group_by_page = read_plain(misfits, "group_by_page", group_by_page, BOOLEAN, False)

        partition_options_markdown_options = cls(
            include_pagenum,
            include_headers,
            include_footers,
            group_by_page,
        )

        if len(src_dict) != (include_pagenum is not UNSET) + (include_headers is not UNSET) + (
            include_footers is not UNSET
        ) + (group_by_page is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            partition_options_markdown_options.additional_properties = d
        return partition_options_markdown_options

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
        "include_pagenum",
        "include_headers",
        "include_footers",
        "group_by_page",
    }
)
