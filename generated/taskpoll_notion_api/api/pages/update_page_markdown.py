from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.async_task_in_progress import AsyncTaskInProgress
from ...models.error import Error
from ...models.page_markdown import PageMarkdown
from ...models.update_page_markdown_request import UpdatePageMarkdownRequest
from ...types import Response


def _get_kwargs(
    page_id: str,
    *,
    body: UpdatePageMarkdownRequest,
    notion_version: str = "2026-03-11",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Notion-Version"] = notion_version

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/pages/{page_id}/markdown".format(
            page_id=quote(str(page_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AsyncTaskInProgress | Error | PageMarkdown | str | None:
    if response.status_code == 200:
        response_200 = PageMarkdown.from_dict(response.json())

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
) -> Response[AsyncTaskInProgress | Error | PageMarkdown | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    page_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdatePageMarkdownRequest,
    notion_version: str = "2026-03-11",
) -> Response[AsyncTaskInProgress | Error | PageMarkdown | str]:
    """Update a page's content as Markdown

     Inserts, replaces or search-and-replaces a page's content as Notion-flavored Markdown. With
    `allow_async: true` the update may be accepted for background execution and answered with HTTP 202
    and an async_task to poll; otherwise (or when it finishes at once) it answers 200 with the page's
    Markdown.

    Args:
        page_id (str):
        notion_version (str):  Default: '2026-03-11'.
        body (UpdatePageMarkdownRequest): One Markdown update: `type` names the operation and the
            property of the same name holds its parameters (notion-sdk-js
            UpdatePageMarkdownBodyParameters). `allow_async` opts into an async_task answer when the
            update is accepted for background execution.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AsyncTaskInProgress | Error | PageMarkdown | str]
    """

    kwargs = _get_kwargs(
        page_id=page_id,
        body=body,
        notion_version=notion_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    page_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdatePageMarkdownRequest,
    notion_version: str = "2026-03-11",
) -> AsyncTaskInProgress | Error | PageMarkdown | str | None:
    """Update a page's content as Markdown

     Inserts, replaces or search-and-replaces a page's content as Notion-flavored Markdown. With
    `allow_async: true` the update may be accepted for background execution and answered with HTTP 202
    and an async_task to poll; otherwise (or when it finishes at once) it answers 200 with the page's
    Markdown.

    Args:
        page_id (str):
        notion_version (str):  Default: '2026-03-11'.
        body (UpdatePageMarkdownRequest): One Markdown update: `type` names the operation and the
            property of the same name holds its parameters (notion-sdk-js
            UpdatePageMarkdownBodyParameters). `allow_async` opts into an async_task answer when the
            update is accepted for background execution.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AsyncTaskInProgress | Error | PageMarkdown | str
    """

    return sync_detailed(
        page_id=page_id,
        client=client,
        body=body,
        notion_version=notion_version,
    ).parsed


async def asyncio_detailed(
    page_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdatePageMarkdownRequest,
    notion_version: str = "2026-03-11",
) -> Response[AsyncTaskInProgress | Error | PageMarkdown | str]:
    """Update a page's content as Markdown

     Inserts, replaces or search-and-replaces a page's content as Notion-flavored Markdown. With
    `allow_async: true` the update may be accepted for background execution and answered with HTTP 202
    and an async_task to poll; otherwise (or when it finishes at once) it answers 200 with the page's
    Markdown.

    Args:
        page_id (str):
        notion_version (str):  Default: '2026-03-11'.
        body (UpdatePageMarkdownRequest): One Markdown update: `type` names the operation and the
            property of the same name holds its parameters (notion-sdk-js
            UpdatePageMarkdownBodyParameters). `allow_async` opts into an async_task answer when the
            update is accepted for background execution.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AsyncTaskInProgress | Error | PageMarkdown | str]
    """

    kwargs = _get_kwargs(
        page_id=page_id,
        body=body,
        notion_version=notion_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    page_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdatePageMarkdownRequest,
    notion_version: str = "2026-03-11",
) -> AsyncTaskInProgress | Error | PageMarkdown | str | None:
    """Update a page's content as Markdown

     Inserts, replaces or search-and-replaces a page's content as Notion-flavored Markdown. With
    `allow_async: true` the update may be accepted for background execution and answered with HTTP 202
    and an async_task to poll; otherwise (or when it finishes at once) it answers 200 with the page's
    Markdown.

    Args:
        page_id (str):
        notion_version (str):  Default: '2026-03-11'.
        body (UpdatePageMarkdownRequest): One Markdown update: `type` names the operation and the
            property of the same name holds its parameters (notion-sdk-js
            UpdatePageMarkdownBodyParameters). `allow_async` opts into an async_task answer when the
            update is accepted for background execution.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AsyncTaskInProgress | Error | PageMarkdown | str
    """

    return (
        await asyncio_detailed(
            page_id=page_id,
            client=client,
            body=body,
            notion_version=notion_version,
        )
    ).parsed
