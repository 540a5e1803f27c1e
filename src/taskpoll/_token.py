"""Resume tokens: a wait's state as a short, versioned, secret-free string (`tp2.` + base64url JSON).

The payload is `WaitState.to_dict()`: only what differs from a new wait, under the short keys of
`KEYS`, times in wall-clock seconds; never a key, a base URL, headers or a body (whoever resumes brings
their own client). Older tokens still read: version 1 (`tp1.`: the provider, the id, the last status
and the server's next poll time) and version 2 (the whole state).
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from ._errors import InvalidTokenError
from ._ids import MAX_STATUS_LENGTH, MAX_TASK_ID_LENGTH

PREFIX = "tp2."
_READ = ("tp2.", "tp1.")
VERSION = 3
# A WaitState field's key in a token. Versions 1 and 2 used the same keys, with "n" meaning the
# server's earliest next poll; since version 3 "n" is the next poll as scheduled and "h" says whether
# the server asked for it.
KEYS = {
    "provider": "p",
    "task_id": "id",
    "deadline": "d",
    "attempt": "a",
    "polls_in_state": "ps",
    "failures": "f",
    "rate_limits": "rl",
    "last_state": "st",
    "last_status": "s",
    "last_progress": "pr",
    "next_poll": "n",
    "hinted": "h",
    "last_poll": "lp",
    "booked": "b",
    "final_poll": "fp",
    "warned_unknown": "wu",
    "latencies": "l",
    "seed": "seed",
    "started": "t0",
    "last_error_text": "e",
    "stalled_after": "sa",
    "last_activity": "la",
    "trace": "tc",
}
# JSON writes a character in at most 6 bytes; an id and a status of the longest accepted length, a
# 300-character last error, a 200-character trace context, the numbers and the punctuation, base64-encoded.
_MAX_JSON = 6 * (MAX_TASK_ID_LENGTH + MAX_STATUS_LENGTH + 300 + 200) + 1024
MAX_LENGTH = len(PREFIX) + 4 * -(-_MAX_JSON // 3)


def dumps(payload: dict[str, Any]) -> str:
    """A token of a JSON-safe payload (the caller keeps it free of secrets)."""
    data = json.dumps({"v": VERSION, **payload}, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return PREFIX + base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")


def loads(token: object) -> dict[str, Any]:
    """The payload of a token taskpoll issued (any version), or InvalidTokenError."""
    if not isinstance(token, str) or not token.startswith(_READ) or len(token) > MAX_LENGTH:
        raise InvalidTokenError("not a taskpoll resume token (they start with 'tp2.', or 'tp1.' from older versions)")
    body = token[len(PREFIX) :]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        data = json.loads(raw, parse_int=_small_int, parse_constant=_no_constant)
    except (binascii.Error, ValueError, RecursionError, OverflowError) as exc:
        raise InvalidTokenError("resume token is damaged: it does not decode") from exc
    if not isinstance(data, dict) or data.get("v") not in (1, 2, VERSION):
        raise InvalidTokenError("resume token is from another taskpoll version")
    if data["v"] < VERSION and data.get("n") is not None:
        data["h"] = True  # the next poll time of an older token was always the server's
    return data


def _small_int(text: str) -> int:
    if len(text) > 20:
        raise ValueError("number too long")
    return int(text)


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} is not allowed")
