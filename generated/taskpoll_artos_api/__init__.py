"""A client library for accessing Artos API (document generation tasks)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
