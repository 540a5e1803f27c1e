from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.parse_get_response import ParseGetResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    job_id: str,
    *,
    base64_urls: bool | Unset = UNSET,
    include_chunks: bool | Unset = UNSET,
    output_file: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["base64_urls"] = base64_urls

    params["include_chunks"] = include_chunks

    params["output_file"] = output_file

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/parse/{job_id}".format(
            job_id=quote(str(job_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ParseGetResponse | str | None:
    if response.status_code == 200:
        response_200 = ParseGetResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = response.text
        return response_401

    if response.status_code == 404:
        response_404 = response.text
        return response_404

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
) -> Response[ParseGetResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    base64_urls: bool | Unset = UNSET,
    include_chunks: bool | Unset = UNSET,
    output_file: bool | Unset = UNSET,
) -> Response[ParseGetResponse | str]:
    """GET /parse/{job_id}

     Get the status and results of a processing task.
    Returns task information in Vision-API compatible format.

    Args:
        job_id (str):
        base64_urls (bool | Unset):
        include_chunks (bool | Unset):
        output_file (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ParseGetResponse | str]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        base64_urls=base64_urls,
        include_chunks=include_chunks,
        output_file=output_file,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    base64_urls: bool | Unset = UNSET,
    include_chunks: bool | Unset = UNSET,
    output_file: bool | Unset = UNSET,
) -> ParseGetResponse | str | None:
    """GET /parse/{job_id}

     Get the status and results of a processing task.
    Returns task information in Vision-API compatible format.

    Args:
        job_id (str):
        base64_urls (bool | Unset):
        include_chunks (bool | Unset):
        output_file (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ParseGetResponse | str
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
        base64_urls=base64_urls,
        include_chunks=include_chunks,
        output_file=output_file,
    ).parsed


async def asyncio_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    base64_urls: bool | Unset = UNSET,
    include_chunks: bool | Unset = UNSET,
    output_file: bool | Unset = UNSET,
) -> Response[ParseGetResponse | str]:
    """GET /parse/{job_id}

     Get the status and results of a processing task.
    Returns task information in Vision-API compatible format.

    Args:
        job_id (str):
        base64_urls (bool | Unset):
        include_chunks (bool | Unset):
        output_file (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ParseGetResponse | str]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        base64_urls=base64_urls,
        include_chunks=include_chunks,
        output_file=output_file,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    base64_urls: bool | Unset = UNSET,
    include_chunks: bool | Unset = UNSET,
    output_file: bool | Unset = UNSET,
) -> ParseGetResponse | str | None:
    """GET /parse/{job_id}

     Get the status and results of a processing task.
    Returns task information in Vision-API compatible format.

    Args:
        job_id (str):
        base64_urls (bool | Unset):
        include_chunks (bool | Unset):
        output_file (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ParseGetResponse | str
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
            base64_urls=base64_urls,
            include_chunks=include_chunks,
            output_file=output_file,
        )
    ).parsed
