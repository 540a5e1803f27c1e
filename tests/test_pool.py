"""The connection pools of the clients taskpoll owns count their idle connections right.

httpcore 1.0.9 closes an idle connection whenever more connections than max_keepalive_connections
(20) are open, idle or busy (encode/httpcore#1000), so above 20 requests in flight a pool churns its
connections; `taskpoll._http` replaces the pool's bookkeeping for the versions it was checked against.
Connections are counted on the client side, as calls to the network backend's connect_tcp: on
loopback Linux reuses a closed connection's port at once, so the server's distinct peers undercount.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpcore
import httpx
import pytest

import taskpoll
from taskpoll import TaskState, _http
from taskpoll.simulator import Fault, Simulator, running, succeeded

from .clients import Colour

# sha256 of httpcore's ConnectionPool / AsyncConnectionPool._assign_requests_to_connections source, per
# version: the code the replacement was written from. A new httpcore fails here: read its pool, then
# extend _http._POOL_FIX_VERSIONS and this table (or drop the replacement once upstream's counts right).
CHECKED = {
    "1.0.9": (
        "4e09ebf79b6273ade02b26675490d2be6afc3b002b8694f0959fef7bb93152f3",
        "ea1547e78a655633653bde5257e611ee458cfd46b8ab4543de13c5bae095b0ae",
    )
}


class Connects(httpcore.NetworkBackend):
    def __init__(self, inner: Any) -> None:
        self.inner, self.count = inner, 0

    def connect_tcp(self, *args: Any, **kwargs: Any) -> Any:
        self.count += 1
        return self.inner.connect_tcp(*args, **kwargs)

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> Any:
        return self.inner.connect_unix_socket(*args, **kwargs)

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


class AsyncConnects(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: Any) -> None:
        self.inner, self.count = inner, 0

    async def connect_tcp(self, *args: Any, **kwargs: Any) -> Any:
        self.count += 1
        return await self.inner.connect_tcp(*args, **kwargs)

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> Any:
        return await self.inner.connect_unix_socket(*args, **kwargs)

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def counted(http: httpx.Client | httpx.AsyncClient) -> Connects | AsyncConnects:
    pool = http._transport._pool  # type: ignore[attr-defined]
    counter = (
        Connects(pool._network_backend) if isinstance(http, httpx.Client) else AsyncConnects(pool._network_backend)
    )
    pool._network_backend = counter
    return counter


def _source_digest(cls: type) -> str:
    method = cls._assign_requests_to_connections  # type: ignore[attr-defined]
    return hashlib.sha256(inspect.getsource(method).encode()).hexdigest()


def test_the_installed_httpcore_pool_is_the_one_the_replacement_was_written_from() -> None:
    version = httpcore.__version__
    assert version in _http._POOL_FIX_VERSIONS, f"httpcore {version}: check its pool against _http's replacement"
    digests = (_source_digest(httpcore.ConnectionPool), _source_digest(httpcore.AsyncConnectionPool))
    assert digests == CHECKED[version]


def test_only_taskpoll_s_own_pools_are_changed() -> None:
    with taskpoll.Client("artos", api_key="k" * 32) as owned, httpx.Client() as theirs:
        assert type(owned._http._transport._pool) is _http._CountedPool  # type: ignore[attr-defined]
        assert type(theirs._transport._pool) is httpcore.ConnectionPool  # type: ignore[attr-defined]
        with taskpoll.Client("artos", api_key="k" * 32, http_client=theirs):
            assert type(theirs._transport._pool) is httpcore.ConnectionPool  # type: ignore[attr-defined]


@pytest.mark.parametrize("way", ["sync", "async"])
def test_wait_many_above_the_keep_alive_limit_keeps_its_connections(sim: Simulator, way: str) -> None:
    # 48 in flight, more than max_keepalive_connections (20): a stock httpcore 1.0.9 pool reopens
    # connections all the time here (next test).
    # Each answer takes 20 ms, so the 48 requests really are in flight together (an instant answer from the
    # in-process simulator leaves fewer than 20 open at a time, and no pool churns then).
    slow = [Fault("slow", rate=1.0, delay=0.02)]
    ids = [sim.create_task("artos", [running(), running(), succeeded()], faults=slow) for _ in range(240)]
    sim.clear_requests()
    options = Colour(way).client_kwargs(sim, "artos")
    if way == "sync":
        # A sync wait_many sends one request at a time: 48 threads share one Client instead.
        results = []
        with taskpoll.Client("artos", **options) as client, ThreadPoolExecutor(48) as threads:
            counter = counted(client._http)
            results = list(threads.map(lambda task_id: client.wait(task_id, timeout=60), ids))
    else:

        async def run() -> Any:
            async with taskpoll.AsyncClient("artos", **options) as client:
                nonlocal counter
                counter = counted(client._http)
                return await client.wait_many(ids, timeout=60, concurrency=48)

        counter: Connects | AsyncConnects | None = None
        results = asyncio.run(run())
    assert all(r.state is TaskState.SUCCEEDED for r in results)
    assert len(sim.requests("artos")) == 720
    assert counter is not None and counter.count <= 48


def test_a_stock_pool_churns_where_taskpoll_s_does_not(sim: Simulator) -> None:
    # 48 workers making 10 requests each, one after another: what wait_many does at concurrency 48.
    # Shows the test above can fail (and fails here, loudly, the day httpcore releases its own fix).
    slow = [Fault("slow", rate=1.0, delay=0.02)]
    calls = [sim.status_request("artos", sim.create_task("artos", [succeeded()], faults=slow)) for _ in range(48)]

    async def work(client: httpx.AsyncClient) -> int:
        counter = counted(client)

        async def worker(call: Any) -> None:
            for _ in range(10):
                assert (await client.get(call.url, params=call.params)).status_code == 200

        async with client:
            await asyncio.gather(*(worker(call) for call in calls))
        return counter.count

    stock = asyncio.run(work(httpx.AsyncClient(headers=calls[0].headers)))
    fixed = httpx.AsyncClient(headers=calls[0].headers)
    _http.bound_requests(fixed)
    assert type(fixed._transport._pool) is _http._AsyncCountedPool  # type: ignore[attr-defined]
    ours = asyncio.run(work(fixed))
    print(f"connections opened for 480 requests, 48 at a time: stock {stock}, taskpoll's pool {ours}")
    assert ours <= 48 < 2 * 48 < stock, (ours, stock)


def test_idle_connections_beyond_the_keep_alive_limit_are_still_closed(sim: Simulator) -> None:
    # 30 requests held open at once, then all released: the pool keeps 20 idle connections, closes 10.
    call = sim.status_request("artos", sim.create_task("artos", [succeeded()]))
    client = httpx.Client(headers=call.headers, limits=httpx.Limits(max_connections=100, max_keepalive_connections=20))
    _http.bound_requests(client)
    pool = client._transport._pool  # type: ignore[attr-defined]
    assert type(pool) is _http._CountedPool
    barrier = threading.Barrier(30)
    streams: list[httpx.Response] = []
    lock = threading.Lock()

    def hold() -> None:
        response = client.send(client.build_request("GET", call.url, params=call.params), stream=True)
        with lock:
            streams.append(response)
        barrier.wait(timeout=10)

    with client:
        threads = [threading.Thread(target=hold) for _ in range(30)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
        assert len(streams) == 30
        assert len(pool.connections) == 30
        for response in streams:
            response.read()
            response.close()
        assert sum(c.is_idle() for c in pool.connections) == 20
        assert len(pool.connections) == 20
