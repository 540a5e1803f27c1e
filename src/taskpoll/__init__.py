"""taskpoll: poll the asynchronous tasks of several document and AI platforms through one typed API."""

__version__ = "0.1.0"
