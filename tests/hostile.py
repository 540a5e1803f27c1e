"""Hostile servers on 127.0.0.1, written on raw sockets: they drip, flood, bomb, reset, echo secrets
and send absurd headers, the things a well-behaved test server (loopback.py, the simulator) never does.

    with hostile(drip_body(interval=0.5)) as server:
        client = taskpoll.Client("artos", base_url=server.url, api_key=KEY)

A behaviour is a function `(connection, request) -> None` that writes whatever it likes; the server
answers each connection in its own thread. Everything is bounded: a behaviour sends a bounded number
of bytes, each connection lives at most `lifetime` seconds, and the server stops on leaving the
`with` block (or by itself after `lifetime`), closing every connection it still holds.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

Behaviour = Callable[["Connection", bytes], None]

PENDING = json.dumps({"task_id": "doc-1", "status": "Pending", "progress": None, "error": None}).encode()


class Stop(Exception):
    """The server is stopping (or the connection's lifetime is over): the behaviour gives up."""


@dataclass
class Connection:
    sock: socket.socket
    stopping: threading.Event
    ends_at: float

    def send(self, data: bytes) -> None:
        if self.stopping.is_set() or time.monotonic() > self.ends_at:
            raise Stop
        self.sock.sendall(data)

    def pause(self, seconds: float) -> None:
        if self.stopping.wait(seconds) or time.monotonic() > self.ends_at:
            raise Stop

    def reset(self) -> None:
        """Close with a TCP RST instead of a FIN (SO_LINGER 0)."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()


@dataclass
class HostileServer:
    behaviour: Behaviour
    lifetime: float
    url: str = ""
    requests: list[bytes] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)


def _read_request(sock: socket.socket, limit: int = 64 * 1024) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data and len(data) < limit:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def _serve(server: HostileServer, sock: socket.socket) -> None:
    sock.settimeout(server.lifetime)
    connection = Connection(sock, server.stopping, time.monotonic() + server.lifetime)
    with contextlib.suppress(Stop, OSError), sock:
        while not server.stopping.is_set():
            request = _read_request(sock)
            if not request:
                return
            server.requests.append(request)
            server.behaviour(connection, request)
            if sock.fileno() == -1:  # the behaviour closed (or reset) it
                return


@contextlib.contextmanager
def hostile(behaviour: Behaviour, *, lifetime: float = 30.0) -> Iterator[HostileServer]:
    server = HostileServer(behaviour, lifetime)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    server.url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    ends_at = time.monotonic() + lifetime
    threads: list[threading.Thread] = []

    def accept() -> None:
        with listener:
            while not server.stopping.is_set() and time.monotonic() < ends_at:
                try:
                    sock, _ = listener.accept()
                except TimeoutError:
                    continue
                except OSError:
                    return
                thread = threading.Thread(target=_serve, args=(server, sock), daemon=True)
                threads.append(thread)
                thread.start()

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield server
    finally:
        server.stopping.set()
        acceptor.join(5)
        for thread in threads:
            thread.join(5)


def head(status: int = 200, headers: tuple[tuple[str, str], ...] = (), length: int | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} Whatever"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    lines += [f"{name}: {value}" for name, value in headers]
    lines.append("Content-Type: application/json")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


# Behaviours ---------------------------------------------------------------------------------------


def answer(status: int, body: bytes, headers: tuple[tuple[str, str], ...] = ()) -> Behaviour:
    """A well-formed answer (the baseline, and the key-echo cases)."""

    def behave(connection: Connection, request: bytes) -> None:
        connection.send(head(status, headers, len(body)) + body)

    return behave


def drip_body(interval: float = 0.5, length: int = 1000) -> Behaviour:
    """Headers at once, then the body one byte every `interval` seconds."""

    def behave(connection: Connection, request: bytes) -> None:
        connection.send(head(200, (), length))
        for _ in range(length):
            connection.send(b" ")
            connection.pause(interval)

    return behave


def drip_headers(interval: float = 0.5) -> Behaviour:
    """The status line, then the headers one byte every `interval` seconds (never finishing them)."""

    def behave(connection: Connection, request: bytes) -> None:
        connection.send(b"HTTP/1.1 200 OK\r\n")
        for _ in range(10_000):
            connection.send(b"X-Slow-" + str(_).encode() + b": a\r\n" if _ % 20 == 19 else b"X")
            connection.pause(interval)

    return behave


def endless_continue(interval: float = 0.5) -> Behaviour:
    """`100 Continue` after `100 Continue`, every `interval` seconds, and never the answer."""

    def behave(connection: Connection, request: bytes) -> None:
        for _ in range(10_000):
            connection.send(b"HTTP/1.1 100 Continue\r\n\r\n")
            connection.pause(interval)

    return behave


def flood(size: int, *, declare_length: bool = True, chunk: int = 256 * 1024) -> Behaviour:
    """A 200 whose body is `size` bytes of JSON-ish padding (with or without a Content-Length)."""

    def behave(connection: Connection, request: bytes) -> None:
        if declare_length:
            connection.send(head(200, (), size))
        else:
            connection.send(head(200, (("Connection", "close"),)))
        block = b" " * chunk
        sent = 0
        while sent < size:
            piece = block[: min(chunk, size - sent)]
            connection.send(piece)
            sent += len(piece)
        if not declare_length:
            connection.sock.close()

    return behave


@cache
def bomb(decoded: int, encoding: str = "gzip") -> bytes:
    """`decoded` bytes of spaces, compressed: about 1,000 times smaller on the wire."""
    wbits = {"gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}[encoding]
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    block = b" " * (1 << 20)
    parts = [compressor.compress(block) for _ in range(decoded >> 20)]
    parts.append(compressor.compress(b" " * (decoded & ((1 << 20) - 1))))
    parts.append(compressor.flush())
    return b"".join(parts)


def gzip_bomb(decoded: int, encoding: str = "gzip") -> Behaviour:
    """A small compressed body that inflates to `decoded` bytes."""

    def behave(connection: Connection, request: bytes) -> None:
        body = bomb(decoded, encoding)
        connection.send(head(200, (("Content-Encoding", encoding),), len(body)) + body)

    return behave


def reset_mid_body() -> Behaviour:
    """Headers announcing 1000 bytes, ten of them, then a TCP reset."""

    def behave(connection: Connection, request: bytes) -> None:
        connection.send(head(200, (), 1000) + PENDING[:10])
        connection.pause(0.05)
        connection.reset()

    return behave


def raw(data: bytes) -> Behaviour:
    """Exactly these bytes, then close: for absurd status lines and headers."""

    def behave(connection: Connection, request: bytes) -> None:
        connection.send(data)
        connection.sock.close()

    return behave
