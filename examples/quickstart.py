"""A first taskpoll program: start the bundled simulator, submit a document, wait on the task it
started, use its typed result.

    pip install '/path/to/taskpoll[simulator]'    # or the wheel: 'dist/taskpoll-0.1.0-py3-none-any.whl[simulator]'
    python quickstart.py

It needs no API key and no network: the simulator fakes all five providers on 127.0.0.1. Against
the real Aryn DocParse, drop the simulator and write `taskpoll.Client("aryn")` (key from ARYN_API_KEY).
"""

from __future__ import annotations

import taskpoll
from taskpoll.providers.aryn import PartitionerResponse, PartitionOptions
from taskpoll.simulator import Simulator, pending, running, succeeded

# A document to partition: any path, bytes or binary file object (the simulator does not read it).
DOCUMENT = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def summarize(response: PartitionerResponse) -> list[str]:
    """One line per element: its type and the start of its text (tables may have none)."""
    lines: list[str] = []
    for element in response.elements or []:
        text = element.text_representation or ""
        lines.append(f"{element.type_:<14} {text[:50]!r}")
    return lines


def main() -> int:
    with Simulator(seed=7) as sim:
        sim.script_next("aryn", [pending(), running(progress=0.5), succeeded(size=5)])  # the task to come
        with taskpoll.Client("aryn", base_url=sim.base_url("aryn"), api_key=sim.api_key("aryn")) as client:
            try:
                task = client.submit(DOCUMENT, filename="report.pdf", options=PartitionOptions(use_ocr=True))
                print(f"submitted {task.id} ({task.state.value})")
                response = client.wait(task.id, timeout=60).unwrap()  # or both at once: client.run(...)
            except taskpoll.TaskpollError as exc:
                print(f"the task did not succeed: {exc}")
                return 1
    for line in summarize(response):
        print(line)
    print(f"{len(response.elements or [])} elements")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
