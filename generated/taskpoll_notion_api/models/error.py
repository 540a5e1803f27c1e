from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_code import ErrorCode
from ..types import UNSET, Unset, lazy_additional_properties

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
        object_ = self.object_

        status = self.status

        code: str
        if isinstance(self.code, ErrorCode):
            code = self.code.value
        else:
            code = self.code

        message = self.message

        request_id = self.request_id

        additional_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_data, Unset):
            additional_data = self.additional_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "status": status,
                "code": code,
                "message": message,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if additional_data is not UNSET:
            field_dict["additional_data"] = additional_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        object_ = cast(Literal["error"], src_dict["object"])
        if object_ != "error":
            raise ValueError(f"object must match const 'error', got '{object_}'")

        status = src_dict["status"]

        code = _parse_code(src_dict["code"])

        message = src_dict["message"]

        request_id = src_dict.get("request_id", UNSET)

        _additional_data = src_dict.get("additional_data", UNSET)
        additional_data: ErrorAdditionalData | Unset
        if isinstance(_additional_data, Unset):
            additional_data = UNSET
        else:
            additional_data = ErrorAdditionalData.from_dict(_additional_data)

        error = cls(
            object_,
            status,
            code,
            message,
            request_id,
            additional_data,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
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


def _parse_code(data: object) -> ErrorCode | str:
    try:
        if not isinstance(data, str):
            raise TypeError()
        code_type_0 = ErrorCode(data)

        return code_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(ErrorCode | str, data)


from ..models.error_additional_data import ErrorAdditionalData  # noqa: E402
