from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    ANY,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_either,
    read_list_of,
    read_model,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.error_response_detail_type_2 import ErrorResponseDetailType2
    from ..models.error_response_details import ErrorResponseDetails


T = TypeVar("T", bound="ErrorResponse")


@lazy_additional_properties
@_attrs_define
class ErrorResponse:
    """An error body, as documented on the errors page: FastAPI's `{"detail": ...}`, or for some endpoints `{"error":
    "<code>", "error_description": "...", "details": {...}}`.

        Attributes:
            detail (ErrorResponseDetailType2 | list[Any] | str | Unset): A message, or for 422 a list of validation
                problems.
            error (str | Unset): A machine-readable error code (the second documented shape).
            error_description (str | Unset): A readable description of the error (the second documented shape).
            details (ErrorResponseDetails | Unset): Additional context, e.g. the field concerned and a suggestion.
    """

    detail: ErrorResponseDetailType2 | list[Any] | str | Unset = UNSET
    error: str | Unset = UNSET
    error_description: str | Unset = UNSET
    details: ErrorResponseDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_response_detail_type_2 import ErrorResponseDetailType2  # noqa: PLC0415

        detail: dict[str, Any] | list[Any] | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        elif isinstance(self.detail, list):
            detail = self.detail

        elif isinstance(self.detail, ErrorResponseDetailType2):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        error = self.error

        error_description = self.error_description

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if detail is not UNSET:
            field_dict["detail"] = detail
        if error is not UNSET:
            field_dict["error"] = error
        if error_description is not UNSET:
            field_dict["error_description"] = error_description
        if details is not UNSET:
            field_dict["details"] = details

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
        if detail is not UNSET:
            detail = _read_detail(misfits, "detail", detail, False)

        error = src_dict.get("error", UNSET)
        if type(error) is not str and error is not UNSET:
            error = read_plain(misfits, "error", error, STRING, False)

        error_description = src_dict.get("error_description", UNSET)
        if type(error_description) is not str and error_description is not UNSET:
            error_description = read_plain(misfits, "error_description", error_description, STRING, False)

        details = src_dict.get("details", UNSET)
        if details is not UNSET:
            details = read_model(misfits, "details", details, ErrorResponseDetails.from_dict, False)

        error_response = cls(
            detail,
            error,
            error_description,
            details,
        )

        if len(src_dict) != (detail is not UNSET) + (error is not UNSET) + (error_description is not UNSET) + (
            details is not UNSET
        ):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            error_response.additional_properties = d
        return error_response

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
        "error",
        "error_description",
        "details",
    }
)


def _read_detail(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if type(data) is str:
        return data
    if isinstance(data, list):
        return read_list_of(misfits, key, data, ANY, required)
    if isinstance(data, Mapping):
        return read_model(misfits, key, data, ErrorResponseDetailType2.from_dict, required)
    return read_either(misfits, key, data, STRING, "a string, an array or an object", required)


from ..models.error_response_detail_type_2 import ErrorResponseDetailType2  # noqa: E402
from ..models.error_response_details import ErrorResponseDetails  # noqa: E402
