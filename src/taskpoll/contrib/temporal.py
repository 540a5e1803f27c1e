"""Waits carried by Temporal: a wait is a workflow, each poll one activity, a durable timer in between.

    # a worker process: the keys live here, in its clients
    temporal = await temporalio.client.Client.connect("127.0.0.1:7233")
    clients = {"notion": lambda: taskpoll.AsyncClient("notion", rate_limit=math.inf)}
    await Worker(temporal, clients=clients).run()

    # anywhere else (no key): start waits, collect their outcomes
    task = await outcome(await start_wait(temporal, "notion", task_id, timeout=3600))
    tasks = await wait_many(temporal, "notion", task_ids, timeout=3600)     # Task or TaskpollError each

The workflow (`taskpoll.wait`) keeps the wait's state as its resume token. Each poll is one activity
(`taskpoll.poll`) that runs `AsyncClient.poll_once` with the worker's client; between polls the workflow
sleeps on a durable timer until the step's time (backoff, the server's hint or Retry-After), holding
no worker slot. The step decides, Temporal carries: activities run once (no Temporal retry policy
decides a poll); a poll lost with its worker (killed, stopped, stuck past `poll_timeout`) is run again
with the same state, the one case where a request may be repeated. Completed polls are in the
workflow's history, so a wait resumes on any worker without repeating them.

Activities run on one task queue per provider (`<task_queue>/<provider>`), whose
`max_task_queue_activities_per_second` Temporal enforces for all workers together: each provider's
documented rate limit (Notion 3/s, Unsiloed 1/s) holds across processes. `start_run` submits in an
activity first (never resubmitted: an unanswered submit ends the run with SubmitOutcomeUnknownError);
cancelling the workflow stops the wait and, with `cancel_task` (a run's default), cancels the task
where the provider has a cancel (Aryn). The `poll_now` signal ends a sleep early (a webhook's hint).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import logging
import math
import os
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from temporalio import activity, workflow
from temporalio.client import Client as TemporalClient
from temporalio.client import WorkflowFailureError, WorkflowHandle
from temporalio.common import RetryPolicy, WorkflowIDConflictPolicy, WorkflowIDReusePolicy
from temporalio.exceptions import (
    ActivityError,
    ApplicationError,
    CancelledError,
    WorkflowAlreadyStartedError,
    is_cancelled_exception,
)
from temporalio.worker import Worker as TemporalWorker
from temporalio.worker.workflow_sandbox import SandboxedWorkflowRunner, SandboxRestrictions

with workflow.unsafe.imports_passed_through():  # the workflow uses only values; taskpoll is loaded once
    import taskpoll
    import taskpoll.providers
    from taskpoll import ConfigurationError, TaskpollError

__all__ = [
    "POLL_NOW",
    "TASK_QUEUE",
    "Report",
    "WaitCanceledError",
    "WaitInput",
    "WaitWorkflow",
    "Worker",
    "activity_queue",
    "outcome",
    "poll_now",
    "start_run",
    "start_wait",
    "wait_id",
    "wait_many",
]

logger = logging.getLogger("taskpoll.contrib.temporal")
TASK_QUEUE = "taskpoll"
WORKFLOW, POLL, SUBMIT, CANCEL = "taskpoll.wait", "taskpoll.poll", "taskpoll.submit", "taskpoll.cancel"
POLL_NOW = "poll_now"  # the signal: poll now rather than at the step's time (the server's hints still hold)
STATUS = "status"  # the query: the wait's last step (token, next poll time, reason, polls)
ONCE = RetryPolicy(maximum_attempts=1)  # Temporal never retries an activity: the step decides
LOST_POLLS = 3  # a poll lost this many times in a row (its worker gone each time) ends the wait
SUBMIT_SLACK = 5.0  # seconds a submit activity may take beyond its request's bound
# Temporal paces a queue's dispatch; each worker's own delay before it sends jitters what the provider
# receives (a request's worth, measured): dispatch at this share of the limit to keep what arrives under it.
RATE_MARGIN = 0.95
LATE_SAMPLES, MAX_EARLY = 5, 1.0  # a timer fires early by the median of recent hop delays, at most 1 s
# The sandbox passes taskpoll through whole (httpx and the generated clients are loaded once, not per
# workflow run): this module is part of it, and its workflow code reads no global state and does no I/O.
RUNNER = SandboxedWorkflowRunner(restrictions=SandboxRestrictions.default.with_passthrough_modules("taskpoll"))


@dataclasses.dataclass
class WaitInput:
    """A wait workflow's input: a wait (`task_id`) or a run (`submit_args`), or a continued run's state."""

    provider: str
    task_id: str | None = None
    task_queue: str = TASK_QUEUE
    timeout: float | None = 600.0  # the whole wait (a run: submit included), from the workflow's start
    deadline: float | None = None  # wall clock; the first run sets it from its start time and `timeout`
    token: str | None = None  # the wait's state, when a run continues as new
    at: float | None = None  # ... and when its next poll is due (wall clock)
    submit_args: list[Any] | None = None
    submit_kwargs: dict[str, Any] | None = None
    submit_timeout: float = 300.0
    poll_timeout: float = 60.0  # how long a poll may run before its worker is taken for lost
    cancel_task: bool = False  # cancel the provider's task when the workflow is cancelled
    polls_per_run: int = 500  # continue as new after this many polls (history stays short)


@dataclasses.dataclass
class Report:
    """What an activity tells the workflow: the wait goes on (`token`, `at`), or it ended (`task`/`error`)."""

    task_id: str
    polls: int = 0  # requests the wait has made so far (its state's attempt)
    token: str | None = None
    at: float = 0.0  # wall clock
    reason: str = ""
    late: float | None = None  # how long after the workflow's timer this poll started
    task: dict[str, Any] | None = None  # the final Task's to_dict()
    error: dict[str, Any] | None = None  # the error that ended the wait (`_describe`)


class WaitCanceledError(TaskpollError):
    """The workflow carrying the wait was cancelled (the provider's task may go on; see `cancel_task`)."""

    def __init__(
        self, message: str, *, workflow_id: str, provider: str | None = None, task_id: str | None = None
    ) -> None:
        self.workflow_id = workflow_id
        super().__init__(message, provider=provider, task_id=task_id)


# The workflow -------------------------------------------------------------------------------------


@workflow.defn(name=WORKFLOW)
class WaitWorkflow:
    """One wait (or run) as a workflow: a poll activity, then a durable timer until the step's time."""

    def __init__(self) -> None:
        self._poke = False
        self._status: dict[str, Any] = {}

    @workflow.signal(name=POLL_NOW)
    def poll_now(self) -> None:
        self._poke = True

    @workflow.query(name=STATUS)
    def status(self) -> dict[str, Any]:
        return dict(self._status)

    @workflow.run
    async def run(self, wait: WaitInput) -> dict[str, Any]:
        if wait.deadline is None and wait.timeout is not None:
            start = workflow.info().workflow_start_time.timestamp()
            wait = dataclasses.replace(wait, deadline=start + wait.timeout)
        first = workflow.info().workflow_start_time.timestamp() if wait.token is None else None
        now = workflow.now().timestamp()
        if wait.token is not None and wait.at is not None and wait.at > now:  # a continued run: its timer first
            with contextlib.suppress(TimeoutError):
                await workflow.wait_condition(lambda: self._poke, timeout=wait.at - now)
            first = None if self._poke else wait.at
        if wait.task_id is None:
            submitted = await self._submit(wait)
            if submitted.task is not None:
                return submitted.task  # final at once (Notion may answer 200)
            wait = dataclasses.replace(
                wait, task_id=submitted.task_id, token=submitted.token, submit_args=None, submit_kwargs=None
            )
            first = submitted.at
        try:
            return await self._wait(wait, first)
        except BaseException as exc:
            if is_cancelled_exception(exc) and workflow.cancellation_reason() is not None:
                await self._cancel_task(wait)
            raise

    def _options(self, wait: WaitInput, seconds: float) -> dict[str, Any]:
        return {
            "task_queue": activity_queue(wait.task_queue, wait.provider),
            "start_to_close_timeout": timedelta(seconds=seconds),
            "retry_policy": ONCE,
        }

    async def _wait(self, wait: WaitInput, at: float | None) -> dict[str, Any]:
        token, polls, lost = wait.token, 0, 0
        # When this poll's timer fired (a new wait's first poll: the workflow's start, or the submit's answer)
        # and when the step wants it sent.
        wake, due = at, at
        late: list[float] = []  # how long after its timer each recent poll began
        while True:
            if polls >= max(1, wait.polls_per_run) or (polls and workflow.info().is_continue_as_new_suggested()):
                workflow.continue_as_new(dataclasses.replace(wait, token=token, at=due))
            poked, self._poke = self._poke, False  # a signal from here on ends the next sleep
            if poked:
                wake = due = None  # a signal ended the sleep: poll now (the step still keeps the server's hint)
            try:
                args = [wait.provider, wait.task_id, token, wait.deadline, wake, due, poked]
                step: Report = await workflow.execute_activity(
                    POLL, args=args, result_type=Report, **self._options(wait, wait.poll_timeout)
                )
            except ActivityError as exc:
                if is_cancelled_exception(exc):
                    raise
                lost += 1  # its worker died, stopped or overran poll_timeout: poll again with the same state
                workflow.logger.warning(
                    "%s task %r: poll lost (%s), %d in a row", wait.provider, wait.task_id, exc, lost
                )
                if lost >= LOST_POLLS:
                    message = f"{wait.provider} task {wait.task_id!r}: the poll was lost {lost} times in a row"
                    raise _failure({"type": "TaskpollError", "text": message, "message": message}) from None
                continue
            polls, lost = polls + 1, 0
            if step.late is not None:
                late = [*late, step.late][-LATE_SAMPLES:]
            if step.task is not None:
                return step.task
            if step.error is not None:
                raise _failure(step.error)
            token = step.token
            self._status = {"token": token, "at": step.at, "reason": step.reason, "polls": step.polls}
            now = workflow.now().timestamp()
            wake, due = _wake(step.at, now, late), step.at
            if wake > now and not self._poke:
                with contextlib.suppress(TimeoutError):  # the timer ran out: poll
                    await workflow.wait_condition(lambda: self._poke, timeout=wake - now)
            else:
                wake = None

    async def _submit(self, wait: WaitInput) -> Report:
        """The submit, once: cancelling the workflow meanwhile still waits for its answer (the task it
        made is then cancelled); a submit whose worker was lost is never sent again."""
        left = math.inf if wait.deadline is None else wait.deadline - workflow.now().timestamp()
        timeout = max(0.001, min(wait.submit_timeout, left))
        args = [wait.provider, wait.submit_args or [], wait.submit_kwargs or {}, timeout, wait.deadline]
        options = self._options(wait, timeout + SUBMIT_SLACK)
        submit = asyncio.ensure_future(
            self._submitted(workflow.start_activity(SUBMIT, args=args, result_type=Report, **options), wait)
        )
        try:
            step = await asyncio.shield(submit)
        except asyncio.CancelledError:
            step = await submit
            if step.error is None:
                await self._cancel_task(dataclasses.replace(wait, task_id=step.task_id))
            raise
        if step.error is not None:
            raise _failure(step.error)
        return step

    @staticmethod
    async def _submitted(handle: workflow.ActivityHandle[Any], wait: WaitInput) -> Report:
        try:
            step = await handle
            assert isinstance(step, Report)
            return step
        except ActivityError as exc:
            if is_cancelled_exception(exc):
                raise
            text = f"{wait.provider}: the submit's worker was lost ({exc.cause or exc}); it may have created a task"
            error = {"type": "SubmitOutcomeUnknownError", "text": text, "message": text, "provider": wait.provider}
            return Report("", error=error)

    async def _cancel_task(self, wait: WaitInput) -> None:
        if not wait.cancel_task or not wait.task_id:
            return
        try:
            args = [wait.provider, wait.task_id]
            error = await workflow.execute_activity(
                CANCEL, args=args, result_type=dict, **self._options(wait, wait.poll_timeout)
            )
        except ActivityError as exc:
            error = {"text": f"the cancel's worker was lost: {exc.cause or exc}"}
        if error:
            workflow.logger.warning("%s task %r not cancelled: %s", wait.provider, wait.task_id, error.get("text"))


def _wake(due: float, now: float, late: list[float]) -> float:
    """When the timer fires for a poll due at `due`: early by the median of the wait's recent delays between
    a timer and its poll's start (timer, workflow task, dispatch; not a rate-limited queue's wait for its
    slot), at most MAX_EARLY and half the wait. The activity then waits out what is left (`poll`): the
    request leaves at the step's time, not a hop's latency after it, and never before. Only history goes
    in: replays agree."""
    early = sorted(late)[len(late) // 2] if late else 0.0
    return due - max(0.0, min(early, MAX_EARLY, (due - now) / 2))


def _failure(error: dict[str, Any]) -> ApplicationError:
    """The non-retryable error a wait ends with: type = the taskpoll error class, details = `_describe`."""
    return ApplicationError(str(error.get("text")), error, type=str(error.get("type")), non_retryable=True)


# The worker's activities --------------------------------------------------------------------------


Clients = Mapping[str, Callable[[], "taskpoll.AsyncClient[Any]"]] | Callable[[str], "taskpoll.AsyncClient[Any]"]


class _Activities:
    """The worker's activities, with one AsyncClient per provider built on first use (the keys' only home)."""

    def __init__(self, clients: Clients, rate_limits: Mapping[str, float]) -> None:
        self._spec = clients
        self._limited = set(rate_limits)
        self._clients: dict[str, taskpoll.AsyncClient[Any]] = {}

    def _client(self, provider: str) -> taskpoll.AsyncClient[Any]:
        client = self._clients.get(provider)
        if client is None:
            if isinstance(self._spec, Mapping):
                if provider not in self._spec:
                    raise ConfigurationError(f"this worker has no client for {provider}", provider=provider)
                client = self._spec[provider]()
            else:
                client = self._spec(provider)
            if not isinstance(client, taskpoll.AsyncClient) or client.provider != provider:
                raise ConfigurationError(f"the client factory for {provider} must return a taskpoll.AsyncClient")
            self._clients[provider] = client
        return client

    def prepare(self, providers: Iterable[str]) -> None:
        """Build the clients before the first poll (a first request should not wait for its client)."""
        for provider in providers:
            try:
                self._client(provider)
            except Exception as exc:  # reported again, as the wait's error, by the first poll that needs it
                logger.warning("no %s client: %s: %s", provider, type(exc).__name__, exc)

    async def close(self) -> None:
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()

    @activity.defn(name=POLL)
    async def poll(
        self,
        provider: str,
        task_id: str,
        token: str | None,
        deadline: float | None,
        wake: float | None,
        due: float | None,
        poked: bool = False,
    ) -> Report:
        """One `poll_once` (or none, when the server's hint says not yet); a new wait starts here. Started
        before the step's time (its timer fired early, see `_wake`), it waits until then, at most MAX_EARLY."""
        late = None
        if wake is not None:  # a rate-limited queue's wait for its slot is the limit's, not the carrier's delay
            info = activity.info()
            began = info.current_attempt_scheduled_time.timestamp() if provider in self._limited else time.time()
            late = began - wake
        if due is not None and 0 < due - time.time() <= MAX_EARLY:
            await asyncio.sleep(due - time.time())
        try:
            client = self._client(provider)
            limit = activity.info().start_to_close_timeout
            if limit is not None and client.policy.request_timeout + 1.0 > limit.total_seconds():
                raise ConfigurationError(
                    f"the {provider} client's request_timeout ({client.policy.request_timeout:g} s) needs a "
                    f"poll_timeout of at least a second more than that (it is {limit.total_seconds():g} s)",
                    provider=provider,
                )
            state: taskpoll.WaitState | str
            if token is None:
                state = client.new_wait(task_id, timeout=_left(deadline))
            else:  # poked: due at once, unless the server asked for later
                state = taskpoll.WaitState.from_token(token).due_now() if poked else token
            step = await client.poll_once(state)
        except Exception as exc:  # every way a poll can fail ends the wait visibly, as its typed error
            return Report(task_id, late=late, error=_describe(exc, provider, task_id))
        if isinstance(step, taskpoll.Done):
            return _ended(task_id, step.state.attempt, step.outcome, provider)
        return Report(task_id, step.state.attempt, step.state.token(), step.at, step.reason, late)

    @activity.defn(name=SUBMIT)
    async def submit(
        self, provider: str, args: list[Any], kwargs: dict[str, Any], timeout: float, deadline: float | None
    ) -> Report:
        """`submit` once, then the wait's first state (its first poll due now), or the final Task."""
        try:
            client = self._client(provider)
            task = await client.submit(*args, timeout=timeout, **kwargs)
            if task.state.is_terminal:
                return Report(task.id, task=task.to_dict())
            return Report(task.id, token=client.new_wait(task.id, timeout=_left(deadline)).token(), at=time.time())
        except Exception as exc:
            return Report("", error=_describe(exc, provider, None))

    @activity.defn(name=CANCEL)
    async def cancel(self, provider: str, task_id: str) -> dict[str, Any]:
        """Cancel the task where the provider can (nothing is sent where it cannot); {} or the error."""
        try:
            await self._client(provider).cancel(task_id)
        except Exception as exc:
            return _describe(exc, provider, task_id)
        return {}


def _left(deadline: float | None) -> float | None:
    return None if deadline is None else max(deadline - time.time(), 1e-6)


def _ended(task_id: str, polls: int, outcome: object, provider: str) -> Report:
    if isinstance(outcome, taskpoll.Task):
        return Report(task_id, polls, task=outcome.to_dict())
    assert isinstance(outcome, BaseException)
    return Report(task_id, polls, error=_describe(outcome, provider, task_id))


_FIELDS = ("status_code", "code", "retry_after", "request_id", "elapsed", "token", "operation", "limit", "sent")


def _describe(error: BaseException, provider: str, task_id: str | None) -> dict[str, Any]:
    """A taskpoll error as JSON for the workflow's history (no key: taskpoll's errors never hold one)."""
    if isinstance(error, TaskpollError):
        kind = type(error).__name__
        message = getattr(error, "message", None) if isinstance(error, taskpoll.APIError) else None
        message = message if message is not None else (str(error.args[0]) if error.args else str(error))
        text = str(error)
    else:
        kind, message = "TaskpollError", f"{type(error).__name__}: {error}"
        text = f"{provider} task {task_id!r}: {message}"
    data: dict[str, Any] = {
        "type": kind,
        "text": text[:2000],
        "message": message[:2000],
        "provider": getattr(error, "provider", None) or provider,
        "task_id": getattr(error, "task_id", None) or task_id,
    }
    for name in _FIELDS:
        value = getattr(error, name, None)
        if isinstance(value, (str, bool, int)) or (isinstance(value, float) and math.isfinite(value)):
            data[name] = value
    if isinstance(error, taskpoll.TaskStalledError):
        data |= {"stalled_after": error.stalled_after, "last_activity": error.last_activity.isoformat()}
    task, last = getattr(error, "task", None), getattr(error, "last_error", None)
    if isinstance(task, taskpoll.Task):
        data["task"] = task.to_dict()
    if isinstance(last, TaskpollError):
        data["last_error"] = _describe(last, provider, task_id)
    return data


def _task(data: Mapping[str, Any]) -> taskpoll.Task[Any]:
    """The Task a workflow returned (`Task.to_dict()`), its result rebuilt as its provider's model."""
    return taskpoll.Task.from_dict(data, taskpoll.providers.get(str(data.get("provider"))).result_type)


def _rebuild(data: Mapping[str, Any]) -> TaskpollError:
    """The taskpoll error `_describe` wrote (its class by name; `body` is not carried)."""
    found = getattr(taskpoll, str(data.get("type")), None)
    cls = found if isinstance(found, type) and issubclass(found, TaskpollError) else TaskpollError
    message = str(data.get("message") or data.get("text") or "")
    where: dict[str, Any] = {"provider": data.get("provider"), "task_id": data.get("task_id")}
    task = _task(data["task"]) if isinstance(data.get("task"), dict) else None
    answer = {"status_code": int(data.get("status_code") or 0), "request_id": data.get("request_id"), **where}
    if issubclass(cls, taskpoll.WaitTimeoutError):
        last = data.get("last_error")
        wait: dict[str, Any] = {
            "provider": str(where["provider"]),
            "task_id": str(where["task_id"]),
            "task": task,
            "elapsed": float(data.get("elapsed") or 0.0),
            "token": str(data.get("token") or ""),
            "last_error": _rebuild(last) if isinstance(last, dict) else None,
        }
        if issubclass(cls, taskpoll.TaskStalledError):
            try:
                active = datetime.fromisoformat(str(data.get("last_activity")))
                return cls(message, last_activity=active, stalled_after=float(data["stalled_after"]), **wait)
            except (KeyError, TypeError, ValueError):  # an older worker's description: a plain timeout
                cls = taskpoll.WaitTimeoutError
        return cls(message, **wait)
    if issubclass(cls, (taskpoll.TaskFailedError, taskpoll.TaskCanceledError)) and task is not None:
        return cls(task)
    if issubclass(cls, taskpoll.ResultUnavailableError) and task is not None:
        return cls(message, task=task)
    if issubclass(cls, taskpoll.APIError):
        return cls(message, code=data.get("code"), retry_after=data.get("retry_after"), **answer)
    if issubclass(cls, taskpoll.ResponseTooLargeError):
        return cls(message, limit=int(data.get("limit") or 0), **answer)
    if issubclass(cls, taskpoll.ResponseValidationError):
        return cls(message, **answer)
    if issubclass(cls, taskpoll.UnsupportedOperationError):
        return cls(message, operation=str(data.get("operation")), provider=where["provider"])
    if issubclass(cls, taskpoll.APITimeoutError):
        return cls(message, sent=data.get("sent") is not False, **where)
    try:
        return cls(message, **where)
    except TypeError:  # a class this version cannot build from a message: keep the name in the text
        return TaskpollError(str(data.get("text") or message), **where)


def _dispatch_rate(rate: float | None) -> float | None:
    return None if rate is None else rate * RATE_MARGIN


def activity_queue(task_queue: str, provider: str) -> str:
    """The task queue of a provider's polls, submits and cancels: its rate limit is the queue's."""
    return f"{task_queue}/{provider}"


class Worker:
    """The wait workflows on `task_queue`, and the activities of each provider `clients` serves on its
    own task queue, rate-limited by Temporal for all workers together (`rate_limits`, default each
    provider's documented limit, its adapter's `rate_limit`; a mapping replaces them).

    `clients` maps a provider to a factory of its `taskpoll.AsyncClient` (or is one callable taking the
    provider's name): build them with `rate_limit=math.inf`, so that Temporal alone paces the polls.
    `graceful_shutdown` lets polls in flight finish on shutdown (keep it above the request timeout).
    `run()` runs until cancelled or `shutdown()`; `async with Worker(...)` runs it in the background.
    """

    def __init__(
        self,
        client: TemporalClient,
        *,
        clients: Clients,
        task_queue: str = TASK_QUEUE,
        rate_limits: Mapping[str, float] | None = None,
        max_concurrent_polls: int = 100,
        graceful_shutdown: float = 35.0,
    ) -> None:
        if not (callable(clients) or isinstance(clients, Mapping)):
            raise ConfigurationError("clients is a mapping of provider -> client factory, or one factory(provider)")
        providers = tuple(clients) if isinstance(clients, Mapping) else taskpoll.providers.names()
        documented = {name: taskpoll.providers.get(name).rate_limit for name in taskpoll.providers.names()}
        limits = {n: float(r) for n, r in documented.items() if r is not None and math.isfinite(r)}
        limits = limits if rate_limits is None else dict(rate_limits)
        for name, rate in limits.items():
            if name not in taskpoll.providers.names():
                raise ConfigurationError(f"rate_limits names an unknown provider {name!r}")
            if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 < rate < math.inf:
                raise ConfigurationError(f"rate_limits[{name!r}] must be requests per second above 0, not {rate!r}")
        self.rate_limits, self.providers = limits, providers
        self._activities = _Activities(clients, limits)
        activities: list[Callable[..., Any]] = [self._activities.poll, self._activities.submit, self._activities.cancel]
        self.workers = [TemporalWorker(client, task_queue=task_queue, workflows=[WaitWorkflow], workflow_runner=RUNNER)]
        for provider in providers:
            self.workers.append(
                TemporalWorker(
                    client,
                    task_queue=activity_queue(task_queue, provider),
                    activities=activities,
                    max_task_queue_activities_per_second=_dispatch_rate(limits.get(provider)),
                    max_concurrent_activities=max_concurrent_polls,
                    graceful_shutdown_timeout=timedelta(seconds=graceful_shutdown),
                )
            )
        self._running: asyncio.Task[None] | None = None

    async def run(self) -> None:
        self._activities.prepare(self.providers)
        try:
            await asyncio.gather(*(worker.run() for worker in self.workers))
        finally:
            await self._activities.close()

    async def shutdown(self) -> None:
        await asyncio.gather(*(worker.shutdown() for worker in self.workers))

    async def __aenter__(self) -> Worker:
        self._running = asyncio.ensure_future(self.run())
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.shutdown()
        if self._running is not None:
            await self._running


# The starter's side -------------------------------------------------------------------------------


def wait_id(provider: str, task_id: str) -> str:
    """The workflow id of the wait for this task: starting the same wait twice attaches to the first."""
    name = f"taskpoll-wait/{provider}/{task_id}"
    return (
        name if len(name) <= 500 else f"taskpoll-wait/{provider}/sha256:{hashlib.sha256(task_id.encode()).hexdigest()}"
    )


def _check_provider(provider: str) -> None:
    if provider not in taskpoll.providers.names():
        names = ", ".join(taskpoll.providers.names())
        raise ConfigurationError(f"unknown provider {provider!r}; providers are {names}")


async def start_wait(
    client: TemporalClient,
    provider: str,
    task_id: str,
    *,
    timeout: float | None = 600.0,
    task_queue: str = TASK_QUEUE,
    poll_timeout: float = 60.0,
    cancel_task: bool = False,
) -> WorkflowHandle[Any, Any]:
    """Start the wait for `task_id`, or attach to it: a wait that is running, or that ended with a final
    Task, is the one returned (`wait_id`); a wait that failed or was cancelled is started anew."""
    _check_provider(provider)
    if not isinstance(task_id, str) or not task_id:
        raise taskpoll.InvalidTaskIdError(f"a task id is a non-empty string, not {task_id!r}", provider=provider)
    wait = WaitInput(provider, task_id, task_queue, timeout, poll_timeout=poll_timeout, cancel_task=cancel_task)
    workflow_id = wait_id(provider, task_id)
    return await _start(client, workflow_id, wait, WorkflowIDReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY)


async def start_run(
    client: TemporalClient,
    provider: str,
    *args: Any,
    workflow_id: str,
    timeout: float | None = 600.0,
    submit_timeout: float = 300.0,
    task_queue: str = TASK_QUEUE,
    poll_timeout: float = 60.0,
    cancel_task: bool = True,
    **kwargs: Any,
) -> WorkflowHandle[Any, Any]:
    """Submit (the provider's arguments, as for `AsyncClient.submit`) and wait, as one workflow.

    `workflow_id` names the run: starting it again attaches to it, running or ended, so one id makes
    at most one submit. The arguments are kept in the workflow's history: documents travel as paths
    the workers can read or as URLs, request models as their dicts (converted here).
    """
    _check_provider(provider)
    wait = WaitInput(
        provider,
        None,
        task_queue,
        timeout,
        submit_args=[_plain(value) for value in args],
        submit_kwargs={name: _plain(value) for name, value in kwargs.items()},
        submit_timeout=submit_timeout,
        poll_timeout=poll_timeout,
        cancel_task=cancel_task,
    )
    return await _start(client, workflow_id, wait, WorkflowIDReusePolicy.REJECT_DUPLICATE)


async def _start(
    client: TemporalClient, workflow_id: str, wait: WaitInput, reuse: WorkflowIDReusePolicy
) -> WorkflowHandle[Any, Any]:
    try:
        return await client.start_workflow(
            WORKFLOW,
            wait,
            id=workflow_id,
            task_queue=wait.task_queue,
            id_reuse_policy=reuse,
            id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
            result_type=dict,
        )
    except WorkflowAlreadyStartedError:  # ended, and not to be started again: its outcome stands
        return client.get_workflow_handle(workflow_id, result_type=dict)


def _plain(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)) or hasattr(value, "read"):
        raise ConfigurationError(
            "a run's document travels to the worker as a path it can read or a URL, not as bytes or an open "
            "file: the workflow's history keeps every argument"
        )
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


async def outcome(handle: WorkflowHandle[Any, Any], *, raise_on_failure: bool = True) -> taskpoll.Task[Any]:
    """The final Task of a wait's workflow, its result typed; the taskpoll error that ended the wait is
    raised as its own class (WaitTimeoutError with its token, NotFoundError, ...), a cancelled workflow
    as WaitCanceledError. With `raise_on_failure`, a failed or canceled task raises as `Client.wait` does."""
    try:
        data = await handle.result()
    except WorkflowFailureError as exc:
        cause = exc.cause
        if isinstance(cause, ApplicationError) and cause.details and isinstance(cause.details[0], dict):
            raise _rebuild(cause.details[0]) from exc
        if isinstance(cause, CancelledError):
            raise WaitCanceledError(
                f"the workflow {handle.id} carrying this wait was cancelled", workflow_id=handle.id
            ) from exc
        raise TaskpollError(f"the workflow {handle.id} ended without an outcome: {cause or exc}") from exc
    task = _task(data)
    if raise_on_failure and task.state is taskpoll.TaskState.FAILED:
        raise taskpoll.TaskFailedError(task)
    if raise_on_failure and task.state is taskpoll.TaskState.CANCELED:
        raise taskpoll.TaskCanceledError(task)
    return task


async def wait_many(
    client: TemporalClient,
    provider: str,
    task_ids: Iterable[str],
    *,
    timeout: float | None = 600.0,
    raise_on_failure: bool = False,
    task_queue: str = TASK_QUEUE,
    poll_timeout: float = 60.0,
) -> list[taskpoll.Task[Any] | TaskpollError]:
    """Start (or attach to) the wait of every task and collect the outcomes in the order of `task_ids`,
    as `AsyncClient.wait_many` does: an error takes its task's place instead of stopping the others."""
    ids = list(task_ids)
    handles = await asyncio.gather(
        *(
            start_wait(client, provider, i, timeout=timeout, task_queue=task_queue, poll_timeout=poll_timeout)
            for i in ids
        )
    )

    async def settle(handle: WorkflowHandle[Any, Any]) -> taskpoll.Task[Any] | TaskpollError:
        try:
            return await outcome(handle, raise_on_failure=raise_on_failure)
        except TaskpollError as exc:
            return exc

    return list(await asyncio.gather(*(settle(handle) for handle in handles)))


async def poll_now(client: TemporalClient, provider: str, task_id: str) -> None:
    """Ask the running wait for this task to poll now (what a webhook handler sends on a provider's call)."""
    await client.get_workflow_handle(wait_id(provider, task_id)).signal(POLL_NOW)
