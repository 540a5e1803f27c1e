from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_code import ErrorCode
from ..types import (
    INTEGER,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_const,
    read_either,
    read_model,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.error_additional_data import ErrorAdditionalData


T = TypeVar("T", bound="Error")


@lazy_additional_properties
@_attrs_define
class Error:
    """The standard Public API error object. HTTP error responses also carry `request_id`; the error inside a failed async
    task does not.

        Attributes:
            object_ (Literal['error']):
            status (int): The HTTP status code the error stands for.
            code (ErrorCode | str): The error code.
            message (str):
            request_id (str | Unset):
            additional_data (ErrorAdditionalData | Unset):
    """

    object_: Literal["error"]
    status: int
    code: ErrorCode | str
    message: str
    request_id: str | Unset = UNSET
    additional_data: ErrorAdditionalData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        object_: Any = UNSET
        if not isinstance(self.object_, Unset):
            object_ = self.object_

        status: Any = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        code: Any = UNSET
        if not isinstance(self.code, Unset):
            if isinstance(self.code, ErrorCode):
                code = self.code.value
            else:
                code = self.code

        message: Any = UNSET
        if not isinstance(self.message, Unset):
            message = self.message

        request_id = self.request_id

        additional_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_data, Unset):
            additional_data = self.additional_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if object_ is not UNSET:
            field_dict["object"] = object_
        if status is not UNSET:
            field_dict["status"] = status
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if additional_data is not UNSET:
            field_dict["additional_data"] = additional_data

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
        object_ = src_dict.get("object", UNSET)
        object_ = read_const(misfits, "object", object_, "error", True)

        status = src_dict.get("status", UNSET)
        if type(status) is not int:
            status = read_plain(misfits, "status", status, INTEGER, True)

        code = src_dict.get("code", UNSET)
        code = _read_code(misfits, "code", code, True)

        message = src_dict.get("message", UNSET)
        if type(message) is not str:
            message = read_plain(misfits, "message", message, STRING, True)

        request_id = src_dict.get("request_id", UNSET)
        if type(request_id) is not str and request_id is not UNSET:
            request_id = read_plain(misfits, "request_id", request_id, STRING, False)

        additional_data = src_dict.get("additional_data", UNSET)
        if additional_data is not UNSET:
            additional_data = read_model(
                misfits, "additional_data", additional_data, ErrorAdditionalData.from_dict, False
            )

        error = cls(
            object_,
            status,
            code,
            message,
            request_id,
            additional_data,
        )

        if len(src_dict) != (object_ is not UNSET) + (status is not UNSET) + (code is not UNSET) + (
            message is not UNSET
        ) + (request_id is not UNSET) + (additional_data is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            error.additional_properties = d
        return error

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
        "object",
        "status",
        "code",
        "message",
        "request_id",
        "additional_data",
    }
)


def _read_code(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    try:
        return ErrorCode(data)
    except (ValueError, TypeError):
        pass
    if type(data) is str:
        return data
    return read_either(
        misfits,
        key,
        data,
        STRING,
        "one of 'invalid_json', 'invalid_request_url', 'invalid_request', 'missing_version', 'invalid_beta', 'validation_error', 'unauthorized', 'restricted_resource', ... or a string",
        required,
    )


from ..models.error_additional_data import ErrorAdditionalData  # noqa: E402
