"""One adapter module per provider; each re-exports the generated models its `Task.result` uses
and the request models its `submit` takes.

    from taskpoll.providers.aryn import PartitionerResponse, Element, PartitionOptions

A module here whose name does not start with `_` is a provider: adding one (plus its spec and its
simulator behaviour) is all it takes to support a sixth. `names()` lists them without importing
them; `get(name)` imports one.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from .._errors import ConfigurationError
from ._base import Provider

__all__ = ["Provider", "get", "names"]


def names() -> tuple[str, ...]:
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


def get(name: str) -> Provider[Any]:
    if not isinstance(name, str) or name not in names():
        raise ConfigurationError(f"unknown provider {name!r}; taskpoll knows {', '.join(names())}")
    provider: Provider[Any] = importlib.import_module(f"{__name__}.{name}").PROVIDER
    return provider
