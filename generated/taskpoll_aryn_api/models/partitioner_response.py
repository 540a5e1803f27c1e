from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, lazy_additional_properties

if TYPE_CHECKING:
    from ..models.element import Element
    from ..models.partitioner_response_properties_type_0 import (
        PartitionerResponsePropertiesType0,
    )


T = TypeVar("T", bound="PartitionerResponse")


@lazy_additional_properties
@_attrs_define
class PartitionerResponse:
    """The result of a partitioning task. A task that failed is still returned with HTTP 200: `error` is then set and
    `status_code` holds the failing HTTP code.

        Attributes:
            status (list[str]):
            status_code (int | Unset):
            error (None | str | Unset): The error message if the partitioning is not successful.
            elements (list[Element] | None | Unset):
            markdown (list[str] | None | str | Unset): The markdown output (output_format markdown); one string per page
                with
                `markdown_options.group_by_page`.
            html (None | str | Unset): The html output (output_format html).
            properties (None | PartitionerResponsePropertiesType0 | Unset): The extracted properties
                (property_extraction_options), by property name.
    """

    status: list[str]
    status_code: int | Unset = UNSET
    error: None | str | Unset = UNSET
    elements: list[Element] | None | Unset = UNSET
    markdown: list[str] | None | str | Unset = UNSET
    html: None | str | Unset = UNSET
    properties: None | PartitionerResponsePropertiesType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.partitioner_response_properties_type_0 import (
            PartitionerResponsePropertiesType0,  # noqa: PLC0415
        )

        status = self.status

        status_code = self.status_code

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        elements: list[dict[str, Any]] | None | Unset
        if isinstance(self.elements, Unset):
            elements = UNSET
        elif isinstance(self.elements, list):
            elements = []
            for elements_type_0_item_data in self.elements:
                elements_type_0_item = elements_type_0_item_data.to_dict()
                elements.append(elements_type_0_item)

        else:
            elements = self.elements

        markdown: list[str] | None | str | Unset
        if isinstance(self.markdown, Unset):
            markdown = UNSET
        elif isinstance(self.markdown, list):
            markdown = self.markdown

        else:
            markdown = self.markdown

        html: None | str | Unset
        if isinstance(self.html, Unset):
            html = UNSET
        else:
            html = self.html

        properties: dict[str, Any] | None | Unset
        if isinstance(self.properties, Unset):
            properties = UNSET
        elif isinstance(self.properties, PartitionerResponsePropertiesType0):
            properties = self.properties.to_dict()
        else:
            properties = self.properties

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if status_code is not UNSET:
            field_dict["status_code"] = status_code
        if error is not UNSET:
            field_dict["error"] = error
        if elements is not UNSET:
            field_dict["elements"] = elements
        if markdown is not UNSET:
            field_dict["markdown"] = markdown
        if html is not UNSET:
            field_dict["html"] = html
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        status = src_dict["status"]

        status_code = src_dict.get("status_code", UNSET)

        error = src_dict.get("error", UNSET)

        elements = src_dict.get("elements", UNSET)
        if elements is not None and elements is not UNSET:
            elements = _parse_elements(elements)

        markdown = src_dict.get("markdown", UNSET)
        if markdown is not None and markdown is not UNSET:
            markdown = _parse_markdown(markdown)

        html = src_dict.get("html", UNSET)

        properties = src_dict.get("properties", UNSET)
        if properties is not None and properties is not UNSET:
            properties = _parse_properties(properties)

        partitioner_response = cls(
            status,
            status_code,
            error,
            elements,
            markdown,
            html,
            properties,
        )

        if len(src_dict) != 1 + (status_code is not UNSET) + (error is not UNSET) + (elements is not UNSET) + (
            markdown is not UNSET
        ) + (html is not UNSET) + (properties is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            partitioner_response.additional_properties = d
        return partitioner_response

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
        "status",
        "status_code",
        "error",
        "elements",
        "markdown",
        "html",
        "properties",
    }
)


def _parse_elements(data: object) -> list[Element] | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, list):
            raise TypeError()
        elements_type_0 = [Element.from_dict(item) for item in data]

        return elements_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(list[Element] | None | Unset, data)


def _parse_markdown(data: object) -> list[str] | None | str | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, list):
            raise TypeError()
        markdown_type_1 = cast(list[str], data)

        return markdown_type_1
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(list[str] | None | str | Unset, data)


def _parse_properties(data: object) -> None | PartitionerResponsePropertiesType0 | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        properties_type_0 = PartitionerResponsePropertiesType0.from_dict(data)

        return properties_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(None | PartitionerResponsePropertiesType0 | Unset, data)


from ..models.element import Element  # noqa: E402
from ..models.partitioner_response_properties_type_0 import (
    PartitionerResponsePropertiesType0,  # noqa: E402
)
