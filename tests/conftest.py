"""Test-suite options."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--fuzz-long", action="store_true", help="fuzz each adapter with 10,000 examples instead of 500")


@pytest.fixture
def fuzz_examples(request: pytest.FixtureRequest) -> int:
    return 10_000 if request.config.getoption("--fuzz-long") else 500
