"""The simulated Veza: its answers follow specs/veza.yaml."""

from __future__ import annotations

import random
import re
import secrets
from datetime import UTC, datetime
from typing import Any, ClassVar

from .._scenario import SimTask, Step
from ._base import WORDS, Backend, Context, Incoming, ProviderSim, SimResponse, json_object, route, variant


def veza_rows(count: int, seed: str) -> dict[str, Any]:
    rng = random.Random(seed)
    return {
        "values": [
            {
                "id": f"arn:aws:iam::{rng.randint(10**11, 10**12 - 1)}:user/{rng.choice(WORDS)}-{index}",
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


class Veza(ProviderSim):
    name = "veza"
    STATE: ClassVar[dict[str, str]] = {"pending": "PENDING", "running": "IN_PROGRESS"}
    OUTCOME: ClassVar[dict[str, str]] = {"succeeded": "SUCCEEDED", "failed": "FAILED", "canceled": "CANCELED"}

    def auth_error(self, key: str | None) -> SimResponse:
        return SimResponse.json(401, rpc_status(16, "Invalid API key" if key else "Missing API key"))

    def status_path(self) -> re.Pattern[str]:
        return route("/api/v1/assessments/async_tasks/{id}")

    def extra_routes(self) -> list[tuple[str, re.Pattern[str], str]]:
        return [("POST", route("/api/v1/assessments/query_spec:result_async_create"), "create_query")]

    def status_body(self, task: SimTask, step: Step, ctx: Context) -> tuple[int, Any, tuple[tuple[str, str], ...]]:
        body: dict[str, Any] = {"id": task.id}
        if step.state in self.STATE:
            body["state"] = step.status or self.STATE[step.state]
        else:
            body["state"] = "COMPLETE"
            body["status"] = step.status or self.OUTCOME[step.state]
        if step.state == "succeeded":
            body["result"] = veza_result(3 if step.size is None else step.size, task.id)
        if step.state == "failed":
            body["error_reason"] = step.error or "query execution failed"
            body["error_status"] = {"code": 13, "message": step.error or "internal error", "details": []}
        # Veza's docs show no body for this endpoint: half the tasks answer a bare AsyncTask, half the
        # create response's {"task": AsyncTask} wrapper.
        return 200, (body if variant(task.id, 2) else {"task": body}), ()

    def create_query(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> SimResponse:
        if json_object(request) is None:
            return SimResponse.json(400, rpc_status(3, "request body must be a JSON object"))
        task = backend.create(self.name, self.new_id())
        return SimResponse.json(200, {"task": {"id": task.id, "state": "PENDING"}})

    def with_unknown_status(self, body: Any, value: str) -> Any:
        if "task" not in body:
            return {**body, "state": value}
        return {"task": {**body["task"], "state": value}}

    def with_extra_fields(self, body: Any) -> Any:
        extra = {"created_at": "2026-11-22T10:00:00Z", "owner": "sim"}
        if "task" not in body:
            return {**body, **extra}
        return {**body, "task": {**body["task"], **extra}}

    def not_found(self, task_id: str) -> SimResponse:
        return SimResponse.json(404, rpc_status(5, f"async task {task_id} not found"))

    def rate_limited(self) -> SimResponse:
        return SimResponse.json(429, rpc_status(8, "rate limit exceeded"))

    def server_error(self, status: int) -> SimResponse:
        code = {500: 13, 503: 14, 504: 4}.get(status)
        return SimResponse.json(status, rpc_status(code, "internal error")) if code else super().server_error(status)

    def default_unknown_status(self) -> str:
        return "SUSPENDED"


PROVIDER = Veza
