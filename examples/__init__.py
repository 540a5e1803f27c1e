"""Runnable examples (python examples/quickstart.py; the Celery pair runs as python -m examples.celery_...)."""
