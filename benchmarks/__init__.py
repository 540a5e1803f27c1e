"""Benchmarks of taskpoll against hand-written httpx code, side by side, on the bundled simulator.

Run from the repository root (no network: every request goes to the simulator on 127.0.0.1):

    python3 scripts/dev.py run python scripts/bench.py            # full run, about 6 to 7 minutes
    python3 scripts/dev.py run python scripts/bench.py --quick    # smaller and fewer, under a minute
    python3 scripts/dev.py run python scripts/bench.py --only poll,policy
    UV_PROJECT_ENVIRONMENT=.venv-bench python3 scripts/dev.py run uv run --locked --no-default-groups \
        --group bench --extra simulator python -m benchmarks peers   # the peers, in their own venv

docs/benchmarks.md records a full run and what it led to. `scripts/bench.py` runs `python -m benchmarks`;
one module per measure (poll.py, large.py, many.py, policy.py), shared helpers in _common.py, and the
runner in run.py. The simulator is `taskpoll.simulator.SimulatorProcess`, the one the tests use; the
server counts requests and connections itself (`GET /_simulator/stats`).

The simulator runs in a child process (its own interpreter, so client and server do not share a GIL),
and both sides of every comparison talk to that same server. Each section prints a table; a summary
of every ratio against its target (met / not met) comes last.

poll    Per-poll overhead. `taskpoll.Client(...).get(task_id)` against `httpx.Client.get()` plus
        `json.loads` of the same task, per provider, for two answers: a task in progress (what nearly
        every poll of a wait sees; the target is judged on it) and a finished task with a small
        result (taskpoll also builds the typed result; section 2 is about that cost). Blocks of polls
        alternate A/B (then B/A), after a warm-up block each; the ratio is the median over rounds of
        the two back-to-back blocks' ratio. Client CPU per poll is shown too: the client process runs
        nothing else, so it is the client's cost.
large   A large Aryn result (100,000 elements, ~46 MB; 20,000 with --quick), downloaded once. Times
        `json.loads(body)` against the adapter's typed read `providers.get("aryn").read(task_id,
        answer)`, with the network excluded from both; then end to end, `Client.get` against httpx
        get + `json.loads`. Memory of the typed parse relative to the body size is measured two ways:
        the tracemalloc peak of a separate run, and the RSS growth (VmHWM after minus VmRSS before,
        peak reset through /proc/self/clear_refs) in a fresh child process.
many    One `taskpoll.AsyncClient.wait_many` over N tasks (10,000; 1,000 with --quick) against a raw
        `httpx.AsyncClient` loop (one coroutine per task, a semaphore for the same concurrency, the
        same delays), each task living [pending, running, succeeded] so both sides make the same
        3 x N requests. Each run is a fresh child process, so its RSS reflects that run only. Reports
        requests per second (server-counted requests / wall time), client CPU per request, peak RSS
        growth per task (VmHWM during the wait minus VmRSS just before it), and TCP connections
        opened, counted in each side's process (every socket.socket.connect).
policy  Polling policies on a fake clock, through the clients' own wait loop (`_loop.run`) and
        the Artos adapter fed canned responses: "Generating" before the task's duration, "Ready"
        after. Durations are log-uniform between 1 s and 30 min (fixed seed). Per policy: requests
        per task and detection delay (true completion to the poll that sees it), absolute and
        relative to the duration. Compares PollPolicy(), fixed cadences, google-api-core's 1 to 20 s
        x1.5 backoff, and each provider's default policy.
peers   The providers' own SDKs (the `bench` dependency group: aryn-sdk, unsiloed-sdk), pointed at the
        same simulator through their base-URL options: client CPU per poll of a task in progress
        against raw httpx + `json.loads` and taskpoll's `Client.get` (aryn-sdk's README loop, which
        opens a new client per poll, and its `Client.get_async_result`; unsiloed-sdk's
        `get_parse_result`), and the requests per task of their fixed cadences (1 s, 2 s, 5 s) against
        taskpoll's provider defaults on the policy section's fake clock. Without the group installed
        the section says how to run it and measures nothing.
"""
