from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.get_assessment_query_spec_result_request import (
    GetAssessmentQuerySpecResultRequest,
)
from ...models.get_async_task_response import GetAsyncTaskResponse
from ...models.rpc_status import RpcStatus
from ...types import Response


def _get_kwargs(
    *,
    body: GetAssessmentQuerySpecResultRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/assessments/query_spec:result_async_create",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetAsyncTaskResponse | RpcStatus:
    if response.status_code == 200:
        response_200 = GetAsyncTaskResponse.from_dict(response.json())

        return response_200

    response_default = RpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetAsyncTaskResponse | RpcStatus]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetAssessmentQuerySpecResultRequest,
) -> Response[GetAsyncTaskResponse | RpcStatus]:
    """Create async assessment query (results)

     Submit an assessment query specification for asynchronous execution, returning full result rows.
    Returns a GetAsyncTaskResponse containing an AsyncTask with a task ID.

    Args:
        body (GetAssessmentQuerySpecResultRequest): Assessment query specification: source
            entities, relationship expressions (relates_to_exp) and access filters. Only the leading
            fields are spelled out here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetAsyncTaskResponse | RpcStatus]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: GetAssessmentQuerySpecResultRequest,
) -> GetAsyncTaskResponse | RpcStatus | None:
    """Create async assessment query (results)

     Submit an assessment query specification for asynchronous execution, returning full result rows.
    Returns a GetAsyncTaskResponse containing an AsyncTask with a task ID.

    Args:
        body (GetAssessmentQuerySpecResultRequest): Assessment query specification: source
            entities, relationship expressions (relates_to_exp) and access filters. Only the leading
            fields are spelled out here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetAsyncTaskResponse | RpcStatus
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetAssessmentQuerySpecResultRequest,
) -> Response[GetAsyncTaskResponse | RpcStatus]:
    """Create async assessment query (results)

     Submit an assessment query specification for asynchronous execution, returning full result rows.
    Returns a GetAsyncTaskResponse containing an AsyncTask with a task ID.

    Args:
        body (GetAssessmentQuerySpecResultRequest): Assessment query specification: source
            entities, relationship expressions (relates_to_exp) and access filters. Only the leading
            fields are spelled out here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetAsyncTaskResponse | RpcStatus]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GetAssessmentQuerySpecResultRequest,
) -> GetAsyncTaskResponse | RpcStatus | None:
    """Create async assessment query (results)

     Submit an assessment query specification for asynchronous execution, returning full result rows.
    Returns a GetAsyncTaskResponse containing an AsyncTask with a task ID.

    Args:
        body (GetAssessmentQuerySpecResultRequest): Assessment query specification: source
            entities, relationship expressions (relates_to_exp) and access filters. Only the leading
            fields are spelled out here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetAsyncTaskResponse | RpcStatus
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
