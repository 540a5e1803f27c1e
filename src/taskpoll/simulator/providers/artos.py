"""The simulated Artos: its answers follow specs/artos.yaml."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from .._scenario import SimTask, Step
from ._base import Backend, Context, Incoming, ProviderSim, SimResponse, json_object, route, variant


class Artos(ProviderSim):
    name = "artos"
    supports_cancel_state = False
    DEFAULT: ClassVar[dict[str, str]] = {
        "pending": "Pending",
        "running": "Generating",
        "succeeded": "Ready",
        "failed": "Failed",
    }

    def auth_error(self, key: str | None) -> SimResponse:
        detail = "Not authenticated" if key is None else "Invalid authentication credentials"
        return SimResponse.json(401, {"detail": detail})

    def status_path(self) -> re.Pattern[str]:
        return route("/api/v1/documents/status/{id}")

    def extra_routes(self) -> list[tuple[str, re.Pattern[str], str]]:
        return [("POST", route("/api/v1/documents/generate"), "generate")]

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

    def generate(self, request: Incoming, match: re.Match[str], backend: Backend, ctx: Context) -> SimResponse:
        data = json_object(request)
        if data is None:
            return SimResponse.json(
                422, {"detail": [{"loc": ["body"], "msg": "Invalid JSON body", "type": "json_invalid"}]}
            )
        missing = [names[0] for names in self.REQUIRED if not any(n in data for n in names)]
        if missing:
            detail = [{"loc": ["body", name], "msg": "Field required", "type": "missing"} for name in missing]
            return SimResponse.json(422, {"detail": detail})
        task = backend.create(self.name, self.new_id())
        message = "Request to generate document has been accepted and is being processed in the background."
        return SimResponse.json(202, {"message": message, "task_id": task.id})

    def not_found(self, task_id: str) -> SimResponse:
        return SimResponse.json(404, {"detail": "Document not found"})

    def rate_limited(self) -> SimResponse:
        return SimResponse.json(429, {"detail": "Too many requests"})

    def server_error(self, status: int) -> SimResponse:
        return SimResponse.json(500, {"detail": "Database error"}) if status == 500 else super().server_error(status)

    def default_unknown_status(self) -> str:
        return "Archived"  # in no Artos document (Complete, the Async Operations page's word, is in the spec)


PROVIDER = Artos
