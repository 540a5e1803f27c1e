from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_forbidden import ListForbidden
from ...models.list_path_filter import ListPathFilter
from ...models.task_list import TaskList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    path_filter: ListPathFilter,
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
        "url": "/v1/async/list",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ListForbidden | TaskList | str | None:
    if response.status_code == 200:
        response_200 = TaskList.from_dict(response.json())

        return response_200

    if response.status_code == 403:
        response_403 = ListForbidden.from_dict(response.json())

        return response_403

    if response.status_code == 500:
        response_500 = response.text
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ListForbidden | TaskList | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    path_filter: ListPathFilter,
    user_agent: None | str | Unset = UNSET,
) -> Response[ListForbidden | TaskList | str]:
    """List Async Tasks

    Args:
        path_filter (ListPathFilter):
        user_agent (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListForbidden | TaskList | str]
    """

    kwargs = _get_kwargs(
        path_filter=path_filter,
        user_agent=user_agent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    path_filter: ListPathFilter,
    user_agent: None | str | Unset = UNSET,
) -> ListForbidden | TaskList | str | None:
    """List Async Tasks

    Args:
        path_filter (ListPathFilter):
        user_agent (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListForbidden | TaskList | str
    """

    return sync_detailed(
        client=client,
        path_filter=path_filter,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    path_filter: ListPathFilter,
    user_agent: None | str | Unset = UNSET,
) -> Response[ListForbidden | TaskList | str]:
    """List Async Tasks

    Args:
        path_filter (ListPathFilter):
        user_agent (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListForbidden | TaskList | str]
    """

    kwargs = _get_kwargs(
        path_filter=path_filter,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    path_filter: ListPathFilter,
    user_agent: None | str | Unset = UNSET,
) -> ListForbidden | TaskList | str | None:
    """List Async Tasks

    Args:
        path_filter (ListPathFilter):
        user_agent (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListForbidden | TaskList | str
    """

    return (
        await asyncio_detailed(
            client=client,
            path_filter=path_filter,
            user_agent=user_agent,
        )
    ).parsed
