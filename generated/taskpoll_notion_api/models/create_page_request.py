from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    DEFERRED,
    UNSET,
    DeferredField,
    Unset,
    defer_model_field,
    lazy_additional_properties,
)

if TYPE_CHECKING:
    from ..models.create_page_request_children_item import CreatePageRequestChildrenItem
    from ..models.create_page_request_content_item import CreatePageRequestContentItem
    from ..models.create_page_request_cover_type_0 import CreatePageRequestCoverType0
    from ..models.create_page_request_icon_type_0 import CreatePageRequestIconType0
    from ..models.create_page_request_parent import CreatePageRequestParent
    from ..models.create_page_request_position import CreatePageRequestPosition
    from ..models.create_page_request_properties import CreatePageRequestProperties
    from ..models.create_page_request_template import CreatePageRequestTemplate


T = TypeVar("T", bound="CreatePageRequest")


@lazy_additional_properties
@_attrs_define
class CreatePageRequest(DeferredField):
    """Page creation parameters. `markdown` is mutually exclusive with `content`/`children`; `allow_async` is only
    supported together with `markdown`.

        Attributes:
            parent (CreatePageRequestParent): Where to create the page (page_id, database_id, data_source_id or workspace).
            properties (CreatePageRequestProperties | Unset): Page property values, keyed by property name or id.
            icon (CreatePageRequestIconType0 | None | Unset):
            cover (CreatePageRequestCoverType0 | None | Unset):
            content (list[CreatePageRequestContentItem] | Unset):
            children (list[CreatePageRequestChildrenItem] | Unset):
            markdown (str | Unset): Page content as Notion-flavored Markdown. Mutually exclusive with content/children.
            allow_async (bool | Unset): Set to true to receive an async_task response for markdown page creation. Only
                supported when markdown is provided.
            template (CreatePageRequestTemplate | Unset):
            position (CreatePageRequestPosition | Unset):
    """

    parent: CreatePageRequestParent
    properties: CreatePageRequestProperties | Unset = UNSET
    icon: CreatePageRequestIconType0 | None | Unset = UNSET
    cover: CreatePageRequestCoverType0 | None | Unset = UNSET
    content: list[CreatePageRequestContentItem] | Unset = UNSET
    children: list[CreatePageRequestChildrenItem] | Unset = UNSET
    markdown: str | Unset = UNSET
    allow_async: bool | Unset = UNSET
    template: CreatePageRequestTemplate | Unset = UNSET
    position: CreatePageRequestPosition | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.create_page_request_cover_type_0 import (
            CreatePageRequestCoverType0,  # noqa: PLC0415
        )
        from ..models.create_page_request_icon_type_0 import CreatePageRequestIconType0  # noqa: PLC0415

        parent = self.parent.to_dict()

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        icon: dict[str, Any] | None | Unset
        if isinstance(self.icon, Unset):
            icon = UNSET
        elif isinstance(self.icon, CreatePageRequestIconType0):
            icon = self.icon.to_dict()
        else:
            icon = self.icon

        cover: dict[str, Any] | None | Unset
        if isinstance(self.cover, Unset):
            cover = UNSET
        elif isinstance(self.cover, CreatePageRequestCoverType0):
            cover = self.cover.to_dict()
        else:
            cover = self.cover

        content: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = []
            for content_item_data in self.content:
                content_item = content_item_data.to_dict()
                content.append(content_item)

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        markdown = self.markdown

        allow_async = self.allow_async

        template: dict[str, Any] | Unset = UNSET
        if not isinstance(self.template, Unset):
            template = self.template.to_dict()

        position: dict[str, Any] | Unset = UNSET
        if not isinstance(self.position, Unset):
            position = self.position.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "parent": parent,
            }
        )
        if properties is not UNSET:
            field_dict["properties"] = properties
        if icon is not UNSET:
            field_dict["icon"] = icon
        if cover is not UNSET:
            field_dict["cover"] = cover
        if content is not UNSET:
            field_dict["content"] = content
        if children is not UNSET:
            field_dict["children"] = children
        if markdown is not UNSET:
            field_dict["markdown"] = markdown
        if allow_async is not UNSET:
            field_dict["allow_async"] = allow_async
        if template is not UNSET:
            field_dict["template"] = template
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        parent_input = src_dict["parent"]
        if type(parent_input) is dict:
            parent = DEFERRED
        else:
            parent = CreatePageRequestParent.from_dict(parent_input)

        _properties = src_dict.get("properties", UNSET)
        properties: CreatePageRequestProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = CreatePageRequestProperties.from_dict(_properties)

        icon = src_dict.get("icon", UNSET)
        if icon is not None and icon is not UNSET:
            icon = _parse_icon(icon)

        cover = src_dict.get("cover", UNSET)
        if cover is not None and cover is not UNSET:
            cover = _parse_cover(cover)

        _content = src_dict.get("content", UNSET)
        content: list[CreatePageRequestContentItem] | Unset = UNSET
        if _content is not UNSET:
            content = []
            for content_item_data in _content:
                content_item = CreatePageRequestContentItem.from_dict(content_item_data)

                content.append(content_item)

        _children = src_dict.get("children", UNSET)
        children: list[CreatePageRequestChildrenItem] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = CreatePageRequestChildrenItem.from_dict(children_item_data)

                children.append(children_item)

        markdown = src_dict.get("markdown", UNSET)

        allow_async = src_dict.get("allow_async", UNSET)

        _template = src_dict.get("template", UNSET)
        template: CreatePageRequestTemplate | Unset
        if isinstance(_template, Unset):
            template = UNSET
        else:
            template = CreatePageRequestTemplate.from_dict(_template)

        _position = src_dict.get("position", UNSET)
        position: CreatePageRequestPosition | Unset
        if isinstance(_position, Unset):
            position = UNSET
        else:
            position = CreatePageRequestPosition.from_dict(_position)

        create_page_request = cls(
            parent,
            properties,
            icon,
            cover,
            content,
            children,
            markdown,
            allow_async,
            template,
            position,
        )
        if parent is DEFERRED:
            create_page_request._deferred = parent_input

        if not src_dict.keys() <= _KNOWN_KEYS:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            create_page_request.additional_properties = d
        return create_page_request

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
        "parent",
        "properties",
        "icon",
        "cover",
        "content",
        "children",
        "markdown",
        "allow_async",
        "template",
        "position",
    }
)


def _parse_icon(data: object) -> CreatePageRequestIconType0 | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        icon_type_0 = CreatePageRequestIconType0.from_dict(data)

        return icon_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(CreatePageRequestIconType0 | None | Unset, data)


def _parse_cover(data: object) -> CreatePageRequestCoverType0 | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        cover_type_0 = CreatePageRequestCoverType0.from_dict(data)

        return cover_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(CreatePageRequestCoverType0 | None | Unset, data)


from ..models.create_page_request_children_item import CreatePageRequestChildrenItem  # noqa: E402
from ..models.create_page_request_content_item import CreatePageRequestContentItem  # noqa: E402
from ..models.create_page_request_cover_type_0 import CreatePageRequestCoverType0  # noqa: E402
from ..models.create_page_request_icon_type_0 import CreatePageRequestIconType0  # noqa: E402
from ..models.create_page_request_parent import CreatePageRequestParent  # noqa: E402
from ..models.create_page_request_position import CreatePageRequestPosition  # noqa: E402
from ..models.create_page_request_properties import CreatePageRequestProperties  # noqa: E402
from ..models.create_page_request_template import CreatePageRequestTemplate  # noqa: E402

defer_model_field(CreatePageRequest, "parent", CreatePageRequestParent.from_dict)
