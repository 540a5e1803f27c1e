"""The simulated Notion: its answers follow specs/notion.yaml."""

from __future__ import annotations

import re
import secrets
import uuid
import zlib
from typing import Any, ClassVar
from urllib.parse import unquote

from ...providers.notion import NOTION_VERSION  # the spec's one Notion-Version, as the SDK sends it
from .._scenario import SimTask, Step
from ._base import Backend, Context, Incoming, ProviderSim, SimResponse, iso, json_object, route


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


def notion_error(status: int, code: str, message: str, request_id: bool = True) -> dict[str, Any]:
    error: dict[str, Any] = {"object": "error", "status": status, "code": code, "message": message}
    if request_id:
        error["request_id"] = str(uuid.uuid4())
    return error


class Notion(ProviderSim):
    name = "notion"
    supports_cancel_state = False
    DEFAULT: ClassVar[dict[str, str]] = {
        "pending": "queued",
        "running": "running",
        "succeeded": "succeeded",
        "failed": "failed",
    }

    def reject(self, request: Incoming) -> SimResponse | None:
        version = request.headers.get("notion-version")
        if version is None:
            return SimResponse.json(400, notion_error(400, "missing_version", "Notion-Version header is required."))
        if version != NOTION_VERSION:
            message = f"Notion-Version {version!r} is not supported here; use {NOTION_VERSION}."
            return SimResponse.json(400, notion_error(400, "validation_error", message))
        return super().reject(request)

    def client_headers(self, key: str | None) -> dict[str, str]:
        return {"Notion-Version": NOTION_VERSION, **super().client_headers(key)}

    def auth_error(self, key: str | None) -> SimResponse:
        return SimResponse.json(401, notion_error(401, "unauthorized", "API token is invalid."))

    def status_path(self) -> re.Pattern[str]:
        return route("/v1/async_tasks/{id}")

    def extra_routes(self) -> list[tuple[str, re.Pattern[str], str]]:
        return [
            ("POST", route("/v1/pages"), "create_page"),
            ("PATCH", route("/v1/pages/{id}/markdown"), "update_markdown"),
        ]

    # The operation as the sources show it: with `surface` (the 202 example of retrieve-async-task,
    # notion-sdk-js async-tasks.ts), as `rest` or `mcp`, or with `name` only (the reference's own
    # 200 example); fixed per task by its id.
    OPERATIONS: ClassVar[tuple[dict[str, str], ...]] = (
        {"surface": "rest", "name": "POST /v1/pages"},
        {"name": "POST /v1/pages"},
        {"surface": "mcp", "name": "notion-create-pages"},
    )

    def task_object(self, task: SimTask, ctx: Context) -> dict[str, Any]:
        return {
            "object": "async_task",
            "id": task.id,
            "status_url": self.status_url(ctx.base_url, task.id),
            "created_time": iso(task.created_wall),
            "operation": dict(self.OPERATIONS[zlib.crc32(task.id.encode()) % len(self.OPERATIONS)]),
        }

    def status_body(self, task: SimTask, step: Step, ctx: Context) -> tuple[int, Any, tuple[tuple[str, str], ...]]:
        body = self.task_object(task, ctx)
        body["status"] = step.status or self.DEFAULT[step.state]
        if step.state in ("pending", "running"):
            body["poll_after_seconds"] = self.poll_after if step.poll_after is None else step.poll_after
        elif step.state == "succeeded":
            page_id = str(uuid.uuid5(uuid.NAMESPACE_URL, task.id))
            body["result"] = notion_page(page_id, iso(task.finished_wall or ctx.now_wall))
        else:
            message = step.error or "Markdown could not be converted."
            body["error"] = notion_error(400, "validation_error", message, request_id=False)
        return 200, body, ()

    def create_page(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> SimResponse:
        data = json_object(request)
        if data is None:
            return SimResponse.json(400, notion_error(400, "invalid_json", "Error parsing JSON body."))
        if not isinstance(data.get("parent"), dict):
            return SimResponse.json(400, notion_error(400, "validation_error", "body.parent should be defined."))
        if data.get("allow_async") is True:
            if not isinstance(data.get("markdown"), str):
                message = "allow_async is only supported when markdown is provided."
                return SimResponse.json(400, notion_error(400, "validation_error", message))
            task = backend.create(self.name, self.new_id())
            step = backend.step_of(task)
            body = self.task_object(task, ctx)
            body["status"] = "queued"
            body["poll_after_seconds"] = self.poll_after if step.poll_after is None else step.poll_after
            return SimResponse.json(202, body)
        page_id = str(uuid.uuid4())
        return SimResponse.json(200, notion_page(page_id, iso(ctx.now_wall)))

    # PATCH /v1/pages/{page_id}/markdown: each update type and the field its parameters must carry.
    UPDATES: ClassVar[dict[str, tuple[str, ...]]] = {
        "insert_content": ("content",),
        "replace_content_range": ("content", "content_range"),
        "update_content": ("content_updates",),
        "replace_content": ("new_str",),
    }

    def update_markdown(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> SimResponse:
        data = json_object(request)
        if data is None:
            return SimResponse.json(400, notion_error(400, "invalid_json", "Error parsing JSON body."))
        kind = data.get("type")
        if kind not in self.UPDATES:
            message = f"body.type should be one of {', '.join(self.UPDATES)}."
            return SimResponse.json(400, notion_error(400, "validation_error", message))
        params = data.get(kind)
        if not isinstance(params, dict) or any(key not in params for key in self.UPDATES[kind]):
            message = f"body.{kind} should define {', '.join(self.UPDATES[kind])}."
            return SimResponse.json(400, notion_error(400, "validation_error", message))
        if data.get("allow_async") is True:
            task = backend.create(self.name, self.new_id())
            step = backend.step_of(task)
            body = self.task_object(task, ctx)
            body["operation"] = {"surface": "rest", "name": "PATCH /v1/pages/{page_id}/markdown"}
            body["status"] = "queued"
            body["poll_after_seconds"] = self.poll_after if step.poll_after is None else step.poll_after
            return SimResponse.json(202, body)
        text = params.get("new_str") or params.get("content") or ""
        page = {
            "object": "page_markdown",
            "id": unquote(match["id"]),
            "markdown": text if isinstance(text, str) else "",
            "truncated": False,
            "unknown_block_ids": [],
        }
        return SimResponse.json(200, page)

    def with_unknown_status(self, body: Any, value: str) -> Any:
        return {**body, "status": value, "poll_after_seconds": body.get("poll_after_seconds", self.poll_after)}

    def not_found(self, task_id: str) -> SimResponse:
        return SimResponse.json(
            404, notion_error(404, "object_not_found", f"Could not find async task with ID: {task_id}.")
        )

    def rate_limited(self) -> SimResponse:
        message = "You have been rate limited. Please try again in a few minutes."
        return SimResponse.json(429, notion_error(429, "rate_limited", message))

    def server_error(self, status: int) -> SimResponse:
        codes = {500: "internal_server_error", 503: "service_unavailable", 504: "gateway_timeout"}
        if status in codes:
            return SimResponse.json(status, notion_error(status, codes[status], "Something went wrong."))
        return super().server_error(status)

    def new_id(self) -> str:
        return "task_" + secrets.token_hex(12)

    def default_unknown_status(self) -> str:
        return "paused"


PROVIDER = Notion
