"""Unsiloed's published answers to `GET /parse/{job_id}`, written by hand in the shape each source shows.

Sources: Unsiloed-AI/docs_v2 @738b442 (the "Get Parse Result" page, its OpenAPI documents, the
parse-document pages) and unsiloed-sdk 0.1.7 on PyPI (its ParseResponse model and error handling).
"""

from __future__ import annotations

from typing import Any

from taskpoll_unsiloed_api.types import Unset

import taskpoll
from taskpoll.providers.unsiloed import Segment, SegmentType

from . import Case

DOCS = "Unsiloed-AI/docs_v2@738b44234c5fd44d63df8aa515a1887fb389f7e4"
STATUS_PAGE = f"{DOCS}:api-reference/parser/get-parse-job-status.mdx"
OPENAPI_V1 = f"{DOCS}:api-reference/parser/openapi-v1.json"
OPENAPI_MAIN = f"{DOCS}:api-reference/openapi.json"
PARSE_PAGE = f"{DOCS}:api-reference/parser/parse-document.mdx"
JOB = "04a7a6d8-5ef7-465a-b22a-8a98e7104dd9"
CREATED = "2025-10-22T06:51:16.870302Z"
STARTED = "2025-10-22T06:51:16.966136Z"


def case(name: str, source: str, body: Any, **kwargs: Any) -> Case:
    return Case("unsiloed", name, source, body, **kwargs)


DROP: Any = object()  # picture_segment(key=DROP): the key is left out


def picture_segment(**changes: Any) -> dict[str, Any]:
    """The segment of the docs' Succeeded example (l.248-277), with its OCR list reduced to one word."""
    segment: dict[str, Any] = {
        "segment_type": "Picture",
        "content": "eternal",
        "image": "https://s3.us-east-1.amazonaws.com/unsiloed-bucket/...",
        "page_number": 1,
        "segment_id": "1c60ecbd-b6da-493c-b3f6-6849337a981f",
        "confidence": 0.6062846,
        "page_width": 1191.0,
        "page_height": 1684.0,
        "html": "<p>The image displays a logo...</p>",
        "markdown": "Eternal Logo\n\nThe image displays a logo...",
        "bbox": {"left": 72.92226, "top": 62.030334, "width": 230.36308, "height": 55.395317},
        "ocr": [
            {
                "bbox": {"left": 63.753525, "top": 5.395447, "width": 164.45312, "height": 42.757812},
                "text": "eternal",
                "confidence": 0.9999992,
            }
        ],
    }
    segment.update(changes)
    return {k: v for k, v in segment.items() if v is not DROP}


def succeeded(segments: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    """The docs' Succeeded example (l.216-282): every top-level key, one chunk."""
    return {
        "job_id": JOB,
        "status": "Succeeded",
        "created_at": CREATED,
        "started_at": STARTED,
        "finished_at": "2025-10-22T06:57:19.821541Z",
        "metadata": {},
        "total_chunks": 25,
        "page_count": 10,
        "pdf_url": "https://s3.us-east-1.amazonaws.com/unsiloed-bucket/output.pdf?...",
        "file_name": "document.pdf",
        "file_type": "application/pdf",
        "credit_used": 10,
        "merge_tables": False,
        "configuration": {
            "high_resolution": False,
            "ocr_strategy": "Auto",
            "ocr_engine": "Default",
            "segmentation_strategy": "LayoutAnalysis",
            "segment_type_naming": "Default",
            "error_handling": "Continue",
            "chunk_processing": {},
            "segment_processing": {},
            "llm_processing": {},
        },
        "chunks": [
            {
                "chunk_id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
                "chunk_length": 128,
                "embed": "eternal logo the image displays a logo...",
                "segments": segments,
            }
        ],
        **extra,
    }


def without_embed(body: dict[str, Any]) -> dict[str, Any]:
    """The body with `embed` left out of its chunks (`output_fields` with `"embed": false`)."""
    return {**body, "chunks": [{k: v for k, v in c.items() if k != "embed"} for c in body["chunks"]]}


def first_segment(task: Any) -> Segment:
    assert isinstance(task, taskpoll.Task) and task.result is not None
    chunks = task.result.chunks
    assert isinstance(chunks, list) and len(chunks) == 1
    segment = chunks[0].segments[0]
    assert isinstance(segment, Segment)
    return segment


def check_docs_example(task: Any) -> None:
    segment = first_segment(task)
    assert segment.segment_type is SegmentType.PICTURE and segment.html == "<p>The image displays a logo...</p>"
    assert isinstance(segment.ocr, list) and segment.ocr[0].text == "eternal"
    assert segment.bbox is not None and segment.bbox.width == 230.36308
    assert task.result.total_chunks == 25 and task.result.configuration["ocr_engine"] == "Default"
    assert task.finished_at is not None and task.finished_at.minute == 57


def check_without_metadata(task: Any) -> None:
    assert isinstance(task.result.metadata, Unset) and task.result.total_chunks == 25
    assert first_segment(task).ocr[0].text == "eternal"


def check_output_fields(task: Any) -> None:
    segment = first_segment(task)
    assert isinstance(segment.html, Unset) and isinstance(segment.markdown, Unset)
    assert segment.content == "eternal" and segment.segment_type is SegmentType.PICTURE


def check_bare_segment(task: Any) -> None:
    segment = first_segment(task)
    assert isinstance(segment.content, Unset) and isinstance(segment.ocr, Unset) and segment.page_number == 1


def check_other_naming(task: Any) -> None:
    assert first_segment(task).segment_type == "Figure"  # an open name, kept as the raw string


def check_every_optional_field(task: Any) -> None:
    segment = first_segment(task)
    assert segment.segment_type_display == "Picture" and segment.references == []
    assert segment.llm == "A logo." and isinstance(segment.ocr, list)
    color = segment.ocr[0].color
    assert color is not None and not isinstance(color, Unset) and color.hex_ == "#1a1a1a"
    assert segment.ocr[0].link == "https://eternal.com"
    assert task.result.file_url == "s3://unsiloed-bucket/uploads/document.pdf" and task.result.id == "42"


def check_message(expected: str) -> Any:
    def check(error: Any) -> None:
        assert isinstance(error, taskpoll.APIError) and error.message == expected, error

    return check


def check_rate_limit(error: Any) -> None:
    assert isinstance(error, taskpoll.RateLimitError) and error.is_transient and error.retry_after == 30.0


def check_usage_cap(error: Any) -> None:
    assert isinstance(error, taskpoll.QuotaExceededError) and not error.is_transient
    assert error.status_code == 429 and error.message == "Usage limit exceeded" and error.retry_after is None


CASES = [
    case(
        "starting",
        f"{STATUS_PAGE}:197-204 (Starting Job)",
        {"job_id": JOB, "status": "Starting", "created_at": CREATED, "metadata": {}},
        state=taskpoll.TaskState.PENDING,
        raw_status="Starting",
    ),
    case(
        "processing",
        f"{STATUS_PAGE}:206-214 (Processing Job)",
        {"job_id": JOB, "status": "Processing", "created_at": CREATED, "started_at": STARTED, "metadata": {}},
        state=taskpoll.TaskState.RUNNING,
        raw_status="Processing",
    ),
    case(
        "awaiting-upload",
        f"{DOCS}:api-reference/parser/parse-document-v2.mdx:21,265 (AwaitingUpload -> Queued; no body shown: "
        "reduced: the Starting example's keys with this status)",
        {"job_id": JOB, "status": "AwaitingUpload", "created_at": CREATED, "metadata": {}},
        state=taskpoll.TaskState.PENDING,
    ),
    case(
        "queued",
        f"{DOCS}:api-reference/parser/parse-document-v2.mdx:21,265 (no body shown: reduced: the Starting "
        "example's keys with this status)",
        {"job_id": JOB, "status": "Queued", "created_at": CREATED, "metadata": {}},
        state=taskpoll.TaskState.PENDING,
    ),
    case(
        "succeeded",
        f"{STATUS_PAGE}:216-282 (Succeeded Job; reduced: the OCR list of its one segment kept as shown)",
        succeeded([picture_segment()]),
        state=taskpoll.TaskState.SUCCEEDED,
        raw_status="Succeeded",
        check=check_docs_example,
    ),
    case(
        "succeeded-main-spec-fields",
        f"{OPENAPI_MAIN} (GET /parse/{{job_id}} 200: job_id, status, created_at, started_at, finished_at, "
        "total_chunks, chunks, none required; the fields seed 003 lists, no metadata) with the values of "
        f"{STATUS_PAGE}:216-282 (reduced: one segment)",
        {
            key: value
            for key, value in succeeded([picture_segment()]).items()
            if key in ("job_id", "status", "created_at", "started_at", "finished_at", "total_chunks", "chunks")
        },
        state=taskpoll.TaskState.SUCCEEDED,
        check=check_without_metadata,
    ),
    case(
        "succeeded-output-fields",
        f"{OPENAPI_V1}:1681-1733 (OutputFieldsConfig: html/markdown false leaves them out) applied to "
        f"{STATUS_PAGE}:216-282 (reduced: one segment)",
        succeeded([picture_segment(html=DROP, markdown=DROP)]),
        state=taskpoll.TaskState.SUCCEEDED,
        check=check_output_fields,
    ),
    case(
        "succeeded-output-fields-bare",
        f"{OPENAPI_V1}:1681-1733 (OutputFieldsConfig: every segment field false: bbox, confidence, content, "
        f"embed, html, image, llm, markdown, ocr) applied to {STATUS_PAGE}:216-282 (reduced: one segment)",
        without_embed(
            succeeded(
                [
                    picture_segment(
                        content=DROP, html=DROP, markdown=DROP, ocr=DROP, bbox=DROP, confidence=DROP, image=DROP
                    )
                ]
            )
        ),
        state=taskpoll.TaskState.SUCCEEDED,
        check=check_bare_segment,
    ),
    case(
        "succeeded-other-naming",
        f"{OPENAPI_V1} (ParseCreateRequest.segment_type_naming: `Other` gives e.g. `Header`, `List Item`, "
        f"`Figure`) applied to {STATUS_PAGE}:216-282 (reduced: one segment)",
        succeeded([picture_segment(segment_type="Figure")]),
        state=taskpoll.TaskState.SUCCEEDED,
        check=check_other_naming,
    ),
    case(
        "succeeded-every-optional-field",
        f"{OPENAPI_V1}:2020-2254 (ParseGetResponse), 2255- (Segment), OCRResult, TextColor: every property "
        f"the schemas list; values from {STATUS_PAGE}:216-282 (reduced: one segment, one OCR word)",
        succeeded(
            [
                picture_segment(
                    llm="A logo.",
                    chart_data=None,
                    references=[],
                    segment_type_display="Picture",
                    ocr=[
                        {
                            "bbox": {"left": 63.753525, "top": 5.395447, "width": 164.45312, "height": 42.757812},
                            "text": "eternal",
                            "confidence": 0.9999992,
                            "color": {"r": 26, "g": 26, "b": 26, "hex": "#1a1a1a"},
                            "link": "https://eternal.com",
                        }
                    ],
                )
            ],
            file_url="s3://unsiloed-bucket/uploads/document.pdf",
            id="42",
            message=None,
        ),
        state=taskpoll.TaskState.SUCCEEDED,
        check=check_every_optional_field,
    ),
    case(
        "succeeded-sdk-fields",
        "unsiloed-sdk 0.1.7 (PyPI) unsiloed_sdk/models.py:28-50 (ParseResponse: quota_remaining, error, "
        "result, validate_table_segments, keep_segment_types besides the documented keys; reduced: "
        f"{STATUS_PAGE}:216-282 with one segment)",
        succeeded(
            [picture_segment()],
            quota_remaining=990,
            error=None,
            result=None,
            validate_table_segments=False,
            keep_segment_types="all",
        ),
        state=taskpoll.TaskState.SUCCEEDED,
        check=check_docs_example,
    ),
    case(
        "failed",
        f"{STATUS_PAGE}:284-293 (Failed Job)",
        {
            "job_id": JOB,
            "status": "Failed",
            "created_at": CREATED,
            "started_at": STARTED,
            "finished_at": "2025-10-22T06:51:25.123456Z",
            "metadata": {},
            "message": "Failed to process document: File appears to be corrupted",
        },
        state=taskpoll.TaskState.FAILED,
        check=lambda task: task.error.message == "Failed to process document: File appears to be corrupted",
    ),
    case(
        "cancelled",
        f"{STATUS_PAGE}:40, 325-327 (Cancelled; no body shown: reduced: the Starting example's keys with this status)",
        {"job_id": JOB, "status": "Cancelled", "created_at": CREATED, "started_at": STARTED, "metadata": {}},
        state=taskpoll.TaskState.CANCELED,
    ),
    case(
        "sdk-lowercase-completed",
        "unsiloed-sdk 0.1.7 unsiloed_sdk/client.py:264 (parse_and_wait also stops on `completed`; a word of "
        f"the classify/split jobs, {DOCS}:api-reference/classification/get-classification-status.mdx:22, "
        "never shown for parse jobs: UNKNOWN, polling on)",
        {"job_id": JOB, "status": "completed", "created_at": CREATED, "metadata": {}},
        state=taskpoll.TaskState.UNKNOWN,
        raw_status="completed",
    ),
    case(
        "not-found-json-string",
        f"{STATUS_PAGE}:296-298 (Error Response - Job Not Found: a JSON string)",
        f"Job {JOB} not found",
        status=404,
        error=taskpoll.NotFoundError,
        check=check_message(f"Job {JOB} not found"),
    ),
    case(
        "not-found-text",
        f"{OPENAPI_V1} (GET /parse/{{job_id}} 404: text/plain string; the text as the docs' example)",
        f"Job {JOB} not found",
        status=404,
        content_type="text/plain",
        error=taskpoll.NotFoundError,
        check=check_message(f"Job {JOB} not found"),
    ),
    case(
        "not-found-detail",
        f"{OPENAPI_MAIN} (GET /parse/{{job_id}} 404: {{detail: string}}; the text as the docs' example)",
        {"detail": f"Job {JOB} not found"},
        status=404,
        error=taskpoll.NotFoundError,
        check=check_message(f"Job {JOB} not found"),
    ),
    case(
        "validation-error",
        f"{OPENAPI_MAIN} (GET /parse/{{job_id}} 422: {{detail: array}}; items in FastAPI's shape)",
        {"detail": [{"loc": ["path", "job_id"], "msg": "field required", "type": "value_error.missing"}]},
        status=422,
        error=taskpoll.BadRequestError,
    ),
    case(
        "server-error",
        f"{STATUS_PAGE}:300-302 (Error Response - Server Error: a JSON string)",
        "Internal server error",
        status=500,
        error=taskpoll.ServerError,
        check=check_message("Internal server error"),
    ),
    case(
        "unauthorized",
        f"{OPENAPI_MAIN} (/org/get_usage 401 detail example: the api-key check every endpoint shares)",
        {"detail": "API key is required. Please provide 'api-key' in the request header."},
        status=401,
        error=taskpoll.AuthenticationError,
    ),
    case(
        "rate-limited",
        f"{PARSE_PAGE}:1176 (429 plain text `Rate limit exceeded`; a Retry-After may be added by Envoy/Istio)",
        "Rate limit exceeded",
        status=429,
        content_type="text/plain",
        headers=(("Retry-After", "30"),),
        error=taskpoll.RateLimitError,
        check=check_rate_limit,
    ),
    case(
        "usage-limit-exceeded",
        f"{PARSE_PAGE}:1175 (429 plain text `Usage limit exceeded`: the billing cap, no Retry-After)",
        "Usage limit exceeded",
        status=429,
        content_type="text/plain",
        error=taskpoll.QuotaExceededError,
        check=check_usage_cap,
    ),
]
