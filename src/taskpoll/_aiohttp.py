"""AsyncClient's optional aiohttp transport (`transport="aiohttp"`, the `aiohttp` extra).

httpx's own async pool costs about 1 ms of CPU per request and opens new connections under load
(encode/httpcore#1000); httpx-aiohttp runs the same httpx API over aiohttp's connector. This module
makes it keep taskpoll's promises: every failure comes out as an httpx error of the right kind
(httpx-aiohttp maps a few, some wrongly — a dropped connection as a ConnectTimeout — and lets the
rest through raw), aiohttp keeps no cookies of its own (httpx's jar does that) and never decodes a
body (taskpoll's bounded decoder does). The whole request is bounded by `asyncio.timeout` in
`AsyncClient._send`, since there is no httpcore network backend to clip.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import httpx
from aiohttp.http_exceptions import HttpProcessingError
from httpx_aiohttp import AiohttpTransport as _Transport


def _mapped(exc: BaseException, request: httpx.Request) -> httpx.HTTPError:
    """`exc` (from aiohttp, or httpx-aiohttp's own mapping of it) as the httpx error it stands for."""
    cause = exc.__cause__ if isinstance(exc, httpx.HTTPError) and exc.__cause__ is not None else exc
    message = str(cause) or type(cause).__name__
    error: httpx.HTTPError
    if isinstance(cause, httpx.HTTPError):
        error = cause
    elif isinstance(cause, (aiohttp.ServerTimeoutError, asyncio.TimeoutError)):
        error = httpx.ReadTimeout(message)
    elif isinstance(cause, aiohttp.ClientProxyConnectionError | aiohttp.ClientHttpProxyError):
        error = httpx.ProxyError(message)
    elif isinstance(cause, aiohttp.ClientConnectorError):
        error = httpx.ConnectError(message)
    elif isinstance(cause, aiohttp.ClientPayloadError):
        error = httpx.ReadError(message)
    elif isinstance(cause, aiohttp.InvalidURL):
        error = httpx.UnsupportedProtocol(message)
    elif isinstance(cause, aiohttp.ServerDisconnectedError | aiohttp.ClientResponseError | HttpProcessingError):
        error = httpx.RemoteProtocolError(message)  # closed before answering, or an answer that is not HTTP
    elif isinstance(cause, aiohttp.ClientError | OSError | ValueError):
        error = httpx.ReadError(message)
    else:
        error = httpx.TransportError(message)
    if isinstance(error, httpx.RequestError):
        error.request = request
    return error


class _Body(httpx.AsyncByteStream):
    def __init__(self, stream: httpx.AsyncByteStream, request: httpx.Request) -> None:
        self._stream = stream
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._stream:
                yield chunk
        except Exception as exc:
            raise _mapped(exc, self._request) from exc

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        except Exception as exc:
            raise _mapped(exc, self._request) from exc


class AiohttpTransport(_Transport):
    """httpx-aiohttp's transport with every error mapped, no cookie jar and no decoding of its own."""

    def __init__(self, limits: httpx.Limits) -> None:
        super().__init__(limits=limits, client=self._session)

    def _session(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(
            limit=self.limits.max_connections or 0,
            keepalive_timeout=self.limits.keepalive_expiry or 0,
            ssl=self.ssl_context,
        )
        return aiohttp.ClientSession(
            connector=connector, cookie_jar=aiohttp.DummyCookieJar(), auto_decompress=False, trust_env=False
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await super().handle_async_request(request)
        except Exception as exc:
            raise _mapped(exc, request) from exc
        response.stream = _Body(response.stream, request)  # type: ignore[arg-type]
        return response
