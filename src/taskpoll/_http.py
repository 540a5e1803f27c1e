"""HTTP plumbing owned by taskpoll: the key's auth object, URL checks, and the default httpx settings."""

from __future__ import annotations

import contextvars
import functools
import io
import ipaddress
import json
import logging
import math
import os
import re
import select
import socket
import ssl
import threading
import time
import urllib.parse
import weakref
import zlib
from collections.abc import Generator, Iterable
from typing import Any

import httpcore
import httpx

from ._errors import ConfigurationError
from ._spool import SPILL_AT, Spool
from ._version import __version__

USER_AGENT = f"taskpoll/{__version__} (+https://pypi.org/project/taskpoll/)"
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)


@functools.lru_cache(maxsize=4)
def _ssl_context(cafile: str | None, capath: str | None) -> ssl.SSLContext:
    import certifi

    if cafile:
        return ssl.create_default_context(cafile=cafile)
    if capath:
        return ssl.create_default_context(capath=capath)
    return ssl.create_default_context(cafile=certifi.where())


def default_ssl_context() -> ssl.SSLContext:
    """httpx's `verify=True` context (certifi, or SSL_CERT_FILE / SSL_CERT_DIR), made once per process.

    httpx builds a new one for each client, loading the whole CA bundle: 50-300 ms, during which an
    AsyncClient being constructed blocks its event loop (the fault soak's ten clients stalled the loop
    for over a second at its start). An SSLContext is safe to share between clients and threads.
    """
    return _ssl_context(os.environ.get("SSL_CERT_FILE") or None, os.environ.get("SSL_CERT_DIR") or None)


class KeyAuth(httpx.Auth):
    """Puts the API key in the provider's header on each request, and nowhere else.

    The key is never written into a shared headers dict, and this object's repr does not show it.
    """

    __slots__ = ("_header", "_value")

    def __init__(self, header: str, scheme: str, key: str) -> None:
        self._header = header
        self._value = f"{scheme} {key}" if scheme else key

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[self._header] = self._value
        yield request

    def __repr__(self) -> str:
        return f"KeyAuth(header={self._header!r}, key='***')"

    __str__ = __repr__

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("KeyAuth holds a secret and is not picklable")


def check_key(key: object, provider: str, env: str) -> str:
    if key is None or (isinstance(key, str) and not key.strip()):
        raise ConfigurationError(f"no API key for {provider}: pass api_key=... or set {env}", provider=provider)
    if not isinstance(key, str):
        raise ConfigurationError(
            f"the {provider} API key must be a string, not {type(key).__name__}", provider=provider
        )
    key = key.strip()
    if any(ord(c) < 0x21 or c == "\x7f" or 0xD800 <= ord(c) <= 0xDFFF for c in key):
        # Never show the key: say what is wrong with it.
        raise ConfigurationError(
            f"the {provider} API key contains whitespace, a control character (a line break from a file?) "
            "or a lone surrogate",
            provider=provider,
        )
    return key


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: object, provider: str, allow_insecure_http: bool) -> str:
    if not isinstance(url, str) or not url.strip():
        raise ConfigurationError(f"the {provider} base URL must be a non-empty string", provider=provider)
    if any(0xD800 <= ord(c) <= 0xDFFF for c in url):
        # Not text: it cannot be encoded, and httpx would raise UnicodeEncodeError on the first request.
        raise ConfigurationError(f"the {provider} base URL holds a lone surrogate character", provider=provider)
    try:
        parsed = httpx.URL(url.strip())
        port = parsed.port
    except httpx.InvalidURL as exc:
        raise ConfigurationError(f"the {provider} base URL is not a URL: {exc}", provider=provider) from None
    if port is not None and not 0 < port <= 65535:
        # httpx accepts any number here, and the socket layer would take it modulo 65536.
        raise ConfigurationError(f"the {provider} base URL's port {port} is not between 1 and 65535", provider=provider)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError(
            f"the {provider} base URL must be http(s)://host[:port][/path], not {url!r}", provider=provider
        )
    if parsed.userinfo:
        raise ConfigurationError(
            f"the {provider} base URL carries credentials; pass the key as api_key instead", provider=provider
        )
    if parsed.query or parsed.fragment:
        raise ConfigurationError(f"the {provider} base URL must not have a query or fragment", provider=provider)
    if parsed.scheme == "http" and not is_loopback(parsed.host) and not allow_insecure_http:
        raise ConfigurationError(
            f"refusing to send the {provider} key over plain http to {parsed.host}; use https, "
            "or pass allow_insecure_http=True if this network is trusted",
            provider=provider,
        )
    return str(parsed).rstrip("/")


# A whole request's deadline --------------------------------------------------------------------
#
# httpx's timeouts are per read, write and connect: a server that drips its headers or body one byte
# at a time keeps a request alive for ever. The clients taskpoll owns run over a network backend whose
# streams clip every connect, read and write timeout to the deadline of the request being sent, which
# `_send` puts in this context variable (monotonic seconds; inf outside a taskpoll request, so the
# wrapper changes nothing for anyone else). A clipped timeout raises httpx's own timeout errors.

REQUEST_DEADLINE: contextvars.ContextVar[float] = contextvars.ContextVar("taskpoll_request_deadline", default=math.inf)


class RequestProgress:
    """How far one request got: `_send` puts a fresh one in REQUEST_PROGRESS for each request."""

    __slots__ = ("late", "written")

    def __init__(self) -> None:
        self.written = False  # a byte of the request went out: from here on the server may have seen it
        self.late = False  # a connect or write found the deadline already passed, before starting


REQUEST_PROGRESS: contextvars.ContextVar[RequestProgress | None] = contextvars.ContextVar(
    "taskpoll_progress", default=None
)


class NotSent(httpx.PoolTimeout):
    """The request's time ran out before a byte of it was sent, before its connect or its write had even
    begun: it waited in this process (for the event loop, a pool slot) and the server never saw it.

    A poll that ends so says nothing about the server: it does not count against the failure budget.
    """


def not_sent(error: httpx.HTTPError, progress: RequestProgress) -> httpx.HTTPError:
    """`error` as a NotSent when it is a timeout that struck before the request's I/O began."""
    if (
        isinstance(error, httpx.TimeoutException)
        and not isinstance(error, NotSent)
        and not progress.written
        and (progress.late or isinstance(error, httpx.PoolTimeout))
    ):
        try:
            request: httpx.Request | None = error.request
        except RuntimeError:
            request = None
        return NotSent(
            f"not sent: its time ran out in this process, before its {_PHASE.get(type(error), 'send')} began",
            request=request,
        )
    return error


_PHASE = {httpx.ConnectTimeout: "connect", httpx.WriteTimeout: "write", httpx.PoolTimeout: "wait for a connection"}


def _clip(timeout: float | None, error: type[Exception]) -> float | None:
    deadline = REQUEST_DEADLINE.get()
    if deadline == math.inf:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        progress = REQUEST_PROGRESS.get()
        if progress is not None:
            progress.late = True
        raise error("the request's deadline passed")
    return left if timeout is None or timeout > left else timeout


def _written(buffer: bytes) -> None:
    if buffer:
        progress = REQUEST_PROGRESS.get()
        if progress is not None:
            progress.written = True


class _DeadlineStream(httpcore.NetworkStream):
    __slots__ = ("_stream",)

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _clip(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        timeout = _clip(timeout, httpcore.WriteTimeout)
        _written(buffer)  # from here on the server may have seen it
        self._stream.write(buffer, timeout)

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, _clip(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _resolve(host: str, port: int, timeout: float) -> list[str]:
    """The host's addresses, or httpcore's ConnectTimeout once `timeout` passes.

    socket.create_connection resolves with no timeout at all, so a sync request's deadline would not
    cover a slow resolver. The lookup runs in a daemon thread of its own (a hung resolver must neither
    block the request nor the interpreter's exit); the request stops waiting for it at the deadline.
    """
    box: list[list[Any] | OSError] = []
    done = threading.Event()

    def lookup() -> None:
        try:
            box.append(socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM))
        except OSError as exc:
            box.append(exc)
        except Exception as exc:  # UnicodeError from an unencodable name, and the like
            box.append(OSError(str(exc)))
        finally:
            done.set()

    threading.Thread(target=lookup, name="taskpoll-resolve", daemon=True).start()
    if not done.wait(timeout):
        raise httpcore.ConnectTimeout(f"resolving {host!r} took longer than the request's deadline allows")
    (result,) = box
    if isinstance(result, OSError):
        raise httpcore.ConnectError(f"could not resolve {host!r}: {result}")
    addresses = list(dict.fromkeys(str(info[4][0]) for info in result))
    if not addresses:
        raise httpcore.ConnectError(f"could not resolve {host!r}: no address")
    return addresses


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        clipped = _clip(timeout, httpcore.ConnectTimeout)
        if REQUEST_DEADLINE.get() == math.inf or clipped is None or _is_ip(host):
            return _DeadlineStream(self._backend.connect_tcp(host, port, clipped, local_address, socket_options))
        # A name: resolved under the deadline, then each address tried in turn with what is left (TLS
        # still checks the certificate against the name: httpcore passes it to start_tls).
        failure: httpcore.ConnectError | None = None
        for address in _resolve(host, port, clipped):
            left = _clip(timeout, httpcore.ConnectTimeout)
            try:
                stream = self._backend.connect_tcp(address, port, left, local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return _DeadlineStream(stream)
        assert failure is not None
        raise failure

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        timeout = _clip(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


_UNKNOWN = object()


def _socket_readable(sock: Any) -> bool:
    """httpcore's own test (`_utils.is_socket_readable`): closed, in error, or with data to read."""
    if sock.fileno() < 0:
        return True
    if not hasattr(select, "poll"):  # Windows
        readable, _, _ = select.select([sock], [], [], 0)
        return bool(readable)
    poll = select.poll()
    poll.register(sock, select.POLLIN)
    return bool(poll.poll(0))


class _AsyncDeadlineStream(httpcore.AsyncNetworkStream):
    """Each read, write and TLS handshake clipped to the request's deadline.

    It also answers the pool's "is_readable" (asked for every idle connection whenever a request
    starts or ends) from the socket it looked up once: anyio's stream builds its whole table of
    attributes, a getpeername() included, for each lookup (17 us a question in a profile of 64
    waits in flight, a fifth of the client's CPU).
    """

    __slots__ = ("_socket", "_stream")

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream
        self._socket: Any = _UNKNOWN

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, _clip(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        timeout = _clip(timeout, httpcore.WriteTimeout)
        _written(buffer)  # from here on the server may have seen it
        await self._stream.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        timeout = _clip(timeout, httpcore.ConnectTimeout)
        return _AsyncDeadlineStream(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            if self._socket is _UNKNOWN:
                self._socket = self._stream.get_extra_info("socket")
            if self._socket is not None:  # asyncio's TransportSocket, not a socket.socket
                return _socket_readable(self._socket)
        return self._stream.get_extra_info(info)


class _AsyncDeadlineBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _clip(timeout, httpcore.ConnectTimeout)
        stream = await self._backend.connect_tcp(host, port, timeout, local_address, socket_options)
        return _AsyncDeadlineStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        timeout = _clip(timeout, httpcore.ConnectTimeout)
        return _AsyncDeadlineStream(await self._backend.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


# httpcore's pool closes an idle connection whenever more connections than max_keepalive_connections
# are open, idle *or busy*: it counts every connection where it means the idle ones (1.0.9, the newest
# release; fixed upstream by encode/httpcore#1000, unreleased). Above 20 requests in flight (httpx's
# default keep-alive limit) a pool therefore closes and reopens connections all the time, and the count
# it runs for every idle connection makes each request cost O(open connections squared). For the pools
# of the clients taskpoll owns, `_assign_requests_to_connections` is replaced by the same algorithm with
# the idle connections counted, once: same order, same cases, same closing. Only for the httpcore
# versions it was checked against (tests/test_pool.py compares the method's source with the one this was
# written from); any other version keeps its own pool as it is.
_POOL_FIX_VERSIONS = frozenset({"1.0.9"})


def _assign_requests_to_connections(self: Any) -> list[Any]:
    closing_connections = []
    connections = self._connections
    # A connection handed to a request that has not started on it yet still says IDLE: it is never
    # closed as surplus nor to make room (encode/httpcore#1110: upstream can close it under the request).
    promised = {id(r.connection) for r in self._requests if r.connection is not None}
    kept = []
    idle = 0
    for connection in connections:
        if connection.is_closed():
            continue  # removed
        if connection.is_idle():
            # Only an idle connection can have expired (a busy one's keep-alive clock is stopped, and
            # one that failed to connect says idle): the readability test is not run for busy ones.
            if connection.has_expired():
                closing_connections.append(connection)
                continue
            idle += id(connection) not in promised
        kept.append(connection)
    surplus = idle - self._max_keepalive_connections
    if surplus > 0:
        # The oldest idle connections go first, as upstream's walk in list order closes them.
        survivors = []
        for connection in kept:
            if surplus > 0 and connection.is_idle() and id(connection) not in promised:
                closing_connections.append(connection)
                surplus -= 1
            else:
                survivors.append(connection)
        kept = survivors
    connections[:] = kept

    # Assign queued requests to connections, as httpcore 1.0.9 does, except that a connection is promised
    # to one request at a time: upstream hands the first idle connection to every queued request, the
    # first to run takes it and the others retry (ConnectionNotAvailable) and queue again — with 64
    # requests in flight, 13 passes of the pool for each request sent. (One request a connection is
    # HTTP/1.1's rule; the clients taskpoll owns never enable HTTP/2.)
    for pool_request in [request for request in self._requests if request.is_queued()]:
        origin = pool_request.request.url.origin
        available = [
            c for c in connections if id(c) not in promised and c.can_handle_request(origin) and c.is_available()
        ]
        if available:
            pool_request.assign_to_connection(available[0])
            promised.add(id(available[0]))
            continue
        if len(connections) >= self._max_connections:
            idle_connections = [c for c in connections if c.is_idle() and id(c) not in promised]
            if not idle_connections:
                continue  # stays queued until a connection is released
            connections.remove(idle_connections[0])
            closing_connections.append(idle_connections[0])
        connection = self.create_connection(origin)
        connections.append(connection)
        pool_request.assign_to_connection(connection)
        promised.add(id(connection))
    return closing_connections


class _CountedPool(httpcore.ConnectionPool):
    _assign_requests_to_connections = _assign_requests_to_connections


class _AsyncCountedPool(httpcore.AsyncConnectionPool):
    _assign_requests_to_connections = _assign_requests_to_connections


def _count_idle_connections(pool: object) -> None:
    if httpcore.__version__ not in _POOL_FIX_VERSIONS:
        return
    if type(pool) is httpcore.ConnectionPool:
        pool.__class__ = _CountedPool
    elif type(pool) is httpcore.AsyncConnectionPool:
        pool.__class__ = _AsyncCountedPool


def bound_requests(client: httpx.Client | httpx.AsyncClient) -> int:
    """Put the deadline backend under every httpcore pool of a client taskpoll owns (its transport
    and any proxy mounts from the environment), and count its idle connections right
    (`_assign_requests_to_connections` above); returns how many pools it wrapped.

    httpx (0.28, pinned) has no public hook for the network backend, so this reaches for the
    transports' `_pool._network_backend`; a test fails if a new httpx moves it.
    """
    transports = [client._transport, *client._mounts.values()]
    wrapped = 0
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        _count_idle_connections(pool)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, (_DeadlineBackend, _AsyncDeadlineBackend)) or backend is None:
            continue
        if isinstance(backend, httpcore.AsyncNetworkBackend):
            pool._network_backend = _AsyncDeadlineBackend(backend)  # type: ignore[union-attr]
        else:
            pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]
        wrapped += 1
    return wrapped


# Bodies: streamed, decoded by us in bounded steps, capped ----------------------------------------

DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024  # the largest real result (100,000 Aryn elements) is 55.8 MB
ACCEPT_ENCODING = "gzip, deflate"  # what _Body can decode in bounded steps (never br/zstd, even if installed)
_MAX_ENCODINGS = 3


class BodyTooLarge(httpx.TransportError):
    """The answer's body, decoded, is longer than the client's `max_response_bytes` (an excerpt is kept)."""

    def __init__(self, response: httpx.Response, limit: int, excerpt: bytes) -> None:
        super().__init__(f"the answer's body is longer than max_response_bytes={limit}", request=response.request)
        self.response = response
        self.limit = limit
        self.excerpt = excerpt


class _Overflow(Exception):
    def __init__(self, fitted: bytes) -> None:
        self.fitted = fitted


class _Inflate:
    """One gzip or deflate layer, decompressed in steps of at most the room left under the cap."""

    __slots__ = ("_raw_fallback", "_z")

    def __init__(self, encoding: str) -> None:
        deflate = encoding == "deflate"
        self._z = zlib.decompressobj(zlib.MAX_WBITS if deflate else 16 + zlib.MAX_WBITS)
        self._raw_fallback = deflate  # servers send raw deflate as "deflate" too (httpx tries both)

    def decode(self, data: bytes, room: int) -> bytes:
        """At most `room` bytes; _Overflow (with what fitted) when the layer would give more."""
        if self._z.eof or not data:
            return b""  # whatever follows the end of the stream is ignored, as httpx does
        try:
            out = self._z.decompress(data, room + 1)
        except zlib.error as exc:
            if not self._raw_fallback:
                raise httpx.DecodingError(f"the body is not valid compressed data ({exc})") from None
            self._raw_fallback = False
            self._z = zlib.decompressobj(-zlib.MAX_WBITS)
            return self.decode(data, room)
        self._raw_fallback = False
        if len(out) > room or self._z.unconsumed_tail:
            raise _Overflow(out[:room])
        return out


class Body:
    """A response body read chunk by chunk into one buffer, decoded (gzip, deflate) in bounded steps.

    `limit` bounds the decoded size (and, twice over, the bytes on the wire); `deadline` (monotonic) bounds the
    time the whole read may take, checked after each chunk, for transports taskpoll does not own.
    """

    __slots__ = (
        "_buffer",
        "_first",
        "_layers",
        "_limit",
        "_response",
        "_size",
        "_spool",
        "_wire",
        "_wire_limit",
        "deadline",
    )

    def __init__(self, response: httpx.Response, limit: int, deadline: float, spool: Spool | None = None) -> None:
        self._response = response
        self._spool = spool  # where the body goes once it passes SPILL_AT bytes (then only its head stays here)
        self._limit = limit
        self.deadline = deadline
        self._size = self._wire = 0
        self._wire_limit = 2 * limit + MAX_BODY_EXCERPT
        self._first: bytes | None = None
        self._buffer: io.BytesIO | None = None
        self._layers: list[_Inflate] = []
        encodings = response.headers.get_list("content-encoding", split_commas=True)
        for encoding in reversed([e.strip().lower() for e in encodings]):
            if encoding in ("", "identity"):
                continue
            if encoding not in ("gzip", "x-gzip", "deflate") or len(self._layers) >= _MAX_ENCODINGS:
                raise httpx.DecodingError(f"the answer uses a content-encoding taskpoll does not accept: {encoding!r}")
            self._layers.append(_Inflate(encoding))
        length = response.headers.get("content-length", "")
        if not self._layers and length.isdigit() and len(length) < 20 and int(length) > limit:
            raise self._too_large()

    def feed(self, chunk: bytes) -> None:
        self._wire += len(chunk)
        if self._wire > self._wire_limit:  # compressed data that inflates to nothing
            raise self._too_large()
        data = chunk
        try:
            for index, layer in enumerate(self._layers, 1):
                # An inner layer is still compressed: bounded like the wire, the last one by the room left.
                room = self._limit - self._size if index == len(self._layers) else self._wire_limit
                data = layer.decode(data, room)
        except _Overflow as overflow:
            raise self._too_large(overflow.fitted) from None
        if self._size + len(data) > self._limit:
            raise self._too_large(data)
        self._size += len(data)
        if self._spool is not None and (self._spool.spilled or self._size > SPILL_AT):
            self._spill(data)
        elif self._first is None and self._buffer is None:
            self._first = data  # most answers are one chunk: keep it as it is
        else:
            if self._buffer is None:
                self._buffer = io.BytesIO(self._first or b"")
                self._buffer.seek(0, io.SEEK_END)
                self._first = None
            self._buffer.write(data)
        if time.monotonic() > self.deadline:
            raise httpx.ReadTimeout(
                "the request's deadline passed while reading the body", request=self._response.request
            )

    def _spill(self, data: bytes) -> None:
        assert self._spool is not None
        if not self._spool.spilled:
            held = self.value()
            self._spool.write(held)
            self._first, self._buffer = (held + data)[:MAX_BODY_EXCERPT], None  # the head, for errors
        self._spool.write(data)

    def value(self) -> bytes:
        """The decoded body (its first MAX_BODY_EXCERPT bytes once spilled to the spool).

        BytesIO.getvalue() hands over its own buffer, so it is never copied.
        """
        if self._buffer is not None:
            return self._buffer.getvalue()
        return self._first or b""

    def _too_large(self, pending: bytes = b"") -> BodyTooLarge:
        excerpt = self.value()[:MAX_BODY_EXCERPT]
        if len(excerpt) < MAX_BODY_EXCERPT and pending:
            excerpt += pending[: MAX_BODY_EXCERPT - len(excerpt)]
        return BodyTooLarge(self._response, self._limit, excerpt)


MAX_BODY_EXCERPT = 64 * 1024


def read_body(response: httpx.Response, limit: int, deadline: float, spool: Spool | None = None) -> bytes:
    """Read a streamed response's body under the cap and the deadline; the response is closed after.

    With a `spool`, a body past SPILL_AT bytes goes there and only its head is returned.
    """
    try:
        body = Body(response, limit, deadline, spool)
        for chunk in response.iter_raw():
            body.feed(chunk)
        return body.value()
    finally:
        response.close()


async def aread_body(response: httpx.Response, limit: int, deadline: float, spool: Spool | None = None) -> bytes:
    """`read_body`, for an async response."""
    try:
        body = Body(response, limit, deadline, spool)
        async for chunk in response.aiter_raw():
            body.feed(chunk)
        return body.value()
    finally:
        await response.aclose()


# Secrets: the client's own key, taken out of everything a server says ----------------------------

MIN_REDACTED_KEY = 8  # shorter keys cannot be told apart from ordinary text, so they are not searched for
REDACTED = "***"


# httpx and httpcore log what a server sent (the status line, at DEBUG the raw headers) before taskpoll
# sees it; this filter, on their loggers, takes every live client's key out of those records. Logger
# filters only run for records that are going to be emitted, so this costs nothing when logging is off.
_HTTP_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
_LIVE: weakref.WeakSet[Redactor] = weakref.WeakSet()


class _RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        redactors = list(_LIVE)
        if not redactors:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a record that cannot be formatted is logging's own business
            return True
        clean = message
        for redactor in redactors:
            clean = redactor.text(clean)
        if clean != message:
            record.msg, record.args = clean, None
        return True


_FILTER = _RedactingFilter()


class Redactor:
    """Replaces the client's key, as sent and in its percent-encoded and JSON-escaped forms, by `***`
    in what a server supplies: the body, header values (Location included), the reason phrase and
    the text of a transport error, and in httpx's and httpcore's log records. Nothing is copied when
    the key is not there.
    """

    __slots__ = ("__weakref__", "_bytes", "_text")

    def __init__(self, key: str) -> None:
        forms = {
            key,
            urllib.parse.quote(key, safe=""),
            urllib.parse.quote(key),
            urllib.parse.quote_plus(key),
            json.dumps(key)[1:-1],
            json.dumps(key, ensure_ascii=False)[1:-1],
            json.dumps(key)[1:-1].replace("/", "\\/"),
        }
        forms |= {re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), form) for form in forms}
        kept = sorted((f for f in forms if len(f) >= MIN_REDACTED_KEY), key=len, reverse=True)
        self._text = tuple(kept)
        self._bytes = tuple(f.encode("utf-8", "surrogatepass") for f in kept)
        if kept:
            _LIVE.add(self)
            for name in _HTTP_LOGGERS:
                logger = logging.getLogger(name)
                if _FILTER not in logger.filters:
                    logger.addFilter(_FILTER)

    def __repr__(self) -> str:
        return f"Redactor(forms={len(self._text)})"

    @property
    def longest(self) -> int:
        """The length in bytes of the longest form searched for (0: none)."""
        return max(map(len, self._bytes), default=0)

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("Redactor holds a secret and is not picklable")

    def text(self, value: str) -> str:
        for form in self._text:
            value = value.replace(form, REDACTED)
        return value

    def data(self, value: bytes) -> bytes:
        for form in self._bytes:
            value = value.replace(form, b"***")  # the very same object when the form is not there
        return value

    def response(self, response: httpx.Response, body: bytes) -> bytes:
        """The body, redacted; the response's headers and reason phrase are redacted in place."""
        raw = response.headers.raw
        if any(form in value for _, value in raw for form in self._bytes):
            response.headers = httpx.Headers([(name, self.data(value)) for name, value in raw])
        reason = response.extensions.get("reason_phrase")
        if isinstance(reason, bytes) and reason:
            response.extensions["reason_phrase"] = self.data(reason)
        return self.data(body)

    def error(self, error: httpx.HTTPError) -> httpx.HTTPError:
        """The error, or one of the same kind whose text holds no key."""
        text = str(error)
        clean = self.text(text)
        if clean == text:
            return error
        try:
            request: httpx.Request | None = error.request
        except RuntimeError:  # an error raised outside a request has none
            request = None
        try:
            return type(error)(clean, request=request)  # type: ignore[call-arg]
        except TypeError:  # an error type that needs more than a message (HTTPStatusError)
            return httpx.TransportError(clean, request=request)
