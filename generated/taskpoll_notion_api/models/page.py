from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, lazy_additional_properties

if TYPE_CHECKING:
    from ..models.page_parent import PageParent
    from ..models.page_properties import PageProperties


T = TypeVar("T", bound="Page")


@lazy_additional_properties
@_attrs_define
class Page:
    """A page object (abridged to its common fields; the rest is kept as extra fields).

    Attributes:
        object_ (Literal['page']):
        id (str):
        created_time (datetime.datetime | Unset):
        last_edited_time (datetime.datetime | Unset):
        in_trash (bool | Unset):
        url (str | Unset):
        parent (PageParent | Unset):
        properties (PageProperties | Unset):
    """

    object_: Literal["page"]
    id: str
    created_time: datetime.datetime | Unset = UNSET
    last_edited_time: datetime.datetime | Unset = UNSET
    in_trash: bool | Unset = UNSET
    url: str | Unset = UNSET
    parent: PageParent | Unset = UNSET
    properties: PageProperties | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        id = self.id

        created_time: str | Unset = UNSET
        if not isinstance(self.created_time, Unset):
            created_time = self.created_time.isoformat()

        last_edited_time: str | Unset = UNSET
        if not isinstance(self.last_edited_time, Unset):
            last_edited_time = self.last_edited_time.isoformat()

        in_trash = self.in_trash

        url = self.url

        parent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parent, Unset):
            parent = self.parent.to_dict()

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "id": id,
            }
        )
        if created_time is not UNSET:
            field_dict["created_time"] = created_time
        if last_edited_time is not UNSET:
            field_dict["last_edited_time"] = last_edited_time
        if in_trash is not UNSET:
            field_dict["in_trash"] = in_trash
        if url is not UNSET:
            field_dict["url"] = url
        if parent is not UNSET:
            field_dict["parent"] = parent
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        object_ = cast(Literal["page"], src_dict["object"])
        if object_ != "page":
            raise ValueError(f"object must match const 'page', got '{object_}'")

        id = src_dict["id"]

        _created_time = src_dict.get("created_time", UNSET)
        created_time: datetime.datetime | Unset
        if isinstance(_created_time, Unset):
            created_time = UNSET
        else:
            created_time = datetime.datetime.fromisoformat(_created_time)

        _last_edited_time = src_dict.get("last_edited_time", UNSET)
        last_edited_time: datetime.datetime | Unset
        if isinstance(_last_edited_time, Unset):
            last_edited_time = UNSET
        else:
            last_edited_time = datetime.datetime.fromisoformat(_last_edited_time)

        in_trash = src_dict.get("in_trash", UNSET)

        url = src_dict.get("url", UNSET)

        _parent = src_dict.get("parent", UNSET)
        parent: PageParent | Unset
        if isinstance(_parent, Unset):
            parent = UNSET
        else:
            parent = PageParent.from_dict(_parent)

        _properties = src_dict.get("properties", UNSET)
        properties: PageProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = PageProperties.from_dict(_properties)

        page = cls(
            object_,
            id,
            created_time,
            last_edited_time,
            in_trash,
            url,
            parent,
            properties,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            page.additional_properties = d
        return page

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
        "created_time",
        "last_edited_time",
        "in_trash",
        "url",
        "parent",
        "properties",
    }
)


from ..models.page_parent import PageParent  # noqa: E402
from ..models.page_properties import PageProperties  # noqa: E402
