from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.partition_request import PartitionRequest
from ...models.submit_accepted import SubmitAccepted
from ...models.submit_forbidden import SubmitForbidden
from ...models.submit_rate_limited import SubmitRateLimited
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PartitionRequest,
    user_agent: None | str | Unset = UNSET,
    x_aryn_webhook: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(user_agent, Unset):
        headers["User-Agent"] = user_agent

    if not isinstance(x_aryn_webhook, Unset):
        headers["X-Aryn-Webhook"] = x_aryn_webhook

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/async/submit/document/partition",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SubmitAccepted | SubmitForbidden | SubmitRateLimited | None:
    if response.status_code == 202:
        response_202 = SubmitAccepted.from_dict(response.json())

        return response_202

    if response.status_code == 403:
        response_403 = SubmitForbidden.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = SubmitRateLimited.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SubmitAccepted | SubmitForbidden | SubmitRateLimited]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PartitionRequest,
    user_agent: None | str | Unset = UNSET,
    x_aryn_webhook: str | Unset = UNSET,
) -> Response[SubmitAccepted | SubmitForbidden | SubmitRateLimited]:
    """Submit Document for Async Partitioning

    Args:
        user_agent (None | str | Unset):
        x_aryn_webhook (str | Unset):
        body (PartitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SubmitAccepted | SubmitForbidden | SubmitRateLimited]
    """

    kwargs = _get_kwargs(
        body=body,
        user_agent=user_agent,
        x_aryn_webhook=x_aryn_webhook,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PartitionRequest,
    user_agent: None | str | Unset = UNSET,
    x_aryn_webhook: str | Unset = UNSET,
) -> SubmitAccepted | SubmitForbidden | SubmitRateLimited | None:
    """Submit Document for Async Partitioning

    Args:
        user_agent (None | str | Unset):
        x_aryn_webhook (str | Unset):
        body (PartitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SubmitAccepted | SubmitForbidden | SubmitRateLimited
    """

    return sync_detailed(
        client=client,
        body=body,
        user_agent=user_agent,
        x_aryn_webhook=x_aryn_webhook,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PartitionRequest,
    user_agent: None | str | Unset = UNSET,
    x_aryn_webhook: str | Unset = UNSET,
) -> Response[SubmitAccepted | SubmitForbidden | SubmitRateLimited]:
    """Submit Document for Async Partitioning

    Args:
        user_agent (None | str | Unset):
        x_aryn_webhook (str | Unset):
        body (PartitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SubmitAccepted | SubmitForbidden | SubmitRateLimited]
    """

    kwargs = _get_kwargs(
        body=body,
        user_agent=user_agent,
        x_aryn_webhook=x_aryn_webhook,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PartitionRequest,
    user_agent: None | str | Unset = UNSET,
    x_aryn_webhook: str | Unset = UNSET,
) -> SubmitAccepted | SubmitForbidden | SubmitRateLimited | None:
    """Submit Document for Async Partitioning

    Args:
        user_agent (None | str | Unset):
        x_aryn_webhook (str | Unset):
        body (PartitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SubmitAccepted | SubmitForbidden | SubmitRateLimited
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            user_agent=user_agent,
            x_aryn_webhook=x_aryn_webhook,
        )
    ).parsed
