"""Notion's published answers to `GET /v1/async_tasks/{task_id}`, written by hand in the shape each source shows.

Sources: developers.notion.com (retrieve-async-task, status-codes, request-limits; seed 004),
makenotion/notion-sdk-js @9060802 (the generated GetAsyncTaskResponse type, its errors and its test
fixtures). Notion publishes no OpenAPI document for these endpoints.
"""

from __future__ import annotations

from typing import Any

from taskpoll_notion_api.models import AsyncTaskOperationSurface
from taskpoll_notion_api.types import Unset

import taskpoll
from taskpoll.providers.notion import AsyncTaskSucceeded

from . import Case

REFERENCE = "https://developers.notion.com/reference/retrieve-async-task"
STATUS_CODES = "https://developers.notion.com/reference/status-codes"
SDK = "makenotion/notion-sdk-js@9060802d386afbb82fa7b52ba4298cce0b1e0429"
TYPES = f"{SDK}:src/api-endpoints/async-tasks.ts"
FIXTURES = f"{SDK}:test/test-utils.ts"
REQUEST_ID = "2b6a6b2d-0f1f-4d0e-9a3b-5f9a2c1d7e40"


def case(name: str, source: str, body: Any, **kwargs: Any) -> Case:
    return Case("notion", name, source, body, **kwargs)


def task(status: str, operation: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    """The 202 example of the reference page (the keys every variant of the SDK type has)."""
    return {
        "object": "async_task",
        "id": "task_abc123",
        "status": status,
        "status_url": "https://api.notion.com/v1/async_tasks/task_abc123",
        "created_time": "2026-06-29T12:00:00.000Z",
        **fields,
        "operation": operation or {"surface": "rest", "name": "PATCH /v1/pages/:page_id/markdown"},
    }


def check_hint(seconds: float) -> Any:
    def check(outcome: Any) -> None:
        assert isinstance(outcome, taskpoll.Task) and outcome.poll_after == seconds
        assert outcome.created_at is not None and outcome.created_at.year == 2026

    return check


def check_page(outcome: Any) -> None:
    assert isinstance(outcome, taskpoll.Task) and isinstance(outcome.result, AsyncTaskSucceeded)
    assert outcome.result.result.object_ == "page" and outcome.result.result.id == PAGE["id"]
    assert outcome.result.operation.surface is AsyncTaskOperationSurface.REST


def check_no_surface(outcome: Any) -> None:
    assert isinstance(outcome, taskpoll.Task) and isinstance(outcome.result, AsyncTaskSucceeded)
    assert isinstance(outcome.result.operation.surface, Unset)
    assert outcome.result.operation.name == "PATCH /v1/pages/:page_id/markdown"


def check_new_surface(outcome: Any) -> None:
    assert isinstance(outcome, taskpoll.Task) and isinstance(outcome.result, AsyncTaskSucceeded)
    assert outcome.result.operation.surface == "automation"  # an open value, kept as the raw string


def check_failure(code: str, message: str) -> Any:
    def check(outcome: Any) -> None:
        assert isinstance(outcome, taskpoll.Task) and outcome.error is not None
        assert (outcome.error.code, outcome.error.message) == (code, message)

    return check


def check_error(code: str | None, request_id: str | None = REQUEST_ID, retry_after: float | None = None) -> Any:
    def check(error: Any) -> None:
        assert isinstance(error, taskpoll.APIError)
        assert (error.code, error.request_id, error.retry_after) == (code, request_id, retry_after)

    return check


def error(status: int, code: str, message: str) -> dict[str, Any]:
    """An error object as the status-codes page describes it, with a `request_id`."""
    return {"object": "error", "status": status, "code": code, "message": message, "request_id": REQUEST_ID}


# The page of POST /v1/pages, abridged to the keys Notion's page object reference shows first.
PAGE = {
    "object": "page",
    "id": "59833787-2cf9-4fdf-8782-e53db20768a5",
    "created_time": "2026-06-29T12:00:03.000Z",
    "last_edited_time": "2026-06-29T12:00:03.000Z",
    "in_trash": False,
    "url": "https://www.notion.so/Notes-59833787cf94fdf8782e53db20768a5",
    "parent": {"type": "page_id", "page_id": "b55c9c91-384d-452b-81db-d1ef79372b75"},
    "properties": {"title": {"id": "title", "type": "title", "title": []}},
}

CASES = [
    case(
        "queued-202-example",
        f"{REFERENCE} (the HTTP 202 async_task example: queued, poll_after_seconds 2, surface rest)",
        task("queued", poll_after_seconds=2),
        state=taskpoll.TaskState.PENDING,
        raw_status="queued",
        check=check_hint(2.0),
    ),
    case(
        "running-name-only",
        f"{REFERENCE} (the rendered 200 example: `operation` with `name` only, poll_after_seconds 1; its "
        "placeholder strings replaced by the 202 example's values, status `running` from the status table)",
        task("running", {"name": "PATCH /v1/pages/:page_id/markdown"}, poll_after_seconds=1),
        state=taskpoll.TaskState.RUNNING,
        check=check_hint(1.0),
    ),
    case(
        "retrying-mcp",
        f"{TYPES}:14-22 (in progress: status `retrying`, surface `mcp`)",
        task("retrying", {"surface": "mcp", "name": "PATCH /v1/pages/:page_id/markdown"}, poll_after_seconds=30),
        state=taskpoll.TaskState.RUNNING,
        raw_status="retrying",
        check=check_hint(30.0),
    ),
    case(
        "placeholder-without-status",
        f"{REFERENCE} (the rendered 200 example as shown: placeholder strings and no `status`, so no state "
        "can be read: a ResponseValidationError, not a guessed state)",
        {
            "object": "<string>",
            "id": "<string>",
            "status_url": "<string>",
            "created_time": "2023-11-07T05:31:56Z",
            "operation": {"name": "<string>"},
            "poll_after_seconds": 1,
        },
        error=taskpoll.ResponseValidationError,
    ),
    case(
        "succeeded-page",
        f"{TYPES}:23-31 (succeeded with `result`: the operation's synchronous response; reduced: the page abridged)",
        task("succeeded", result=PAGE),
        state=taskpoll.TaskState.SUCCEEDED,
        raw_status="succeeded",
        check=check_page,
    ),
    case(
        "succeeded-name-only",
        f"{REFERENCE} (operation with `name` only) with {TYPES}:23-31 (succeeded; reduced: the page abridged)",
        task("succeeded", {"name": "PATCH /v1/pages/:page_id/markdown"}, result=PAGE),
        state=taskpoll.TaskState.SUCCEEDED,
        check=check_no_surface,
    ),
    case(
        "succeeded-new-surface",
        f'{TYPES}:28 (`surface: "rest" | "mcp"`, a list Notion grows: mcp came after rest) with a '
        "surface not yet listed",
        task("succeeded", {"surface": "automation", "name": "POST /v1/pages"}, result=PAGE),
        state=taskpoll.TaskState.SUCCEEDED,
        check=check_new_surface,
    ),
    case(
        "failed-validation",
        f"{TYPES}:32-64 (failed: error object without request_id, status 400 validation_error); the message "
        f"is the status-codes page's example ({STATUS_CODES})",
        task(
            "failed",
            error={
                "object": "error",
                "status": 400,
                "code": "validation_error",
                "message": "body failed validation: body.properties should be defined, instead was undefined.",
            },
        ),
        state=taskpoll.TaskState.FAILED,
        check=check_failure(
            "validation_error", "body failed validation: body.properties should be defined, instead was undefined."
        ),
    ),
    case(
        "failed-with-additional-data",
        f"{TYPES}:39-43, 62 (error.additional_data: Record<string, string | string[]>; 409 row_limit_exceeded)",
        task(
            "failed",
            error={
                "object": "error",
                "status": 409,
                "code": "row_limit_exceeded",
                "message": "The data source has reached its row limit.",
                "additional_data": {"limit": "10000", "fields": ["rows"]},
            },
        ),
        state=taskpoll.TaskState.FAILED,
        check=check_failure("row_limit_exceeded", "The data source has reached its row limit."),
    ),
    case(
        "failed-service-overload",
        f"{TYPES}:58 (a failed task's error may be 529 service_overload)",
        task(
            "failed",
            error={"object": "error", "status": 529, "code": "service_overload", "message": "Service overloaded"},
        ),
        state=taskpoll.TaskState.FAILED,
        check=check_failure("service_overload", "Service overloaded"),
    ),
    case(
        "not-found",
        f"{STATUS_CODES} (404 object_not_found; message in the page's style for an async task) and {REFERENCE} "
        "(404 when the task does not exist, has expired or is not visible)",
        error(404, "object_not_found", "Could not find async task with ID: task_abc123."),
        status=404,
        error=taskpoll.NotFoundError,
        check=check_error("object_not_found"),
    ),
    case(
        "unauthorized",
        f'{STATUS_CODES} (401 unauthorized, "API token is invalid.")',
        error(401, "unauthorized", "API token is invalid."),
        status=401,
        error=taskpoll.AuthenticationError,
        check=check_error("unauthorized"),
    ),
    case(
        "restricted",
        f'{STATUS_CODES} (403 restricted_resource, "API token does not have access to this resource.")',
        error(403, "restricted_resource", "API token does not have access to this resource."),
        status=403,
        error=taskpoll.PermissionDeniedError,
        check=check_error("restricted_resource"),
    ),
    case(
        "missing-version",
        f"{STATUS_CODES} (400 missing_version and its message example)",
        error(
            400,
            "missing_version",
            "Notion-Version header failed validation: Notion-Version header should be defined, instead was undefined.",
        ),
        status=400,
        error=taskpoll.BadRequestError,
        check=check_error("missing_version"),
    ),
    case(
        "invalid-grant",
        f"{STATUS_CODES} (400 invalid_grant, a code outside the SDK's list: \"Invalid code: this code has been "
        'revoked.")',
        error(400, "invalid_grant", "Invalid code: this code has been revoked."),
        status=400,
        error=taskpoll.BadRequestError,
        check=check_error("invalid_grant"),
    ),
    case(
        "rate-limited",
        "https://developers.notion.com/reference/request-limits (429 rate_limited with an integer-seconds "
        f"Retry-After); body as {STATUS_CODES}",
        error(429, "rate_limited", "You have been rate limited. Please try again in a few minutes."),
        status=429,
        headers=(("Retry-After", "2"),),
        error=taskpoll.RateLimitError,
        check=check_error("rate_limited", retry_after=2.0),
    ),
    case(
        "rate-limited-sdk-fixture",
        f"{FIXTURES}:29, 66-69 (the SDK's 429 fixture: `code` and `message` only, Retry-After header; request "
        "id in `x-notion-request-id`, src/errors.ts l.253-254, 306)",
        {"code": "rate_limited", "message": "Rate limited"},
        status=429,
        headers=(("Retry-After", "1"), ("x-notion-request-id", REQUEST_ID)),
        error=taskpoll.RateLimitError,
        check=check_error("rate_limited", retry_after=1.0),
    ),
    case(
        "service-overload-sdk-fixture",
        f"{FIXTURES}:30-34, 66-69 and {SDK}:test/Client.test.ts:1131-1144 (529 service_overload, Retry-After "
        "5, retried like a 429: src/Client.ts l.701-731)",
        {"code": "service_overload", "message": "Service overloaded"},
        status=529,
        headers=(("Retry-After", "5"),),
        error=taskpoll.RateLimitError,
        check=check_error("service_overload", request_id=None, retry_after=5.0),
    ),
    case(
        "internal-server-error",
        f"{FIXTURES}:35-39 (500 internal_server_error) with the status-codes page's error object",
        error(500, "internal_server_error", "Internal error"),
        status=500,
        error=taskpoll.ServerError,
        check=check_error("internal_server_error"),
    ),
    case(
        "service-unavailable",
        f"{FIXTURES}:40-44 (503 service_unavailable) with the status-codes page's error object",
        error(503, "service_unavailable", "Service unavailable"),
        status=503,
        error=taskpoll.ServerError,
        check=check_error("service_unavailable"),
    ),
    case(
        "database-connection-unavailable",
        f"{STATUS_CODES} (503 database_connection_unavailable, a code outside the SDK's list)",
        error(503, "database_connection_unavailable", "Notion's database is unavailable. Try again later."),
        status=503,
        error=taskpoll.ServerError,
        check=check_error("database_connection_unavailable"),
    ),
]
