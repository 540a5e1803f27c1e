"""Artos status answers and error bodies as docs.artosai.com publishes them.

Sources: the Get Document Status page (an excerpt of Artos's openapi-v1.json, seed 001), the Async
Operations concept page and the Error Handling page. Not sourced: the bodies of 404, 422 and 500
(the pages name them, "Document not found", "Database error", without showing a body), so those
are served in the page's general `{"detail": ...}` shape.
"""

from __future__ import annotations

from typing import Any

import taskpoll
from taskpoll.providers.artos import TaskStatusResponse, TaskStatusResponseStatus

from . import Case

STATUS_PAGE = "https://docs.artosai.com/api-reference/documents/get-document-status.md"
ASYNC_PAGE = "https://docs.artosai.com/concepts/async-operations"
ERRORS_PAGE = "https://docs.artosai.com/api-reference/errors"
T = taskpoll.TaskState


def _result_is(status: str, progress: object = None) -> Any:
    def check(task: Any) -> None:
        assert isinstance(task.result, TaskStatusResponse)
        assert task.result.status is TaskStatusResponseStatus(status)
        assert task.progress == progress

    return check


def _progress_is(expected: float | None) -> Any:
    def check(task: Any) -> None:
        assert task.progress == expected, task.progress

    return check


def _message(code: str | None, *needles: str) -> Any:
    def check(error: Any) -> None:
        assert isinstance(error, taskpoll.APIError)
        assert error.code == code
        assert all(needle in error.message for needle in needles), error.message
        assert "{" not in error.message  # read, not the raw JSON

    return check


def _failed_with(text: str) -> Any:
    def check(task: Any) -> None:
        assert task.error is not None and task.error.message == text

    return check


CASES = [
    # The published example of the 200 response: progress and error present, both null.
    Case(
        "artos",
        "status-example-generating",
        f"{STATUS_PAGE} (openapi-v1.json, getDocumentStatus 200 example)",
        {"task_id": "document-uuid-456", "status": "Generating", "progress": None, "error": None},
        state=T.RUNNING,
        raw_status="Generating",
        check=_progress_is(None),
    ),
    # Only the schema's required fields (task_id, status): every state must read.
    *[
        Case(
            "artos",
            f"required-only-{status.lower()}",
            f"{STATUS_PAGE} (TaskStatusResponse: required task_id, status; enum as published)",
            {"task_id": "document-uuid-456", "status": status},
            state=state,
            raw_status=status,
        )
        for status, state in (
            ("Pending", T.PENDING),
            ("Ingesting", T.RUNNING),
            ("Generating", T.RUNNING),
            ("Failed", T.FAILED),
        )
    ],
    Case(
        "artos",
        "required-only-ready",
        f"{STATUS_PAGE} (TaskStatusResponse: required task_id, status)",
        {"task_id": "d", "status": "Ready"},
        state=T.SUCCEEDED,
        raw_status="Ready",
        check=_result_is("Ready"),
    ),
    # Every documented field set: progress is an integer percentage ("reserved for future use").
    Case(
        "artos",
        "all-fields-generating-with-progress",
        f"{STATUS_PAGE} (TaskStatusResponse.progress: integer, nullable, a percentage)",
        {"task_id": "document-uuid-456", "status": "Generating", "progress": 40, "error": None},
        state=T.RUNNING,
        check=_progress_is(0.4),
    ),
    Case(
        "artos",
        "all-fields-ready",
        f"{STATUS_PAGE} (TaskStatusResponse, all four properties)",
        {"task_id": "document-uuid-456", "status": "Ready", "progress": 100, "error": None},
        state=T.SUCCEEDED,
        check=_result_is("Ready", 1.0),
    ),
    Case(
        "artos",
        "all-fields-failed",
        f"{STATUS_PAGE} (TaskStatusResponse.error: 'Error message if status is Failed'); reduced: message text ours",
        {"task_id": "document-uuid-456", "status": "Failed", "progress": None, "error": "Template not found"},
        state=T.FAILED,
        check=_failed_with("Template not found"),
    ),
    # The Async Operations page: a Celery task id, and the words Generating / Complete / Failed.
    Case(
        "artos",
        "async-page-generating",
        f"{ASYNC_PAGE} ('4. Status Polling': Generating; '2. Task Queued': task_id celery-task-uuid-abc123)",
        {"task_id": "celery-task-uuid-abc123", "status": "Generating"},
        state=T.RUNNING,
    ),
    Case(
        "artos",
        "async-page-complete",
        f"{ASYNC_PAGE} ('4. Status Polling': 'Complete - Task finished successfully')",
        {"task_id": "celery-task-uuid-abc123", "status": "Complete"},
        state=T.SUCCEEDED,
        raw_status="Complete",
        check=_result_is("Complete"),
    ),
    Case(
        "artos",
        "async-page-failed",
        f"{ASYNC_PAGE} ('4. Status Polling': 'Failed - Task encountered an error'); reduced: error text ours",
        {"task_id": "celery-task-uuid-abc123", "status": "Failed", "error": "Source document could not be read"},
        state=T.FAILED,
        check=_failed_with("Source document could not be read"),
    ),
    # Error bodies of the Error Handling page.
    Case(
        "artos",
        "error-missing-token",
        f"{ERRORS_PAGE} ('401 Unauthorized - Missing Token')",
        {"detail": "Not authenticated"},
        status=401,
        error=taskpoll.AuthenticationError,
        check=_message(None, "Not authenticated"),
    ),
    Case(
        "artos",
        "error-invalid-token",
        f"{ERRORS_PAGE} ('401 Unauthorized - Invalid Token')",
        {"detail": "Invalid authentication credentials"},
        status=401,
        error=taskpoll.AuthenticationError,
        check=_message(None, "Invalid authentication credentials"),
    ),
    Case(
        "artos",
        "error-wrong-organization",
        f"{ERRORS_PAGE} ('403 Forbidden - Wrong Organization')",
        {"detail": "User has no organization or not authorized"},
        status=403,
        error=taskpoll.PermissionDeniedError,
        check=_message(None, "User has no organization"),
    ),
    Case(
        "artos",
        "error-format-not-found",
        f"{ERRORS_PAGE} ('Error Response Format', the general body); status 404 from {STATUS_PAGE}",
        {"detail": "Error message describing what went wrong"},
        status=404,
        error=taskpoll.NotFoundError,
        check=_message(None, "Error message describing what went wrong"),
    ),
    Case(
        "artos",
        "error-format-server",
        f"{ERRORS_PAGE} ('Error Response Format', the general body); status 500 from {STATUS_PAGE}",
        {"detail": "Error message describing what went wrong"},
        status=500,
        error=taskpoll.ServerError,
    ),
    Case(
        "artos",
        "error-with-context",
        f"{ERRORS_PAGE} ('For some endpoints, errors may include additional context'); status 400 from its table",
        {
            "error": "error_code",
            "error_description": "Detailed description",
            "details": {"field": "value", "suggestion": "How to fix it"},
        },
        status=400,
        error=taskpoll.BadRequestError,
        check=_message("error_code", "Detailed description", "How to fix it"),
    ),
]
