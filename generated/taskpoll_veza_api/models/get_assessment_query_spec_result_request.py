from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, lazy_additional_properties

if TYPE_CHECKING:
    from ..models.get_assessment_query_spec_result_request_source_node_types import (
        GetAssessmentQuerySpecResultRequestSourceNodeTypes,
    )


T = TypeVar("T", bound="GetAssessmentQuerySpecResultRequest")


@lazy_additional_properties
@_attrs_define
class GetAssessmentQuerySpecResultRequest:
    """Assessment query specification: source entities, relationship expressions (relates_to_exp) and access filters. Only
    the leading fields are spelled out here.

        Attributes:
            query_type (int | str | Unset): The type of assessment query to execute, as its number or its name (0
                SYSTEM_CREATED, 1 SOURCE_TO_DESTINATION, ...).
            source_node_types (GetAssessmentQuerySpecResultRequestSourceNodeTypes | Unset): The source entities of the
                query.
    """

    query_type: int | str | Unset = UNSET
    source_node_types: GetAssessmentQuerySpecResultRequestSourceNodeTypes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        query_type: int | str | Unset
        if isinstance(self.query_type, Unset):
            query_type = UNSET
        else:
            query_type = self.query_type

        source_node_types: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source_node_types, Unset):
            source_node_types = self.source_node_types.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if query_type is not UNSET:
            field_dict["query_type"] = query_type
        if source_node_types is not UNSET:
            field_dict["source_node_types"] = source_node_types

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        query_type = src_dict.get("query_type", UNSET)

        _source_node_types = src_dict.get("source_node_types", UNSET)
        source_node_types: GetAssessmentQuerySpecResultRequestSourceNodeTypes | Unset
        if isinstance(_source_node_types, Unset):
            source_node_types = UNSET
        else:
            source_node_types = GetAssessmentQuerySpecResultRequestSourceNodeTypes.from_dict(_source_node_types)

        get_assessment_query_spec_result_request = cls(
            query_type,
            source_node_types,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            get_assessment_query_spec_result_request.additional_properties = d
        return get_assessment_query_spec_result_request

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
        "query_type",
        "source_node_types",
    }
)


from ..models.get_assessment_query_spec_result_request_source_node_types import (
    GetAssessmentQuerySpecResultRequestSourceNodeTypes,  # noqa: E402
)
