"""Serve the simulator on 127.0.0.1 with uvicorn, in a background thread or in the foreground."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from types import TracebackType
from typing import Any, Unpack

from ._app import PROVIDERS, AppOptions, RecordedRequest, SimulatedDrop, SimulatorApp
from ._scenario import Fault, Step
from .providers import StatusRequest, status_request


class _HideSimulatedDrops(logging.Filter):
    """uvicorn logs the exception a deliberate `drop` fault raises; that is not an error."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], SimulatedDrop))


# taskpoll is on no package index: `pip install 'taskpoll[simulator]'` finds nothing. What the extra brings
# installs from anywhere; the extra itself from the checkout or wheel taskpoll came from (README "Install").
MISSING_EXTRA = (
    "the simulator needs the 'simulator' extra: pip install 'uvicorn>=0.30' "
    "(or install taskpoll with it from a checkout or wheel: pip install '/path/to/taskpoll[simulator]')"
)


def require_uvicorn() -> None:
    """Fail at once, with the install command, when the `simulator` extra is missing."""
    try:
        import uvicorn  # noqa: F401
    except ImportError:
        raise ImportError(MISSING_EXTRA, name="uvicorn") from None


def _uvicorn_config(app: SimulatorApp, host: str, port: int) -> Any:
    import uvicorn

    logging.getLogger("uvicorn.error").addFilter(_HideSimulatedDrops())
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="off",
        server_header=False,
        timeout_keep_alive=30,
        backlog=4096,
    )


class Simulator:
    """A local, spec-faithful fake of all five providers on 127.0.0.1, with scripted tasks and faults.

        with Simulator() as sim:
            task_id = sim.create_task("notion", [pending(poll_after=0.1), succeeded()])
            client = taskpoll.Client("notion", base_url=sim.base_url("notion"), api_key=sim.api_key("notion"))
            client.wait(task_id)

    Each provider is served under its own prefix (`base_url(provider)`) and accepts the key
    `api_key(provider)`. Every request is recorded (`requests()`), with secrets redacted.
    """

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, **options: Unpack[AppOptions]) -> None:
        """`options` are SimulatorApp's: seed, keys, faults, default_steps, notion_poll_after, rate_limits."""
        require_uvicorn()
        self.app = SimulatorApp(**options)
        self._host, self._port = host, port
        self._server: Any = None
        self._thread: threading.Thread | None = None

    # Lifecycle --------------------------------------------------------------------------------

    def start(self) -> Simulator:
        if self._server is not None:
            return self
        import uvicorn

        server = uvicorn.Server(_uvicorn_config(self.app, self._host, self._port))
        thread = threading.Thread(target=server.run, name="taskpoll-simulator", daemon=True)
        thread.start()
        deadline = time.monotonic() + 10.0
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the simulator could not start on {self._host}:{self._port}")
            time.sleep(0.005)
        self._server, self._thread = server, thread
        self._port = server.servers[0].sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout=10.0)
        self._server = self._thread = None

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # Addresses and keys -----------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the simulator is not running; use `with Simulator() as sim:` or start()")
        return f"http://{self._host}:{self._port}"

    def base_url(self, provider: str) -> str:
        self.app._provider(provider)
        return f"{self.url}/{provider}"

    def api_key(self, provider: str) -> str:
        self.app._provider(provider)
        return self.app.keys[provider]

    def status_request(self, provider: str, task_id: str) -> StatusRequest:
        """How to ask this simulator for a task's status by hand (URL, query, headers with its key);
        `taskpoll.simulator.status_request` does the same with any key or none."""
        return status_request(provider, task_id, base_url=self.base_url(provider), api_key=self.api_key(provider))

    @property
    def providers(self) -> tuple[str, ...]:
        return PROVIDERS

    # Scenarios and the request log ------------------------------------------------------------

    def create_task(
        self,
        provider: str,
        steps: Sequence[Step] | None = None,
        *,
        task_id: str | None = None,
        faults: Sequence[Fault] = (),
    ) -> str:
        """Script a task and return its id. With no steps, the provider's default lifecycle is used."""
        return self.app.create_task(provider, steps, task_id=task_id, faults=faults)

    def script_next(self, provider: str, steps: Sequence[Step], *, faults: Sequence[Fault] = ()) -> None:
        """Script the lifecycle (and faults) of the next task a client submits to `provider`."""
        self.app.script_next(provider, steps, faults=faults)

    def set_faults(self, faults: Sequence[Fault]) -> None:
        self.app.set_faults(faults)

    def requests(self, provider: str | None = None, task_id: str | None = None) -> list[RecordedRequest]:
        return self.app.requests(provider, task_id)

    def clear_requests(self) -> None:
        self.app.clear_requests()

    def answered_states(self, provider: str, task_id: str) -> list[str]:
        return self.app.answered_states(provider, task_id)
