"""Run the engine's flows with real I/O. The only code that exists in a sync and an async colour.

A driver turns a flow's commands into calls — `send` a Fetch, sleep, hand an observed Task to the
caller — and sends the results back. Everything that decides anything lives in `_step`.
"""

from __future__ import annotations

import asyncio
import inspect
import math
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import closing
from typing import TypeVar

import httpx

from ._engine import Fetch, Flow, Hop, HopEnd, Observe, Outcome, PollEvent, Reply, Scheduler, Sleep
from ._task import Task

R = TypeVar("R")
T = TypeVar("T")

SyncSend = Callable[[Fetch], Reply]
AsyncSend = Callable[[Fetch], Awaitable[Reply]]
Clock = Callable[[], float]
OnPoll = Callable[[PollEvent], object]  # the on_poll callback of wait()


class _Commands(Iterator["Fetch | Sleep | Task[R]"]):
    """A flow's commands one at a time, each answered before the next: a Fetch by `answer(reply)`; a
    Sleep, once slept, and an observed Task, once handed on, by the clock's time. Iteration ends with
    the flow; what the flow raises comes out of `next`."""

    def __init__(self, flow: Flow[R], clock: Clock) -> None:
        self._flow = flow
        self._clock = clock
        self._started = False
        self._reply: Reply | None = None

    def answer(self, reply: Reply) -> None:
        self._reply = reply

    def __next__(self) -> Fetch | Sleep | Task[R]:
        if not self._started:
            self._started = True
            command = next(self._flow)
        else:
            reply, self._reply = self._reply, None
            command = self._flow.send(Reply(self._clock()) if reply is None else reply)
        return command.task if isinstance(command, Observe) else command


def drive(
    flow: Flow[R], send: SyncSend, sleep: Callable[[float], None], clock: Clock, on_poll: OnPoll | None = None
) -> Iterator[Task[R]]:
    """Yield each Task the flow observes; the last one is final. Errors propagate from the flow."""
    commands = _Commands(flow, clock)
    with closing(flow):
        for command in commands:
            if isinstance(command, Fetch):
                commands.answer(send(command))
            elif isinstance(command, Sleep):
                if on_poll is not None and command.event is not None:
                    on_poll(command.event)
                sleep(command.seconds)
            else:
                yield command


async def drive_async(
    flow: Flow[R], send: AsyncSend, clock: Clock, on_poll: OnPoll | None = None
) -> AsyncIterator[Task[R]]:
    """`drive`, awaiting the request and the sleep (a request is answered at its wait's deadline, as in
    `drive_many_async`)."""
    commands = _Commands(flow, clock)
    with closing(flow):
        for command in commands:
            if isinstance(command, Fetch):
                commands.answer(await _bounded(send, command, clock))
            elif isinstance(command, Sleep):
                if on_poll is not None and command.event is not None:
                    await _settle(on_poll(command.event))
                await asyncio.sleep(command.seconds)
            else:
                yield command


def drive_hop(hop: Hop[R], send: SyncSend) -> HopEnd[R]:
    """Run one step of a wait (`_engine.poll_flow`): send its request, if it makes one."""
    with closing(hop):
        request = _hop_step(hop, None)  # its request, or its end when it makes none
        return _hop_end(hop, send(request)) if isinstance(request, Fetch) else request


async def drive_hop_async(hop: Hop[R], send: AsyncSend, clock: Clock) -> HopEnd[R]:
    """`drive_hop`, awaiting the request, which is answered at its wait's deadline as in `drive_async`
    (`clock` tells time as the hop's Fetch does)."""
    with closing(hop):
        request = _hop_step(hop, None)  # its request, or its end when it makes none
        return _hop_end(hop, await _bounded(send, request, clock)) if isinstance(request, Fetch) else request


def _hop_step(hop: Hop[R], reply: Reply | None) -> Fetch | HopEnd[R]:
    """Start the hop (`reply` None) or give it the reply to its request: its next request, or its end."""
    try:
        return next(hop) if reply is None else hop.send(reply)
    except StopIteration as stop:
        end: HopEnd[R] = stop.value
        return end


def _hop_end(hop: Hop[R], reply: Reply) -> HopEnd[R]:
    """The hop's end, once it has the reply to its request."""
    end = _hop_step(hop, reply)
    if isinstance(end, Fetch):
        raise RuntimeError("a wait's step makes at most one request")
    return end


async def _bounded(send: AsyncSend, fetch: Fetch, clock: Clock) -> Reply:
    if math.isinf(fetch.deadline):
        return await send(fetch)
    future = asyncio.ensure_future(send(fetch))
    try:
        await asyncio.wait((future,), timeout=max(0.0, fetch.deadline - clock()))
    except BaseException:  # the caller's cancellation: the request goes with it
        future.cancel()
        raise
    if future.done():
        return future.result()
    future.cancel()
    return Reply(clock(), error=_past_deadline())


async def _settle(result: object) -> None:
    """Await what an async client's callback returned, when it is awaitable (an `async def` callback)."""
    if inspect.isawaitable(result):
        await result


def _drain(
    scheduler: Scheduler[R],
    on_update: Callable[[Task[R]], object] | None,
    on_poll: OnPoll | None,
    returned: list[object] | None = None,
) -> Iterator[tuple[int, Outcome[R]]]:
    """Call the callbacks for what the scheduler saw, then yield the finished outcomes. What the
    callbacks return goes to `returned` (the async driver awaits it, in order)."""
    _call_each(scheduler.observed, on_update, returned)
    _call_each(scheduler.polled, on_poll, returned)
    while scheduler.finished:
        key = scheduler.finished.popleft()
        yield key, scheduler.outcomes[key]


def _call_each(items: deque[T], callback: Callable[[T], object] | None, returned: list[object] | None) -> None:
    """Take each item off `items` and call `callback` with it (when there is one); what it returns goes to
    `returned`."""
    while items:
        item = items.popleft()
        if callback is not None:
            result = callback(item)
            if returned is not None:
                returned.append(result)


def drive_many(
    scheduler: Scheduler[R],
    send: SyncSend,
    sleep: Callable[[float], None],
    clock: Clock,
    on_update: Callable[[Task[R]], object] | None,
    on_poll: OnPoll | None = None,
) -> Iterator[tuple[int, Outcome[R]]]:
    """Yield (index, outcome) as each flow finishes; one request at a time."""
    yield from _drain(scheduler, on_update, on_poll)
    while not scheduler.done:
        started = scheduler.ready(clock())
        for key, fetch in started:
            scheduler.deliver(key, send(fetch))
            yield from _drain(scheduler, on_update, on_poll)
        wakeup = scheduler.wakeup()
        if not started and wakeup is not None:
            sleep(max(0.0, wakeup - clock()))
        yield from _drain(scheduler, on_update, on_poll)


async def drive_many_async(
    scheduler: Scheduler[R],
    send: AsyncSend,
    clock: Clock,
    on_update: Callable[[Task[R]], object] | None,
    on_poll: OnPoll | None = None,
) -> AsyncIterator[tuple[int, Outcome[R]]]:
    """Yield (index, outcome) as each flow finishes, with up to `scheduler.concurrency` requests at once.

    A request still in flight when its wait's deadline passes is answered then, with a timeout, and
    left to unwind on its own: on a loaded event loop, httpx's own timeout takes several more turns to
    come back, each a turn late, and the wait would end that much past its deadline.
    """
    in_flight: dict[asyncio.Future[Reply], tuple[int, float]] = {}  # -> (key, the wait's deadline)
    returned: list[object] = []

    async def drain() -> list[tuple[int, Outcome[R]]]:
        items = list(_drain(scheduler, on_update, on_poll, returned))
        while returned:
            await _settle(returned.pop(0))
        return items

    try:
        for item in await drain():
            yield item
        while not scheduler.done:
            for key, fetch in scheduler.ready(clock()):
                in_flight[asyncio.ensure_future(send(fetch))] = (key, fetch.deadline)
            for item in await drain():
                yield item
            if scheduler.done:
                break
            wakeup = scheduler.wakeup()
            if in_flight:
                cutoff = min(deadline for _, deadline in in_flight.values())
                wakeup = cutoff if wakeup is None else min(wakeup, cutoff)
            timeout = None if wakeup is None or math.isinf(wakeup) else max(0.0, wakeup - clock())
            if in_flight:
                await asyncio.wait(in_flight, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
                now = clock()
                for future in [f for f, (_, deadline) in in_flight.items() if f.done() or deadline <= now]:
                    key, _ = in_flight.pop(future)
                    if future.done():
                        scheduler.deliver(key, future.result())
                    else:
                        future.cancel()
                        scheduler.deliver(key, Reply(now, error=_past_deadline()))
            elif timeout is not None:
                await asyncio.sleep(timeout)
            for item in await drain():
                yield item
    finally:
        for future in in_flight:
            future.cancel()


def _past_deadline() -> httpx.ReadTimeout:
    return httpx.ReadTimeout("the wait's deadline passed before the answer came")
