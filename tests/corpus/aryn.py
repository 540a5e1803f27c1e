"""Aryn DocParse: recorded outputs of aryn-ai/aryn-sdk and the examples of aryn-ai/docs (reduced by hand)."""

from __future__ import annotations

from typing import Any

from taskpoll_aryn_api.types import Unset

import taskpoll

from . import Case

SDK = "aryn-ai/aryn-sdk@1822e2b059a341e298d3a96ee1648349a87acc29:aryn_sdk/test/resources/json/"
DOCS = "aryn-ai/docs@88820f021de3113b87bcd9c24eeeef278fda589c:"
S = taskpoll.TaskState

STATUS_2025 = [
    "Incremental status will be shown here during execution.",
    "T+   0.00: Server version aryn-partitioner-0.20250113.175427 Model version 1.4",
    "T+   0.53: Completed work on page 1",
    "",
]
STATUS_2024 = [
    "Incremental status will be shown here during execution.",
    "T+   0.00: Server version 0.2024.06.28",
    "T+   3.40: completed page 1",
    "",
]
HEADER = {
    "type": "Page-header",
    "bbox": [0.0925, 0.0258, 0.1851, 0.0364],
    "properties": {"score": 0.71, "page_number": 1},
    "text_representation": "Table of Contents \n",
}
TABLE_PROPS = {"score": 0.91, "title": None, "columns": None, "rows": None, "page_number": 1}
CELL = {
    "content": "(Millions)",
    "rows": [0],
    "cols": [0],
    "is_header": True,
    "bbox": {"x1": 0.0911, "y1": 0.112, "x2": 0.5158, "y2": 0.1234},
    "properties": {},
}


def elements(n: int, table: bool = False) -> Any:
    def check(task: Any) -> None:
        assert isinstance(task, taskpoll.Task) and task.result is not None
        assert len(task.result.elements) == n
        if table:
            t = next(e for e in task.result.elements if e.type_ == "table")
            assert t.table is not None and not isinstance(t.table, Unset)
            assert t.table["cells"][0]["content"] == "(Millions)"
        for e in task.result.elements:  # the README's loop must work on every recorded output
            text = e.text_representation if isinstance(e.text_representation, str) else ""
            assert isinstance(text[:60], str)

    return check


def failure(code: str) -> Any:
    def check(task: Any) -> None:
        assert task.error is not None and task.error.code == code

    return check


def markdown_starts(task: Any, text: str) -> None:
    assert isinstance(task.result.markdown, str) and task.result.markdown.startswith(text)
    assert isinstance(task.result.elements, Unset)


def error_message(part: str) -> Any:
    def check(err: Any) -> None:
        assert isinstance(err, taskpoll.APIError) and part in err.message and err.status_code == 403

    return check


CASES = [
    Case(
        "aryn",
        "sdk-3m-output",
        SDK + "3m_output.json (reduced: status lines, 2 of 5 elements, short text)",
        {
            "status": STATUS_2025,
            "status_code": 200,
            "elements": [
                HEADER,
                {
                    "type": "table",
                    "bbox": [0.09, 0.11, 0.89, 0.62],
                    "properties": TABLE_PROPS,
                    "text_representation": "(Millions)\nCash Flows\n",
                    "table": None,
                },
            ],
        },
        state=S.SUCCEEDED,
        raw_status="200",
        check=elements(2),
    ),
    Case(
        "aryn",
        "sdk-3m-output-ocr",
        SDK + "3m_output_ocr.json (reduced: 2 of 5 elements; no status_code, "
        "table without text_representation, table null)",
        {
            "status": STATUS_2024,
            "elements": [
                {**HEADER, "text_representation": ""},
                {"type": "table", "bbox": [0.09, 0.11, 0.89, 0.62], "properties": TABLE_PROPS, "table": None},
            ],
        },
        state=S.SUCCEEDED,
        check=elements(2),
    ),
    Case(
        "aryn",
        "sdk-3m-output-table",
        SDK + "3m_output_table.json (reduced: 2 of 5 elements, 1 of 146 cells; "
        "no status_code, table without text_representation, _override_text kept)",
        {
            "status": STATUS_2024,
            "elements": [
                HEADER,
                {
                    "type": "table",
                    "bbox": [0.09, 0.11, 0.89, 0.62],
                    "properties": TABLE_PROPS,
                    "table": {"cells": [CELL], "caption": None, "num_rows": 41, "num_cols": 4},
                    "_override_text": "(Millions)\nCash Flows\n",
                },
            ],
        },
        state=S.SUCCEEDED,
        check=elements(2, table=True),
    ),
    Case(
        "aryn",
        "sdk-3m-output-ocr-table",
        SDK + "3m_output_ocr_table.json (reduced: 2 of 5 elements, 1 of 144 "
        "cells; text_representation null on the table)",
        {
            "status": STATUS_2025,
            "status_code": 200,
            "elements": [
                HEADER,
                {
                    "type": "table",
                    "bbox": [0.09, 0.11, 0.89, 0.62],
                    "properties": {**TABLE_PROPS, "columns": 4, "rows": 39},
                    "text_representation": None,
                    "table": {
                        "cells": [CELL],
                        "caption": None,
                        "num_rows": 39,
                        "num_cols": 4,
                        "column_headers": ["(Millions)", "2018", "2017", "2016"],
                    },
                },
            ],
        },
        state=S.SUCCEEDED,
        check=elements(2, table=True),
    ),
    Case(
        "aryn",
        "sdk-spsort-output",
        SDK + "SPsort_output.json (reduced: 2 of 81 elements; no status_code, List-item without text_representation)",
        {
            "status": STATUS_2024,
            "elements": [
                {
                    "type": "Section-header",
                    "bbox": [0.1, 0.1, 0.5, 0.12],
                    "properties": {"score": 0.8, "page_number": 1},
                    "text_representation": "SPsort\n",
                },
                {"type": "List-item", "bbox": [0.1, 0.3, 0.5, 0.32], "properties": {"score": 0.6, "page_number": 1}},
            ],
        },
        state=S.SUCCEEDED,
        check=elements(2),
    ),
    Case(
        "aryn",
        "sdk-spsort-page0-error",
        SDK + "SPsort_output_images_page0.json (reduced: status lines): "
        "an error without status_code, the SDK's fallback gives 500",
        {
            "status": STATUS_2024,
            "error": "400: Invalid page number (0): for this document, page numbers must be at least 1 and at most 9",
        },
        state=S.FAILED,
        check=failure("500"),
    ),
    Case(
        "aryn",
        "sdk-limit-error",
        "aryn-ai/aryn-sdk@1822e2b:aryn_sdk/client/partition.py:559-562 (an error starting '429: ', no status_code)",
        {"status": [], "error": "429: Limit exceeded"},
        state=S.FAILED,
        check=failure("429"),
    ),
    Case(
        "aryn",
        "sdk-empty-error",
        "aryn-ai/aryn-sdk@1822e2b:aryn_sdk/client/partition.py:559 (`if error := ...`: an empty error is no error)",
        {"status": STATUS_2025, "status_code": 200, "error": "", "elements": [HEADER]},
        state=S.SUCCEEDED,
        check=elements(1),
    ),
    Case(
        "aryn",
        "docs-markdown",
        DOCS + "docparse/output_structure.mdx:21-28 (no elements)",
        {"status": STATUS_2025, "markdown": "# Title\ndolorem ipsum, quia dolor sit amet consectetur..."},
        state=S.SUCCEEDED,
        check=lambda t: markdown_starts(t, "# Title"),
    ),
    Case(
        "aryn",
        "docs-markdown-by-page",
        DOCS + "docparse/output_structure.mdx:30-37 (group_by_page)",
        {"status": STATUS_2025, "markdown": ["# Title\ndolorem ipsum", "quia dolor sit", "amet consectetur"]},
        state=S.SUCCEEDED,
    ),
    Case(
        "aryn",
        "docs-html",
        DOCS + "docparse/output_structure.mdx:39-46",
        {"status": STATUS_2025, "html": "<h1>Title</h1><p>dolorem ipsum, quia dolor sit amet consectetur...</p>"},
        state=S.SUCCEEDED,
    ),
    Case(
        "aryn",
        "docs-properties",
        DOCS + "docparse/output_structure.mdx:301-358 (reduced: 1 property)",
        {
            "status": STATUS_2025,
            "status_code": 200,
            "elements": [HEADER],
            "properties": {
                "invoice_number": {"name": "invoice_number", "type": "string", "value": "2631", "pages": [1]}
            },
        },
        state=S.SUCCEEDED,
    ),
    Case(
        "aryn",
        "openapi-pending",
        DOCS + "api-reference/endpoint/docparse/openapi.json (202 example)",
        {"detail": "Task is pending."},
        status=202,
        state=S.RUNNING,
        raw_status="202",
    ),
    Case(
        "aryn",
        "docs-not-found",
        DOCS + 'sdk-reference/partition.mdx:178 (404 "No such task")',
        {"detail": "No such task"},
        status=404,
        error=taskpoll.NotFoundError,
    ),
    Case(
        "aryn",
        "docs-no-key",
        DOCS + "sdk-reference/partition.mdx:105",
        {"detail": "No Aryn API Key provided"},
        status=403,
        error=taskpoll.AuthenticationError,
        check=error_message("No Aryn API Key"),
    ),
    Case(
        "aryn",
        "docs-invalid-key",
        DOCS + "sdk-reference/partition.mdx:107",
        {"detail": "Invalid Aryn API key"},
        status=403,
        error=taskpoll.AuthenticationError,
    ),
    Case(
        "aryn",
        "docs-expired-key",
        DOCS + "sdk-reference/partition.mdx:109",
        {"detail": "Expired Aryn API key"},
        status=403,
        error=taskpoll.AuthenticationError,
    ),
    Case(
        "aryn",
        "docs-upgrade-plan",
        DOCS + "sdk-reference/partition.mdx:103",
        {"detail": "This async action requires you to upgrade your account plan"},
        status=403,
        error=taskpoll.PermissionDeniedError,
        check=error_message("upgrade"),
    ),
    Case(
        "aryn",
        "openapi-server-error",
        DOCS + "api-reference/endpoint/docparse/openapi.json (500 text/plain)",
        "Internal Server Error",
        status=500,
        content_type="text/plain",
        error=taskpoll.ServerError,
    ),
]
