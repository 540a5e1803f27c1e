"""Every promise holds against a hostile server, for Client, AsyncClient
and wait_many: a request is bounded as a whole by its deadline, a body by max_response_bytes (decoded),
and the client's key never comes back out of what a server says. The servers are in tests/hostile.py.

Timing checks are bounds with slack (a wait ends within 0.5 s after its deadline), never speed goals.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import itertools
import json
import logging
import time
import urllib.parse
import zlib
from collections.abc import Callable
from typing import Any

import httpx
import httpx_aiohttp
import pytest

import taskpoll
from taskpoll.cli import main

from .hostile import (
    PENDING,
    Behaviour,
    answer,
    drip_body,
    drip_headers,
    endless_continue,
    flood,
    gzip_bomb,
    hostile,
    raw,
    reset_mid_body,
)

KEY = "sk-hostile-0123456789/abc+def=SECRET"
FORMS = [KEY, urllib.parse.quote(KEY, safe=""), urllib.parse.quote_plus(KEY), json.dumps(KEY)[1:-1]]
POLICY = taskpoll.PollPolicy(initial_delay=0.05, max_delay=0.2, request_timeout=30.0, failure_delay=0.05)
SLACK = 0.5  # a wait ends within this of its deadline
MiB = 1 << 20

DRIPS = {
    "drip body": lambda: drip_body(interval=0.5),
    "drip headers": lambda: drip_headers(interval=0.5),
    "endless 100 Continue": lambda: endless_continue(interval=0.5),
}


def client(url: str, **options: Any) -> taskpoll.Client[Any]:
    return taskpoll.Client("artos", base_url=url, api_key=KEY, policy=options.pop("policy", POLICY), **options)


def aclient(url: str, transport: str = "httpx", **options: Any) -> taskpoll.AsyncClient[Any]:
    policy = options.pop("policy", POLICY)
    return taskpoll.AsyncClient("artos", base_url=url, api_key=KEY, policy=policy, transport=transport, **options)


# Every async case runs on both of AsyncClient's transports: httpx's own pool and aiohttp's.
TRANSPORTS = ["httpx", "aiohttp"]


def timed(call: Callable[[], Any]) -> tuple[float, BaseException | Any]:
    started = time.monotonic()
    try:
        outcome: Any = call()
    except taskpoll.TaskpollError as exc:
        outcome = exc
    return time.monotonic() - started, outcome


# How each way of waiting is called, sync and async; each returns what the wait ended with.
def sync_wait(url: str, timeout: float) -> Any:
    with client(url) as c:
        return c.wait("doc-1", timeout=timeout)


def sync_watch(url: str, timeout: float) -> Any:
    with client(url) as c:
        return list(c.watch("doc-1", timeout=timeout))


def sync_many(url: str, timeout: float) -> Any:
    with client(url) as c:
        outcomes = c.wait_many(["doc-1", "doc-2"], timeout=timeout)
    assert all(isinstance(o, taskpoll.WaitTimeoutError) for o in outcomes), outcomes
    return outcomes[0]


def async_wait(url: str, timeout: float, transport: str = "httpx") -> Any:
    async def run() -> Any:
        async with aclient(url, transport) as c:
            return await c.wait("doc-1", timeout=timeout)

    return asyncio.run(run())


def async_watch(url: str, timeout: float, transport: str = "httpx") -> Any:
    async def run() -> Any:
        async with aclient(url, transport) as c:
            return [t async for t in c.watch("doc-1", timeout=timeout)]

    return asyncio.run(run())


def async_many(url: str, timeout: float, transport: str = "httpx") -> Any:
    async def run() -> Any:
        async with aclient(url, transport) as c:
            outcomes = await c.wait_many(["doc-1", "doc-2", "doc-3"], timeout=timeout, concurrency=3)
        assert all(isinstance(o, taskpoll.WaitTimeoutError) for o in outcomes), outcomes
        return outcomes[0]

    return asyncio.run(run())


def sync_hops(url: str, timeout: float) -> Any:
    """The step API: poll_once hop after hop, each carrying the last one's token, as a job queue would."""
    with client(url) as c:
        token = c.new_wait("doc-1", timeout=timeout).token()
        while True:
            step = c.poll_once(token)
            if isinstance(step, taskpoll.Done):
                return step.outcome
            time.sleep(max(0.0, step.at - time.time()))
            token = step.state.token()


def async_hops(url: str, timeout: float, transport: str = "httpx") -> Any:
    async def run() -> Any:
        async with aclient(url, transport) as c:
            token = c.new_wait("doc-1", timeout=timeout).token()
            while True:
                step = await c.poll_once(token)
                if isinstance(step, taskpoll.Done):
                    return step.outcome
                await asyncio.sleep(max(0.0, step.at - time.time()))
                token = step.state.token()

    return asyncio.run(run())


WAITS = {
    "sync poll_once": sync_hops,
    "async poll_once": async_hops,
    "aiohttp poll_once": functools.partial(async_hops, transport="aiohttp"),
    "sync wait": sync_wait,
    "sync watch": sync_watch,
    "sync wait_many": sync_many,
    "async wait": async_wait,
    "async watch": async_watch,
    "async wait_many": async_many,
    "aiohttp wait": functools.partial(async_wait, transport="aiohttp"),
    "aiohttp watch": functools.partial(async_watch, transport="aiohttp"),
    "aiohttp wait_many": functools.partial(async_many, transport="aiohttp"),
}


# 1. A request is bounded as a whole -----------------------------------------------------------------


@pytest.mark.parametrize("drip", list(DRIPS))
@pytest.mark.parametrize("way", list(WAITS))
def test_a_wait_ends_within_half_a_second_of_its_deadline_whatever_the_server_drips(drip: str, way: str) -> None:
    with hostile(DRIPS[drip]()) as server:
        elapsed, outcome = timed(lambda: WAITS[way](server.url, 1.5))
    assert isinstance(outcome, taskpoll.WaitTimeoutError), outcome
    assert isinstance(outcome.__cause__, taskpoll.APITimeoutError)  # the request timed out at the deadline
    assert 1.5 - 0.01 <= elapsed <= 1.5 + SLACK, elapsed
    assert server.requests  # the request did go out


@pytest.mark.parametrize("drip", list(DRIPS))
@pytest.mark.parametrize("colour", ["sync", "async", "aiohttp"])
def test_get_is_bounded_by_request_timeout_as_a_whole(drip: str, colour: str) -> None:
    policy = POLICY.with_changes(request_timeout=1.0)
    with hostile(DRIPS[drip]()) as server:
        if colour == "sync":

            def call() -> Any:
                with client(server.url, policy=policy) as c:
                    return c.get("doc-1")
        else:

            def call() -> Any:
                async def run() -> Any:
                    async with aclient(server.url, "aiohttp" if colour == "aiohttp" else "httpx", policy=policy) as c:
                        return await c.get("doc-1")

                return asyncio.run(run())

        elapsed, outcome = timed(call)
    assert isinstance(outcome, taskpoll.APITimeoutError) and outcome.is_transient, outcome
    assert 1.0 - 0.01 <= elapsed <= 1.0 + SLACK, elapsed


def test_a_sync_client_of_your_own_still_bounds_a_dripping_body() -> None:
    with hostile(drip_body(interval=0.3)) as server, httpx.Client() as http, client(server.url, http_client=http) as c:
        elapsed, outcome = timed(lambda: c.wait("doc-1", timeout=1.5))
    assert isinstance(outcome, taskpoll.WaitTimeoutError), outcome
    assert elapsed <= 1.5 + SLACK  # the deadline is checked after each byte that arrives


@pytest.mark.parametrize("drip", list(DRIPS))
@pytest.mark.parametrize("kind", ["httpx.AsyncClient", "httpx_aiohttp.HttpxAiohttpClient"])
def test_an_async_client_of_your_own_is_bounded_as_a_whole(drip: str, kind: str) -> None:
    async def run(url: str) -> Any:
        http = httpx.AsyncClient() if kind == "httpx.AsyncClient" else httpx_aiohttp.HttpxAiohttpClient()
        async with http, aclient(url, http_client=http) as c:
            return await c.wait("doc-1", timeout=1.5)

    with hostile(DRIPS[drip]()) as server:
        elapsed, outcome = timed(lambda: asyncio.run(run(server.url)))
    assert isinstance(outcome, taskpoll.WaitTimeoutError), outcome
    assert elapsed <= 1.5 + SLACK


def test_the_aiohttp_transport_is_configured_by_taskpoll_alone() -> None:
    with pytest.raises(taskpoll.ConfigurationError, match="one or the other"):
        aclient("http://127.0.0.1:1", "aiohttp", http_client=httpx.AsyncClient())
    with pytest.raises(taskpoll.ConfigurationError, match="transport"):
        aclient("http://127.0.0.1:1", "curl")


def test_the_last_poll_goes_out_late_and_the_wait_ends_near_its_deadline() -> None:
    # An honest, fast server with a task that never finishes: the wait must not give up early.
    polls: list[float] = []
    with hostile(answer(200, PENDING)) as server, client(server.url, policy=POLICY.with_changes(max_delay=5.0)) as c:
        started = time.monotonic()
        elapsed, outcome = timed(
            lambda: c.wait("doc-1", timeout=2.0, on_poll=lambda e: polls.append(time.monotonic() - started))
        )
    assert isinstance(outcome, taskpoll.WaitTimeoutError)
    assert 2.0 - 0.35 <= elapsed <= 2.0 + SLACK, elapsed  # at most the margin and the minimum gap early
    gaps = [b - a for a, b in itertools.pairwise(polls)]
    assert min(gaps) >= 0.04, polls  # never two polls a moment apart (the backoff starts at 0.05 s)


# 2. Bodies are bounded ------------------------------------------------------------------------------

BODIES = {
    "flood with a length": lambda: flood(8 * MiB),
    "flood without a length": lambda: flood(8 * MiB, declare_length=False),
    "gzip bomb": lambda: gzip_bomb(64 * MiB),
    "deflate bomb": lambda: gzip_bomb(64 * MiB, "deflate"),
}


def get_sync(url: str, **options: Any) -> Any:
    with client(url, **options) as c:
        return c.get("doc-1")


def get_async(url: str, **options: Any) -> Any:
    async def run() -> Any:
        async with aclient(url, **options) as c:
            return await c.get("doc-1")

    return asyncio.run(run())


def get_aiohttp(url: str, **options: Any) -> Any:
    return get_async(url, transport="aiohttp", **options)


GETS = pytest.mark.parametrize("get", [get_sync, get_async, get_aiohttp], ids=["sync", "async", "aiohttp"])


@pytest.mark.parametrize("body", list(BODIES))
@GETS
def test_a_body_past_the_cap_is_refused_with_a_typed_error_and_a_bounded_excerpt(body: str, get: Any) -> None:
    with hostile(BODIES[body]()) as server:
        _, outcome = timed(lambda: get(server.url, max_response_bytes=1 * MiB))
    assert isinstance(outcome, taskpoll.ResponseTooLargeError), outcome
    assert isinstance(outcome, taskpoll.ResponseValidationError) and not outcome.is_transient
    assert outcome.limit == MiB and outcome.status_code == 200
    assert 0 < len(outcome.body) <= 64 * 1024 or body == "flood with a length"  # refused on its Content-Length
    assert "max_response_bytes=1048576" in str(outcome)


@pytest.mark.parametrize(
    "way", ["sync wait_many", "async wait_many", "sync wait", "async wait", "aiohttp wait_many", "aiohttp wait"]
)
def test_a_wait_stops_at_the_first_answer_past_the_cap(way: str) -> None:
    def run(url: str) -> Any:
        if way.startswith("sync"):
            with client(url, max_response_bytes=MiB) as c:
                return c.wait("doc-1", timeout=10) if way == "sync wait" else c.wait_many(["doc-1"], timeout=10)[0]

        async def arun() -> Any:
            async with aclient(url, way.split()[0].replace("async", "httpx"), max_response_bytes=MiB) as c:
                if way.endswith(" wait"):
                    return await c.wait("doc-1", timeout=10)
                return (await c.wait_many(["doc-1"], timeout=10))[0]

        return asyncio.run(arun())

    with hostile(gzip_bomb(16 * MiB)) as server:
        _, outcome = timed(lambda: run(server.url))
    assert isinstance(outcome, taskpoll.ResponseTooLargeError), outcome
    assert len(server.requests) == 1  # not transient: not asked again


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw deflate", "gzip, deflate"])
@GETS
def test_compressed_answers_under_the_cap_are_decoded(encoding: str, get: Any) -> None:
    def compress(data: bytes, kind: str) -> bytes:
        if kind == "gzip":
            return gzip.compress(data)
        if kind == "deflate":
            return zlib.compress(data)
        packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        return packer.compress(data) + packer.flush()

    body = PENDING
    for kind in [e.strip() for e in encoding.split(",")]:
        body = compress(body, kind)
    header = "deflate" if encoding == "raw deflate" else encoding
    with hostile(answer(200, body, (("Content-Encoding", header),))) as server:
        task = get(server.url, max_response_bytes=len(PENDING))
        assert server.requests[0].lower().count(b"accept-encoding: gzip, deflate\r\n") == 1
    assert task.state is taskpoll.TaskState.PENDING and task.status == "Pending"


@GETS
def test_an_encoding_taskpoll_cannot_bound_is_a_typed_error(get: Any) -> None:
    with hostile(answer(200, b"\x0b\x02\x80{}\x03", (("Content-Encoding", "br"),))) as server:
        _, outcome = timed(lambda: get(server.url))
    assert isinstance(outcome, taskpoll.ResponseValidationError) and "'br'" in str(outcome)


@GETS
def test_an_error_answer_keeps_only_an_excerpt_of_its_body(get: Any) -> None:
    big = json.dumps({"detail": "x" * (1 * MiB)}).encode()
    with hostile(answer(400, big)) as server:
        _, outcome = timed(lambda: get(server.url))
    assert isinstance(outcome, taskpoll.BadRequestError)
    assert outcome.body == big[: 64 * 1024] and len(str(outcome)) < 1000


def test_max_response_bytes_is_checked() -> None:
    for bad in (0, -1, 1.5, True, "1"):
        with pytest.raises(taskpoll.ConfigurationError, match="max_response_bytes"):
            client("http://127.0.0.1:1", max_response_bytes=bad)


# Resets and absurd answers: always a typed error -----------------------------------------------------

ABSURD = {
    "reset mid-body": reset_mid_body(),
    "a 100 kB header": raw(b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n"),
    "an absurd Content-Length": raw(b"HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999999\r\n\r\n{}"),
    "a status line of garbage": raw(b"HTTP/1.1 99999999 \xff\xfe\r\n\r\n"),
    "no status line": raw(b"\x00\x01\x02\r\n\r\n"),
    "a chunked body that lies": raw(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffff\r\nab"),
    "a gzip body that is not gzip": raw(b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nnope"),
}


@pytest.mark.parametrize("case", list(ABSURD))
@GETS
def test_resets_and_absurd_answers_are_typed_errors(case: str, get: Any) -> None:
    with hostile(ABSURD[case]) as server:
        elapsed, outcome = timed(lambda: get(server.url))
    assert isinstance(outcome, taskpoll.TaskpollError), outcome
    assert isinstance(outcome, (taskpoll.APIConnectionError, taskpoll.ResponseValidationError)), outcome
    assert elapsed < 5


# 5. Secrets -----------------------------------------------------------------------------------------

ECHOES: dict[str, Behaviour] = {
    "message": answer(401, json.dumps({"detail": f"bad key {KEY}"}).encode()),
    "every form in the body": answer(500, " ".join(FORMS).encode()),
    "a header": answer(403, b"{}", (("X-Request-Id", KEY), ("WWW-Authenticate", f'Bearer error="{KEY}"'))),
    "a redirect": answer(302, b"", (("Location", f"https://evil.example/?key={urllib.parse.quote(KEY)}"),)),
    "a result": answer(200, json.dumps({"task_id": "doc-1", "status": "Failed", "error": f"bad {KEY}"}).encode()),
    "a reason phrase": raw(f"HTTP/1.1 401 {KEY}\r\nContent-Length: 0\r\n\r\n".encode()),
}


def everything_about(outcome: Any, caplog: pytest.LogCaptureFixture) -> str:
    said = [str(outcome), repr(outcome), repr(vars(outcome)) if hasattr(outcome, "__dict__") else ""]
    for name in ("body", "message", "request_id", "raw", "status", "code", "error"):
        said.append(repr(getattr(outcome, name, None)))
    said += [f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records]
    return "\n".join(said)


@pytest.mark.parametrize("echo", list(ECHOES))
@GETS
def test_an_echoed_key_is_redacted_everywhere(echo: str, get: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with hostile(ECHOES[echo]) as server:
        _, outcome = timed(lambda: get(server.url))
        assert any(KEY.encode() in r for r in server.requests)  # the key did go out (and came back)
    text = everything_about(outcome, caplog)
    assert "***" in text, text
    assert not [form for form in FORMS if form in text], text


def test_an_echoed_key_never_reaches_the_cli(capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> None:
    monkeypatch.setenv("ARTOS_ACCESS_TOKEN", KEY)
    for echo in ("message", "a redirect", "a header"):
        with hostile(ECHOES[echo]) as server:
            code = main(["get", "artos", "doc-1", "--base-url", server.url, "--json"])
        out = capsys.readouterr()
        assert code != 0 and "***" in out.out + out.err
        assert not [form for form in FORMS if form in out.out + out.err]


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_wait_many_redacts_every_outcome(caplog: pytest.LogCaptureFixture, transport: str) -> None:
    caplog.set_level(logging.DEBUG)
    with hostile(ECHOES["message"]) as server:

        async def run() -> Any:
            async with aclient(server.url, transport) as c:
                return await c.wait_many(["doc-1", "doc-2"], timeout=5)

        outcomes = asyncio.run(run())
    assert all(isinstance(o, taskpoll.AuthenticationError) for o in outcomes)
    text = "".join(everything_about(o, caplog) for o in outcomes)
    assert "***" in text and KEY not in text
