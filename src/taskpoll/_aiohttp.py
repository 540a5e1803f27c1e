"""AsyncClient's optional aiohttp transport (`transport="aiohttp"`, the `aiohttp` extra).

httpx-aiohttp runs the httpx API over aiohttp's connector, cheaper in CPU than httpx's own async pool
and without its new connections under load. This module makes it keep taskpoll's promises: every
failure comes out as an httpx error of the right kind (httpx-aiohttp maps a few, some wrongly — a
dropped connection as a ConnectTimeout — and lets the rest through raw), aiohttp keeps no cookies of
its own (httpx's jar does) and never decodes a body (taskpoll's bounded decoder does). There is no
network backend to clip here: `AsyncClient._exchange` bounds the whole request.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import httpx
from aiohttp.http_exceptions import HttpProcessingError
from httpx_aiohttp import AiohttpTransport as _Transport

# aiohttp's errors and the httpx error each stands for: the first that matches (subclasses first).
_ERRORS: list[tuple[type[BaseException] | tuple[type[BaseException], ...], type[httpx.TransportError]]] = [
    ((aiohttp.ServerTimeoutError, asyncio.TimeoutError), httpx.ReadTimeout),
    ((aiohttp.ClientProxyConnectionError, aiohttp.ClientHttpProxyError), httpx.ProxyError),
    (aiohttp.ClientConnectorError, httpx.ConnectError),
    (aiohttp.ClientPayloadError, httpx.ReadError),
    (aiohttp.InvalidURL, httpx.UnsupportedProtocol),
    # closed before answering, or an answer that is not HTTP
    ((aiohttp.ServerDisconnectedError, aiohttp.ClientResponseError, HttpProcessingError), httpx.RemoteProtocolError),
    ((aiohttp.ClientError, OSError, ValueError), httpx.ReadError),
]


def _mapped(exc: BaseException, request: httpx.Request) -> httpx.HTTPError:
    """`exc` (from aiohttp, or httpx-aiohttp's own mapping of it) as the httpx error it stands for."""
    cause = exc.__cause__ if isinstance(exc, httpx.HTTPError) and exc.__cause__ is not None else exc
    if isinstance(cause, httpx.HTTPError):
        error = cause
    else:
        kind = next((kind for kinds, kind in _ERRORS if isinstance(cause, kinds)), httpx.TransportError)
        error = kind(str(cause) or type(cause).__name__)
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
