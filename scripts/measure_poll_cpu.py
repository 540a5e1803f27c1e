"""CPU per poll above the transport: taskpoll against httpx get + json.loads, both over an
httpx.MockTransport that replays the bundled simulator's own answers (no sockets, so the difference is
only what each side does around the transport). Interleaved rounds; prints the median ratio per provider.

Three sides per provider, each on the same in-progress answer: `Client.get` (one status request),
`Client.wait` (a wait that sees the answer WAIT_POLLS times, then the final one, with zero delays:
per poll, the engine's step included) and the raw loop.

    python3 scripts/dev.py run python scripts/measure_poll_cpu.py [provider ...]
"""

from __future__ import annotations

import gc
import json
import math
import sys
import time
from pathlib import Path

import httpx

import taskpoll
from taskpoll.simulator import Simulator, running, succeeded

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks._common import PROVIDERS, RAW_PARAMS, raw_headers, raw_url
from benchmarks.poll import WAIT_POLLS, ZERO_DELAY

KEY = "sk-0123456789abcdef"
BASE = "http://127.0.0.1:9"
ROUNDS = 7
CALLS = 100 * (WAIT_POLLS + 1)
Answer = tuple[int, bytes, dict[str, str]]


def simulator_answers(provider: str) -> tuple[Answer, Answer]:
    """The simulator's in-progress and final answers to a status request, as sent on the wire."""
    with Simulator() as sim, httpx.Client() as http:
        extra = {"poll_after": 0.0} if provider == "notion" else {}
        answers = []
        for step in (running(polls=None, progress=0.5, **extra), succeeded(size=1, **extra)):
            call = sim.status_request(provider, sim.create_task(provider, [step]))
            response = http.get(call.url, params=call.params, headers=call.headers)
            headers = {k: v for k, v in response.headers.items() if k.lower() in ("content-type", "retry-after")}
            answers.append((response.status_code, response.content, headers))
        return answers[0], answers[1]


def replay(answers: list[Answer]) -> httpx.MockTransport:
    turn = [0]

    def handler(request: httpx.Request) -> httpx.Response:
        status, body, headers = answers[turn[0] % len(answers)]
        turn[0] += 1
        return httpx.Response(status, stream=httpx.ByteStream(body), headers=headers)

    return httpx.MockTransport(handler)


def main(providers: list[str]) -> None:
    for provider in providers or list(PROVIDERS):
        progress, final = simulator_answers(provider)
        kwargs = {"base_url": BASE, "api_key": KEY, "rate_limit": math.inf, "policy": ZERO_DELAY}
        getter = taskpoll.Client(provider, **kwargs)  # the clients taskpoll owns, over mock transports
        getter._http._transport = replay([progress])
        waiter = taskpoll.Client(provider, **kwargs)
        waiter._http._transport = replay([progress] * WAIT_POLLS + [final])
        http = httpx.Client(headers=raw_headers(provider, KEY), transport=replay([progress]))
        url, params = raw_url(BASE, provider, "t-1"), RAW_PARAMS.get(provider)
        rows = []
        for _ in range(ROUNDS):
            gc.collect()
            started = time.process_time()
            for _ in range(CALLS):
                getter.get("t-1")
            get = time.process_time() - started
            gc.collect()
            started = time.process_time()
            for _ in range(CALLS // (WAIT_POLLS + 1)):
                waiter.wait("t-1", timeout=60)
            wait = time.process_time() - started
            gc.collect()
            started = time.process_time()
            for _ in range(CALLS):
                json.loads(http.get(url, params=params).content)
            raw = time.process_time() - started
            rows.append((get / raw, wait / raw, get / CALLS * 1e6, wait / CALLS * 1e6, raw / CALLS * 1e6))
        get_ratio = sorted(r[0] for r in rows)[ROUNDS // 2]
        wait_ratio = sorted(r[1] for r in rows)[ROUNDS // 2]
        get_us, wait_us, raw_us = (sorted(r[i] for r in rows)[ROUNDS // 2] for i in (2, 3, 4))
        print(
            f"{provider:9s} raw {raw_us:6.1f} us  get {get_us:6.1f} us ({get_ratio:.3f})  "
            f"inside a wait {wait_us:6.1f} us/poll ({wait_ratio:.3f})"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
