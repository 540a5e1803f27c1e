"""The HTTP edge taskpoll owns, on public httpx and httpcore APIs only: the key's auth, URL and key
checks, a sync transport that bounds each request as a whole, bodies read under a cap on decoded
bytes, what a request's trace says about whether it left, and the client's key taken out of
everything a server says.
"""

from __future__ import annotations

import functools
import io
import ipaddress
import json
import logging
import math
import os
import re
import socket
import ssl
import threading
import time
import urllib.parse
import weakref
import zlib
from collections.abc import Generator, Iterable, Iterator
from typing import Any, cast

import attrs
import httpcore
import httpx

from ._errors import BODY_EXCERPT, ConfigurationError
from ._spool import SPILL_AT, Spool
from ._version import __version__

USER_AGENT = f"taskpoll/{__version__} (+https://pypi.org/project/taskpoll/)"
# Keep-alive up to the connection limit: httpcore closes idle connections whenever more than the
# keep-alive limit are open, busy ones counted; equal limits never churn.
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)
DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024  # several times the largest real result
ACCEPT_ENCODING = "gzip, deflate"  # what Body decodes in bounded steps (never br/zstd, even if installed)
MIN_REDACTED_KEY = 8  # shorter keys cannot be told apart from ordinary text, so they are not searched for


@functools.lru_cache(maxsize=4)
def _ssl_context(cafile: str | None, capath: str | None) -> ssl.SSLContext:
    import certifi

    if cafile or capath:
        return ssl.create_default_context(cafile=cafile or None, capath=None if cafile else capath)
    return ssl.create_default_context(cafile=certifi.where())


def default_ssl_context() -> ssl.SSLContext:
    """httpx's `verify=True` context (certifi, or SSL_CERT_FILE / SSL_CERT_DIR), made once per process:
    httpx loads the whole CA bundle again for each client, blocking an event loop while it does."""
    return _ssl_context(os.environ.get("SSL_CERT_FILE") or None, os.environ.get("SSL_CERT_DIR") or None)


class KeyAuth(httpx.Auth):
    """Puts the API key in the provider's header of each request, never in a shared headers dict; its
    repr does not show the key."""

    def __init__(self, header: str, scheme: str, key: str) -> None:
        self._header = header
        self._value = f"{scheme} {key}" if scheme else key

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[self._header] = self._value
        yield request

    def __repr__(self) -> str:
        return f"KeyAuth(header={self._header!r}, key='***')"

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
    def refuse(why: str) -> ConfigurationError:
        return ConfigurationError(f"the {provider} base URL {why}", provider=provider)

    if not isinstance(url, str) or not url.strip():
        raise refuse("must be a non-empty string")
    if any(0xD800 <= ord(c) <= 0xDFFF for c in url):  # not text: httpx would fail on the first request
        raise refuse("holds a lone surrogate character")
    try:
        parsed = httpx.URL(url.strip())
        port = parsed.port
    except httpx.InvalidURL as exc:
        raise refuse(f"is not a URL: {exc}") from None
    if port is not None and not 0 < port <= 65535:  # httpx accepts any number; sockets take it modulo 65536
        raise refuse(f"has port {port}, not one between 1 and 65535")
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise refuse(f"must be http(s)://host[:port][/path], not {url!r}")
    if parsed.userinfo:
        raise refuse("carries credentials; pass the key as api_key instead")
    if parsed.query or parsed.fragment:
        raise refuse("must not have a query or fragment")
    if parsed.scheme == "http" and not is_loopback(parsed.host) and not allow_insecure_http:
        raise ConfigurationError(
            f"refusing to send the {provider} key over plain http to {parsed.host}; use https, "
            "or pass allow_insecure_http=True if this network is trusted",
            provider=provider,
        )
    return str(parsed).rstrip("/")


# Whether a request left -------------------------------------------------------------------------


class NotSent(Exception):
    """A request's time ran out in this process before any of it left (a busy event loop, a full pool)."""


class RequestTrace:
    """How far one request got, as httpcore's `trace` request extension reports it: once its headers
    start to go out, the server may have seen it. It also refuses to start a connect or a send once
    the request's `deadline` (monotonic) has passed: the time ran out here, and nothing leaves late.
    Of a transport that does not trace (aiohttp, or one of the caller's that may not), only an error
    that no connection was made (or free) proves that nothing left."""

    __slots__ = ("deadline", "sent", "traced")

    def __init__(self, deadline: float, traced: bool) -> None:
        self.deadline = deadline
        self.traced = traced  # the transport reports every request's progress (httpx's own, taskpoll's)
        self.sent = False

    def __call__(self, name: str, info: object) -> None:
        if name.endswith(("send_request_headers.started", "connect_tcp.started")):
            if time.monotonic() >= self.deadline:
                raise NotSent("its time ran out in this process, before any of it left")
            self.sent = self.sent or name.endswith("headers.started")

    async def atrace(self, name: str, info: object) -> None:
        self(name, info)

    def left(self, error: Exception) -> bool:
        """Whether the request may have reached the server, given the error it ended with."""
        if isinstance(error, NotSent):
            return False
        if self.traced:
            return self.sent
        return not isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


# A whole request's deadline, sync ---------------------------------------------------------------
#
# httpx's timeouts are per read, write and connect: a server that drips its headers or body a byte
# at a time keeps a request alive for ever. The sync clients taskpoll owns send through
# `DeadlineTransport`: an httpcore pool whose connections each get a network backend that clips every
# connect, read and write to the deadline of the request the connection is serving, set from the
# request's timeout as it enters the transport. (`AsyncClient._exchange` bounds an async one as a whole.)


def _resolve(host: str, port: int, timeout: float | None) -> list[str]:
    """The host's addresses, or ConnectTimeout once `timeout` passes: socket.create_connection resolves
    with no timeout at all. The lookup runs in a daemon thread the request stops waiting for."""
    box: list[Any] = []

    def lookup() -> None:
        try:
            box.append(socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM))
        except Exception as exc:  # OSError, and UnicodeError from an unencodable name
            box.append(exc)

    thread = threading.Thread(target=lookup, name="taskpoll-resolve", daemon=True)
    thread.start()
    thread.join(timeout)
    if not box:
        raise httpcore.ConnectTimeout(f"resolving {host!r} took longer than the request's deadline allows")
    if isinstance(box[0], Exception) or not box[0]:
        raise httpcore.ConnectError(f"could not resolve {host!r}: {box[0] or 'no address'}")
    return list(dict.fromkeys(str(info[4][0]) for info in box[0]))


class _Backend(httpcore.NetworkBackend):
    """The network of one connection: every connect, read and write clipped to `deadline` (monotonic),
    that of the request the connection serves. With no `uds` and no retries, httpcore asks it for
    nothing but TCP connections."""

    def __init__(self) -> None:
        self.deadline = math.inf

    def clip(self, timeout: float | None, error: type[Exception]) -> float | None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise error("the request's deadline passed")
        return left if timeout is None or timeout > left else timeout

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            ipaddress.ip_address(host.strip("[]"))
            addresses = [host]
        except ValueError:  # a name: resolved under the deadline, then each address tried with what is left
            addresses = _resolve(host, port, self.clip(timeout, httpcore.ConnectTimeout))
        error = httpcore.ConnectError(f"no address to connect to for {host!r}")
        for address in addresses:
            left = self.clip(timeout, httpcore.ConnectTimeout)
            try:
                stream = httpcore.SyncBackend().connect_tcp(address, port, left, local_address, socket_options)
                return _Stream(stream, self)
            except httpcore.ConnectError as exc:
                error = exc  # then the next address, if there is one
        raise error


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, network: _Backend) -> None:
        self._stream = stream
        self._network = network

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._network.clip(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._network.clip(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        timeout = self._network.clip(timeout, httpcore.ConnectTimeout)
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, timeout), self._network)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Connection(httpcore.HTTPConnection):
    """One connection; the request it serves sets the deadline its network clips to."""

    def __init__(self, origin: httpcore.Origin, ssl_context: ssl.SSLContext, keepalive_expiry: float | None) -> None:
        self.taskpoll_network = _Backend()
        super().__init__(origin, ssl_context, keepalive_expiry=keepalive_expiry, network_backend=self.taskpoll_network)

    def handle_request(self, request: httpcore.Request) -> httpcore.Response:
        self.taskpoll_network.deadline = request.extensions.get("taskpoll_deadline", math.inf)
        return super().handle_request(request)


class _Pool(httpcore.ConnectionPool):
    def __init__(self, ssl_context: ssl.SSLContext, limits: httpx.Limits) -> None:
        super().__init__(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
        )
        self.taskpoll_options = (ssl_context, limits.keepalive_expiry)

    def create_connection(self, origin: httpcore.Origin) -> httpcore.ConnectionInterface:
        return _Connection(origin, *self.taskpoll_options)


_CORE_ERRORS = (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol)


def _httpx_error(exc: Exception, request: httpx.Request | None = None) -> httpx.TransportError:
    """httpcore's error as httpx's of the same name (httpx's own transport maps them alike)."""
    error = getattr(httpx, type(exc).__name__, None)
    if not (isinstance(error, type) and issubclass(error, httpx.TransportError)):
        error = httpx.TransportError
    return error(str(exc), request=request)


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._stream
        except _CORE_ERRORS as exc:
            raise _httpx_error(exc) from exc

    def close(self) -> None:
        if hasattr(self._stream, "close"):
            self._stream.close()


class DeadlineTransport(httpx.BaseTransport):
    """httpx's HTTP/1.1 transport, with each request bounded as a whole by the largest of its timeouts
    (taskpoll sets all four to what is left of the wait)."""

    def __init__(self, ssl_context: ssl.SSLContext, limits: httpx.Limits) -> None:
        self._pool = _Pool(ssl_context, limits)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        timeouts = request.extensions.get("timeout") or {}
        limit = max((t for t in timeouts.values() if t is not None), default=math.inf)
        url = request.url
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
            headers=request.headers.raw,
            content=request.stream,
            extensions={**request.extensions, "taskpoll_deadline": time.monotonic() + limit},
        )
        try:
            response = self._pool.handle_request(core)
        except _CORE_ERRORS as exc:
            raise _httpx_error(exc, request) from exc
        return httpx.Response(
            response.status,
            headers=response.headers,
            stream=_Body(cast(Iterable[bytes], response.stream)),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


# Bodies: streamed, decoded by us in bounded steps, capped --------------------------------------


class BodyTooLarge(Exception):
    """The answer's body, decoded, is longer than the client's `max_response_bytes` (an excerpt is kept)."""

    def __init__(self, response: httpx.Response, limit: int, excerpt: bytes) -> None:
        super().__init__(f"its body is longer than max_response_bytes={limit} (decoded)")
        self.response, self.limit, self.excerpt = response, limit, excerpt


class _Inflate:
    """One gzip or deflate layer, decompressed in steps of at most the room left under the cap."""

    __slots__ = ("_raw_fallback", "_z")

    def __init__(self, encoding: str) -> None:
        deflate = encoding == "deflate"
        self._z = zlib.decompressobj(zlib.MAX_WBITS if deflate else 16 + zlib.MAX_WBITS)
        self._raw_fallback = deflate  # servers send raw deflate as "deflate" too (httpx tries both)

    def decode(self, data: bytes, room: int) -> bytes:
        """At most `room` bytes, or `room + 1` when the layer would give more (the caller stops there)."""
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
        return out


class Body:
    """A response body read chunk by chunk, decoded (gzip, deflate) in bounded steps: `limit` bounds
    the decoded size (and, twice over, the bytes on the wire); `deadline` (monotonic) the time the
    read may take, checked after each chunk; past SPILL_AT bytes it goes to `spool`, if given."""

    def __init__(self, response: httpx.Response, limit: int, deadline: float, spool: Spool | None = None) -> None:
        self._response, self._limit, self._deadline, self._spool = response, limit, deadline, spool
        self._size = self._wire = 0
        self._buffer = io.BytesIO()
        self._layers: list[_Inflate] = []
        for encoding in reversed(response.headers.get_list("content-encoding", split_commas=True)):
            encoding = encoding.strip().lower()
            if encoding not in ("", "identity", "gzip", "x-gzip", "deflate") or len(self._layers) >= 3:
                raise httpx.DecodingError(f"the answer uses a content-encoding taskpoll does not accept: {encoding!r}")
            if encoding not in ("", "identity"):
                self._layers.append(_Inflate(encoding))
        length = response.headers.get("content-length", "")
        if not self._layers and length.isdigit() and len(length) < 20 and int(length) > limit:
            raise self._too_large()

    def feed(self, chunk: bytes) -> None:
        self._wire += len(chunk)
        if self._wire > 2 * self._limit + BODY_EXCERPT:  # compressed data that inflates to nothing
            raise self._too_large()
        data = chunk
        for index, layer in enumerate(self._layers, 1):
            # An inner layer is still compressed: bounded like the wire; the last by the room left.
            last = index == len(self._layers)
            room = self._limit - self._size if last else 2 * self._limit + BODY_EXCERPT
            data = layer.decode(data, room)
            if len(data) > room:
                raise self._too_large(data[:room] if last else b"")
        if self._size + len(data) > self._limit:
            raise self._too_large(data)
        self._size += len(data)
        if self._spool is not None and (self._spool.spilled or self._size > SPILL_AT):
            if not self._spool.spilled:
                held = self._buffer.getvalue()
                self._spool.write(held)
                self._buffer = io.BytesIO((held + data)[:BODY_EXCERPT])  # the head, for errors
            self._spool.write(data)
        else:
            self._buffer.write(data)
        if time.monotonic() > self._deadline:
            raise httpx.ReadTimeout("the request's deadline passed while reading the body")

    def value(self) -> bytes:
        """The decoded body (its first BODY_EXCERPT bytes once spilled to the spool)."""
        return self._buffer.getvalue()

    def _too_large(self, pending: bytes = b"") -> BodyTooLarge:
        excerpt = (self.value()[:BODY_EXCERPT] + pending)[:BODY_EXCERPT]
        return BodyTooLarge(self._response, self._limit, excerpt)


def read_body(response: httpx.Response, limit: int, deadline: float, spool: Spool | None = None) -> bytes:
    """Read a streamed response's body under the cap and the deadline; the response is closed after."""
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


@attrs.frozen
class Answer:
    """One HTTP answer as the adapters read it: its status, headers and decoded body, the client's key
    taken out of all three; `spool` holds a body too large to keep in memory (`iter_elements`)."""

    status_code: int
    headers: httpx.Headers
    content: bytes
    reason_phrase: str = ""
    spool: Spool | None = None


# Secrets: the client's own key, taken out of everything a server says ---------------------------

# httpx and httpcore log what a server sent (the status line, at DEBUG the raw headers) before taskpoll
# sees it; this filter, on their loggers, takes every live client's key out of those records. Logger
# filters only run for records that are going to be emitted, so this costs nothing when logging is off.
_HTTP_LOGGERS = ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy")
_LIVE: weakref.WeakSet[Redactor] = weakref.WeakSet()


def _redact_record(record: logging.LogRecord) -> bool:
    redactors = list(_LIVE)
    if redactors:
        try:
            message = clean = record.getMessage()
        except Exception:  # a record that cannot be formatted is logging's own business
            return True
        for redactor in redactors:
            clean = redactor.text(clean)
        if clean != message:
            record.msg, record.args = clean, None
    return True


class Redactor:
    """Replaces the client's key, as sent and in its percent-encoded and JSON-escaped forms, by `***`
    in what a server supplies: the body, header values (Location included), the reason phrase and
    the text of a transport error, and in httpx's and httpcore's log records."""

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
                if _redact_record not in logger.filters:
                    logger.addFilter(_redact_record)

    def __repr__(self) -> str:
        return f"Redactor(forms={len(self._text)})"

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("Redactor holds a secret and is not picklable")

    @property
    def longest(self) -> int:
        """The length in bytes of the longest form searched for (0: none)."""
        return max(map(len, self._bytes), default=0)

    def text(self, value: str) -> str:
        for form in self._text:
            value = value.replace(form, "***")
        return value

    def data(self, value: bytes) -> bytes:
        for form in self._bytes:
            value = value.replace(form, b"***")  # the very same object when the form is not there
        return value

    def answer(self, response: httpx.Response, body: bytes, spool: Spool | None = None) -> Answer:
        """What the server said, its key taken out."""
        headers = response.headers
        if any(form in value for _, value in headers.raw for form in self._bytes):
            headers = httpx.Headers([(name, self.data(value)) for name, value in headers.raw])
        reason = response.extensions.get("reason_phrase")
        reason = self.data(reason).decode("ascii", "replace") if isinstance(reason, bytes) else ""
        return Answer(
            response.status_code, headers, self.data(body), reason, spool if spool and spool.spilled else None
        )
