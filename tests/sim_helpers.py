"""Raw HTTP access to the simulator, one provider at a time, for tests that check its answers."""

from __future__ import annotations

from typing import Any

import httpx

from taskpoll.simulator import Simulator

STATUS_PATH = {
    "aryn": "/v1/async/result/{id}",
    "artos": "/api/v1/documents/status/{id}",
    "veza": "/api/v1/assessments/async_tasks/{id}",
    "unsiloed": "/parse/{id}",
    "notion": "/v1/async_tasks/{id}",
}
STATUS_QUERY = {"aryn": {"path_filter": "^/v1/document/partition$"}}


def auth(sim: Simulator, provider: str, key: str | None = "right") -> dict[str, str]:
    """The headers a well-behaved client sends; `key=None` leaves the key out, any other string is sent as is."""
    value = sim.api_key(provider) if key == "right" else key
    headers = {"Notion-Version": "2026-03-11"} if provider == "notion" else {}
    if value is not None:
        headers.update({"api-key": value} if provider == "unsiloed" else {"Authorization": f"Bearer {value}"})
    return headers


def status_path(provider: str, task_id: str) -> str:
    from urllib.parse import quote

    return STATUS_PATH[provider].format(id=quote(task_id, safe=""))


def get_status(client: httpx.Client, sim: Simulator, provider: str, task_id: str, **kwargs: Any) -> httpx.Response:
    headers = kwargs.pop("headers") if "headers" in kwargs else auth(sim, provider)
    return client.get(
        sim.base_url(provider) + status_path(provider, task_id),
        params=STATUS_QUERY.get(provider, {}),
        headers=headers,
        **kwargs,
    )


def raw_status(provider: str, response: httpx.Response) -> str:
    """The provider's status value in a status answer (Aryn: the HTTP status)."""
    if provider == "aryn":
        return str(response.status_code)
    body = response.json()
    if provider == "veza":
        task = veza_task(body)
        return task["state"] if task["state"] != "COMPLETE" else f"COMPLETE/{task['status']}"
    return str(body["status"])


def veza_task(body: Any) -> Any:
    """The AsyncTask of a Veza status body, which the simulator sends bare or as {"task": ...}."""
    return body["task"] if isinstance(body.get("task"), dict) else body
