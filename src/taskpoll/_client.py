"""Client and AsyncClient: get, wait, watch, resume, wait_many and as_completed, for one provider;
and the rest of a task's life: submit, run (submit, then wait), cancel and list_tasks.

Both are thin: they build the provider's flow (`_engine.wait_flow`; for `poll_once`, its one step
`_engine.poll_flow`), hand it to a driver with their httpx client, and turn the final Task into a
return value or a TaskFailedError/TaskCanceledError. Every decision is `_step`'s.
A submit, cancel or list is one `providers._base.Call` the adapter builds (bad input is refused
there, before any request) and `read_call` reads; it is sent again only after a connection that
provably never opened (a POST is not idempotent).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import math
import os
import random
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Literal, TypedDict, TypeVar, overload

import attrs
import httpx

from . import _step, _token
from ._drivers import OnPoll, drive, drive_async, drive_hop, drive_hop_async, drive_many, drive_many_async
from ._engine import Fetch, Flow, Hop, RateLimiter, Reply, Scheduler, poll_flow, wait_flow
from ._errors import ConfigurationError, InvalidTokenError, TaskCanceledError, TaskFailedError, TaskpollError, shown
from ._http import (
    ACCEPT_ENCODING,
    DEFAULT_LIMITS,
    DEFAULT_MAX_RESPONSE_BYTES,
    REQUEST_DEADLINE,
    REQUEST_PROGRESS,
    USER_AGENT,
    BodyTooLarge,
    KeyAuth,
    NotSent,
    Redactor,
    RequestProgress,
    aread_body,
    bound_requests,
    check_base_url,
    check_key,
    default_ssl_context,
    not_sent,
    read_body,
)
from ._policy import MAX_SECONDS, PollPolicy
from ._spool import SPOOL, Spool, items
from ._step import Done, PollAgain, RateLimit, WaitState
from ._task import Task, TaskState
from .providers import Provider, get
from .providers._base import Call, retry_after, sent_nothing
from .providers._results import Lenient

if TYPE_CHECKING:
    from typing import Unpack

    from taskpoll_artos_api.models import TaskStatusResponse
    from taskpoll_aryn_api.models import Element, PartitionerResponse
    from taskpoll_notion_api.models import AsyncTaskSucceeded
    from taskpoll_unsiloed_api.models import Chunk, ParseGetResponse
    from taskpoll_veza_api.models import AsyncTask

__all__ = ["AsyncClient", "Client"]

R = TypeVar("R")
T = TypeVar("T")
OnUpdate = Callable[[Task[Any]], object]
DEFAULT_TIMEOUT = 600.0
SUBMIT_TIMEOUT = 300.0  # a submit's one request, upload included (`timeout=` changes it)
CALL_ATTEMPTS = 3  # sends of one call when the connection never opened (nothing was sent)
CALL_BACKOFF = 0.25  # seconds before the second send, doubling
logger = logging.getLogger("taskpoll")
_PARSED_URL = "taskpoll_url"  # where `_Core._url` keeps a request's parsed URL in its request dict
_URL_CACHE_SIZE = 256  # parsed URLs of one-off requests kept per client


class _Options(TypedDict, total=False):
    api_key: str | None
    base_url: str | None
    policy: PollPolicy | None
    rate_limit: float | None
    allow_insecure_http: bool
    max_response_bytes: int | None


class _SyncOptions(_Options, total=False):
    http_client: httpx.Client | None


class _AsyncOptions(_Options, total=False):
    http_client: httpx.AsyncClient | None
    transport: Literal["httpx", "aiohttp"]


def _number(value: object) -> float | None:
    """`value` as a float; None when it is not an int or float, or an int too large for a float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return float(value)
    except OverflowError:
        return None


def _check_timeout(timeout: float | None) -> float:
    if timeout is None:
        return math.inf
    seconds = _number(timeout)
    if seconds is None or math.isnan(seconds) or seconds <= 0:
        raise ConfigurationError(f"timeout must be a number of seconds above 0 (or None), not {shown(timeout)}")
    return seconds


def _check_concurrency(concurrency: int) -> int:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ConfigurationError(f"concurrency must be an int >= 1, not {shown(concurrency)}")
    return concurrency


def _check_max_bytes(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_MAX_RESPONSE_BYTES
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ConfigurationError(f"max_response_bytes must be an int >= 1 (or None), not {limit!r}")
    return limit


def _refuse_async_callbacks(*callbacks: object) -> None:
    for callback in callbacks:
        if inspect.iscoroutinefunction(callback):
            raise ConfigurationError(
                "Client calls its callbacks synchronously and cannot await an `async def`: use AsyncClient, "
                "or pass a plain function"
            )


def _ids(task_ids: Iterable[str]) -> list[str]:
    if isinstance(task_ids, (str, bytes)):
        raise ConfigurationError("task_ids is a list of ids, not a single string")
    return list(task_ids)


class _Core(Generic[R]):
    """What both clients share: the provider, its key and URL, the policy, the rate limiter.

    And the edge where answers come in: each request is bounded as a whole by its deadline (see
    `_http.REQUEST_DEADLINE`), its body is streamed under `max_response_bytes` (decoded bytes), and
    the key is taken out of everything the server said (`_http.Redactor`) before an adapter reads it.
    """

    _owns_http: bool

    def __init__(
        self,
        provider: str | Provider[R],
        api_key: str | None,
        base_url: str | None,
        policy: PollPolicy | None,
        rate_limit: float | None,
        allow_insecure_http: bool,
        max_response_bytes: int | None = None,
    ) -> None:
        self._provider: Provider[R] = provider if isinstance(provider, Provider) else get(provider)
        name = self._provider.name
        key = check_key(
            api_key if api_key is not None else os.environ.get(self._provider.key_env), name, self._provider.key_env
        )
        self._auth = KeyAuth(self._provider.auth_header, self._provider.auth_scheme, key)
        self._redactor = Redactor(key)
        self._max_bytes = _check_max_bytes(max_response_bytes)
        url = base_url or os.environ.get(self._provider.base_url_env) or self._provider.default_base_url
        if url is None:
            raise ConfigurationError(
                f"{name} needs a base URL (each tenant has its own): pass base_url=... or set "
                f"{self._provider.base_url_env}",
                provider=name,
            )
        self.base_url = check_base_url(url, name, allow_insecure_http)
        if policy is not None and not isinstance(policy, PollPolicy):
            raise ConfigurationError(f"policy must be a taskpoll.PollPolicy, not {type(policy).__name__}")
        self.policy = policy or self._provider.default_policy
        rate = self._provider.rate_limit if rate_limit is None else rate_limit
        per_second = None if rate is None else _number(rate)
        # Below one request in MAX_SECONDS the interval no longer fits a sleep; inf: no limit.
        if rate is not None and (per_second is None or not per_second >= 1 / MAX_SECONDS):
            raise ConfigurationError(
                f"rate_limit must be requests per second from {1 / MAX_SECONDS:g} up (inf: no limit), not {shown(rate)}"
            )
        self._limiter = RateLimiter(per_second) if per_second is not None and math.isfinite(per_second) else None
        self._rng = random.Random()
        self._urls: dict[tuple[str, Any], httpx.URL] = {}
        self._merged_headers: dict[tuple[tuple[str, str], ...], httpx.Headers] = {}

    @property
    def provider(self) -> str:
        return self._provider.name

    def __repr__(self) -> str:
        return f"{type(self).__name__}(provider={self.provider!r}, base_url={self.base_url!r})"

    def _http_options(self) -> dict[str, Any]:
        """How taskpoll configures an httpx client it owns, sync or async: never follow a redirect."""
        return {
            "timeout": self.policy.request_timeout,
            "follow_redirects": False,
            "limits": DEFAULT_LIMITS,
            "verify": default_ssl_context(),
            "headers": {"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
        }

    def _build(self, fetch: Fetch, http: httpx.Client | httpx.AsyncClient) -> tuple[httpx.Request, float] | Reply:
        """The request to send now and its deadline (monotonic), or, when the wait's deadline has
        already passed, the timeout reply."""
        if http.is_closed:
            raise ConfigurationError(
                f"this {type(self).__name__} is closed (or its http_client is): make a new one, or use it "
                "inside its `with` block",
                provider=self.provider,
            )
        now = time.monotonic()
        timeout = fetch.timeout_at(now)
        if timeout <= 0:
            return Reply(now, error=NotSent("not sent: the wait's deadline passed before the request could go out"))
        spec = fetch.request
        if self._owns_http and not http.cookies:
            # What build_request would make of it, without merging the client's defaults again on each
            # poll: the client's headers with the request's own, a URL parsed once per task.
            request = httpx.Request(
                spec["method"],
                self._url(spec),
                headers=self._headers(spec.get("headers"), http),
                extensions={"timeout": {"connect": timeout, "read": timeout, "write": timeout, "pool": timeout}},
            )
            return request, now + timeout
        headers = spec.get("headers") or None
        if not self._owns_http:  # only gzip and deflate are decoded in bounded steps
            headers = {**(headers or {}), "Accept-Encoding": ACCEPT_ENCODING}
        if http.params:  # a client of the caller's with its own query params: httpx merges them into ours
            request = http.build_request(
                spec["method"], self.base_url + spec["url"], params=spec.get("params"), headers=headers, timeout=timeout
            )
        else:
            request = http.build_request(spec["method"], self._url(spec), headers=headers, timeout=timeout)
        return request, now + timeout

    def _headers(self, extra: dict[str, str] | None, http: httpx.Client | httpx.AsyncClient) -> httpx.Headers:
        """The owned client's headers merged with a request's own (Notion-Version), once per distinct set.

        They never hold the key: KeyAuth adds it to each request's own copy.
        """
        key = tuple(extra.items()) if extra else ()
        merged = self._merged_headers.get(key)
        if merged is None:
            merged = httpx.Headers(http.headers)
            merged.update(extra or {})
            self._merged_headers[key] = merged
        return merged

    def _url(self, spec: dict[str, Any]) -> httpx.URL:
        """The request's URL, query included, parsed once per task rather than on every poll.

        httpx parses a str URL on each `build_request`, and once more to merge `params` (51 us a poll
        for Aryn); an `httpx.URL` without params is only copied. A wait's flow sends the same request
        dict on every poll, so the URL is kept in it; one-off requests (`get`, `poll_once`) find it
        in a small per-client cache by path and query.
        """
        url: httpx.URL | None = spec.get(_PARSED_URL)
        if url is not None:
            return url
        params = spec.get("params") or None
        key: tuple[str, Any] | None = (spec["url"], None if params is None else tuple(params.items()))
        try:
            url = self._urls.get(key)  # type: ignore[arg-type]
        except TypeError:  # a list in the query: not hashable, parsed each time
            key = None
        if url is None:
            url = httpx.URL(self.base_url + spec["url"], params=params)
            if key is not None:
                if len(self._urls) >= _URL_CACHE_SIZE:
                    del self._urls[next(iter(self._urls))]  # the oldest entry
                self._urls[key] = url
        spec[_PARSED_URL] = url
        return url

    def _answer(self, response: httpx.Response, body: bytes, spool: Spool | None = None) -> Reply:
        response._content = self._redactor.response(response, body)  # what httpx's own read() sets
        if spool is not None and spool.spilled:  # the body is in the spool (redacted), `body` its head
            response.extensions[SPOOL] = spool
        return Reply(time.monotonic(), response=response)

    # Streaming a large result: one item at a time from a spooled body ---------------------------

    def _streamed(self) -> tuple[str, Lenient[Any]]:
        streamed = self._provider.streamed
        if streamed is None:
            raise ConfigurationError(
                f"{self.provider} results have no list of elements to stream: use wait()", provider=self.provider
            )
        return streamed

    def _spool(self) -> Spool:
        return Spool(self._redactor.data, self._redactor.longest)

    def _elements(self, task: Task[R], spool: Spool, streamed: tuple[str, Lenient[Any]]) -> Iterator[Any]:
        """The finished task's items: read one by one from the spool, or from its result when the
        answer was small enough to be parsed whole (the same models either way)."""
        key, reader = streamed
        if spool.found is None:
            yield from getattr(task.result, key, None) or ()
            return
        for index, item in enumerate(items(spool, key)):
            model, issues = reader.build(item, f"result.{key}[{index}]")
            if issues:
                logger.warning(
                    "%s task %r: %s left out of the stream (it does not fit the spec): %s",
                    self.provider,
                    task.id,
                    f"{key}[{index}]" if model is None else f"a part of {key}[{index}]",
                    "; ".join(issues[:3]),
                )
            if model is not None:
                yield model

    def _failure(self, error: httpx.HTTPError) -> Reply:
        if isinstance(error, BodyTooLarge):
            error.excerpt = self._redactor.response(error.response, error.excerpt)
            return Reply(time.monotonic(), error=error)
        return Reply(time.monotonic(), error=self._redactor.error(error))

    def _flow(self, task_id: str, timeout: float | None, state: WaitState | None = None) -> Flow[R]:
        return wait_flow(
            self._provider,
            task_id,
            self.policy,
            timeout=_check_timeout(timeout),
            started=time.monotonic() if state is None or state.started is None else state.started,
            rng=self._rng,
            limiter=self._limiter,
            state=state,
        )

    def _resume(self, token: str, timeout: float | None) -> WaitState:
        """The wait a token holds (any version taskpoll issued), carried on for `timeout` from now in
        this process's monotonic clock: its backoff, failure and 429 streaks, last state and the
        server's next-poll time go on; the deadline is the new one."""
        resume = _token.decode(token)  # checks the provider name and the task id, as for any token
        if resume.provider != self.provider:
            raise InvalidTokenError(
                f"this token is for a {resume.provider} task, and this client polls {self.provider}",
                provider=self.provider,
                task_id=resume.task_id,
            )
        seconds = _check_timeout(timeout)
        now = time.monotonic()
        state = WaitState.from_token(token, clock_offset=time.time() - now)
        if state.attempt == 0:  # no poll of it has been decided (a Task's token, a v1 one): jitter of its own
            state = attrs.evolve(state, seed=self._rng.getrandbits(64))
        return _step.resumed(state, now=now, timeout=seconds)

    # Submit, cancel, list: one request each, never retried once it may have been sent ----------

    def _call_request(self, call: Call[Any], http: httpx.Client | httpx.AsyncClient, timeout: float) -> httpx.Request:
        if http.is_closed:
            raise ConfigurationError(
                f"this {type(self).__name__} is closed (or its http_client is): make a new one, or use it "
                "inside its `with` block",
                provider=self.provider,
            )
        spec = call.request
        headers = dict(spec.get("headers") or {})
        if spec.get("files") is not None:
            # httpx picks a random multipart boundary when no Content-Type is set; the generated code
            # sets one with the fixed boundary "+++", which a document's bytes could contain.
            headers.pop("Content-Type", None)
        if not self._owns_http:
            headers["Accept-Encoding"] = ACCEPT_ENCODING
        return http.build_request(
            spec["method"],
            self.base_url + spec["url"],
            params=spec.get("params") or None,
            headers=headers or None,
            json=spec.get("json"),
            files=spec.get("files"),
            timeout=timeout,
        )

    @staticmethod
    def _again(call: Call[Any], reply: Reply, attempt: int, deadline: float) -> float | None:
        """The pause before sending a call again, or None. Only a connection that never opened is
        retried, and a refusal the provider documents as safe to resend (`Call.retry_statuses`)."""
        if attempt + 1 >= CALL_ATTEMPTS:
            return None
        pause = CALL_BACKOFF * 2**attempt
        if reply.error is not None:
            if not sent_nothing(reply.error):
                return None
        elif reply.response is None or reply.response.status_code not in call.retry_statuses:
            return None
        else:
            told = retry_after(reply.response)
            pause = max(pause, told) if told is not None else pause
        return pause if time.monotonic() + pause < deadline else None

    def _submit_call(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Call[Task[R]]:
        build = self._provider.submit_call
        signature = inspect.signature(build)
        try:
            signature.bind(*args, **kwargs)
        except TypeError as exc:  # a wrong argument is the caller's mistake, said in taskpoll's words
            shape = str(signature.replace(return_annotation=inspect.Signature.empty)).replace("'", "")
            raise ConfigurationError(f"{self.provider} submit{shape}: {exc}", provider=self.provider) from None
        return build(*args, **kwargs)

    def _run_deadlines(self, timeout: float | None) -> tuple[float, float]:
        """(the wait's whole budget in seconds, the submit's share of it)."""
        budget = _check_timeout(timeout)
        return budget, min(budget, SUBMIT_TIMEOUT)

    @staticmethod
    def _left(budget: float, started: float) -> float | None:
        if budget == math.inf:
            return None
        return max(budget - (time.monotonic() - started), 1e-3)

    # The step API: one poll per call, in wall-clock time, for waits carried by a job queue -------

    def new_wait(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> WaitState:
        """A new wait for `task_id` (no request yet), to be carried by `poll_once` calls anywhere.

        Its times are wall-clock (`time.time()`), so its token (`state.token()`) can move between
        processes and machines; `timeout` bounds the whole wait, across every hop.
        """
        self._provider.status_request(task_id)  # refuses a bad id before anything is scheduled
        return _step.begin(
            self.provider, task_id, now=time.time(), timeout=_check_timeout(timeout), seed=self._rng.getrandbits(64)
        )

    def _hop_state(self, state: WaitState | str) -> WaitState:
        if isinstance(state, str):
            state = WaitState.from_token(state)
        elif not isinstance(state, WaitState):
            raise ConfigurationError(f"poll_once takes a WaitState or its token, not {type(state).__name__}")
        if state.provider != self.provider:
            raise InvalidTokenError(
                f"this wait is for a {state.provider} task, and this client polls {self.provider}",
                provider=self.provider,
                task_id=state.task_id,
            )
        return state

    def _book_wall(self, now: float) -> float:
        """The rate limiter's next slot for a poll at wall-clock `now` (the limiter runs on monotonic time)."""
        assert self._limiter is not None
        mono = time.monotonic()
        return now + (self._limiter.book(mono) - mono)

    def _hop(self, state: WaitState | str, rate_limit: RateLimit | None) -> Hop[R]:
        """What `poll_once` runs: the wait's one step (`_engine.poll_flow`), in wall-clock time."""
        state = self._hop_state(state)
        limiter = rate_limit if rate_limit is not None else _WallLimiter(self) if self._limiter is not None else None
        return poll_flow(self._provider, state, self.policy, now=time.time(), limiter=limiter)

    @staticmethod
    def _monotonic(fetch: Fetch) -> Fetch:
        """A step's Fetch (its deadline wall-clock) as the senders take it: deadline monotonic."""
        return attrs.evolve(fetch, deadline=time.monotonic() + fetch.timeout)

    @staticmethod
    def _wall(reply: Reply) -> Reply:
        """A sender's Reply (monotonic) as the step takes it: wall-clock."""
        return attrs.evolve(reply, now=time.time())

    def _scheduler(self, task_ids: list[str], timeout: float | None, concurrency: int) -> Scheduler[R]:
        _check_concurrency(concurrency)
        flows = [self._flow(task_id, timeout) for task_id in task_ids]
        return Scheduler(flows, concurrency=concurrency, now=time.monotonic())

    @staticmethod
    def _final(task: Task[R], raise_on_failure: bool) -> Task[R]:
        if raise_on_failure and task.state is TaskState.FAILED:
            raise TaskFailedError(task)
        if raise_on_failure and task.state is TaskState.CANCELED:
            raise TaskCanceledError(task)
        return task

    @staticmethod
    def _outcome(outcome: Task[R] | TaskpollError, raise_on_failure: bool) -> Task[R] | TaskpollError:
        if isinstance(outcome, Task) and raise_on_failure and outcome.state in (TaskState.FAILED, TaskState.CANCELED):
            return TaskFailedError(outcome) if outcome.state is TaskState.FAILED else TaskCanceledError(outcome)
        return outcome


def _pause(seconds: float) -> None:
    """time.sleep, skipped when there is nothing to wait (time.sleep(0) still costs 50-100 us on Linux,
    its timer slack): the one sleep of the sync client, passed to the drivers and used between retries."""
    if seconds > 0:
        time.sleep(seconds)


def _aiohttp_transport() -> httpx.AsyncBaseTransport:
    try:
        from ._aiohttp import AiohttpTransport
    except ImportError as exc:
        raise ConfigurationError(
            f"transport='aiohttp' needs the aiohttp extra: pip install 'taskpoll[aiohttp]' ({exc})"
        ) from None
    return AiohttpTransport(DEFAULT_LIMITS)


class _WallLimiter:
    """A client's in-process limiter, booked in wall-clock time (the step API's clock)."""

    def __init__(self, core: _Core[Any]) -> None:
        self._core = core

    def book(self, now: float) -> float:
        return self._core._book_wall(now)


class Client(_Core[R]):
    """Poll one provider's tasks, blocking.

        with taskpoll.Client("aryn") as client:          # key from ARYN_API_KEY
            task = client.wait("aryn:t-47gpd3604e5tz79z1jro5fc", timeout=600)
            elements = task.result.elements

    `api_key` defaults to the provider's environment variable, `base_url` to the spec's server (or
    the provider's base-URL variable). Pass `http_client` to bring your own httpx.Client (proxies,
    transports); taskpoll then neither configures nor closes it, and sets the key per request only.

    Each request (connect, send, headers, body) is bounded as a whole by `min(request_timeout, what
    is left of the wait)`, and each body by `max_response_bytes` decoded bytes (256 MiB by default;
    ResponseTooLargeError past it). With your own `http_client` taskpoll cannot reach into its
    transport: the body read still stops at the deadline (checked after each chunk that arrives),
    but a server that drips its status line or headers is bounded only by httpx's per-read timeout.
    """

    @overload
    def __init__(
        self: Client[PartitionerResponse], provider: Literal["aryn"], **options: Unpack[_SyncOptions]
    ) -> None: ...
    @overload
    def __init__(
        self: Client[TaskStatusResponse], provider: Literal["artos"], **options: Unpack[_SyncOptions]
    ) -> None: ...
    @overload
    def __init__(self: Client[AsyncTask], provider: Literal["veza"], **options: Unpack[_SyncOptions]) -> None: ...
    @overload
    def __init__(
        self: Client[ParseGetResponse], provider: Literal["unsiloed"], **options: Unpack[_SyncOptions]
    ) -> None: ...
    @overload
    def __init__(
        self: Client[AsyncTaskSucceeded], provider: Literal["notion"], **options: Unpack[_SyncOptions]
    ) -> None: ...
    @overload
    def __init__(self, provider: Provider[R], **options: Unpack[_SyncOptions]) -> None: ...

    def __init__(
        self,
        provider: str | Provider[R],
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        http_client: httpx.Client | None = None,
        policy: PollPolicy | None = None,
        rate_limit: float | None = None,
        allow_insecure_http: bool = False,
        max_response_bytes: int | None = None,
    ) -> None:
        super().__init__(provider, api_key, base_url, policy, rate_limit, allow_insecure_http, max_response_bytes)
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise ConfigurationError("http_client must be an httpx.Client (use AsyncClient for httpx.AsyncClient)")
        self._owns_http = http_client is None
        if http_client is None:
            http_client = httpx.Client(**self._http_options())
            bound_requests(http_client)
        self._http = http_client

    def _send(self, fetch: Fetch, spool: Spool | None = None) -> Reply:
        built = self._build(fetch, self._http)
        if isinstance(built, Reply):
            return built
        request, deadline = built
        return self._exchange(request, deadline, spool)

    def _exchange(self, request: httpx.Request, deadline: float, spool: Spool | None = None) -> Reply:
        """Send one request and read its answer, the whole exchange bounded by `deadline`: every
        request taskpoll makes (a poll, a submit, a cancel, a list) goes through here."""
        progress = RequestProgress()
        token, progress_token = REQUEST_DEADLINE.set(deadline), REQUEST_PROGRESS.set(progress)
        if spool is not None:
            spool.reset()
        try:
            response = self._http.send(request, auth=self._auth, follow_redirects=False, stream=True)
            body = read_body(response, self._max_bytes, deadline, spool)
        except httpx.HTTPError as exc:
            return self._failure(not_sent(exc, progress))
        finally:
            REQUEST_DEADLINE.reset(token)
            REQUEST_PROGRESS.reset(progress_token)
        return self._answer(response, body, spool)

    def get(self, task_id: str) -> Task[R]:
        """One status request: the task as the provider sees it now. Errors are raised, not retried."""
        fetch = Fetch(self._provider.status_request(task_id), self.policy.request_timeout)
        if self._limiter is not None:
            _pause(self._limiter.reserve(time.monotonic()))
        return self._provider.read(task_id, self._send(fetch))

    def _call(self, call: Call[T], timeout: float) -> T:
        deadline = time.monotonic() + timeout
        attempt = 0
        while True:
            if self._limiter is not None:
                _pause(self._limiter.reserve(time.monotonic()))
            reply = self._send_call(call, deadline)
            pause = self._again(call, reply, attempt, deadline)
            if pause is None:
                return self._provider.read_call(call, reply)
            attempt += 1
            _pause(pause)

    def _send_call(self, call: Call[Any], deadline: float) -> Reply:
        left = deadline - time.monotonic()
        if left <= 0:
            return Reply(time.monotonic(), error=httpx.PoolTimeout("the deadline passed before the request was sent"))
        return self._exchange(self._call_request(call, self._http, left), deadline)

    def submit(self, *args: Any, timeout: float | None = SUBMIT_TIMEOUT, **kwargs: Any) -> Task[R]:
        """Start a task and return it (its id and first state) without waiting.

        The arguments are the provider's (see `taskpoll.providers.<name>`, e.g. Aryn's
        `submit("report.pdf", options=PartitionOptions(use_ocr=True))`); bad input raises
        ConfigurationError before anything is sent. `timeout` bounds the one request, upload included.
        The request is sent again only if its connection never opened; an answer that is an error
        raises the provider's error (BadRequestError, RateLimitError, ...), and no answer after the
        request may have left raises SubmitOutcomeUnknownError. Notion may answer at once with the
        finished result: the Task is then already SUCCEEDED.
        """
        call = self._submit_call(args, kwargs)
        return self._call(call, _check_timeout(timeout))

    def run(
        self,
        *args: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        raise_on_failure: bool = True,
        on_update: OnUpdate | None = None,
        on_poll: OnPoll | None = None,
        **kwargs: Any,
    ) -> Task[R]:
        """`submit`, then `wait` for the task: one deadline (`timeout`) for both, wait's policy and errors.

        A WaitTimeoutError still carries the task id and a token to resume the wait with.
        """
        _refuse_async_callbacks(on_update, on_poll)
        budget, share = self._run_deadlines(timeout)
        started = time.monotonic()
        call = self._submit_call(args, kwargs)
        task = self._call(call, share)
        if on_update is not None:
            on_update(task)
        if task.state.is_terminal:
            return self._final(task, raise_on_failure)
        flow = self._flow(task.id, self._left(budget, started))
        return self._wait(flow, raise_on_failure, on_update, on_poll)

    def cancel(self, task_id: str) -> None:
        """Ask the provider to cancel the task (Aryn); UnsupportedOperationError where it has no cancel.

        Returns once the provider accepted; the task's next status says when it stopped.
        """
        call = self._provider.cancel_call(task_id)
        self._call(call, self.policy.request_timeout)

    def list_tasks(self) -> list[Task[R]]:
        """The account's tasks as the provider lists them (Aryn), each with its state and no result."""
        call = self._provider.list_call()
        return self._call(call, self.policy.request_timeout)

    def poll_once(self, state: WaitState | str, *, rate_limit: RateLimit | None = None) -> PollAgain | Done[R]:
        """One step of a wait carried elsewhere (`new_wait`, then a job queue): never sleeps.

        Polls now if the wait may (its hint, its rate-limit slot and its deadline allow), and returns
        `Done` (the final Task, or the error that ended the wait) or `PollAgain(at=T, reason=...)`
        with the state to pass next time; T is wall-clock. A request never outlives the deadline.
        `rate_limit` books the slot from a limiter shared by many processes (wall-clock `book(now)`)
        instead of this client's own.
        """
        step, _, _ = drive_hop(
            self._hop(state, rate_limit), lambda fetch: self._wall(self._send(self._monotonic(fetch)))
        )
        return step

    def watch(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Iterator[Task[R]]:
        """Each change the polls observe (state, status or progress), ending with the final Task."""
        return drive(self._flow(task_id, timeout), self._send, _pause, time.monotonic)

    def wait(
        self,
        task_id: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        raise_on_failure: bool = True,
        on_update: OnUpdate | None = None,
        on_poll: OnPoll | None = None,
    ) -> Task[R]:
        """Poll until the task is final and return it; raise TaskFailedError/TaskCanceledError when it
        did not succeed (unless `raise_on_failure=False`) and WaitTimeoutError when `timeout` passes.
        `on_update` gets each changed Task; `on_poll` gets a PollEvent after every poll (the next
        delay and why), for progress displays.
        """
        return self._wait(self._flow(task_id, timeout), raise_on_failure, on_update, on_poll)

    def resume(
        self,
        token: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        raise_on_failure: bool = True,
        on_update: OnUpdate | None = None,
        on_poll: OnPoll | None = None,
    ) -> Task[R]:
        """`wait` for the task a token names (`Task.token()`, `WaitTimeoutError.token`, `WaitState.token()`,
        or an older taskpoll's `tp1.` token), carrying on its wait: its backoff, failure budget, 429
        streak and the server's next-poll time hold; `timeout` is the resumed wait's own deadline."""
        state = self._resume(token, timeout)
        flow = self._flow(state.task_id, timeout, state)
        return self._wait(flow, raise_on_failure, on_update, on_poll)

    def _wait(
        self, flow: Flow[R], raise_on_failure: bool, on_update: OnUpdate | None, on_poll: OnPoll | None
    ) -> Task[R]:
        _refuse_async_callbacks(on_update, on_poll)
        last: Task[R] | None = None
        for last in drive(flow, self._send, _pause, time.monotonic, on_poll):
            if on_update is not None:
                on_update(last)
        assert last is not None  # a flow always shows its final Task before it ends
        return self._final(last, raise_on_failure)

    @overload
    def iter_elements(
        self: Client[PartitionerResponse], task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT
    ) -> Iterator[Element]: ...
    @overload
    def iter_elements(
        self: Client[ParseGetResponse], task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT
    ) -> Iterator[Chunk]: ...
    @overload
    def iter_elements(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Iterator[Any]: ...

    def iter_elements(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Iterator[Any]:
        """`wait` for the task, then yield its result's elements one at a time (Aryn's `Element`s,
        Unsiloed's `Chunk`s), never holding the whole result in memory.

        The final answer's body is spooled to a temporary file as it arrives (so the connection is
        free at once, and a request that breaks off is retried like any other poll), then read back
        one element at a time: the same generated models `wait().result` holds, read as tolerantly
        (an element that does not fit is left out and logged). Polling starts at the first `next()`;
        errors are those of `wait`. Close the iterator (or finish it) to remove the file at once.
        """
        streamed = self._streamed()
        return self._iter_elements(self._flow(task_id, timeout), streamed)

    def _iter_elements(self, flow: Flow[R], streamed: tuple[str, Lenient[Any]]) -> Iterator[Any]:
        spool = self._spool()
        try:
            last: Task[R] | None = None
            for seen in drive(flow, lambda fetch: self._send(fetch, spool), _pause, time.monotonic):
                last = seen
            assert last is not None
            yield from self._elements(self._final(last, True), spool, streamed)
        finally:
            spool.close()

    def as_completed(
        self,
        task_ids: Iterable[str],
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        concurrency: int = 1,
        raise_on_failure: bool = False,
        on_update: OnUpdate | None = None,
        on_poll: OnPoll | None = None,
    ) -> Iterator[Task[R] | TaskpollError]:
        """Each task's outcome as it finishes: its final Task, or the error that ended its wait."""
        _refuse_async_callbacks(on_update, on_poll)
        scheduler = self._scheduler(_ids(task_ids), timeout, concurrency)
        for _, outcome in drive_many(scheduler, self._send, _pause, time.monotonic, on_update, on_poll):
            yield self._outcome(outcome, raise_on_failure)

    def wait_many(
        self,
        task_ids: Iterable[str],
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        concurrency: int = 1,
        raise_on_failure: bool = False,
        on_update: OnUpdate | None = None,
        on_poll: OnPoll | None = None,
    ) -> list[Task[R] | TaskpollError]:
        """Wait for all the tasks under one deadline; outcomes in the order of `task_ids`.

        A task's failure or error does not stop the others: its place in the list holds the error
        (TaskFailedError/TaskCanceledError for failed tasks only with `raise_on_failure=True`).
        """
        _refuse_async_callbacks(on_update, on_poll)
        ids = _ids(task_ids)
        scheduler = self._scheduler(ids, timeout, concurrency)
        for _ in drive_many(scheduler, self._send, _pause, time.monotonic, on_update, on_poll):
            pass
        return [self._outcome(scheduler.outcomes[i], raise_on_failure) for i in range(len(ids))]

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Client[R]:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncClient(_Core[R]):
    """Client's twin for asyncio: the same methods, awaitable; `watch` and `as_completed` are async
    iterators, and `wait_many` runs up to `concurrency` requests at once. Each request is bounded as
    a whole, with your own `http_client` too (an `asyncio.timeout` around the send and the body read).

    `transport="aiohttp"` (the `aiohttp` extra: httpx-aiohttp) runs the same requests over aiohttp's
    connector: for many concurrent waits, about 4x the requests per second of httpx's own async pool
    and one connection per concurrent request (docs/benchmarks.md); errors, caps, deadlines and
    redaction are the same.
    """

    @overload
    def __init__(
        self: AsyncClient[PartitionerResponse], provider: Literal["aryn"], **options: Unpack[_AsyncOptions]
    ) -> None: ...
    @overload
    def __init__(
        self: AsyncClient[TaskStatusResponse], provider: Literal["artos"], **options: Unpack[_AsyncOptions]
    ) -> None: ...
    @overload
    def __init__(self: AsyncClient[AsyncTask], provider: Literal["veza"], **options: Unpack[_AsyncOptions]) -> None: ...
    @overload
    def __init__(
        self: AsyncClient[ParseGetResponse], provider: Literal["unsiloed"], **options: Unpack[_AsyncOptions]
    ) -> None: ...
    @overload
    def __init__(
        self: AsyncClient[AsyncTaskSucceeded], provider: Literal["notion"], **options: Unpack[_AsyncOptions]
    ) -> None: ...
    @overload
    def __init__(self, provider: Provider[R], **options: Unpack[_AsyncOptions]) -> None: ...

    def __init__(
        self,
        provider: str | Provider[R],
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        policy: PollPolicy | None = None,
        rate_limit: float | None = None,
        allow_insecure_http: bool = False,
        max_response_bytes: int | None = None,
        transport: Literal["httpx", "aiohttp"] = "httpx",
    ) -> None:
        super().__init__(provider, api_key, base_url, policy, rate_limit, allow_insecure_http, max_response_bytes)
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise ConfigurationError("http_client must be an httpx.AsyncClient (use Client for httpx.Client)")
        if transport not in ("httpx", "aiohttp"):
            raise ConfigurationError(f"transport is 'httpx' or 'aiohttp', not {shown(transport)}")
        if transport == "aiohttp" and http_client is not None:
            raise ConfigurationError("transport='aiohttp' configures a client taskpoll owns: pass one or the other")
        self._owns_http = http_client is None
        # Whether each connect, read and write is clipped to the request's deadline by the network backend
        # (`bound_requests`); otherwise asyncio.timeout bounds the whole request.
        self._clipped = False
        if http_client is None:
            options = self._http_options()
            if transport == "aiohttp":
                options["transport"] = _aiohttp_transport()
            http_client = httpx.AsyncClient(**options)
            self._clipped = bound_requests(http_client) > 0 and transport == "httpx"
        self._http = http_client

    async def _send(self, fetch: Fetch, spool: Spool | None = None) -> Reply:
        built = self._build(fetch, self._http)
        if isinstance(built, Reply):
            return built
        request, deadline = built
        return await self._exchange(request, deadline, spool)

    async def _exchange(self, request: httpx.Request, deadline: float, spool: Spool | None = None) -> Reply:
        """`Client._exchange`, awaited: every request taskpoll makes goes through here."""
        progress = RequestProgress()
        token, progress_token = REQUEST_DEADLINE.set(deadline), REQUEST_PROGRESS.set(progress)
        if spool is not None:
            spool.reset()
        try:
            # A client taskpoll owns over httpx's pool clips each connect, read and write to the
            # deadline (and the pool's wait has its own timeout, clipped too), so it needs no
            # cancellation; over aiohttp, or for a client of the caller's, asyncio.timeout bounds it.
            async with asyncio.timeout(None if self._clipped else deadline - time.monotonic()):
                response = await self._http.send(request, auth=self._auth, follow_redirects=False, stream=True)
                body = await aread_body(response, self._max_bytes, deadline, spool)
        except httpx.HTTPError as exc:
            return self._failure(not_sent(exc, progress))
        except TimeoutError:
            return self._failure(httpx.ReadTimeout("the request's deadline passed", request=request))
        finally:
            REQUEST_DEADLINE.reset(token)
            REQUEST_PROGRESS.reset(progress_token)
        return self._answer(response, body, spool)

    async def get(self, task_id: str) -> Task[R]:
        """One status request: the task as the provider sees it now. Errors are raised, not retried."""
        fetch = Fetch(self._provider.status_request(task_id), self.policy.request_timeout)
        if self._limiter is not None:
            await asyncio.sleep(self._limiter.reserve(time.monotonic()))
        return self._provider.read(task_id, await self._send(fetch))

    async def _call(self, call: Call[T], timeout: float) -> T:
        deadline = time.monotonic() + timeout
        attempt = 0
        while True:
            if self._limiter is not None:
                await asyncio.sleep(self._limiter.reserve(time.monotonic()))
            reply = await self._send_call(call, deadline)
            pause = self._again(call, reply, attempt, deadline)
            if pause is None:
                return self._provider.read_call(call, reply)
            attempt += 1
            await asyncio.sleep(pause)

    async def _send_call(self, call: Call[Any], deadline: float) -> Reply:
        left = deadline - time.monotonic()
        if left <= 0:
            return Reply(time.monotonic(), error=httpx.PoolTimeout("the deadline passed before the request was sent"))
        return await self._exchange(self._call_request(call, self._http, left), deadline)

    async def submit(self, *args: Any, timeout: float | None = SUBMIT_TIMEOUT, **kwargs: Any) -> Task[R]:
        """Start a task and return it without waiting; see Client.submit. A document is read in a
        worker thread, so a large file does not block the event loop."""
        call = await asyncio.to_thread(self._submit_call, args, kwargs)
        return await self._call(call, _check_timeout(timeout))

    async def run(
        self,
        *args: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        raise_on_failure: bool = True,
        on_update: OnUpdate | None = None,
        on_poll: OnPoll | None = None,
        **kwargs: Any,
    ) -> Task[R]:
        """`submit`, then `wait`, under one deadline; see Client.run."""
        budget, share = self._run_deadlines(timeout)
        started = time.monotonic()
        call = await asyncio.to_thread(self._submit_call, args, kwargs)
        task = await self._call(call, share)
        if on_update is not None:
            result = on_update(task)
            if inspect.isawaitable(result):
                await result
        if task.state.is_terminal:
            return self._final(task, raise_on_failure)
        flow = self._flow(task.id, self._left(budget, started))
        return await self._wait(flow, raise_on_failure, on_update, on_poll)

    async def cancel(self, task_id: str) -> None:
        """Ask the provider to cancel the task; see Client.cancel."""
        call = self._provider.cancel_call(task_id)
        await self._call(call, self.policy.request_timeout)

    async def list_tasks(self) -> list[Task[R]]:
        """The account's tasks as the provider lists them; see Client.list_tasks."""
        call = self._provider.list_call()
        return await self._call(call, self.policy.request_timeout)

    async def poll_once(self, state: WaitState | str, *, rate_limit: RateLimit | None = None) -> PollAgain | Done[R]:
        """One step of a wait carried elsewhere; see Client.poll_once. Never sleeps."""

        async def send(fetch: Fetch) -> Reply:
            return self._wall(await self._send(self._monotonic(fetch)))

        step, _, _ = await drive_hop_async(self._hop(state, rate_limit), send, time.time)  # a hop tells wall time
        return step

    def watch(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> AsyncIterator[Task[R]]:
        """Each change the polls observe (state, status or progress), ending with the final Task."""
        return drive_async(self._flow(task_id, timeout), self._send, time.monotonic)

    async def wait(
        self,
        task_id: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        raise_on_failure: bool = True,
        on_update: OnUpdate | None = None,
        on_poll: OnPoll | None = None,
    ) -> Task[R]:
        """Poll until the task is final; see Client.wait."""
        return await self._wait(self._flow(task_id, timeout), raise_on_failure, on_update, on_poll)

    async def resume(
        self,
        token: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        raise_on_failure: bool = True,
        on_update: OnUpdate | None = None,
        on_poll: OnPoll | None = None,
    ) -> Task[R]:
        """`wait` for the task a token names, honouring its last hint; see Client.resume."""
        state = self._resume(token, timeout)
        flow = self._flow(state.task_id, timeout, state)
        return await self._wait(flow, raise_on_failure, on_update, on_poll)

    async def _wait(
        self, flow: Flow[R], raise_on_failure: bool, on_update: OnUpdate | None, on_poll: OnPoll | None
    ) -> Task[R]:
        last: Task[R] | None = None
        async for last in drive_async(flow, self._send, time.monotonic, on_poll):
            if on_update is not None:
                result = on_update(last)
                if inspect.isawaitable(result):  # an `async def` callback is awaited
                    await result
        assert last is not None
        return self._final(last, raise_on_failure)

    @overload
    def iter_elements(
        self: AsyncClient[PartitionerResponse], task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT
    ) -> AsyncIterator[Element]: ...
    @overload
    def iter_elements(
        self: AsyncClient[ParseGetResponse], task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT
    ) -> AsyncIterator[Chunk]: ...
    @overload
    def iter_elements(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> AsyncIterator[Any]: ...

    def iter_elements(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> AsyncIterator[Any]:
        """`wait` for the task, then yield its result's elements one at a time; see Client.iter_elements.

        `async for element in client.iter_elements(task_id)`; the spooled body is read back in
        64 KiB blocks from a local temporary file, between which the loop is not given back.
        """
        streamed = self._streamed()
        return self._iter_elements(self._flow(task_id, timeout), streamed)

    async def _iter_elements(self, flow: Flow[R], streamed: tuple[str, Lenient[Any]]) -> AsyncIterator[Any]:
        spool = self._spool()
        try:
            last: Task[R] | None = None
            async for seen in drive_async(flow, lambda fetch: self._send(fetch, spool), time.monotonic):
                last = seen
            assert last is not None
            for element in self._elements(self._final(last, True), spool, streamed):
                yield element
        finally:
            spool.close()

    async def as_completed(
        self,
        task_ids: Iterable[str],
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        concurrency: int = 16,
        raise_on_failure: bool = False,
        on_update: OnUpdate | None = None,
        on_poll: OnPoll | None = None,
    ) -> AsyncIterator[Task[R] | TaskpollError]:
        """Each task's outcome as it finishes; see Client.as_completed."""
        scheduler = self._scheduler(_ids(task_ids), timeout, concurrency)
        async for _, outcome in drive_many_async(scheduler, self._send, time.monotonic, on_update, on_poll):
            yield self._outcome(outcome, raise_on_failure)

    async def wait_many(
        self,
        task_ids: Iterable[str],
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        concurrency: int = 16,
        raise_on_failure: bool = False,
        on_update: OnUpdate | None = None,
        on_poll: OnPoll | None = None,
    ) -> list[Task[R] | TaskpollError]:
        """Wait for all the tasks under one deadline; see Client.wait_many."""
        ids = _ids(task_ids)
        scheduler = self._scheduler(ids, timeout, concurrency)
        async for _ in drive_many_async(scheduler, self._send, time.monotonic, on_update, on_poll):
            pass
        return [self._outcome(scheduler.outcomes[i], raise_on_failure) for i in range(len(ids))]

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncClient[R]:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
