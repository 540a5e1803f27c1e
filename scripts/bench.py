"""Benchmarks of taskpoll against hand-written httpx code; they live in benchmarks/ (see its __init__).

    python3 scripts/dev.py run python scripts/bench.py            # full run, about 6 to 7 minutes
    python3 scripts/dev.py run python scripts/bench.py --quick    # smaller and fewer, under a minute
    python3 scripts/dev.py run python scripts/bench.py --only poll,policy

The same as `python -m benchmarks ...` from the repository root.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.run import main

if __name__ == "__main__":
    sys.exit(main())
