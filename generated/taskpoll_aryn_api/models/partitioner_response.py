from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    INTEGER,
    NULL,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_either,
    read_list_of,
    read_model,
    read_models,
    read_plain,
    strict,
)

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

        status: Any = UNSET
        if not isinstance(self.status, Unset):
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
        if status is not UNSET:
            field_dict["status"] = status
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any], misfits: list[Misfit] | None = None) -> T:
        """The model of a decoded JSON object. Every field holds its declared type: what does not fit is
        left out (UNSET, or a list item dropped) and appended to `misfits` (types.Misfit, with its path); a
        required field that does not fit is UNSET here, and makes a reader of this model as a nested value
        leave it out. Without `misfits`, anything that does not fit raises MisfitError."""
        if misfits is None:
            return strict(cls.from_dict, src_dict)
        if type(src_dict) is not dict:
            src_dict = as_dict(src_dict)
        status = src_dict.get("status", UNSET)
        if type(status) is list:
            for status_item in status:
                if type(status_item) is not str:
                    status = read_list_of(misfits, "status", status, STRING, True)
                    break
        else:
            status = read_list_of(misfits, "status", status, STRING, True)

        status_code = src_dict.get("status_code", UNSET)
        if type(status_code) is not int and status_code is not UNSET:
            status_code = read_plain(misfits, "status_code", status_code, INTEGER, False)

        error = src_dict.get("error", UNSET)
        if type(error) is not str and error is not UNSET and error is not None:
            error = read_plain(misfits, "error", error, (STRING | NULL), False)

        elements = src_dict.get("elements", UNSET)
        if elements is not UNSET and elements is not None:
            elements = _read_elements(misfits, "elements", elements, False)

        markdown = src_dict.get("markdown", UNSET)
        if markdown is not UNSET and markdown is not None:
            markdown = _read_markdown(misfits, "markdown", markdown, False)

        html = src_dict.get("html", UNSET)
        if type(html) is not str and html is not UNSET and html is not None:
            html = read_plain(misfits, "html", html, (STRING | NULL), False)

        properties = src_dict.get("properties", UNSET)
        if properties is not UNSET and properties is not None:
            properties = _read_properties(misfits, "properties", properties, False)

        partitioner_response = cls(
            status,
            status_code,
            error,
            elements,
            markdown,
            html,
            properties,
        )

        if len(src_dict) != (status is not UNSET) + (status_code is not UNSET) + (error is not UNSET) + (
            elements is not UNSET
        ) + (markdown is not UNSET) + (html is not UNSET) + (properties is not UNSET):
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


def _read_elements(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if isinstance(data, list):
        return read_models(misfits, key, data, Element.from_dict, required)
    if data is None:
        return data
    return read_either(misfits, key, data, NULL, "an array or null", required)


def _read_markdown(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if type(data) is str:
        return data
    if isinstance(data, list):
        return read_list_of(misfits, key, data, STRING, required)
    if data is None:
        return data
    return read_either(misfits, key, data, (STRING | NULL), "a string, an array or null", required)


def _read_properties(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if isinstance(data, Mapping):
        return read_model(misfits, key, data, PartitionerResponsePropertiesType0.from_dict, required)
    if data is None:
        return data
    return read_either(misfits, key, data, NULL, "an object or null", required)


from ..models.element import Element  # noqa: E402
from ..models.partitioner_response_properties_type_0 import (
    PartitionerResponsePropertiesType0,  # noqa: E402
)
