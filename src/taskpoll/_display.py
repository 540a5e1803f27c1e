"""Text for people, from what servers sent: escaped, encodable, strict JSON. Shared by the CLI and the demo.

A server's status, error code, request id or message may hold a line break or an escape sequence;
printed as is, it could forge output lines ("task succeeded") or drive the terminal. Every line the
CLI prints goes through `printable`, and `--json` through `strict_json`.
"""

from __future__ import annotations

import json
import math
from typing import Any, TextIO

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: object) -> str:
    """`text` with every character that is not printable (controls, escapes, line and bidi marks) escaped."""
    value = str(text)
    if value.isprintable():
        return value
    return "".join(c if c.isprintable() else _ESCAPES.get(c) or _escape(c) for c in value)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def write_line(text: object, out: TextIO) -> None:
    """Print one line of `text`, escaped, and encodable in the stream's encoding (ascii, latin-1, ...)."""
    print(encodable(printable(text), out), file=out)


def encodable(text: str, out: TextIO) -> str:
    """`text` with what the stream's encoding cannot hold written as backslash escapes."""
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # an encoding Python does not know
        return text.encode("ascii", "backslashreplace").decode("ascii")
    return text


def _finite(value: Any) -> Any:
    """JSON-able data with NaN and infinities as null (strict JSON has no such numbers)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def strict_json(data: Any) -> str:
    """`data` as strict JSON (RFC 8259: no NaN/Infinity), ASCII-only, indented; unknown types as strings."""
    return json.dumps(_finite(data), indent=2, allow_nan=False, default=str)


def summarize(result: Any) -> str:
    """A one-line description of a generated result model: its type and the sizes of its lists."""
    data = result.to_dict() if hasattr(result, "to_dict") else {}
    sizes = [f"{len(v)} {k}" for k, v in data.items() if isinstance(v, list)]
    nested = [f"{k}: {len(v)} fields" for k, v in data.items() if isinstance(v, dict) and k == "result"]
    parts = ", ".join((sizes + nested)[:3])
    return f"{type(result).__name__}" + (f" ({parts})" if parts else "")
