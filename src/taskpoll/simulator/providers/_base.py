"""What every simulated provider shares: the request and reply types, the base class, shared helpers.

Each provider module beside this one (`aryn.py`, `notion.py`, ...) subclasses `ProviderSim` with
its own auth, status bodies per lifecycle state, error bodies and create endpoints, and every body
follows specs/<provider>.yaml (the simulator's tests validate each answer against it).
Framework-free: a provider turns a task and a step into a `SimResponse`; the ASGI app in _app.py sends it.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import random
import re
import uuid
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import quote

from .._scenario import ScenarioError, SimTask, Step

JSON = "application/json"
TEXT = "text/plain; charset=utf-8"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class SimResponse:
    status: int
    body: bytes = b""
    content_type: str | None = JSON
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def json(cls, status: int, data: Any, headers: tuple[tuple[str, str], ...] = ()) -> SimResponse:
        return cls(status, json.dumps(data, separators=(",", ":")).encode(), JSON, headers)

    @classmethod
    def text(cls, status: int, text: str, content_type: str = TEXT) -> SimResponse:
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


@dataclass(frozen=True)
class StatusRequest:
    """How to ask for a task's status by hand: `GET url` with these query params and headers."""

    url: str
    params: dict[str, str]
    headers: dict[str, str]


class Backend(Protocol):
    """What the create/cancel/list endpoints need from the simulator's task store."""

    def create(self, provider: str, task_id: str) -> SimTask: ...

    def find(self, provider: str, task_id: str) -> SimTask | None: ...

    def tasks(self, provider: str) -> list[SimTask]: ...

    def step_of(self, task: SimTask) -> Step: ...

    def cancel(self, task: SimTask) -> None: ...


Handler = Callable[[Incoming, "re.Match[str]", Backend, Context], "SimResponse"]


def iso(unix: float) -> str:
    return datetime.fromtimestamp(unix, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def gateway_page(status: int, reason: str) -> SimResponse:
    html = (
        f"<!DOCTYPE html><html><head><title>{status} {reason}</title></head>"
        f"<body><center><h1>{status} {reason}</h1></center><hr><center>nginx</center></body></html>"
    )
    return SimResponse.text(status, html, HTML)


def cloudflare_520(host: str) -> SimResponse:
    html = (
        f"<!DOCTYPE html><html><head><title>{host} | 520: Web server is returning an unknown error</title>"
        "</head><body><h1>Web server is returning an unknown error</h1><p>Error code 520</p>"
        "<p>Ray ID: 8c2f1a0e9b7d4c3a</p></body></html>"
    )
    return SimResponse.text(520, html, HTML)


class ProviderSim:
    """Behaviour shared by the providers; each subclass (one module each) fills in its own shapes."""

    name: str = ""
    supports_cancel_state = True  # whether a task can be scripted to end canceled

    def __init__(self, key: str, poll_after: float = 1.0) -> None:
        self.key = key
        self.poll_after = poll_after  # the default wait hint, for a provider whose answers carry one

    # Requests --------------------------------------------------------------------------------

    def key_from(self, headers: Mapping[str, str]) -> str | None:
        value = headers.get("authorization")
        if value is None:
            return None
        scheme, _, token = value.partition(" ")
        return token if scheme.lower() == "bearer" else value

    def reject(self, request: Incoming) -> SimResponse | None:
        """An answer for a request this provider refuses before looking at the task (auth, headers)."""
        key = self.key_from(request.headers)
        if key == self.key:
            return None
        return self.auth_error(key)

    def auth_error(self, key: str | None) -> SimResponse:
        raise NotImplementedError

    def status_path(self) -> re.Pattern[str]:
        raise NotImplementedError

    # How a client reaches a task (StatusRequest) ----------------------------------------------

    def client_headers(self, key: str | None) -> dict[str, str]:
        """The headers a well-behaved client sends: `key` as this provider expects it (none for None)."""
        return {} if key is None else {"Authorization": f"Bearer {key}"}

    def status_params(self) -> dict[str, str]:
        """The query a well-behaved client sends with a status request."""
        return {}

    def status_url(self, base_url: str, task_id: str) -> str:
        """The URL of a task's status below this provider's base URL, the id percent-encoded as one segment."""
        template = self.status_path().pattern.removeprefix("^").removesuffix("$").replace(ID_SEGMENT, "{id}")
        return base_url.rstrip("/") + template.format(id=quote(task_id, safe=""))

    def extra_routes(self) -> list[tuple[str, re.Pattern[str], str]]:
        """(method, raw path pattern, handler method name) of the create/cancel/list endpoints."""
        return []

    # Status answers --------------------------------------------------------------------------

    def status_body(self, task: SimTask, step: Step, ctx: Context) -> tuple[int, Any, tuple[tuple[str, str], ...]]:
        """The HTTP status, JSON body and extra headers of a normal status answer."""
        raise NotImplementedError

    def status_reply(self, task: SimTask, step: Step, ctx: Context) -> SimResponse:
        if step.state == "expired" or (step.state == "canceled" and not self.supports_cancel_state):
            return self.not_found(task.id)
        status, body, headers = self.status_body(task, step, ctx)
        return SimResponse.json(status, body, headers)

    def with_unknown_status(self, body: Any, value: str) -> Any:
        """The body with its status value replaced by one the spec does not list."""
        return {**body, "status": value}

    def unknown_status_code(self, status: int) -> int:
        """The HTTP status of an answer whose status value the spec does not list (the `unknown_status`
        fault); most providers keep the normal answer's."""
        return status

    def with_extra_fields(self, body: Any) -> Any:
        return {**body, "eta_seconds": 42, "x_debug": {"region": "sim-1", "shard": 7}}

    def not_found(self, task_id: str) -> SimResponse:
        raise NotImplementedError

    def rate_limited(self) -> SimResponse:
        raise NotImplementedError

    def server_error(self, status: int) -> SimResponse:
        return gateway_page(
            status,
            {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}[
                status
            ],
        )

    def check_steps(self, steps: tuple[Step, ...]) -> None:
        if not self.supports_cancel_state and any(s.state == "canceled" for s in steps):
            raise ScenarioError(f"{self.name} has no canceled state; its tasks end succeeded, failed or expired")

    def new_id(self) -> str:
        return str(uuid.uuid4())

    def default_unknown_status(self) -> str:
        return "Paused"


def json_object(request: Incoming) -> dict[str, Any] | None:
    try:
        data = json.loads(request.body)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def multipart_fields(request: Incoming) -> set[str]:
    """The part names of a multipart/form-data body (enough to check what was sent, no files kept)."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return set()
    return {name.decode() for name in re.findall(rb'form-data; name="([^"]+)"', request.body, re.IGNORECASE)}


ID_SEGMENT = "(?P<id>[^/]*)"


def multipart_parts(request: Incoming) -> dict[str, bytes] | None:
    """The parts of a multipart/form-data body by name (the last of a repeated name), or None when
    the body is not multipart or does not parse."""
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        return None
    try:
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + request.body
        )
    except (ValueError, UnicodeEncodeError):
        return None
    if not message.is_multipart():
        return None
    parts: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            parts[name] = payload
    return parts


def route(pattern: str) -> re.Pattern[str]:
    """A raw-path pattern in which `{id}` matches exactly one (percent-encoded) path segment."""
    return re.compile("^" + pattern.replace("{id}", ID_SEGMENT) + "$")


def variant(task_id: str, count: int) -> int:
    """Which of `count` documented answer shapes a task is served in: stable per task id."""
    return zlib.crc32(task_id.encode()) % count


WORDS = (
    "revenue quarter growth segment operating margin customers region report annual net sales total "
    "increase decrease compared prior year product services guidance outlook cash flow capital expenditure "
    "research development employees market share risk factors liquidity dividend board directors"
).split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[:1].upper() + text[1:] + "."
