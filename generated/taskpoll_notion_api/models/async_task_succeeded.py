from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    NO_FIT,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_const,
    read_datetime,
    read_either,
    read_model,
    read_plain,
    strict,
    try_model,
)

if TYPE_CHECKING:
    from ..models.async_task_operation import AsyncTaskOperation
    from ..models.page import Page
    from ..models.page_markdown import PageMarkdown


T = TypeVar("T", bound="AsyncTaskSucceeded")


@lazy_additional_properties
@_attrs_define
class AsyncTaskSucceeded:
    """A task that completed successfully.

    Attributes:
        object_ (Literal['async_task']):
        id (str):
        status_url (str):
        created_time (datetime.datetime):
        operation (AsyncTaskOperation): The operation the task runs.
        status (Literal['succeeded']):
        result (Page | PageMarkdown): The operation's normal synchronous response, e.g. the page object for POST
            /v1/pages.
    """

    object_: Literal["async_task"]
    id: str
    status_url: str
    created_time: datetime.datetime
    operation: AsyncTaskOperation
    status: Literal["succeeded"]
    result: Page | PageMarkdown
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.page import Page  # noqa: PLC0415

        object_: Any = UNSET
        if not isinstance(self.object_, Unset):
            object_ = self.object_

        id: Any = UNSET
        if not isinstance(self.id, Unset):
            id = self.id

        status_url: Any = UNSET
        if not isinstance(self.status_url, Unset):
            status_url = self.status_url

        created_time: Any = UNSET
        if not isinstance(self.created_time, Unset):
            created_time = self.created_time.isoformat()

        operation: Any = UNSET
        if not isinstance(self.operation, Unset):
            operation = self.operation.to_dict()

        status: Any = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        result: Any = UNSET
        if not isinstance(self.result, Unset):
            if isinstance(self.result, Page):
                result = self.result.to_dict()
            else:
                result = self.result.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if object_ is not UNSET:
            field_dict["object"] = object_
        if id is not UNSET:
            field_dict["id"] = id
        if status_url is not UNSET:
            field_dict["status_url"] = status_url
        if created_time is not UNSET:
            field_dict["created_time"] = created_time
        if operation is not UNSET:
            field_dict["operation"] = operation
        if status is not UNSET:
            field_dict["status"] = status
        if result is not UNSET:
            field_dict["result"] = result

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
        object_ = src_dict.get("object", UNSET)
        object_ = read_const(misfits, "object", object_, "async_task", True)

        id = src_dict.get("id", UNSET)
        if type(id) is not str:
            id = read_plain(misfits, "id", id, STRING, True)

        status_url = src_dict.get("status_url", UNSET)
        if type(status_url) is not str:
            status_url = read_plain(misfits, "status_url", status_url, STRING, True)

        created_time = src_dict.get("created_time", UNSET)
        created_time = read_datetime(misfits, "created_time", created_time, True)

        operation = src_dict.get("operation", UNSET)
        operation = read_model(misfits, "operation", operation, AsyncTaskOperation.from_dict, True)

        status = src_dict.get("status", UNSET)
        status = read_const(misfits, "status", status, "succeeded", True)

        result = src_dict.get("result", UNSET)
        result = _read_result(misfits, "result", result, True)

        async_task_succeeded = cls(
            object_,
            id,
            status_url,
            created_time,
            operation,
            status,
            result,
        )

        if len(src_dict) != (object_ is not UNSET) + (id is not UNSET) + (status_url is not UNSET) + (
            created_time is not UNSET
        ) + (operation is not UNSET) + (status is not UNSET) + (result is not UNSET):
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


def _read_result(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    fitted = try_model(misfits, key, data, Page.from_dict)
    if fitted is not NO_FIT:
        return fitted
    fitted = try_model(misfits, key, data, PageMarkdown.from_dict)
    if fitted is not NO_FIT:
        return fitted
    return read_either(misfits, key, data, None, "a Page object or a PageMarkdown object", required)


from ..models.async_task_operation import AsyncTaskOperation  # noqa: E402
from ..models.page import Page  # noqa: E402
from ..models.page_markdown import PageMarkdown  # noqa: E402
