"""CPU per poll above the transport: taskpoll Client.get vs httpx get + json.loads, both over an
httpx.MockTransport with the same canned in-progress answer (no sockets, so the difference is only
what each side does around the transport). Interleaved rounds; prints the median ratio per provider.

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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks._common import RAW_PARAMS, raw_headers, raw_url

KEY = "sk-0123456789abcdef"
BASE = "http://127.0.0.1:9"
ANSWERS = {
    "aryn": (202, b'"Task is pending."'),
    "artos": (200, b'{"document_id":"d1","status":"Processing","progress":0.5,"created_at":"2026-01-01T00:00:00Z"}'),
    "veza": (200, b'{"id":"x","status":"RUNNING"}'),
    "unsiloed": (200, b'{"job_id":"x","status":"Processing","created_at":"2026-01-01T00:00:00Z"}'),
    "notion": (200, b'{"object":"async_task","id":"x","status":"in_progress"}'),
}
ROUNDS, CALLS = 7, 2000


def transport(provider: str) -> httpx.MockTransport:
    status, body = ANSWERS[provider]
    headers = {"content-type": "application/json", "x-request-id": "r1"}
    return httpx.MockTransport(lambda request: httpx.Response(status, stream=httpx.ByteStream(body), headers=headers))


def main(providers: list[str]) -> None:
    for provider in providers or list(ANSWERS):
        client = taskpoll.Client(provider, base_url=BASE, api_key=KEY, rate_limit=math.inf)
        client._http._transport = transport(provider)  # the client taskpoll owns, over a mock transport
        http = httpx.Client(headers=raw_headers(provider, KEY), transport=transport(provider))
        url, params = raw_url(BASE, provider, "t-1"), RAW_PARAMS.get(provider)
        ratios = []
        for _ in range(ROUNDS):
            gc.collect()
            started = time.process_time()
            for _ in range(CALLS):
                client.get("t-1")
            sdk = time.process_time() - started
            started = time.process_time()
            for _ in range(CALLS):
                json.loads(http.get(url, params=params).content)
            raw = time.process_time() - started
            ratios.append((sdk / raw, sdk / CALLS * 1e6, raw / CALLS * 1e6))
        ratios.sort()
        ratio, sdk_us, raw_us = ratios[len(ratios) // 2]
        print(
            f"{provider:9s} taskpoll {sdk_us:6.1f} us  raw {raw_us:6.1f} us  ratio {ratio:.3f} "
            f"(rounds {ratios[0][0]:.3f} - {ratios[-1][0]:.3f})"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
