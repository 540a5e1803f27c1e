"""Waits carried by Celery workers: one message makes one poll, then re-enqueues itself with a countdown.

    app = Celery("jobs", broker="redis://127.0.0.1:6379/0")
    app.conf.broker_transport_options = {"visibility_timeout": 600}
    waiter = Waiter(app, clients={"notion": lambda: taskpoll.Client("notion")})

    @app.task
    def page_ready(outcome): ...                     # outcome: see `Waiter.wait`

    waiter.wait("notion", task_id, timeout=3600, callback=page_ready.s())

A wait is a chain of hops of one Celery task (`taskpoll.hop`). Each hop runs `Client.poll_once` once:
it polls if the wait may (the server's hint, the shared rate limit and the deadline allow), and either
calls the callback with the outcome, or enqueues the next hop with `countdown=` until the time the step
gave. No worker slot is held between polls; the wait's state travels in the message as a resume token
(no key in it: a worker's clients hold the keys).

Delivery is at-least-once (Celery with `acks_late`); this module makes each hop take effect once:

- the fence: a Redis key per hop, `SET NX` with a lease as long as one request. A redelivered hop
  that finds its key "done" is dropped; one that finds the step it took recorded repeats only what
  followed the poll (enqueue the next hop, or the callback), never the poll; one that finds a live
  lease comes back when the lease ends. A poll is repeated only when a worker dies between sending
  the request and recording its answer (a window of one request).
- the registry: Redis also loses a message outright when a worker dies between kombu's BRPOP and
  its recording the message as unacknowledged. Each live wait's next hop is kept in Redis (moved in
  the same step as the fence's record); a sweeper thread in every worker process sends a hop again
  once it is `recovery` seconds overdue (past any redelivery), and the fence drops a needless copy.
- the rate limit: one GCRA per provider in Redis (a Lua script on Redis's own clock), shared by every
  worker; each poll books its slot there and the slot's time becomes the countdown. A hop that runs
  late past its slot (`late_slot(rate)`) books another rather than send late (late sends would bunch). Celery's own
  `rate_limit` (per worker) and autoretry (deaf to Retry-After) never decide a poll.
- the configuration check: the hop task is `acks_late` and `reject_on_worker_lost`, and a Redis
  broker's `visibility_timeout` must exceed the longest countdown plus a request (a message held
  longer is delivered a second time); countdowns are clipped to `max_countdown` and the wait
  re-enqueued early (a hop that does not poll) when the step's time lies further out.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import redis
from celery import Celery, Task, signature
from celery.canvas import Signature
from celery.signals import worker_process_init

import taskpoll
import taskpoll.providers
from taskpoll import ConfigurationError, Done, PollAgain, TaskpollError, WaitState

__all__ = ["HOP_TASK", "RedisRateLimit", "Waiter", "documented_rate_limits", "outcome_task"]

logger = logging.getLogger("taskpoll.contrib.celery")

HOP_TASK = "taskpoll.hop"
# Seconds a hop may take beyond its request (Redis round trips, publishing the next hop, a busy worker).
HOP_MARGIN = 2.0
# What Celery's Redis transport uses when the app sets no visibility_timeout.
KOMBU_DEFAULT_VISIBILITY = 3600.0
# kombu's Redis transport: seconds between its sweeps for unacknowledged messages, and how many sweeps
# it skips (kombu 5.7: a scan every interval * throttle seconds).
KOMBU_DEFAULT_RESTORE_INTERVAL = 10.0
KOMBU_DEFAULT_RESTORE_THROTTLE = 10
_FENCE_PREFIX = "taskpoll:hop:"
_LIMIT_PREFIX = "taskpoll:gcra:"
_WAITS_PREFIX = "taskpoll:waits:"  # hash: wait id -> "hop|{state, callback}" of the hop that runs next
_DUE_PREFIX = "taskpoll:due:"  # sorted set: wait id -> when the sweeper sends that hop again

# The registry of live waits, moved only forward: a stale redelivery repeating an old hop never moves a
# wait back. KEYS: waits, due. ARGV: wait id, mode ("next": hop ARGV[3] runs next; "end": the wait ended
# at hop ARGV[3]), hop, entry, due.
_REGISTRY = """
local current = redis.call('HGET', KEYS[1], ARGV[1])
local registered = -1
if current then registered = tonumber(string.match(current, '^(%d+)|')) end
local hop = tonumber(ARGV[3])
if ARGV[2] == 'next' and registered < hop then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3] .. '|' .. ARGV[4])
  redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
elseif ARGV[2] == 'end' and current and registered <= hop then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
end
"""
_REGISTER = _REGISTRY + "return 1\n"
# The fence's record of a hop's step and the registry's move, in one step. KEYS[3]: the fence key.
_RECORD = "redis.call('SET', KEYS[3], ARGV[6], 'PX', ARGV[7])\n" + _REGISTRY + "return 1\n"
# Waits whose next hop is overdue past any redelivery: their entries, their due time moved on (atomic, so
# two sweepers never both send one). KEYS: waits, due. ARGV: now, next due, how many.
_SWEEP = """
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(ids) do
  local entry = redis.call('HGET', KEYS[1], id)
  if entry then
    redis.call('ZADD', KEYS[2], ARGV[2], id)
    table.insert(out, id)
    table.insert(out, entry)
  else
    redis.call('ZREM', KEYS[2], id)
  end
end
return out
"""
# A hop found done while the registry still names it: the wait is over (or the entry stale); drop it.
_FORGET = """
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and tonumber(string.match(current, '^(%d+)|')) == tonumber(ARGV[2]) then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
end
return 1
"""

_GCRA = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local interval = tonumber(ARGV[1])
local tau = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local slot = tat - tau
if slot < now then slot = now end
tat = tat + interval
redis.call('SET', KEYS[1], string.format('%.6f', tat), 'PX', math.ceil((tat - now) * 1000) + 1000)
return {string.format('%.6f', slot), string.format('%.6f', now)}
"""

ClientFactory = Callable[[], "taskpoll.Client[Any]"]


class RedisRateLimit:
    """A provider's request rate shared by every process through Redis: a GCRA (`RateLimit` protocol).

    `book(now)` books the next slot, at most `burst` at once and then one per `1/rate` seconds, and
    returns its time in the caller's clock; Redis's clock orders the bookings, so workers' clocks
    may differ.
    """

    def __init__(self, client: redis.Redis, key: str, rate: float, burst: int | None = None) -> None:
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not math.isfinite(rate) or rate <= 0:
            raise ConfigurationError(f"a rate limit is requests per second above 0, not {rate!r}")
        burst = max(1, math.floor(rate)) if burst is None else burst
        if isinstance(burst, bool) or not isinstance(burst, int) or burst < 1:
            raise ConfigurationError(f"a rate limit's burst is an int >= 1, not {burst!r}")
        self.rate, self.burst, self.key = float(rate), burst, key
        self._script = client.register_script(_GCRA)

    def book(self, now: float) -> float:
        interval = 1.0 / self.rate
        slot, server_now = self._script(keys=[self.key], args=[repr(interval), repr((self.burst - 1) * interval)])
        return now + max(0.0, float(slot) - float(server_now))


def _error_dict(error: BaseException, provider: str, task_id: str) -> dict[str, Any]:
    token = getattr(error, "token", None)
    return {
        "type": type(error).__name__,
        "message": str(error)[:2000],
        "provider": provider,
        "task_id": task_id,
        "status_code": getattr(error, "status_code", None),
        "token": token if isinstance(token, str) else None,
    }


def outcome_task(outcome: Mapping[str, Any]) -> taskpoll.Task[Any]:
    """The final Task a callback's `outcome` holds, its result typed; a wait that ended in an error
    raises ConfigurationError naming it (read `outcome["error"]` to handle it instead)."""
    if not isinstance(outcome, Mapping) or "task" not in outcome:
        raise ConfigurationError("not a taskpoll wait outcome (a dict with 'task' and 'error')")
    if outcome.get("task") is None:
        error = outcome.get("error") or {}
        raise ConfigurationError(f"the wait ended without a final Task: {error.get('type')}: {error.get('message')}")
    task = outcome["task"]
    provider = task.get("provider") if isinstance(task, Mapping) else None
    return taskpoll.Task.from_dict(task, taskpoll.providers.get(str(provider)).result_type)


class Waiter:
    """Carries waits on a Celery app; build it the same way in producers and workers (it registers the
    hop task on `app`).

    `clients` maps a provider to a factory of its `taskpoll.Client` (or is one callable taking the
    provider's name); each worker process builds one client per provider on first use and reuses it,
    so keys stay in the workers. Build those clients without a `rate_limit` of their own
    (`rate_limit=math.inf`): `rate_limits` (requests per second; default each provider's documented
    limit, `documented_rate_limits()`: Notion 3, Unsiloed 1; a mapping replaces the defaults) are
    enforced across all workers through `redis_url` (default: the app's broker). `request_timeout`
    is the longest request a hop makes (a client whose policy allows longer is refused), and
    `max_countdown` the longest countdown a hop schedules (default: what the broker's
    `visibility_timeout` allows).
    """

    def __init__(
        self,
        app: Celery,
        *,
        clients: Mapping[str, ClientFactory] | Callable[[str], taskpoll.Client[Any]],
        redis_url: str | None = None,
        rate_limits: Mapping[str, float] | None = None,
        request_timeout: float = 30.0,
        max_countdown: float | None = None,
        queue: str | None = None,
    ) -> None:
        if not isinstance(app, Celery):
            raise ConfigurationError(f"Waiter needs a celery.Celery app, not {type(app).__name__}")
        if not (callable(clients) or isinstance(clients, Mapping)):
            raise ConfigurationError("clients is a mapping of provider -> client factory, or one factory(provider)")
        self.app = app
        self._clients_spec = clients
        if not _positive(request_timeout):
            raise ConfigurationError(f"request_timeout must be seconds above 0, not {request_timeout!r}")
        self.request_timeout = float(request_timeout)
        self.visibility_timeout = self._check_broker()
        allowed = self.visibility_timeout - self.request_timeout - HOP_MARGIN
        if max_countdown is None:
            max_countdown = allowed
        elif not _positive(max_countdown):
            raise ConfigurationError(f"max_countdown must be seconds above 0, not {max_countdown!r}")
        if max_countdown > allowed or max_countdown < 1.0:
            raise ConfigurationError(
                f"the broker's visibility_timeout ({self.visibility_timeout:g} s) must exceed the longest countdown "
                f"({max_countdown:g} s) plus a request ({self.request_timeout:g} s) plus {HOP_MARGIN:g} s: Redis "
                "delivers a message again when it is held unacknowledged longer, which would duplicate a wait. "
                "Raise broker_transport_options['visibility_timeout'], or lower max_countdown (waits then "
                "re-enqueue early) or request_timeout"
            )
        self.max_countdown = float(max_countdown)
        limits = documented_rate_limits() if rate_limits is None else dict(rate_limits)
        for name, rate in limits.items():
            if name not in taskpoll.providers.names():
                raise ConfigurationError(f"rate_limits names an unknown provider {name!r}")
            if not _positive(rate):
                raise ConfigurationError(f"rate_limits[{name!r}] must be requests per second above 0, not {rate!r}")
        self.rate_limits = limits
        self.redis_url = redis_url or self._broker_url()
        self.queue = queue
        # The fence's "done" marks outlive any redelivery: a message held up to visibility_timeout, then restored.
        self.record_ttl = 2.0 * self.visibility_timeout + 600.0
        self.lease = self.request_timeout + HOP_MARGIN
        # A hop the broker should have delivered (again) by now, yet no worker took: Redis gives a killed
        # worker's unacknowledged messages back only after visibility_timeout and the transport's next
        # sweep, and loses a message outright when a worker dies between its BRPOP and recording it as
        # unacknowledged. After `recovery` seconds past its time, the sweeper sends the hop again
        # (the fence drops the copy if the original turns up after all).
        self.recovery = self.visibility_timeout + self._restore_period() + self.lease + HOP_MARGIN
        self.sweep_every = min(5.0, self.recovery / 4.0)
        space = queue or "celery"
        self._waits_key, self._due_key = _WAITS_PREFIX + space, _DUE_PREFIX + space
        self._lock = threading.Lock()
        self._pid = -1
        self._sweeper_pid = -1
        self._clients: dict[str, taskpoll.Client[Any]] = {}
        self._redis: redis.Redis | None = None
        self._limiters: dict[str, RedisRateLimit] = {}
        worker_process_init.connect(self._on_process_init, weak=False)
        self.hop: Task = app.task(
            name=HOP_TASK,
            bind=True,
            acks_late=True,
            reject_on_worker_lost=True,
            ignore_result=True,
            rate_limit=None,
            autoretry_for=(),
            max_retries=None,
            serializer="json",
        )(self._hop_function())

    # Configuration ----------------------------------------------------------------------------

    def _broker_url(self) -> str:
        url = self.app.conf.broker_url or ""
        if isinstance(url, (list, tuple)):
            url = url[0] if url else ""
        return str(url)

    def _check_broker(self) -> float:
        url = self._broker_url()
        scheme = url.split("://", 1)[0].lower() if "://" in url else ""
        if scheme not in ("redis", "rediss"):
            raise ConfigurationError(
                f"taskpoll.contrib.celery runs on a Redis broker (redis:// or rediss://), not {scheme or url!r}: "
                "its configuration check, fence and shared rate limit are built and tested for Redis"
            )
        if self.app.conf.task_always_eager:
            raise ConfigurationError(
                "task_always_eager runs a countdown at once, in the caller: a wait would poll in a tight loop"
            )
        options = self.app.conf.broker_transport_options or {}
        visibility = options.get("visibility_timeout", KOMBU_DEFAULT_VISIBILITY)
        if not _positive(visibility):
            raise ConfigurationError(f"broker visibility_timeout must be seconds above 0, not {visibility!r}")
        return float(visibility)

    def _restore_period(self) -> float:
        """How often kombu's Redis transport looks for unacknowledged messages to give back (seconds)."""
        options = self.app.conf.broker_transport_options or {}
        interval = options.get("unacked_restore_interval", KOMBU_DEFAULT_RESTORE_INTERVAL)
        throttle = options.get("unacked_restore_throttle", KOMBU_DEFAULT_RESTORE_THROTTLE)
        if not _positive(interval) or not _positive(throttle):
            raise ConfigurationError(
                "broker unacked_restore_interval and unacked_restore_throttle must be numbers above 0, "
                f"not {interval!r} and {throttle!r}"
            )
        return float(interval) * float(throttle)

    def check(self) -> None:
        """Refuse an app whose settings would lose or duplicate waits, or let Celery decide when to poll."""
        task = self.app.tasks[HOP_TASK]
        problems = []
        if not task.acks_late:
            problems.append("acks_late is off (a worker that dies mid-hop would lose the wait)")
        if not task.reject_on_worker_lost:
            problems.append("reject_on_worker_lost is off (a pool process killed mid-hop would lose the wait)")
        if task.rate_limit:
            problems.append("a Celery rate_limit is set (per worker, not global; taskpoll paces polls itself)")
        if getattr(task, "autoretry_for", ()):
            problems.append("autoretry_for is set (Celery's retry ignores Retry-After; taskpoll decides retries)")
        if problems:
            raise ConfigurationError(f"the app overrides the {HOP_TASK} task's settings: " + "; ".join(problems))

    # Producer ---------------------------------------------------------------------------------

    def wait(self, provider: str, task_id: str, *, timeout: float = 600.0, callback: Signature) -> str:
        """Start waiting for `task_id`; return the wait's id. When the wait ends, `callback` is called
        with one argument, the outcome dict: `{"wait_id", "provider", "task_id", "task", "error"}` where
        `task` is the final `Task.to_dict()` (succeeded, failed or canceled: `outcome_task` rebuilds it,
        result typed) or None, and `error` is None or `{"type", "message", "provider", "task_id",
        "status_code", "token"}` for a wait that ended otherwise (`token` resumes a timed-out wait).
        """
        if provider not in taskpoll.providers.names():
            raise ConfigurationError(
                f"unknown provider {provider!r}; providers are {', '.join(taskpoll.providers.names())}"
            )
        if not isinstance(task_id, str) or not task_id:
            raise taskpoll.InvalidTaskIdError(f"a task id is a non-empty string, not {task_id!r}", provider=provider)
        if not _positive(timeout):
            raise ConfigurationError(f"timeout must be seconds above 0, not {timeout!r}")
        if not isinstance(callback, Signature):
            raise ConfigurationError("callback must be a Celery signature, e.g. my_task.s()")
        self.check()
        wait_id = uuid.uuid4().hex
        start = {"provider": provider, "task_id": task_id, "deadline": time.time() + float(timeout)}
        with self._lock:
            self._per_process()
        assert self._redis is not None
        entry = json.dumps({"state": start, "callback": dict(callback)})
        due = repr(time.time() + self.recovery)
        self._redis.eval(_REGISTER, 2, self._waits_key, self._due_key, wait_id, "next", "0", entry, due)
        self._send(wait_id, 0, start, dict(callback), countdown=0.0)
        return wait_id

    def sweep(self, limit: int = 100) -> int:
        """Send again the next hop of every wait overdue by more than `recovery` seconds (a message the
        broker lost or has not given back); return how many. Each worker process runs this every
        `sweep_every` seconds in a daemon thread; the fence makes a needless copy harmless."""
        with self._lock:
            self._per_process()
        assert self._redis is not None
        now = time.time()
        found = self._redis.eval(_SWEEP, 2, self._waits_key, self._due_key, repr(now), repr(now + self.recovery), limit)
        found, sent = list(found or []), 0
        for wait_id, entry in zip(found[0::2], found[1::2], strict=True):
            wait_id = wait_id.decode() if isinstance(wait_id, bytes) else str(wait_id)
            text = entry.decode() if isinstance(entry, bytes) else str(entry)
            hop, _, body = text.partition("|")
            try:
                data = json.loads(body)
                state, callback = data["state"], data["callback"]
                number = int(hop)
            except (ValueError, KeyError, TypeError):
                logger.error("wait %s: its registry entry is damaged; dropped", wait_id)
                self._redis.hdel(self._waits_key, wait_id)
                self._redis.zrem(self._due_key, wait_id)
                continue
            logger.warning(
                "wait %s hop %d overdue by over %.0f s (a message lost?): sending it again",
                wait_id,
                number,
                self.recovery,
            )
            self._send(wait_id, number, state, callback, countdown=0.0)
            sent += 1
        return sent

    def _on_process_init(self, **_: object) -> None:
        self._start_sweeper()

    def _start_sweeper(self) -> None:
        with self._lock:
            if self._sweeper_pid == os.getpid():
                return
            self._sweeper_pid = os.getpid()
        threading.Thread(target=self._sweep_forever, name="taskpoll-sweeper", daemon=True).start()

    def _sweep_forever(self) -> None:
        rng = random.Random()
        while True:
            time.sleep(self.sweep_every * (0.5 + rng.random()))
            try:
                self.sweep()
            except Exception as exc:  # Redis down, a broker hiccup: the next sweep tries again
                logger.warning("taskpoll sweeper: %s: %s", type(exc).__name__, exc)

    def _send(self, wait_id: str, hop: int, state: dict[str, Any], callback: dict[str, Any], countdown: float) -> None:
        options: dict[str, Any] = {"countdown": max(0.0, min(countdown, self.max_countdown))}
        if self.queue is not None:
            options["queue"] = self.queue
        self.app.tasks[HOP_TASK].apply_async((wait_id, hop, state, callback), **options)

    # Worker -----------------------------------------------------------------------------------

    def _per_process(self) -> None:
        if self._pid != os.getpid():  # a forked pool process builds its own connections
            self._pid = os.getpid()
            self._clients, self._limiters = {}, {}
            self._redis = redis.Redis.from_url(self.redis_url, socket_timeout=10.0, socket_connect_timeout=10.0)

    def _client(self, provider: str) -> taskpoll.Client[Any]:
        client = self._clients.get(provider)
        if client is None:
            spec = self._clients_spec
            try:
                if isinstance(spec, Mapping):
                    if provider not in spec:
                        raise ConfigurationError(f"this worker has no client for {provider}", provider=provider)
                    client = spec[provider]()
                else:
                    client = spec(provider)
            except TaskpollError:
                raise
            except Exception as exc:
                raise ConfigurationError(
                    f"the client factory for {provider} raised {type(exc).__name__}: {exc}", provider=provider
                ) from None
            if not isinstance(client, taskpoll.Client) or client.provider != provider:
                raise ConfigurationError(
                    f"the client factory for {provider} must return a taskpoll.Client({provider!r})"
                )
            if client.policy.request_timeout > self.request_timeout:
                raise ConfigurationError(
                    f"the {provider} client's policy allows {client.policy.request_timeout:g} s per request, more than "
                    f"the Waiter's request_timeout ({self.request_timeout:g} s) that its visibility check assumed",
                    provider=provider,
                )
            self._clients[provider] = client
        return client

    def _limiter(self, provider: str) -> RedisRateLimit | None:
        rate = self.rate_limits.get(provider)
        if rate is None:
            return None
        limiter = self._limiters.get(provider)
        if limiter is None:
            assert self._redis is not None
            limiter = self._limiters[provider] = RedisRateLimit(self._redis, _LIMIT_PREFIX + provider, rate)
        return limiter

    def _hop_function(self) -> Callable[..., None]:
        def hop(task: Task, wait_id: str, hop: int, state: dict[str, Any], callback: dict[str, Any]) -> None:
            self._run_hop(task, wait_id, hop, state, callback)

        return hop

    def _run_hop(self, task: Task, wait_id: str, hop: int, state: dict[str, Any], callback: dict[str, Any]) -> None:
        try:
            with self._lock:
                self._per_process()
            self._start_sweeper()
            self._fenced_hop(wait_id, hop, state, callback)
        except redis.RedisError as exc:  # the fence cannot be read: nothing was polled; try the hop again
            logger.warning("wait %s hop %d: Redis unavailable (%s); retrying the hop", wait_id, hop, type(exc).__name__)
            raise task.retry(countdown=2.0, max_retries=None) from None

    def _fenced_hop(self, wait_id: str, hop: int, state: dict[str, Any], callback: dict[str, Any]) -> None:
        assert self._redis is not None
        key = f"{_FENCE_PREFIX}{wait_id}:{hop}"
        claimed = bool(self._redis.set(key, b"run", nx=True, px=int(self.lease * 1000)))
        if not claimed:
            record = self._get(key)
            if record is None:  # the lease just ended: take it now
                claimed = bool(self._redis.set(key, b"run", nx=True, px=int(self.lease * 1000)))
            if not claimed:
                self._duplicate(key, record, wait_id, hop, state, callback)
                return
        action = self._step(wait_id, state)
        self._record(key, action, wait_id, hop, callback)
        self._perform(action, wait_id, hop, callback)
        self._redis.set(key, b"done", px=int(self.record_ttl * 1000))

    def _record(self, key: str, action: dict[str, Any], wait_id: str, hop: int, callback: dict[str, Any]) -> None:
        """The fence's record of the step this hop took, and the registry moved on to the next hop (or the
        wait removed from it), in one Redis step: before anything is sent."""
        assert self._redis is not None
        if "end" in action:
            mode, number, entry, due = "end", hop, "", "0"
        else:
            mode, number = "next", hop + 1
            entry = json.dumps({"state": action["next"], "callback": callback})
            countdown = max(0.0, min(float(action["at"]) - time.time(), self.max_countdown))
            due = repr(time.time() + countdown + self.recovery)
        ttl = str(int(self.record_ttl * 1000))
        keys = (self._waits_key, self._due_key, key)
        self._redis.eval(_RECORD, 3, *keys, wait_id, mode, str(number), entry, due, json.dumps(action), ttl)

    def _get(self, key: str) -> bytes | None:
        assert self._redis is not None
        value = self._redis.get(key)
        return value.encode() if isinstance(value, str) else value

    def _duplicate(
        self, key: str, record: bytes | None, wait_id: str, hop: int, state: dict[str, Any], callback: dict[str, Any]
    ) -> None:
        assert self._redis is not None
        if record == b"done":
            logger.info("wait %s hop %d delivered again: already done, dropped", wait_id, hop)
            self._redis.eval(_FORGET, 2, self._waits_key, self._due_key, wait_id, str(hop))
        elif record == b"run" or record is None:
            # Another delivery holds the lease: running now, or died mid-hop. Come back when the lease ends.
            remaining = max(self._redis.pttl(key), 0) / 1000.0
            logger.info("wait %s hop %d delivered again while leased; back in %.1f s", wait_id, hop, remaining)
            self._send(wait_id, hop, state, callback, countdown=remaining + 0.2)
        else:
            # The poll was made and its step recorded, then the worker stopped: repeat what follows, not the poll.
            logger.info("wait %s hop %d delivered again after its poll: finishing it", wait_id, hop)
            self._perform(json.loads(record), wait_id, hop, callback)
            self._redis.set(key, b"done", px=int(self.record_ttl * 1000))

    def _step(self, wait_id: str, state: dict[str, Any]) -> dict[str, Any]:
        """One poll (or none, when the wait must not poll yet): the next hop's state and time, or the end."""
        provider, task_id = str(state.get("provider")), str(state.get("task_id"))
        at = state.get("at")
        if isinstance(at, (int, float)) and at > time.time() + 0.001:  # a clipped countdown: not yet
            return {"next": state, "at": at}
        try:
            client = self._client(provider)
            token = state.get("token")
            if isinstance(token, str):
                wait: WaitState | str = self._rebook_if_late(provider, WaitState.from_token(token))
            else:
                # A wait whose deadline passed before its first poll ends at once, with a token that resumes it.
                remaining = max(float(state["deadline"]) - time.time(), 1e-6)
                wait = client.new_wait(task_id, timeout=remaining)
            step = client.poll_once(wait, rate_limit=self._limiter(provider))
        except Exception as exc:  # every way a hop can fail ends the wait visibly, through the callback
            if not isinstance(exc, TaskpollError):
                logger.exception("wait %s: %s task %r: the hop failed", wait_id, provider, task_id)
            return {"end": self._outcome(wait_id, provider, task_id, exc)}
        if isinstance(step, Done):
            return {"end": self._outcome(wait_id, provider, task_id, step.outcome)}
        assert isinstance(step, PollAgain)
        logger.debug("wait %s: %s task %r: next poll at %.3f (%s)", wait_id, provider, task_id, step.at, step.reason)
        nxt = {"provider": provider, "task_id": task_id, "token": step.state.token(), "at": step.at}
        return {"next": nxt, "at": step.at}

    def _rebook_if_late(self, provider: str, wait: WaitState) -> WaitState:
        """A hop that runs late past its rate-limit slot books a new one instead of sending at once: late
        sends would bunch with the polls booked after theirs (the limit holds for booked slots only if
        each request goes out at its slot)."""
        rate = self.rate_limits.get(provider)
        if rate is None or wait.booked is None:
            return wait
        late = time.time() - wait.booked
        if late <= late_slot(rate):
            return wait
        logger.debug("wait %s: %.3f s past its rate-limit slot; booking another", wait.task_id, late)
        return WaitState.from_dict({**wait.to_dict(), "b": None})

    @staticmethod
    def _outcome(wait_id: str, provider: str, task_id: str, outcome: object) -> dict[str, Any]:
        if isinstance(outcome, taskpoll.Task):
            return {
                "wait_id": wait_id,
                "provider": provider,
                "task_id": task_id,
                "task": outcome.to_dict(),
                "error": None,
            }
        assert isinstance(outcome, BaseException)
        error = _error_dict(outcome, provider, task_id)
        return {"wait_id": wait_id, "provider": provider, "task_id": task_id, "task": None, "error": error}

    def _perform(self, action: dict[str, Any], wait_id: str, hop: int, callback: dict[str, Any]) -> None:
        if "end" in action:
            signature(callback, app=self.app).apply_async(args=(action["end"],))
            return
        self._send(wait_id, hop + 1, action["next"], callback, countdown=float(action["at"]) - time.time())


def late_slot(rate: float) -> float:
    """How late past its slot a request may still go out without breaking the limit's promise: the
    busiest 1 s window holds at most burst + rate requests (burst = floor(rate), at least 1).

    The GCRA's slots are 1/rate apart after the burst; requests sent up to e after their slots fall in a
    1 s window only if their slots fall in 1 + e s, which holds one slot more once rate * e reaches
    1 - frac(rate). Half that margin is left for the time between this check and the send."""
    fraction = rate - math.floor(rate)
    return min(0.5, (1.0 - fraction) / rate / 2.0)


def documented_rate_limits() -> dict[str, float]:
    """Each provider's documented request rate (requests per second), for those that document one."""
    limits = {}
    for name in taskpoll.providers.names():
        rate = taskpoll.providers.get(name).rate_limit
        if rate is not None and math.isfinite(rate):
            limits[name] = float(rate)
    return limits


def _positive(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value) and value > 0
