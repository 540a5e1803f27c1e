from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..types import (
    BOOLEAN,
    INTEGER,
    NULL,
    STRING,
    UNSET,
    Misfit,
    Unset,
    as_dict,
    lazy_additional_properties,
    read_either,
    read_model,
    read_models,
    read_plain,
    strict,
)

if TYPE_CHECKING:
    from ..models.chunk import Chunk
    from ..models.parse_get_response_configuration_type_0 import (
        ParseGetResponseConfigurationType0,
    )
    from ..models.parse_get_response_metadata import ParseGetResponseMetadata


T = TypeVar("T", bound="ParseGetResponse")


@lazy_additional_properties
@_attrs_define
class ParseGetResponse:
    """Response body for `GET /parse/{job_id}`.

    Fields marked as optional appear only when the job has reached the relevant status.

        Attributes:
            created_at (str): ISO 8601 timestamp when the job was created.
            job_id (str): Job identifier.
            status (JobStatus | str): Current job status: `Starting`, `Processing`, `Succeeded`, `Failed`, or `Cancelled`.
            chunks (list[Chunk] | None | Unset): Array of document chunks with segments and extracted content. Present when
                status is `Succeeded`.
            configuration (None | ParseGetResponseConfigurationType0 | Unset): Configuration used for this job (mirrors the
                parameters submitted at creation time). Kept free-form; see specs/corrections/unsiloed.yaml.
            credit_used (int | None | Unset): Credits used for this job.
            file_name (None | str | Unset): Original file name from the job record.
            file_type (None | str | Unset): MIME type of the uploaded file.
            file_url (None | str | Unset): S3 URL of the original uploaded file.
            finished_at (None | str | Unset): ISO 8601 timestamp when processing completed. Present when status is
                `Succeeded` or `Failed`.
            id (None | str | Unset): Internal Supabase job record ID.
            merge_tables (bool | None | Unset): Whether table merging was enabled for this job.
            message (None | str | Unset): Error or status detail message. Present when status is `Failed`.
            metadata (ParseGetResponseMetadata | Unset): Citation or job metadata. Populated when `xml_citation` is enabled
                or from the job record.
            page_count (int | None | Unset): Number of pages in the document. Present when status is `Succeeded`.
            pdf_url (None | str | Unset): Presigned S3 URL to the generated PDF. Present when status is `Succeeded`.
            started_at (None | str | Unset): ISO 8601 timestamp when processing started. Present when status is not
                `Starting`.
            total_chunks (int | None | Unset): Total number of document chunks. Present when status is `Succeeded`.
    """

    created_at: str
    job_id: str
    status: JobStatus | str
    chunks: list[Chunk] | None | Unset = UNSET
    configuration: None | ParseGetResponseConfigurationType0 | Unset = UNSET
    credit_used: int | None | Unset = UNSET
    file_name: None | str | Unset = UNSET
    file_type: None | str | Unset = UNSET
    file_url: None | str | Unset = UNSET
    finished_at: None | str | Unset = UNSET
    id: None | str | Unset = UNSET
    merge_tables: bool | None | Unset = UNSET
    message: None | str | Unset = UNSET
    metadata: ParseGetResponseMetadata | Unset = UNSET
    page_count: int | None | Unset = UNSET
    pdf_url: None | str | Unset = UNSET
    started_at: None | str | Unset = UNSET
    total_chunks: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.parse_get_response_configuration_type_0 import (
            ParseGetResponseConfigurationType0,  # noqa: PLC0415
        )

        created_at: Any = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at

        job_id: Any = UNSET
        if not isinstance(self.job_id, Unset):
            job_id = self.job_id

        status: Any = UNSET
        if not isinstance(self.status, Unset):
            if isinstance(self.status, JobStatus):
                status = self.status.value
            else:
                status = self.status

        chunks: list[dict[str, Any]] | None | Unset
        if isinstance(self.chunks, Unset):
            chunks = UNSET
        elif isinstance(self.chunks, list):
            chunks = []
            for chunks_type_0_item_data in self.chunks:
                chunks_type_0_item = chunks_type_0_item_data.to_dict()
                chunks.append(chunks_type_0_item)

        else:
            chunks = self.chunks

        configuration: dict[str, Any] | None | Unset
        if isinstance(self.configuration, Unset):
            configuration = UNSET
        elif isinstance(self.configuration, ParseGetResponseConfigurationType0):
            configuration = self.configuration.to_dict()
        else:
            configuration = self.configuration

        credit_used: int | None | Unset
        if isinstance(self.credit_used, Unset):
            credit_used = UNSET
        else:
            credit_used = self.credit_used

        file_name: None | str | Unset
        if isinstance(self.file_name, Unset):
            file_name = UNSET
        else:
            file_name = self.file_name

        file_type: None | str | Unset
        if isinstance(self.file_type, Unset):
            file_type = UNSET
        else:
            file_type = self.file_type

        file_url: None | str | Unset
        if isinstance(self.file_url, Unset):
            file_url = UNSET
        else:
            file_url = self.file_url

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        else:
            finished_at = self.finished_at

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        merge_tables: bool | None | Unset
        if isinstance(self.merge_tables, Unset):
            merge_tables = UNSET
        else:
            merge_tables = self.merge_tables

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        page_count: int | None | Unset
        if isinstance(self.page_count, Unset):
            page_count = UNSET
        else:
            page_count = self.page_count

        pdf_url: None | str | Unset
        if isinstance(self.pdf_url, Unset):
            pdf_url = UNSET
        else:
            pdf_url = self.pdf_url

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        else:
            started_at = self.started_at

        total_chunks: int | None | Unset
        if isinstance(self.total_chunks, Unset):
            total_chunks = UNSET
        else:
            total_chunks = self.total_chunks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if status is not UNSET:
            field_dict["status"] = status
        if chunks is not UNSET:
            field_dict["chunks"] = chunks
        if configuration is not UNSET:
            field_dict["configuration"] = configuration
        if credit_used is not UNSET:
            field_dict["credit_used"] = credit_used
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if file_type is not UNSET:
            field_dict["file_type"] = file_type
        if file_url is not UNSET:
            field_dict["file_url"] = file_url
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if id is not UNSET:
            field_dict["id"] = id
        if merge_tables is not UNSET:
            field_dict["merge_tables"] = merge_tables
        if message is not UNSET:
            field_dict["message"] = message
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if page_count is not UNSET:
            field_dict["page_count"] = page_count
        if pdf_url is not UNSET:
            field_dict["pdf_url"] = pdf_url
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if total_chunks is not UNSET:
            field_dict["total_chunks"] = total_chunks

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

        job_id = src_dict.get("job_id", UNSET)
        if type(job_id) is not str:
            job_id = read_plain(misfits, "job_id", job_id, STRING, True)

        status = src_dict.get("status", UNSET)
        status = _read_status(misfits, "status", status, True)

        chunks = src_dict.get("chunks", UNSET)
        if chunks is not UNSET and chunks is not None:
            chunks = _read_chunks(misfits, "chunks", chunks, False)

        configuration = src_dict.get("configuration", UNSET)
        if configuration is not UNSET and configuration is not None:
            configuration = _read_configuration(misfits, "configuration", configuration, False)

        credit_used = src_dict.get("credit_used", UNSET)
        if type(credit_used) is not int and credit_used is not UNSET and credit_used is not None:
            credit_used = read_plain(misfits, "credit_used", credit_used, (INTEGER | NULL), False)

        file_name = src_dict.get("file_name", UNSET)
        if type(file_name) is not str and file_name is not UNSET and file_name is not None:
            file_name = read_plain(misfits, "file_name", file_name, (STRING | NULL), False)

        file_type = src_dict.get("file_type", UNSET)
        if type(file_type) is not str and file_type is not UNSET and file_type is not None:
            file_type = read_plain(misfits, "file_type", file_type, (STRING | NULL), False)

        file_url = src_dict.get("file_url", UNSET)
        if type(file_url) is not str and file_url is not UNSET and file_url is not None:
            file_url = read_plain(misfits, "file_url", file_url, (STRING | NULL), False)

        finished_at = src_dict.get("finished_at", UNSET)
        if type(finished_at) is not str and finished_at is not UNSET and finished_at is not None:
            finished_at = read_plain(misfits, "finished_at", finished_at, (STRING | NULL), False)

        id = src_dict.get("id", UNSET)
        if type(id) is not str and id is not UNSET and id is not None:
            id = read_plain(misfits, "id", id, (STRING | NULL), False)

        merge_tables = src_dict.get("merge_tables", UNSET)
        if type(merge_tables) is not bool and merge_tables is not UNSET and merge_tables is not None:
            merge_tables = read_plain(misfits, "merge_tables", merge_tables, (BOOLEAN | NULL), False)

        message = src_dict.get("message", UNSET)
        if type(message) is not str and message is not UNSET and message is not None:
            message = read_plain(misfits, "message", message, (STRING | NULL), False)

        metadata = src_dict.get("metadata", UNSET)
        if metadata is not UNSET:
            metadata = read_model(misfits, "metadata", metadata, ParseGetResponseMetadata.from_dict, False)

        page_count = src_dict.get("page_count", UNSET)
        if type(page_count) is not int and page_count is not UNSET and page_count is not None:
            page_count = read_plain(misfits, "page_count", page_count, (INTEGER | NULL), False)

        pdf_url = src_dict.get("pdf_url", UNSET)
        if type(pdf_url) is not str and pdf_url is not UNSET and pdf_url is not None:
            pdf_url = read_plain(misfits, "pdf_url", pdf_url, (STRING | NULL), False)

        started_at = src_dict.get("started_at", UNSET)
        if type(started_at) is not str and started_at is not UNSET and started_at is not None:
            started_at = read_plain(misfits, "started_at", started_at, (STRING | NULL), False)

        total_chunks = src_dict.get("total_chunks", UNSET)
        if type(total_chunks) is not int and total_chunks is not UNSET and total_chunks is not None:
            total_chunks = read_plain(misfits, "total_chunks", total_chunks, (INTEGER | NULL), False)

        parse_get_response = cls(
            created_at,
            job_id,
            status,
            chunks,
            configuration,
            credit_used,
            file_name,
            file_type,
            file_url,
            finished_at,
            id,
            merge_tables,
            message,
            metadata,
            page_count,
            pdf_url,
            started_at,
            total_chunks,
        )

        if len(src_dict) != (created_at is not UNSET) + (job_id is not UNSET) + (status is not UNSET) + (
            chunks is not UNSET
        ) + (configuration is not UNSET) + (credit_used is not UNSET) + (file_name is not UNSET) + (
            file_type is not UNSET
        ) + (file_url is not UNSET) + (finished_at is not UNSET) + (id is not UNSET) + (merge_tables is not UNSET) + (
            message is not UNSET
        ) + (metadata is not UNSET) + (page_count is not UNSET) + (pdf_url is not UNSET) + (started_at is not UNSET) + (
            total_chunks is not UNSET
        ):
            d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
            parse_get_response.additional_properties = d
        return parse_get_response

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
        "job_id",
        "status",
        "chunks",
        "configuration",
        "credit_used",
        "file_name",
        "file_type",
        "file_url",
        "finished_at",
        "id",
        "merge_tables",
        "message",
        "metadata",
        "page_count",
        "pdf_url",
        "started_at",
        "total_chunks",
    }
)


def _read_status(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    try:
        return JobStatus(data)
    except (ValueError, TypeError):
        pass
    if type(data) is str:
        return data
    return read_either(
        misfits,
        key,
        data,
        STRING,
        "one of 'Starting', 'AwaitingUpload', 'Queued', 'Processing', 'Succeeded', 'Failed', 'Cancelled' or a string",
        required,
    )


def _read_chunks(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if isinstance(data, list):
        return read_models(misfits, key, data, Chunk.from_dict, required)
    if data is None:
        return data
    return read_either(misfits, key, data, NULL, "an array or null", required)


def _read_configuration(misfits: list[Misfit], key: str, data: Any, required: bool) -> Any:
    if isinstance(data, Mapping):
        return read_model(misfits, key, data, ParseGetResponseConfigurationType0.from_dict, required)
    if data is None:
        return data
    return read_either(misfits, key, data, NULL, "an object or null", required)


from ..models.chunk import Chunk  # noqa: E402
from ..models.parse_get_response_configuration_type_0 import (
    ParseGetResponseConfigurationType0,  # noqa: E402
)
from ..models.parse_get_response_metadata import ParseGetResponseMetadata  # noqa: E402
