"""The control API's stats endpoint and batch task creation, in process and through SimulatorProcess."""

from __future__ import annotations

import httpx

from taskpoll.simulator import Simulator, SimulatorProcess, pending, running, succeeded


def test_stats_count_provider_requests_and_connections_not_control_requests() -> None:
    with Simulator(seed=1) as sim, httpx.Client(base_url=sim.url) as control:
        task_id = sim.create_task("artos", [pending(), succeeded()])
        url, headers = sim.status_request("artos", task_id).url, sim.status_request("artos", task_id).headers
        with httpx.Client(headers=headers) as first, httpx.Client(headers=headers) as second:
            assert first.get(url).json()["status"] == "Pending"
            assert first.get(url).json()["status"] == "Ready"
            assert second.get(url).status_code == 200
            assert second.get(f"{sim.url}/nowhere/x").status_code == 404  # no provider: not counted

        stats = control.get("/_simulator/stats").json()
        assert stats["requests"] == 3 and stats["connections"] == 2
        assert stats["by_provider"] == {"aryn": 0, "artos": 3, "veza": 0, "unsiloed": 0, "notion": 0}
        assert control.get("/_simulator/stats").json() == stats  # reading does not reset

        assert control.delete("/_simulator/stats").json() == stats  # the figures up to the reset
        after = control.get("/_simulator/stats").json()
        assert after["requests"] == 0 and after["connections"] == 0
        assert len(sim.requests(provider="artos")) == 3  # the request log is separate


def test_batch_creation_makes_distinct_tasks_and_refuses_a_bad_count() -> None:
    with Simulator(seed=1) as sim, httpx.Client(base_url=sim.url) as control:
        body = {"provider": "veza", "steps": [{"state": "running"}], "count": 3}
        created = control.post("/_simulator/tasks/batch", json=body)
        assert created.status_code == 201
        ids = created.json()["ids"]
        assert len(set(ids)) == 3 and all(sim.answered_states("veza", i) == [] for i in ids)
        for count in (0, "3", True, None, 100_001):
            refused = control.post("/_simulator/tasks/batch", json={**body, "count": count})
            assert refused.status_code == 400 and "count" in refused.json()["error"]
        unknown = control.post("/_simulator/tasks/batch", json={**body, "provider": "nope"})
        assert unknown.status_code == 400 and "unknown provider" in unknown.json()["error"]


def test_simulator_process_creates_tasks_and_reports_stats() -> None:
    with SimulatorProcess("--seed", "1") as sim:
        ids = sim.create_tasks("artos", [running(), succeeded()], 4)
        single = sim.create_task("artos", [succeeded()])
        headers = sim.status_request("artos", single).headers
        with httpx.Client(headers=headers) as http:
            states = [http.get(sim.status_request("artos", i).url).json()["status"] for i in [*ids, single]]
        assert states == ["Generating"] * 4 + ["Ready"]
        stats = sim.stats(reset=True)
        assert stats["requests"] == 5 and stats["by_provider"]["artos"] == 5 and stats["connections"] == 1
        assert sim.stats()["requests"] == 0
        assert len([r for r in sim.requests() if r.provider == "artos"]) == 5  # the log also has control requests
        sim.clear_requests()
        assert [r for r in sim.requests() if r.provider is not None] == []
