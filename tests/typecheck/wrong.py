"""Mistakes a type checker must refuse: each line below is an error in `mypy --strict` and in pyright
(strict), asserted by its ignore comment. Both run with their unused-ignore checks on
(`--warn-unused-ignores`; `reportUnnecessaryTypeIgnoreComment`), so an expected error that disappears,
or changes its kind, fails tests/test_typecheck.py. A line with one checker's comment only is a mistake
the other checker lets through (listed in docs/typing.md). Checked, never run."""

from __future__ import annotations

from typing import Any

import taskpoll
from taskpoll import Task
from taskpoll.providers.artos import GenerateDocumentRequest, TaskStatusResponse
from taskpoll.providers.aryn import PartitionerResponse, PartitionOptions
from taskpoll.providers.notion import CreatePageRequest, CreatePageRequestParent, Page
from taskpoll.providers.unsiloed import ParseCreateRequest, ParseGetResponse
from taskpoll.providers.veza import GetAssessmentQuerySpecResultRequest


def show_chunks(task: Task[ParseGetResponse]) -> None:
    print(task.id)


def aryn(saved: dict[str, Any]) -> None:
    client = taskpoll.Client("aryn")
    # A misspelled keyword, a wrong type, another provider's request model, text for a document.
    client.submit("report.pdf", optoins={})  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    client.submit("report.pdf", options="ocr")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.submit("report.pdf", options=ParseCreateRequest())  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.submit(12)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    with open("report.txt") as text:
        client.submit(text)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.submit("report.pdf", timeout="60")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # run's own options stay checked beside the provider's arguments.
    client.run("report.pdf", raise_on_failur=False)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    client.run("report.pdf", on_update=show_chunks)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.run("report.pdf", timeout="soon")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # The result is the provider's model, through every path.
    chunks: ParseGetResponse = client.wait("t").unwrap()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    listed: list[Task[ParseGetResponse]] = client.list_tasks()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    rebuilt: Task[ParseGetResponse] = Task.from_dict(saved, client.result_type)  # type: ignore[arg-type]  # pyright: ignore[reportAssignmentType]
    resumed: Task[TaskStatusResponse] = client.resume("token")  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    for element in client.iter_elements("t"):
        print(element.segments)  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownArgumentType]
    # A result is None until the task succeeded: unwrap() it, or check it.
    print(client.wait("t").result.elements)  # type: ignore[union-attr]  # pyright: ignore[reportOptionalMemberAccess]
    print(chunks, listed, rebuilt, resumed)
    # pyright only (strict's reportUnnecessaryIsInstance, reportUnnecessaryComparison): checks the types
    # already answer; mypy --strict has no such check (its strict equality lets `is None` through).
    response = client.wait("t").unwrap()
    if isinstance(response, PartitionerResponse):  # pyright: ignore[reportUnnecessaryIsInstance]
        print(response.elements)
    if response is None:  # pyright: ignore[reportUnnecessaryComparison]
        print("never")


def requests(page_id: str) -> None:
    artos = taskpoll.Client("artos")
    artos.submit()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    artos.submit(GetAssessmentQuerySpecResultRequest())  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    veza = taskpoll.Client("veza")
    veza.submit(GenerateDocumentRequest())  # type: ignore[call-arg, arg-type]  # pyright: ignore[reportCallIssue, reportArgumentType]
    notion = taskpoll.Client("notion")
    notion.submit(CreatePageRequest(parent=CreatePageRequestParent(page_idd=page_id)), page_id=page_id)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    notion.submit(CreatePageRequest(parent=CreatePageRequestParent(page_id=1)))  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    notion.submit(PartitionOptions())  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    created = notion.wait("t").unwrap().result
    print(created.url)  # type: ignore[union-attr]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownArgumentType]
    page: Page = created  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    print(page)


def clients() -> None:
    taskpoll.Client("aryne")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    taskpoll.Client("aryn", api_ky="k")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    taskpoll.Client("aryn", transport="aiohttp")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    response: PartitionerResponse = taskpoll.Client("unsiloed").wait("t").unwrap()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    print(response)


async def asynchronous() -> None:
    async with taskpoll.AsyncClient("unsiloed") as client:
        await client.submit("a.pdf", ur="https://example.com/a.pdf")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
        await client.run(url=1)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
        async for chunk in client.iter_elements("t"):
            print(chunk.elements)  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownArgumentType]
        print(client.submit("a.pdf").id)  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownArgumentType]
        client.wait("t")  # type: ignore[unused-coroutine]  # pyright: ignore[reportUnusedCoroutine]
        # pyright only (strict's reportPrivateUsage): reaching into the client's private parts.
        print(client._provider.name)  # pyright: ignore[reportPrivateUsage]


def dynamic(client: taskpoll.Client[Any]) -> PartitionerResponse:
    # mypy only (warn_return_any): a Client[Any]'s result returned as a typed value; pyright lets Any through.
    return client.wait("t").unwrap()  # type: ignore[no-any-return]
