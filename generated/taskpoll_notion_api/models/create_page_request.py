from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    BOOLEAN,
    DEFERRED,
    NULL,
    STRING,
    UNSET,
    DeferredField,
    Misfit,
    Unset,
    as_dict,
    defer_model_field,
    lazy_additional_properties,
    read_either,
    read_model,
    read_models,
    read_plain,
    strict,
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

        parent: Any = UNSET
        if not isinstance(self.parent, Unset):
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
        if parent is not UNSET:
            field_dict["parent"] = parent
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any], misfits: list[Misfit] | None = None) -> T:
        """The model of a decoded JSON object. Every field holds its declared type: what does not fit is
        left out (UNSET, or a list item dropped) and appended to `misfits` (types.Misfit, with its path); a
        required field that does not fit is UNSET here, and makes a reader of this model as a nested value
        leave it out. Without `misfits`, anything that does not fit raises MisfitError."""
        if misfits is None:
            return strict(cls.from_dict, src_dict)
        if type(src_dict) is not dict:
            src_dict = as_dict(src_dict)
        parent_input = src_dict.get("parent", UNSET)
        if (
            type(parent_input) is dict
            and type(parent_input.get("type", UNSET)) in (str, Unset)
            and type(parent_input.get("page_id", UNSET)) in (str, Unset)
            and type(parent_input.get("database_id", UNSET)) in (str, Unset)
            and type(parent_input.get("data_source_id", UNSET)) in (str, Unset)
            and type(parent_input.get("workspace", UNSET)) in (bool, Unset)
        ):
            parent = DEFERRED
        else:
            parent = read_model(misfits, "parent", parent_input, CreatePageRequestParent.from_dict, True)

        properties = src_dict.get("properties", UNSET)
        if properties is not UNSET:
            properties = read_model(misfits, "properties", properties, CreatePageRequestProperties.from_dict, False)

        icon = src_dict.get("icon", UNSET)
        if icon is not UNSET and icon is not None:
            icon = _read_icon(misfits, "icon", icon, False)

        cover = src_dict.get("cover", UNSET)
        if cover is not UNSET and cover is not None:
            cover = _read_cover(misfits, "cover", cover, False)

        content = src_dict.get("content", UNSET)
        if content is not UNSET:
            content = read_models(misfits, "content", content, CreatePageRequestContentItem.from_dict, False)

        children = src_dict.get("children", UNSET)
        if children is not UNSET:
            children = read_models(misfits, "children", children, CreatePageRequestChildrenItem.from_dict, False)

        markdown = src_dict.get("markdown", UNSET)
        if type(markdown) is not str and markdown is not UNSET:
            markdown = read_plain(misfits, "markdown", markdown, STRING, False)

        allow_async = src_dict.get("allow_async", UNSET)
        if type(allow_async) is not bool and allow_async is not UNSET:
            allow_async = read_plain(misfits, "allow_async", allow_async, BOOLEAN, False)

        template = src_dict.get("template", UNSET)
        if template is not UNSET:
            template = read_model(misfits, "template", template, CreatePageRequestTemplate.from_dict, False)

        position = src_dict.get("position", UNSET)
        if position is not UNSET:
            position = read_model(misfits, "position", position, CreatePageRequestPosition.from_dict, False)

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

        if len(src_dict) != (parent is not UNSET) + (properties is not UNSET) + (icon is not UNSET) + (
            cover is not UNSET
        ) + (content is not UNSET) + (children is not UNSET) + (markdown is not UNSET) + (allow_async is not UNSET) + (
            template is not UNSET
        ) + (position is not UNSET):
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


def _read_icon(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if isinstance(data, Mapping):
        return read_model(misfits, key, data, CreatePageRequestIconType0.from_dict, required)
    if data is None:
        return data
    return read_either(misfits, key, data, NULL, "an object or null", required)


def _read_cover(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if isinstance(data, Mapping):
        return read_model(misfits, key, data, CreatePageRequestCoverType0.from_dict, required)
    if data is None:
        return data
    return read_either(misfits, key, data, NULL, "an object or null", required)


from ..models.create_page_request_children_item import CreatePageRequestChildrenItem  # noqa: E402
from ..models.create_page_request_content_item import CreatePageRequestContentItem  # noqa: E402
from ..models.create_page_request_cover_type_0 import CreatePageRequestCoverType0  # noqa: E402
from ..models.create_page_request_icon_type_0 import CreatePageRequestIconType0  # noqa: E402
from ..models.create_page_request_parent import CreatePageRequestParent  # noqa: E402
from ..models.create_page_request_position import CreatePageRequestPosition  # noqa: E402
from ..models.create_page_request_properties import CreatePageRequestProperties  # noqa: E402
from ..models.create_page_request_template import CreatePageRequestTemplate  # noqa: E402

defer_model_field(CreatePageRequest, "parent", CreatePageRequestParent.from_dict)
