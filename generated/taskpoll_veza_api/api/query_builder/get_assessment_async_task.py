from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.async_task import AsyncTask
from ...models.get_async_task_response import GetAsyncTaskResponse
from ...models.rpc_status import RpcStatus
from ...types import Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/assessments/async_tasks/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AsyncTask | GetAsyncTaskResponse | RpcStatus:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> AsyncTask | GetAsyncTaskResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = GetAsyncTaskResponse.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = AsyncTask.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    response_default = RpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AsyncTask | GetAsyncTaskResponse | RpcStatus]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[AsyncTask | GetAsyncTaskResponse | RpcStatus]:
    """Get async task status

     Fetches the current status and result of a generic async task by ID. Poll until `state` is COMPLETE,
    then check `status` for the outcome.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AsyncTask | GetAsyncTaskResponse | RpcStatus]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> AsyncTask | GetAsyncTaskResponse | RpcStatus | None:
    """Get async task status

     Fetches the current status and result of a generic async task by ID. Poll until `state` is COMPLETE,
    then check `status` for the outcome.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AsyncTask | GetAsyncTaskResponse | RpcStatus
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[AsyncTask | GetAsyncTaskResponse | RpcStatus]:
    """Get async task status

     Fetches the current status and result of a generic async task by ID. Poll until `state` is COMPLETE,
    then check `status` for the outcome.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AsyncTask | GetAsyncTaskResponse | RpcStatus]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> AsyncTask | GetAsyncTaskResponse | RpcStatus | None:
    """Get async task status

     Fetches the current status and result of a generic async task by ID. Poll until `state` is COMPLETE,
    then check `status` for the outcome.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AsyncTask | GetAsyncTaskResponse | RpcStatus
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
