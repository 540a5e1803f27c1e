"""`taskpoll submit`, `run`, `cancel` and `list` against the simulator."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from taskpoll.cli import main
from taskpoll.simulator import Simulator, running, succeeded

KEY_ENV = {
    "aryn": "ARYN_API_KEY",
    "artos": "ARTOS_ACCESS_TOKEN",
    "veza": "VEZA_API_KEY",
    "unsiloed": "UNSILOED_API_KEY",
    "notion": "NOTION_TOKEN",
}
PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture(scope="module")
def sim() -> Iterator[Simulator]:
    steps = {name: [succeeded(size=3)] for name in KEY_ENV}
    with Simulator(notion_poll_after=0.05, default_steps=steps) as s:
        yield s


@pytest.fixture
def keys(sim: Simulator, monkeypatch: pytest.MonkeyPatch) -> None:
    for provider, env in KEY_ENV.items():
        monkeypatch.setenv(env, sim.api_key(provider))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(PDF)
    return path


def test_run_aryn_report_json_submits_waits_and_prints_the_result(
    sim: Simulator, keys: None, report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "run", "aryn", str(report), "--json", "--base-url", sim.base_url("aryn"))
    assert code == 0, err
    data = json.loads(out)
    assert data["error"] is None and data["task"]["state"] == "succeeded"
    assert len(data["task"]["result"]["elements"]) == 3
    methods = [r.method for r in sim.requests("aryn", data["task"]["id"])]
    assert methods and set(methods) == {"GET"}
    assert [r.method for r in sim.requests("aryn") if r.task_id is None][-1] == "POST"


def test_submit_prints_the_new_task_and_how_to_wait_on_it(
    sim: Simulator, keys: None, report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    options = json.dumps({"use_ocr": True})
    code, out, err = run(
        capsys, "submit", "aryn", str(report), "--options", options, "--base-url", sim.base_url("aryn")
    )
    assert code == 0, err
    assert out.startswith("aryn task aryn:t-") and " pending (202)" in out.splitlines()[0]
    assert "wait      taskpoll wait aryn aryn:t-" in out


@pytest.mark.parametrize(
    ("provider", "body"),
    [
        (
            "artos",
            {
                "document_type": "CSR",
                "file_paths": ["a.pdf"],
                "connector_data_id": "k",
                "workspace_name": "w",
                "template_id": "t",
                "output_name": "o",
            },
        ),
        ("veza", {"query_type": "SOURCE_TO_DESTINATION"}),
        ("notion", {"parent": {"page_id": "p"}, "markdown": "# Hi"}),
    ],
)
def test_run_takes_a_json_body_inline_or_from_a_file(
    sim: Simulator,
    keys: None,
    tmp_path: Path,
    provider: str,
    body: dict[str, object],
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ["--base-url", sim.base_url(provider), "--json"]
    code, out, err = run(capsys, "run", provider, json.dumps(body), *base)
    assert code == 0, err
    assert json.loads(out)["task"]["state"] == "succeeded"
    path = tmp_path / "body.json"
    path.write_text(json.dumps(body))
    code, out, err = run(capsys, "submit", provider, "@" + str(path), *base)
    assert code == 0, err
    assert json.loads(out)["task"]["state"] in ("pending", "succeeded")


def test_unsiloed_from_a_url(sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://example.com/scan.pdf"
    code, out, err = run(capsys, "run", "unsiloed", "--url", url, "--json", "--base-url", sim.base_url("unsiloed"))
    assert code == 0, err
    assert json.loads(out)["task"]["result"]["status"] == "Succeeded"


def test_cancel_and_list_aryn(sim: Simulator, keys: None, report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--base-url", sim.base_url("aryn")]
    sim.app.default_steps["aryn"] = (running(polls=10_000),)
    try:
        code, out, _ = run(capsys, "submit", "aryn", str(report), "--json", *base)
        task_id = json.loads(out)["task"]["id"]
        code, out, err = run(capsys, "cancel", "aryn", task_id, *base)
        assert code == 0, err
        assert "cancel requested" in out
        code, out, err = run(capsys, "list", "aryn", "--json", *base)
        assert code == 0, err
        listed = {t["id"]: t["state"] for t in json.loads(out)["tasks"]}
        assert listed[task_id] == "canceled"
        code, out, err = run(capsys, "cancel", "aryn", task_id, *base)
        assert code == 4 and "Task not found" in err  # cancelled once only: Aryn's 404, its message
    finally:
        sim.app.default_steps["aryn"] = (succeeded(size=3),)


def test_cancel_where_the_provider_has_none_is_a_usage_error(
    sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "cancel", "notion", "task_1", "--base-url", sim.base_url("notion"))
    assert code == 2 and err.startswith("taskpoll: Notion has no cancel") and out == ""
    assert sim.requests("notion", "task_1") == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["run", "aryn", "/no/such/report.pdf"], "no file at"),
        (["submit", "aryn"], "give the document's path"),
        (["submit", "aryn", "x.pdf", "--url", "https://example.com/a.pdf"], "not both"),
        (["submit", "aryn", "{PDF}", "--options", '{"use_ocr": "yes"}'], "options.use_ocr: a string, not a boolean"),
        (["submit", "aryn", "{PDF}", "--options", "{not json"], "--options is not JSON"),
        (["submit", "artos", "{not json"], "the request is not JSON"),
        (["submit", "artos", "@/no/such/body.json"], "cannot be read"),
        (["submit", "veza", "{}", "--webhook-url", "https://hooks.example"], "--webhook-url is Aryn's"),
        (["submit", "notion"], "give the notion request as JSON"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_sends_nothing(
    sim: Simulator, keys: None, report: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    provider = argv[1]
    before = len(sim.requests(provider))
    argv = [str(report) if word == "{PDF}" else word for word in argv]
    code, out, err = run(capsys, *argv, "--base-url", sim.base_url(provider))
    assert code == 2 and out == "", err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert len(sim.requests(provider)) == before


def test_the_token_of_a_submitted_task_resumes_its_wait(
    sim: Simulator, keys: None, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--base-url", sim.base_url("veza")]
    code, out, err = run(capsys, "submit", "veza", "{}", "--json", *base)
    assert code == 0, err
    submitted = json.loads(out)["task"]
    code, out, err = run(capsys, "resume", submitted["token"], "--json", *base)
    assert code == 0, err
    finished = json.loads(out)["task"]
    assert finished["id"] == submitted["id"] and finished["state"] == "succeeded"
