from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.parse_create_request import ParseCreateRequest
from ...models.parse_create_response import ParseCreateResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ParseCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/parse",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ParseCreateResponse | str | None:
    if response.status_code == 200:
        response_200 = ParseCreateResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = response.text
        return response_400

    if response.status_code == 401:
        response_401 = response.text
        return response_401

    if response.status_code == 402:
        response_402 = response.text
        return response_402

    if response.status_code == 429:
        response_429 = response.text
        return response_429

    if response.status_code == 500:
        response_500 = response.text
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ParseCreateResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ParseCreateRequest,
) -> Response[ParseCreateResponse | str]:
    """POST /parse

     Create a document processing task using Vision-API compatible interface.
    This endpoint accepts multipart form data with Vision-API parameter names
    and maps them internally to Core Parser format.

    Supports both file upload and URL input.

    Args:
        body (ParseCreateRequest): Request body for `POST /parse` (multipart/form-data).

            Provide either `file` (binary upload) or `url` (presigned/public URL) — not both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ParseCreateResponse | str]
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
    body: ParseCreateRequest,
) -> ParseCreateResponse | str | None:
    """POST /parse

     Create a document processing task using Vision-API compatible interface.
    This endpoint accepts multipart form data with Vision-API parameter names
    and maps them internally to Core Parser format.

    Supports both file upload and URL input.

    Args:
        body (ParseCreateRequest): Request body for `POST /parse` (multipart/form-data).

            Provide either `file` (binary upload) or `url` (presigned/public URL) — not both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ParseCreateResponse | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ParseCreateRequest,
) -> Response[ParseCreateResponse | str]:
    """POST /parse

     Create a document processing task using Vision-API compatible interface.
    This endpoint accepts multipart form data with Vision-API parameter names
    and maps them internally to Core Parser format.

    Supports both file upload and URL input.

    Args:
        body (ParseCreateRequest): Request body for `POST /parse` (multipart/form-data).

            Provide either `file` (binary upload) or `url` (presigned/public URL) — not both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ParseCreateResponse | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ParseCreateRequest,
) -> ParseCreateResponse | str | None:
    """POST /parse

     Create a document processing task using Vision-API compatible interface.
    This endpoint accepts multipart form data with Vision-API parameter names
    and maps them internally to Core Parser format.

    Supports both file upload and URL input.

    Args:
        body (ParseCreateRequest): Request body for `POST /parse` (multipart/form-data).

            Provide either `file` (binary upload) or `url` (presigned/public URL) — not both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ParseCreateResponse | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
