"""The `taskpoll` command line."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import Any


def _status_endpoints() -> list[tuple[str, str, str]]:
    """(provider, method, path) of each provider's status endpoint, read from the generated clients."""
    from taskpoll_artos_api.api.documents import get_document_status
    from taskpoll_aryn_api.api.partition import field_async_partition_document_status_v1 as aryn_status
    from taskpoll_aryn_api.models import StatusPathFilter
    from taskpoll_notion_api.api.async_tasks import retrieve_async_task
    from taskpoll_notion_api.models import RetrieveAsyncTaskNotionVersion
    from taskpoll_unsiloed_api.api.parse_vision_api_compatible import get_parse_task
    from taskpoll_veza_api.api.query_builder import get_assessment_async_task

    builders: list[tuple[str, Callable[[], dict[str, Any]]]] = [
        ("aryn", lambda: aryn_status._get_kwargs("TASK_ID", path_filter=StatusPathFilter.VALUE_0)),
        ("artos", lambda: get_document_status._get_kwargs("TASK_ID")),
        ("veza", lambda: get_assessment_async_task._get_kwargs("TASK_ID")),
        ("unsiloed", lambda: get_parse_task._get_kwargs("TASK_ID")),
        (
            "notion",
            lambda: retrieve_async_task._get_kwargs("TASK_ID", notion_version=RetrieveAsyncTaskNotionVersion.VALUE_0),
        ),
    ]
    return [(name, build()["method"].upper(), build()["url"]) for name, build in builders]


def _demo(args: argparse.Namespace) -> int:
    for provider, method, path in _status_endpoints():
        print(f"{provider:<9} {method} {path}")
    return 0


def _fault(text: str) -> Any:
    from taskpoll.simulator import FAULT_KINDS, Fault, ScenarioError

    kind, _, rate = text.partition(":")
    try:
        return Fault(kind, rate=float(rate or 0.1))  # type: ignore[arg-type]
    except (ScenarioError, ValueError) as exc:
        raise argparse.ArgumentTypeError(f"{exc} (faults: {', '.join(FAULT_KINDS)})") from None


def _rate_limit(text: str) -> tuple[str, float]:
    provider, _, rate = text.partition("=")
    try:
        return provider, float(rate)
    except ValueError:
        raise argparse.ArgumentTypeError("use PROVIDER=REQUESTS_PER_SECOND, e.g. notion=3") from None


def _simulate(args: argparse.Namespace) -> int:
    try:
        from taskpoll.simulator import ScenarioError, Simulator
    except ImportError:
        print("taskpoll simulate needs the simulator extra: pip install 'taskpoll[simulator]'", file=sys.stderr)
        return 2
    try:
        sim = Simulator(
            seed=args.seed,
            faults=args.fault,
            notion_poll_after=args.notion_poll_after,
            rate_limits=dict(args.rate_limit),
            host=args.host,
            port=args.port,
        )
    except ScenarioError as exc:
        print(f"taskpoll simulate: {exc}", file=sys.stderr)
        return 2
    sim.start()
    print(f"taskpoll simulator on {sim.url} (Ctrl-C to stop)")
    for provider in sim.providers:
        print(f"  {provider:<9} base URL {sim.base_url(provider):<36} key {sim.api_key(provider)}")
    print(f"  control   POST {sim.url}/_simulator/tasks, GET {sim.url}/_simulator/requests")
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("stopped")
    finally:
        sim.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="taskpoll", description="Poll asynchronous tasks of five document/AI APIs.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    demo = commands.add_parser("demo", help="list the providers and their status endpoints")
    demo.set_defaults(run=_demo)
    simulate = commands.add_parser(
        "simulate",
        help="serve the local simulator of all five providers until interrupted",
        description="Serve a local, spec-faithful fake of all five providers until interrupted.",
    )
    simulate.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    simulate.add_argument("--port", type=int, default=8765, help="port to listen on (default 8765)")
    simulate.add_argument("--seed", type=int, default=0, help="seed for random faults (default 0)")
    simulate.add_argument(
        "--fault",
        type=_fault,
        action="append",
        default=[],
        metavar="KIND[:RATE]",
        help="inject a fault into that share of status requests, e.g. rate_limit:0.1 (repeatable)",
    )
    simulate.add_argument(
        "--rate-limit",
        type=_rate_limit,
        action="append",
        default=[],
        metavar="PROVIDER=RPS",
        help="answer 429 above this many requests per second, e.g. notion=3 (repeatable)",
    )
    simulate.add_argument(
        "--notion-poll-after",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="poll_after_seconds sent for Notion tasks in progress (default 1.0)",
    )
    simulate.set_defaults(run=_simulate)
    args = parser.parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
