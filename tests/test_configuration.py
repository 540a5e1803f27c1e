"""Setting a client up: keys, URLs, options. Bad input gets a ConfigurationError before any request."""

from __future__ import annotations

import types

import httpx
import pytest

import taskpoll
from taskpoll.simulator import Simulator, succeeded


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "ARYN_API_KEY",
        "ARTOS_ACCESS_TOKEN",
        "VEZA_API_KEY",
        "VEZA_BASE_URL",
        "UNSILOED_API_KEY",
        "NOTION_TOKEN",
        "ARYN_API_URL",
        "NOTION_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)


def test_key_and_base_url_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, no_env: None) -> None:
    monkeypatch.setenv("VEZA_API_KEY", "from-env")
    monkeypatch.setenv("VEZA_BASE_URL", "https://acme.vezacloud.com/")
    client = taskpoll.Client("veza")
    assert client.base_url == "https://acme.vezacloud.com" and client.provider == "veza"
    client.close()


def test_default_base_url_is_the_specs_server(no_env: None) -> None:
    with taskpoll.Client("aryn", api_key="k") as client:
        assert client.base_url == "https://api.aryn.cloud"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"provider": "chunkr", "api_key": "k"}, "unknown provider 'chunkr'"),
        ({"provider": "aryn"}, "no API key for aryn: pass api_key=... or set ARYN_API_KEY"),
        ({"provider": "aryn", "api_key": "  "}, "no API key for aryn"),
        ({"provider": "aryn", "api_key": "abc\r\nX-Evil: 1"}, "line break"),
        ({"provider": "aryn", "api_key": 42}, "must be a string"),
        ({"provider": "veza", "api_key": "k"}, "needs a base URL .* VEZA_BASE_URL"),
        ({"provider": "aryn", "api_key": "k", "base_url": "ftp://example.com"}, "must be http"),
        ({"provider": "aryn", "api_key": "k", "base_url": "https://user:pw@example.com"}, "credentials"),
        ({"provider": "aryn", "api_key": "k", "base_url": "http://api.example.com"}, "plain http"),
        ({"provider": "aryn", "api_key": "k", "rate_limit": 0}, "rate_limit"),
        ({"provider": "aryn", "api_key": "k", "policy": {"initial_delay": 1}}, "PollPolicy"),
        ({"provider": "aryn", "api_key": "k", "http_client": httpx.AsyncClient()}, "httpx.Client"),
    ],
)
def test_bad_set_up_is_a_configuration_error(no_env: None, kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(taskpoll.ConfigurationError, match=match) as raised:
        taskpoll.Client(**kwargs)  # type: ignore[arg-type]
    assert isinstance(raised.value, ValueError)
    assert "abc" not in str(raised.value) and "pw" not in str(raised.value)  # never echo secrets


def test_plain_http_is_allowed_to_loopback_or_when_asked(no_env: None) -> None:
    for url in ("http://127.0.0.1:8080", "http://localhost", "http://[::1]:9"):
        taskpoll.Client("aryn", api_key="k", base_url=url).close()
    taskpoll.Client("aryn", api_key="k", base_url="http://10.0.0.5", allow_insecure_http=True).close()


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), "10", True])
def test_bad_timeouts_are_refused(timeout: object) -> None:
    with Simulator() as sim, taskpoll.Client("artos", base_url=sim.base_url("artos"), api_key="k") as client:
        with pytest.raises(taskpoll.ConfigurationError, match="timeout"):
            client.wait("x", timeout=timeout)  # type: ignore[arg-type]
        with pytest.raises(taskpoll.ConfigurationError, match="concurrency"):
            client.wait_many(["x"], concurrency=0)
        with pytest.raises(taskpoll.ConfigurationError, match="not a single string"):
            client.wait_many("x")
        assert sim.requests() == []


def test_a_users_http_client_is_used_as_is_and_left_open() -> None:
    shared_headers = {"X-Team": "search"}
    with Simulator() as sim:
        task_id = sim.create_task("artos", [succeeded()])
        with httpx.Client(headers=shared_headers) as http:
            with taskpoll.Client(
                "artos", base_url=sim.base_url("artos"), api_key=sim.api_key("artos"), http_client=http
            ) as client:
                assert client.wait(task_id).state is taskpoll.TaskState.SUCCEEDED
            assert not http.is_closed
            assert shared_headers == {"X-Team": "search"}  # the key was never written into it
            assert "authorization" not in http.headers
        sent = sim.requests("artos", task_id)[0]
        assert sent.headers["x-team"] == "search" and sent.key_owner == "artos"


def test_public_api_is_exported_once_and_complete() -> None:
    # (pytest's assertion rewriting adds "@py_builtins" to modules of packages that ship a plugin.)
    public = {
        name
        for name, value in vars(taskpoll).items()
        if not name.startswith(("_", "@")) and not isinstance(value, types.ModuleType)  # submodules once imported
    }
    assert set(taskpoll.__all__) - {"__version__"} == public
    assert len(taskpoll.__all__) == len(set(taskpoll.__all__))  # (ruff's RUF022 keeps it sorted)
    for name in taskpoll.__all__:
        if name != "__version__":
            assert getattr(taskpoll, name).__module__.startswith("taskpoll")


def test_error_tree_matches_the_brief() -> None:
    t = taskpoll
    for cls in (
        t.BadRequestError,
        t.AuthenticationError,
        t.PermissionDeniedError,
        t.NotFoundError,
        t.QuotaExceededError,
        t.RateLimitError,
        t.ServerError,
    ):
        assert issubclass(cls, t.APIError)
    assert issubclass(t.APITimeoutError, t.APIConnectionError)
    for cls in (
        t.APIError,
        t.APIConnectionError,
        t.ResponseValidationError,
        t.InvalidTaskIdError,
        t.TaskFailedError,
        t.TaskCanceledError,
        t.WaitTimeoutError,
        t.ConfigurationError,
    ):
        assert issubclass(cls, t.TaskpollError)
    assert issubclass(t.InvalidTaskIdError, ValueError)
