"""The clients' wait loop on a fake clock: canned answers in, requests and sleeps out, no I/O."""

from __future__ import annotations

import email.utils
import itertools
import json
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from taskpoll import (
    APIConnectionError,
    AuthenticationError,
    InvalidTaskIdError,
    NotFoundError,
    PollPolicy,
    QuotaExceededError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    Task,
    TaskState,
    WaitState,
    WaitTimeoutError,
)
from taskpoll._loop import RateLimiter, run
from taskpoll._step import begin
from taskpoll.providers import get

from .answers import EXACT as POLICY
from .answers import REQUEST, artos, notion
from .fakeclock import FakeClock, read

Answer = httpx.Response | httpx.HTTPError | Callable[[], httpx.Response | httpx.HTTPError]


def status(code: int, body: bytes = b"{}", headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(code, content=body, headers=headers or {}, request=REQUEST)


class Run:
    """Drives one wait through the clients' loop on a fake clock: each request takes `latency`."""

    def __init__(
        self,
        provider: str,
        answers: list[Answer],
        *,
        timeout: float = 100.0,
        latency: float = 0.1,
        policy: PollPolicy = POLICY,
        task_id: str = "doc-1",
        limiter: RateLimiter | None = None,
        state: WaitState | None = None,
    ) -> None:
        self.answers = list(answers)
        self.clock = FakeClock(self._next_answer, latency=latency)
        self.provider, self.task_id, self.policy = get(provider), task_id, policy
        self.timeout, self.limiter, self.state = timeout, limiter, state

    def _next_answer(self, now: float) -> httpx.Response | httpx.HTTPError:
        answer = self.answers.pop(0)
        return answer() if callable(answer) else answer

    @property
    def now(self) -> float:
        return self.clock.now

    def result(self) -> Task[Any]:
        return self.clock.run(
            self.provider, self.task_id, self.policy, timeout=self.timeout, limiter=self.limiter, state=self.state
        )

    def sleeps(self) -> list[float]:
        return [round(seconds, 6) for seconds in self.clock.slept]

    def fetch_times(self) -> list[float]:
        return [round(t, 6) for t in self.clock.fetch_times()]

    def observed(self) -> list[str]:
        return [task.status for task in self.clock.observed]


def test_first_poll_goes_out_at_once_and_backoff_grows_while_the_state_holds() -> None:
    run = Run("artos", [artos("Pending"), artos("Pending"), artos("Pending"), artos("Generating"), artos("Ready")])
    task = run.result()
    assert task.state is TaskState.SUCCEEDED and task.result is not None
    assert run.fetch_times()[0] == 0.0
    assert run.sleeps() == [1.0, 2.0, 4.0, 1.0]  # the backoff starts over when the state changes


def test_observe_is_emitted_on_each_change_and_for_the_final_task() -> None:
    run = Run("artos", [artos("Pending"), artos("Pending"), artos("Generating"), artos("Ready")])
    run.result()
    assert run.observed() == ["Pending", "Generating", "Ready"]


def test_wait_honours_poll_after_seconds_exactly_for_notion() -> None:
    notion_policy = get("notion").default_policy.with_changes(jitter=0.0)
    run = Run(
        "notion",
        [notion("queued", 3.0), notion("running", 0.5), notion("succeeded")],
        policy=notion_policy,
        task_id="t1",
    )
    assert run.result().state is TaskState.SUCCEEDED
    assert run.sleeps() == [3.0, 0.5]


def test_retry_after_in_seconds_is_waited_and_rate_limits_never_spend_the_failure_budget() -> None:
    limited = status(429, b'{"detail": "Too many requests"}', {"Retry-After": "4"})
    run = Run("artos", [limited] * 6 + [artos("Ready")])
    assert run.result().state is TaskState.SUCCEEDED
    assert run.sleeps() == [4.0] * 6


def test_retry_after_as_an_http_date_is_measured_against_the_response_date_header() -> None:
    server_now = 1_800_000_000.0  # the server's clock, far from ours
    headers = {
        "Date": email.utils.formatdate(server_now, usegmt=True),
        "Retry-After": email.utils.formatdate(server_now + 7, usegmt=True),
    }
    run = Run("artos", [status(429, b"{}", headers), artos("Ready")])
    run.result()
    assert run.sleeps() == [7.0]


def test_transient_failures_are_retried_and_a_good_answer_resets_the_budget() -> None:
    answers: list[Answer] = [
        status(503, b"<html><title>503</title></html>"),
        httpx.ConnectError("refused"),
        status(200, b"not json"),
        artos("Generating"),
        status(502),
        status(500, b'{"detail": "x"}'),
        status(520),
        artos("Ready"),
    ]
    run = Run("artos", answers)
    assert run.result().state is TaskState.SUCCEEDED
    assert run.sleeps() == [0.5, 1.0, 2.0, 1.0, 0.5, 1.0, 2.0]


def test_the_failure_budget_running_out_raises_the_last_error() -> None:
    run = Run("artos", [status(503), status(503), status(503), status(502, b"<html></html>")])
    with pytest.raises(ServerError) as raised:
        run.result()
    assert raised.value.status_code == 502 and raised.value.task_id == "doc-1"
    assert len(run.fetch_times()) == 4


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (status(401, b'{"detail": "Not authenticated"}'), AuthenticationError),
        (status(404, b'{"detail": "Document not found"}'), NotFoundError),
    ],
)
def test_errors_that_cannot_get_better_are_raised_at_once(answer: httpx.Response, error: type[Exception]) -> None:
    run = Run("artos", [answer])
    with pytest.raises(error):
        run.result()
    assert len(run.fetch_times()) == 1


def test_unknown_status_polls_on_and_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="taskpoll")
    run = Run("artos", [artos("Archived"), artos("Archived"), artos("Archived"), artos("Ready")])
    assert run.result().state is TaskState.SUCCEEDED
    assert run.observed()[0] == "Archived"
    warnings = [r for r in caplog.records if "does not know" in r.getMessage()]
    assert len(warnings) == 1 and "'Archived'" in warnings[0].getMessage()


def test_every_request_timeout_is_finite_and_clipped_to_what_is_left() -> None:
    run = Run("artos", [artos("Pending")] * 20, timeout=10.0, latency=0.01)
    with pytest.raises(WaitTimeoutError):
        run.result()
    timeouts = [timeout for _, timeout in run.clock.requests]
    assert timeouts[0] == 10.0  # the whole wait is shorter than request_timeout
    assert all(0 < timeout <= 10.0 - sent + 1e-9 for sent, timeout in run.clock.requests)


def test_wait_timeout_makes_a_last_poll_before_the_deadline_and_never_passes_it() -> None:
    run = Run("artos", [artos("Generating")] * 10, timeout=10.0)
    with pytest.raises(WaitTimeoutError) as raised:
        run.result()
    error = raised.value
    # Backoff of 1, 2 and 4 s; then 8 s would pass the deadline, so one last poll goes out as late as
    # the requests' latency (0.1 s) allows: 2 x 0.1 s + a 0.1 s margin before it, and the wait ends
    # just before the deadline.
    assert run.fetch_times() == [0.0, 1.1, 3.2, 7.3, 9.7]
    assert 9.7 < run.now <= 10.0
    assert error.task is not None and error.task.status == "Generating" and error.elapsed <= 10.0
    assert WaitState.from_token(error.token).task_id == "doc-1"
    assert "the task goes on" in str(error)


@pytest.mark.parametrize(
    ("timeout", "fetches"),
    [
        (7.8, [0.0, 1.1, 3.2, 7.3]),  # a last poll would come 0.1 s after the one at 7.3 s: none is made
        (8.0, [0.0, 1.1, 3.2, 7.3, 7.7]),  # 0.3 s after it: worth making
    ],
)
def test_the_last_poll_never_follows_another_by_a_moment(timeout: float, fetches: list[float]) -> None:
    run = Run("artos", [artos("Generating")] * 10, timeout=timeout)
    with pytest.raises(WaitTimeoutError):
        run.result()
    assert run.fetch_times() == fetches
    assert run.now <= timeout


def test_a_hint_beyond_the_deadline_ends_the_wait_early_instead_of_polling_too_soon() -> None:
    notion_policy = get("notion").default_policy.with_changes(jitter=0.0)
    run = Run("notion", [notion("queued", 30.0)], policy=notion_policy, timeout=10.0, task_id="t1")
    with pytest.raises(WaitTimeoutError, match="asked to wait 30 s, past the deadline"):
        run.result()
    assert run.now < 1.0 and len(run.fetch_times()) == 1


def test_a_retry_after_beyond_the_deadline_ends_the_wait_with_the_429_as_its_cause() -> None:
    run = Run("artos", [status(429, b"{}", {"Retry-After": "60"})], timeout=10.0)
    with pytest.raises(WaitTimeoutError, match="asked to wait 60 s, past the deadline") as raised:
        run.result()
    cause = raised.value.__cause__
    assert isinstance(cause, RateLimitError) and cause.retry_after == 60.0 and run.now < 1.0


def test_a_hint_beyond_max_hint_ends_the_wait_resumable_at_the_servers_time() -> None:
    # Notion: "wait at least poll_after_seconds". A hint longer than max_hint is not shortened into
    # an early poll: the wait ends at once, and its token resumes at the time the server named.
    notion_policy = get("notion").default_policy.with_changes(jitter=0.0, max_hint=120.0)
    run = Run("notion", [notion("queued", 300.0)], policy=notion_policy, timeout=3600.0, task_id="t1")
    with pytest.raises(
        WaitTimeoutError, match=r"asked to wait 300 s, more than PollPolicy.max_hint \(120 s\)"
    ) as raised:
        run.result()
    assert run.now < 1.0 and len(run.fetch_times()) == 1 and run.sleeps() == []
    error = raised.value
    assert error.task is not None and error.task.status == "queued" and error.task.poll_after == 300.0
    resume = WaitState.from_token(error.token)
    assert resume.task_id == "t1" and resume.next_poll is not None and resume.hinted
    # (the fake clock's 0.1 s request is not wall time: the state's clock is 0.1 s ahead of observed_at)
    assert resume.next_poll == pytest.approx(error.task.observed_at.timestamp() + 300.1, abs=0.01)


def test_a_hint_within_max_hint_is_waited_in_full() -> None:
    notion_policy = get("notion").default_policy.with_changes(jitter=0.0, max_hint=120.0)
    run = Run("notion", [notion("queued", 120.0), notion("succeeded")], policy=notion_policy, timeout=3600.0)
    assert run.result().state is TaskState.SUCCEEDED
    assert run.sleeps() == [120.0]


def test_a_retry_after_beyond_max_hint_ends_the_wait_with_a_token_for_after_it() -> None:
    run = Run("artos", [status(429, b"{}", {"Retry-After": "600"})], policy=POLICY, timeout=3600.0)
    with pytest.raises(WaitTimeoutError, match=r"more than PollPolicy\.max_hint") as raised:
        run.result()
    assert isinstance(raised.value.__cause__, RateLimitError) and run.sleeps() == []
    resume = WaitState.from_token(raised.value.token)
    assert resume.next_poll is not None and resume.next_poll - time.time() == pytest.approx(600.0, abs=5.0)


def unsiloed(status_value: str) -> httpx.Response:
    body = {"job_id": "doc-1", "status": status_value, "created_at": "2025-10-22T06:51:16.870302Z", "metadata": {}}
    return httpx.Response(200, json=body, request=REQUEST)


def text(code: int, message: str, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        code, content=message.encode(), headers={"content-type": "text/plain", **(headers or {})}, request=REQUEST
    )


def test_unsiloeds_usage_cap_is_not_retried_as_a_rate_limit() -> None:
    # parse-document.mdx l.1175: 429 "Usage limit exceeded" is the billing cap, without Retry-After.
    run = Run("unsiloed", [unsiloed("Processing"), text(429, "Usage limit exceeded"), unsiloed("Succeeded")])
    with pytest.raises(QuotaExceededError, match="Usage limit exceeded") as raised:
        run.result()
    assert not raised.value.is_transient and not isinstance(raised.value, RateLimitError)
    assert raised.value.status_code == 429 and len(run.fetch_times()) == 2
    no_credits = Run("unsiloed", [text(402, '{"detail": {"message": "Insufficient page credits"}}')])
    with pytest.raises(QuotaExceededError, match="Insufficient page credits"):
        no_credits.result()


def test_unsiloeds_rate_limit_is_waited_out() -> None:
    run = Run("unsiloed", [text(429, "Rate limit exceeded", {"Retry-After": "3"}), unsiloed("Succeeded")])
    assert run.result().state is TaskState.SUCCEEDED
    assert run.sleeps() == [3.0]


def test_notions_529_service_overload_is_waited_out_like_a_429() -> None:
    # notion-sdk-js src/Client.ts l.701-731: 429 and 529 are retried with their Retry-After.
    overload = json.dumps({"object": "error", "status": 529, "code": "service_overload", "message": "Overloaded"})
    answers: list[Answer] = [status(529, overload.encode(), {"Retry-After": "2"})] * 6 + [notion("succeeded")]
    run = Run("notion", answers, policy=POLICY.with_changes(max_consecutive_failures=1), task_id="t1")
    assert run.result().state is TaskState.SUCCEEDED  # six in a row do not spend a budget of one failure
    assert run.sleeps() == [2.0] * 6
    error = get("notion").error("t1", status(529, overload.encode(), {"Retry-After": "2"}))
    assert isinstance(error, RateLimitError) and error.code == "service_overload" and error.retry_after == 2.0


def test_no_request_outlives_the_waits_deadline() -> None:
    run = Run("artos", [artos("Pending")] * 20, timeout=10.0, latency=0.01)
    with pytest.raises(WaitTimeoutError):
        run.result()
    assert all(sent + timeout <= 10.0 + 1e-9 for sent, timeout in run.clock.requests)


def test_an_invalid_id_is_refused_before_any_request() -> None:
    for bad in ("", ".", ".."):
        with pytest.raises(InvalidTaskIdError):
            get("aryn").status_request(bad)


def test_a_resumed_wait_first_sleeps_until_its_next_poll() -> None:
    state = begin("artos", "doc-1", now=0.0, timeout=100.0)
    run = Run("artos", [artos("Ready")], state=WaitState.from_dict({**state.to_dict(), "n": 2.5}))
    run.result()
    assert run.sleeps() == [2.5] and run.fetch_times() == [2.5]


def test_a_shared_rate_limiter_spaces_requests() -> None:
    now = [0.0]
    limiter = RateLimiter(2.0, clock=lambda: now[0])  # burst of two, then one every 0.5 s
    assert [limiter.book(0.0) for _ in range(4)] == [0.0, 0.0, 0.5, 1.0]
    run = Run(
        "artos", [artos("Pending")] * 3 + [artos("Ready")], policy=POLICY.with_changes(initial_delay=0.0), latency=0.0
    )
    run.limiter = RateLimiter(1.0, clock=run.clock.clock)
    run.result()
    times = run.fetch_times()
    assert all(b - a >= 1.0 - 1e-9 for a, b in itertools.pairwise(times))


def test_a_rate_limiter_books_in_the_callers_clock() -> None:
    limiter = RateLimiter(1.0, clock=lambda: 100.0)  # its own clock says 100; the caller's says 5
    assert [limiter.book(5.0) for _ in range(3)] == [5.0, 6.0, 7.0]


def test_bad_bodies_are_validation_errors_that_keep_the_body() -> None:
    answer = read(get("artos"), "doc-1", status(200, b'{"task_id": "x"}'))
    assert isinstance(answer, ResponseValidationError)
    assert answer.body == b'{"task_id": "x"}' and "missing field 'status'" in str(answer)
    assert isinstance(read(get("artos"), "doc-1", httpx.ReadError("reset")), APIConnectionError)


# Many waits in one loop ---------------------------------------------------------------------------


def test_the_loop_serves_the_wait_due_first() -> None:
    clock = FakeClock(lambda now: artos("Ready"), latency=0.01)
    states = [
        WaitState.from_dict({**begin("artos", name, now=0.0, timeout=100).to_dict(), "n": due})
        for name, due in (("c", 3.0), ("a", 1.0), ("b", 2.0))
    ]
    provider = get("artos")
    order = [
        states[index].task_id
        for index, outcome, done in run(
            states, clock.poll(provider, POLICY), POLICY, clock=clock.clock, sleep=clock.sleep
        )
        if done
    ]
    assert order == ["a", "b", "c"] and clock.fetch_times() == [1.0, 2.0, 3.0]


def test_each_waits_error_is_its_own_outcome() -> None:
    answers = {"1": status(404, b'{"detail": "gone"}'), "2": artos("Ready", task_id="2")}
    clock = FakeClock(lambda now: next(iter(answers.values())))
    states = [begin("artos", task_id, now=0.0, timeout=100) for task_id in answers]
    provider = get("artos")

    def poll(index: int, state: WaitState, now: float) -> Any:
        return read(provider, state.task_id, answers[state.task_id])

    outcomes = {
        states[i].task_id: o for i, o, done in run(states, poll, POLICY, clock=clock.clock, sleep=clock.sleep) if done
    }
    assert isinstance(outcomes["1"], NotFoundError) and isinstance(outcomes["2"], Task)
