from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    BOOLEAN,
    INTEGER,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_plain,
    strict,
)

T = TypeVar("T", bound="ParseCreateResponse")


@lazy_additional_properties
@_attrs_define
class ParseCreateResponse:
    """Response body for a successful `POST /parse` call.

    Attributes:
        created_at (str): ISO 8601 timestamp when the job was created.
        credit_used (int): Number of pages deducted from your quota for this job.
        file_name (str): Name of the uploaded file or `"unknown"` when a URL was provided.
        job_id (str): Job identifier — pass this to `GET /parse/{job_id}` to poll for results.
        merge_tables (bool): Whether table merging is enabled for this job (reflects the submitted `merge_tables`
            value).
        message (str): Human-readable status message with a polling hint.
        quota_remaining (int): Remaining page quota after this job was deducted.
        status (str): Initial job status. Always `"Starting"` on creation.
    """

    created_at: str
    credit_used: int
    file_name: str
    job_id: str
    merge_tables: bool
    message: str
    quota_remaining: int
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        created_at: Any = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at

        credit_used: Any = UNSET
        if not isinstance(self.credit_used, Unset):
            credit_used = self.credit_used

        file_name: Any = UNSET
        if not isinstance(self.file_name, Unset):
            file_name = self.file_name

        job_id: Any = UNSET
        if not isinstance(self.job_id, Unset):
            job_id = self.job_id

        merge_tables: Any = UNSET
        if not isinstance(self.merge_tables, Unset):
            merge_tables = self.merge_tables

        message: Any = UNSET
        if not isinstance(self.message, Unset):
            message = self.message

        quota_remaining: Any = UNSET
        if not isinstance(self.quota_remaining, Unset):
            quota_remaining = self.quota_remaining

        status: Any = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if credit_used is not UNSET:
            field_dict["credit_used"] = credit_used
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if merge_tables is not UNSET:
            field_dict["merge_tables"] = merge_tables
        if message is not UNSET:
            field_dict["message"] = message
        if quota_remaining is not UNSET:
            field_dict["quota_remaining"] = quota_remaining
        if status is not UNSET:
            field_dict["status"] = status

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
        created_at = src_dict.get("created_at", UNSET)
        if type(created_at) is not str:
            created_at = read_plain(misfits, "created_at", created_at, STRING, True)

        credit_used = src_dict.get("credit_used", UNSET)
        if type(credit_used) is not int:
            credit_used = read_plain(misfits, "credit_used", credit_used, INTEGER, True)

        file_name = src_dict.get("file_name", UNSET)
        if type(file_name) is not str:
            file_name = read_plain(misfits, "file_name", file_name, STRING, True)

        job_id = src_dict.get("job_id", UNSET)
        if type(job_id) is not str:
            job_id = read_plain(misfits, "job_id", job_id, STRING, True)

        merge_tables = src_dict.get("merge_tables", UNSET)
        if type(merge_tables) is not bool:
            merge_tables = read_plain(misfits, "merge_tables", merge_tables, BOOLEAN, True)

        message = src_dict.get("message", UNSET)
        if type(message) is not str:
            message = read_plain(misfits, "message", message, STRING, True)

        quota_remaining = src_dict.get("quota_remaining", UNSET)
        if type(quota_remaining) is not int:
            quota_remaining = read_plain(misfits, "quota_remaining", quota_remaining, INTEGER, True)

        status = src_dict.get("status", UNSET)
        if type(status) is not str:
            status = read_plain(misfits, "status", status, STRING, True)

        parse_create_response = cls(
            created_at,
            credit_used,
            file_name,
            job_id,
            merge_tables,
            message,
            quota_remaining,
            status,
        )

        if len(src_dict) != (created_at is not UNSET) + (credit_used is not UNSET) + (file_name is not UNSET) + (
            job_id is not UNSET
        ) + (merge_tables is not UNSET) + (message is not UNSET) + (quota_remaining is not UNSET) + (
            status is not UNSET
        ):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            parse_create_response.additional_properties = d
        return parse_create_response

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
        "created_at",
        "credit_used",
        "file_name",
        "job_id",
        "merge_tables",
        "message",
        "quota_remaining",
        "status",
    }
)
