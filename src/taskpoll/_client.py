"""Client and AsyncClient: a task's whole life at one provider (submit, run, get, wait, watch, resume,
wait_many, as_completed, iter_elements, cancel, list_tasks, and poll_once for waits carried elsewhere).

`_Core` holds everything that does no I/O: configuration, requests, the errors of a failed exchange,
wait states. The twins add only I/O and waiting: one `_exchange` each, through which every request
goes, bounded as a whole by its timeout, and `_loop`'s loops. Every decision about a wait is `_step`'s.
A submit, cancel or list (a `Call`) is sent again only when it provably never left, or on a refusal
the provider documents as safe to resend: a POST is not idempotent.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import math
import os
import random
import time
import urllib.request
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Literal, Self, TypedDict, TypeVar, cast, overload

import attrs
import httpx

from . import _loop
from ._errors import (
    APIConnectionError,
    APITimeoutError,
    ConfigurationError,
    InvalidTokenError,
    ResponseTooLargeError,
    ResponseValidationError,
    SubmitOutcomeUnknownError,
    TaskCanceledError,
    TaskFailedError,
    TaskpollError,
    shown,
)
from ._http import (
    ACCEPT_ENCODING,
    DEFAULT_LIMITS,
    DEFAULT_MAX_RESPONSE_BYTES,
    USER_AGENT,
    Answer,
    BodyTooLarge,
    DeadlineTransport,
    KeyAuth,
    NotSent,
    Redactor,
    RequestTrace,
    aread_body,
    check_base_url,
    check_key,
    default_ssl_context,
    read_body,
)
from ._loop import Observer, Outcome, PollEvent, RateLimiter, Window, after_poll, arun, run, settle
from ._policy import MAX_SECONDS, PollPolicy
from ._spool import Spool, items
from ._step import EARLY, Done, PollAgain, RateLimit, WaitState, before_poll, begin, request_timeout, resumed
from ._task import Task, TaskState
from .providers import Provider, get
from .providers._base import Call, request_id_from, retry_after
from .providers._results import Lenient

if TYPE_CHECKING:  # each provider's typed clients: its own submit and run arguments, its result model
    from typing import Unpack

    from .providers.artos import ArtosClient, AsyncArtosClient
    from .providers.aryn import ArynClient, AsyncArynClient
    from .providers.notion import AsyncNotionClient, NotionClient
    from .providers.unsiloed import AsyncUnsiloedClient, UnsiloedClient
    from .providers.veza import AsyncVezaClient, VezaClient

__all__ = ["AsyncClient", "Client"]

R = TypeVar("R")
T = TypeVar("T")
OnPoll = Callable[[PollEvent], object]
DEFAULT_TIMEOUT = 600.0
SUBMIT_TIMEOUT = 300.0  # a submit's one request, upload included (`timeout=` changes it)
CALL_ATTEMPTS = 3  # sends of one call when nothing of it left, or the provider says to send it again
CALL_BACKOFF = 0.25  # seconds before the second send, doubling
logger = logging.getLogger("taskpoll")


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


class RunOptions(TypedDict, Generic[R], total=False):
    """`run`'s own options beside the provider's arguments: `wait`'s, its deadline covering the submit too."""

    timeout: float | None
    raise_on_failure: bool
    on_update: Callable[[Task[R]], object] | None
    on_poll: OnPoll | None
    stalled_after: float | None


_RUN_DEFAULTS = {
    "timeout": DEFAULT_TIMEOUT,
    "raise_on_failure": True,
    "on_update": None,
    "on_poll": None,
    "stalled_after": None,
}


def _run_options(kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """`run`'s own options (timeout, raise_on_failure, on_update, on_poll, stalled_after), out of its keywords."""
    return tuple(kwargs.pop(name, default) for name, default in _RUN_DEFAULTS.items())


def _typed(cls: type[Any], base: type[Any], provider: str | Provider[Any], which: int) -> Any:
    """A new `Client(name)` (`AsyncClient(name)`): an instance of the provider's typed client, if it has one."""
    adapter = provider if isinstance(provider, Provider) else get(provider)
    return object.__new__(adapter.clients[which] if cls is base and adapter.clients else cls)


def _number(value: object) -> float | None:
    """`value` as a float; None when it is not an int or float, or an int too large for a float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return float(value)
    except OverflowError:
        return None


def _check_timeout(timeout: float | None, what: str = "timeout") -> float:
    if timeout is None:
        return math.inf
    seconds = _number(timeout)
    if seconds is None or math.isnan(seconds) or seconds <= 0:
        raise ConfigurationError(f"{what} must be a number of seconds above 0 (or None), not {shown(timeout)}")
    return seconds


def _check_concurrency(concurrency: int) -> int:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ConfigurationError(f"concurrency must be an int >= 1, not {shown(concurrency)}")
    return concurrency


def _refuse_async_callbacks(*callbacks: object) -> None:
    if any(inspect.iscoroutinefunction(callback) for callback in callbacks):
        raise ConfigurationError(
            "Client calls its callbacks synchronously and cannot await an `async def`: use AsyncClient, "
            "or pass a plain function"
        )


@attrs.frozen
class _Status:
    """A task's status request, built once for every poll of its wait (its URL parsed once)."""

    task_id: str
    method: str
    url: httpx.URL
    headers: httpx.Headers
    path: str  # the URL without its query, and the query: what a client of the caller's merges its own into
    params: dict[str, Any] | None


class _Core(Generic[R]):
    """What both clients share: the provider, its key and URL, the policy, the rate limiter, and every
    step of an exchange that is not I/O."""

    _http: httpx.Client | httpx.AsyncClient
    _owns_http: bool

    def __init__(
        self,
        provider: str | Provider[R],
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        policy: PollPolicy | None = None,
        rate_limit: float | None = None,
        allow_insecure_http: bool = False,
        max_response_bytes: int | None = None,
    ) -> None:
        self._provider: Provider[R] = provider if isinstance(provider, Provider) else get(provider)
        name, adapter = self._provider.name, self._provider
        key = check_key(api_key if api_key is not None else os.environ.get(adapter.key_env), name, adapter.key_env)
        self._auth = KeyAuth(adapter.auth_header, adapter.auth_scheme, key)
        self._redactor = Redactor(key)
        limit = DEFAULT_MAX_RESPONSE_BYTES if max_response_bytes is None else max_response_bytes
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ConfigurationError(f"max_response_bytes must be an int >= 1 (or None), not {shown(limit)}")
        self._max_bytes = limit
        url = base_url or os.environ.get(adapter.base_url_env) or adapter.default_base_url
        if url is None:
            raise ConfigurationError(
                f"{name} needs a base URL (each tenant has its own): pass base_url=... or set {adapter.base_url_env}",
                provider=name,
            )
        self.base_url = check_base_url(url, name, allow_insecure_http)
        if policy is not None and not isinstance(policy, PollPolicy):
            raise ConfigurationError(f"policy must be a taskpoll.PollPolicy, not {type(policy).__name__}")
        self.policy = policy or adapter.default_policy
        rate = adapter.rate_limit if rate_limit is None else rate_limit
        per_second = None if rate is None else _number(rate)
        # Below one request in MAX_SECONDS the interval no longer fits a sleep; inf: no limit.
        if rate is not None and (per_second is None or not per_second >= 1 / MAX_SECONDS):
            raise ConfigurationError(
                f"rate_limit must be requests per second from {1 / MAX_SECONDS:g} up (inf: no limit), not {shown(rate)}"
            )
        self._limiter = RateLimiter(per_second) if per_second is not None and math.isfinite(per_second) else None
        self._rng = random.Random()
        self._headers: dict[tuple[tuple[str, str], ...], httpx.Headers] = {}
        self._statuses: dict[str, _Status] = {}

    @property
    def provider(self) -> str:
        return self._provider.name

    @property
    def result_type(self) -> type[R]:
        """The provider's result model: `Task.from_dict(data, client.result_type)` rebuilds a typed Task."""
        return cast("type[R]", self._provider.result_type)

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

    # Requests -----------------------------------------------------------------------------------

    def _status(self, task_id: str) -> _Status:
        """The task's status request (a bad id is refused here, before any I/O). The last ones built are
        kept: a caller's own loop of `get`s parses its URL once, as a wait does."""
        status = self._statuses.get(task_id)
        if status is None:
            if len(self._statuses) >= 64:
                self._statuses.clear()
            status = self._statuses[task_id] = self._build_status(task_id)
        return status

    def _build_status(self, task_id: str) -> _Status:
        spec = self._provider.status_request(task_id)
        extra = tuple((spec.get("headers") or {}).items())
        headers = self._headers.get(extra)
        if headers is None:  # one set per distinct request headers, shared by every wait (httpx copies it)
            headers = self._headers[extra] = httpx.Headers(self._http.headers if self._owns_http else None)
            headers.update(extra)
            if not self._owns_http:  # only gzip and deflate are decoded in bounded steps
                headers["Accept-Encoding"] = ACCEPT_ENCODING
        path, params = self.base_url + spec["url"], spec.get("params") or None
        return _Status(task_id, spec["method"], httpx.URL(path, params=params), headers, path, params)

    def _status_of(self, task_id: str) -> _Status | TaskpollError:
        try:
            return self._status(task_id)
        except TaskpollError as exc:  # a bad id ends its own wait, at its first poll
            return exc

    def _open(self) -> httpx.Client | httpx.AsyncClient:
        if self._http.is_closed:
            raise ConfigurationError(
                f"this {type(self).__name__} is closed (or its http_client is): make a new one, or use it "
                "inside its `with` block",
                provider=self.provider,
            )
        return self._http

    def _request(self, status: _Status, timeout: float) -> httpx.Request:
        http = self._open()
        if not self._owns_http or http.cookies:  # the client's own defaults and cookies merged in
            return http.build_request(
                status.method, status.path, params=status.params, headers=status.headers, timeout=timeout
            )
        timeouts = {"connect": timeout, "read": timeout, "write": timeout, "pool": timeout}
        return httpx.Request(status.method, status.url, headers=status.headers, extensions={"timeout": timeouts})

    def _call_request(self, call: Call[Any], deadline: float) -> httpx.Request:
        timeout = deadline - time.monotonic()
        if timeout <= 0:
            raise APITimeoutError("not sent: the deadline passed first", provider=self.provider, sent=False)
        spec = call.request
        headers = dict(spec.get("headers") or {})
        if spec.get("files") is not None:
            # httpx picks a random multipart boundary when no Content-Type is set; the generated code
            # sets one with the fixed boundary "+++", which a document's bytes could contain.
            headers.pop("Content-Type", None)
        if not self._owns_http:
            headers["Accept-Encoding"] = ACCEPT_ENCODING
        return self._open().build_request(
            spec["method"],
            self.base_url + spec["url"],
            params=spec.get("params") or None,
            headers=headers or None,
            json=spec.get("json"),
            files=spec.get("files"),
            timeout=timeout,
        )

    def _failure(self, error: Exception, progress: RequestTrace, task_id: str | None) -> TaskpollError:
        """A failed exchange as taskpoll's error, the key taken out of its text."""
        name = self.provider
        text = self._redactor.text(str(error) or type(error).__name__)
        if isinstance(error, BodyTooLarge):
            answer = self._redactor.answer(error.response, error.excerpt)
            return ResponseTooLargeError(
                text,
                limit=error.limit,
                provider=name,
                task_id=task_id,
                status_code=answer.status_code,
                body=answer.content,
                request_id=request_id_from(answer),
            )
        if isinstance(error, httpx.DecodingError):
            return ResponseValidationError(
                f"the body could not be decoded ({text})", provider=name, task_id=task_id, status_code=0
            )
        sent = progress.left(error)
        if isinstance(error, (httpx.TimeoutException, NotSent)):
            why = type(error).__name__ if sent else "not sent: its time ran out in this process, before any of it left"
            return APITimeoutError(f"no answer in time ({why})", provider=name, task_id=task_id, sent=sent)
        return APIConnectionError(f"no answer ({text})", provider=name, task_id=task_id, sent=sent)

    # Submit, cancel, list: one request each, never sent again once it may have left --------------

    def _submit_call(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Call[Task[R]]:
        build = self._provider.submit_call
        signature = inspect.signature(build)
        try:
            signature.bind(*args, **kwargs)
        except TypeError as exc:  # a wrong argument is the caller's mistake, said in taskpoll's words
            shape = str(signature.replace(return_annotation=inspect.Signature.empty)).replace("'", "")
            raise ConfigurationError(f"{self.provider} submit{shape}: {exc}", provider=self.provider) from None
        return build(*args, **kwargs)

    def _again(self, call: Call[Any], outcome: Answer | TaskpollError, attempt: int, deadline: float) -> float | None:
        """The pause before sending a call again, or None: only a request that provably never left is
        sent again, or one the provider refused and documents as safe to resend (`Call.retry_statuses`)."""
        pause = CALL_BACKOFF * 2**attempt
        if isinstance(outcome, TaskpollError):
            if not isinstance(outcome, APIConnectionError) or outcome.sent:
                return None
        elif outcome.status_code not in call.retry_statuses:
            return None
        else:
            pause = max(pause, retry_after(outcome) or 0.0)
        return pause if attempt + 1 < CALL_ATTEMPTS and time.monotonic() + pause < deadline else None

    def _called(self, call: Call[T], outcome: Answer | TaskpollError, attempt: int, deadline: float) -> T | float:
        """What a call's send ends with: its value, or the pause before it is sent again; or its error."""
        pause = self._again(call, outcome, attempt, deadline)
        if pause is not None:
            return pause
        if not isinstance(outcome, TaskpollError):
            return self._provider.read_call(call, outcome)
        if isinstance(outcome, APIConnectionError) and outcome.sent and not call.idempotent:
            raise SubmitOutcomeUnknownError(
                f"{call.operation}: {outcome.args[0]}; the request may have reached {self._provider.title}, so "
                "it was not sent again",
                provider=self.provider,
                task_id=call.task_id,
            )
        raise outcome

    def _slot(self) -> float:
        """Seconds until the rate limiter's next slot, now booked (0 without a limiter)."""
        if self._limiter is None:
            return 0.0
        now = time.monotonic()
        return self._limiter.book(now) - now

    # Waits --------------------------------------------------------------------------------------

    def _begin(self, task_id: str, timeout: float | None, stalled: float | None, now: float | None = None) -> WaitState:
        now = time.monotonic() if now is None else now
        seed, offset, stall = self._rng.getrandbits(64), time.time() - now, _check_timeout(stalled, "stalled_after")
        state = begin(self.provider, task_id, now=now, timeout=_check_timeout(timeout), seed=seed, clock_offset=offset)
        return attrs.evolve(state, stalled_after=stall)

    def _many(self, task_ids: Iterable[str], timeout: float | None, stalled: float | None) -> list[WaitState]:
        """New waits under one deadline."""
        if isinstance(task_ids, (str, bytes)):
            raise ConfigurationError("task_ids is a list of ids, not a single string")
        _check_timeout(timeout)
        now = time.monotonic()
        return [self._begin(task_id, timeout, stalled, now) for task_id in task_ids]

    def _resume(self, token: str, timeout: float | None) -> WaitState:
        """The wait a token holds (any version taskpoll issued), carried on for `timeout` from now in
        this process's monotonic clock: its backoff, its streaks, its last state and its next poll go on."""
        seconds = _check_timeout(timeout)
        now = time.monotonic()
        state = self._mine(WaitState.from_token(token, clock_offset=time.time() - now))
        if state.attempt == 0:  # no poll of it has been decided (a Task's token, a v1 one): jitter of its own
            state = attrs.evolve(state, seed=self._rng.getrandbits(64))
        return resumed(state, now=now, timeout=seconds)

    def _mine(self, state: WaitState) -> WaitState:
        if state.provider != self.provider:
            raise InvalidTokenError(
                f"this wait is for a {state.provider} task, and this client polls {self.provider}",
                provider=self.provider,
                task_id=state.task_id,
            )
        return state

    def new_wait(
        self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT, stalled_after: float | None = None
    ) -> WaitState:
        """A new wait for `task_id` (no request yet), to be carried by `poll_once` calls anywhere.

        Its times are wall-clock (`time.time()`), so its token (`state.token()`) can move between
        processes and machines; `timeout` bounds the whole wait, across every hop (`stalled_after`: see
        `wait`); begun under an OpenTelemetry span, its hops' spans join that span's trace.
        """
        self._provider.status_request(task_id)  # refuses a bad id before anything is scheduled
        seed, stall = self._rng.getrandbits(64), _check_timeout(stalled_after, "stalled_after")
        state = begin(self.provider, task_id, now=time.time(), timeout=_check_timeout(timeout), seed=seed)
        return _loop.OBSERVER.wait("new_wait", attrs.evolve(state, stalled_after=stall))[1]

    def _hop(self, state: WaitState | str, rate_limit: RateLimit | None) -> tuple[PollAgain | Done[R], float, Observer]:
        """The start of one step of a wait carried elsewhere (`poll_once`), in wall-clock time, and its watch."""
        if isinstance(state, str):
            state = WaitState.from_token(state)
        elif not isinstance(state, WaitState):
            raise ConfigurationError(f"poll_once takes a WaitState or its token, not {type(state).__name__}")
        now = time.time()
        watch, state = _loop.OBSERVER.wait("poll_once", self._mine(state))
        ready = before_poll(state, now, rate_limit if rate_limit is not None else self._limiter)
        watch.step(ready, None)
        return ready, now, watch

    @staticmethod
    def _outcome(outcome: Outcome[R], raise_on_failure: bool) -> Outcome[R]:
        """The outcome as the caller asked: with `raise_on_failure`, a failed or canceled Task as its error."""
        if isinstance(outcome, Task) and raise_on_failure and outcome.state in (TaskState.FAILED, TaskState.CANCELED):
            return TaskFailedError(outcome) if outcome.state is TaskState.FAILED else TaskCanceledError(outcome)
        return outcome

    @classmethod
    def _final(cls, outcome: Outcome[R], raise_on_failure: bool) -> Task[R]:
        outcome = cls._outcome(outcome, raise_on_failure)
        if isinstance(outcome, TaskpollError):
            raise outcome
        return outcome

    # Streaming a large result: one item at a time from a spooled body ----------------------------

    def _streamed(self) -> tuple[str, Lenient[Any]]:
        if self._provider.streamed is None:
            raise ConfigurationError(
                f"{self.provider} results have no list of elements to stream: use wait()", provider=self.provider
            )
        return self._provider.streamed

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
                    extra={"provider": self.provider, "task_id": task.id, "state": task.state.value},
                )
            if model is not None:
                yield model


def _pause(seconds: float) -> None:
    if seconds > 0:  # time.sleep(0) still costs 50-100 us on Linux (timer slack)
        time.sleep(seconds)


async def _asleep(seconds: float) -> None:
    if seconds > 0:
        await asyncio.sleep(seconds)


def _transport() -> httpx.BaseTransport | None:
    """The sync transport of a client taskpoll owns; None (httpx's own, which mounts the environment's
    proxies and bounds each read, not each request) when the environment configures a proxy."""
    proxies = urllib.request.getproxies()
    if any(scheme in proxies for scheme in ("http", "https", "all")):
        return None
    return DeadlineTransport(default_ssl_context(), DEFAULT_LIMITS)


def _aiohttp_transport() -> httpx.AsyncBaseTransport:
    try:
        from ._aiohttp import AiohttpTransport
    except ImportError as exc:
        raise ConfigurationError(
            "transport='aiohttp' needs the aiohttp extra: pip install 'httpx-aiohttp>=0.2.0,<0.3' (or install taskpoll "
            f"with it from a checkout or wheel: pip install '/path/to/taskpoll[aiohttp]') ({exc})"
        ) from None
    return AiohttpTransport(DEFAULT_LIMITS)


class _Client(_Core[R]):
    """Client's methods (Client itself adds the choice of a provider's typed client)."""

    _http: httpx.Client

    def __init__(
        self, provider: str | Provider[R], *, http_client: httpx.Client | None = None, **options: Unpack[_Options]
    ) -> None:
        super().__init__(provider, **options)
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise ConfigurationError("http_client must be an httpx.Client (use AsyncClient for httpx.AsyncClient)")
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(transport=_transport(), **self._http_options())

    def _exchange(self, request: httpx.Request, task_id: str | None, spool: Spool | None = None) -> Answer:
        """Send one request and read its answer, bounded as a whole by its timeout; raise TaskpollError."""
        deadline = time.monotonic() + request.extensions["timeout"]["read"]
        progress = RequestTrace(deadline, traced=self._owns_http)
        request.extensions["trace"] = progress
        if spool is not None:
            spool.reset()
        with _loop.OBSERVER.request(self.provider, task_id, request, self._redactor.text) as watch:
            try:
                response = self._http.send(request, auth=self._auth, follow_redirects=False, stream=True)
                body = read_body(response, self._max_bytes, deadline, spool)
            except (httpx.HTTPError, BodyTooLarge, NotSent) as exc:
                raise self._failure(exc, progress, task_id) from None
            watch.answered(response.status_code)
        return self._redactor.answer(response, body, spool)

    def _poll(
        self, status: _Status | TaskpollError, state: WaitState, now: float, spool: Spool | None = None
    ) -> Outcome[R]:
        """One poll of a wait: the Task its answer tells, or the error it met."""
        try:
            if isinstance(status, TaskpollError):
                return status
            request = self._request(status, request_timeout(state, self.policy, now))
            return self._provider.read(status.task_id, self._exchange(request, status.task_id, spool))
        except TaskpollError as exc:
            return exc

    def _run(
        self,
        states: list[WaitState],
        on_update: Callable[[Task[R]], object] | None,
        on_poll: OnPoll | None,
        spool: Spool | None = None,
        kind: str = "wait",
    ) -> Iterator[tuple[int, Outcome[R], bool]]:
        _refuse_async_callbacks(on_update, on_poll)
        statuses = [self._status_of(state.task_id) for state in states]

        def poll(index: int, state: WaitState, now: float) -> Outcome[R]:
            return self._poll(statuses[index], state, now, spool)

        runs = run(states, poll, self.policy, limiter=self._limiter, sleep=_pause, on_poll=on_poll, kind=kind)
        for index, seen, done in runs:
            if on_update is not None and isinstance(seen, Task):
                on_update(seen)
            yield index, seen, done

    def _wait(
        self,
        state: WaitState,
        raise_on_failure: bool,
        on_update: Callable[[Task[R]], object] | None = None,
        on_poll: OnPoll | None = None,
        spool: Spool | None = None,
        kind: str = "wait",
    ) -> Task[R]:
        for _, outcome, done in self._run([state], on_update, on_poll, spool, kind):
            if done:
                return self._final(outcome, raise_on_failure)
        raise AssertionError("a wait ends with its outcome")

    def _call(self, call: Call[T], timeout: float) -> T:
        deadline = time.monotonic() + timeout
        for attempt in range(CALL_ATTEMPTS):
            _pause(self._slot())
            outcome: Answer | TaskpollError
            try:
                outcome = self._exchange(self._call_request(call, deadline), call.task_id)
            except TaskpollError as exc:
                outcome = exc
            called = self._called(call, outcome, attempt, deadline)
            if not isinstance(called, float):
                return called
            _pause(called)
        raise AssertionError("the last attempt returns or raises")

    def get(self, task_id: str) -> Task[R]:
        """One status request: the task as the provider sees it now. Errors are raised, not retried."""
        request = self._request(self._status(task_id), self.policy.request_timeout)
        _pause(self._slot())
        return self._provider.read(task_id, self._exchange(request, task_id))

    def submit(self, *args: Any, **kwargs: Any) -> Task[R]:
        """Start a task and return it (its id and first state) without waiting.

        The arguments are the provider's (typed on `Client("<name>")`, see `taskpoll.providers.<name>`,
        e.g. Aryn's `submit("report.pdf", options=PartitionOptions(use_ocr=True))`); bad input raises
        ConfigurationError before anything is sent. `timeout=` (300 s) bounds the one request, upload included.
        The request is sent again only if nothing of it left; an answer that is an error raises the
        provider's error (BadRequestError, RateLimitError, ...), and no answer after the request may
        have left raises SubmitOutcomeUnknownError. Notion may answer at once with the finished
        result: the Task is then already SUCCEEDED.
        """
        timeout = kwargs.pop("timeout", SUBMIT_TIMEOUT)
        return self._call(self._submit_call(args, kwargs), _check_timeout(timeout))

    def run(self, *args: Any, **kwargs: Any) -> Task[R]:
        """`submit`, then `wait` for the task: one deadline (`timeout`) for both, wait's policy and errors;
        `run`'s own options are `RunOptions` (timeout, raise_on_failure, on_update, on_poll, stalled_after).

        A WaitTimeoutError still carries the task id and a token to resume the wait with.
        """
        timeout, raise_on_failure, on_update, on_poll, stalled_after = _run_options(kwargs)
        _refuse_async_callbacks(on_update, on_poll)
        state = self._begin("", timeout, stalled_after)  # the wait's deadline covers the submit
        with _loop.OBSERVER.run(self.provider) as watch:
            task = self._call(self._submit_call(args, kwargs), min(state.deadline - time.monotonic(), SUBMIT_TIMEOUT))
            watch.submitted(task)
            if on_update is not None:
                on_update(task)
            if task.state.is_terminal:
                return self._final(task, raise_on_failure)
            return self._wait(attrs.evolve(state, task_id=task.id), raise_on_failure, on_update, on_poll)

    def cancel(self, task_id: str) -> None:
        """Ask the provider to cancel the task (Aryn); UnsupportedOperationError where it has no cancel.

        Returns once the provider accepted; the task's next status says when it stopped.
        """
        self._call(self._provider.cancel_call(task_id), self.policy.request_timeout)

    def list_tasks(self) -> list[Task[R]]:
        """The account's tasks as the provider lists them (Aryn), each with its state and no result."""
        return self._call(self._provider.list_call(), self.policy.request_timeout)

    def poll_once(self, state: WaitState | str, *, rate_limit: RateLimit | None = None) -> PollAgain | Done[R]:
        """One step of a wait carried elsewhere (`new_wait`, then a job queue): never sleeps.

        Polls now if the wait may (its schedule, the server's hint, its rate-limit slot and its deadline
        allow), and returns `Done` (the final Task, or the error that ended the wait) or
        `PollAgain(at=T, reason=...)` with the state to pass next time; T is wall-clock. A request never
        outlives the deadline. `rate_limit` books the slot from a limiter shared by many processes
        (wall-clock `book(now)`) instead of this client's own.
        """
        ready, now, watch = self._hop(state, rate_limit)
        if isinstance(ready, Done) or ready.at > now + EARLY:
            return ready
        with watch:
            answer = self._poll(self._status_of(ready.state.task_id), ready.state, now)
        return after_poll(ready.state, answer, self.policy, now=time.time(), sent_at=now, watch=watch)[0]

    def watch(
        self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT, stalled_after: float | None = None
    ) -> Iterator[Task[R]]:
        """Each change the polls observe (state, status or progress), ending with the final Task."""
        return self._watch(self._run([self._begin(task_id, timeout, stalled_after)], None, None))

    @staticmethod
    def _watch(runs: Iterator[tuple[int, Outcome[R], bool]]) -> Iterator[Task[R]]:
        for _, seen, _ in runs:
            if isinstance(seen, TaskpollError):
                raise seen
            yield seen

    def wait(
        self,
        task_id: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        raise_on_failure: bool = True,
        on_update: Callable[[Task[R]], object] | None = None,
        on_poll: OnPoll | None = None,
        stalled_after: float | None = None,
    ) -> Task[R]:
        """Poll until the task is final and return it; raise TaskFailedError/TaskCanceledError when it
        did not succeed (unless `raise_on_failure=False`) and WaitTimeoutError when `timeout` passes.
        `on_update` gets each changed Task; `on_poll` gets a PollEvent after every poll (the next
        delay and why), for progress displays; `stalled_after` ends it with TaskStalledError (resumable)
        after that many seconds without a sign of activity (`Task.last_activity`, or a change).
        """
        return self._wait(self._begin(task_id, timeout, stalled_after), raise_on_failure, on_update, on_poll)

    def resume(
        self,
        token: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        raise_on_failure: bool = True,
        on_update: Callable[[Task[R]], object] | None = None,
        on_poll: OnPoll | None = None,
    ) -> Task[R]:
        """`wait` for the task a token names (`Task.token()`, `WaitTimeoutError.token`, `WaitState.token()`,
        or an older taskpoll's), carrying its wait on: its backoff and next poll time, its failure
        budget, its 429 streak; `timeout` is the resumed wait's own deadline."""
        return self._wait(self._resume(token, timeout), raise_on_failure, on_update, on_poll, kind="resume")

    def iter_elements(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Iterator[Any]:
        """`wait` for the task, then yield its result's elements one at a time (Aryn's `Element`s,
        Unsiloed's `Chunk`s, typed so on their clients), never holding the whole result in memory.

        The final answer's body is spooled to a temporary file as it arrives (so the connection is
        free at once, and a request that breaks off is retried like any other poll), then read back
        one element at a time: the same generated models `wait().result` holds, read as tolerantly
        (an element that does not fit is left out and logged). Polling starts at the first `next()`;
        errors are those of `wait`. Close the iterator (or finish it) to remove the file at once.
        """
        streamed, state = self._streamed(), self._begin(task_id, timeout, None)
        return self._iter_elements(state, streamed)

    def _iter_elements(self, state: WaitState, streamed: tuple[str, Lenient[Any]]) -> Iterator[Any]:
        with self._spool() as spool:
            yield from self._elements(self._wait(state, True, spool=spool), spool, streamed)

    def as_completed(
        self,
        task_ids: Iterable[str],
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        concurrency: int = 1,
        raise_on_failure: bool = False,
        on_update: Callable[[Task[R]], object] | None = None,
        on_poll: OnPoll | None = None,
        stalled_after: float | None = None,
    ) -> Iterator[Outcome[R]]:
        """Each task's outcome as it finishes: its final Task, or the error that ended its wait.
        One request at a time, the task due first polled first."""
        _check_concurrency(concurrency)
        runs = self._run(self._many(task_ids, timeout, stalled_after), on_update, on_poll, kind="wait_many")
        return (self._outcome(outcome, raise_on_failure) for _, outcome, done in runs if done)

    def wait_many(
        self,
        task_ids: Iterable[str],
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        concurrency: int = 1,
        raise_on_failure: bool = False,
        on_update: Callable[[Task[R]], object] | None = None,
        on_poll: OnPoll | None = None,
        stalled_after: float | None = None,
    ) -> list[Outcome[R]]:
        """Wait for all the tasks under one deadline; outcomes in the order of `task_ids`.

        A task's failure or error does not stop the others: its place in the list holds the error
        (TaskFailedError/TaskCanceledError for failed tasks only with `raise_on_failure=True`).
        """
        _check_concurrency(concurrency)
        states = self._many(task_ids, timeout, stalled_after)
        runs = self._run(states, on_update, on_poll, kind="wait_many")
        outcomes = {index: outcome for index, outcome, done in runs if done}
        return [self._outcome(outcomes[index], raise_on_failure) for index in range(len(states))]

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class Client(_Client[R]):
    """Poll one provider's tasks, blocking.

        with taskpoll.Client("aryn") as client:          # key from ARYN_API_KEY
            response = client.wait("aryn:t-47gpd3604e5tz79z1jro5fc", timeout=600).unwrap()
            elements = response.elements

    `api_key` defaults to the provider's environment variable, `base_url` to the spec's server (or
    the provider's base-URL variable). Pass `http_client` to bring your own httpx.Client (proxies,
    transports); taskpoll then neither configures nor closes it, and sets the key per request only.

    Each request (connect, send, headers, body) is bounded as a whole by `min(request_timeout, what
    is left of the wait)`, and each body by `max_response_bytes` decoded bytes (256 MiB by default;
    ResponseTooLargeError past it). With your own `http_client` (or behind a proxy from the
    environment) the body read still stops at the deadline, but a server that drips its status line
    or headers is bounded only by httpx's per-read timeout.
    """

    @overload
    def __new__(cls, provider: Literal["aryn"], **options: Unpack[_SyncOptions]) -> ArynClient: ...
    @overload
    def __new__(cls, provider: Literal["artos"], **options: Unpack[_SyncOptions]) -> ArtosClient: ...
    @overload
    def __new__(cls, provider: Literal["veza"], **options: Unpack[_SyncOptions]) -> VezaClient: ...
    @overload
    def __new__(cls, provider: Literal["unsiloed"], **options: Unpack[_SyncOptions]) -> UnsiloedClient: ...
    @overload
    def __new__(cls, provider: Literal["notion"], **options: Unpack[_SyncOptions]) -> NotionClient: ...
    @overload
    def __new__(cls, provider: Provider[R], **options: Unpack[_SyncOptions]) -> Self: ...
    def __new__(cls, provider: str | Provider[R], **options: Any) -> Any:
        return _typed(cls, Client, provider, 0)


def _retrieved(task: asyncio.Future[Any]) -> None:
    """Take the outcome of an exchange given up at its deadline, so asyncio does not log it as lost."""
    if not task.cancelled():
        task.exception()


class _AsyncClient(_Core[R]):
    """AsyncClient's methods (AsyncClient itself adds the choice of a provider's typed client)."""

    _http: httpx.AsyncClient

    def __init__(
        self,
        provider: str | Provider[R],
        *,
        http_client: httpx.AsyncClient | None = None,
        transport: Literal["httpx", "aiohttp"] = "httpx",
        **options: Unpack[_Options],
    ) -> None:
        super().__init__(provider, **options)
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise ConfigurationError("http_client must be an httpx.AsyncClient (use Client for httpx.Client)")
        if transport not in ("httpx", "aiohttp"):
            raise ConfigurationError(f"transport is 'httpx' or 'aiohttp', not {shown(transport)}")
        if transport == "aiohttp" and http_client is not None:
            raise ConfigurationError("transport='aiohttp' configures a client taskpoll owns: pass one or the other")
        self._owns_http = http_client is None
        self._traced = self._owns_http and transport == "httpx"  # httpx's own transport reports progress
        own = self._http_options()
        if transport == "aiohttp":
            own["transport"] = _aiohttp_transport()
        self._http = http_client or httpx.AsyncClient(**own)

    async def _exchange(self, request: httpx.Request, task_id: str | None, spool: Spool | None = None) -> Answer:
        """`Client._exchange`, awaited. At its deadline the exchange is answered with a timeout and
        cancelled, left to unwind on its own: on a loaded event loop unwinding takes turns, each late."""
        timeout = request.extensions["timeout"]["read"]
        deadline = time.monotonic() + timeout
        progress = RequestTrace(deadline, traced=self._traced)
        request.extensions["trace"] = progress.atrace
        if spool is not None:
            spool.reset()
        with _loop.OBSERVER.request(self.provider, task_id, request, self._redactor.text) as watch:
            exchange = asyncio.ensure_future(self._send(request, deadline, spool))
            try:
                await asyncio.wait((exchange,), timeout=timeout)
            except BaseException:  # the caller's cancellation: the request goes with it
                exchange.cancel()
                raise
            if not exchange.done():
                exchange.cancel()
                exchange.add_done_callback(_retrieved)
                raise self._failure(httpx.ReadTimeout("the request's deadline passed"), progress, task_id)
            try:
                response, body = exchange.result()
            except (httpx.HTTPError, BodyTooLarge, NotSent) as exc:
                raise self._failure(exc, progress, task_id) from None
            watch.answered(response.status_code)
        return self._redactor.answer(response, body, spool)

    async def _send(self, request: httpx.Request, deadline: float, spool: Spool | None) -> tuple[httpx.Response, bytes]:
        response = await self._http.send(request, auth=self._auth, follow_redirects=False, stream=True)
        return response, await aread_body(response, self._max_bytes, deadline, spool)

    async def _poll(
        self,
        status: _Status | TaskpollError,
        state: WaitState,
        now: float,
        spool: Spool | None = None,
        window: Window | None = None,
    ) -> Outcome[R]:
        """One poll of a wait; with `window`, once a place in it is free (the wait for it counts against
        the wait's deadline)."""
        if isinstance(status, TaskpollError):
            return status
        taken = now
        try:
            if window is not None:
                async with asyncio.timeout(max(0.0, state.deadline - time.monotonic())):
                    taken = now = await window.acquire()
            request = self._request(status, request_timeout(state, self.policy, now))
            outcome: Outcome[R] = self._provider.read(
                status.task_id, await self._exchange(request, status.task_id, spool)
            )
        except TaskpollError as exc:
            outcome = exc
        except TimeoutError:
            why = "not sent: no place for a request came free before the wait's deadline"
            return APITimeoutError(why, provider=self.provider, task_id=status.task_id, sent=False)
        if window is not None:
            window.release(taken, isinstance(outcome, APIConnectionError) and not outcome.sent)
        return outcome

    async def _wait(
        self,
        state: WaitState,
        raise_on_failure: bool,
        on_update: Callable[[Task[R]], object] | None = None,
        on_poll: OnPoll | None = None,
        spool: Spool | None = None,
        window: Window | None = None,
        kind: str = "wait",
    ) -> Task[R]:
        async for outcome, done in self._run(state, on_poll, spool, window, kind):
            if on_update is not None and isinstance(outcome, Task):
                await settle(on_update(outcome))
            if done:
                return self._final(outcome, raise_on_failure)
        raise AssertionError("a wait ends with its outcome")

    def _run(
        self,
        state: WaitState,
        on_poll: OnPoll | None = None,
        spool: Spool | None = None,
        window: Window | None = None,
        kind: str = "wait",
    ) -> AsyncIterator[tuple[Outcome[R], bool]]:
        status = self._status_of(state.task_id)

        async def poll(state: WaitState, now: float) -> Outcome[R]:
            return await self._poll(status, state, now, spool, window)

        return arun(state, poll, self.policy, limiter=self._limiter, on_poll=on_poll, kind=kind)

    async def _call(self, call: Call[T], timeout: float) -> T:
        deadline = time.monotonic() + timeout
        for attempt in range(CALL_ATTEMPTS):
            await _asleep(self._slot())
            outcome: Answer | TaskpollError
            try:
                outcome = await self._exchange(self._call_request(call, deadline), call.task_id)
            except TaskpollError as exc:
                outcome = exc
            called = self._called(call, outcome, attempt, deadline)
            if not isinstance(called, float):
                return called
            await asyncio.sleep(called)
        raise AssertionError("the last attempt returns or raises")

    async def get(self, task_id: str) -> Task[R]:
        """One status request: the task as the provider sees it now. Errors are raised, not retried."""
        request = self._request(self._status(task_id), self.policy.request_timeout)
        await _asleep(self._slot())
        return self._provider.read(task_id, await self._exchange(request, task_id))

    async def submit(self, *args: Any, **kwargs: Any) -> Task[R]:
        """Start a task and return it without waiting; see Client.submit. A document is read in a
        worker thread, so a large file does not block the event loop."""
        timeout = kwargs.pop("timeout", SUBMIT_TIMEOUT)
        call = await asyncio.to_thread(self._submit_call, args, kwargs)
        return await self._call(call, _check_timeout(timeout))

    async def run(self, *args: Any, **kwargs: Any) -> Task[R]:
        """`submit`, then `wait`, under one deadline; see Client.run."""
        timeout, raise_on_failure, on_update, on_poll, stalled_after = _run_options(kwargs)
        state = self._begin("", timeout, stalled_after)  # the wait's deadline covers the submit
        with _loop.OBSERVER.run(self.provider) as watch:
            call = await asyncio.to_thread(self._submit_call, args, kwargs)
            task = await self._call(call, min(state.deadline - time.monotonic(), SUBMIT_TIMEOUT))
            watch.submitted(task)
            if on_update is not None:
                await settle(on_update(task))
            if task.state.is_terminal:
                return self._final(task, raise_on_failure)
            return await self._wait(attrs.evolve(state, task_id=task.id), raise_on_failure, on_update, on_poll)

    async def cancel(self, task_id: str) -> None:
        """Ask the provider to cancel the task; see Client.cancel."""
        await self._call(self._provider.cancel_call(task_id), self.policy.request_timeout)

    async def list_tasks(self) -> list[Task[R]]:
        """The account's tasks as the provider lists them; see Client.list_tasks."""
        return await self._call(self._provider.list_call(), self.policy.request_timeout)

    async def poll_once(self, state: WaitState | str, *, rate_limit: RateLimit | None = None) -> PollAgain | Done[R]:
        """One step of a wait carried elsewhere; see Client.poll_once. Never sleeps."""
        ready, now, watch = self._hop(state, rate_limit)
        if isinstance(ready, Done) or ready.at > now + EARLY:
            return ready
        with watch:
            answer = await self._poll(self._status_of(ready.state.task_id), ready.state, now)
        return after_poll(ready.state, answer, self.policy, now=time.time(), sent_at=now, watch=watch)[0]

    def watch(
        self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT, stalled_after: float | None = None
    ) -> AsyncIterator[Task[R]]:
        """Each change the polls observe (state, status or progress), ending with the final Task."""
        return self._watch(self._run(self._begin(task_id, timeout, stalled_after)))

    @staticmethod
    async def _watch(runs: AsyncIterator[tuple[Outcome[R], bool]]) -> AsyncIterator[Task[R]]:
        async for seen, _ in runs:
            if isinstance(seen, TaskpollError):
                raise seen
            yield seen

    async def wait(
        self,
        task_id: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        raise_on_failure: bool = True,
        on_update: Callable[[Task[R]], object] | None = None,
        on_poll: OnPoll | None = None,
        stalled_after: float | None = None,
    ) -> Task[R]:
        """Poll until the task is final; see Client.wait."""
        return await self._wait(self._begin(task_id, timeout, stalled_after), raise_on_failure, on_update, on_poll)

    async def resume(
        self,
        token: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        raise_on_failure: bool = True,
        on_update: Callable[[Task[R]], object] | None = None,
        on_poll: OnPoll | None = None,
    ) -> Task[R]:
        """`wait` for the task a token names, carrying its wait on; see Client.resume."""
        return await self._wait(self._resume(token, timeout), raise_on_failure, on_update, on_poll, kind="resume")

    def iter_elements(self, task_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> AsyncIterator[Any]:
        """`wait` for the task, then yield its result's elements one at a time; see Client.iter_elements.

        The spooled body is read back in 64 KiB blocks from a local temporary file, between which the
        loop is not given back.
        """
        streamed, state = self._streamed(), self._begin(task_id, timeout, None)
        return self._iter_elements(state, streamed)

    async def _iter_elements(self, state: WaitState, streamed: tuple[str, Lenient[Any]]) -> AsyncIterator[Any]:
        with self._spool() as spool:
            for element in self._elements(await self._wait(state, True, spool=spool), spool, streamed):
                yield element

    def _waits(
        self,
        states: list[WaitState],
        concurrency: int,
        on_update: Callable[[Task[R]], object] | None,
        on_poll: OnPoll | None,
    ) -> list[Coroutine[Any, Any, Outcome[R]]]:
        """One coroutine per task, each a whole wait; their requests share one Window of `concurrency`."""
        window = Window(_check_concurrency(concurrency))

        async def one(state: WaitState) -> Outcome[R]:
            try:
                return await self._wait(state, False, on_update, on_poll, window=window, kind="wait_many")
            except TaskpollError as exc:
                return exc

        return [one(state) for state in states]

    async def as_completed(
        self,
        task_ids: Iterable[str],
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        concurrency: int = 16,
        raise_on_failure: bool = False,
        on_update: Callable[[Task[R]], object] | None = None,
        on_poll: OnPoll | None = None,
        stalled_after: float | None = None,
    ) -> AsyncIterator[Outcome[R]]:
        """Each task's outcome as it finishes; see Client.as_completed. Up to `concurrency` requests at once."""
        states = self._many(task_ids, timeout, stalled_after)
        waits = [asyncio.ensure_future(w) for w in self._waits(states, concurrency, on_update, on_poll)]
        try:
            for finished in asyncio.as_completed(waits):
                yield self._outcome(await finished, raise_on_failure)
        finally:
            for wait in waits:
                wait.cancel()

    async def wait_many(
        self,
        task_ids: Iterable[str],
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        concurrency: int = 16,
        raise_on_failure: bool = False,
        on_update: Callable[[Task[R]], object] | None = None,
        on_poll: OnPoll | None = None,
        stalled_after: float | None = None,
    ) -> list[Outcome[R]]:
        """Wait for all the tasks under one deadline; see Client.wait_many. Up to `concurrency` requests at once."""
        states = self._many(task_ids, timeout, stalled_after)
        outcomes = await asyncio.gather(*self._waits(states, concurrency, on_update, on_poll))
        return [self._outcome(outcome, raise_on_failure) for outcome in outcomes]

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


class AsyncClient(_AsyncClient[R]):
    """Client's twin for asyncio: the same methods, awaitable; `watch` and `as_completed` are async
    iterators, and `wait_many` runs up to `concurrency` requests at once. Each exchange is bounded as
    a whole by its deadline, with your own `http_client` too.

    `transport="aiohttp"` (the `aiohttp` extra: httpx-aiohttp) runs the same requests over aiohttp's
    connector, for many concurrent waits (docs/benchmarks.md); errors, caps, deadlines and redaction
    are the same.
    """

    @overload
    def __new__(cls, provider: Literal["aryn"], **options: Unpack[_AsyncOptions]) -> AsyncArynClient: ...
    @overload
    def __new__(cls, provider: Literal["artos"], **options: Unpack[_AsyncOptions]) -> AsyncArtosClient: ...
    @overload
    def __new__(cls, provider: Literal["veza"], **options: Unpack[_AsyncOptions]) -> AsyncVezaClient: ...
    @overload
    def __new__(cls, provider: Literal["unsiloed"], **options: Unpack[_AsyncOptions]) -> AsyncUnsiloedClient: ...
    @overload
    def __new__(cls, provider: Literal["notion"], **options: Unpack[_AsyncOptions]) -> AsyncNotionClient: ...
    @overload
    def __new__(cls, provider: Provider[R], **options: Unpack[_AsyncOptions]) -> Self: ...
    def __new__(cls, provider: str | Provider[R], **options: Any) -> Any:
        return _typed(cls, AsyncClient, provider, 1)
