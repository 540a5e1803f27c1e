from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.partitioner_response import PartitionerResponse
from ...models.status_forbidden import StatusForbidden
from ...models.status_not_found import StatusNotFound
from ...models.status_path_filter import StatusPathFilter
from ...models.task_pending import TaskPending
from ...types import UNSET, Response, Unset


def _get_kwargs(
    task_id: str,
    *,
    path_filter: StatusPathFilter,
    user_agent: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(user_agent, Unset):
        headers["User-Agent"] = user_agent

    params: dict[str, Any] = {}

    json_path_filter = path_filter.value
    params["path_filter"] = json_path_filter

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/async/result/{task_id}".format(
            task_id=quote(str(task_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PartitionerResponse | StatusForbidden | StatusNotFound | TaskPending | str | None:
    if response.status_code == 200:
        response_200 = PartitionerResponse.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = TaskPending.from_dict(response.json())

        return response_202

    if response.status_code == 403:
        response_403 = StatusForbidden.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = StatusNotFound.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = response.text
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PartitionerResponse | StatusForbidden | StatusNotFound | TaskPending | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient,
    path_filter: StatusPathFilter,
    user_agent: None | str | Unset = UNSET,
) -> Response[PartitionerResponse | StatusForbidden | StatusNotFound | TaskPending | str]:
    """Get Async Task Status

    Args:
        task_id (str):
        path_filter (StatusPathFilter):
        user_agent (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PartitionerResponse | StatusForbidden | StatusNotFound | TaskPending | str]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        path_filter=path_filter,
        user_agent=user_agent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_id: str,
    *,
    client: AuthenticatedClient,
    path_filter: StatusPathFilter,
    user_agent: None | str | Unset = UNSET,
) -> PartitionerResponse | StatusForbidden | StatusNotFound | TaskPending | str | None:
    """Get Async Task Status

    Args:
        task_id (str):
        path_filter (StatusPathFilter):
        user_agent (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PartitionerResponse | StatusForbidden | StatusNotFound | TaskPending | str
    """

    return sync_detailed(
        task_id=task_id,
        client=client,
        path_filter=path_filter,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient,
    path_filter: StatusPathFilter,
    user_agent: None | str | Unset = UNSET,
) -> Response[PartitionerResponse | StatusForbidden | StatusNotFound | TaskPending | str]:
    """Get Async Task Status

    Args:
        task_id (str):
        path_filter (StatusPathFilter):
        user_agent (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PartitionerResponse | StatusForbidden | StatusNotFound | TaskPending | str]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        path_filter=path_filter,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_id: str,
    *,
    client: AuthenticatedClient,
    path_filter: StatusPathFilter,
    user_agent: None | str | Unset = UNSET,
) -> PartitionerResponse | StatusForbidden | StatusNotFound | TaskPending | str | None:
    """Get Async Task Status

    Args:
        task_id (str):
        path_filter (StatusPathFilter):
        user_agent (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PartitionerResponse | StatusForbidden | StatusNotFound | TaskPending | str
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            client=client,
            path_filter=path_filter,
            user_agent=user_agent,
        )
    ).parsed
