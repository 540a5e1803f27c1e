"""The Celery app the test workers run (`celery -A tests.celery_app worker`), against a private Redis and
the simulator process, both named by environment variables that tests/test_celery.py sets."""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import time
from typing import Any

import redis
from celery import Celery
from celery.signals import task_postrun, task_prerun

import taskpoll
import taskpoll.providers
from taskpoll.contrib.celery import Waiter

REDIS_URL = os.environ.get("TASKPOLL_TEST_REDIS", "redis://127.0.0.1:1/0")
SIMULATOR = os.environ.get("TASKPOLL_TEST_SIMULATOR", "http://127.0.0.1:1")
VISIBILITY_TIMEOUT = 12.0
REQUEST_TIMEOUT = 2.0
MAX_COUNTDOWN = 6.0

app = Celery("taskpoll-tests", broker=REDIS_URL)
app.conf.update(
    broker_transport_options={
        "visibility_timeout": VISIBILITY_TIMEOUT,
        # kombu 5.7 sweeps for unacknowledged messages every interval * throttle seconds (10 * 10 by
        # default): a killed worker's hops would come back up to 100 s after visibility_timeout.
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
        # The sweep's lock: a worker killed while holding it would stop every sweep for 300 s by default.
        "unacked_mutex_expire": 10,
    },
    broker_connection_retry_on_startup=True,
    task_serializer="json",
    accept_content=["json"],
    worker_hijack_root_logger=False,
    worker_redirect_stdouts=False,
)
_stats = redis.Redis.from_url(REDIS_URL)


class _ToRedis(logging.Handler):
    """The Waiter's log lines (fence duplicates, sweeper re-sends), for the tests to count."""

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(redis.RedisError):
            _stats.rpush("test:log", record.getMessage())


if os.environ.get("TASKPOLL_TEST_OTEL"):  # tests/test_telemetry_celery.py: every span a worker ends, in Redis
    from tests.telemetry import export_spans_to

    export_spans_to(lambda spans: _stats.rpush("test:spans", *spans))

_log = logging.getLogger("taskpoll.contrib.celery")
_log.setLevel(logging.INFO)
_log.addHandler(_ToRedis())


class RecordingClient(taskpoll.Client[Any]):
    """A real client that also notes each poll it makes as (task id, attempt), to count duplicates."""

    def poll_once(self, state: Any, *, rate_limit: Any = None) -> Any:
        before = (
            state.attempt if isinstance(state, taskpoll.WaitState) else taskpoll.WaitState.from_token(state).attempt
        )
        step = super().poll_once(state, rate_limit=rate_limit)
        if step.state.attempt > before:
            _stats.rpush("test:polls", f"{step.state.task_id}|{before}")
        return step


def client_for(provider: str) -> taskpoll.Client[Any]:
    policy = taskpoll.providers.get(provider).default_policy.with_changes(request_timeout=REQUEST_TIMEOUT)
    return RecordingClient(
        provider,
        base_url=f"{SIMULATOR}/{provider}",
        api_key=f"sim-{provider}-key",
        allow_insecure_http=True,
        policy=policy,
        rate_limit=math.inf,  # the Waiter's Redis limit paces Notion across both workers
    )


waiter = Waiter(
    app, clients=client_for, redis_url=REDIS_URL, request_timeout=REQUEST_TIMEOUT, max_countdown=MAX_COUNTDOWN
)


@app.task(name="tests.record_outcome", acks_late=True, ignore_result=True)
def record_outcome(outcome: dict[str, Any], label: str) -> None:
    """The callback: keep each outcome, with when it came, for the test to read."""
    _stats.rpush("test:outcomes", json.dumps({"label": label, "at": time.time(), "outcome": outcome}))


_started: dict[str, tuple[float, float | None]] = {}


@task_prerun.connect
def _busy_from(task_id: str | None = None, args: Any = None, **_: object) -> None:
    # No Redis round trip here: this runs before the hop's poll, and would make every poll later.
    late = None
    if isinstance(args, (list, tuple)) and len(args) == 4 and isinstance(args[2], dict):
        at = args[2].get("at")
        if isinstance(at, (int, float)):
            late = time.time() - at  # how long after its time the hop started
    _started[str(task_id)] = (time.perf_counter(), late)


@task_postrun.connect
def _busy_until(task_id: str | None = None, **_: object) -> None:
    began = _started.pop(str(task_id), None)
    if began is not None:
        pipe = _stats.pipeline(transaction=False)
        pipe.incrbyfloat("test:busy", time.perf_counter() - began[0]).incr("test:hops")
        if began[1] is not None:
            pipe.rpush("test:late", f"{began[1]:.4f}")
        pipe.execute()
