from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    INTEGER,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_model,
    read_plain,
    strict,
)

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
        if query_type is not UNSET:
            field_dict["query_type"] = query_type
        if source_node_types is not UNSET:
            field_dict["source_node_types"] = source_node_types

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
        query_type = src_dict.get("query_type", UNSET)
        if type(query_type) is not int and type(query_type) is not str and query_type is not UNSET:
            query_type = read_plain(misfits, "query_type", query_type, (INTEGER | STRING), False)

        source_node_types = src_dict.get("source_node_types", UNSET)
        if source_node_types is not UNSET:
            source_node_types = read_model(
                misfits,
                "source_node_types",
                source_node_types,
                GetAssessmentQuerySpecResultRequestSourceNodeTypes.from_dict,
                False,
            )

        get_assessment_query_spec_result_request = cls(
            query_type,
            source_node_types,
        )

        if len(src_dict) != (query_type is not UNSET) + (source_node_types is not UNSET):
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
