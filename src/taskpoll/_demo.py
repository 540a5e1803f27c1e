"""`taskpoll demo`: the whole life of a task at five providers at once, against the in-process simulator.

Each client submits its task through the provider's own create endpoint (an upload for Aryn and
Unsiloed, a JSON body for the others), then waits on it (`AsyncClient.run`), with each provider's
real defaults (polling policy, hints, rate limit). One task fails, one is rate-limited once, one
answers slowly; all of it is scripted in the simulator (`Simulator.script_next`), so the demo needs
no keys and no network, and checks that each task ended as scripted.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any, TextIO

from . import PollEvent
from ._client import AsyncClient
from ._display import encodable, printable, summarize, write_line
from ._errors import TaskpollError
from ._task import Task, TaskState
from .providers import get as get_provider


@dataclass
class Row:
    provider: str
    what: str
    note: str
    expect: TaskState
    submit: tuple[tuple[Any, ...], dict[str, Any]] = ((), {})
    task_id: str = ""
    line: str = "submitting"
    detail: str = ""
    finished: float | None = None
    outcome: Task[Any] | TaskpollError | None = None
    events: list[str] = field(default_factory=list)


# A small, valid PDF to upload (the simulator checks the parts, not the document).
_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 0 >> endobj\n"
_SUBMIT: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
    "aryn": ((_PDF,), {"filename": "report.pdf", "options": {"extract_table_structure": True}}),
    "artos": (
        (
            {
                "document_type": "CSR",
                "file_paths": ["org-id/documents/protocol.pdf", "org-id/documents/study-report.pdf"],
                "connector_data_id": "project-2024-001",
                "workspace_name": "Q1 CSR Documents",
                "template_id": "template-uuid-123",
                "output_name": "CSR_Final",
            },
        ),
        {},
    ),
    "veza": (({"query_type": "SOURCE_TO_DESTINATION"},), {}),
    "unsiloed": ((_PDF,), {"filename": "contract.pdf", "options": {"merge_tables": True}}),
    "notion": (({"parent": {"page_id": "b55c9c91-384d-452b-81db-d1ef79372b75"}, "markdown": "# Minutes"},), {}),
}


def _scenarios() -> list[tuple[Row, list[Any], list[Any]]]:
    from .simulator import Fault, failed, pending, running, succeeded

    return [
        (
            Row("aryn", "partition a 40-page report", "429 once: waits its Retry-After", TaskState.SUCCEEDED),
            [pending(polls=None, seconds=1.0), running(polls=None, seconds=2.5), succeeded(size=480)],
            [Fault("rate_limit", polls=(3,), retry_after=2)],
        ),
        (
            Row("artos", "generate a study report", "reports its progress", TaskState.SUCCEEDED),
            [
                pending(polls=None, seconds=1.0),
                running(polls=None, seconds=1.5, progress=0.3),
                running(polls=None, seconds=1.5, progress=0.7),
                succeeded(),
            ],
            [],
        ),
        (
            Row("veza", "run an access query", "fails: the reason comes back typed", TaskState.FAILED),
            [
                pending(polls=None, seconds=1.0),
                running(polls=None, seconds=2.5),
                failed(error="query exceeded the maximum result size"),
            ],
            [],
        ),
        (
            Row("unsiloed", "parse a scanned contract", "slow: one answer takes 2.5 s", TaskState.SUCCEEDED),
            [pending(polls=None, seconds=2.0), running(polls=None, seconds=6.0), succeeded(size=24)],
            [Fault("slow", polls=(2,), delay=2.5)],
        ),
        (
            Row("notion", "create a page from Markdown", "polled at its poll_after_seconds", TaskState.SUCCEEDED),
            [
                pending(polls=None, seconds=1.0, poll_after=0.5),
                running(polls=None, seconds=1.5, poll_after=1.0),
                running(polls=None, seconds=1.0, status="retrying", poll_after=0.5),
                succeeded(),
            ],
            [],
        ),
    ]


class Board:
    """The rows, redrawn in place on a terminal; elsewhere, one line per event."""

    def __init__(self, rows: list[Row], out: TextIO) -> None:
        self.rows = rows
        self.out = out
        self.live = out.isatty()
        self.started = time.monotonic()
        self.drawn = 0

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def note(self, row: Row, text: str) -> None:
        row.events.append(text)
        if not self.live:
            write_line(f"  {self.elapsed():5.1f} s  {row.provider:<9} {text}", self.out)
            self.out.flush()

    def update(self, row: Row, task: Task[Any]) -> None:
        progress = f" {task.progress:.0%}" if task.progress is not None else ""
        row.line = f"{task.state.value} ({task.status}){progress}"
        self.note(row, row.line)

    def poll(self, row: Row, event: PollEvent) -> None:
        if event.error is not None:
            row.detail = f"{type(event.error).__name__}: waiting {event.next_delay:.1f} s as told ({event.reason})"
            self.note(row, row.detail)
        else:
            row.detail = f"poll {event.attempt}, next in {event.next_delay:.1f} s ({event.reason})"

    def draw(self) -> None:
        if not self.live:
            return
        if self.drawn:
            self.out.write(f"\x1b[{self.drawn}A")
        for row in self.rows:
            when = f"{row.finished:5.1f} s" if row.finished is not None else f"{self.elapsed():5.1f} s"
            text = f"  {row.provider:<9} {row.line:<34} {when}  {row.detail}"
            self.out.write("\x1b[2K" + encodable(printable(text)[:140], self.out) + "\n")
        self.out.flush()
        self.drawn = len(self.rows)


def _summary(rows: list[Row], sim: Any, out: TextIO) -> bool:
    print("\nSummary (from the simulator's own log of what each client sent)", file=out)
    header = f"  {'provider':<9} {'task':<28} {'outcome':<10} {'polls':>5} {'faults':<18} {'time':>6}  result"
    print(header, file=out)
    all_as_scripted = True
    for row in rows:
        log = sim.requests(row.provider, row.task_id)
        faults = ", ".join(sorted({r.fault for r in log if r.fault})) or "-"
        outcome = row.outcome
        if isinstance(outcome, Task):
            state = outcome.state
            if outcome.result is not None:
                result = summarize(outcome.result)
            else:
                result = f"error: {outcome.error.message}" if outcome.error else ""
        else:
            state, result = None, f"{type(outcome).__name__}: {outcome}"
        as_scripted = state is row.expect
        all_as_scripted &= as_scripted
        shown = state.value if state is not None else "error"
        time_taken = f"{row.finished:.1f} s" if row.finished is not None else "-"
        task = row.task_id if len(row.task_id) <= 28 else row.task_id[:27] + "…"
        write_line(
            f"  {row.provider:<9} {task:<28} {shown:<10} {len(log):>5} {faults:<18} {time_taken:>6}  {result}", out
        )
    return all_as_scripted


async def _run(out: TextIO) -> int:
    from .simulator import Simulator

    scenarios = _scenarios()
    rows = [row for row, _, _ in scenarios]
    with Simulator(seed=1) as sim:
        print("taskpoll demo: five providers, one task each (submit, then wait), all at once, against the", file=out)
        print("local simulator", file=out)
        print(f"(serving on {sim.url}; each client uses its provider's default policy)\n", file=out)
        for row, steps, faults in scenarios:
            sim.script_next(row.provider, steps, faults=faults)  # the lifecycle of the task it will submit
            row.submit = _SUBMIT[row.provider]
            print(f"  {row.provider:<9} {row.what:<28} {row.note}", file=out)
        print(file=out)
        board = Board(rows, out)

        async def wait(row: Row) -> None:
            client: AsyncClient[Any] = AsyncClient(
                get_provider(row.provider), base_url=sim.base_url(row.provider), api_key=sim.api_key(row.provider)
            )

            def update(task: Task[Any]) -> None:
                if not row.task_id:
                    row.task_id = task.id
                    board.note(row, f"submitted: {task.id}")
                board.update(row, task)

            args, kwargs = row.submit
            async with client:
                try:
                    row.outcome = await client.run(
                        *args,
                        timeout=60,
                        raise_on_failure=False,
                        on_update=update,
                        on_poll=lambda event: board.poll(row, event),
                        **kwargs,
                    )
                except TaskpollError as exc:
                    row.outcome = exc
            row.finished = board.elapsed()
            row.detail = "done"

        async def redraw() -> None:
            while True:
                board.draw()
                await asyncio.sleep(0.1)

        painter = asyncio.ensure_future(redraw())
        try:
            await asyncio.gather(*(wait(row) for row in rows))
        finally:
            painter.cancel()
        board.draw()
        ok = _summary(rows, sim, out)
    print(file=out)
    if not ok:
        print("Some waits did not end as scripted.", file=out)
        return 1
    print("Every task was submitted, then waited on, and ended as scripted: four succeeded and Veza's", file=out)
    print("failed, with its reason.", file=out)
    print("Next: `taskpoll simulate` serves the same fake for your own code; see README.md.", file=out)
    return 0


def run_demo(out: TextIO) -> int:
    from .simulator._server import require_uvicorn

    require_uvicorn()  # ImportError with the install command when the simulator extra is missing
    return asyncio.run(_run(out))
