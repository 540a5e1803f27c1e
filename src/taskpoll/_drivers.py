"""Run the engine's flows with real I/O. The only code that exists in a sync and an async colour.

A driver turns a flow's commands into calls — `send` a Fetch, sleep, hand an observed Task to the
caller — and sends the results back. Everything that decides anything lives in `_step`.
"""

from __future__ import annotations

import asyncio
import inspect
import math
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import TypeVar

import httpx

from ._engine import Fetch, Flow, Hop, HopEnd, Observe, Outcome, PollEvent, Reply, Scheduler, Sleep
from ._task import Task

R = TypeVar("R")

SyncSend = Callable[[Fetch], Reply]
AsyncSend = Callable[[Fetch], Awaitable[Reply]]
Clock = Callable[[], float]
OnPoll = Callable[[PollEvent], object]  # the on_poll callback of wait()


def drive(
    flow: Flow[R], send: SyncSend, sleep: Callable[[float], None], clock: Clock, on_poll: OnPoll | None = None
) -> Iterator[Task[R]]:
    """Yield each Task the flow observes; the last one is final. Errors propagate from the flow."""
    try:
        command = next(flow)
        while True:
            if isinstance(command, Fetch):
                reply = send(command)
            elif isinstance(command, Sleep):
                if on_poll is not None and command.event is not None:
                    on_poll(command.event)
                sleep(command.seconds)
                reply = Reply(clock())
            else:
                assert isinstance(command, Observe)
                yield command.task
                reply = Reply(clock())
            command = flow.send(reply)
    except StopIteration:
        return
    finally:
        flow.close()


async def drive_async(
    flow: Flow[R], send: AsyncSend, clock: Clock, on_poll: OnPoll | None = None
) -> AsyncIterator[Task[R]]:
    """`drive`, awaiting the request and the sleep (a request is answered at its wait's deadline, as in
    `drive_many_async`)."""
    try:
        command = next(flow)
        while True:
            if isinstance(command, Fetch):
                reply = await _bounded(send, command, clock)
            elif isinstance(command, Sleep):
                if on_poll is not None and command.event is not None:
                    await _settle(on_poll(command.event))
                await asyncio.sleep(command.seconds)
                reply = Reply(clock())
            else:
                assert isinstance(command, Observe)
                yield command.task
                reply = Reply(clock())
            command = flow.send(reply)
    except StopIteration:
        return
    finally:
        flow.close()


def drive_hop(hop: Hop[R], send: SyncSend) -> HopEnd[R]:
    """Run one step of a wait (`_engine.poll_flow`): send its request, if it makes one."""
    try:
        hop.send(send(next(hop)))
    except StopIteration as stop:
        end: HopEnd[R] = stop.value
        return end
    finally:
        hop.close()
    raise RuntimeError("a wait's step makes at most one request")


async def drive_hop_async(hop: Hop[R], send: AsyncSend) -> HopEnd[R]:
    """`drive_hop`, awaiting the request."""
    try:
        hop.send(await send(next(hop)))
    except StopIteration as stop:
        end: HopEnd[R] = stop.value
        return end
    finally:
        hop.close()
    raise RuntimeError("a wait's step makes at most one request")


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
    while scheduler.observed:
        task = scheduler.observed.popleft()
        if on_update is not None:
            result = on_update(task)
            if returned is not None:
                returned.append(result)
    while scheduler.polled:
        event = scheduler.polled.popleft()
        if on_poll is not None:
            result = on_poll(event)
            if returned is not None:
                returned.append(result)
    while scheduler.finished:
        key = scheduler.finished.popleft()
        yield key, scheduler.outcomes[key]


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
