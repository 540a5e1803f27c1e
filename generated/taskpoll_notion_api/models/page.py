from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
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
    read_datetime,
    read_model,
    read_plain,
    strict,
)

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
        object_: Any = UNSET
        if not isinstance(self.object_, Unset):
            object_ = self.object_

        id: Any = UNSET
        if not isinstance(self.id, Unset):
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
        if object_ is not UNSET:
            field_dict["object"] = object_
        if id is not UNSET:
            field_dict["id"] = id
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
        object_ = read_const(misfits, "object", object_, "page", True)

        id = src_dict.get("id", UNSET)
        if type(id) is not str:
            id = read_plain(misfits, "id", id, STRING, True)

        created_time = src_dict.get("created_time", UNSET)
        if created_time is not UNSET:
            created_time = read_datetime(misfits, "created_time", created_time, False)

        last_edited_time = src_dict.get("last_edited_time", UNSET)
        if last_edited_time is not UNSET:
            last_edited_time = read_datetime(misfits, "last_edited_time", last_edited_time, False)

        in_trash = src_dict.get("in_trash", UNSET)
        if type(in_trash) is not bool and in_trash is not UNSET:
            in_trash = read_plain(misfits, "in_trash", in_trash, BOOLEAN, False)

        url = src_dict.get("url", UNSET)
        if type(url) is not str and url is not UNSET:
            url = read_plain(misfits, "url", url, STRING, False)

        parent = src_dict.get("parent", UNSET)
        if parent is not UNSET:
            parent = read_model(misfits, "parent", parent, PageParent.from_dict, False)

        properties = src_dict.get("properties", UNSET)
        if properties is not UNSET:
            properties = read_model(misfits, "properties", properties, PageProperties.from_dict, False)

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

        if len(src_dict) != (object_ is not UNSET) + (id is not UNSET) + (created_time is not UNSET) + (
            last_edited_time is not UNSET
        ) + (in_trash is not UNSET) + (url is not UNSET) + (parent is not UNSET) + (properties is not UNSET):
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
