"""The simulator as an ASGI application: routing, task store, faults, rate limits and the request log.

Requests are routed on the raw (still percent-encoded) path, so a task id is always exactly one path
segment, as on the real services. Each provider lives under its own prefix (`/aryn`, `/notion`, ...);
`/_simulator/...` is the control API. Handlers run on the server's event loop; the Python API of
`Simulator` calls in from other threads, so every change to shared state happens under one lock.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import math
import re
import threading
import time
from collections.abc import Awaitable, Callable, Mapping, MutableMapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, TypedDict
from urllib.parse import parse_qsl, unquote

from . import providers as _providers
from ._scenario import (
    ANSWERING_FAULTS,
    TERMINAL,
    Fault,
    ScenarioError,
    SimTask,
    Step,
    parse_faults,
    parse_steps,
    pending,
    running,
    succeeded,
)
from .providers._base import HTML, JSON, Context, Incoming, ProviderSim, SimResponse, cloudflare_520, gateway_page

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

PROVIDERS = _providers.names()  # every module in simulator/providers, as taskpoll.providers.names() finds the SDK's
SECRET_HEADERS = frozenset({"authorization", "api-key", "proxy-authorization", "cookie"})
REDACTED = "<redacted>"


def default_keys() -> dict[str, str]:
    return {name: f"sim-{name}-key" for name in PROVIDERS}


def default_steps() -> tuple[Step, ...]:
    """The lifecycle of a task created through a provider's own create endpoint."""
    return (pending(polls=1), running(polls=2, progress=0.5), succeeded(size=5))


class SimulatedDrop(Exception):
    """Raised inside the app to make the server close a connection mid-response (the `drop` fault)."""


@dataclass(frozen=True)
class RecordedRequest:
    """One request the simulator received. Secret header values are replaced by "<redacted>"."""

    time: float  # time.monotonic() when it arrived
    method: str
    provider: str | None
    raw_path: str  # exactly as sent, percent-encoding kept, without the query
    query: str
    headers: dict[str, str]
    key_owner: str | None  # whose key it carried: a provider name, "unknown", or None for no key
    task_id: str | None = None
    poll: int | None = None  # the task's status-request number, from 1
    status: int | None = None  # what was answered; None when the connection was dropped
    fault: str | None = None  # the fault injected into the answer, if any
    peer: str | None = None  # the client's "host:port": one per TCP connection

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class _TokenBucket:
    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.capacity = max(1.0, rate)
        self.tokens = self.capacity
        self.updated = time.monotonic()

    def take(self, now: float) -> float:
        """Take one token; return 0 if one was available, else the seconds until one will be."""
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate


class AppOptions(TypedDict, total=False):
    """SimulatorApp's keyword arguments, which Simulator passes on."""

    seed: int
    keys: Mapping[str, str] | None
    faults: Sequence[Fault]
    default_steps: Mapping[str, Sequence[Step]] | None
    notion_poll_after: float
    rate_limits: Mapping[str, float] | None


class SimulatorApp:
    """The ASGI app. Most users want `taskpoll.simulator.Simulator`, which serves it on 127.0.0.1."""

    def __init__(
        self,
        *,
        seed: int = 0,
        keys: Mapping[str, str] | None = None,
        faults: Sequence[Fault] = (),
        default_steps: Mapping[str, Sequence[Step]] | None = None,
        notion_poll_after: float = 1.0,
        rate_limits: Mapping[str, float] | None = None,
    ) -> None:
        self.seed = seed
        self.keys = {**default_keys(), **(keys or {})}
        self.providers = _providers.build(self.keys, notion_poll_after)  # the wait hint of those that send one
        self.faults = tuple(faults)
        self.default_steps = {name: tuple((default_steps or {}).get(name, ())) for name in PROVIDERS}
        unknown = set(rate_limits or {}) - set(PROVIDERS)
        if unknown:
            raise ScenarioError(f"rate limit for unknown provider(s): {', '.join(sorted(unknown))}")
        self.buckets = {name: _TokenBucket(rate) for name, rate in (rate_limits or {}).items()}
        self._lock = threading.Lock()
        self._tasks: dict[tuple[str, str], SimTask] = {}
        self._log: list[RecordedRequest] = []
        self._served: dict[str, int] = dict.fromkeys(PROVIDERS, 0)  # provider requests, for stats()
        self._peers: set[str] = set()
        self._routes = self._build_routes()
        self._owners = {key: name for name, key in self.keys.items()}
        # Lifecycles scripted for the next tasks a client creates through a provider's own create
        # endpoint (`script_next`), used in order; after them, the provider's default lifecycle.
        self._scripted: dict[str, list[tuple[tuple[Step, ...], tuple[Fault, ...]]]] = {name: [] for name in PROVIDERS}

    # Python API (thread-safe) -----------------------------------------------------------------

    def create_task(
        self,
        provider: str,
        steps: Sequence[Step] | None = None,
        *,
        task_id: str | None = None,
        faults: Sequence[Fault] = (),
    ) -> str:
        sim = self._provider(provider)
        chosen = tuple(steps) if steps else (self.default_steps[provider] or default_steps())
        sim.check_steps(chosen)
        new_id = task_id if task_id is not None else sim.new_id()
        with self._lock:
            if (provider, new_id) in self._tasks:
                raise ScenarioError(f"{provider} task {new_id!r} exists already")
            self._tasks[(provider, new_id)] = SimTask(
                provider, new_id, chosen, tuple(faults), time.monotonic(), time.time()
            )
        return new_id

    def requests(self, provider: str | None = None, task_id: str | None = None) -> list[RecordedRequest]:
        with self._lock:
            log = list(self._log)
        return [
            r for r in log if (provider is None or r.provider == provider) and (task_id is None or r.task_id == task_id)
        ]

    def clear_requests(self) -> None:
        with self._lock:
            self._log.clear()

    def stats(self, *, reset: bool = False) -> dict[str, Any]:
        """Provider requests served (total and per provider) and the distinct client connections that
        sent them, since the start or the last reset; control API requests are not counted.
        The request log is separate (`clear_requests`)."""
        with self._lock:
            stats = {
                "requests": sum(self._served.values()),
                "by_provider": dict(self._served),
                "connections": len(self._peers),
            }
            if reset:
                self._served = dict.fromkeys(PROVIDERS, 0)
                self._peers = set()
        return stats

    def set_faults(self, faults: Sequence[Fault]) -> None:
        """Replace the faults applied to every task's status requests."""
        with self._lock:
            self.faults = tuple(faults)

    def answered_states(self, provider: str, task_id: str) -> list[str]:
        """The lifecycle state of every poll of a task that got a normal answer, in order."""
        with self._lock:
            return list(self._tasks[(provider, task_id)].answered)

    def _provider(self, name: str) -> ProviderSim:
        try:
            return self.providers[name]
        except KeyError:
            raise ScenarioError(f"unknown provider {name!r}; providers are {', '.join(PROVIDERS)}") from None

    # Backend for the providers' create/cancel/list endpoints ------------------------------------

    def script_next(self, provider: str, steps: Sequence[Step], *, faults: Sequence[Fault] = ()) -> None:
        """Give the next task a client creates for `provider` (its submit endpoint) this lifecycle and
        these faults; scripts queue up and are used in order."""
        sim = self._provider(provider)
        chosen = tuple(steps)
        if not chosen:
            raise ScenarioError("a scripted lifecycle needs at least one step")
        sim.check_steps(chosen)
        with self._lock:
            self._scripted[provider].append((chosen, tuple(faults)))

    def create(self, provider: str, task_id: str) -> SimTask:
        with self._lock:
            script = self._scripted[provider].pop(0) if self._scripted[provider] else None
        if script is None:
            self.create_task(provider, task_id=task_id)
        else:
            self.create_task(provider, script[0], task_id=task_id, faults=script[1])
        with self._lock:
            return self._tasks[(provider, task_id)]

    def find(self, provider: str, task_id: str) -> SimTask | None:
        with self._lock:
            return self._tasks.get((provider, task_id))

    def tasks(self, provider: str) -> list[SimTask]:
        with self._lock:
            return [task for (name, _), task in self._tasks.items() if name == provider]

    def step_of(self, task: SimTask) -> Step:
        with self._lock:
            return task.current(time.monotonic(), time.time())

    def cancel(self, task: SimTask) -> None:
        with self._lock:
            task.cancel(time.monotonic(), time.time())

    # ASGI -------------------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        raw = scope.get("raw_path") or scope["path"].encode()
        raw_path, _, raw_query = raw.decode("latin-1").partition("?")
        query = scope.get("query_string", b"").decode("latin-1") or raw_query
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "127.0.0.1")
        record = RecordedRequest(
            time=time.monotonic(),
            method=scope["method"],
            provider=None,
            raw_path=raw_path,
            query=query,
            headers={k: (REDACTED if k in SECRET_HEADERS else v) for k, v in headers.items()},
            key_owner=self._key_owner(headers),
            peer=":".join(map(str, scope["client"])) if scope.get("client") else None,
        )
        reply, record = await self._dispatch(scope, raw_path, query, headers, body, host, record)
        if reply is None:  # the drop fault
            self._record(record)
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")],
                }
            )
            raise SimulatedDrop()
        self._record(record)
        headers_out = [(b"content-length", str(len(reply.body)).encode())]
        if reply.content_type:
            headers_out.append((b"content-type", reply.content_type.encode()))
        headers_out += [(k.encode(), v.encode()) for k, v in reply.headers]
        await send({"type": "http.response.start", "status": reply.status, "headers": headers_out})
        await send({"type": "http.response.body", "body": reply.body})

    def _record(self, record: RecordedRequest) -> None:
        with self._lock:
            self._log.append(record)
            if record.provider is not None:
                self._served[record.provider] += 1
                if record.peer is not None:
                    self._peers.add(record.peer)

    def _key_owner(self, headers: Mapping[str, str]) -> str | None:
        presented = [v.partition(" ")[2] or v for v in (headers.get("authorization"),) if v] + [
            v for v in (headers.get("api-key"),) if v
        ]
        if not presented:
            return None
        return next((self._owners[key] for key in presented if key in self._owners), "unknown")

    async def _dispatch(
        self,
        scope: Scope,
        raw_path: str,
        query: str,
        headers: dict[str, str],
        body: bytes,
        host: str,
        record: RecordedRequest,
    ) -> tuple[SimResponse | None, RecordedRequest]:
        def done(reply: SimResponse | None, **changes: Any) -> tuple[SimResponse | None, RecordedRequest]:
            fields = {**record.__dict__, **changes, "status": None if reply is None else reply.status}
            return reply, RecordedRequest(**fields)

        prefix, _, rest = raw_path.lstrip("/").partition("/")
        if prefix == "_simulator":
            return done(self._control(scope["method"], rest, body, host))
        sim = self.providers.get(prefix)
        if sim is None:
            return done(SimResponse.json(404, {"detail": "Not Found"}))
        request = Incoming(scope["method"], "/" + rest, dict(parse_qsl(query)), headers, body)
        ctx = Context(base_url=f"http://{host}/{prefix}", now_wall=time.time())
        record = RecordedRequest(**{**record.__dict__, "provider": prefix})
        route = self._match(prefix, request)
        if route is None:
            return done(SimResponse.json(404, {"detail": "Not Found"}))
        handler_name, match = route
        if "id" in match.groupdict():
            record = RecordedRequest(**{**record.__dict__, "task_id": unquote(match["id"])})
        refused = sim.reject(request)
        if refused is not None:
            return done(refused)
        if handler_name != "status":
            limited = self._rate_limited(sim)
            if limited is not None:
                return done(limited, fault="rate_limit")
            handler = getattr(sim, handler_name)
            return done(handler(request, match, self, ctx))
        return await self._status(sim, unquote(match["id"]), ctx, host, done)

    async def _status(
        self,
        sim: ProviderSim,
        task_id: str,
        ctx: Context,
        host: str,
        done: Callable[..., tuple[SimResponse | None, RecordedRequest]],
    ) -> tuple[SimResponse | None, RecordedRequest]:
        with self._lock:
            task = self._tasks.get((sim.name, task_id))
            if task is not None:
                task.polls += 1
                poll = task.polls
        if task is None:
            return done(sim.not_found(task_id), task_id=task_id)
        limited = self._rate_limited(sim)
        if limited is not None:
            return done(limited, task_id=task_id, poll=poll, fault="rate_limit")
        fault = self._fault_for(task, poll)
        if fault is not None and fault.kind == "slow":
            await asyncio.sleep(fault.delay)
        with self._lock:
            now, now_wall = time.monotonic(), time.time()
            step = task.current(now, now_wall)
            normal = task.replies.get(task.step_index)
            if normal is None:
                normal = sim.status_reply(task, step, Context(ctx.base_url, now_wall))
                if step.state in TERMINAL:  # large results are rendered once
                    task.replies[task.step_index] = normal
            if fault is None or fault.kind in ANSWERING_FAULTS:
                task.answered_poll(now, now_wall)
        reply = normal if fault is None else self._faulty(sim, fault, normal, host, ctx.now_wall)
        return done(reply, task_id=task_id, poll=poll, fault=None if fault is None else fault.kind)

    def _fault_for(self, task: SimTask, poll: int) -> Fault | None:
        with self._lock:
            server_faults = self.faults
        for index, fault in enumerate((*task.faults, *server_faults)):
            if fault.applies(self.seed, task.id, poll, index):
                return fault
        return None

    def _faulty(
        self, sim: ProviderSim, fault: Fault, normal: SimResponse, host: str, now_wall: float
    ) -> SimResponse | None:
        retry_after: tuple[tuple[str, str], ...] = ()
        if fault.kind == "rate_limit" or fault.retry_after is not None:
            seconds = 1.0 if fault.retry_after is None else fault.retry_after
            value = (
                email.utils.formatdate(now_wall + seconds, usegmt=True)
                if fault.retry_after_date
                else str(math.ceil(seconds) if seconds == int(seconds) else seconds)
            )
            retry_after = (("Retry-After", value),)
        kind = fault.kind
        if kind == "rate_limit":
            reply = sim.rate_limited()
            return SimResponse(reply.status, reply.body, reply.content_type, reply.headers + retry_after)
        if kind == "server_error":
            reply = sim.server_error(fault.status or 503)
            return SimResponse(reply.status, reply.body, reply.content_type, reply.headers + retry_after)
        if kind == "nonstandard_status":
            return cloudflare_520(host)
        if kind == "drop":
            return None
        if kind == "html":
            page = gateway_page(fault.status or 200, "OK").body.replace(b"nginx", b"Sign in")
            return SimResponse(fault.status or 200, page, HTML)
        if kind == "empty":
            return SimResponse(fault.status or 200, b"", "application/json")
        if kind == "truncated":
            return SimResponse(
                fault.status or normal.status, normal.body[: max(1, len(normal.body) // 2)], normal.content_type
            )
        if kind in ("unknown_status", "extra_field"):
            if normal.content_type != JSON or (normal.status >= 300 and kind == "unknown_status"):
                return normal
            body = json.loads(normal.body)
            if kind == "extra_field":
                return SimResponse.json(normal.status, sim.with_extra_fields(body), normal.headers)
            value = fault.value or sim.default_unknown_status()
            return SimResponse.json(
                sim.unknown_status_code(normal.status), sim.with_unknown_status(body, value), normal.headers
            )
        return normal  # slow: the normal answer, late

    def _rate_limited(self, sim: ProviderSim) -> SimResponse | None:
        bucket = self.buckets.get(sim.name)
        if bucket is None:
            return None
        with self._lock:
            wait = bucket.take(time.monotonic())
        if not wait:
            return None
        reply = sim.rate_limited()
        return SimResponse(reply.status, reply.body, reply.content_type, (("Retry-After", str(math.ceil(wait))),))

    def _build_routes(self) -> dict[str, list[tuple[str, re.Pattern[str], str]]]:
        return {
            name: [("GET", sim.status_path(), "status"), *sim.extra_routes()] for name, sim in self.providers.items()
        }

    def _match(self, provider: str, request: Incoming) -> tuple[str, re.Match[str]] | None:
        for method, pattern, handler in self._routes[provider]:
            match = pattern.match(request.path)
            if match and method == request.method:
                return handler, match
        return None

    # Control API ------------------------------------------------------------------------------

    def _control(self, method: str, path: str, body: bytes, host: str) -> SimResponse:
        try:
            if (method, path) == ("POST", "tasks"):
                data = json.loads(body or b"{}")
                if not isinstance(data, dict):
                    raise ScenarioError("the body is a JSON object")
                task_id = self.create_task(
                    str(data.get("provider")),
                    parse_steps(data.get("steps")),
                    task_id=data.get("id"),
                    faults=parse_faults(data.get("faults")),
                )
                provider = str(data["provider"])
                return SimResponse.json(
                    201, {"provider": provider, "id": task_id, "base_url": f"http://{host}/{provider}"}
                )
            if (method, path) == ("POST", "tasks/batch"):
                data = json.loads(body or b"{}")
                count = data.get("count") if isinstance(data, dict) else None
                if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 100_000:
                    raise ScenarioError("the body is a JSON object with a count from 1 to 100000")
                provider, steps = str(data.get("provider")), parse_steps(data.get("steps"))
                ids = [self.create_task(provider, steps) for _ in range(count)]
                return SimResponse.json(
                    201, {"provider": provider, "ids": ids, "base_url": f"http://{host}/{provider}"}
                )
            if (method, path) == ("POST", "next"):
                data = json.loads(body or b"{}")
                if not isinstance(data, dict):
                    raise ScenarioError("the body is a JSON object")
                provider = str(data.get("provider"))
                self.script_next(provider, parse_steps(data.get("steps")), faults=parse_faults(data.get("faults")))
                return SimResponse(204, b"", None)
            if (method, path) in (("GET", "stats"), ("DELETE", "stats")):
                return SimResponse.json(200, self.stats(reset=method == "DELETE"))
            if (method, path) == ("GET", "requests"):
                return SimResponse.json(200, [r.to_json() for r in self.requests()])
            if (method, path) == ("DELETE", "requests"):
                self.clear_requests()
                return SimResponse(204, b"", None)
            if (method, path) == ("POST", "faults"):
                data = json.loads(body or b"{}")
                self.set_faults(parse_faults(data.get("faults") if isinstance(data, dict) else data))
                return SimResponse(204, b"", None)
            if (method, path) == ("GET", "providers"):
                return SimResponse.json(200, {name: {"base_url": f"http://{host}/{name}"} for name in PROVIDERS})
        except (ScenarioError, ValueError, TypeError) as exc:
            return SimResponse.json(400, {"error": str(exc)})
        return SimResponse.json(404, {"error": f"no control endpoint {method} /_simulator/{path}"})
