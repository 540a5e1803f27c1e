"""What a task id and a status may be: shared by the adapters (requests) and the tokens (resume)."""

from __future__ import annotations

import re

from ._errors import InvalidTaskIdError

_SURROGATE = re.compile("[\ud800-\udfff]")

MAX_TASK_ID_LENGTH = 2048
MAX_STATUS_LENGTH = 200


def check_task_id(task_id: object) -> str:
    """Refuse ids that would not stay inside their path segment (`""`, `.`, `..`), are too long, hold a
    lone surrogate or are not strings."""
    if not isinstance(task_id, str):
        raise InvalidTaskIdError(f"a task id is a string, not {type(task_id).__name__}")
    if task_id in ("", ".", ".."):
        shown = "an empty string" if not task_id else repr(task_id)
        raise InvalidTaskIdError(f"{shown} is not a task id: it would address another URL than the task's")
    if len(task_id) > MAX_TASK_ID_LENGTH:
        raise InvalidTaskIdError(f"a task id of {len(task_id)} characters is too long (at most {MAX_TASK_ID_LENGTH})")
    if _SURROGATE.search(task_id):
        # A lone surrogate is not text: it cannot go into a URL (UTF-8 refuses it) nor into a token.
        raise InvalidTaskIdError("a task id holding a lone surrogate character is not a task id")
    return task_id
