from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.element import Element


T = TypeVar("T", bound="PartitionerResponse")


@_attrs_define
class PartitionerResponse:
    """The result of a partitioning task. A task that failed is still returned with HTTP 200: `error` is then set and
    `status_code` holds the failing HTTP code.

        Attributes:
            status (list[str]):
            status_code (int):
            elements (list[Element] | None):
            error (None | str | Unset): The error message if the partitioning is not successful.
            markdown (None | str | Unset):
    """

    status: list[str]
    status_code: int
    elements: list[Element] | None
    error: None | str | Unset = UNSET
    markdown: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        status_code = self.status_code

        elements: list[dict[str, Any]] | None
        if isinstance(self.elements, list):
            elements = []
            for elements_type_0_item_data in self.elements:
                elements_type_0_item = elements_type_0_item_data.to_dict()
                elements.append(elements_type_0_item)

        else:
            elements = self.elements

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        markdown: None | str | Unset
        if isinstance(self.markdown, Unset):
            markdown = UNSET
        else:
            markdown = self.markdown

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "status_code": status_code,
                "elements": elements,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if markdown is not UNSET:
            field_dict["markdown"] = markdown

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        status = cast(list[str], src_dict["status"])

        status_code = src_dict["status_code"]

        elements = _parse_elements(src_dict["elements"])

        error = _parse_error(src_dict.get("error", UNSET))

        markdown = _parse_markdown(src_dict.get("markdown", UNSET))

        if src_dict.keys() <= _KNOWN_KEYS:
            d: dict[str, Any] = {}
        else:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        partitioner_response = cls(
            status=status,
            status_code=status_code,
            elements=elements,
            error=error,
            markdown=markdown,
        )

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
        "elements",
        "error",
        "markdown",
    }
)


def _parse_elements(data: object) -> list[Element] | None:
    if data is None:
        return data
    try:
        if not isinstance(data, list):
            raise TypeError()
        elements_type_0 = []
        _elements_type_0 = data
        for elements_type_0_item_data in _elements_type_0:
            elements_type_0_item = Element.from_dict(elements_type_0_item_data)

            elements_type_0.append(elements_type_0_item)

        return elements_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(list[Element] | None, data)


def _parse_error(data: object) -> None | str | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    return cast(None | str | Unset, data)


def _parse_markdown(data: object) -> None | str | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    return cast(None | str | Unset, data)


from ..models.element import Element  # noqa: E402
