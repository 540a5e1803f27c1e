"""Security: keys stay out of logs, reprs, exceptions and other providers' requests; ids stay in their
path segment; every request has a finite timeout; keys are not sent over plain http to remote hosts."""

from __future__ import annotations

import logging
import pickle

import httpx
import pytest

import taskpoll
from taskpoll._http import KeyAuth
from taskpoll.simulator import Fault, Simulator, failed, pending, running, succeeded

from .clients import FAST

SECRETS = {p: f"sk-{p}-0123456789abcdefSECRET" for p in taskpoll.providers.names()}


pytestmark = pytest.mark.taskpoll_simulator(keys=SECRETS, notion_poll_after=0.01)  # for `sim` (conftest.py)


def everything_said(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records)


@pytest.mark.parametrize("provider", list(SECRETS))
def test_no_key_in_debug_logs_reprs_or_errors(sim: Simulator, provider: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, httpx and httpcore included
    faults = [
        Fault("rate_limit", polls=(1,), retry_after=0.01),
        Fault("server_error", polls=(2,)),
        Fault("unknown_status", polls=(3,)),
    ]
    task_id = sim.create_task(provider, [pending(), running(), failed(error="nope")], faults=faults)
    client = taskpoll.Client(provider, base_url=sim.base_url(provider), api_key=SECRETS[provider], policy=FAST)
    seen: list[object] = [client, client._auth]
    with client, pytest.raises(taskpoll.TaskFailedError) as raised:
        client.wait(task_id, on_update=seen.append)
    seen.append(raised.value)
    wrong_key = taskpoll.Client(provider, base_url=sim.base_url(provider), api_key=SECRETS[provider] + "x")
    with wrong_key, pytest.raises(taskpoll.AuthenticationError) as wrong:
        wrong_key.get(task_id)
    seen.append(wrong.value)
    text = everything_said(caplog) + "".join(repr(o) + str(o) for o in seen) + repr(vars(raised.value))
    assert caplog.records and "poll" in everything_said(caplog)
    assert SECRETS[provider] not in text and "0123456789abcdef" not in text


def test_auth_object_hides_the_key_and_refuses_to_be_pickled() -> None:
    auth = KeyAuth("Authorization", "Bearer", "sk-hidden")
    assert "sk-hidden" not in repr(auth) and "sk-hidden" not in str(auth) and "***" in repr(auth)
    with pytest.raises(TypeError):
        pickle.dumps(auth)


def test_one_http_client_shared_by_two_providers_sends_each_only_its_own_key(sim: Simulator) -> None:
    aryn_task = sim.create_task("aryn", [succeeded()])
    artos_task = sim.create_task("artos", [succeeded()])
    with httpx.Client() as shared:
        aryn = taskpoll.Client("aryn", base_url=sim.base_url("aryn"), api_key=SECRETS["aryn"], http_client=shared)
        artos = taskpoll.Client("artos", base_url=sim.base_url("artos"), api_key=SECRETS["artos"], http_client=shared)
        aryn.wait(aryn_task)
        artos.wait(artos_task)
        aryn.close()
        artos.close()
        assert "authorization" not in shared.headers
    assert [r.key_owner for r in sim.requests("aryn", aryn_task)] == ["aryn"]
    assert [r.key_owner for r in sim.requests("artos", artos_task)] == ["artos"]


def test_tokens_carry_no_key_and_no_url(sim: Simulator) -> None:
    task_id = sim.create_task("notion", [running(poll_after=5)])
    with taskpoll.Client("notion", base_url=sim.base_url("notion"), api_key=SECRETS["notion"]) as client:
        token = client.get(task_id).token()
    import base64

    decoded = base64.urlsafe_b64decode(token[4:] + "==").decode()
    assert SECRETS["notion"] not in decoded and "127.0.0.1" not in decoded and task_id in decoded


HOSTILE_IDS = ["a/b", "a?b=c", "a#b", "a b", "a\r\nX-Injected: 1", "../../v1/secret", "%2e%2e", "a%2Fb", "ünï"]


@pytest.mark.parametrize("provider", list(SECRETS))
def test_hostile_ids_never_leave_their_path_segment(sim: Simulator, provider: str) -> None:
    from urllib.parse import unquote, urlsplit

    # the raw path up to the id's segment, e.g. /aryn/v1/async/result/
    prefix = urlsplit(sim.status_request(provider, "-").url).path.removesuffix("-")
    with taskpoll.Client(provider, base_url=sim.base_url(provider), api_key=SECRETS[provider], policy=FAST) as client:
        for task_id in HOSTILE_IDS:
            sim.create_task(provider, [succeeded()], task_id=task_id)
            assert client.wait(task_id).id == task_id  # the simulator found exactly that task
            (record,) = sim.requests(provider, task_id)
            assert record.raw_path.startswith(prefix)
            segment = record.raw_path.removeprefix(prefix)
            assert "/" not in segment and "?" not in segment and "#" not in segment and " " not in segment
            assert unquote(segment) == task_id and record.key_owner == provider
            assert "x-injected" not in record.headers
        before = len(sim.requests(provider))
        for unsafe in ("", ".", ".."):
            with pytest.raises(taskpoll.InvalidTaskIdError):
                client.wait(unsafe)
        assert len(sim.requests(provider)) == before  # refused before any request


def test_every_request_carries_a_finite_timeout_clipped_to_the_wait(sim: Simulator) -> None:
    timeouts: list[dict[str, float | None]] = []
    task_id = sim.create_task("veza", [pending(), running(), succeeded()], faults=[Fault("server_error", polls=(1,))])
    with httpx.Client(event_hooks={"request": [lambda r: timeouts.append(r.extensions["timeout"])]}) as http:
        policy = FAST.with_changes(request_timeout=7.0)
        with taskpoll.Client(
            "veza", base_url=sim.base_url("veza"), api_key=SECRETS["veza"], policy=policy, http_client=http
        ) as client:
            client.wait(task_id, timeout=2.0)
            client.get(task_id)
    assert len(timeouts) >= 5
    for timeout in timeouts:
        assert set(timeout) == {"connect", "read", "write", "pool"}
        assert all(value is not None and 0 < value <= 7.0 for value in timeout.values())
    assert all(value <= 2.0 for timeout in timeouts[:-1] for value in timeout.values())  # clipped to the wait


def test_a_key_is_refused_over_plain_http_to_a_remote_host_before_any_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr("socket.create_connection", no_network)
    with pytest.raises(taskpoll.ConfigurationError, match="plain http"):
        taskpoll.Client("notion", api_key=SECRETS["notion"], base_url="http://api.notion.example")
    client = taskpoll.Client("notion", api_key="k", base_url="http://10.1.2.3", allow_insecure_http=True)
    assert client.base_url == "http://10.1.2.3"  # allowed when asked, and still nothing sent yet
    client.close()
