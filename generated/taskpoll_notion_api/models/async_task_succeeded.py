from __future__ import annotations

import datetime
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

from ..types import (
    DEFERRED,
    DeferredField,
    defer_model_field,
    lazy_additional_properties,
)

if TYPE_CHECKING:
    from ..models.async_task_operation import AsyncTaskOperation
    from ..models.async_task_succeeded_result import AsyncTaskSucceededResult


T = TypeVar("T", bound="AsyncTaskSucceeded")


@lazy_additional_properties
@_attrs_define
class AsyncTaskSucceeded(DeferredField):
    """A task that completed successfully.

    Attributes:
        object_ (Literal['async_task']):
        id (str):
        status_url (str):
        created_time (datetime.datetime):
        operation (AsyncTaskOperation): The operation the task runs.
        status (Literal['succeeded']):
        result (AsyncTaskSucceededResult): The operation's normal synchronous response, e.g. the page object for POST
            /v1/pages.
    """

    object_: Literal["async_task"]
    id: str
    status_url: str
    created_time: datetime.datetime
    operation: AsyncTaskOperation
    status: Literal["succeeded"]
    result: AsyncTaskSucceededResult
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        id = self.id

        status_url = self.status_url

        created_time = self.created_time.isoformat()

        operation = self.operation.to_dict()

        status = self.status

        result = self.result.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "id": id,
                "status_url": status_url,
                "created_time": created_time,
                "operation": operation,
                "status": status,
                "result": result,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        object_ = cast(Literal["async_task"], src_dict["object"])
        if object_ != "async_task":
            raise ValueError(f"object must match const 'async_task', got '{object_}'")

        id = src_dict["id"]

        status_url = src_dict["status_url"]

        created_time = datetime.datetime.fromisoformat(src_dict["created_time"])

        operation = AsyncTaskOperation.from_dict(src_dict["operation"])

        status = cast(Literal["succeeded"], src_dict["status"])
        if status != "succeeded":
            raise ValueError(f"status must match const 'succeeded', got '{status}'")

        result_input = src_dict["result"]
        if type(result_input) is dict:
            result = DEFERRED
        else:
            result = AsyncTaskSucceededResult.from_dict(result_input)

        async_task_succeeded = cls(
            object_,
            id,
            status_url,
            created_time,
            operation,
            status,
            result,
        )
        if result is DEFERRED:
            async_task_succeeded._deferred = result_input

        if len(src_dict) != 7:
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            async_task_succeeded.additional_properties = d
        return async_task_succeeded

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
        "id",
        "status_url",
        "created_time",
        "operation",
        "status",
        "result",
    }
)


from ..models.async_task_operation import AsyncTaskOperation  # noqa: E402
from ..models.async_task_succeeded_result import AsyncTaskSucceededResult  # noqa: E402

defer_model_field(AsyncTaskSucceeded, "result", AsyncTaskSucceededResult.from_dict)
