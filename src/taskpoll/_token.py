"""Resume tokens: a small, versioned, secret-free string that lets another process carry on waiting.

A version-2 token is a wait's whole state (`_step.WaitState.to_dict`: its counters, streaks,
deadline, last state and the server's next poll time); a version-1 token (older taskpoll) held the
provider, the task id, the last status and the next poll time, and still resumes. Both start
`tp1.`. Never a key, a base URL, headers or a body: whoever resumes brings their own client.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass
from typing import Any

from ._errors import InvalidTaskIdError, InvalidTokenError
from ._ids import MAX_STATUS_LENGTH, MAX_TASK_ID_LENGTH, check_task_id

PREFIX = "tp1."
# Sized from the longest token taskpoll issues: JSON writes a character in at most 6 bytes (a control
# character as \u001f; a 4-byte UTF-8 character as itself), so an id and a status of the longest
# accepted length, plus the provider, the next-poll time and the punctuation, base64-encoded.
# A version-2 token (a wait's whole state) adds its counters, times and a 300-character last error.
_MAX_JSON = 6 * (MAX_TASK_ID_LENGTH + MAX_STATUS_LENGTH + 300) + 1024
_MAX_LENGTH = len(PREFIX) + 4 * -(-_MAX_JSON // 3)
# Next-poll times are kept within [0, year 33658]: a server's absurd hint still makes a token that resumes.
_MAX_NEXT_POLL_AT = 1e12


@dataclass(frozen=True)
class Resume:
    provider: str
    task_id: str
    status: str | None
    next_poll_at: float | None  # unix seconds; None: poll at once


def make(provider: str, task_id: str, status: str | None = None, next_poll_at: float | None = None) -> str:
    """A version-1 token, as older taskpoll issued them (kept to test that they still resume)."""
    # The status is informational (resuming needs only provider, id and the next poll time); keep it short.
    if next_poll_at is not None:
        next_poll_at = None if math.isnan(next_poll_at) else round(min(max(next_poll_at, 0.0), _MAX_NEXT_POLL_AT), 3)
    if status is not None:
        status = status[:MAX_STATUS_LENGTH]
    payload = {"v": 1, "p": provider, "id": task_id, "s": status, "n": next_poll_at}
    data = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return PREFIX + base64.urlsafe_b64encode(data).decode().rstrip("=")


def decode(token: object) -> Resume:
    """What `resume()` needs of any token taskpoll issued: a v1 token, or a v2 one (a wait's whole state,
    whose provider, id, status and next poll time sit under the same keys)."""
    data = loads(token)
    provider, task_id, status, next_poll_at = data.get("p"), data.get("id"), data.get("s"), data.get("n")
    if not isinstance(provider, str) or not isinstance(task_id, str):
        raise InvalidTokenError("resume token is damaged: provider or task id missing")
    if not 0 < len(provider) <= 100 or not provider.isprintable():
        raise InvalidTokenError("resume token is damaged: bad provider name")
    try:
        check_task_id(task_id)
    except InvalidTaskIdError as exc:
        raise InvalidTokenError(f"resume token is damaged: {exc}") from None
    if status is not None and not isinstance(status, str):
        raise InvalidTokenError("resume token is damaged: bad status")
    if next_poll_at is not None:
        if isinstance(next_poll_at, bool) or not isinstance(next_poll_at, (int, float)):
            raise InvalidTokenError("resume token is damaged: bad next poll time")
        try:
            next_poll_at = float(next_poll_at)  # a 4000-digit int raises OverflowError
        except OverflowError:
            raise InvalidTokenError("resume token is damaged: bad next poll time") from None
    return Resume(provider, task_id, status, next_poll_at)


# The codec of version-2 tokens: a wait's whole state (see _step.WaitState.to_dict), still under `tp1.`.
def dumps(payload: dict[str, Any]) -> str:
    """A token of a JSON-safe payload (the caller keeps it free of secrets)."""
    data = json.dumps(payload, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()
    return PREFIX + base64.urlsafe_b64encode(data).decode().rstrip("=")


def loads(token: object) -> dict[str, Any]:
    """The payload of a token taskpoll issued (any version), or InvalidTokenError."""
    if not isinstance(token, str) or not token.startswith(PREFIX) or len(token) > _MAX_LENGTH:
        raise InvalidTokenError("not a taskpoll resume token (they start with 'tp1.')")
    body = token[len(PREFIX) :]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        data = json.loads(raw, parse_int=_small_int, parse_constant=_no_constant)
    except (binascii.Error, ValueError, RecursionError, OverflowError) as exc:
        raise InvalidTokenError("resume token is damaged: it does not decode") from exc
    if not isinstance(data, dict) or data.get("v") not in (1, 2):
        raise InvalidTokenError("resume token is from another taskpoll version")
    return data


def _small_int(text: str) -> int:
    if len(text) > 20:
        raise ValueError("number too long")
    return int(text)


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} is not allowed")
