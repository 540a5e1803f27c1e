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

T = TypeVar("T", bound="CreatePageRequestParent")


@lazy_additional_properties
@_attrs_define
class CreatePageRequestParent:
    """Where to create the page (page_id, database_id, data_source_id or workspace).

    Attributes:
        type_ (str | Unset): Which of the fields below names the parent (page_id, database_id, data_source_id or
            workspace); optional.
        page_id (str | Unset):
        database_id (str | Unset):
        data_source_id (str | Unset):
        workspace (bool | Unset): true to create a private page at the workspace's top level.
    """

    type_: str | Unset = UNSET
    page_id: str | Unset = UNSET
    database_id: str | Unset = UNSET
    data_source_id: str | Unset = UNSET
    workspace: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        page_id = self.page_id

        database_id = self.database_id

        data_source_id = self.data_source_id

        workspace = self.workspace

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if type_ is not UNSET:
            field_dict["type"] = type_
        if page_id is not UNSET:
            field_dict["page_id"] = page_id
        if database_id is not UNSET:
            field_dict["database_id"] = database_id
        if data_source_id is not UNSET:
            field_dict["data_source_id"] = data_source_id
        if workspace is not UNSET:
            field_dict["workspace"] = workspace

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
        if type(type_) is not str and type_ is not UNSET:
            type_ = read_plain(misfits, "type", type_, STRING, False)

        page_id = src_dict.get("page_id", UNSET)
        if type(page_id) is not str and page_id is not UNSET:
            page_id = read_plain(misfits, "page_id", page_id, STRING, False)

        database_id = src_dict.get("database_id", UNSET)
        if type(database_id) is not str and database_id is not UNSET:
            database_id = read_plain(misfits, "database_id", database_id, STRING, False)

        data_source_id = src_dict.get("data_source_id", UNSET)
        if type(data_source_id) is not str and data_source_id is not UNSET:
            data_source_id = read_plain(misfits, "data_source_id", data_source_id, STRING, False)

        workspace = src_dict.get("workspace", UNSET)
        if type(workspace) is not bool and workspace is not UNSET:
            workspace = read_plain(misfits, "workspace", workspace, BOOLEAN, False)

        create_page_request_parent = cls(
            type_,
            page_id,
            database_id,
            data_source_id,
            workspace,
        )

        if len(src_dict) != (type_ is not UNSET) + (page_id is not UNSET) + (database_id is not UNSET) + (
            data_source_id is not UNSET
        ) + (workspace is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            create_page_request_parent.additional_properties = d
        return create_page_request_parent

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
        "page_id",
        "database_id",
        "data_source_id",
        "workspace",
    }
)
