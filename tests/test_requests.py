"""Each task's status request is built once and reused (issue 16, part 3), and still says exactly
what httpx's build_request would have made of it: path, query, headers, cookies, a caller's params.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

import taskpoll

from .loopback import Canned, canned_server

KEY = "sk-requests-0123456789"
RUNNING = Canned(200, b'{"task_id": "d", "status": "Generating", "progress": 50}')


def test_get_sends_the_path_and_query_the_generated_kwargs_name_for_each_task() -> None:
    with canned_server() as server, taskpoll.Client("aryn", base_url=server.base_url, api_key=KEY) as client:
        server.answer_all(Canned(202, b'"Task is pending."'))
        for task_id in ["t-1", "t-2", "t-1", "a b/c"]:
            assert client.get(task_id).state is taskpoll.TaskState.RUNNING
    assert [seen.raw_path for seen in server.seen] == [
        "/v1/async/result/t-1?path_filter=%5E%2Fv1%2Fdocument%2Fpartition%24",
        "/v1/async/result/t-2?path_filter=%5E%2Fv1%2Fdocument%2Fpartition%24",
        "/v1/async/result/t-1?path_filter=%5E%2Fv1%2Fdocument%2Fpartition%24",
        "/v1/async/result/a%20b%2Fc?path_filter=%5E%2Fv1%2Fdocument%2Fpartition%24",
    ]


def test_the_owned_client_sends_its_default_headers_and_the_providers_own() -> None:
    with canned_server() as server:
        server.answer_all(Canned(200, b'{"object": "async_task", "id": "x", "status": "in_progress"}'))
        with taskpoll.Client("notion", base_url=server.base_url, api_key=KEY) as client:
            client.get("x")
            client.get("x")
    first, second = server.seen
    assert first.headers == second.headers
    assert first.headers["notion-version"] == "2026-03-11"
    assert first.headers["authorization"] == f"Bearer {KEY}"
    assert first.headers["accept-encoding"] == "gzip, deflate"
    assert first.headers["user-agent"].startswith("taskpoll/")
    assert first.headers["host"] == server.base_url.removeprefix("http://")


def test_a_wait_reuses_its_parsed_url_and_polls_the_same_path() -> None:
    policy = taskpoll.PollPolicy(initial_delay=0.01, max_delay=0.01, jitter=0.0, min_delay=0.0)
    with canned_server() as server:
        server.answer_all(RUNNING)
        client = taskpoll.Client("artos", base_url=server.base_url, api_key=KEY, policy=policy)
        with client, pytest.raises(taskpoll.WaitTimeoutError):
            client.wait("d", timeout=0.3)
    paths = {seen.raw_path for seen in server.seen}
    assert len(server.seen) >= 3 and paths == {"/api/v1/documents/status/d"}


def test_cookies_a_server_sets_are_sent_back_as_build_request_would() -> None:
    with canned_server() as server:
        server.answer_all(Canned(200, RUNNING.body, headers=(("Set-Cookie", "lb=node-7; Path=/"),)))
        with taskpoll.Client("artos", base_url=server.base_url, api_key=KEY) as client:
            client.get("d")
            client.get("d")
    assert "cookie" not in server.seen[0].headers
    assert server.seen[1].headers["cookie"] == "lb=node-7"


@pytest.mark.parametrize("colour", ["sync", "async"])
def test_a_callers_client_keeps_its_params_headers_and_the_providers_query(colour: str) -> None:
    options: dict[str, Any] = {"params": {"tenant": "t9"}, "headers": {"X-Team": "blue"}}
    with canned_server() as server:
        server.answer_all(Canned(202, b'"Task is pending."'))
        if colour == "sync":
            with httpx.Client(**options) as http:
                taskpoll.Client("aryn", base_url=server.base_url, api_key=KEY, http_client=http).get("t-1")
        else:

            async def run() -> None:
                async with httpx.AsyncClient(**options) as http:
                    client = taskpoll.AsyncClient("aryn", base_url=server.base_url, api_key=KEY, http_client=http)
                    await client.get("t-1")

            asyncio.run(run())
    (seen,) = server.seen
    assert seen.raw_path == "/v1/async/result/t-1?tenant=t9&path_filter=%5E%2Fv1%2Fdocument%2Fpartition%24"
    assert seen.headers["x-team"] == "blue"
    assert seen.headers["accept-encoding"] == "gzip, deflate"
