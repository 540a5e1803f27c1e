from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.generate_document_request import GenerateDocumentRequest
from ...models.generate_document_response import GenerateDocumentResponse
from ...types import Response


def _get_kwargs(
    *,
    body: GenerateDocumentRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/documents/generate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GenerateDocumentResponse | None:
    if response.status_code == 202:
        response_202 = GenerateDocumentResponse.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | GenerateDocumentResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateDocumentRequest,
) -> Response[ErrorResponse | GenerateDocumentResponse]:
    """Generate Document

     Extract content from source documents, ingest, and orchestrate document generation using a template.
    Request is immediately queued as a background task and returns 202 Accepted. Poll
    `/api/v1/documents/status/{document_id}` for progress.

    **Field aliases** (both forms accepted):
    - `connector_data_id` = `document_set_key`
    - `template_id` = `generic_mrt_id`
    - `workspace_name` = `document_set_name`

    Args:
        body (GenerateDocumentRequest): Field aliases: connector_data_id = document_set_key,
            template_id = generic_mrt_id, workspace_name = document_set_name. Both the alias and field
            name are accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GenerateDocumentResponse]
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
    body: GenerateDocumentRequest,
) -> ErrorResponse | GenerateDocumentResponse | None:
    """Generate Document

     Extract content from source documents, ingest, and orchestrate document generation using a template.
    Request is immediately queued as a background task and returns 202 Accepted. Poll
    `/api/v1/documents/status/{document_id}` for progress.

    **Field aliases** (both forms accepted):
    - `connector_data_id` = `document_set_key`
    - `template_id` = `generic_mrt_id`
    - `workspace_name` = `document_set_name`

    Args:
        body (GenerateDocumentRequest): Field aliases: connector_data_id = document_set_key,
            template_id = generic_mrt_id, workspace_name = document_set_name. Both the alias and field
            name are accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GenerateDocumentResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateDocumentRequest,
) -> Response[ErrorResponse | GenerateDocumentResponse]:
    """Generate Document

     Extract content from source documents, ingest, and orchestrate document generation using a template.
    Request is immediately queued as a background task and returns 202 Accepted. Poll
    `/api/v1/documents/status/{document_id}` for progress.

    **Field aliases** (both forms accepted):
    - `connector_data_id` = `document_set_key`
    - `template_id` = `generic_mrt_id`
    - `workspace_name` = `document_set_name`

    Args:
        body (GenerateDocumentRequest): Field aliases: connector_data_id = document_set_key,
            template_id = generic_mrt_id, workspace_name = document_set_name. Both the alias and field
            name are accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GenerateDocumentResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateDocumentRequest,
) -> ErrorResponse | GenerateDocumentResponse | None:
    """Generate Document

     Extract content from source documents, ingest, and orchestrate document generation using a template.
    Request is immediately queued as a background task and returns 202 Accepted. Poll
    `/api/v1/documents/status/{document_id}` for progress.

    **Field aliases** (both forms accepted):
    - `connector_data_id` = `document_set_key`
    - `template_id` = `generic_mrt_id`
    - `workspace_name` = `document_set_name`

    Args:
        body (GenerateDocumentRequest): Field aliases: connector_data_id = document_set_key,
            template_id = generic_mrt_id, workspace_name = document_set_name. Both the alias and field
            name are accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GenerateDocumentResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
