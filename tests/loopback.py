"""A canned-response HTTP server on 127.0.0.1, for tests that exercise generated clients directly.

Each test says what the next request to a path answers (status, headers, raw body) and gets back
what was requested. The provider simulator (taskpoll.simulator) is the realistic fake; this one is
deliberately dumb, so tests of the generated parsing depend on nothing but the bodies they write.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Canned:
    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Seen:
    method: str
    raw_path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class CannedServer:
    base_url: str = ""
    responses: dict[tuple[str, str], Canned] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    fallback: Canned | None = None  # the answer to any request no `answer` names
    in_turn: list[Canned] = field(default_factory=list)  # the n-th request's answer (the last from then on)

    def answer(self, method: str, path: str, canned: Canned) -> None:
        """Answer `method path` (the raw path, query included) with `canned` from now on."""
        self.responses[(method, path)] = canned

    def answer_all(self, canned: Canned) -> None:
        """Answer every request that no `answer` names with `canned` from now on."""
        self.fallback = canned

    def answer_in_turn(self, answers: list[Canned]) -> None:
        """Answer the n-th request (of all) with answers[n], the last one from then on, unless `answer` names it."""
        self.in_turn = list(answers)


def _handler(server: CannedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            server.seen.append(Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body))
            canned = server.responses.get((self.command, self.path))
            if canned is None and server.in_turn:
                canned = server.in_turn[min(len(server.seen), len(server.in_turn)) - 1]
            canned = canned or server.fallback
            if canned is None:
                canned = Canned(599, b"no canned response for " + self.path.encode(), "text/plain")
            self.send_response_only(canned.status)
            self.send_header("Content-Type", canned.content_type)
            self.send_header("Content-Length", str(len(canned.body)))
            for name, value in canned.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(canned.body)

        do_GET = do_POST = do_PATCH = do_DELETE = _serve

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def canned_server(port: int = 0) -> Iterator[CannedServer]:
    """A canned server on 127.0.0.1, on `port` (0: any free one)."""
    state = CannedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", port), _handler(state))
    httpd.daemon_threads = True
    state.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
