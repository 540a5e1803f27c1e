from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

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
    read_list_of,
    read_plain,
    strict,
)

T = TypeVar("T", bound="PartitionOptionsOutputLabelOptions")


@lazy_additional_properties
@_attrs_define
class PartitionOptionsOutputLabelOptions:
    """A dictionary of options to specify which heuristic to apply to enforce certain label outputs.

    Attributes:
        title_candidate_elements (list[str] | Unset): An array of strings representing the elements that should be
            considered as title candidates. Defaults to ["Section-header", "Caption"]
        promote_title (bool | Unset): A boolean that specifies whether to promote an element to title. Defaults to
            false.
             Default: False.
        orientation_correction (bool | Unset): A boolean value indicating whether to correct the orientation of the
            pages. Defaults to false.
             Default: False.
    """

    title_candidate_elements: list[str] | Unset = UNSET
    promote_title: bool | Unset = False
    orientation_correction: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        title_candidate_elements: list[str] | Unset = UNSET
        if not isinstance(self.title_candidate_elements, Unset):
            title_candidate_elements = self.title_candidate_elements

        promote_title = self.promote_title

        orientation_correction = self.orientation_correction

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if title_candidate_elements is not UNSET:
            field_dict["title_candidate_elements"] = title_candidate_elements
        if promote_title is not UNSET:
            field_dict["promote_title"] = promote_title
        if orientation_correction is not UNSET:
            field_dict["orientation_correction"] = orientation_correction

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
        title_candidate_elements = src_dict.get("title_candidate_elements", UNSET)
        if type(title_candidate_elements) is list:
            for title_candidate_elements_item in title_candidate_elements:
                if type(title_candidate_elements_item) is not str:
                    title_candidate_elements = read_list_of(
                        misfits, "title_candidate_elements", title_candidate_elements, STRING, False
                    )
                    break
        elif title_candidate_elements is not UNSET:
            title_candidate_elements = read_list_of(
                misfits, "title_candidate_elements", title_candidate_elements, STRING, False
            )

        promote_title = src_dict.get("promote_title", UNSET)
        if type(promote_title) is not bool and promote_title is not UNSET:
            promote_title = read_plain(misfits, "promote_title", promote_title, BOOLEAN, False)

        orientation_correction = src_dict.get("orientation_correction", UNSET)
        if type(orientation_correction) is not bool and orientation_correction is not UNSET:
            orientation_correction = read_plain(
                misfits, "orientation_correction", orientation_correction, BOOLEAN, False
            )

        partition_options_output_label_options = cls(
            title_candidate_elements,
            promote_title,
            orientation_correction,
        )

        if len(src_dict) != (title_candidate_elements is not UNSET) + (promote_title is not UNSET) + (
            orientation_correction is not UNSET
        ):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            partition_options_output_label_options.additional_properties = d
        return partition_options_output_label_options

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
        "title_candidate_elements",
        "promote_title",
        "orientation_correction",
    }
)
