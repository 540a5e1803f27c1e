from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.async_task_in_progress import AsyncTaskInProgress
from ...models.create_page_request import CreatePageRequest
from ...models.error import Error
from ...models.page import Page
from ...types import Response


def _get_kwargs(
    *,
    body: CreatePageRequest,
    notion_version: str = "2026-03-11",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Notion-Version"] = notion_version

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/pages",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AsyncTaskInProgress | Error | Page | str | None:
    if response.status_code == 200:
        response_200 = Page.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = AsyncTaskInProgress.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = response.text
        return response_502

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = Error.from_dict(response.json())

        return response_504

    if response.status_code == 529:
        response_529 = Error.from_dict(response.json())

        return response_529

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AsyncTaskInProgress | Error | Page | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreatePageRequest,
    notion_version: str = "2026-03-11",
) -> Response[AsyncTaskInProgress | Error | Page | str]:
    """Create a page

     Creates a page. With `markdown` and `allow_async: true` the request may be accepted for background
    execution and answered with HTTP 202 and an async_task to poll.

    Args:
        notion_version (str):  Default: '2026-03-11'.
        body (CreatePageRequest): Page creation parameters. `markdown` is mutually exclusive with
            `content`/`children`; `allow_async` is only supported together with `markdown`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AsyncTaskInProgress | Error | Page | str]
    """

    kwargs = _get_kwargs(
        body=body,
        notion_version=notion_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreatePageRequest,
    notion_version: str = "2026-03-11",
) -> AsyncTaskInProgress | Error | Page | str | None:
    """Create a page

     Creates a page. With `markdown` and `allow_async: true` the request may be accepted for background
    execution and answered with HTTP 202 and an async_task to poll.

    Args:
        notion_version (str):  Default: '2026-03-11'.
        body (CreatePageRequest): Page creation parameters. `markdown` is mutually exclusive with
            `content`/`children`; `allow_async` is only supported together with `markdown`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AsyncTaskInProgress | Error | Page | str
    """

    return sync_detailed(
        client=client,
        body=body,
        notion_version=notion_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreatePageRequest,
    notion_version: str = "2026-03-11",
) -> Response[AsyncTaskInProgress | Error | Page | str]:
    """Create a page

     Creates a page. With `markdown` and `allow_async: true` the request may be accepted for background
    execution and answered with HTTP 202 and an async_task to poll.

    Args:
        notion_version (str):  Default: '2026-03-11'.
        body (CreatePageRequest): Page creation parameters. `markdown` is mutually exclusive with
            `content`/`children`; `allow_async` is only supported together with `markdown`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AsyncTaskInProgress | Error | Page | str]
    """

    kwargs = _get_kwargs(
        body=body,
        notion_version=notion_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreatePageRequest,
    notion_version: str = "2026-03-11",
) -> AsyncTaskInProgress | Error | Page | str | None:
    """Create a page

     Creates a page. With `markdown` and `allow_async: true` the request may be accepted for background
    execution and answered with HTTP 202 and an async_task to poll.

    Args:
        notion_version (str):  Default: '2026-03-11'.
        body (CreatePageRequest): Page creation parameters. `markdown` is mutually exclusive with
            `content`/`children`; `allow_async` is only supported together with `markdown`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AsyncTaskInProgress | Error | Page | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            notion_version=notion_version,
        )
    ).parsed
