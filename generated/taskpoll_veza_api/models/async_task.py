from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.async_task_state import AsyncTaskState
from ..models.async_task_status import AsyncTaskStatus
from ..types import (
    ANY,
    BOOLEAN,
    INTEGER,
    NULL,
    NUMBER,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_either,
    read_enum,
    read_list_of,
    read_model,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.async_task_result_object import AsyncTaskResultObject
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
        result (AsyncTaskResultObject | bool | float | list[Any] | None | str | Unset): Operation-specific result, any
            JSON value (an object for query results, but also a list, a string, a number or null); present when status is
            SUCCEEDED.
        error_reason (str | Unset): Why the task failed; present when status is FAILED.
        error_status (int | RpcStatus | str | Unset): The error status of a failed task; present when status is FAILED.
    """

    id: str
    state: AsyncTaskState | Unset = UNSET
    status: AsyncTaskStatus | Unset = UNSET
    result: AsyncTaskResultObject | bool | float | list[Any] | None | str | Unset = UNSET
    error_reason: str | Unset = UNSET
    error_status: int | RpcStatus | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.async_task_result_object import AsyncTaskResultObject  # noqa: PLC0415
        from ..models.rpc_status import RpcStatus  # noqa: PLC0415

        id: Any = UNSET
        if not isinstance(self.id, Unset):
            id = self.id

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        result: bool | dict[str, Any] | float | list[Any] | None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, AsyncTaskResultObject):
            result = self.result.to_dict()
        elif isinstance(self.result, list):
            result = self.result

        else:
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
        if id is not UNSET:
            field_dict["id"] = id
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any], misfits: list[Misfit] | None = None) -> T:
        """The model of a decoded JSON object. Every field holds its declared type: what does not fit is
        left out (UNSET, or a list item dropped) and appended to `misfits` (types.Misfit, with its path); a
        required field that does not fit is UNSET here, and makes a reader of this model as a nested value
        leave it out. Without `misfits`, anything that does not fit raises MisfitError."""
        if misfits is None:
            return strict(cls.from_dict, src_dict)
        if type(src_dict) is not dict:
            src_dict = as_dict(src_dict)
        id = src_dict.get("id", UNSET)
        if type(id) is not str:
            id = read_plain(misfits, "id", id, STRING, True)

        state = src_dict.get("state", UNSET)
        if state is not UNSET:
            state = read_enum(misfits, "state", state, AsyncTaskState, False)

        status = src_dict.get("status", UNSET)
        if status is not UNSET:
            status = read_enum(misfits, "status", status, AsyncTaskStatus, False)

        result = src_dict.get("result", UNSET)
        if result is not UNSET and result is not None:
            result = _read_result(misfits, "result", result, False)

        error_reason = src_dict.get("error_reason", UNSET)
        if type(error_reason) is not str and error_reason is not UNSET:
            error_reason = read_plain(misfits, "error_reason", error_reason, STRING, False)

        error_status = src_dict.get("error_status", UNSET)
        if error_status is not UNSET:
            error_status = _read_error_status(misfits, "error_status", error_status, False)

        async_task = cls(
            id,
            state,
            status,
            result,
            error_reason,
            error_status,
        )

        if len(src_dict) != (id is not UNSET) + (state is not UNSET) + (status is not UNSET) + (result is not UNSET) + (
            error_reason is not UNSET
        ) + (error_status is not UNSET):
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


def _read_result(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if isinstance(data, Mapping):
        return read_model(misfits, key, data, AsyncTaskResultObject.from_dict, required)
    if isinstance(data, list):
        return read_list_of(misfits, key, data, ANY, required)
    if type(data) is str:
        return data
    if type(data) is float or type(data) is int:
        return data
    if type(data) is bool:
        return data
    if data is None:
        return data
    return read_either(
        misfits,
        key,
        data,
        (STRING | NUMBER | BOOLEAN | NULL),
        "an object, an array, a string, a number, a boolean or null",
        required,
    )


def _read_error_status(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if isinstance(data, Mapping):
        return read_model(misfits, key, data, RpcStatus.from_dict, required)
    if type(data) is int:
        return data
    if type(data) is str:
        return data
    return read_either(misfits, key, data, (INTEGER | STRING), "an object, an integer or a string", required)


from ..models.async_task_result_object import AsyncTaskResultObject  # noqa: E402
from ..models.rpc_status import RpcStatus  # noqa: E402
