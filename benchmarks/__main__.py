"""`python -m benchmarks [--quick] [--seed N] [--only poll,policy]` from the repository root."""

import sys

from .run import main

sys.exit(main())
