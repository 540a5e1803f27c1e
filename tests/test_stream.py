"""Reading a large result one element at a time: `iter_elements` spools the final
body to a temporary file and yields the same generated models `wait().result` holds, with the same
errors. The JSON reader (`taskpoll._spool`) is checked against `json.loads` on tricky and random text.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import taskpoll
from taskpoll import _http, _spool
from taskpoll.providers.aryn import Element
from taskpoll.providers.unsiloed import Chunk
from taskpoll.simulator import Simulator, failed, running, succeeded

from .loopback import Canned, canned_server

FAST = taskpoll.PollPolicy(initial_delay=0.01, max_delay=0.05, min_delay=0.0, failure_delay=0.01)


def spooled(text: str | bytes) -> _spool.Spool:
    spool = _spool.Spool()
    spool.write(text.encode() if isinstance(text, str) else text)
    return spool


def read_back(data: str | bytes, key: str = "elements") -> tuple[Any, list[Any]]:
    with spooled(data) as spool:
        top = _spool.skeleton(spool, key)
        return top, list(_spool.items(spool, key))


def expected(data: str | bytes, key: str = "elements") -> tuple[Any, list[Any]]:
    decoded = json.loads(data)
    listed = decoded.get(key)
    if isinstance(listed, list):
        decoded[key] = []
        return decoded, listed
    return decoded, []


@pytest.fixture(params=[7, 1 << 16], ids=["7-byte blocks", "64 KiB blocks"])
def block(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Tiny blocks cut every string, escape, number and UTF-8 sequence somewhere."""
    monkeypatch.setattr(_spool, "BLOCK", request.param)
    return int(request.param)


TRICKY = {
    "brackets and commas in strings": '{"elements": ["a]b", "c,d", "{\\"e\\": [1]}", "\\\\"], "x": "]"}',
    "escapes": '{"elements": ["\\u00e9\\ud83d\\ude00", "\\n\\t\\"", "\\/"], "note": "\\\\\\""}',
    "multibyte UTF-8": '{"elements": ["é", "日本語", "😀😀😀", {"k": "ü"}]}',
    "numbers at every edge": '{"elements": [1, 12345678901234567890, -0.5e-10, 3.25E+7, 0], "n": 987654321}',
    "literals": '{"elements": [true, false, null, NaN, Infinity, -Infinity], "ok": true}',
    "nested items": '{"elements": [{"a": [{"b": [[], {}]}]}, [[[]]], {"c": {"d": {"e": "f"}}}]}',
    "whitespace everywhere": ' \n{ \t"a" : 1 ,\r\n "elements"\n:\n[ 1 , 2\n ] , "z" : [ ] }\n ',
    "empty array": '{"elements": [], "status": "done"}',
    "no such key": '{"status": "done", "other": [1, 2]}',
    "key not an array": '{"elements": null, "status_code": 200}',
    "empty object": "{}",
    "duplicate key: the last wins": '{"elements": [1, 2], "elements": [3]}',
    "duplicate key, last not an array": '{"elements": [1, 2], "elements": "none"}',
    "long string item": '{"elements": ["' + "x" * 300_000 + '"]}',
}


@pytest.mark.parametrize("case", list(TRICKY))
def test_the_reader_agrees_with_json_loads(case: str, block: int) -> None:
    assert read_back(TRICKY[case]) == expected(TRICKY[case])


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32-le"])
def test_the_reader_takes_the_encodings_json_loads_takes(encoding: str, block: int) -> None:
    data = '{"elements": ["é", "😀", 1], "s": "ß"}'.encode(encoding)
    assert read_back(data) == expected(data)


BROKEN = [
    '{"elements": [1, 2',
    '{"elements": [1, 2,]}',
    '{"elements": [1 2]}',
    '{"elements": ["unterminated]}',
    '{"elements": [1], "x": }',
    '{"elements": [1]} trailing',
    '{"elements": [1],}',
    '{"elements" [1]}',
    "{elements: [1]}",
    '{"a": 1',
    '{"elements": ["\\x"]}',
    '{"elements": ["a\tb"]}',  # a raw control character, which json refuses (strict)
    "",
    "   ",
    '[{"a": 1}]',  # valid JSON, but not an object: read whole by the adapter instead
    '"text"',
]


@pytest.mark.parametrize("data", BROKEN)
def test_the_reader_refuses_what_json_loads_refuses_with_a_value_error(data: str, block: int) -> None:
    with spooled(data) as spool, pytest.raises(ValueError):
        _spool.skeleton(spool, "elements")


@pytest.mark.parametrize(
    "body",
    [
        '{"a": 1, "elements": [1], "b": 2, "a": 3}',
        '{"elements": [1, 2], "x": 0, "elements": [3]}',
        '{"elements": [1], "x": 0, "elements": "none"}',
    ],
)
def test_a_repeated_name_keeps_the_place_and_value_json_loads_gives_it(body: str) -> None:
    spool = _spool.Spool()
    spool.write(body.encode())
    with spool:
        skeleton = _spool.skeleton(spool, "elements")
        streamed = list(_spool.items(spool, "elements"))
    decoded = json.loads(body)
    assert list(skeleton) == list(decoded)
    listed = decoded["elements"]
    assert streamed == (listed if isinstance(listed, list) else [])


def test_invalid_utf8_is_a_value_error() -> None:
    with spooled(b'{"elements": ["\xff\xfe"]}') as spool, pytest.raises(ValueError):
        _spool.skeleton(spool, "elements")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(
    before=st.dictionaries(st.text(max_size=6), json_values, max_size=3),
    elements=st.lists(json_values, max_size=8),
    after=st.dictionaries(st.text(max_size=6), json_values, max_size=3),
    indent=st.sampled_from([None, 0, 2]),
    ascii_only=st.booleans(),
)
def test_the_reader_agrees_with_json_loads_on_random_bodies(
    before: dict[str, Any], elements: list[Any], after: dict[str, Any], indent: int | None, ascii_only: bool
) -> None:
    body = {**before, "elements": elements, **after}
    data = json.dumps(body, indent=indent, ensure_ascii=ascii_only)
    old = _spool.BLOCK
    _spool.BLOCK = 5
    try:
        assert read_back(data) == expected(data)
    finally:
        _spool.BLOCK = old


def test_the_spool_redacts_a_secret_cut_by_a_chunk_boundary() -> None:
    secret = b"sk-secret-0123456789"
    spool = _spool.Spool(lambda data: data.replace(secret, b"***"), len(secret))
    data = b'{"elements": ["' + secret + b'", "x' + secret + b'"]}'
    for start in range(0, len(data), 3):
        spool.write(data[start : start + 3])
    assert spool.read() == b'{"elements": ["***", "x***"]}'
    spool.close()


# Through the client -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sim() -> Iterator[Simulator]:
    with Simulator(seed=16) as simulator:
        yield simulator


@pytest.fixture
def small_spill(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spill past 4 KiB (instead of 1 MiB), so small simulated results take the streaming path."""
    monkeypatch.setattr(_http, "SPILL_AT", 4096)


def aryn_client(sim: Simulator, **options: Any) -> taskpoll.Client[Any]:
    return taskpoll.Client("aryn", base_url=sim.base_url("aryn"), api_key=sim.api_key("aryn"), policy=FAST, **options)


@pytest.mark.parametrize("spill", ["spilled", "in memory"])
@pytest.mark.parametrize("provider", ["aryn", "unsiloed"])
def test_iter_elements_yields_the_models_wait_builds(
    sim: Simulator, provider: str, spill: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if spill == "spilled":
        monkeypatch.setattr(_http, "SPILL_AT", 4096)
    task_id = sim.create_task(provider, [running(polls=2), succeeded(size=60)])
    base_url, key = sim.base_url(provider), sim.api_key(provider)
    with taskpoll.Client(provider, base_url=base_url, api_key=key, policy=FAST, rate_limit=1000) as client:
        streamed = list(client.iter_elements(task_id, timeout=30))
        whole = client.wait(task_id, timeout=30).result
    listed = whole.elements if provider == "aryn" else whole.chunks
    assert streamed == listed and len(streamed) > 0
    assert all(isinstance(item, Element if provider == "aryn" else Chunk) for item in streamed)
    assert len(sim.requests(provider, task_id)) == 3 + 1  # two polls in progress, the final one, and wait's


@pytest.mark.parametrize("transport", ["httpx", "aiohttp"])
def test_async_iter_elements_yields_the_models_wait_builds(sim: Simulator, small_spill: None, transport: str) -> None:
    task_id = sim.create_task("aryn", [running(polls=1), succeeded(size=200)])

    async def run() -> tuple[list[Any], Any]:
        options = {"base_url": sim.base_url("aryn"), "api_key": sim.api_key("aryn"), "policy": FAST}
        options["transport"] = transport
        async with taskpoll.AsyncClient("aryn", **options) as client:
            streamed = [element async for element in client.iter_elements(task_id, timeout=30)]
            return streamed, (await client.wait(task_id, timeout=30)).result

    streamed, whole = asyncio.run(run())
    assert streamed == whole.elements and len(streamed) == 200


def test_a_failed_task_raises_as_wait_does(sim: Simulator) -> None:
    task_id = sim.create_task("aryn", [failed(error="bad pdf")])
    with aryn_client(sim) as client, pytest.raises(taskpoll.TaskFailedError) as caught:
        next(client.iter_elements(task_id, timeout=30))
    assert caught.value.task.error is not None and "bad pdf" in caught.value.task.error.message


def test_a_provider_without_elements_is_a_configuration_error(sim: Simulator) -> None:
    client = taskpoll.Client("artos", base_url=sim.base_url("artos"), api_key=sim.api_key("artos"))
    with client, pytest.raises(taskpoll.ConfigurationError, match="no list of elements"):
        client.iter_elements("d-1")


def test_a_bad_task_id_is_refused_before_any_request(sim: Simulator) -> None:
    with aryn_client(sim) as client, pytest.raises(taskpoll.InvalidTaskIdError):
        next(client.iter_elements(".."))


def element(index: int, text: str = "word ") -> dict[str, Any]:
    return {"type": "Text", "bbox": [0.1, 0.2, 0.3, 0.4], "properties": {"page_number": 1}, "text_representation": text}


def aryn_body(elements: list[Any], **fields: Any) -> bytes:
    return json.dumps({"status": ["done"], "status_code": 200, "elements": elements, **fields}).encode()


def canned_elements(body: bytes, **options: Any) -> list[Any]:
    with canned_server() as server:
        server.answer_all(Canned(200, body))
        with taskpoll.Client("aryn", base_url=server.base_url, api_key=KEY, policy=FAST, **options) as client:
            return list(client.iter_elements("t-1", timeout=10))


KEY = "sk-stream-0123456789abcdef"


def test_a_spilled_body_past_max_response_bytes_is_response_too_large(small_spill: None) -> None:
    # Compressed, so the cap is met while reading (after the spill), not from Content-Length.
    body = aryn_body([element(i) for i in range(2000)])
    with canned_server() as server:
        server.answer_all(Canned(200, gzip.compress(body), headers=(("Content-Encoding", "gzip"),)))
        options = {"base_url": server.base_url, "api_key": KEY, "policy": FAST, "max_response_bytes": len(body) - 1}
        with taskpoll.Client("aryn", **options) as client, pytest.raises(taskpoll.ResponseTooLargeError) as caught:
            next(client.iter_elements("t-1", timeout=10))
    assert caught.value.limit == len(body) - 1 and caught.value.body == body[: _http.BODY_EXCERPT]


@pytest.mark.parametrize("cut", [10, 5000, -3])
def test_a_broken_spilled_body_is_a_response_validation_error(small_spill: None, cut: int) -> None:
    body = aryn_body([element(i) for i in range(400)])[:cut]
    with pytest.raises(taskpoll.ResponseValidationError) as caught:
        canned_elements(body + b" " * 5000)
    assert caught.value.body is not None and caught.value.body.startswith(body[:10])


def test_an_element_that_does_not_fit_is_left_out_and_logged(small_spill: None, caplog: Any) -> None:
    elements: list[Any] = [element(i) for i in range(100)]
    elements[40] = {"type": "Text", "bbox": "not a box"}
    elements[41] = {**elements[41], "text_representation": 5}  # an optional field of another type
    with caplog.at_level(logging.WARNING, "taskpoll"):
        streamed = canned_elements(aryn_body(elements))
    assert len(streamed) == 99 and all(isinstance(e, Element) for e in streamed)
    assert "elements[40]" in caplog.text and "result.elements[40] left out" in caplog.text
    assert type(streamed[40].text_representation).__name__ == "Unset"  # elements[41], kept without it
    assert "result.elements[41].text_representation: an integer, not a string or null (left out)" in caplog.text


def test_a_spilled_result_without_elements_yields_nothing(small_spill: None) -> None:
    assert canned_elements(aryn_body([], markdown="# " + "x" * 10_000)) == []


def test_an_echoed_key_is_redacted_in_streamed_elements(small_spill: None) -> None:
    elements = [element(i, text=f"word {KEY} " * (i % 3)) for i in range(300)]
    streamed = canned_elements(aryn_body(elements))
    assert len(streamed) == 300
    text = " ".join(str(e.text_representation) for e in streamed)
    assert KEY not in text and "***" in text


def test_the_spool_file_is_removed_when_the_iterator_is_closed(sim: Simulator, small_spill: None) -> None:
    task_id = sim.create_task("aryn", [succeeded(size=100)])
    with aryn_client(sim) as client:
        stream = client.iter_elements(task_id, timeout=30)
        first = next(stream)
        frame = stream.gi_frame  # type: ignore[attr-defined]
        spool = frame.f_locals["spool"]
        assert isinstance(first, Element) and spool.spilled
        stream.close()
        assert not spool.spilled


def test_a_wait_past_the_spill_size_still_returns_the_whole_result(sim: Simulator, small_spill: None) -> None:
    task_id = sim.create_task("aryn", [succeeded(size=100)])
    with aryn_client(sim) as client:
        task = client.wait(task_id, timeout=30)
    assert task.result is not None and len(task.result.elements) == 100
