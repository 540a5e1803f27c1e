"""HTTP plumbing owned by taskpoll: the key's auth object, URL checks, and the default httpx settings."""

from __future__ import annotations

import ipaddress
from collections.abc import Generator

import httpx

from . import __version__
from ._errors import ConfigurationError

USER_AGENT = f"taskpoll/{__version__} (+https://pypi.org/project/taskpoll/)"
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


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
