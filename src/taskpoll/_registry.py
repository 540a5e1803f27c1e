"""How taskpoll.providers and taskpoll.simulator.providers find their provider modules: every
module of the package whose name does not start with `_` is one, and defines `PROVIDER`."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from typing import Any


def module_names(path: Iterable[str]) -> tuple[str, ...]:
    """The provider modules in a package's `__path__`, sorted, without importing them."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(path) if not m.name.startswith("_")))


def provider_of(package: str, path: Iterable[str], name: object, error: type[Exception], knows: str) -> Any:
    """The `PROVIDER` of module `name` of `package`; any other name raises `error`, saying
    "unknown provider 'x'; <knows> a, b, c"."""
    known = module_names(path)
    if not isinstance(name, str) or name not in known:
        raise error(f"unknown provider {name!r}; {knows} {', '.join(known)}")
    return importlib.import_module(f"{package}.{name}").PROVIDER
