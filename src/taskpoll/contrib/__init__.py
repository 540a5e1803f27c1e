"""Integrations with job systems (optional extras); each imports only taskpoll's public API."""
