"""Fuzzing each adapter's parse path with bodies generated from its spec, then broken.

Valid bodies come from the status endpoint's response schemas (hypothesis-jsonschema); mutations take
keys away, put nulls and wrong types in, swap status values for unknown ones, add fields, blow strings
up; raw bodies are not JSON at all. Status codes and Retry-After/Date headers are fuzzed too. Whatever
comes in, `Provider.parse` must return a Task or raise a TaskpollError — never a builtin exception.

CI runs 500 examples per provider; `pytest --fuzz-long` runs 10,000 (see tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import copy
import json
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

import taskpoll
from taskpoll import Task, TaskpollError, TaskState
from taskpoll.providers import get
from taskpoll.providers._base import retry_after

from .answers import as_answer
from .declared_types import check_result
from .specs import PROVIDERS, spec, status_path_template

REQUEST = httpx.Request("GET", "https://api.example/status/task-1")


def _json_schema(node: Any, openapi_30: bool) -> Any:
    """An OpenAPI schema as plain JSON Schema: refs to `definitions`, no OpenAPI-only keywords."""
    if isinstance(node, list):
        return [_json_schema(item, openapi_30) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key.startswith("x-") or key in ("discriminator", "example", "examples", "nullable"):
            continue
        if key == "format" and value != "date-time":  # OpenAPI-only formats (int32, binary, ...)
            continue
        if key == "$ref":
            out[key] = value.replace("#/components/schemas/", "#/definitions/")
        elif key in ("properties", "definitions"):
            out[key] = {name: _json_schema(sub, openapi_30) for name, sub in value.items()}
        else:
            out[key] = _json_schema(value, openapi_30)
    if openapi_30 and node.get("nullable") is True:
        return {"anyOf": [out, {"type": "null"}]}
    return out


def response_schemas(provider: str) -> dict[int, dict[str, Any]]:
    """The JSON schema of every documented JSON response of the provider's status endpoint, by code."""
    document = spec(provider)
    openapi_30 = document["openapi"].startswith("3.0")
    definitions = {name: _json_schema(s, openapi_30) for name, s in document["components"]["schemas"].items()}
    responses = document["paths"][status_path_template(provider)]["get"]["responses"]
    shared = document["components"].get("responses", {})
    found: dict[int, dict[str, Any]] = {}
    for code, response in responses.items():
        if "$ref" in response:
            response = shared[response["$ref"].rsplit("/", 1)[1]]
        schema = response.get("content", {}).get("application/json", {}).get("schema")
        if schema is not None:
            found[500 if code == "default" else int(code)] = {
                **_json_schema(schema, openapi_30),
                "definitions": definitions,
            }
    return found


# Strategies ---------------------------------------------------------------------------------------

ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
STATUS_CODES = st.sampled_from(
    [
        200,
        201,
        202,
        203,
        204,
        206,
        301,
        302,
        400,
        401,
        403,
        404,
        408,
        409,
        418,
        422,
        429,
        499,
        500,
        502,
        503,
        504,
        520,
        529,
        599,
    ]
)
HEADER_VALUES = st.one_of(
    st.integers(-10, 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(
        [
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "Mon, 99 Foo 2026 99:99:99 GMT",
            "",
            " 3 ",
            "1e400",
            "Thu, 01 Jan 1970 00:00:00 GMT",
            "Fri, 31 Dec 9999 23:59:59 GMT",
        ]
    ),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40),
)
HEADERS = st.dictionaries(
    st.sampled_from(["Retry-After", "Date", "X-Request-Id", "Content-Type", "Location"]), HEADER_VALUES, max_size=3
)
RAW_BODIES = st.one_of(
    st.binary(max_size=200),
    st.sampled_from(
        [
            b"",
            b"null",
            b"[]",
            b"{}",
            b'"pending"',
            b"42",
            b"\xff\xfe\x00",
            b"<!DOCTYPE html><html>",
            b"[" * 3000 + b"]" * 3000,
            b'{"status": ' * 2000,
        ]
    ),
    ANY_JSON.map(lambda value: json.dumps(value).encode()),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, sub in value.items():
            found += _paths(sub, (*prefix, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value[:5]):
            found += _paths(sub, (*prefix, index))
    return found


def _set(root: Any, path: tuple[Any, ...], value: Any, delete: bool = False) -> None:
    parent = root
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value


@st.composite
def mutated(draw: st.DrawFn, body: Any) -> Any:
    """A valid body with one to three things broken in it."""
    body = copy.deepcopy(body)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(body)
        kind = draw(st.sampled_from(["delete", "null", "wrong_type", "unknown_status", "extra", "huge"]))
        if kind == "extra" or not paths:
            if isinstance(body, dict):
                body[draw(st.text(max_size=10))] = draw(ANY_JSON)
            continue
        path = draw(st.sampled_from(paths))
        if kind == "delete":
            _set(body, path, None, delete=True)
        elif kind == "null":
            _set(body, path, None)
        elif kind == "wrong_type":
            _set(body, path, draw(ANY_JSON))
        elif kind == "unknown_status":
            key = path[-1]
            target = path if key in ("status", "state", "code") else (*path[:-1], "status")
            with contextlib.suppress(TypeError, KeyError, IndexError):
                _set(body, target, draw(st.text(max_size=12) | st.integers()))
        else:
            _set(body, path, "x" * draw(st.sampled_from([10_000, 200_000])))
    return body


def responses(provider: str) -> st.SearchStrategy[httpx.Response]:
    schemas = response_schemas(provider)
    valid = st.one_of(*[st.tuples(st.just(code), from_schema(schema)) for code, schema in sorted(schemas.items())])
    documented = valid.map(lambda pair: (pair[0], json.dumps(pair[1]).encode()))
    broken = valid.flatmap(lambda pair: mutated(pair[1]).map(lambda body: (pair[0], json.dumps(body).encode())))
    raw = st.tuples(STATUS_CODES, RAW_BODIES)
    any_code = valid.flatmap(lambda pair: STATUS_CODES.map(lambda code: (code, json.dumps(pair[1]).encode())))
    return st.tuples(st.one_of(documented, broken, raw, any_code), HEADERS).map(
        lambda item: httpx.Response(item[0][0], content=item[0][1], headers=item[1], request=REQUEST)
    )


# Properties ---------------------------------------------------------------------------------------


def check_parse(provider: str, response: httpx.Response) -> Task[Any] | TaskpollError:
    adapter = get(provider)
    try:
        task = adapter.read("task-1", as_answer(response))
    except TaskpollError as error:
        assert str(error) and repr(error)
        if response.status_code >= 300 or not 200 <= response.status_code < 300:
            assert getattr(error, "status_code", None) == response.status_code
        return error
    assert isinstance(task, Task) and isinstance(task.state, TaskState) and isinstance(task.status, str)
    assert 200 <= response.status_code < 300
    if task.state is TaskState.SUCCEEDED:
        # State strict, result tolerant: a finished task stays finished; a result with nothing readable
        # is None, and then says why (result_issues) and keeps the body as sent (raw).
        assert isinstance(task.result, adapter.result_type) or (task.result is None and task.result_issues)
        assert task.raw is not None
        if task.result is not None:  # types truly: every field its declared type, or UNSET and named
            check_result(task.result, task.result_issues)
    else:
        assert task.result is None
    if task.poll_after is not None:
        assert task.poll_after >= 0
    if task.progress is not None:
        assert 0.0 <= task.progress <= 1.0
    assert taskpoll.WaitState.from_token(task.token()).task_id == "task-1"
    return task


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_answer_becomes_a_task_or_a_taskpoll_error(provider: str, fuzz_examples: int) -> None:
    outcomes: dict[str, int] = {}

    @settings(
        max_examples=fuzz_examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(responses(provider))
    def run(response: httpx.Response) -> None:
        outcome = check_parse(provider, response)
        name = outcome.state.value if isinstance(outcome, Task) else type(outcome).__name__
        outcomes[name] = outcomes.get(name, 0) + 1

    run()
    # The fuzzing reached both sides: answers read as Tasks, and answers refused as errors.
    assert any(name in outcomes for name in ("pending", "running", "succeeded", "failed", "canceled", "unknown"))
    assert "ResponseValidationError" in outcomes and sum(outcomes.values()) >= min(fuzz_examples, 100)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_documented_bodies_always_parse_to_a_task(provider: str, fuzz_examples: int) -> None:
    ok_codes = {code: s for code, s in response_schemas(provider).items() if 200 <= code < 300}
    bodies = {code: from_schema(schema) for code, schema in ok_codes.items()}  # canonicalised once, not per draw

    @settings(
        max_examples=max(50, fuzz_examples // 5),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.sampled_from(sorted(ok_codes)).flatmap(lambda c: st.tuples(st.just(c), bodies[c])))
    def run(pair: tuple[int, Any]) -> None:
        response = httpx.Response(pair[0], content=json.dumps(pair[1]).encode(), request=REQUEST)
        outcome = check_parse(provider, response)
        # A body that fits the spec is either read, or refused only for a value the generated
        # models check more strictly than JSON Schema can say (e.g. a date-time string).
        assert isinstance(outcome, Task) or outcome.__class__.__name__ == "ResponseValidationError"

    run()


@given(HEADERS)
@settings(max_examples=300, deadline=None)
def test_retry_after_parsing_never_raises(headers: dict[str, str]) -> None:
    value = retry_after(as_answer(httpx.Response(429, headers=headers, request=REQUEST)))
    assert value is None or value >= 0


@given(st.text(max_size=200) | st.binary(max_size=100).map(lambda b: "tp1." + b.hex()))
@settings(max_examples=300, deadline=None)
def test_token_decoding_gives_a_typed_error_for_anything_else(text: str) -> None:
    with contextlib.suppress(TaskpollError):
        taskpoll.WaitState.from_token(text)


@pytest.mark.parametrize("provider", ["artos", "unsiloed", "notion"])
def test_an_absurd_status_is_a_bad_body_and_a_long_one_still_resumes(provider: str) -> None:
    # Found by the fuzzer: a 200,000-character "status" became a Task whose token could not be read.
    body = {
        "task_id": "t",
        "job_id": "t",
        "created_at": "2026-11-22T10:00:00Z",
        "metadata": {},
        "object": "async_task",
        "id": "t",
        "poll_after_seconds": 1,
    }
    huge = httpx.Response(200, json={**body, "status": "x" * 200_000}, request=REQUEST)
    with pytest.raises(TaskpollError, match="does not fit the spec"):
        get(provider).read("task-1", as_answer(huge))
    long = get(provider).read(
        "task-1", as_answer(httpx.Response(200, json={**body, "status": "y" * 200}, request=REQUEST))
    )
    assert long.state is TaskState.UNKNOWN and taskpoll.WaitState.from_token(long.token()).task_id == "task-1"
