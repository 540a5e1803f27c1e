"""taskpoll's OpenTelemetry spans, metrics and structured log fields, read through the SDK's in-memory
span exporter and metric reader, over real loopback HTTP (the bundled simulator, raw-socket servers)."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.trace import SpanKind, StatusCode

import taskpoll
from taskpoll.simulator import Fault, Simulator, failed, running, succeeded

from .hostile import Connection, head, hostile
from .telemetry import Capture, capturing

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "otel_console.py"
FAST = taskpoll.PollPolicy(initial_delay=0.01, min_delay=0.01, max_delay=0.02, failure_delay=0.01, jitter=0.0)
FAULTS = [
    Fault("rate_limit", polls=(1,), retry_after=0.01),
    Fault("server_error", polls=(2,)),
    Fault("drop", polls=(3,)),
]
pytestmark = pytest.mark.taskpoll_simulator(notion_poll_after=0.01)


def client(sim: Simulator, provider: str, **options: Any) -> taskpoll.Client[Any]:
    options.setdefault("policy", FAST)
    options.setdefault("rate_limit", float("inf"))
    return taskpoll.Client(provider, base_url=sim.base_url(provider), api_key=sim.api_key(provider), **options)


def aclient(sim: Simulator, provider: str, **options: Any) -> taskpoll.AsyncClient[Any]:
    options.setdefault("policy", FAST)
    options.setdefault("rate_limit", float("inf"))
    return taskpoll.AsyncClient(provider, base_url=sim.base_url(provider), api_key=sim.api_key(provider), **options)


def parent_of(span: ReadableSpan) -> int | None:
    return None if span.parent is None else span.parent.span_id


def children(capture: Capture, span: ReadableSpan) -> list[ReadableSpan]:
    return [s for s in capture.client_spans() if parent_of(s) == span.context.span_id]


# Traces: one INTERNAL span per wait, one CLIENT span per request ------------------------------------


@pytest.mark.parametrize("provider", taskpoll.providers.names())
def test_each_request_is_one_client_span_under_its_wait(taskpoll_simulator: Simulator, provider: str) -> None:
    sim = taskpoll_simulator
    task_id = sim.create_task(provider, [running(polls=2), succeeded(size=1)], faults=FAULTS)
    with capturing() as capture, client(sim, provider) as c:
        task = c.wait(task_id, timeout=30)
    assert task.state is taskpoll.TaskState.SUCCEEDED
    seen = sim.requests(provider, task_id)
    assert len(seen) == 6  # a 429, a 503, a dropped connection, two answers in progress, the final one
    (wait,) = capture.spans("taskpoll.wait")
    requests = capture.client_spans()
    assert len(requests) == len(seen) and children(capture, wait) == requests
    assert wait.kind is SpanKind.INTERNAL and wait.status.status_code is StatusCode.UNSET
    assert dict(wait.attributes or {}) == {
        "taskpoll.provider": provider,
        "taskpoll.task.id": task_id,
        "taskpoll.wait.polls": 6,
        "taskpoll.task.state": "succeeded",
        "taskpoll.wait.outcome": "succeeded",
    }
    url = urllib.parse.urlsplit(sim.base_url(provider))
    for span, request in zip(requests, seen, strict=True):
        attributes = dict(span.attributes or {})
        assert span.name == request.method == attributes["http.request.method"]
        assert attributes["url.full"].startswith(sim.base_url(provider)) and task_id in urllib.parse.unquote(
            attributes["url.full"]
        )
        assert (attributes["server.address"], attributes["server.port"]) == (url.hostname, url.port)
        assert (attributes["taskpoll.provider"], attributes["taskpoll.task.id"]) == (provider, task_id)
        assert attributes.get("http.response.status_code") == request.status
    statuses = [dict(s.attributes or {}).get("http.response.status_code") for s in requests]
    errors = [dict(s.attributes or {}).get("error.type") for s in requests]
    assert errors[:3] == ["429", "503", "APIConnectionError"] and statuses[2] is None
    assert [s.status.status_code for s in requests[:3]] == [StatusCode.ERROR] * 3
    # One event per poll: what it met, and the delay decided after it and why.
    polls = [dict(e.attributes or {}) for e in wait.events if e.name == "taskpoll.poll"]
    assert [p["taskpoll.poll.attempt"] for p in polls] == [1, 2, 3, 4, 5, 6]
    assert [p.get("error.type") for p in polls[:3]] == ["RateLimitError", "ServerError", "APIConnectionError"]
    assert polls[0]["taskpoll.next_poll.reason"] == "Retry-After"
    assert polls[1]["taskpoll.next_poll.reason"].startswith("transient failure")
    assert polls[-1]["taskpoll.next_poll.reason"] == "done" and polls[-1]["taskpoll.task.state"] == "succeeded"
    assert all(p["taskpoll.next_poll.delay"] >= 0 for p in polls)


def test_async_wait_many_gives_each_task_its_span_and_its_requests(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    ids = [sim.create_task("unsiloed", [running(polls=n), succeeded(size=1)]) for n in (1, 2, 3)]
    ids.append(sim.create_task("unsiloed", [running(polls=1), failed()]))

    async def main() -> list[Any]:
        async with aclient(sim, "unsiloed") as c:
            return await c.wait_many(ids, timeout=30, concurrency=2)

    with capturing() as capture:
        outcomes = asyncio.run(main())
    assert [o.state.value for o in outcomes] == ["succeeded", "succeeded", "succeeded", "failed"]
    members = {dict(s.attributes or {})["taskpoll.task.id"]: s for s in capture.spans("taskpoll.wait_many")}
    assert set(members) == set(ids) and len(capture.client_spans()) == len(sim.requests("unsiloed"))
    for task_id, span in members.items():
        mine = children(capture, span)
        assert len(mine) == len(sim.requests("unsiloed", task_id)) == dict(span.attributes or {})["taskpoll.wait.polls"]
        assert all(dict(s.attributes or {})["taskpoll.task.id"] == task_id for s in mine)
    assert members[ids[3]].status.status_code is StatusCode.ERROR  # a failed task (what wait() raises)
    assert [e.name for e in members[ids[3]].events if e.name == "exception"] == ["exception"]


def test_sync_wait_many_keeps_interleaved_waits_apart(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    ids = [sim.create_task("veza", [running(polls=n), succeeded(size=1)]) for n in (3, 1, 2)]
    with capturing() as capture, client(sim, "veza") as c:
        assert all(isinstance(o, taskpoll.Task) for o in c.wait_many(ids, timeout=30))
    members = {dict(s.attributes or {})["taskpoll.task.id"]: s for s in capture.spans("taskpoll.wait_many")}
    assert len({s.context.trace_id for s in members.values()}) == 3  # three waits begun under no span: three traces
    for task_id, span in members.items():
        mine = children(capture, span)
        assert [dict(s.attributes or {})["taskpoll.task.id"] for s in mine] == [task_id] * len(
            sim.requests("veza", task_id)
        )


def test_a_wait_under_an_active_span_is_its_child(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    task_id = sim.create_task("artos", [running(polls=1), succeeded(size=1)])
    handling = trace.get_tracer("app").start_as_current_span("handler")
    with capturing() as capture, client(sim, "artos") as c, handling as handler:
        c.wait(task_id, timeout=30)
        c.get(task_id)
    (wait,) = capture.spans("taskpoll.wait")
    assert parent_of(wait) == handler.get_span_context().span_id
    (get,) = [s for s in capture.client_spans() if parent_of(s) == handler.get_span_context().span_id]
    assert get.name == "GET" and len(children(capture, wait)) == 2


@pytest.mark.parametrize("colour", ["sync", "async"])
def test_run_is_one_span_over_its_submit_and_its_polls(taskpoll_simulator: Simulator, colour: str) -> None:
    sim = taskpoll_simulator
    sim.script_next("aryn", [running(polls=2), succeeded(size=1)])
    with capturing() as capture:
        if colour == "sync":
            with client(sim, "aryn") as c:
                task = c.run(b"%PDF-1.4 document", filename="a.pdf", timeout=30)
                c.cancel(task.id)
                c.list_tasks()
        else:

            async def main() -> Any:
                async with aclient(sim, "aryn") as c:
                    task = await c.run(b"%PDF-1.4 document", filename="a.pdf", timeout=30)
                    await c.cancel(task.id)
                    await c.list_tasks()
                    return task

            task = asyncio.run(main())
    (run,) = capture.spans("taskpoll.run")
    assert dict(run.attributes or {})["taskpoll.task.id"] == task.id
    assert dict(run.attributes or {})["taskpoll.wait.outcome"] == "succeeded"
    under_run = children(capture, run)
    assert [s.name for s in under_run] == ["POST", "GET", "GET", "GET"]
    methods = Counter(s.name for s in capture.client_spans())
    assert methods == Counter(r.method for r in sim.requests("aryn")) == {"GET": 4, "POST": 2}
    assert not capture.spans("taskpoll.wait")  # the run's wait is the run's span


def test_a_refused_submit_ends_the_runs_span_in_error(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    with capturing() as capture:
        bad = taskpoll.Client("aryn", base_url=sim.base_url("aryn"), api_key="not-the-key", policy=FAST)
        with bad, pytest.raises(taskpoll.AuthenticationError):
            bad.run(b"%PDF-1.4", filename="a.pdf")
        errors = capture.total(
            "taskpoll.errors", **{"error.type": "AuthenticationError", "taskpoll.operation": "submit"}
        )
    (run,) = capture.spans("taskpoll.run")
    (post,) = capture.client_spans()
    assert run.status.status_code is StatusCode.ERROR and dict(run.attributes or {})["taskpoll.wait.outcome"] == "error"
    assert dict(post.attributes or {})["error.type"] == "403" and parent_of(post) == run.context.span_id
    assert errors == 1


def test_a_failed_wait_has_status_error_and_its_exception(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    gone = sim.create_task("notion", [running(polls=1), failed("no such page")])
    slow = sim.create_task("notion", [running(polls=None, seconds=60)])
    with capturing() as capture, client(sim, "notion") as c:
        with pytest.raises(taskpoll.TaskFailedError):
            c.wait(gone, timeout=30)
        with pytest.raises(taskpoll.WaitTimeoutError):
            c.wait(slow, timeout=0.2)
        with pytest.raises(taskpoll.InvalidTaskIdError):
            c.wait("..", timeout=1)
    ended = {dict(s.attributes or {})["taskpoll.task.id"]: s for s in capture.spans("taskpoll.wait")}
    outcomes = {task_id: dict(s.attributes or {})["taskpoll.wait.outcome"] for task_id, s in ended.items()}
    assert outcomes == {gone: "failed", slow: "timeout", "..": "error"}
    for span in ended.values():
        assert span.status.status_code is StatusCode.ERROR
        (exception,) = [dict(e.attributes or {}) for e in span.events if e.name == "exception"]
        assert exception["exception.type"].rpartition(".")[2] in (
            "TaskFailedError",
            "WaitTimeoutError",
            "InvalidTaskIdError",
        )


# One trace across processes: tokens, hops -----------------------------------------------------------


def test_a_resumed_wait_continues_the_trace_its_token_carries(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    task_id = sim.create_task("artos", [running(polls=None, seconds=0.6), succeeded(size=1)])
    with capturing() as capture:
        with client(sim, "artos") as first, pytest.raises(taskpoll.WaitTimeoutError) as timed_out:
            first.wait(task_id, timeout=0.2)
        with client(sim, "artos") as second:  # another client: nothing in memory but the token
            second.resume(timed_out.value.token, timeout=30)
    (wait,) = capture.spans("taskpoll.wait")
    (resume,) = capture.spans("taskpoll.resume")
    assert resume.context.trace_id == wait.context.trace_id and parent_of(resume) == wait.context.span_id
    assert len(capture.client_spans()) == len(sim.requests("artos", task_id))
    assert {s.context.trace_id for s in capture.client_spans()} == {wait.context.trace_id}


def test_a_token_without_a_trace_context_still_reads() -> None:
    state = taskpoll.WaitState.from_token(taskpoll.WaitState(provider="aryn", task_id="t-1", attempt=2).token())
    assert state.trace is None and state.attempt == 2
    traced = taskpoll.WaitState(provider="aryn", task_id="t-1", trace="00-" + "1" * 32 + "-" + "2" * 16 + "-01")
    assert taskpoll.WaitState.from_token(traced.token()).trace == traced.trace
    for bad in (5, ["x"], "x" * 201):  # (a string that is no trace context is ignored: the propagator checks it)
        data = {**traced.to_dict(), "tc": bad}
        with pytest.raises(taskpoll.InvalidTokenError):
            taskpoll.WaitState.from_dict(data)


@pytest.mark.parametrize("under_a_span", [False, True])
def test_hops_of_poll_once_are_one_trace(taskpoll_simulator: Simulator, under_a_span: bool) -> None:
    sim = taskpoll_simulator
    task_id = sim.create_task("artos", [running(polls=2), succeeded(size=1)])
    with capturing() as capture:
        with client(sim, "artos") as producer:
            if under_a_span:
                with trace.get_tracer("app").start_as_current_span("enqueue") as enqueue:
                    token = producer.new_wait(task_id, timeout=30).token()
            else:
                token = producer.new_wait(task_id, timeout=30).token()
        step: Any = None
        for _ in range(3):  # each hop in a client of its own, from the last hop's token alone
            if step is not None:
                time.sleep(max(0.0, step.at - time.time()))  # what a job queue's countdown does
            with client(sim, "artos") as worker:
                step = worker.poll_once(token)
                token = step.state.token()
        waits = capture.total("taskpoll.wait.duration")
    assert isinstance(step, taskpoll.Done) and isinstance(step.outcome, taskpoll.Task)
    hops = capture.spans("taskpoll.poll_once")
    assert len(hops) == 3 and len({s.context.trace_id for s in capture.spans()}) == 1
    if under_a_span:
        assert {parent_of(h) for h in hops} == {enqueue.get_span_context().span_id}
    else:
        root = hops[0]
        assert parent_of(root) is None and {parent_of(h) for h in hops[1:]} == {root.context.span_id}
    assert (
        [len(children(capture, h)) for h in hops]
        == [1, 1, 1]
        == [dict(h.attributes or {})["taskpoll.wait.polls"] - i for i, h in enumerate(hops)]
    )
    assert [dict(h.attributes or {})["taskpoll.wait.outcome"] for h in hops] == ["continued", "continued", "succeeded"]
    assert waits == 1  # one wait, however many hops


# Metrics ---------------------------------------------------------------------------------------------


def test_metrics_count_polls_waits_rate_limits_and_errors(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    ok = sim.create_task("notion", [running(polls=2), succeeded(size=1)], faults=FAULTS)
    bad = sim.create_task("notion", [running(polls=1), failed()])
    with capturing() as capture:
        with client(sim, "notion") as c:
            c.wait(ok, timeout=30)
            c.wait(bad, timeout=30, raise_on_failure=False)
        found = capture.metrics()
        server = capture.total("taskpoll.rate_limit.waits", **{"taskpoll.rate_limit.source": "server"})
    assert sum(value for _, value in found["taskpoll.polls"]) == len(sim.requests("notion")) == 8
    assert capture_points(found, "taskpoll.polls", "taskpoll.poll.outcome") == {
        "error": 3,
        "running": 3,
        "succeeded": 1,
        "failed": 1,
    }
    assert {a["error.type"]: v for a, v in found["taskpoll.errors"]} == {
        "RateLimitError": 1,
        "ServerError": 1,
        "APIConnectionError": 1,
    }
    assert server == 1
    # One point per (provider, final state, outcome): how many waits, and their status requests in all.
    assert capture_points(found, "taskpoll.wait.requests", "taskpoll.wait.outcome") == {
        "succeeded": (1, 6),
        "failed": (1, 2),
    }
    durations = capture_points(found, "taskpoll.wait.duration", "taskpoll.task.state")
    assert set(durations) == {"succeeded", "failed"} and all(count == 1 for count, _ in durations.values())
    assert all(dict(a)["taskpoll.provider"] == "notion" for a, _ in found["taskpoll.wait.duration"])


def capture_points(found: dict[str, list[tuple[dict[str, Any], Any]]], name: str, by: str) -> dict[str, Any]:
    points: dict[str, Any] = {}
    for attributes, value in found[name]:
        assert attributes[by] not in points
        points[attributes[by]] = value
    return points


def test_a_poll_the_clients_rate_limit_holds_back_is_counted(taskpoll_simulator: Simulator) -> None:
    sim = taskpoll_simulator
    ids = [sim.create_task("notion", [succeeded(size=1)]) for _ in range(2)]
    with capturing() as capture, client(sim, "notion", rate_limit=1.0) as c:  # one request a second
        c.wait_many(ids, timeout=30)  # both due at once: the second waits for the next second's slot
        held = capture.total("taskpoll.rate_limit.waits", **{"taskpoll.rate_limit.source": "client"})
    assert held == 1
    events = [e for s in capture.spans("taskpoll.wait_many") for e in s.events if e.name == "taskpoll.rate_limit"]
    assert len(events) == 1 and 0 < dict(events[0].attributes or {})["taskpoll.next_poll.delay"] <= 1.0


# Logs: one line per poll, its fields as attributes -------------------------------------------------------


def test_each_poll_logs_one_line_with_structured_fields(
    taskpoll_simulator: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    sim = taskpoll_simulator
    task_id = sim.create_task("artos", [running(polls=1, progress=0.5), succeeded(size=1)], faults=FAULTS[:1])
    caplog.set_level(logging.DEBUG, logger="taskpoll")
    with client(sim, "artos") as c:
        c.wait(task_id, timeout=30)
    lines = [r for r in caplog.records if r.name == "taskpoll" and "poll" in r.getMessage()]
    assert len(lines) == len(sim.requests("artos", task_id)) == 3
    fields = [
        {k: getattr(r, k, None) for k in ("provider", "task_id", "attempt", "state", "delay", "reason")} for r in lines
    ]
    assert fields[0] | {"delay": None} == {
        "provider": "artos",
        "task_id": task_id,
        "attempt": 1,
        "state": None,
        "delay": None,
        "reason": "Retry-After",
    }
    assert lines[0].error == "RateLimitError"
    assert [f["state"] for f in fields[1:]] == ["running", "succeeded"] and fields[2]["reason"] == "done"
    assert lines[1].status == "Generating" and fields[1]["delay"] > 0
    json.dumps([r.__dict__ | {"args": None, "msg": None} for r in lines], default=str)  # a JSON handler's view


def test_the_warnings_about_a_task_carry_its_fields(
    taskpoll_simulator: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    sim = taskpoll_simulator
    task_id = sim.create_task(
        "veza", [running(polls=1), succeeded(size=1)], faults=[Fault("unknown_status", polls=(1,))]
    )
    with client(sim, "veza") as c:
        c.wait(task_id, timeout=30)
    (warning,) = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == "taskpoll"]
    assert (warning.provider, warning.task_id, warning.state, warning.attempt) == ("veza", task_id, "unknown", 1)
    assert warning.status in warning.getMessage() and warning.reason


def test_the_readme_setup_prints_spans_to_the_console() -> None:
    out = run_python(EXAMPLE.read_text(encoding="utf-8"))
    spans = json.loads("[" + out.rpartition("}")[0].replace("}\n{", "},{") + "}]")
    assert [s["name"] for s in spans] == ["GET", "GET", "GET", "taskpoll.wait"]
    assert {s["parent_id"] for s in spans[:3]} == {spans[3]["context"]["span_id"]}
    assert out.endswith(": succeeded")


# Secrets: nothing of the key anywhere, even echoed back by the server ---------------------------------

KEY = "sk-otel-0123456789/abc+def=SECRET"
FORMS = [KEY, urllib.parse.quote(KEY, safe=""), urllib.parse.quote_plus(KEY), json.dumps(KEY)[1:-1]]


def echo() -> Any:
    """Every answer repeats the request's Authorization header: in a header, the reason phrase and the
    body; in turn a task in progress, a 429, a 503, then a 401 that ends the wait."""
    answered = Counter[str]()
    lock = threading.Lock()

    def behave(connection: Connection, request: bytes) -> None:
        line = next((h for h in request.decode("latin-1").split("\r\n") if h.lower().startswith("authorization")), "")
        secret = line.partition(":")[2].strip()
        with lock:
            answered["n"] += 1
            n = answered["n"]
        status = [200, 429, 503, 401][min(n - 1, 3)]
        body = json.dumps({"task_id": "doc-1", "status": "Generating", "progress": 5, "detail": secret}).encode()
        headers = (("X-Echo", secret), ("Retry-After", "0"), ("X-Request-Id", secret))
        data = head(status, headers, len(body)).replace(b"Whatever", secret.encode()) + body
        connection.send(data)

    return behave


def everything(capture: Capture, caplog: pytest.LogCaptureFixture) -> str:
    said: list[str] = []
    for span in capture.spans():
        said += [span.name, repr(dict(span.attributes or {})), str(span.status.description)]
        said += [f"{e.name} {dict(e.attributes or {})!r}" for e in span.events]
        said += [repr(dict(link.attributes or {})) for link in span.links]
    said.append(repr(capture.metrics()))
    said += [f"{r.getMessage()} {r.__dict__!r}" for r in caplog.records]
    return "\n".join(said)


@pytest.mark.parametrize("colour", ["sync", "async"])
def test_no_key_in_any_span_metric_or_log_field_even_when_echoed(colour: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with capturing() as capture, hostile(echo()) as server:
        options = {"base_url": server.url, "api_key": KEY, "allow_insecure_http": True, "policy": FAST}
        if colour == "sync":
            with taskpoll.Client("artos", **options) as c, pytest.raises(taskpoll.AuthenticationError):
                c.wait("doc-1", timeout=10)
        else:

            async def main() -> None:
                async with taskpoll.AsyncClient("artos", **options) as c:
                    with pytest.raises(taskpoll.AuthenticationError):
                        await c.wait("doc-1", timeout=10)

            asyncio.run(main())
        text = everything(capture, caplog)
        assert any(KEY.encode() in r for r in server.requests)  # the key did go out, and came back
    assert len(capture.client_spans()) == 4 and "***" in text  # the echoes reached taskpoll, redacted
    assert not [form for form in FORMS if form in text]


# Without the extra, and without an SDK -------------------------------------------------------------------

BLOCK = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "opentelemetry" or name.startswith("opentelemetry."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Block())
"""

WAIT = """
import sys, taskpoll
from taskpoll.simulator import Simulator, running, succeeded
with Simulator(seed=1) as sim:
    task_id = sim.create_task("artos", [running(polls=1), succeeded(size=1)])
    policy = taskpoll.PollPolicy(initial_delay=0.01, min_delay=0.01)
    with taskpoll.Client("artos", base_url=sim.base_url("artos"), api_key=sim.api_key("artos"), policy=policy) as c:
        task = c.wait(task_id, timeout=30)
        state = c.new_wait(task_id)
from taskpoll import _loop
print(task.state.value, state.trace, type(_loop.OBSERVER).__name__,
      sorted(m for m in sys.modules if m.split(".")[0] == "opentelemetry")[:3])
"""


def run_python(code: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_without_the_extra_taskpoll_imports_nothing_of_opentelemetry() -> None:
    assert run_python(BLOCK + WAIT) == "succeeded None Observer []"


OLD_API = """
import importlib.abc, sys
class Old(importlib.abc.MetaPathFinder):  # an opentelemetry-api without what the extra needs
    def find_spec(self, name, path=None, target=None):
        if name == "opentelemetry.trace.propagation.tracecontext":
            raise ImportError(f"cannot import name {name!r}")
sys.meta_path.insert(0, Old())
"""


def test_an_opentelemetry_api_too_old_for_the_extra_leaves_taskpoll_working_untraced() -> None:
    out = run_python(OLD_API + WAIT)
    assert out.startswith("succeeded None Observer ")


def test_with_the_api_and_no_sdk_every_span_is_the_apis_no_op() -> None:
    out = run_python(WAIT)
    assert out.startswith("succeeded None Telemetry ['opentelemetry")
