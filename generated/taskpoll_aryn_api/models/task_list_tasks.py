from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import lazy_additional_properties

if TYPE_CHECKING:
    from ..models.task_list_entry import TaskListEntry


T = TypeVar("T", bound="TaskListTasks")


@lazy_additional_properties
@_attrs_define
class TaskListTasks:
    """A map of task ids to task details."""

    additional_properties: dict[str, TaskListEntry] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_list_tasks = cls()

        if d:
            additional_properties = {}
            for prop_name, prop_dict in d.items():
                additional_property = TaskListEntry.from_dict(prop_dict)

                additional_properties[prop_name] = additional_property

            task_list_tasks.additional_properties = additional_properties
        return task_list_tasks

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> TaskListEntry:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: TaskListEntry) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.task_list_entry import TaskListEntry  # noqa: E402
