from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import lazy_additional_properties

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
        created_at = self.created_at

        credit_used = self.credit_used

        file_name = self.file_name

        job_id = self.job_id

        merge_tables = self.merge_tables

        message = self.message

        quota_remaining = self.quota_remaining

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "credit_used": credit_used,
                "file_name": file_name,
                "job_id": job_id,
                "merge_tables": merge_tables,
                "message": message,
                "quota_remaining": quota_remaining,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        created_at = src_dict["created_at"]

        credit_used = src_dict["credit_used"]

        file_name = src_dict["file_name"]

        job_id = src_dict["job_id"]

        merge_tables = src_dict["merge_tables"]

        message = src_dict["message"]

        quota_remaining = src_dict["quota_remaining"]

        status = src_dict["status"]

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

        if len(src_dict) != 8:
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
