"""A client library for accessing Unsiloed Parser API (parse jobs)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
