"""A first taskpoll program: start the bundled simulator, wait on a task, use its typed result.

    pip install 'taskpoll[simulator]'    # or the wheel: pip install 'dist/taskpoll-*.whl[simulator]'
    python quickstart.py

It needs no API key and no network: the simulator fakes all five providers on 127.0.0.1. Against
the real Aryn DocParse, drop the simulator and write `taskpoll.Client("aryn")` (key from ARYN_API_KEY).
"""

from __future__ import annotations

import taskpoll
from taskpoll.providers.aryn import PartitionerResponse
from taskpoll.simulator import Simulator, pending, running, succeeded


def summarize(response: PartitionerResponse) -> list[str]:
    """One line per element: its type and the start of its text (tables may have none)."""
    lines = []
    for element in response.elements or []:
        text = element.text_representation or ""
        lines.append(f"{element.type_:<14} {text[:50]!r}")
    return lines


def main() -> int:
    with Simulator(seed=7) as sim:
        task_id = sim.create_task("aryn", [pending(), running(progress=0.5), succeeded(size=5)])
        with taskpoll.Client("aryn", base_url=sim.base_url("aryn"), api_key=sim.api_key("aryn")) as client:
            try:
                response = client.wait(task_id, timeout=60).unwrap()
            except taskpoll.TaskpollError as exc:
                print(f"the wait did not succeed: {exc}")
                return 1
    for line in summarize(response):
        print(line)
    print(f"{len(response.elements or [])} elements")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
