"""A user's program that takes every typed path right: it passes `mypy --strict` and pyright (strict),
and each `assert_type` pins what a call gives, in both checkers. Checked, never run
(tests/test_typecheck.py); its twin wrong.py holds the mistakes both must refuse."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from typing import Any, assert_type

import taskpoll
from taskpoll import PollEvent, Task
from taskpoll.providers.artos import ArtosClient, GenerateDocumentRequest, TaskStatusResponse
from taskpoll.providers.aryn import ArynClient, AsyncArynClient, Element, PartitionerResponse, PartitionOptions
from taskpoll.providers.notion import (
    AsyncTaskSucceeded,
    CreatePageRequest,
    CreatePageRequestParent,
    NotionClient,
    Page,
    PageMarkdown,
    ReplaceContent,
    UpdatePageMarkdownRequest,
    UpdatePageMarkdownRequestType,
)
from taskpoll.providers.unsiloed import AsyncUnsiloedClient, Chunk, ParseCreateRequest, ParseGetResponse
from taskpoll.providers.veza import AsyncTaskResultObject, GetAssessmentQuerySpecResultRequest, Unset


def show(task: Task[PartitionerResponse]) -> None:
    print(task.state, task.result.elements if task.result else None)


def on_poll(event: PollEvent) -> None:
    print(event.next_delay, event.reason)


def aryn(token: str, saved: dict[str, Any]) -> None:
    with taskpoll.Client("aryn") as client:
        assert_type(client, ArynClient)
        task = client.submit("report.pdf", options=PartitionOptions(use_ocr=True), webhook_url="https://example.com")
        assert_type(task, Task[PartitionerResponse])
        client.submit(b"%PDF-1.7", filename="a.pdf", timeout=60)
        client.submit(file_url="https://example.com/a.pdf", options={"use_ocr": True})
        with open("report.pdf", "rb") as document:
            client.submit(document)
        done = client.run("report.pdf", timeout=900, raise_on_failure=False, on_update=show, on_poll=on_poll)
        assert_type(done.unwrap(), PartitionerResponse)
        assert_type(client.list_tasks(), list[Task[PartitionerResponse]])
        client.cancel(task.id)
        assert_type(client.iter_elements(task.id), Iterator[Element])
        assert_type(client.wait(task.id, on_update=lambda seen: print(seen.progress)), Task[PartitionerResponse])
        assert_type(client.resume(token), Task[PartitionerResponse])
        assert_type(Task.from_dict(saved, client.result_type), Task[PartitionerResponse])
        for element in client.wait(task.id).unwrap().elements or []:
            print(element.type_, element.text_representation or "")
        try:
            client.wait(task.id, timeout=1)
        except taskpoll.WaitTimeoutError as error:
            if error.task is not None:
                assert_type(error.task.typed(client.result_type), Task[PartitionerResponse])
        assert_type(client.wait_many([task.id])[0], Task[PartitionerResponse] | taskpoll.TaskpollError)


def artos_and_veza() -> None:
    artos = taskpoll.Client("artos")
    assert_type(artos, ArtosClient)
    request = GenerateDocumentRequest(
        document_type="report",
        file_paths=["a.pdf"],
        connector_data_id="c",
        workspace_name="w",
        template_id="t",
        output_name="out",
    )
    assert_type(artos.run(request, timeout=60), Task[TaskStatusResponse])
    artos.submit({"document_type": "report"})  # a dict of its fields: checked at run time
    veza = taskpoll.Client("veza", base_url="https://acme.vezacloud.com")
    result = veza.submit(GetAssessmentQuerySpecResultRequest(query_type=1)).unwrap().result
    assert_type(result, AsyncTaskResultObject | list[Any] | str | float | bool | None | Unset)
    if isinstance(result, AsyncTaskResultObject):
        print(result.additional_keys)


def notion(page_id: str) -> None:
    client = taskpoll.Client("notion")
    assert_type(client, NotionClient)
    parent = CreatePageRequestParent(page_id=page_id)
    task = client.run(CreatePageRequest(parent=parent, markdown="# Minutes"), timeout=300)
    assert_type(task, Task[AsyncTaskSucceeded])
    page = task.unwrap().result
    assert_type(page, Page | PageMarkdown)
    if isinstance(page, Page):
        print(page.id, page.url or "")
    update = UpdatePageMarkdownRequest(
        type_=UpdatePageMarkdownRequestType.REPLACE_CONTENT, replace_content=ReplaceContent(new_str="# New")
    )
    client.submit(update, page_id=page_id)


async def asynchronous() -> None:
    async with taskpoll.AsyncClient("aryn") as aryn:
        assert_type(aryn, AsyncArynClient)
        task = await aryn.submit("report.pdf", options=PartitionOptions(use_ocr=True))
        assert_type(task, Task[PartitionerResponse])
        assert_type(await aryn.run("report.pdf", on_update=show), Task[PartitionerResponse])
        assert_type(aryn.iter_elements(task.id), AsyncIterator[Element])
        assert_type(await aryn.list_tasks(), list[Task[PartitionerResponse]])
    async with taskpoll.AsyncClient("unsiloed", transport="aiohttp") as unsiloed:
        assert_type(unsiloed, AsyncUnsiloedClient)
        job = await unsiloed.run(url="https://example.com/a.pdf", options=ParseCreateRequest(merge_tables=True))
        assert_type(job, Task[ParseGetResponse])
        async for chunk in unsiloed.iter_elements(job.id):
            assert_type(chunk, Chunk)


def dynamic() -> None:
    client = taskpoll.Client(taskpoll.providers.get(sys.argv[1]))  # a name known only at run time
    assert_type(client, taskpoll.Client[Any])
    client.submit(sys.argv[2], anything=True)  # Client[Any]: the adapter checks it at run time
