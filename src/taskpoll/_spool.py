"""A large answer's body kept in a temporary file, and read back as JSON a piece at a time.

`Spool` is where `_http.Body` spills a body once it passes `SPILL_AT` bytes (the connection is then
free, and nothing of the body is in memory but the excerpt kept for errors). `skeleton` reads the
top-level object of a spilled body with one key's array left empty (validating every item), and
`items` then yields that array's items one by one, each decoded by `json`'s own C scanner
(`raw_decode` over a window of decoded text), so memory stays at the window plus one item.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import tempfile
from collections.abc import Callable, Iterator
from typing import IO, Any

SPILL_AT = 1 << 20  # bodies up to this many bytes stay in memory and are parsed as usual
BLOCK = 1 << 16  # bytes read from the file at a time
_MORE_NEEDED_MARGIN = 8  # an error this close to the window's end may mean "read more" ("-Infinit" is 8 long)
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()  # what json.loads uses: NaN/Infinity accepted, strict about control characters


class Spool:
    """One answer's body on disk (a temporary file, removed when closed or reset).

    `redact` is applied to what is written, holding back the last `overlap - 1` bytes until more
    comes, so that a secret cut in two by a chunk boundary is still found whole.
    """

    __slots__ = ("_carry", "_file", "_hold", "_redact", "found")

    def __init__(self, redact: Callable[[bytes], bytes] = bytes, overlap: int = 0) -> None:
        self._redact = redact
        self._hold = max(0, overlap - 1)
        self._carry = b""
        self._file: IO[bytes] | None = None
        self.found: int | None = None  # which occurrence of the key `skeleton` took the items from

    @property
    def spilled(self) -> bool:
        return self._file is not None

    def reset(self) -> None:
        """Forget the last answer, before the next request."""
        self.close()
        self.found = None

    def write(self, data: bytes) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        clean = self._redact(self._carry + data)
        cut = max(0, len(clean) - self._hold)
        self._file.write(clean[:cut])
        self._carry = clean[cut:]

    def file(self) -> IO[bytes]:
        assert self._file is not None
        if self._carry:
            self._file.seek(0, io.SEEK_END)
            self._file.write(self._carry)
            self._carry = b""
        self._file.seek(0)
        return self._file

    def read(self) -> bytes:
        """The whole body (for the rare answer whose top level `skeleton` cannot read)."""
        return self.file().read()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._carry = b""
        if self._file is not None:
            self._file.close()
            self._file = None


class _Text:
    """A binary file's text, decoded as json.loads decodes bytes (UTF-8 with or without BOM, UTF-16 or
    UTF-32), held a window at a time: `pos` is the reading position in the window."""

    __slots__ = ("_base", "_decoder", "_file", "_text", "pos")

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file
        head = file.read(4)
        self._decoder = codecs.getincrementaldecoder(json.detect_encoding(head))("surrogatepass")
        self._text = self._decoder.decode(head)
        self._base = 0  # characters dropped before the window
        self.pos = 0

    def _fill(self, size: int = 0) -> bool:
        """Read `size` (or BLOCK) more bytes, dropping the window's text before `pos`; False at the end."""
        data = self._file.read(size or BLOCK)
        if not data:
            self._decoder.decode(b"", final=True)  # raises on a character cut short, as json.loads does
            return False
        self._text = self._text[self.pos :] + self._decoder.decode(data)
        self._base += self.pos
        self.pos = 0
        return True

    def error(self, message: str) -> json.JSONDecodeError:
        error = json.JSONDecodeError(message, self._text, self.pos)
        error.pos += self._base
        return error

    def peek(self) -> str:
        """The next character that is not whitespace ("" at the end), not consumed."""
        while True:
            self.pos = _WHITESPACE.match(self._text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self._text):
                return self._text[self.pos]
            if not self._fill():
                return ""

    def value(self) -> Any:
        """The next JSON value, decoded (reading on while the window holds only part of it)."""
        self.peek()
        size = BLOCK
        while True:
            try:
                value, end = _DECODER.raw_decode(self._text, self.pos)
            except json.JSONDecodeError as exc:
                unfinished = (
                    exc.msg.startswith("Unterminated string") or exc.pos >= len(self._text) - _MORE_NEEDED_MARGIN
                )
                if unfinished and self._fill(size):
                    size *= 2  # a value longer than the window: read in growing steps, not one block a try
                    continue
                exc.pos += self._base
                raise
            if end > len(self._text) - _MORE_NEEDED_MARGIN and self._fill(size):
                size *= 2  # a number near the window's edge may go on ("1.5" of "1.5e+3")
                continue
            self.pos = end
            return value


def _each(text: _Text, closing: str) -> Iterator[None]:
    """Through the array (or object) that opens at the next character: stops before each item (or
    member), which the caller reads, and ends past `closing`."""
    text.peek()
    text.pos += 1  # the opening bracket
    if text.peek() != closing:
        yield
        while text.peek() == ",":
            text.pos += 1
            yield
    if text.peek() != closing:
        raise text.error("Expecting ',' delimiter")
    text.pos += 1


def _members(text: _Text) -> Iterator[str]:
    """The top-level object's names, each yielded with `text` at its value, which the caller reads."""
    if text.peek() != "{":
        raise text.error("Expecting a JSON object at the top level")
    for _ in _each(text, "}"):
        if text.peek() != '"':
            raise text.error("Expecting property name enclosed in double quotes")
        name = text.value()
        if text.peek() != ":":
            raise text.error("Expecting ':' delimiter")
        text.pos += 1
        yield name
    if text.peek():
        raise text.error("Extra data")


def skeleton(spool: Spool, key: str) -> Any:
    """The body's top-level object with `key`'s array (when it is one) read through but left empty.

    Raises json.JSONDecodeError (a ValueError) where json.loads would, and for a top level that is
    not an object. Records on `spool` which occurrence of `key` holds the items: the last, whose value
    wins in json too.
    """
    text = _Text(spool.file())
    data: dict[str, Any] = {}
    found = None
    occurrence = 0
    for name in _members(text):
        if name != key:
            data[name] = text.value()
            continue
        if text.peek() == "[":
            for _ in _each(text, "]"):
                text.value()  # decoded (so that a broken item is found now), then dropped
            data[name], found = [], occurrence
        else:
            data[name], found = text.value(), None
        occurrence += 1
    spool.found = found
    return data


def items(spool: Spool, key: str) -> Iterator[Any]:
    """Each item of the array `skeleton` found under `key`, decoded, one at a time."""
    if spool.found is None:
        return
    text = _Text(spool.file())
    occurrence = 0
    for name in _members(text):
        if name == key:
            if occurrence == spool.found:
                for _ in _each(text, "]"):
                    yield text.value()
                return
            occurrence += 1
        text.value()
