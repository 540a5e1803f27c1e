"""Absurd input gets a typed error: options, headers, ids, tokens.

Every failure the public API shows is a TaskpollError: an int too large for a float, an HTTP-date in
the year 10**20, a lone surrogate in an id, URL or key, a port above 65535, a damaged or absurd
resume token. And every token taskpoll issues resumes, down to the longest id it accepts. The
property tests at the end throw generated input at Client and AsyncClient over loopback HTTP.
"""

from __future__ import annotations

import asyncio
import base64
import json
import math
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import attrs
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import taskpoll
from taskpoll import Task, TaskpollError, TaskState
from taskpoll._ids import MAX_STATUS_LENGTH, MAX_TASK_ID_LENGTH
from taskpoll._loop import run
from taskpoll._policy import MAX_SECONDS, Observation
from taskpoll.providers._base import parse_time, retry_after

from .answers import old_token
from .clients import FAST
from .loopback import Canned, CannedServer, canned_server

REQUEST = httpx.Request("GET", "https://api.example/status/t")
ARTOS_READY = json.dumps({"task_id": "t", "status": "Ready", "progress": None, "error": None}).encode()
ARTOS_PENDING = json.dumps({"task_id": "t", "status": "Pending", "progress": None, "error": None}).encode()
NOT_FOUND = Canned(404, b'{"detail": "Document not found"}')


@pytest.fixture(scope="module")
def server() -> Iterator[CannedServer]:
    with canned_server() as s:
        yield s


def raw_token(payload: object) -> str:
    return "tp1." + base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


# Headers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"retry-after": "Fri, 31 Dec 99999999999999999999 23:59:59 GMT"},
        {"retry-after": "Fri, 31 Dec 2026 23:59:59 +99999999999999999999"},
        {"retry-after": "Fri, 31 Dec 9999 23:59:59 -2359", "date": "Mon, 01 Jan 0001 00:00:00 +2359"},
        {"retry-after": "Fri, 31 Dec 2026 23:59:59 GMT", "date": "Mon, 01 Jan 99999999999999999999 00:00:00 GMT"},
        {"retry-after": "1e400"},
        {"retry-after": "9" * 5000},
    ],
)
def test_an_absurd_retry_after_or_date_is_no_hint_not_an_overflow(headers: dict[str, str]) -> None:
    value = retry_after(httpx.Response(429, headers=headers, request=REQUEST))
    assert value is None or (math.isfinite(value) and value >= 0)


@pytest.mark.parametrize("text", ["99999999999999999999-01-01", "9999-12-31T23:59:59-23:59", "0001-01-01T00:00+23:59"])
def test_an_absurd_timestamp_is_no_time_or_a_real_one(text: str) -> None:
    parsed = parse_time(text)
    assert parsed is None or parsed.tzinfo is not None


def test_a_429_with_a_retry_after_in_the_year_10_to_the_20_is_a_rate_limit_error(server: CannedServer) -> None:
    server.answer_all(Canned(429, b"{}", headers=(("Retry-After", "Fri, 31 Dec 99999999999999999999 0:0:0 GMT"),)))
    with (
        taskpoll.Client("artos", api_key="k", base_url=server.base_url) as client,
        pytest.raises(taskpoll.RateLimitError) as caught,
    ):
        client.get("t")
    assert caught.value.retry_after is None


# Options ------------------------------------------------------------------------------------------

HUGE = 10**400  # no float holds it
HUGER = 10**5000  # not even its repr() works (Python's 4300-digit limit)


@pytest.mark.parametrize(
    "value", [HUGE, HUGER, 1e10, math.inf, math.nan, -1.0], ids=["1e400", "1e5000", "1e10", "inf", "nan", "-1"]
)
@pytest.mark.parametrize("field", [f.name for f in attrs.fields(taskpoll.PollPolicy) if f.name != "follow_hint"])
def test_every_numeric_policy_field_refuses_absurd_numbers(field: str, value: float) -> None:
    if field == "max_consecutive_failures" and isinstance(value, int):
        return  # any int >= 0 is a failure budget; it is only ever compared
    with pytest.raises(taskpoll.ConfigurationError, match=f"PollPolicy.{field}"):
        taskpoll.PollPolicy(**{field: value})
    with pytest.raises(taskpoll.ConfigurationError, match=f"PollPolicy.{field}"):
        taskpoll.PollPolicy().with_changes(**{field: value})


def test_the_largest_policy_still_decides_finite_delays_that_fit_a_sleep() -> None:
    policy = taskpoll.PollPolicy(
        initial_delay=MAX_SECONDS, multiplier=MAX_SECONDS, max_delay=MAX_SECONDS, max_hint=MAX_SECONDS, jitter=0.5
    )
    for polls in (1, 2, 50, 10**6):
        decision = policy.decide(Observation(attempt=polls, elapsed=0, polls_in_state=polls))
        assert decision is not None and 0 < decision.delay <= 1.5 * MAX_SECONDS < threading.TIMEOUT_MAX


def test_a_typo_in_with_changes_names_the_unknown_field() -> None:
    with pytest.raises(taskpoll.ConfigurationError, match=r"no field 'intial_delay'.*initial_delay"):
        taskpoll.PollPolicy().with_changes(intial_delay=1)


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"rate_limit": HUGE}, "rate_limit"),
        ({"rate_limit": HUGER}, "rate_limit"),
        ({"rate_limit": 1e-320}, "rate_limit"),  # its interval would be infinite
        ({"rate_limit": math.nan}, "rate_limit"),
        ({"base_url": "http://127.0.0.1/\ud800"}, "surrogate"),
        ({"base_url": "http://\udcff.example/"}, "surrogate"),
        ({"base_url": "http://127.0.0.1:65536"}, "port 65536"),
        ({"base_url": "http://127.0.0.1:99999"}, "port 99999"),
        ({"api_key": "sk-\ud800"}, "surrogate"),
    ],
)
def test_absurd_client_options_are_configuration_errors(options: dict[str, Any], match: str) -> None:
    kwargs = {"api_key": "k", "base_url": "http://127.0.0.1:9", **options}
    with pytest.raises(taskpoll.ConfigurationError, match=match) as caught:
        taskpoll.Client("artos", **kwargs)
    assert "sk-" not in str(caught.value)
    with pytest.raises(taskpoll.ConfigurationError, match=match):
        taskpoll.AsyncClient("artos", **kwargs)


@pytest.mark.parametrize(
    "timeout", [HUGE, HUGER, math.nan, -1, 0, "soon"], ids=["1e400", "1e5000", "nan", "-1", "0", "text"]
)
def test_an_absurd_timeout_is_a_configuration_error_before_any_request(server: CannedServer, timeout: object) -> None:
    server.answer_all(Canned(200, ARTOS_READY))
    before = len(server.seen)
    with taskpoll.Client("artos", api_key="k", base_url=server.base_url) as client:
        with pytest.raises(taskpoll.ConfigurationError, match="timeout"):
            client.wait("t", timeout=timeout)  # type: ignore[arg-type]
        with pytest.raises(taskpoll.ConfigurationError, match="timeout"):
            client.wait_many(["t"], timeout=timeout)  # type: ignore[arg-type]
    assert len(server.seen) == before


def test_a_lone_surrogate_in_a_task_id_is_refused_before_any_request(server: CannedServer) -> None:
    server.answer_all(Canned(200, ARTOS_READY))
    before = len(server.seen)
    with taskpoll.Client("artos", api_key="k", base_url=server.base_url) as client:
        with pytest.raises(taskpoll.InvalidTaskIdError, match="surrogate"):
            client.get("doc-\ud800")
        with pytest.raises(taskpoll.InvalidTaskIdError, match="surrogate"):
            client.wait("doc-\ud800")
        [outcome] = client.wait_many(["doc-\ud800"])
        assert isinstance(outcome, taskpoll.InvalidTaskIdError)
    assert len(server.seen) == before


# Tokens -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    [
        "tp1." + base64.urlsafe_b64encode(b"[" * 5000).decode(),
        raw_token({"v": 1, "p": "artos", "id": "t", "s": None, "n": None})[:-3] + "{{{",
        "tp1." + base64.urlsafe_b64encode(b'{"v":1,"p":"artos","id":"t","n":' + b"9" * 4000 + b"}").decode(),
        "tp1." + base64.urlsafe_b64encode(b'{"v":1,"p":"artos","id":"t","n":NaN}').decode(),
        "tp1." + base64.urlsafe_b64encode(b'{"v":1,"p":"artos","id":"t","n":-Infinity}').decode(),
        "tp1." + base64.urlsafe_b64encode(b'{"v":1,"p":"artos","id":"\\ud800","n":null}').decode(),
        raw_token({"v": 1, "p": "artos", "id": "..", "n": None}),
        raw_token({"v": 1, "p": "x" * 1000, "id": "t", "n": None}),
        raw_token({"v": 1, "p": "artos", "id": "t", "n": True}),
    ],
)
def test_a_damaged_token_is_an_invalid_token_error(server: CannedServer, token: str) -> None:
    with pytest.raises(taskpoll.InvalidTokenError, match="damaged"):
        taskpoll.WaitState.from_token(token)
    client = taskpoll.Client("artos", api_key="k", base_url=server.base_url)
    with client, pytest.raises(taskpoll.InvalidTokenError):
        client.resume(token)


WORST_IDS = {
    "emoji (4-byte UTF-8)": "😀" * MAX_TASK_ID_LENGTH,
    "CJK": "中" * MAX_TASK_ID_LENGTH,
    "control characters (JSON writes \\u0001)": "\x01" * MAX_TASK_ID_LENGTH,
    "quotes and backslashes": '"\\' * (MAX_TASK_ID_LENGTH // 2),
}


@pytest.mark.parametrize("task_id", list(WORST_IDS.values()), ids=list(WORST_IDS))
def test_the_token_of_the_longest_accepted_id_and_status_resumes(task_id: str) -> None:
    status = "\x1f" * MAX_STATUS_LENGTH
    task: Task[Any] = Task(
        provider="artos",
        id=task_id,
        state=TaskState.UNKNOWN,
        status=status,
        poll_after=1e308,  # a hostile server's hint
        observed_at=datetime.now(UTC),
    )
    resume = taskpoll.WaitState.from_token(task.token())
    assert (resume.provider, resume.task_id, resume.last_status) == ("artos", task_id, status)
    assert resume.next_poll is not None and math.isfinite(resume.next_poll)


@pytest.mark.parametrize("poll_after", [math.inf, -math.inf, math.nan, 1e308, -1e308])
def test_a_token_made_from_any_hint_decodes(poll_after: float) -> None:
    task: Task[Any] = Task(
        provider="artos",
        id="t",
        state=TaskState.RUNNING,
        status="Pending",
        poll_after=poll_after,
        observed_at=datetime.now(UTC),
    )
    resume = taskpoll.WaitState.from_token(task.token())
    assert resume.next_poll is None or math.isfinite(resume.next_poll)
    resume = taskpoll.WaitState.from_token(old_token("artos", "t", "Pending", poll_after))
    assert resume.next_poll is None or math.isfinite(resume.next_poll)


def test_a_2048_emoji_id_goes_over_the_wire_and_its_token_resumes_the_wait(server: CannedServer) -> None:
    task_id = WORST_IDS["emoji (4-byte UTF-8)"]
    server.answer_all(Canned(200, ARTOS_PENDING))
    with taskpoll.Client("artos", api_key="k", base_url=server.base_url, policy=FAST) as client:
        token = client.get(task_id).token()
        server.answer_all(Canned(200, ARTOS_READY))
        task = client.resume(token, timeout=5)
    assert task.id == task_id and task.state is TaskState.SUCCEEDED
    assert server.seen[-1].raw_path.endswith("%F0%9F%98%80" * MAX_TASK_ID_LENGTH)


def test_a_next_poll_past_the_deadline_ends_the_wait_resumably(server: CannedServer) -> None:
    server.answer_all(Canned(200, ARTOS_READY))
    before = len(server.seen)
    client = taskpoll.Client("artos", api_key="k", base_url=server.base_url)
    with client, pytest.raises(taskpoll.WaitTimeoutError, match="past the deadline") as caught:
        client.resume(old_token("artos", "t", "Pending", 1e300), timeout=1)
    assert len(server.seen) == before and taskpoll.WaitState.from_token(caught.value.token).task_id == "t"


class Enough(Exception):
    pass


def test_a_next_poll_in_1e300_seconds_without_a_deadline_sleeps_in_pieces_that_fit() -> None:
    state = taskpoll.WaitState(provider="artos", task_id="t", next_poll=1e300, hinted=True)
    pieces: list[float] = []

    def sleep(seconds: float) -> None:
        pieces.append(seconds)
        if len(pieces) == 3:
            raise Enough

    with pytest.raises(Enough):
        next(run([state], lambda *_: pytest.fail("polled"), FAST, clock=lambda: sum(pieces), sleep=sleep))
    assert pieces == [MAX_SECONDS] * 3 and MAX_SECONDS < threading.TIMEOUT_MAX  # time.sleep's own limit


# Properties ---------------------------------------------------------------------------------------

NUMBERS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([HUGE, -HUGE, HUGER, 0, 1, 10**9, 10**10]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
)
# A token's JSON cannot hold HUGER (json.dumps refuses it): drawn from the numbers without it, not
# filtered (a filter that rejects often makes hypothesis repr the strategy, and HUGER's repr fails).
NUMBERS_IN_JSON = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([HUGE, -HUGE, 0, 1, 10**9, 10**10]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
)
POLICY_FIELDS = [f.name for f in attrs.fields(taskpoll.PollPolicy)]
POLICY_CHANGES = st.dictionaries(st.sampled_from([*POLICY_FIELDS, "intial_delay"]), NUMBERS, max_size=3)
IDS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", ".", "..", "a/b", "doc-\ud800", "x" * (MAX_TASK_ID_LENGTH + 1), "😀" * MAX_TASK_ID_LENGTH]),
    st.integers(),
    st.none(),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
TOKEN_PAYLOADS = st.fixed_dictionaries(
    {},
    optional={
        "v": st.sampled_from([1, 1, 2, "1", None]),
        "p": st.sampled_from(["artos", "notion", "", "x" * 200]) | st.text(max_size=8),
        "id": IDS | JSON,
        "s": JSON,
        "n": NUMBERS_IN_JSON | JSON,
    },
)


def _damaged(token: str, at: int, text: str) -> str:
    at %= len(token) + 1
    return token[:at] + text + token[at + len(text) :]


TOKENS = st.one_of(
    st.text(max_size=60),
    st.builds(lambda p: "tp1." + base64.urlsafe_b64encode(json.dumps(p).encode()).decode(), TOKEN_PAYLOADS),
    st.builds(_damaged, st.just(old_token("artos", "t", "Pending", 1.5)), st.integers(), st.text(max_size=4)),
    st.sampled_from(["tp1." + "A" * 20_000, "tp1." + base64.urlsafe_b64encode(b"[" * 6000).decode()]),
)
URLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["http://127.0.0.1:0", "http://127.0.0.1:65536", "http://[::1", "http://a b", "ftp://x", "http://\ud800/"]
    ),
    st.builds(lambda port: f"http://127.0.0.1:{port}", st.integers(min_value=-5, max_value=10**25)),
)
LATIN1 = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=60)
MONTHS = st.sampled_from(["Jan", "Feb", "Dec", "Foo"])
HTTP_DATES = st.builds(
    "{}, {} {} {} {}:{}:{} {}".format,
    st.sampled_from(["Mon", "Fri", "Xyz"]),
    st.integers(min_value=1, max_value=31) | st.integers(min_value=-1, max_value=99),
    MONTHS,
    st.sampled_from([1, 1970, 2026, 9999, 10**20]) | st.integers(min_value=-1, max_value=10**25),
    st.integers(min_value=0, max_value=23) | st.integers(min_value=0, max_value=99),
    st.integers(min_value=0, max_value=59),
    st.integers(min_value=0, max_value=59),
    st.sampled_from(["GMT", "UTC", "", "+0000", "-2359", "+2359", "+9999", "+99999999999999999999", "PST", "Z"]),
)
HEADER_VALUES = st.one_of(HTTP_DATES, LATIN1, st.floats().map(repr), st.integers().map(str), st.just("9" * 400))
BODIES = st.one_of(
    st.binary(max_size=200),
    JSON.map(lambda value: json.dumps(value).encode()),
    st.sampled_from([ARTOS_READY, ARTOS_PENDING, b'{"detail": "x"}', b"[" * 5000, b'{"status": NaN}']),
    st.builds(
        lambda status, extra: json.dumps(
            {"task_id": "t", "status": status, "progress": extra, "error": extra}
        ).encode(),
        st.sampled_from(["Pending", "Ready", "Failed", "Weird\n\x1b[2K"]) | st.text(max_size=10),
        JSON,
    ),
)
STATUSES = st.sampled_from([200, 200, 202, 302, 400, 401, 403, 404, 408, 429, 429, 500, 503, 520, 599])
TYPED = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], database=None
)


def _call(client: Any, how: str, task_id: Any, token: Any, timeout: Any) -> object:
    if how == "get":
        return client.get(task_id)
    if how == "wait":
        return client.wait(task_id, timeout=timeout)
    if how == "resume":
        return client.resume(token, timeout=timeout)
    return client.wait_many([task_id, "t"], timeout=timeout)


async def _call_async(client: Any, how: str, task_id: Any, token: Any, timeout: Any) -> object:
    if how == "get":
        return await client.get(task_id)
    if how == "wait":
        return await client.wait(task_id, timeout=timeout)
    if how == "resume":
        return await client.resume(token, timeout=timeout)
    return await client.wait_many([task_id, "t"], timeout=timeout)


def _run(options: dict[str, Any], colour: str, how: str, task_id: Any, token: Any, timeout: Any) -> None:
    """Build a client and make one call; anything but a TaskpollError fails the test."""
    try:
        if colour == "sync":
            with taskpoll.Client("artos", **options) as client:
                outcome = _call(client, how, task_id, token, timeout)
        else:

            async def main() -> object:
                async with taskpoll.AsyncClient("artos", **options) as client:
                    return await _call_async(client, how, task_id, token, timeout)

            outcome = asyncio.run(main())
    except TaskpollError:
        return
    if isinstance(outcome, list):
        assert all(isinstance(item, (Task, TaskpollError)) for item in outcome)
    else:
        assert isinstance(outcome, Task)


@given(
    colour=st.sampled_from(["sync", "async"]),
    how=st.sampled_from(["get", "wait", "resume", "wait_many"]),
    task_id=IDS,
    token=TOKENS,
)
@settings(TYPED, max_examples=100)
def test_no_task_id_or_token_raises_anything_but_a_taskpoll_error(
    server: CannedServer, colour: str, how: str, task_id: Any, token: Any
) -> None:
    server.answer_all(NOT_FOUND)  # every wait ends at its first answer
    options = {"api_key": "k", "base_url": server.base_url, "policy": FAST}
    _run(options, colour, how, task_id, token, 5)


@given(
    colour=st.sampled_from(["sync", "async"]),
    how=st.sampled_from(["get", "wait", "resume", "wait_many"]),
    option=st.sampled_from(["timeout", "rate_limit", "policy", "base_url", "api_key"]),
    number=NUMBERS,
    changes=POLICY_CHANGES,
    base_url=URLS,
    api_key=st.text(max_size=12) | st.sampled_from(["sk-\ud800", "", " ", "k\n", "ké", "k" * 10_000]),
)
@settings(TYPED, max_examples=100)
def test_no_client_option_raises_anything_but_a_taskpoll_error(
    server: CannedServer,
    colour: str,
    how: str,
    option: str,
    number: Any,
    changes: dict[str, Any],
    base_url: str,
    api_key: str,
) -> None:
    server.answer_all(NOT_FOUND)  # a valid set-up ends every wait at its first answer
    options: dict[str, Any] = {"api_key": "k", "base_url": server.base_url, "policy": FAST}
    timeout: Any = 5
    if option == "timeout":
        timeout = number
    elif option == "rate_limit":
        options["rate_limit"] = number
    elif option == "policy":
        try:
            options["policy"] = FAST.with_changes(**changes)
        except TaskpollError:
            return
    else:
        options[option] = base_url if option == "base_url" else api_key
    _run(options, colour, how, "t", old_token("artos", "t", None, None), timeout)


@given(
    colour=st.sampled_from(["sync", "async"]),
    how=st.sampled_from(["get", "wait", "resume", "wait_many"]),
    status=STATUSES,
    body=BODIES,
    retry=st.one_of(st.none(), HTTP_DATES, HEADER_VALUES),
    date=st.one_of(st.none(), HTTP_DATES),
    headers=st.dictionaries(st.sampled_from(["X-Request-Id", "Location", "Content-Type"]), HEADER_VALUES, max_size=2),
)
@settings(TYPED, max_examples=60)
def test_no_answer_raises_anything_but_a_taskpoll_error(
    server: CannedServer,
    colour: str,
    how: str,
    status: int,
    body: bytes,
    retry: str | None,
    date: str | None,
    headers: dict[str, str],
) -> None:
    extra = {"Retry-After": retry, "Date": date}
    headers = {**headers, **{name: value for name, value in extra.items() if value is not None}}
    server.answer_all(Canned(status, body, headers=tuple(headers.items())))
    policy = FAST.with_changes(max_hint=0.05, max_consecutive_failures=1)
    options = {"api_key": "k", "base_url": server.base_url, "policy": policy}
    _run(options, colour, how, "t", old_token("artos", "t", "Pending", 1.0), 0.25)
