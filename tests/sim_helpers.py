"""Raw HTTP access to the simulator, one provider at a time, for tests that check its answers."""

from __future__ import annotations

from typing import Any

import httpx

from taskpoll.simulator import Simulator, StatusRequest, status_request


def auth(sim: Simulator, provider: str, key: str | None = "right") -> dict[str, str]:
    """The headers a well-behaved client sends; `key=None` leaves the key out, any other string is sent as is."""
    return reach(sim, provider, "-", key).headers


def reach(sim: Simulator, provider: str, task_id: str, key: str | None = "right") -> StatusRequest:
    """How a well-behaved client asks for a task's status (the simulator's own answer); `key` as in auth()."""
    api_key = sim.api_key(provider) if key == "right" else key
    return status_request(provider, task_id, base_url=sim.base_url(provider), api_key=api_key)


def status_path(sim: Simulator, provider: str, task_id: str) -> str:
    """The raw path of a task's status below the provider's base URL, the id percent-encoded."""
    return reach(sim, provider, task_id).url.removeprefix(sim.base_url(provider))


def get_status(client: httpx.Client, sim: Simulator, provider: str, task_id: str, **kwargs: Any) -> httpx.Response:
    request = reach(sim, provider, task_id)
    headers = kwargs.pop("headers") if "headers" in kwargs else request.headers
    return client.get(request.url, params=request.params, headers=headers, **kwargs)


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
