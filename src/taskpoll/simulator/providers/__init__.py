"""One module per simulated provider, found the way `taskpoll.providers` finds the SDK's adapters.

A module here whose name does not start with `_` is a provider: it defines `PROVIDER`, a
`ProviderSim` subclass named like the module. `names()` lists them without importing them;
`get(name)` imports one; `build(keys)` makes one of each, as the simulator app serves them;
`status_request` says how to reach a task by hand, so that no caller spells a provider's paths.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..._registry import module_names, provider_of
from .._scenario import ScenarioError
from ._base import ProviderSim, StatusRequest

__all__ = ["ProviderSim", "StatusRequest", "build", "get", "names", "status_request"]


def names() -> tuple[str, ...]:
    return module_names(__path__)


def get(name: str) -> type[ProviderSim]:
    provider: type[ProviderSim] = provider_of(__name__, __path__, name, ScenarioError, "providers are")
    return provider


def build(keys: Mapping[str, str], poll_after: float = 1.0) -> dict[str, ProviderSim]:
    """One simulated provider of each name, accepting `keys[name]`; `poll_after` is the default wait
    hint of the providers whose answers carry one."""
    return {name: get(name)(keys[name], poll_after) for name in names()}


def status_request(provider: str, task_id: str, *, base_url: str, api_key: str | None) -> StatusRequest:
    """How a hand-written client asks `provider` (served at `base_url`) for a task's status: the URL,
    query and headers (with `api_key` as the provider expects it; None sends no key)."""
    sim = get(provider)("")
    return StatusRequest(sim.status_url(base_url, task_id), sim.status_params(), sim.client_headers(api_key))
