"""taskpoll: poll the asynchronous tasks of Aryn DocParse, Artos, Veza, Unsiloed and Notion through one
typed interface, and be told, correctly and within a deadline, when each is done.

    import taskpoll

    with taskpoll.Client("notion") as client:        # key from NOTION_TOKEN
        page = client.wait(task_id, timeout=300).unwrap().result   # the created Page, as Notion returned it
"""

from . import _errors
from . import providers as providers  # `taskpoll.providers` without an import of its own (pyright too)
from ._client import AsyncClient, Client
from ._errors import *  # noqa: F403  the error tree, re-exported: its names are _errors.__all__
from ._loop import PollEvent
from ._policy import PollPolicy
from ._step import Done, PollAgain, RateLimit, WaitState
from ._task import Task, TaskError, TaskState
from ._version import __version__

__all__ = [
    "AsyncClient",
    "Client",
    "Done",
    "PollAgain",
    "PollEvent",
    "PollPolicy",
    "RateLimit",
    "Task",
    "TaskError",
    "TaskState",
    "WaitState",
    "__version__",
]
__all__ += _errors.__all__

try:  # the otel extra: spans and metrics of every wait through the OpenTelemetry API (taskpoll.contrib.otel)
    from .contrib import otel as _otel
except ModuleNotFoundError as missing:  # not installed: nothing of OpenTelemetry is imported
    if not (missing.name or "").startswith("opentelemetry"):
        raise
except ImportError as broken:  # an opentelemetry-api too old for the extra: taskpoll works, untraced
    import logging

    logging.getLogger("taskpoll").warning("taskpoll's OpenTelemetry instrumentation is off: %s", broken)
else:
    from . import _loop

    _loop.OBSERVER = _otel.Telemetry()
