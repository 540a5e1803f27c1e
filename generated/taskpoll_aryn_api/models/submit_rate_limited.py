from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_plain,
    strict,
)

T = TypeVar("T", bound="SubmitRateLimited")


@lazy_additional_properties
@_attrs_define
class SubmitRateLimited:
    """
    Attributes:
        detail (str | Unset):
    """

    detail: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if detail is not UNSET:
            field_dict["detail"] = detail

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
        detail = src_dict.get("detail", UNSET)
        if type(detail) is not str and detail is not UNSET:
            detail = read_plain(misfits, "detail", detail, STRING, False)

        submit_rate_limited = cls(
            detail,
        )

        if len(src_dict) != (detail is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            submit_rate_limited.additional_properties = d
        return submit_rate_limited

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
        "detail",
    }
)
