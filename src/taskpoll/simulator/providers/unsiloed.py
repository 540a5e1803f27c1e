"""The simulated Unsiloed: its answers follow specs/unsiloed.yaml."""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Mapping
from typing import Any, ClassVar

from .._scenario import SimTask, Step
from ._base import (
    Backend,
    Context,
    Incoming,
    ProviderSim,
    SimResponse,
    iso,
    multipart_parts,
    route,
    sentence,
)

_SEGMENT_TYPES = ("Title", "SectionHeader", "Text", "Text", "Table", "Picture", "Caption", "ListItem", "PageFooter")


UNSILOED_SHAPES = ("full", "output_fields", "minimal")


def unsiloed_shape(job_id: str) -> str:
    """Which documented result shape a job gets, fixed by its id so every answer of a job agrees.

    "full": every field (get-parse-job-status.mdx's Succeeded example). "output_fields": a job created
    with `output_fields={"html": false, "markdown": false}`, whose segments lack both keys
    (openapi-v1.json OutputFieldsConfig). "minimal": only the fields the spec requires, plus `chunks`.
    """
    return UNSILOED_SHAPES[zlib.crc32(job_id.encode()) % len(UNSILOED_SHAPES)]


def unsiloed_chunks(count: int, seed: str, segments_per_chunk: int = 3, shape: str = "full") -> list[dict[str, Any]]:
    """`count` chunks of typed segments with OCR words and bounding boxes, and unless `shape` leaves
    them out (see unsiloed_shape) HTML, Markdown, confidence, image and llm."""
    rng = random.Random(seed)
    chunks: list[dict[str, Any]] = []
    for chunk_index in range(count):
        segments: list[dict[str, Any]] = []
        for segment_index in range(segments_per_chunk):
            kind = _SEGMENT_TYPES[(chunk_index * segments_per_chunk + segment_index) % len(_SEGMENT_TYPES)]
            text = sentence(rng, rng.randint(8, 20))
            words = text.split()
            left, top = round(rng.uniform(60, 400), 2), round(rng.uniform(60, 1400), 2)
            segments.append(
                {
                    "segment_id": f"{seed}-{chunk_index}-{segment_index}",
                    "segment_type": kind,
                    "content": text,
                    "html": f"<p>{text}</p>" if kind != "Table" else f"<table><tr><td>{text}</td></tr></table>",
                    "markdown": text if kind != "SectionHeader" else f"## {text}",
                    "page_number": chunk_index // 4 + 1,
                    "page_width": 1275.0,
                    "page_height": 1650.0,
                    "bbox": {"left": left, "top": top, "width": 780.0, "height": round(rng.uniform(20, 200), 2)},
                    "confidence": round(rng.uniform(0.6, 0.99), 3),
                    "image": None,
                    "llm": None,
                    "ocr": [
                        {
                            "bbox": {"left": 6.0 + 70 * i, "top": 4.0, "width": 64.0, "height": 18.0},
                            "text": word,
                            "confidence": round(rng.uniform(0.8, 1.0), 3),
                        }
                        for i, word in enumerate(words[:12])
                    ],
                }
            )
            if shape == "output_fields":
                del segments[-1]["html"], segments[-1]["markdown"]
            elif shape == "minimal":
                for key in ("confidence", "image", "llm", "bbox"):
                    del segments[-1][key]
        chunk: dict[str, Any] = {
            "chunk_id": f"{seed}-chunk-{chunk_index}",
            "chunk_length": sum(len(s["content"].split()) for s in segments),
            "embed": " ".join(s["content"] for s in segments),
            "segments": segments,
        }
        if shape == "minimal":
            del chunk["chunk_id"], chunk["embed"]
        chunks.append(chunk)
    return chunks


class Unsiloed(ProviderSim):
    name = "unsiloed"
    DEFAULT: ClassVar[dict[str, str]] = {
        "pending": "Starting",
        "running": "Processing",
        "succeeded": "Succeeded",
        "failed": "Failed",
        "canceled": "Cancelled",
    }

    def key_from(self, headers: Mapping[str, str]) -> str | None:
        return headers.get("api-key")

    def client_headers(self, key: str | None) -> dict[str, str]:
        return {} if key is None else {"api-key": key}

    def auth_error(self, key: str | None) -> SimResponse:
        return SimResponse.text(401, "Invalid API key")

    def status_path(self) -> re.Pattern[str]:
        return route("/parse/{id}")

    def extra_routes(self) -> list[tuple[str, re.Pattern[str], str]]:
        return [("POST", route("/parse"), "create_parse")]

    def status_body(self, task: SimTask, step: Step, ctx: Context) -> tuple[int, Any, tuple[tuple[str, str], ...]]:
        # Each job gets one of the documented result shapes, fixed by its id (unsiloed_shape).
        shape = unsiloed_shape(task.id)
        body: dict[str, Any] = {
            "job_id": task.id,
            "status": step.status or self.DEFAULT[step.state],
            "created_at": iso(task.created_wall),
            "metadata": {},
        }
        if shape != "minimal":
            body.update(file_name="document.pdf", file_type="application/pdf")
        if step.state != "pending":
            body["started_at"] = iso(task.started_wall or ctx.now_wall)
        if step.state in ("succeeded", "failed"):
            body["finished_at"] = iso(task.finished_wall or ctx.now_wall)
        if step.state == "failed":
            body["message"] = step.error or "Failed to process document"
        if step.state == "succeeded":
            chunks = unsiloed_chunks(3 if step.size is None else step.size, task.id, shape=shape)
            body.update(chunks=chunks, total_chunks=len(chunks))
            if shape != "minimal":
                body.update(
                    page_count=max(1, len(chunks) // 4 + 1),
                    pdf_url=f"https://unsiloed-output.s3.amazonaws.com/{task.id}/output.pdf?X-Amz-Expires=3600",
                    credit_used=max(1, len(chunks) // 4 + 1),
                    merge_tables=False,
                )
        return 200, body, ()

    # The boolean form fields of ParseCreateRequest (specs/unsiloed.yaml): `true` or `false`, as the
    # official SDK sends them; anything else (Python's `True`) is refused like any invalid parameter.
    BOOLEAN_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {
            "detect_checkboxes",
            "extract_charts",
            "extract_colors",
            "extract_links",
            "merge_tables",
            "use_high_resolution",
            "validate_table_segments",
            "xml_citation",
        }
    )

    def create_parse(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> SimResponse:
        parts = multipart_parts(request)
        if parts is None:
            return SimResponse.text(400, "Expected multipart/form-data")
        fields = set(parts)
        if not fields & {"file", "url"}:
            return SimResponse.text(400, "Provide either file or url")
        if {"file", "url"} <= fields:
            return SimResponse.text(400, "Provide either file or url, not both")
        for name in sorted(fields & self.BOOLEAN_FIELDS):
            if parts[name] not in (b"true", b"false"):
                return SimResponse.text(400, f"Invalid value for {name}: expected true or false")
        task = backend.create(self.name, self.new_id())
        body = {
            "job_id": task.id,
            "status": "Starting",
            "file_name": "document.pdf" if "file" in fields else "unknown",
            "created_at": iso(task.created_wall),
            "message": f"Task created successfully. Use GET /parse/{task.id} to check the status.",
            "credit_used": 1,
            "quota_remaining": 9999,
            "merge_tables": False,
        }
        return SimResponse.json(200, body)

    def not_found(self, task_id: str) -> SimResponse:
        return SimResponse.text(404, f"Job {task_id} not found")

    def rate_limited(self) -> SimResponse:
        return SimResponse.text(429, "Rate limit exceeded")

    def server_error(self, status: int) -> SimResponse:
        return SimResponse.text(500, "Internal server error") if status == 500 else super().server_error(status)


PROVIDER = Unsiloed
