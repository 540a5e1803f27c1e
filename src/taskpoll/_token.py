"""Resume tokens: a small, versioned, secret-free string that lets another process carry on waiting.

A token holds the provider, the task id, the last status seen and when the server said to ask
again. Never a key, a base URL, headers or a body: whoever resumes brings their own client.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from ._errors import InvalidTokenError

PREFIX = "tp1."
_MAX_LENGTH = 8192


@dataclass(frozen=True)
class Resume:
    provider: str
    task_id: str
    status: str | None
    next_poll_at: float | None  # unix seconds; None: poll at once


def encode(task: Any) -> str:
    """The token for a Task (typed Any to avoid an import cycle with _task)."""
    next_poll_at = None
    if task.poll_after is not None and task.observed_at is not None:
        next_poll_at = round(task.observed_at.timestamp() + task.poll_after, 3)
    return make(task.provider, task.id, task.status, next_poll_at)


def make(provider: str, task_id: str, status: str | None = None, next_poll_at: float | None = None) -> str:
    # The status is informational (resuming needs only provider, id and the next poll time); keep it short.
    payload = {"v": 1, "p": provider, "id": task_id, "s": None if status is None else status[:200], "n": next_poll_at}
    data = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return PREFIX + base64.urlsafe_b64encode(data).decode().rstrip("=")


def decode(token: object) -> Resume:
    if not isinstance(token, str) or not token.startswith(PREFIX) or len(token) > _MAX_LENGTH:
        raise InvalidTokenError("not a taskpoll resume token (they start with 'tp1.')")
    body = token[len(PREFIX) :]
    try:
        data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (binascii.Error, ValueError) as exc:
        raise InvalidTokenError("resume token is damaged: it does not decode") from exc
    if not isinstance(data, dict) or data.get("v") != 1:
        raise InvalidTokenError("resume token is from another taskpoll version")
    provider, task_id, status, next_poll_at = data.get("p"), data.get("id"), data.get("s"), data.get("n")
    if not isinstance(provider, str) or not isinstance(task_id, str):
        raise InvalidTokenError("resume token is damaged: provider or task id missing")
    if status is not None and not isinstance(status, str):
        raise InvalidTokenError("resume token is damaged: bad status")
    if next_poll_at is not None and (isinstance(next_poll_at, bool) or not isinstance(next_poll_at, (int, float))):
        raise InvalidTokenError("resume token is damaged: bad next poll time")
    return Resume(provider, task_id, status, None if next_poll_at is None else float(next_poll_at))


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
