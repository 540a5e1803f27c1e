from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import lazy_additional_properties

if TYPE_CHECKING:
    from ..models.task_list_tasks import TaskListTasks


T = TypeVar("T", bound="TaskList")


@lazy_additional_properties
@_attrs_define
class TaskList:
    """
    Attributes:
        tasks (TaskListTasks): A map of task ids to task details.
    """

    tasks: TaskListTasks
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        tasks = self.tasks.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tasks": tasks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        tasks = TaskListTasks.from_dict(src_dict["tasks"])

        task_list = cls(
            tasks,
        )

        if len(src_dict) != 1:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            task_list.additional_properties = d
        return task_list

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
        "tasks",
    }
)


from ..models.task_list_tasks import TaskListTasks  # noqa: E402
