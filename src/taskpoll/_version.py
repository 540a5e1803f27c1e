"""The package version, in a module of its own: importable while `taskpoll/__init__` is still running."""

__version__ = "0.1.0"
