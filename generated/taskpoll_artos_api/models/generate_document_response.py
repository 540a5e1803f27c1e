from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import lazy_additional_properties

T = TypeVar("T", bound="GenerateDocumentResponse")


@lazy_additional_properties
@_attrs_define
class GenerateDocumentResponse:
    """
    Attributes:
        message (str): Status message
        task_id (str): Document ID for polling status
    """

    message: str
    task_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        task_id = self.task_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "task_id": task_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        message = src_dict["message"]

        task_id = src_dict["task_id"]

        generate_document_response = cls(
            message,
            task_id,
        )

        if len(src_dict) != 2:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            generate_document_response.additional_properties = d
        return generate_document_response

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
        "message",
        "task_id",
    }
)
