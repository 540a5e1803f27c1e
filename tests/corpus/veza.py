"""Veza async task answers and error bodies as Veza publishes them.

Sources: the Get async task status page (seed 002: states, outcomes, "string enum names"), the query
builder pages (the create response `{"task": AsyncTask}`, the documented result shapes), and the
error bodies recorded in Veza's own client's tests (Veza/oaaclient-py). Veza does not show the body
of `GET /api/v1/assessments/async_tasks/{id}`: each state is served both bare and in the create
response's `{"task": ...}` wrapper. Not sourced: an example result of the non-query operations this
endpoint also serves (SyncRisksOwnerFromGraphAsync, EvaluateReportAsync); their results are served
as a list, a string and a number, which the docs' "any operation" wording allows.
"""

from __future__ import annotations

from typing import Any

import taskpoll
from taskpoll.providers.veza import AsyncTask, AsyncTaskResultObject

from . import Case

TASK_PAGE = "https://docs.veza.com/4yItIzMvkpAvMVFAamTf/developers/api/query-builder/getassessmentasynctask"
CREATE_PAGE = (
    "https://docs.veza.com/4yItIzMvkpAvMVFAamTf/developers/api/query-builder/getassessmentqueryspecresultasync"
)
RESULTS_PAGE = "https://docs.veza.com/4yItIzMvkpAvMVFAamTf/developers/api/query-builder/results"
OAA = "Veza/oaaclient-py@3e05c0124c8237ed712ee437f88e3064e2a71b91"
ID = "c6a2a7f4-1f0e-4b1b-9d43-3f0b6f0e8e21"
T = taskpoll.TaskState


def _result(expected: object) -> Any:
    def check(task: Any) -> None:
        assert isinstance(task.result, AsyncTask) and task.result.id == ID
        value = task.result.result  # an object is read as an AsyncTaskResultObject (its keys as sent)
        assert (value.to_dict() if isinstance(value, AsyncTaskResultObject) else value) == expected

    return check


def _failed(message: str, code: str | None) -> Any:
    def check(task: Any) -> None:
        assert task.error is not None and (task.error.message, task.error.code) == (message, code)

    return check


def _error(code: str, message: str, request_id: str | None) -> Any:
    def check(error: Any) -> None:
        assert isinstance(error, taskpoll.APIError)
        assert (error.code, error.request_id) == (code, request_id)
        assert error.message.startswith(message), error.message

    return check


ROWS = {  # reduced: one node, the results page's "Get Result" nodes_value shape
    "result_type": "nodes",
    "nodes_value": {
        "values": [{"id": "00upa6s0hSGtl1eGL5d5", "type": "OktaUser", "properties": {}, "destination_node_count": 0}],
        "next_page_token": "",
        "has_more": False,
    },
}

# (name, AsyncTask, state, Task.status, source, check)
TASKS: list[tuple[str, dict[str, Any], taskpoll.TaskState, str, str, Any]] = [
    ("pending", {"id": ID, "state": "PENDING"}, T.PENDING, "PENDING", f"{TASK_PAGE} (State 1 PENDING)", None),
    (
        "in-progress",
        {"id": ID, "state": "IN_PROGRESS", "status": "UNKNOWN_STATUS"},
        T.RUNNING,
        "IN_PROGRESS",
        f"{TASK_PAGE} (State 2 IN_PROGRESS; Status 0 UNKNOWN_STATUS, default/unset)",
        None,
    ),
    (
        "zero-values-omitted",
        {"id": ID},
        T.PENDING,
        "UNKNOWN_STATE",
        f"{TASK_PAGE} (State 0 UNKNOWN_STATE 'Default/unset', which proto3 JSON leaves out)",
        None,
    ),
    (
        "numeric-enums",
        {"id": ID, "state": 3, "status": 1, "result": ROWS},
        T.SUCCEEDED,
        "COMPLETE/SUCCEEDED",
        f"{CREATE_PAGE} (workflow: 'When state = 3 (COMPLETE) and status = 1 (SUCCEEDED)')",
        _result(ROWS),
    ),
    (
        "succeeded-query-rows",
        {"id": ID, "state": "COMPLETE", "status": "SUCCEEDED", "result": ROWS},
        T.SUCCEEDED,
        "COMPLETE/SUCCEEDED",
        f"{TASK_PAGE} (Status 1 SUCCEEDED 'Result available in result field'); result: {RESULTS_PAGE}",
        _result(ROWS),
    ),
    (
        "succeeded-count",
        {
            "id": ID,
            "state": "COMPLETE",
            "status": "SUCCEEDED",
            "result": {"result_type": "number", "number_value": "6"},
        },
        T.SUCCEEDED,
        "COMPLETE/SUCCEEDED",
        f"{RESULTS_PAGE} and GetAssessmentQueryResult's sample response ('number_value': '6')",
        _result({"result_type": "number", "number_value": "6"}),
    ),
    (
        "succeeded-list",
        {"id": ID, "state": "COMPLETE", "status": "SUCCEEDED", "result": [{"id": "00upa6s0hSGtl1eGL5d5"}]},
        T.SUCCEEDED,
        "COMPLETE/SUCCEEDED",
        f"{TASK_PAGE} (a generic task of any operation); reduced: a list result",
        _result([{"id": "00upa6s0hSGtl1eGL5d5"}]),
    ),
    (
        "succeeded-string",
        {"id": ID, "state": "COMPLETE", "status": "SUCCEEDED", "result": "6"},
        T.SUCCEEDED,
        "COMPLETE/SUCCEEDED",
        f"{TASK_PAGE} (a generic task of any operation); a string result, as number_value is sent",
        _result("6"),
    ),
    (
        "succeeded-number",
        {"id": ID, "state": "COMPLETE", "status": "SUCCEEDED", "result": 6},
        T.SUCCEEDED,
        "COMPLETE/SUCCEEDED",
        f"{TASK_PAGE} (a generic task of any operation); a number result",
        _result(6),
    ),
    (
        "succeeded-no-result",
        {"id": ID, "state": "COMPLETE", "status": "SUCCEEDED"},
        T.SUCCEEDED,
        "COMPLETE/SUCCEEDED",
        f"{TASK_PAGE} (result is an optional field; proto3 JSON omits an empty one)",
        None,
    ),
    (
        "failed",
        {
            "id": ID,
            "state": "COMPLETE",
            "status": "FAILED",
            "error_reason": "query exceeded the maximum result size",
            "error_status": {"code": 8, "message": "resource exhausted", "details": []},
        },
        T.FAILED,
        "COMPLETE/FAILED",
        f"{TASK_PAGE} (Status 2 FAILED 'See error_reason and error_status'); reduced: texts ours",
        _failed("query exceeded the maximum result size", "8"),
    ),
    (
        "failed-status-only",
        {"id": ID, "state": "COMPLETE", "status": "FAILED", "error_status": {"code": "Internal", "message": "boom"}},
        T.FAILED,
        "COMPLETE/FAILED",
        f"{TASK_PAGE} (FAILED with error_status); code spelled as in {OAA}:tests/test_client.py:162",
        _failed("boom", "Internal"),
    ),
    (
        "canceled",
        {"id": ID, "state": "COMPLETE", "status": "CANCELED"},
        T.CANCELED,
        "COMPLETE/CANCELED",
        f"{TASK_PAGE} (Status 3 CANCELED)",
        None,
    ),
]

CASES = [
    *[
        Case("veza", f"{shape}-{name}", f"{source}; served {shape}", body, state=state, raw_status=status, check=check)
        for name, task, state, status, source, check in TASKS
        for shape, body in (("bare", task), ("wrapped", {"task": task}))
    ],
    Case(
        "veza",
        "error-internal",
        f"{OAA}:tests/test_client.py:159-175 (reduced: message and details shortened)",
        {
            "code": "Internal",
            "message": "Internal Server Error, please retry and if the error persists contact support",
            "request_id": "2271c08a9abd3b425c88a397b01bb351",
            "timestamp": "2022-08-05T21:12:29.405153171Z",
            "details": [
                {
                    "@type": "type.googleapis.com/errorstatus.v1.UserFacingErrorInfo",
                    "reason": "INTERNAL",
                    "metadata": {},
                    "message": "Internal server error.",
                    "resolution": "Please retry and if the error persists contact support",
                }
            ],
        },
        status=500,
        error=taskpoll.ServerError,
        check=_error("Internal", "Internal Server Error", "2271c08a9abd3b425c88a397b01bb351"),
    ),
    Case(
        "veza",
        "error-invalid-argument",
        f"{OAA}:tests/test_client.py:530-569 (reduced: the field violation shortened; recorded with HTTP 401)",
        {
            "code": "InvalidArgument",
            "message": "Invalid Arguments",
            "request_id": "171d043ee1f2bd1ed6f2881f5fc4c505",
            "timestamp": "2022-08-05T19:33:38.838666103Z",
            "details": [
                {
                    "@type": "type.googleapis.com/google.rpc.BadRequest",
                    "field_violations": [{"field": "role_assignments.role", "description": "role not found"}],
                },
                {
                    "@type": "type.googleapis.com/errorstatus.v1.UserFacingErrorInfo",
                    "reason": "INVALID_ARGUMENTS",
                    "metadata": {},
                    "message": "Request includes invalid arguments.",
                    "resolution": "Reference error details for the exact field violations.",
                },
            ],
        },
        status=401,
        error=taskpoll.AuthenticationError,
        check=_error(
            "InvalidArgument",
            "Invalid Arguments (role_assignments.role: role not found)",
            "171d043ee1f2bd1ed6f2881f5fc4c505",
        ),
    ),
    Case(
        "veza",
        "error-not-found",
        f"{OAA}:tests/test_client.py:377-399 (reduced: the UserFacingErrorInfo detail left out)",
        {
            "code": "NotFound",
            "message": "Not Found",
            "request_id": "1de5e43499c90f2036cdfe92ed76f58e",
            "timestamp": "2022-08-05T21:06:53.046972349Z",
            "details": [
                {
                    "@type": "type.googleapis.com/errorstatus.v1.ResourceInfo",
                    "resource_type": "datasource",
                    "resource": "b1e654e7-2104-4180-9dee-2f76e2b52463",
                }
            ],
        },
        status=404,
        error=taskpoll.NotFoundError,
        check=_error("NotFound", "Not Found", "1de5e43499c90f2036cdfe92ed76f58e"),
    ),
    Case(
        "veza",
        "error-numeric-code",
        "GitBook PDF exports of the Veza API reference ('Default error response': google.rpc.Status code, message)",
        {"code": 16, "message": "Invalid API key", "details": []},
        status=401,
        error=taskpoll.AuthenticationError,
        check=_error("16", "Invalid API key", None),
    ),
]
