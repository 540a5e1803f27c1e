"""The simulated Aryn DocParse: its answers follow specs/aryn.yaml."""

from __future__ import annotations

import json
import random
import re
import secrets
import zlib
from typing import Any, ClassVar
from urllib.parse import unquote

from .._scenario import SimTask, Step
from ._base import (
    WORDS,
    Backend,
    Context,
    Incoming,
    ProviderSim,
    SimResponse,
    multipart_parts,
    route,
    sentence,
)

_ARYN_TYPES = (
    "Title",
    "Section-header",
    "Text",
    "Text",
    "Text",
    "List-item",
    "table",
    "Picture",
    "Caption",
    "Page-header",
    "Page-footer",
    "Footnote",
)


def aryn_elements(count: int, seed: str) -> list[dict[str, Any]]:
    """`count` DocParse elements, as in aryn-sdk's recorded output (about 460 bytes each as JSON)."""
    rng = random.Random(seed)
    elements: list[dict[str, Any]] = []
    for index in range(count):
        kind = _ARYN_TYPES[index % len(_ARYN_TYPES)] if index else "Title"
        x1, y1 = round(rng.uniform(0.05, 0.5), 4), round(rng.uniform(0.03, 0.9), 4)
        element: dict[str, Any] = {
            "type": kind,
            "bbox": [x1, y1, round(x1 + rng.uniform(0.1, 0.45), 4), round(y1 + rng.uniform(0.01, 0.08), 4)],
            "properties": {"score": round(rng.uniform(0.5, 0.99), 4), "page_number": index // 40 + 1},
            "text_representation": sentence(rng, rng.randint(40, 60)) + "\n",
        }
        if kind == "table":
            element["properties"].update({"title": None, "columns": 3, "rows": 2})
            element["table"] = {
                "cells": [
                    {"content": rng.choice(WORDS), "rows": [r], "cols": [c], "is_header": r == 0}
                    for r in range(2)
                    for c in range(3)
                ]
            }
        elements.append(element)
    return elements


def aryn_status_lines(pages: int) -> list[str]:
    lines = [
        "T+00.00: Server version aryn-partitioner-0.20251101.120000 Model version 1.4",
        "T+00.00: Received request",
        "T+00.01: Waiting for scheduling",
        "T+00.03: Preprocessing document",
    ]
    lines += [f"T+{0.5 + page * 0.7:05.2f}: Completed work on page {page}" for page in range(1, pages + 1)]
    return lines


ARYN_SHAPES = ("elements", "legacy", "table_null", "markdown", "markdown_pages", "html")


def aryn_shape(task_id: str, sized: bool) -> str:
    """Which documented DocParse output a succeeded task gets, fixed by its id so every answer agrees.

    A step that asks for a size (`succeeded(size=N)`) always gets "elements", so `size` stays the
    element count and sized results (benchmarks) keep their bytes; an unsized one gets any shape:

    "elements": status_code 200 and elements (aryn-sdk 3m_output.json). "legacy": no status_code,
    older status lines, tables and List-item/Footnote elements without text_representation
    (3m_output_ocr.json, 3m_output_table.json, SPsort_output.json). "table_null": tables whose
    text_representation is null (3m_output_ocr_table.json). "markdown" / "markdown_pages": markdown
    output without elements, a string or one string a page with markdown_options.group_by_page;
    "html": html output without elements (aryn-ai/docs docparse/output_structure.mdx).
    """
    if sized:
        return "elements"
    return ARYN_SHAPES[zlib.crc32(task_id.encode()) % len(ARYN_SHAPES)]


def aryn_result(count: int, seed: str, shape: str = "elements") -> dict[str, Any]:
    """A succeeded DocParse body of `count` elements (or their markdown/html) in `shape` (see aryn_shape)."""
    pages = max(1, count // 40 + 1)
    elements = aryn_elements(count, seed)
    if shape == "elements":
        return {"status": aryn_status_lines(pages), "status_code": 200, "elements": elements}
    if shape == "legacy":
        for element in elements:
            if element["type"] in ("table", "List-item", "Footnote"):
                del element["text_representation"]
        return {"status": _aryn_status_lines_2024(pages), "elements": elements}
    if shape == "table_null":
        for element in elements:
            if element["type"] == "table":
                element["text_representation"] = None
        return {"status": aryn_status_lines(pages), "status_code": 200, "elements": elements}
    if shape == "html":
        return {"status": aryn_status_lines(pages), "html": "".join(_aryn_html(e) for e in elements)}
    by_page: dict[int, list[str]] = {}
    for index, element in enumerate(elements):
        # with group_by_page, three elements a page, so that even a small result spans several pages
        page = index // 3 if shape == "markdown_pages" else element["properties"]["page_number"]
        by_page.setdefault(page, []).append(_aryn_markdown(element))
    markdown = ["\n\n".join(parts) for _, parts in sorted(by_page.items())]
    return {
        "status": aryn_status_lines(pages),
        "markdown": markdown if shape == "markdown_pages" else "\n\n".join(markdown),
    }


def _aryn_markdown(element: dict[str, Any]) -> str:
    text: str = element["text_representation"].strip()
    if element["type"] == "Title":
        return "# " + text
    if element["type"] == "Section-header":
        return "## " + text
    if element["type"] == "List-item":
        return "- " + text
    if element["type"] == "table":
        cells = element["table"]["cells"]
        header = [c["content"] for c in cells if c["is_header"]]
        rest = [c["content"] for c in cells if not c["is_header"]]
        return "\n".join(
            ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header), "| " + " | ".join(rest) + " |"]
        )
    return text


def _aryn_html(element: dict[str, Any]) -> str:
    text: str = element["text_representation"].strip()
    tag = {"Title": "h1", "Section-header": "h2", "List-item": "li"}.get(element["type"], "p")
    if element["type"] == "table":
        cells = "".join(f"<td>{c['content']}</td>" for c in element["table"]["cells"])
        return f"<table><tr>{cells}</tr></table>"
    return f"<{tag}>{text}</{tag}>"


def _aryn_status_lines_2024(pages: int) -> list[str]:
    lines = ["Incremental status will be shown here during execution.", "T+   0.00: Server version 0.2024.06.28"]
    lines += [f"T+{0.5 + page * 3.4:7.2f}: completed page {page}" for page in range(1, pages + 1)]
    return [*lines, ""]


class Aryn(ProviderSim):
    name = "aryn"

    def auth_error(self, key: str | None) -> SimResponse:
        # Documented: 403 {"detail": "No Aryn API key provided."}. A wrong key is not documented; it
        # gets the same status with FastAPI's HTTPBearer message.
        detail = "No Aryn API key provided." if key is None else "Not authenticated."
        return SimResponse.json(403, {"detail": detail})

    def status_path(self) -> re.Pattern[str]:
        return route("/v1/async/result/{id}")

    def status_params(self) -> dict[str, str]:
        return {"path_filter": "^/v1/document/partition$"}  # what the SDK (and aryn-sdk) send

    def extra_routes(self) -> list[tuple[str, re.Pattern[str], str]]:
        return [
            ("POST", route("/v1/async/submit/document/partition"), "submit"),
            ("POST", route("/v1/async/cancel/{id}"), "cancel"),
            ("GET", route("/v1/async/list"), "list_tasks"),
        ]

    def status_reply(self, task: SimTask, step: Step, ctx: Context) -> SimResponse:
        if step.state == "canceled":  # a cancelled task's result is gone, as after expiry
            return self.not_found(task.id)
        return super().status_reply(task, step, ctx)

    def status_body(self, task: SimTask, step: Step, ctx: Context) -> tuple[int, Any, tuple[tuple[str, str], ...]]:
        if step.state in ("pending", "running"):
            headers = (
                (("x-aryn-asyncifier-active-at", f"network={int(ctx.now_wall)}"),) if step.state == "running" else ()
            )
            return 202, {"detail": "Task is pending."}, headers
        if step.state == "failed":
            error = step.error or "500: Internal error while partitioning the document"
            code = int(error[:3]) if error[:3].isdigit() else 500
            return (
                200,
                {"status": aryn_status_lines(1), "status_code": code, "error": error, "elements": None},
                (),
            )
        # A documented output shape fixed by the task id; a sized step always gets elements (aryn_shape).
        # Unsized, the other shapes get 8 elements so that a table and a List-item are among them.
        shape = aryn_shape(task.id, sized=step.size is not None)
        size = step.size if step.size is not None else (3 if shape == "elements" else 8)
        return 200, aryn_result(size, task.id, shape), ()

    def with_unknown_status(self, body: Any, value: str) -> Any:
        return {"detail": f"Task is {value.lower()}."}

    def unknown_status_code(self, status: int) -> int:
        return 203  # a 2xx the spec does not list: Aryn signals state by HTTP status

    def not_found(self, task_id: str) -> SimResponse:
        return SimResponse.json(404, {"detail": "No such task."})

    def rate_limited(self) -> SimResponse:
        return SimResponse.json(429, {"detail": "Too many requests"})

    def server_error(self, status: int) -> SimResponse:
        if status == 500:
            return SimResponse.text(500, "Internal Server Error")
        return super().server_error(status)

    LISTED: ClassVar[dict[str, str]] = {
        "pending": "queue",
        "running": "run",
        "succeeded": "done",
        "failed": "done",
        "canceled": "cancel",
    }

    # Aryn's sources disagree on the list's words (specs/aryn.yaml): each task is listed in
    # one of them, fixed by its id, so a client meets all of them.
    LIST_WORDS: ClassVar[dict[str, tuple[str, ...]]] = {
        "queue": ("queue", "queued", "pending"),
        "run": ("run", "running"),
        "done": ("done",),
        "cancel": ("cancel", "cancelled"),
    }

    def submit(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> SimResponse:
        parts = multipart_parts(request)
        if parts is None:
            return SimResponse.json(400, {"detail": "The body must be multipart/form-data."})
        if ("file" in parts) == ("file_url" in parts):
            return SimResponse.json(400, {"detail": "Provide a file or a file_url."})
        if "file" in parts and not parts["file"]:
            return SimResponse.json(400, {"detail": "The file is empty."})
        if "options" in parts:
            try:
                options = json.loads(parts["options"])
            except ValueError:
                options = None
            if not isinstance(options, dict):
                return SimResponse.json(400, {"detail": "options must be a JSON object."})
        task = backend.create(self.name, self.new_id())
        return SimResponse.json(202, {"task_id": task.id})

    def cancel(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> SimResponse:
        task = backend.find(self.name, unquote(match["id"]))
        if task is None or task.canceled_by_client or backend.step_of(task).state == "expired":
            return SimResponse.json(404, {"detail": "Task not found."})
        backend.cancel(task)
        return SimResponse(200, b"", None)

    def list_tasks(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> SimResponse:
        listed = {}
        for task in backend.tasks(self.name):
            state = backend.step_of(task).state
            if state in self.LISTED:
                words = self.LIST_WORDS[self.LISTED[state]]
                word = words[zlib.crc32(task.id.encode()) % len(words)]
                listed[task.id] = {"action": "/v1/document/partition", "task_status": word}
        return SimResponse.json(200, {"tasks": listed})

    def new_id(self) -> str:
        alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
        return "aryn:t-" + "".join(secrets.choice(alphabet) for _ in range(21))


PROVIDER = Aryn
