"""A wait carried by Celery workers is one trace: every hop's span and every request's span, from processes
that share nothing but the wait's token (a real redis-server, the simulator process and two prefork workers,
as tests/test_celery.py runs them; the workers export their spans into Redis)."""

from __future__ import annotations

import importlib
import json
import os
import time
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from taskpoll.simulator import Step

from .test_celery import Cluster


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    importlib.import_module("tests.celery_app")  # here, never with TASKPOLL_TEST_OTEL: the SDK stays the tests'
    with ExitStack() as stack:
        os.environ["TASKPOLL_TEST_OTEL"] = "1"  # for the workers this cluster starts
        try:
            cluster = Cluster(stack, tmp_path_factory.mktemp("celery-otel"))
        finally:
            del os.environ["TASKPOLL_TEST_OTEL"]
        if cluster.redis_url != cluster.app.REDIS_URL:  # imported before this cluster's Redis was named
            cluster.app = importlib.reload(cluster.app)
            cluster.waiter = cluster.app.waiter
        cluster.sim.set_faults([])
        yield cluster


def spans_of(cluster: Cluster, task_id: str, timeout: float = 10.0) -> list[dict[str, Any]]:
    """The spans the workers exported whose wait is `task_id`'s (hops and requests), once none is open."""
    deadline = time.monotonic() + timeout
    while True:
        spans = [json.loads(raw) for raw in cluster.redis.lrange("test:spans", 0, -1)]
        mine = [s for s in spans if s["attributes"].get("taskpoll.task.id") == task_id]
        if time.monotonic() > deadline or any(
            s["attributes"].get("taskpoll.wait.outcome") == "succeeded" for s in mine
        ):
            return mine
        time.sleep(0.2)


def test_a_wait_carried_over_three_hops_is_one_trace(cluster: Cluster) -> None:
    task_id = "otel-artos-1"
    steps = [Step("running", polls=2), Step("succeeded", size=1)]
    assert cluster.sim.create_task("artos", steps, task_id=task_id) == task_id
    cluster.waiter.wait("artos", task_id, timeout=60, callback=cluster.app.record_outcome.s(task_id))
    seen = cluster.outcomes({task_id}, timeout=60)
    assert seen[task_id][0]["outcome"]["task"]["state"] == "succeeded"
    spans = spans_of(cluster, task_id)
    hops = sorted((s for s in spans if s["name"] == "taskpoll.poll_once"), key=lambda s: s["start_time"])
    requests = [s for s in spans if s["kind"] == "SpanKind.CLIENT"]
    served = [r for r in cluster.sim.requests() if r.task_id == task_id]
    # A hop a worker ran a moment before its countdown ended polls not and re-enqueues itself: it is one
    # more span of the trace, with no request under it. The three that polled are the three requests.
    polled = [h for h in hops if any(r["parent_id"] == h["context"]["span_id"] for r in requests)]
    assert len(polled) == 3 and len(served) == 3 and len(requests) == len(served)
    assert len({s["context"]["trace_id"] for s in spans}) == 1  # hops in whichever worker took them: one trace
    root = hops[0]["context"]["span_id"]
    assert hops[0]["parent_id"] is None and {h["parent_id"] for h in hops[1:]} == {root}
    assert sorted(r["parent_id"] for r in requests) == sorted(h["context"]["span_id"] for h in polled)
    outcomes = [h["attributes"]["taskpoll.wait.outcome"] for h in hops]
    assert outcomes[-1] == "succeeded" and set(outcomes[:-1]) == {"continued"}
