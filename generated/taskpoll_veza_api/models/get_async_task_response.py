from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import lazy_additional_properties

if TYPE_CHECKING:
    from ..models.async_task import AsyncTask


T = TypeVar("T", bound="GetAsyncTaskResponse")


@lazy_additional_properties
@_attrs_define
class GetAsyncTaskResponse:
    """Wraps the AsyncTask.

    Attributes:
        task (AsyncTask): A generic asynchronous task.
    """

    task: AsyncTask
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        task = self.task.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task": task,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        task = AsyncTask.from_dict(src_dict["task"])

        get_async_task_response = cls(
            task,
        )

        if len(src_dict) != 1:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            get_async_task_response.additional_properties = d
        return get_async_task_response

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
        "task",
    }
)


from ..models.async_task import AsyncTask  # noqa: E402
