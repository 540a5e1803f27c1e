"""Realistic result payloads of any requested size, shaped like each provider's documented output."""

from __future__ import annotations

import random
import zlib
from typing import Any

_WORDS = (
    "revenue quarter growth segment operating margin customers region report annual net sales total "
    "increase decrease compared prior year product services guidance outlook cash flow capital expenditure "
    "research development employees market share risk factors liquidity dividend board directors"
).split()

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


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


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
            "text_representation": _sentence(rng, rng.randint(40, 60)) + "\n",
        }
        if kind == "table":
            element["properties"].update({"title": None, "columns": 3, "rows": 2})
            element["table"] = {
                "cells": [
                    {"content": rng.choice(_WORDS), "rows": [r], "cols": [c], "is_header": r == 0}
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
            text = _sentence(rng, rng.randint(8, 20))
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


def veza_rows(count: int, seed: str) -> dict[str, Any]:
    rng = random.Random(seed)
    return {
        "values": [
            {
                "id": f"arn:aws:iam::{rng.randint(10**11, 10**12 - 1)}:user/{rng.choice(_WORDS)}-{index}",
                "type": "AwsIamUser",
                "destination_node_count": rng.randint(0, 40),
            }
            for index in range(count)
        ],
        "has_more": False,
    }


def veza_result(count: int, seed: str) -> Any:
    """A Veza task result in one of the shapes a generic async task can carry (stable per seed).

    The endpoint serves tasks of several operations and documents no result type: query rows (the
    results page's `values`/`has_more`), a bare list of nodes, a count as text (`number_value` is a
    string), that count as a bare string, or a plain number.
    """
    rows = veza_rows(count, seed)
    shapes = [rows, rows["values"], {"result_type": "number", "number_value": str(count)}, str(count), count]
    return shapes[random.Random("shape:" + seed).randrange(len(shapes))]


def notion_page(page_id: str, created: str, base_title: str = "Generated page") -> dict[str, Any]:
    return {
        "object": "page",
        "id": page_id,
        "created_time": created,
        "last_edited_time": created,
        "in_trash": False,
        "url": f"https://www.notion.so/{base_title.replace(' ', '-')}-{page_id.replace('-', '')}",
        "parent": {"type": "page_id", "page_id": "b55c9c91-384d-452b-81db-d1ef79372b75"},
        "properties": {"title": {"id": "title", "type": "title", "title": [{"plain_text": base_title}]}},
    }
