from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_list_status import TaskListStatus
from ..types import (
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

T = TypeVar("T", bound="TaskListEntry")


@lazy_additional_properties
@_attrs_define
class TaskListEntry:
    """
    Attributes:
        action (str | Unset): The action of the Aryn API the async task was submitted to.
        task_status (TaskListStatus | Unset): The state of the async task.
    """

    action: str | Unset = UNSET
    task_status: TaskListStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        task_status: str | Unset = UNSET
        if not isinstance(self.task_status, Unset):
            task_status = self.task_status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if action is not UNSET:
            field_dict["action"] = action
        if task_status is not UNSET:
            field_dict["task_status"] = task_status

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
        action = src_dict.get("action", UNSET)
        if type(action) is not str and action is not UNSET:
            action = read_plain(misfits, "action", action, STRING, False)

        task_status = src_dict.get("task_status", UNSET)
        if task_status is not UNSET:
            task_status = read_enum(misfits, "task_status", task_status, TaskListStatus, False)

        task_list_entry = cls(
            action,
            task_status,
        )

        if len(src_dict) != (action is not UNSET) + (task_status is not UNSET):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            task_list_entry.additional_properties = d
        return task_list_entry

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
        "action",
        "task_status",
    }
)
