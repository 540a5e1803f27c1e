from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Misfit,
    as_dict,
    lazy_additional_properties,
    read_model,
    strict,
)

if TYPE_CHECKING:
    from ..models.task_list_entry import TaskListEntry


T = TypeVar("T", bound="TaskListTasks")


@lazy_additional_properties
@_attrs_define
class TaskListTasks:
    """A map of task ids to task details."""

    additional_properties: dict[str, TaskListEntry] = _attrs_field(init=False)

    def __init__(self, **additional_properties: TaskListEntry) -> None:
        """An open object, its keys given as keywords; they are its `additional_properties`."""
        if additional_properties:
            self.additional_properties = additional_properties

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any], misfits: list[Misfit] | None = None) -> T:
        """The model of a decoded JSON object. Every field holds its declared type: what does not fit is
        left out (UNSET, or a list item dropped) and appended to `misfits` (types.Misfit, with its path); a
        required field that does not fit is UNSET here, and makes a reader of this model as a nested value
        leave it out. Without `misfits`, anything that does not fit raises MisfitError."""
        if misfits is None:
            return strict(cls.from_dict, src_dict)
        d = as_dict(src_dict)
        task_list_tasks = cls()

        if d:
            additional_properties = {}
            for prop_name, prop in d.items():
                prop = _read_additional_property(misfits, prop_name, prop, False)
                if prop is not UNSET:
                    additional_properties[prop_name] = prop

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


def _read_additional_property(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    data = read_model(misfits, key, data, TaskListEntry.from_dict, required)

    return data


from ..models.task_list_entry import TaskListEntry  # noqa: E402
