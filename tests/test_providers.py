"""The adapter contract: one adapter per spec, every status value a spec lists is mapped."""

from __future__ import annotations

import importlib
import json
from datetime import UTC, datetime

import httpx
import pytest

from taskpoll import RateLimitError, ResponseValidationError, TaskState
from taskpoll.providers import get, names
from taskpoll.providers._base import parse_time

from .specs import PROVIDERS, ROOT, codegen, status_vocabularies


def test_specs_generated_packages_and_adapters_are_the_same_set() -> None:
    assert set(names()) == set(PROVIDERS) == set(codegen()["providers"])
    assert {p.name for p in (ROOT / "generated").iterdir() if p.is_dir()} == {f"taskpoll_{n}_api" for n in names()}


def check_mapping(provider: str, vocabularies: dict[str, set[str]]) -> None:
    adapter = get(provider)
    for vocabulary, values in vocabularies.items():
        assert vocabulary in adapter.vocabularies, f"{provider} adapter has no mapping for {vocabulary!r}"
        missing = values - set(adapter.vocabularies[vocabulary])
        assert not missing, f"{provider}: statuses {sorted(missing)} in specs/{provider}.yaml are not mapped"
        assert all(isinstance(state, TaskState) for state in adapter.vocabularies[vocabulary].values())


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_status_the_spec_lists_is_mapped_by_the_adapter(provider: str) -> None:
    check_mapping(provider, status_vocabularies(provider))


def test_a_spec_gaining_a_status_fails_the_mapping_check() -> None:
    grown = status_vocabularies("artos")
    grown["status"] = grown["status"] | {"Archived"}
    with pytest.raises(AssertionError, match="Archived"):
        check_mapping("artos", grown)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_adapter_reexports_the_generated_result_model(provider: str) -> None:
    module = importlib.import_module(f"taskpoll.providers.{provider}")
    adapter = get(provider)
    assert getattr(module, adapter.result_type.__name__) is adapter.result_type
    assert adapter.result_type.__module__.startswith(f"taskpoll_{provider}_api.")
    assert set(module.__all__) <= set(vars(module))


@pytest.mark.parametrize(
    ("provider", "unsafe"),
    [(p, bad) for p in PROVIDERS for bad in ("", ".", "..")],
)
def test_ids_that_would_leave_their_path_segment_are_refused(provider: str, unsafe: str) -> None:
    from taskpoll import InvalidTaskIdError

    with pytest.raises(InvalidTaskIdError):
        get(provider).status_request(unsafe)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-11T10:00:00Z", datetime(2026, 3, 11, 10, tzinfo=UTC)),
        ("2026-03-11T10:00:00.123456789Z", datetime(2026, 3, 11, 10, 0, 0, 123456, tzinfo=UTC)),
        ("2026-03-11T12:00:00+02:00", datetime(2026, 3, 11, 10, tzinfo=UTC)),
        ("2026-03-11T10:00:00", datetime(2026, 3, 11, 10, tzinfo=UTC)),  # no zone: read as UTC
        ("2026-03-11T24:00:00", datetime(2026, 3, 12, tzinfo=UTC)),  # only dateutil reads 24:00
        ("", None),
        ("yesterday", None),
        ("2026-13-01", None),
        (1741687200, None),
        (None, None),
    ],
)
def test_timestamps_are_read_as_aware_datetimes_or_none(text: object, expected: datetime | None) -> None:
    parsed = parse_time(text)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo is not None


# Artos and Veza: what is state and what is result (issue 11) ------------------------------------


def _answer(body: object, status: int = 200) -> httpx.Response:
    request = httpx.Request("GET", "https://provider.test/status/t-1")
    return httpx.Response(status, content=json.dumps(body).encode(), request=request)


def test_artos_complete_is_an_alias_of_ready() -> None:
    artos = get("artos")
    assert artos.vocabularies["status"]["Complete"] is artos.vocabularies["status"]["Ready"] is TaskState.SUCCEEDED


def test_artos_progress_of_another_type_is_reported_not_fatal() -> None:
    task = get("artos").parse("t-1", _answer({"task_id": "t-1", "status": "Generating", "progress": "40%"}))
    assert task.state is TaskState.RUNNING and task.progress is None
    assert task.result_issues == ("result.progress: str, not an integer (left out)",)


def test_artos_answer_without_its_task_id_is_a_validation_error() -> None:
    with pytest.raises(ResponseValidationError):
        get("artos").parse("t-1", _answer({"status": "Ready"}))


def test_veza_integer_enums_are_read_and_the_raw_body_is_left_as_sent() -> None:
    body = {"task": {"id": "t-1", "state": 3, "status": 2, "error_status": 13}}
    task = get("veza").parse("t-1", _answer(body))
    assert task.state is TaskState.FAILED and task.status == "COMPLETE/FAILED"
    assert task.error is not None and task.error.code == "13"
    assert task.raw == {"task": {"id": "t-1", "state": 3, "status": 2, "error_status": 13}}


def test_veza_error_code_by_name_and_request_id_are_kept() -> None:
    body = {"code": "ResourceExhausted", "message": "slow down", "request_id": "r-9", "timestamp": "2026-01-01T00:00Z"}
    error = get("veza").error("t-1", _answer(body, 429))
    assert isinstance(error, RateLimitError)
    assert (error.code, error.message, error.request_id) == ("ResourceExhausted", "slow down", "r-9")
    assert "[ResourceExhausted]" in str(error) and "request id r-9" in str(error)
