"""A local, spec-faithful fake of the five providers, with scripted lifecycles and fault injection.

Needs the `simulator` extra (uvicorn; README "Install") to serve over HTTP.

    from taskpoll.simulator import Simulator, Fault, pending, running, succeeded

    with Simulator(seed=1) as sim:
        task_id = sim.create_task(
            "aryn",
            [pending(polls=2), running(), succeeded(size=100)],
            faults=[Fault("rate_limit", polls=(2,), retry_after=1)],
        )
        print(sim.base_url("aryn"), sim.api_key("aryn"), task_id)

The same is available over HTTP: `POST /_simulator/tasks` with
`{"provider": "aryn", "steps": [{"state": "pending", "polls": 2}, {"state": "succeeded", "size": 100}]}`,
`POST /_simulator/tasks/batch` (the same with a `count`), `POST /_simulator/next` (the lifecycle of
the next task a client submits through the provider's own create endpoint, like `script_next`),
`GET /_simulator/requests`,
`POST /_simulator/faults`, `GET /_simulator/providers`, and `GET /_simulator/stats` (provider requests
served and distinct client connections; `DELETE` answers the same and starts counting again).
`SimulatorProcess` runs `taskpoll simulate` in a child process and drives it over that API.
`status_request(provider, task_id, base_url=..., api_key=...)` (or `sim.status_request(provider,
task_id)`) says how to ask for a task's status by hand: URL, query and headers.
"""

from ._app import PROVIDERS, RecordedRequest, SimulatedDrop, SimulatorApp
from ._process import SimulatorProcess
from ._scenario import (
    FAULT_KINDS,
    STATES,
    Fault,
    ScenarioError,
    Step,
    canceled,
    expired,
    failed,
    pending,
    running,
    succeeded,
)
from ._server import Simulator
from .providers import StatusRequest, status_request

__all__ = [
    "FAULT_KINDS",
    "PROVIDERS",
    "STATES",
    "Fault",
    "RecordedRequest",
    "ScenarioError",
    "SimulatedDrop",
    "Simulator",
    "SimulatorApp",
    "SimulatorProcess",
    "StatusRequest",
    "Step",
    "canceled",
    "expired",
    "failed",
    "pending",
    "running",
    "status_request",
    "succeeded",
]
