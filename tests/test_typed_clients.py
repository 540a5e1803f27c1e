"""`Client("<name>")` is the provider's typed client (the class a type checker is told it gets), whose
typed submit and run show exactly the arguments the adapter's `submit_call` takes; `Task.typed`."""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
import typing
from typing import Any

import pytest

import taskpoll
from taskpoll import Task, TaskState
from taskpoll.providers import get, names
from taskpoll.providers.aryn import PartitionerResponse
from taskpoll.providers.unsiloed import ParseGetResponse

CLIENTS = [(taskpoll.Client, 0), (taskpoll.AsyncClient, 1)]


def returned_by_overloads(cls: type) -> dict[str, str]:
    """{provider name: the class name its `Literal` overload of `cls.__new__` returns}."""
    mapping = {}
    for overload in typing.get_overloads(cls.__new__):
        literal = re.findall(r"Literal\[['\"](\w+)['\"]\]", str(overload.__annotations__.get("provider", "")))
        if literal:
            mapping[literal[0]] = str(overload.__annotations__["return"])
    return mapping


@pytest.mark.parametrize(("cls", "which"), CLIENTS)
def test_each_name_builds_the_class_its_overload_promises(cls: type, which: int) -> None:
    promised = returned_by_overloads(cls)
    assert set(promised) == set(names())
    for name in names():
        typed = get(name).clients
        assert typed is not None and typed[which].__name__ == promised[name]
        client = cls(name, api_key="k", base_url="http://127.0.0.1:9")
        assert type(client) is typed[which] and isinstance(client, cls)
        assert type(cls(get(name), api_key="k", base_url="http://127.0.0.1:9")) is typed[which]


def test_a_subclass_of_client_stays_itself() -> None:
    class Mine(taskpoll.Client[Any]):
        pass

    assert type(Mine("aryn", api_key="k")) is Mine


def typed_signatures(cls: type) -> dict[str, list[tuple[str, str, str, str | None]]]:
    """The methods a typed client declares for the checker (under TYPE_CHECKING, so read from its source):
    {name: [(parameter, kind, annotation, default source or None)]} but self."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            args = node.args
            positional = [
                (a, "positional", d)
                for a, d in zip(args.args, [None] * (len(args.args) - len(args.defaults)) + args.defaults, strict=True)
            ]
            keyword = [(a, "keyword", d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)]
            rest = [(args.kwarg, "**", None)] if args.kwarg else []
            found[node.name] = [
                (a.arg, kind, ast.unparse(a.annotation) if a.annotation else "", ast.unparse(d) if d else None)
                for a, kind, d in [*positional, *keyword, *rest]
                if a.arg != "self"
            ]
    return found


def adapter_signature(provider: Any) -> list[tuple[str, str, str, str | None]]:
    """`submit_call`'s parameters as typed_signatures gives them (annotations are strings: PEP 563)."""
    kinds = {inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional", inspect.Parameter.KEYWORD_ONLY: "keyword"}
    return [
        (p.name, kinds[p.kind], str(p.annotation), None if p.default is inspect.Parameter.empty else repr(p.default))
        for p in inspect.signature(provider.submit_call).parameters.values()
    ]


def required_for_the_checker(parameter: tuple[str, str, str, str | None]) -> tuple[str, str, str, str | None]:
    """An argument a checker requires that the adapter defaults to None, to refuse it with a clear error."""
    name, kind, annotation, default = parameter
    return (
        (name, kind, annotation.removesuffix(" | None"), None)
        if default == "None" and kind == "positional"
        else parameter
    )


@pytest.mark.parametrize("name", names())
@pytest.mark.parametrize("which", [0, 1])
def test_the_typed_submit_and_run_take_exactly_what_submit_call_takes(name: str, which: int) -> None:
    provider = get(name)
    assert provider.clients is not None
    typed = typed_signatures(provider.clients[which])
    adapter = adapter_signature(provider)
    submit = [parameter for parameter in typed["submit"] if parameter[0] != "timeout"]
    assert submit in (adapter, [required_for_the_checker(p) for p in adapter])
    assert ("timeout", "keyword", "float | None", "SUBMIT_TIMEOUT") in typed["submit"]
    assert typed["run"] == [
        *submit,
        ("run_options", "**", f"Unpack[RunOptions[{provider.result_type.__name__}]]", None),
    ]


def test_typed_gives_the_same_task_when_its_result_is_the_model() -> None:
    task: Task[Any] = Task(provider="aryn", id="t", state=TaskState.SUCCEEDED, status="done")
    assert task.typed(PartitionerResponse) is task
    response = PartitionerResponse(status=[])
    done: Task[Any] = Task(provider="aryn", id="t", state=TaskState.SUCCEEDED, status="done", result=response)
    assert done.typed(PartitionerResponse) is done
    with pytest.raises(TypeError, match=r"aryn task's result is a PartitionerResponse, not .*ParseGetResponse"):
        done.typed(ParseGetResponse)
