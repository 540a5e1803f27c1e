"""How each provider answers: auth, status bodies per lifecycle state, error bodies, create endpoints.

Every body here follows specs/<provider>.yaml (the simulator's tests validate each answer against
it). Framework-free: a provider turns a task and a step into a `Reply`; the ASGI app in _app.py sends
it.
"""

from __future__ import annotations

import json
import re
import secrets
import uuid
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, Protocol
from urllib.parse import quote, unquote

from . import _results
from ._scenario import ScenarioError, SimTask, Step

JSON = "application/json"
TEXT = "text/plain; charset=utf-8"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes = b""
    content_type: str | None = JSON
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def json(cls, status: int, data: Any, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
        return cls(status, json.dumps(data, separators=(",", ":")).encode(), JSON, headers)

    @classmethod
    def text(cls, status: int, text: str, content_type: str = TEXT) -> Reply:
        return cls(status, text.encode(), content_type)


@dataclass(frozen=True)
class Context:
    """What a reply may need to know about the request it answers."""

    base_url: str  # this provider's base URL on the simulator, e.g. http://127.0.0.1:8080/notion
    now_wall: float  # unix seconds


@dataclass(frozen=True)
class Incoming:
    """A request as the providers see it."""

    method: str
    path: str  # raw (still percent-encoded) path below the provider's prefix, without the query
    query: Mapping[str, str]
    headers: Mapping[str, str]  # lower-case names
    body: bytes


class Backend(Protocol):
    """What the create/cancel/list endpoints need from the simulator's task store."""

    def create(self, provider: str, task_id: str) -> SimTask: ...

    def find(self, provider: str, task_id: str) -> SimTask | None: ...

    def tasks(self, provider: str) -> list[SimTask]: ...

    def step_of(self, task: SimTask) -> Step: ...

    def cancel(self, task: SimTask) -> None: ...


Handler = Callable[[Incoming, "re.Match[str]", Backend, Context], "Reply"]


def iso(unix: float) -> str:
    return datetime.fromtimestamp(unix, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def gateway_page(status: int, reason: str) -> Reply:
    html = (
        f"<!DOCTYPE html><html><head><title>{status} {reason}</title></head>"
        f"<body><center><h1>{status} {reason}</h1></center><hr><center>nginx</center></body></html>"
    )
    return Reply.text(status, html, HTML)


def cloudflare_520(host: str) -> Reply:
    html = (
        f"<!DOCTYPE html><html><head><title>{host} | 520: Web server is returning an unknown error</title>"
        "</head><body><h1>Web server is returning an unknown error</h1><p>Error code 520</p>"
        "<p>Ray ID: 8c2f1a0e9b7d4c3a</p></body></html>"
    )
    return Reply.text(520, html, HTML)


class ProviderSim:
    """Behaviour shared by the five providers; each subclass fills in its own shapes."""

    name: str = ""
    supports_cancel_state = True  # whether a task can be scripted to end canceled

    def __init__(self, key: str) -> None:
        self.key = key

    # Requests --------------------------------------------------------------------------------

    def key_from(self, headers: Mapping[str, str]) -> str | None:
        value = headers.get("authorization")
        if value is None:
            return None
        scheme, _, token = value.partition(" ")
        return token if scheme.lower() == "bearer" else value

    def reject(self, request: Incoming) -> Reply | None:
        """An answer for a request this provider refuses before looking at the task (auth, headers)."""
        key = self.key_from(request.headers)
        if key == self.key:
            return None
        return self.auth_error(key)

    def auth_error(self, key: str | None) -> Reply:
        raise NotImplementedError

    def status_path(self) -> re.Pattern[str]:
        raise NotImplementedError

    def extra_routes(self) -> list[tuple[str, re.Pattern[str], str]]:
        """(method, raw path pattern, handler method name) of the create/cancel/list endpoints."""
        return []

    # Status answers --------------------------------------------------------------------------

    def status_body(self, task: SimTask, step: Step, ctx: Context) -> tuple[int, Any, tuple[tuple[str, str], ...]]:
        """The HTTP status, JSON body and extra headers of a normal status answer."""
        raise NotImplementedError

    def status_reply(self, task: SimTask, step: Step, ctx: Context) -> Reply:
        if step.state == "expired" or (step.state == "canceled" and not self.supports_cancel_state):
            return self.not_found(task.id)
        status, body, headers = self.status_body(task, step, ctx)
        return Reply.json(status, body, headers)

    def with_unknown_status(self, body: Any, value: str) -> Any:
        """The body with its status value replaced by one the spec does not list."""
        return {**body, "status": value}

    def with_extra_fields(self, body: Any) -> Any:
        return {**body, "eta_seconds": 42, "x_debug": {"region": "sim-1", "shard": 7}}

    def not_found(self, task_id: str) -> Reply:
        raise NotImplementedError

    def rate_limited(self) -> Reply:
        raise NotImplementedError

    def server_error(self, status: int) -> Reply:
        return gateway_page(
            status,
            {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}[
                status
            ],
        )

    def new_id(self) -> str:
        return str(uuid.uuid4())

    def default_unknown_status(self) -> str:
        return "Paused"


def _json_object(request: Incoming) -> dict[str, Any] | None:
    try:
        data = json.loads(request.body)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _multipart_fields(request: Incoming) -> set[str]:
    """The part names of a multipart/form-data body (enough to check what was sent, no files kept)."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return set()
    return {name.decode() for name in re.findall(rb'form-data; name="([^"]+)"', request.body, re.IGNORECASE)}


def _path(pattern: str) -> re.Pattern[str]:
    """A raw-path pattern in which `{id}` matches exactly one (percent-encoded) path segment."""
    return re.compile("^" + pattern.replace("{id}", "(?P<id>[^/]*)") + "$")


# Aryn DocParse ----------------------------------------------------------------------------------


class Aryn(ProviderSim):
    name = "aryn"

    def auth_error(self, key: str | None) -> Reply:
        # Documented: 403 {"detail": "No Aryn API key provided."}. A wrong key is not documented; it
        # gets the same status with FastAPI's HTTPBearer message.
        detail = "No Aryn API key provided." if key is None else "Not authenticated."
        return Reply.json(403, {"detail": detail})

    def status_path(self) -> re.Pattern[str]:
        return _path("/v1/async/result/{id}")

    def extra_routes(self) -> list[tuple[str, re.Pattern[str], str]]:
        return [
            ("POST", _path("/v1/async/submit/document/partition"), "submit"),
            ("POST", _path("/v1/async/cancel/{id}"), "cancel"),
            ("GET", _path("/v1/async/list"), "list_tasks"),
        ]

    def status_reply(self, task: SimTask, step: Step, ctx: Context) -> Reply:
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
                {"status": _results.aryn_status_lines(1), "status_code": code, "error": error, "elements": None},
                (),
            )
        # A documented output shape fixed by the task id; a sized step always gets elements (_results.aryn_shape).
        # Unsized, the other shapes get 8 elements so that a table and a List-item are among them.
        shape = _results.aryn_shape(task.id, sized=step.size is not None)
        size = step.size if step.size is not None else (3 if shape == "elements" else 8)
        return 200, _results.aryn_result(size, task.id, shape), ()

    def with_unknown_status(self, body: Any, value: str) -> Any:
        return {"detail": f"Task is {value.lower()}."}

    def unknown_status_code(self) -> int:
        return 203  # a 2xx the spec does not list: Aryn signals state by HTTP status

    def not_found(self, task_id: str) -> Reply:
        return Reply.json(404, {"detail": "No such task."})

    def rate_limited(self) -> Reply:
        return Reply.json(429, {"detail": "Too many requests"})

    def server_error(self, status: int) -> Reply:
        if status == 500:
            return Reply.text(500, "Internal Server Error")
        return super().server_error(status)

    LISTED: ClassVar[dict[str, str]] = {
        "pending": "queue",
        "running": "run",
        "succeeded": "done",
        "failed": "done",
        "canceled": "cancel",
    }

    def submit(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> Reply:
        if not _multipart_fields(request) & {"file", "file_url"}:
            return Reply.json(400, {"detail": "Provide a file or a file_url."})
        task = backend.create(self.name, self.new_id())
        return Reply.json(202, {"task_id": task.id})

    def cancel(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> Reply:
        task = backend.find(self.name, unquote(match["id"]))
        if task is None or task.canceled_by_client or backend.step_of(task).state == "expired":
            return Reply.json(404, {"detail": "Task not found."})
        backend.cancel(task)
        return Reply(200, b"", None)

    def list_tasks(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> Reply:
        listed = {}
        for task in backend.tasks(self.name):
            state = backend.step_of(task).state
            if state in self.LISTED:
                listed[task.id] = {"action": "/v1/document/partition", "task_status": self.LISTED[state]}
        return Reply.json(200, {"tasks": listed})

    def new_id(self) -> str:
        alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
        return "aryn:t-" + "".join(secrets.choice(alphabet) for _ in range(21))


# Artos ----------------------------------------------------------------------------------------


class Artos(ProviderSim):
    name = "artos"
    supports_cancel_state = False
    DEFAULT: ClassVar[dict[str, str]] = {
        "pending": "Pending",
        "running": "Generating",
        "succeeded": "Ready",
        "failed": "Failed",
    }

    def auth_error(self, key: str | None) -> Reply:
        detail = "Not authenticated" if key is None else "Invalid authentication credentials"
        return Reply.json(401, {"detail": detail})

    def status_path(self) -> re.Pattern[str]:
        return _path("/api/v1/documents/status/{id}")

    def extra_routes(self) -> list[tuple[str, re.Pattern[str], str]]:
        return [("POST", _path("/api/v1/documents/generate"), "generate")]

    def status_body(self, task: SimTask, step: Step, ctx: Context) -> tuple[int, Any, tuple[tuple[str, str], ...]]:
        progress = None if step.progress is None else round(step.progress * 100)
        error = (step.error or "Document generation failed") if step.state == "failed" else None
        body = {
            "task_id": task.id,
            "status": step.status or self.DEFAULT[step.state],
            "progress": progress,
            "error": error,
        }
        if variant(task.id, 2):  # half the tasks send only what is set (the spec requires task_id, status)
            body = {key: value for key, value in body.items() if value is not None}
        return 200, body, ()

    # Both the field names and their documented aliases are accepted.
    REQUIRED = (
        ("document_type",),
        ("file_paths",),
        ("connector_data_id", "document_set_key"),
        ("workspace_name", "document_set_name"),
        ("template_id", "generic_mrt_id"),
        ("output_name",),
    )

    def generate(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> Reply:
        data = _json_object(request)
        if data is None:
            return Reply.json(422, {"detail": [{"loc": ["body"], "msg": "Invalid JSON body", "type": "json_invalid"}]})
        missing = [names[0] for names in self.REQUIRED if not any(n in data for n in names)]
        if missing:
            detail = [{"loc": ["body", name], "msg": "Field required", "type": "missing"} for name in missing]
            return Reply.json(422, {"detail": detail})
        task = backend.create(self.name, self.new_id())
        message = "Request to generate document has been accepted and is being processed in the background."
        return Reply.json(202, {"message": message, "task_id": task.id})

    def not_found(self, task_id: str) -> Reply:
        return Reply.json(404, {"detail": "Document not found"})

    def rate_limited(self) -> Reply:
        return Reply.json(429, {"detail": "Too many requests"})

    def server_error(self, status: int) -> Reply:
        return Reply.json(500, {"detail": "Database error"}) if status == 500 else super().server_error(status)

    def default_unknown_status(self) -> str:
        return "Archived"  # in no Artos document (Complete, the Async Operations page's word, is in the spec)


# Veza -----------------------------------------------------------------------------------------


# google.rpc.Code names, as Veza's own client's recorded errors spell them ("Internal", "InvalidArgument").
RPC_CODE_NAMES = {3: "InvalidArgument", 4: "DeadlineExceeded", 5: "NotFound", 8: "ResourceExhausted", 13: "Internal"}
RPC_CODE_NAMES |= {14: "Unavailable", 16: "Unauthenticated"}


def rpc_status(code: int, message: str) -> dict[str, Any]:
    """A Veza error body: the code by name, a request id and a timestamp (oaaclient-py tests/test_client.py)."""
    return {
        "code": RPC_CODE_NAMES.get(code, code),
        "message": message,
        "request_id": secrets.token_hex(16),
        "timestamp": datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z"),
        "details": [],
    }


def variant(task_id: str, count: int) -> int:
    """Which of `count` documented answer shapes a task is served in: stable per task id."""
    return zlib.crc32(task_id.encode()) % count


class Veza(ProviderSim):
    name = "veza"
    STATE: ClassVar[dict[str, str]] = {"pending": "PENDING", "running": "IN_PROGRESS"}
    OUTCOME: ClassVar[dict[str, str]] = {"succeeded": "SUCCEEDED", "failed": "FAILED", "canceled": "CANCELED"}

    def auth_error(self, key: str | None) -> Reply:
        return Reply.json(401, rpc_status(16, "Invalid API key" if key else "Missing API key"))

    def status_path(self) -> re.Pattern[str]:
        return _path("/api/v1/assessments/async_tasks/{id}")

    def extra_routes(self) -> list[tuple[str, re.Pattern[str], str]]:
        return [("POST", _path("/api/v1/assessments/query_spec:result_async_create"), "create_query")]

    def status_body(self, task: SimTask, step: Step, ctx: Context) -> tuple[int, Any, tuple[tuple[str, str], ...]]:
        body: dict[str, Any] = {"id": task.id}
        if step.state in self.STATE:
            body["state"] = step.status or self.STATE[step.state]
        else:
            body["state"] = "COMPLETE"
            body["status"] = step.status or self.OUTCOME[step.state]
        if step.state == "succeeded":
            body["result"] = _results.veza_result(3 if step.size is None else step.size, task.id)
        if step.state == "failed":
            body["error_reason"] = step.error or "query execution failed"
            body["error_status"] = {"code": 13, "message": step.error or "internal error", "details": []}
        # Veza's docs show no body for this endpoint: half the tasks answer a bare AsyncTask, half the
        # create response's {"task": AsyncTask} wrapper.
        return 200, (body if variant(task.id, 2) else {"task": body}), ()

    def create_query(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> Reply:
        if _json_object(request) is None:
            return Reply.json(400, rpc_status(3, "request body must be a JSON object"))
        task = backend.create(self.name, self.new_id())
        return Reply.json(200, {"task": {"id": task.id, "state": "PENDING"}})

    def with_unknown_status(self, body: Any, value: str) -> Any:
        if "task" not in body:
            return {**body, "state": value}
        return {"task": {**body["task"], "state": value}}

    def with_extra_fields(self, body: Any) -> Any:
        extra = {"created_at": "2026-11-22T10:00:00Z", "owner": "sim"}
        if "task" not in body:
            return {**body, **extra}
        return {**body, "task": {**body["task"], **extra}}

    def not_found(self, task_id: str) -> Reply:
        return Reply.json(404, rpc_status(5, f"async task {task_id} not found"))

    def rate_limited(self) -> Reply:
        return Reply.json(429, rpc_status(8, "rate limit exceeded"))

    def server_error(self, status: int) -> Reply:
        code = {500: 13, 503: 14, 504: 4}.get(status)
        return Reply.json(status, rpc_status(code, "internal error")) if code else super().server_error(status)

    def default_unknown_status(self) -> str:
        return "SUSPENDED"


# Unsiloed ---------------------------------------------------------------------------------------


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

    def auth_error(self, key: str | None) -> Reply:
        return Reply.text(401, "Invalid API key")

    def status_path(self) -> re.Pattern[str]:
        return _path("/parse/{id}")

    def extra_routes(self) -> list[tuple[str, re.Pattern[str], str]]:
        return [("POST", _path("/parse"), "create_parse")]

    def status_body(self, task: SimTask, step: Step, ctx: Context) -> tuple[int, Any, tuple[tuple[str, str], ...]]:
        # Each job gets one of the documented result shapes, fixed by its id (_results.unsiloed_shape).
        shape = _results.unsiloed_shape(task.id)
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
            chunks = _results.unsiloed_chunks(3 if step.size is None else step.size, task.id, shape=shape)
            body.update(chunks=chunks, total_chunks=len(chunks))
            if shape != "minimal":
                body.update(
                    page_count=max(1, len(chunks) // 4 + 1),
                    pdf_url=f"https://unsiloed-output.s3.amazonaws.com/{task.id}/output.pdf?X-Amz-Expires=3600",
                    credit_used=max(1, len(chunks) // 4 + 1),
                    merge_tables=False,
                )
        return 200, body, ()

    def create_parse(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> Reply:
        fields = _multipart_fields(request)
        if not fields & {"file", "url"}:
            return Reply.text(400, "Provide either file or url")
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
        return Reply.json(200, body)

    def not_found(self, task_id: str) -> Reply:
        return Reply.text(404, f"Job {task_id} not found")

    def rate_limited(self) -> Reply:
        return Reply.text(429, "Rate limit exceeded")

    def server_error(self, status: int) -> Reply:
        return Reply.text(500, "Internal server error") if status == 500 else super().server_error(status)


# Notion -----------------------------------------------------------------------------------------

NOTION_VERSION = "2026-03-11"


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

    def __init__(self, key: str, poll_after: float = 1.0) -> None:
        super().__init__(key)
        self.poll_after = poll_after

    def reject(self, request: Incoming) -> Reply | None:
        version = request.headers.get("notion-version")
        if version is None:
            return Reply.json(400, notion_error(400, "missing_version", "Notion-Version header is required."))
        if version != NOTION_VERSION:
            message = f"Notion-Version {version!r} is not supported here; use {NOTION_VERSION}."
            return Reply.json(400, notion_error(400, "validation_error", message))
        return super().reject(request)

    def auth_error(self, key: str | None) -> Reply:
        return Reply.json(401, notion_error(401, "unauthorized", "API token is invalid."))

    def status_path(self) -> re.Pattern[str]:
        return _path("/v1/async_tasks/{id}")

    def extra_routes(self) -> list[tuple[str, re.Pattern[str], str]]:
        return [("POST", _path("/v1/pages"), "create_page")]

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
            "status_url": f"{ctx.base_url}/v1/async_tasks/{quote(task.id, safe='')}",
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
            body["result"] = _results.notion_page(page_id, iso(task.finished_wall or ctx.now_wall))
        else:
            message = step.error or "Markdown could not be converted."
            body["error"] = notion_error(400, "validation_error", message, request_id=False)
        return 200, body, ()

    def create_page(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> Reply:
        data = _json_object(request)
        if data is None:
            return Reply.json(400, notion_error(400, "invalid_json", "Error parsing JSON body."))
        if not isinstance(data.get("parent"), dict):
            return Reply.json(400, notion_error(400, "validation_error", "body.parent should be defined."))
        if data.get("allow_async") is True:
            if not isinstance(data.get("markdown"), str):
                message = "allow_async is only supported when markdown is provided."
                return Reply.json(400, notion_error(400, "validation_error", message))
            task = backend.create(self.name, self.new_id())
            step = backend.step_of(task)
            body = self.task_object(task, ctx)
            body["status"] = "queued"
            body["poll_after_seconds"] = self.poll_after if step.poll_after is None else step.poll_after
            return Reply.json(202, body)
        page_id = str(uuid.uuid4())
        return Reply.json(200, _results.notion_page(page_id, iso(ctx.now_wall)))

    def with_unknown_status(self, body: Any, value: str) -> Any:
        return {**body, "status": value, "poll_after_seconds": body.get("poll_after_seconds", self.poll_after)}

    def not_found(self, task_id: str) -> Reply:
        return Reply.json(404, notion_error(404, "object_not_found", f"Could not find async task with ID: {task_id}."))

    def rate_limited(self) -> Reply:
        message = "You have been rate limited. Please try again in a few minutes."
        return Reply.json(429, notion_error(429, "rate_limited", message))

    def server_error(self, status: int) -> Reply:
        codes = {500: "internal_server_error", 503: "service_unavailable", 504: "gateway_timeout"}
        if status in codes:
            return Reply.json(status, notion_error(status, codes[status], "Something went wrong."))
        return super().server_error(status)

    def new_id(self) -> str:
        return "task_" + secrets.token_hex(12)

    def default_unknown_status(self) -> str:
        return "paused"


def build(keys: Mapping[str, str], notion_poll_after: float) -> dict[str, ProviderSim]:
    providers: dict[str, ProviderSim] = {
        "aryn": Aryn(keys["aryn"]),
        "artos": Artos(keys["artos"]),
        "veza": Veza(keys["veza"]),
        "unsiloed": Unsiloed(keys["unsiloed"]),
        "notion": Notion(keys["notion"], notion_poll_after),
    }
    return providers


def check_steps(provider: ProviderSim, steps: tuple[Step, ...]) -> None:
    if not provider.supports_cancel_state and any(s.state == "canceled" for s in steps):
        raise ScenarioError(f"{provider.name} has no canceled state; its tasks end succeeded, failed or expired")
