"""The `taskpoll` command line."""

from __future__ import annotations

import argparse
import sys
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="taskpoll", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="list the providers and their status endpoints")
    parser.parse_args(argv)
    for provider, method, path in _status_endpoints():
        print(f"{provider:<9} {method} {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
