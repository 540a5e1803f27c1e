from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.async_task_state import AsyncTaskState
from ..models.async_task_status import AsyncTaskStatus
from ..types import UNSET, Unset, lazy_additional_properties

if TYPE_CHECKING:
    from ..models.rpc_status import RpcStatus


T = TypeVar("T", bound="AsyncTask")


@lazy_additional_properties
@_attrs_define
class AsyncTask:
    """A generic asynchronous task.

    Attributes:
        id (str): The async task ID.
        state (AsyncTaskState | Unset): Task lifecycle. UNKNOWN_STATE (0) default/unset; PENDING (1) queued, not yet
            started; IN_PROGRESS (2) executing; COMPLETE (3) finished, check `status`.
        status (AsyncTaskStatus | Unset): Outcome when complete. UNKNOWN_STATUS (0) default/unset; SUCCEEDED (1) result
            available in `result`; FAILED (2) see `error_reason` and `error_status`; CANCELED (3) canceled before
            completion.
        result (Any | Unset): Operation-specific result, any JSON value (an object for query results, but also a list, a
            string, a number or null); present when status is SUCCEEDED.
        error_reason (str | Unset): Why the task failed; present when status is FAILED.
        error_status (int | RpcStatus | str | Unset): The error status of a failed task; present when status is FAILED.
    """

    id: str
    state: AsyncTaskState | Unset = UNSET
    status: AsyncTaskStatus | Unset = UNSET
    result: Any | Unset = UNSET
    error_reason: str | Unset = UNSET
    error_status: int | RpcStatus | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.rpc_status import RpcStatus  # noqa: PLC0415

        id = self.id

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        result = self.result

        error_reason = self.error_reason

        error_status: dict[str, Any] | int | str | Unset
        if isinstance(self.error_status, Unset):
            error_status = UNSET
        elif isinstance(self.error_status, RpcStatus):
            error_status = self.error_status.to_dict()
        else:
            error_status = self.error_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if state is not UNSET:
            field_dict["state"] = state
        if status is not UNSET:
            field_dict["status"] = status
        if result is not UNSET:
            field_dict["result"] = result
        if error_reason is not UNSET:
            field_dict["error_reason"] = error_reason
        if error_status is not UNSET:
            field_dict["error_status"] = error_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        _state = src_dict.get("state", UNSET)
        state: AsyncTaskState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = AsyncTaskState(_state)

        _status = src_dict.get("status", UNSET)
        status: AsyncTaskStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AsyncTaskStatus(_status)

        result = src_dict.get("result", UNSET)

        error_reason = src_dict.get("error_reason", UNSET)

        error_status = src_dict.get("error_status", UNSET)
        if error_status is not UNSET:
            error_status = _parse_error_status(error_status)

        async_task = cls(
            id,
            state,
            status,
            result,
            error_reason,
            error_status,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            async_task.additional_properties = d
        return async_task

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
        "id",
        "state",
        "status",
        "result",
        "error_reason",
        "error_status",
    }
)


def _parse_error_status(data: object) -> int | RpcStatus | str | Unset:
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        error_status_type_0 = RpcStatus.from_dict(data)

        return error_status_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(int | RpcStatus | str | Unset, data)


from ..models.rpc_status import RpcStatus  # noqa: E402
