from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status_response_status import TaskStatusResponseStatus
from ..types import (
    INTEGER,
    NULL,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_enum,
    read_plain,
    strict,
)

T = TypeVar("T", bound="TaskStatusResponse")


@lazy_additional_properties
@_attrs_define
class TaskStatusResponse:
    """
    Attributes:
        task_id (str): Document ID
        status (TaskStatusResponseStatus): Current processing status. `Complete` is the Async Operations page's word for
            a finished document (the published enum says Ready); taskpoll treats both as succeeded.
        progress (int | None | Unset): Progress percentage (reserved for future use)
        error (None | str | Unset): Error message if status is Failed
    """

    task_id: str
    status: TaskStatusResponseStatus
    progress: int | None | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        task_id: Any = UNSET
        if not isinstance(self.task_id, Unset):
            task_id = self.task_id

        status: Any = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        progress: int | None | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if status is not UNSET:
            field_dict["status"] = status
        if progress is not UNSET:
            field_dict["progress"] = progress
        if error is not UNSET:
            field_dict["error"] = error

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
        task_id = src_dict.get("task_id", UNSET)
        if type(task_id) is not str:
            task_id = read_plain(misfits, "task_id", task_id, STRING, True)

        status = src_dict.get("status", UNSET)
        status = read_enum(misfits, "status", status, TaskStatusResponseStatus, True)

        progress = src_dict.get("progress", UNSET)
        if type(progress) is not int and progress is not UNSET and progress is not None:
            progress = read_plain(misfits, "progress", progress, (INTEGER | NULL), False)

        error = src_dict.get("error", UNSET)
        if type(error) is not str and error is not UNSET and error is not None:
            error = read_plain(misfits, "error", error, (STRING | NULL), False)

        task_status_response = cls(
            task_id,
            status,
            progress,
            error,
        )

        if len(src_dict) != (task_id is not UNSET) + (status is not UNSET) + (progress is not UNSET) + (
            error is not UNSET
        ):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            task_status_response.additional_properties = d
        return task_status_response

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
        "task_id",
        "status",
        "progress",
        "error",
    }
)
