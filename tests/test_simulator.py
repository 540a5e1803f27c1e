"""taskpoll.simulator over real HTTP on 127.0.0.1: lifecycles, provider quirks, auth, faults, the log."""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from taskpoll_aryn_api.types import Unset

from taskpoll import TaskState
from taskpoll.providers import get
from taskpoll.simulator import (
    PROVIDERS,
    Fault,
    ScenarioError,
    Simulator,
    SimulatorApp,
    Step,
    canceled,
    expired,
    failed,
    pending,
    running,
    status_request,
    succeeded,
)
from taskpoll.simulator.providers.aryn import Aryn as SimulatedAryn

from .answers import as_answer
from .sim_helpers import auth, get_status, raw_status, reach, status_path, veza_task
from .specs import validate_exchange

pytestmark = pytest.mark.taskpoll_simulator(seed=7, notion_poll_after=0.25)  # for `sim` (conftest.py)


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as client:
        yield client


def poll_statuses(http: httpx.Client, sim: Simulator, provider: str, task_id: str, times: int) -> list[str]:
    return [raw_status(provider, get_status(http, sim, provider, task_id)) for _ in range(times)]


# Lifecycles ---------------------------------------------------------------------------------------

LIFECYCLE = [pending(), running(progress=0.4), succeeded(size=2)]
EXPECTED_SUCCESS = {
    "aryn": ["202", "202", "200", "200"],
    "artos": ["Pending", "Generating", "Ready", "Ready"],
    "veza": ["PENDING", "IN_PROGRESS", "COMPLETE/SUCCEEDED", "COMPLETE/SUCCEEDED"],
    "unsiloed": ["Starting", "Processing", "Succeeded", "Succeeded"],
    "notion": ["queued", "running", "succeeded", "succeeded"],
}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_lifecycle_advances_one_step_per_answered_poll_and_stays_terminal(
    sim: Simulator, http: httpx.Client, provider: str
) -> None:
    task_id = sim.create_task(provider, LIFECYCLE)
    assert poll_statuses(http, sim, provider, task_id, 4) == EXPECTED_SUCCESS[provider]
    assert sim.answered_states(provider, task_id) == ["pending", "running", "succeeded", "succeeded"]


EXPECTED_FAILURE = {
    "aryn": (200, lambda b: b["error"] == "boom" and b["elements"] is None),
    "artos": (200, lambda b: b["status"] == "Failed" and b["error"] == "boom"),
    "veza": (200, lambda b: veza_task(b)["status"] == "FAILED" and veza_task(b)["error_reason"] == "boom"),
    "unsiloed": (200, lambda b: b["status"] == "Failed" and b["message"] == "boom"),
    "notion": (200, lambda b: b["status"] == "failed" and b["error"]["message"] == "boom"),
}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_failed_task_is_reported_the_way_each_provider_documents(
    sim: Simulator, http: httpx.Client, provider: str
) -> None:
    task_id = sim.create_task(provider, [failed(error="boom")])
    response = get_status(http, sim, provider, task_id)
    status, check = EXPECTED_FAILURE[provider]
    assert response.status_code == status and check(response.json())


def test_aryn_failed_task_carries_the_failing_code_inside_a_200(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("aryn", [failed(error="429: Too many pages in flight")])
    body = get_status(http, sim, "aryn", task_id).json()
    assert body["status_code"] == 429 and body["error"].startswith("429: ")


@pytest.mark.parametrize(("provider", "expected"), [("veza", "COMPLETE/CANCELED"), ("unsiloed", "Cancelled")])
def test_canceled_state_where_the_provider_has_one(
    sim: Simulator, http: httpx.Client, provider: str, expected: str
) -> None:
    task_id = sim.create_task(provider, [running(), canceled()])
    assert poll_statuses(http, sim, provider, task_id, 2) == [
        "IN_PROGRESS" if provider == "veza" else "Processing",
        expected,
    ]


@pytest.mark.parametrize("provider", ["artos", "notion"])
def test_scripting_a_cancel_is_refused_where_the_provider_has_no_canceled_state(sim: Simulator, provider: str) -> None:
    with pytest.raises(ScenarioError, match="no canceled state"):
        sim.create_task(provider, [canceled()])


EXPECTED_404 = {
    "aryn": lambda r: r.json() == {"detail": "No such task."},
    "artos": lambda r: r.json() == {"detail": "Document not found"},
    "veza": lambda r: r.json()["code"] == "NotFound" and r.json()["request_id"] and r.json()["timestamp"],
    "unsiloed": lambda r: r.text.startswith("Job ") and r.text.endswith(" not found"),
    "notion": lambda r: r.json()["code"] == "object_not_found" and r.json()["request_id"],
}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_expired_and_unknown_tasks_answer_404_in_the_provider_shape(
    sim: Simulator, http: httpx.Client, provider: str
) -> None:
    task_id = sim.create_task(provider, [succeeded(polls=1), expired()])
    assert get_status(http, sim, provider, task_id).status_code == 200
    for response in (get_status(http, sim, provider, task_id), get_status(http, sim, provider, "no-such-task")):
        assert response.status_code == 404 and EXPECTED_404[provider](response)


def test_steps_can_advance_by_time(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task(
        "unsiloed", [pending(polls=None, seconds=0.3), running(polls=None, seconds=0.3), succeeded()]
    )
    assert poll_statuses(http, sim, "unsiloed", task_id, 3) == ["Starting"] * 3
    time.sleep(0.35)
    assert poll_statuses(http, sim, "unsiloed", task_id, 1) == ["Processing"]
    time.sleep(0.35)
    assert poll_statuses(http, sim, "unsiloed", task_id, 1) == ["Succeeded"]


def test_step_may_override_the_raw_status(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("notion", [running(status="retrying", poll_after=0.5), succeeded()])
    body = get_status(http, sim, "notion", task_id).json()
    assert (body["status"], body["poll_after_seconds"]) == ("retrying", 0.5)


def test_notion_sends_poll_after_seconds_and_an_absolute_status_url(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("notion", [pending(), succeeded()])
    body = get_status(http, sim, "notion", task_id).json()
    assert body["poll_after_seconds"] == 0.25
    assert http.get(body["status_url"], headers=auth(sim, "notion")).json()["status"] == "succeeded"


def test_artos_reports_progress_as_a_percentage(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("artos", [running(progress=0.42)])
    assert get_status(http, sim, "artos", task_id).json()["progress"] == 42


# Sized results ------------------------------------------------------------------------------------


def test_aryn_result_has_the_requested_number_of_elements(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("aryn", [succeeded(size=1000)])
    response = get_status(http, sim, "aryn", task_id)
    elements = response.json()["elements"]
    assert len(elements) == 1000 and {"type", "bbox", "properties", "text_representation"} <= set(elements[0])
    assert 300_000 < len(response.content) < 700_000  # about 460 bytes an element, like real output
    assert get_status(http, sim, "aryn", task_id).content == response.content  # rendered once, served again


def test_unsiloed_result_has_chunks_of_typed_segments_with_ocr(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("unsiloed", [succeeded(size=10)])
    body = get_status(http, sim, "unsiloed", task_id).json()
    assert body["total_chunks"] == len(body["chunks"]) == 10
    segment = body["chunks"][0]["segments"][0]
    assert segment["segment_type"] == "Title" and segment["ocr"][0]["bbox"]["width"] == 64.0
    assert body["finished_at"] >= body["started_at"] >= body["created_at"]


def test_unsiloed_jobs_come_in_every_documented_result_shape(sim: Simulator, http: httpx.Client) -> None:
    # Full bodies, output_fields jobs whose segments lack html/markdown, and minimal bodies: each
    # reads as a finished job whose result fits whole.
    seen: dict[str, int] = {}
    for _ in range(12):
        task_id = sim.create_task("unsiloed", [succeeded(size=2)])
        response = get_status(http, sim, "unsiloed", task_id)
        segment = response.json()["chunks"][0]["segments"][0]
        shape = (
            "minimal"
            if "file_name" not in response.json()
            else ("full" if "html" in segment and "markdown" in segment else "output_fields")
        )
        seen[shape] = seen.get(shape, 0) + 1
        task = get("unsiloed").read(task_id, as_answer(response))
        assert task.state is TaskState.SUCCEEDED and task.result_issues == ()
        assert task.result is not None and isinstance(task.result.chunks, list) and len(task.result.chunks) == 2
    assert set(seen) == {"full", "output_fields", "minimal"}


def aryn_shape_of(body: dict[str, object]) -> str:
    """Which documented DocParse output a body is, read from the body alone."""
    if "html" in body:
        return "html"
    if "markdown" in body:
        return "markdown_pages" if isinstance(body["markdown"], list) else "markdown"
    tables = [e for e in body["elements"] if e["type"] == "table"]  # type: ignore[attr-defined,index]
    if "status_code" not in body:
        assert tables and all("text_representation" not in t for t in tables)
        return "legacy"
    return "table_null" if tables and all(t["text_representation"] is None for t in tables) else "elements"


def test_aryn_tasks_come_in_every_documented_output_shape(sim: Simulator, http: httpx.Client) -> None:
    # Unsized tasks get a shape from their id: elements with status_code, older outputs without it
    # (tables without text), tables whose text is null, markdown (a string, or one string a page) and
    # html without elements. Each fits the spec and reads as succeeded with a result that fits whole.
    seen: dict[str, int] = {}
    for _ in range(60):
        task_id = sim.create_task("aryn", [succeeded()])
        response = get_status(http, sim, "aryn", task_id)
        body = response.json()
        shape = aryn_shape_of(body)
        seen[shape] = seen.get(shape, 0) + 1
        validate_exchange(
            "aryn",
            "GET",
            status_path(sim, "aryn", task_id),
            reach(sim, "aryn", task_id).params,
            200,
            dict(response.headers),
            response.content,
        )
        task = get("aryn").read(task_id, as_answer(response))
        assert task.state is TaskState.SUCCEEDED and task.result_issues == () and task.result is not None
        assert task.raw == body
        if shape.startswith("markdown"):
            assert task.result.markdown == body["markdown"] and isinstance(task.result.elements, Unset)
            assert "| --- |" in "".join(body["markdown"])  # the table, as markdown
        elif shape == "html":
            assert task.result.html == body["html"] and "<table>" in body["html"]
        else:
            assert isinstance(task.result.elements, list) and len(task.result.elements) == len(body["elements"])
            tables = [e for e in task.result.elements if e.type_ == "table"]
            assert bool(tables) is (shape != "elements")  # 8 elements, table among them; unsized default: 3
            assert all(t.table["cells"][0]["is_header"] is True for t in tables)  # type: ignore[index]
            for element in task.result.elements:  # the README's loop
                text = element.text_representation if isinstance(element.text_representation, str) else ""
                assert isinstance(text[:60], str)
    assert set(seen) == {"elements", "legacy", "table_null", "markdown", "markdown_pages", "html"}


def test_a_sized_aryn_task_always_gets_elements_with_a_status_code(sim: Simulator, http: httpx.Client) -> None:
    for _ in range(12):
        task_id = sim.create_task("aryn", [succeeded(size=5)])
        body = get_status(http, sim, "aryn", task_id).json()
        assert body["status_code"] == 200 and len(body["elements"]) == 5
        assert all(isinstance(e["text_representation"], str) for e in body["elements"])


def test_notion_operations_come_with_and_without_a_surface(sim: Simulator, http: httpx.Client) -> None:
    operations = set()
    for index in range(12):  # fixed ids: the operation is chosen by the id, so the set seen is fixed too
        task_id = sim.create_task("notion", [succeeded()], task_id=f"59833787-2cf9-4fdf-8782-e53db20768{index:02d}")
        response = get_status(http, sim, "notion", task_id)
        operations.add(json.dumps(response.json()["operation"], sort_keys=True))
        task = get("notion").read(task_id, as_answer(response))
        assert task.state is TaskState.SUCCEEDED and task.result_issues == () and task.result is not None
    assert any('"surface"' not in o for o in operations) and any('"mcp"' in o for o in operations)


# Auth ---------------------------------------------------------------------------------------------

AUTH_ERRORS = {
    "aryn": (
        403,
        lambda r, missing: r.json()["detail"] == ("No Aryn API key provided." if missing else "Not authenticated."),
    ),
    "artos": (
        401,
        lambda r, missing: (
            r.json()["detail"] == ("Not authenticated" if missing else "Invalid authentication credentials")
        ),
    ),
    "veza": (401, lambda r, missing: r.json()["code"] == "Unauthenticated"),
    "unsiloed": (401, lambda r, missing: r.text == "Invalid API key"),
    "notion": (401, lambda r, missing: r.json()["code"] == "unauthorized"),
}


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("key", [None, "wrong-key"], ids=["missing", "wrong"])
def test_missing_or_wrong_key_gets_the_documented_error(
    sim: Simulator, http: httpx.Client, provider: str, key: str | None
) -> None:
    task_id = sim.create_task(provider, [pending()])
    response = get_status(http, sim, provider, task_id, headers=auth(sim, provider, key))
    status, check = AUTH_ERRORS[provider]
    assert response.status_code == status and check(response, key is None)
    assert sim.answered_states(provider, task_id) == []  # refused before the task was looked at


def test_another_providers_key_is_refused(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("artos", [pending()])
    response = get_status(http, sim, "artos", task_id, headers={"Authorization": f"Bearer {sim.api_key('aryn')}"})
    assert response.status_code == 401
    assert sim.requests("artos", task_id)[-1].key_owner == "aryn"


@pytest.mark.parametrize(("version", "code"), [(None, "missing_version"), ("2022-06-28", "validation_error")])
def test_notion_requires_its_version_header(sim: Simulator, http: httpx.Client, version: str | None, code: str) -> None:
    task_id = sim.create_task("notion", [pending()])
    headers = {"Authorization": f"Bearer {sim.api_key('notion')}"} | ({"Notion-Version": version} if version else {})
    response = get_status(http, sim, "notion", task_id, headers=headers)
    assert response.status_code == 400 and response.json()["code"] == code


# Faults -------------------------------------------------------------------------------------------


def test_rate_limit_fault_sends_retry_after_in_seconds_and_does_not_advance(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task(
        "notion", [pending(), succeeded()], faults=[Fault("rate_limit", polls=(1,), retry_after=3)]
    )
    first = get_status(http, sim, "notion", task_id)
    assert (first.status_code, first.headers["retry-after"], first.json()["code"]) == (429, "3", "rate_limited")
    assert poll_statuses(http, sim, "notion", task_id, 2) == ["queued", "succeeded"]


def test_rate_limit_fault_can_send_an_http_date(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task(
        "veza", [pending()], faults=[Fault("rate_limit", polls=(1,), retry_after=30, retry_after_date=True)]
    )
    response = get_status(http, sim, "veza", task_id)
    when = email.utils.parsedate_to_datetime(response.headers["retry-after"]).timestamp()
    assert response.status_code == 429 and 25 < when - time.time() <= 31


@pytest.mark.parametrize("status", [500, 502, 503])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_server_error_fault(sim: Simulator, http: httpx.Client, provider: str, status: int) -> None:
    task_id = sim.create_task(provider, [pending()], faults=[Fault("server_error", polls=(1,), status=status)])
    response = get_status(http, sim, provider, task_id)
    assert response.status_code == status and response.content
    assert get_status(http, sim, provider, task_id).status_code in (200, 202)


def test_nonstandard_status_fault_answers_520_with_html(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("artos", [pending()], faults=[Fault("nonstandard_status", polls=(1,))])
    response = get_status(http, sim, "artos", task_id)
    assert response.status_code == 520 and response.headers["content-type"].startswith("text/html")


def test_drop_fault_closes_the_connection_mid_response(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("aryn", [pending()], faults=[Fault("drop", polls=(1,))])
    with pytest.raises(httpx.RemoteProtocolError):
        get_status(http, sim, "aryn", task_id)
    assert sim.requests("aryn", task_id)[-1].status is None
    assert get_status(http, sim, "aryn", task_id).status_code == 202


def test_slow_fault_answers_late(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("unsiloed", [pending()], faults=[Fault("slow", polls=(1, 2), delay=0.6)])
    with pytest.raises(httpx.ReadTimeout):
        get_status(http, sim, "unsiloed", task_id, timeout=0.2)
    started = time.monotonic()
    assert get_status(http, sim, "unsiloed", task_id).json()["status"] == "Starting"
    assert time.monotonic() - started >= 0.55


@pytest.mark.parametrize(
    ("kind", "check"),
    [
        ("html", lambda r: r.status_code == 200 and r.text.startswith("<!DOCTYPE html>")),
        ("empty", lambda r: r.status_code == 200 and r.content == b""),
        (
            "truncated",
            lambda r: r.status_code == 200 and r.content.startswith(b'{"task_id"') and not r.content.endswith(b"}"),
        ),
    ],
)
def test_body_faults(sim: Simulator, http: httpx.Client, kind: str, check: object) -> None:
    task_id = sim.create_task("artos", [running()], faults=[Fault(kind, polls=(1,))])  # type: ignore[arg-type]
    response = get_status(http, sim, "artos", task_id)
    assert check(response)  # type: ignore[operator]
    with pytest.raises(ValueError):
        json.loads(response.content)


@pytest.mark.parametrize(
    ("provider", "expected"),
    [("artos", "Archived"), ("veza", "SUSPENDED"), ("unsiloed", "Paused"), ("notion", "paused"), ("aryn", "203")],
)
def test_unknown_status_fault(sim: Simulator, http: httpx.Client, provider: str, expected: str) -> None:
    task_id = sim.create_task(provider, [running()], faults=[Fault("unknown_status", polls=(1,))])
    assert raw_status(provider, get_status(http, sim, provider, task_id)) == expected


def test_extra_field_fault_adds_fields_and_keeps_the_answer(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("unsiloed", [pending(), succeeded()], faults=[Fault("extra_field", polls=(1,))])
    body = get_status(http, sim, "unsiloed", task_id).json()
    assert body["status"] == "Starting" and body["eta_seconds"] == 42
    assert get_status(http, sim, "unsiloed", task_id).json()["status"] == "Succeeded"


def test_random_faults_are_deterministic_for_a_seed() -> None:
    def pattern(seed: int) -> list[str | None]:
        with Simulator(seed=seed, faults=[Fault("server_error", rate=0.3)]) as s, httpx.Client() as client:
            task_id = s.create_task("veza", [pending(polls=None)], task_id="fixed-id")
            for _ in range(40):
                get_status(client, s, "veza", task_id)
            return [r.fault for r in s.requests("veza", task_id)]

    first, again, other = pattern(11), pattern(11), pattern(12)
    assert first == again and first != other
    assert 0.1 < sum(f is not None for f in first) / len(first) < 0.5


def test_server_rate_limit_answers_429_with_retry_after() -> None:
    with Simulator(rate_limits={"notion": 3.0}) as s, httpx.Client() as client:
        task_id = s.create_task("notion", [pending(polls=None)])
        answers = [get_status(client, s, "notion", task_id) for _ in range(6)]
    limited = [r for r in answers if r.status_code == 429]
    assert len(limited) >= 2 and all(int(r.headers["retry-after"]) >= 1 for r in limited)


def test_bad_scenarios_are_refused() -> None:
    with pytest.raises(ScenarioError, match="unknown state"):
        Step("done")  # type: ignore[arg-type]
    with pytest.raises(ScenarioError, match="unknown fault"):
        Fault("explode", polls=(1,))  # type: ignore[arg-type]
    with pytest.raises(ScenarioError, match="needs `polls` or a `rate`"):
        Fault("drop")


# Requests log, raw paths, redaction ---------------------------------------------------------------


def test_request_log_keeps_raw_paths_and_redacts_keys(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("artos", [pending()], task_id="a/b?c#d e")
    assert get_status(http, sim, "artos", task_id).json()["task_id"] == "a/b?c#d e"
    record = sim.requests("artos", task_id)[-1]
    served_below = urlsplit(reach(sim, "artos", "-").url).path.removesuffix("-")  # /artos/<status path>/
    assert record.raw_path == served_below + "a%2Fb%3Fc%23d%20e"
    assert record.headers["authorization"] == "<redacted>" and record.key_owner == "artos"
    assert sim.api_key("artos") not in json.dumps(record.to_json())


def test_unencoded_slash_in_an_id_does_not_reach_the_task(sim: Simulator, http: httpx.Client) -> None:
    sim.create_task("artos", [pending()], task_id="x/y")
    response = http.get(reach(sim, "artos", "x").url + "/y", headers=auth(sim, "artos"))
    assert response.status_code == 404 and response.json() == {"detail": "Not Found"}


# Create endpoints and the control API -------------------------------------------------------------


def test_create_endpoints_start_the_default_lifecycle(sim: Simulator, http: httpx.Client) -> None:
    pdf = {"file": ("report.pdf", b"%PDF-1.7", "application/pdf")}
    aryn = http.post(sim.base_url("aryn") + "/v1/async/submit/document/partition", files=pdf, headers=auth(sim, "aryn"))
    artos = http.post(
        sim.base_url("artos") + "/api/v1/documents/generate",
        headers=auth(sim, "artos"),
        json={
            "document_type": "CSR",
            "file_paths": ["a.pdf"],
            "document_set_key": "k",
            "document_set_name": "n",
            "generic_mrt_id": "t",
            "output_name": "o",
        },
    )
    veza = http.post(
        sim.base_url("veza") + "/api/v1/assessments/query_spec:result_async_create",
        headers=auth(sim, "veza"),
        json={"query_type": "SOURCE_TO_DESTINATION"},
    )
    unsiloed = http.post(sim.base_url("unsiloed") + "/parse", files=pdf, headers=auth(sim, "unsiloed"))
    notion = http.post(
        sim.base_url("notion") + "/v1/pages",
        headers=auth(sim, "notion"),
        json={"parent": {"page_id": "p"}, "markdown": "# Hi", "allow_async": True},
    )
    ids = {
        "aryn": (aryn.status_code, aryn.json()["task_id"]),
        "artos": (artos.status_code, artos.json()["task_id"]),
        "veza": (veza.status_code, veza.json()["task"]["id"]),
        "unsiloed": (unsiloed.status_code, unsiloed.json()["job_id"]),
        "notion": (notion.status_code, notion.json()["id"]),
    }
    assert {p: code for p, (code, _) in ids.items()} == {
        "aryn": 202,
        "artos": 202,
        "veza": 200,
        "unsiloed": 200,
        "notion": 202,
    }
    for provider, (_, task_id) in ids.items():
        statuses = poll_statuses(http, sim, provider, task_id, 4)
        assert statuses[-1] == EXPECTED_SUCCESS[provider][-1], (provider, statuses)


def test_notion_create_page_without_allow_async_answers_the_page(sim: Simulator, http: httpx.Client) -> None:
    response = http.post(
        sim.base_url("notion") + "/v1/pages",
        headers=auth(sim, "notion"),
        json={"parent": {"page_id": "p"}, "markdown": "# Hi"},
    )
    assert response.status_code == 200 and response.json()["object"] == "page"


def test_artos_generate_without_required_fields_is_422(sim: Simulator, http: httpx.Client) -> None:
    response = http.post(sim.base_url("artos") + "/api/v1/documents/generate", headers=auth(sim, "artos"), json={})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "document_type"]


def test_aryn_cancel_and_list(sim: Simulator, http: httpx.Client) -> None:
    task_id = sim.create_task("aryn", [running(polls=None)])

    def listing() -> Any:
        url, query = sim.base_url("aryn") + "/v1/async/list", {"path_filter": "^/v1/document/partition$"}
        return http.get(url, params=query, headers=auth(sim, "aryn")).json()["tasks"]

    words = SimulatedAryn.LIST_WORDS  # each task is listed in one of its state's words
    assert listing()[task_id]["task_status"] in words["run"]
    cancel_url = sim.base_url("aryn") + "/v1/async/cancel/" + status_path(sim, "aryn", task_id).rsplit("/", 1)[1]
    assert http.post(cancel_url, headers=auth(sim, "aryn")).status_code == 200
    assert http.post(cancel_url, headers=auth(sim, "aryn")).status_code == 404  # only once
    assert get_status(http, sim, "aryn", task_id).status_code == 404
    assert listing()[task_id]["task_status"] in words["cancel"]


def test_control_api_scripts_tasks_and_reads_the_log_over_http(http: httpx.Client) -> None:
    with Simulator() as s:
        created = http.post(
            s.url + "/_simulator/tasks",
            json={
                "provider": "veza",
                "steps": [{"state": "running"}, {"state": "succeeded", "size": 4}],
                "faults": [{"kind": "rate_limit", "polls": [1]}],
            },
        )
        assert created.status_code == 201 and created.json()["base_url"] == s.base_url("veza")
        task_id = created.json()["id"]
        assert [get_status(http, s, "veza", task_id).status_code for _ in range(3)] == [429, 200, 200]
        log = http.get(s.url + "/_simulator/requests").json()
        assert [entry["fault"] for entry in log if entry["task_id"] == task_id] == ["rate_limit", None, None]
        bad = http.post(s.url + "/_simulator/tasks", json={"provider": "veza", "steps": [{"state": "finished"}]})
        assert bad.status_code == 400 and "unknown state" in bad.json()["error"]
        assert http.get(s.url + "/_simulator/providers").json()["notion"]["base_url"] == s.base_url("notion")


def test_pytest_plugin_gives_each_test_a_running_simulator(taskpoll_simulator: Simulator, http: httpx.Client) -> None:
    task_id = taskpoll_simulator.create_task("unsiloed", [running(), succeeded()])
    assert poll_statuses(http, taskpoll_simulator, "unsiloed", task_id, 2) == ["Processing", "Succeeded"]


@pytest.mark.anyio
async def test_app_runs_in_process_through_httpx_asgi_transport() -> None:
    app = SimulatorApp()
    task_id = app.create_task("veza", [pending(), succeeded(size=1)])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sim") as client:
        request = status_request("veza", task_id, base_url="http://sim/veza", api_key=app.keys["veza"])
        states = [veza_task((await client.get(request.url, headers=request.headers)).json())["state"] for _ in range(2)]
    assert states == ["PENDING", "COMPLETE"]


def test_the_simulator_serves_exactly_the_sdks_providers_found_the_same_way() -> None:
    from taskpoll import providers
    from taskpoll.simulator import providers as simulated

    assert simulated.names() == providers.names() == PROVIDERS
    for name in simulated.names():
        assert simulated.get(name).name == name
    with pytest.raises(ScenarioError, match="unknown provider 'nope'"):
        simulated.get("nope")
