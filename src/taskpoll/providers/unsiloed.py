"""Unsiloed (parse jobs): `GET /parse/{job_id}` (specs/unsiloed.yaml).

Every state is a 200 whose `status` is Starting, AwaitingUpload, Queued, Processing, Succeeded
(with `chunks`), Failed (with `message`) or Cancelled, which is final: Unsiloed's own SDK keeps
polling a cancelled job until its timeout. The key goes in an `api-key` header. Errors are plain
text. Unsiloed asks for polls every 5 to 10 seconds.

`Task.result` is the generated `ParseGetResponse` of the finished job (chunks of typed segments).
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

import httpx
from taskpoll_unsiloed_api.api.parse_vision_api_compatible import get_parse_task as _status
from taskpoll_unsiloed_api.models import (
    BoundingBox,
    Chunk,
    JobStatus,
    OCRResult,
    ParseGetResponse,
    Segment,
    SegmentType,
)
from taskpoll_unsiloed_api.types import Unset

from .._policy import PollPolicy
from .._task import Task, TaskState
from ._base import Provider, generic_message, json_field, parse_time

__all__ = ["PROVIDER", "BoundingBox", "Chunk", "JobStatus", "OCRResult", "ParseGetResponse", "Segment", "SegmentType"]


class Unsiloed(Provider[ParseGetResponse]):
    name = "unsiloed"
    title = "Unsiloed"
    key_env = "UNSILOED_API_KEY"
    base_url_env = "UNSILOED_BASE_URL"
    default_base_url = "https://prod.visionapi.unsiloed.ai"
    auth_header = "api-key"
    auth_scheme = ""
    default_policy = PollPolicy(initial_delay=5.0, multiplier=1.25, max_delay=10.0)
    result_type = ParseGetResponse
    vocabularies: ClassVar[dict[str, dict[str, TaskState]]] = {
        "status": {
            "Starting": TaskState.PENDING,
            "AwaitingUpload": TaskState.PENDING,
            "Queued": TaskState.PENDING,
            "Processing": TaskState.RUNNING,
            "Succeeded": TaskState.SUCCEEDED,
            "Failed": TaskState.FAILED,
            "Cancelled": TaskState.CANCELED,
        }
    }

    def status_kwargs(self, task_id: str) -> dict[str, Any]:
        return _status._get_kwargs(task_id)

    def parse_ok(self, task_id: str, response: httpx.Response, data: Any) -> Task[ParseGetResponse]:
        result = ParseGetResponse.from_dict(data)
        status = result.status.value if isinstance(result.status, JobStatus) else result.status
        if not isinstance(status, str) or not isinstance(result.job_id, str):
            raise TypeError("status or job_id is not a string")
        # The generated parser turns a list with one malformed chunk into raw dicts, silently.
        if isinstance(result.chunks, list) and not all(isinstance(c, Chunk) for c in result.chunks):
            raise ValueError("chunks do not fit the Chunk schema")
        state = self.vocabularies["status"].get(status)
        if state is None:  # the spec keeps status open: any other short word is UNKNOWN
            if not self.is_unknown_status(status):
                raise ValueError("status is not a status value")
            state = TaskState.UNKNOWN
        fields: dict[str, Any] = {
            "state": state,
            "status": status,
            "created_at": parse_time(result.created_at),
            "finished_at": None if isinstance(result.finished_at, Unset) else parse_time(result.finished_at),
        }
        if state is TaskState.SUCCEEDED:
            fields["result"] = result
        elif state is TaskState.FAILED:
            fields["error"] = self.failed(result.message if isinstance(result.message, str) else None)
        return self.task(task_id, response, **fields)

    def error_details(self, response: httpx.Response) -> tuple[str, str | None, str | None]:
        # Plain text ("Job <id> not found") in the v1 spec; `{"detail": ...}` in the older one.
        try:
            detail = json_field(json.loads(response.content), "detail")
        except ValueError:
            detail = None
        return (detail if isinstance(detail, str) else generic_message(response)), None, None


PROVIDER = Unsiloed()
