"""One adapter module per provider; each re-exports the generated models its `Task.result` uses
and the request models its `submit` takes.

    from taskpoll.providers.aryn import PartitionerResponse, Element, PartitionOptions

A module here whose name does not start with `_` is a provider: adding one (plus its spec and its
simulator behaviour) is all it takes to support a sixth. `names()` lists them without importing
them; `get(name)` imports one.
"""

from __future__ import annotations

from typing import Any

from .._errors import ConfigurationError
from .._registry import module_names, provider_of
from ._base import Provider

__all__ = ["Provider", "get", "names"]


def names() -> tuple[str, ...]:
    return module_names(__path__)


def get(name: str) -> Provider[Any]:
    provider: Provider[Any] = provider_of(__name__, __path__, name, ConfigurationError, "taskpoll knows")
    return provider
