from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.async_task_failed import AsyncTaskFailed
from ...models.async_task_in_progress import AsyncTaskInProgress
from ...models.async_task_succeeded import AsyncTaskSucceeded
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    task_id: str,
    *,
    notion_version: str = "2026-03-11",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Notion-Version"] = notion_version

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/async_tasks/{task_id}".format(
            task_id=quote(str(task_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AsyncTaskFailed | AsyncTaskInProgress | AsyncTaskSucceeded | Error | str | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> AsyncTaskFailed | AsyncTaskInProgress | AsyncTaskSucceeded:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_async_task_type_0 = AsyncTaskInProgress.from_dict(data)

                return componentsschemas_async_task_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_async_task_type_1 = AsyncTaskSucceeded.from_dict(data)

                return componentsschemas_async_task_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_async_task_type_2 = AsyncTaskFailed.from_dict(data)

            return componentsschemas_async_task_type_2

        response_200 = _parse_response_200(response.json())

        return response_200

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
) -> Response[AsyncTaskFailed | AsyncTaskInProgress | AsyncTaskSucceeded | Error | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    notion_version: str = "2026-03-11",
) -> Response[AsyncTaskFailed | AsyncTaskInProgress | AsyncTaskSucceeded | Error | str]:
    """Retrieve an async task

     Retrieve the status and result of an async task. For non-terminal statuses (queued, running,
    retrying) wait at least `poll_after_seconds` before polling again. Completed and failed task
    metadata is retained for a bounded period; after it, this returns the standard 404.

    Args:
        task_id (str):
        notion_version (str):  Default: '2026-03-11'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AsyncTaskFailed | AsyncTaskInProgress | AsyncTaskSucceeded | Error | str]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        notion_version=notion_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    notion_version: str = "2026-03-11",
) -> AsyncTaskFailed | AsyncTaskInProgress | AsyncTaskSucceeded | Error | str | None:
    """Retrieve an async task

     Retrieve the status and result of an async task. For non-terminal statuses (queued, running,
    retrying) wait at least `poll_after_seconds` before polling again. Completed and failed task
    metadata is retained for a bounded period; after it, this returns the standard 404.

    Args:
        task_id (str):
        notion_version (str):  Default: '2026-03-11'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AsyncTaskFailed | AsyncTaskInProgress | AsyncTaskSucceeded | Error | str
    """

    return sync_detailed(
        task_id=task_id,
        client=client,
        notion_version=notion_version,
    ).parsed


async def asyncio_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    notion_version: str = "2026-03-11",
) -> Response[AsyncTaskFailed | AsyncTaskInProgress | AsyncTaskSucceeded | Error | str]:
    """Retrieve an async task

     Retrieve the status and result of an async task. For non-terminal statuses (queued, running,
    retrying) wait at least `poll_after_seconds` before polling again. Completed and failed task
    metadata is retained for a bounded period; after it, this returns the standard 404.

    Args:
        task_id (str):
        notion_version (str):  Default: '2026-03-11'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AsyncTaskFailed | AsyncTaskInProgress | AsyncTaskSucceeded | Error | str]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        notion_version=notion_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    notion_version: str = "2026-03-11",
) -> AsyncTaskFailed | AsyncTaskInProgress | AsyncTaskSucceeded | Error | str | None:
    """Retrieve an async task

     Retrieve the status and result of an async task. For non-terminal statuses (queued, running,
    retrying) wait at least `poll_after_seconds` before polling again. Completed and failed task
    metadata is retained for a bounded period; after it, this returns the standard 404.

    Args:
        task_id (str):
        notion_version (str):  Default: '2026-03-11'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AsyncTaskFailed | AsyncTaskInProgress | AsyncTaskSucceeded | Error | str
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            client=client,
            notion_version=notion_version,
        )
    ).parsed
