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
    read_models,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.protobuf_any import ProtobufAny


T = TypeVar("T", bound="RpcStatus")


@lazy_additional_properties
@_attrs_define
class RpcStatus:
    """google.rpc.Status, Veza's default error response.

    Attributes:
        code (int | str | Unset): The error code: a google.rpc.Code number, or its name as Veza sends it ("Internal",
            "InvalidArgument", "NotFound").
        message (str | Unset): A developer-facing error message.
        details (list[ProtobufAny] | Unset):
        request_id (str | Unset): The id of the failed request, for Veza support.
        timestamp (str | Unset): When the error happened (RFC 3339 with nanoseconds, kept as text).
    """

    code: int | str | Unset = UNSET
    message: str | Unset = UNSET
    details: list[ProtobufAny] | Unset = UNSET
    request_id: str | Unset = UNSET
    timestamp: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        code: int | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        message = self.message

        details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = []
            for details_item_data in self.details:
                details_item = details_item_data.to_dict()
                details.append(details_item)

        request_id = self.request_id

        timestamp = self.timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if details is not UNSET:
            field_dict["details"] = details
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

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
        code = src_dict.get("code", UNSET)
        if type(code) is not int and type(code) is not str and code is not UNSET:
            code = read_plain(misfits, "code", code, (INTEGER | STRING), False)

        message = src_dict.get("message", UNSET)
        if type(message) is not str and message is not UNSET:
            message = read_plain(misfits, "message", message, STRING, False)

        details = src_dict.get("details", UNSET)
        if details is not UNSET:
            details = read_models(misfits, "details", details, ProtobufAny.from_dict, False)

        request_id = src_dict.get("request_id", UNSET)
        if type(request_id) is not str and request_id is not UNSET:
            request_id = read_plain(misfits, "request_id", request_id, STRING, False)

        timestamp = src_dict.get("timestamp", UNSET)
        if type(timestamp) is not str and timestamp is not UNSET:
            timestamp = read_plain(misfits, "timestamp", timestamp, STRING, False)

        rpc_status = cls(
            code,
            message,
            details,
            request_id,
            timestamp,
        )

        if len(src_dict) != (code is not UNSET) + (message is not UNSET) + (details is not UNSET) + (
            request_id is not UNSET
        ) + (timestamp is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            rpc_status.additional_properties = d
        return rpc_status

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
        "code",
        "message",
        "details",
        "request_id",
        "timestamp",
    }
)


from ..models.protobuf_any import ProtobufAny  # noqa: E402
