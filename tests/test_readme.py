"""README.md's tables say what the code does."""

from __future__ import annotations

import ast
import re

import httpx
import pytest

import taskpoll
from taskpoll.providers import get, names

from .specs import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def table(header_start: str) -> list[list[str]]:
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def error_class(provider: str, status: int) -> type[taskpoll.APIError]:
    response = httpx.Response(status, json={"detail": "x"}, request=httpx.Request("GET", "https://x"))
    return type(get(provider).error("t", response))


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (400, "BadRequestError"),
        (422, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (429, "RateLimitError"),
        (500, "ServerError"),
        (503, "ServerError"),
        (520, "ServerError"),
        (529, "ServerError"),
        (408, "APIError"),
        (409, "APIError"),
    ],
)
def test_errors_table_matches_how_answers_are_classified(status: int, expected: str) -> None:
    rows = {row[0].strip("`").split(" ")[0]: row[1] for row in table("| error | when |")}
    if expected == "APIError":
        assert "any other error status" in rows[expected]
    else:
        assert str(status) in rows[expected] or (expected == "ServerError" and status >= 500)
    for provider in names():
        if not (provider == "aryn" and status == 403) and not (provider == "notion" and status == 529):
            assert error_class(provider, status).__name__ == expected


def test_errors_table_lists_notions_529_as_a_rate_limit_and_unsiloeds_usage_cap_as_quota() -> None:
    rows = {row[0].strip("`").split(" ")[0]: row[1] for row in table("| error | when |")}
    assert "Notion's 529" in rows["RateLimitError"] and error_class("notion", 529) is taskpoll.RateLimitError
    assert "Usage limit exceeded" in rows["QuotaExceededError"]
    assert error_class("unsiloed", 402) is taskpoll.QuotaExceededError


def test_errors_table_lists_arys_403_as_authentication() -> None:
    rows = {row[0].strip("`").split(" ")[0]: row[1] for row in table("| error | when |")}
    assert "Aryn's 403" in rows["AuthenticationError"]
    assert error_class("aryn", 403) is taskpoll.AuthenticationError


def test_errors_table_names_every_public_error() -> None:
    listed = {row[0].strip("`").split(" ")[0].strip("`") for row in table("| error | when |")}
    public = {n for n in taskpoll.__all__ if n.endswith("Error") and n not in ("TaskpollError", "TaskError")}
    assert listed == public


def test_defaults_table_matches_each_adapters_policy() -> None:
    rows = {row[0]: row for row in table("| provider | initial_delay |")}
    assert set(rows) == set(names())
    for name in names():
        adapter = get(name)
        _, initial, multiplier, maximum, follows, rate, _ = rows[name]
        policy = adapter.default_policy
        assert (float(initial), float(multiplier), float(maximum)) == (
            policy.initial_delay,
            policy.multiplier,
            policy.max_delay,
        )
        assert (follows == "yes") is policy.follow_hint
        assert rate == ("none" if adapter.rate_limit is None else f"{adapter.rate_limit:g} / s")


def test_providers_table_names_each_key_variable() -> None:
    rows = {row[0].strip("`"): row for row in table("| provider | a task is |")}
    for name in names():
        adapter = get(name)
        assert f"`{adapter.key_env}`" in rows[name][3]
        assert adapter.base_url_env in rows[name][4]
        if adapter.default_base_url:
            assert adapter.default_base_url in rows[name][4]


def test_readme_python_examples_parse() -> None:
    for block in re.findall(r"```python\n(.*?)```", README, re.S):
        compile(block, "README.md", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)


def test_exit_code_table_matches_the_cli() -> None:
    from taskpoll import cli

    rows = {int(row[0]): row[1] for row in table("| exit code | meaning |")}
    assert rows.keys() == {
        cli.EXIT_OK,
        cli.EXIT_TASK_FAILED,
        cli.EXIT_USAGE,
        cli.EXIT_TIMEOUT,
        cli.EXIT_API,
        cli.EXIT_INTERNAL,
    }
    for code, meaning in rows.items():
        assert f"{code}  " in cli.EXIT_CODES_HELP
        first_words = " ".join(meaning.split()[:3]).split(";")[0].split(":")[0].strip("`")
        assert first_words.split()[0] in cli.EXIT_CODES_HELP


def test_the_two_commands_are_in_the_readme_and_ci_runs_the_test_one() -> None:
    assert "python3 scripts/dev.py demo" in README and "python3 scripts/dev.py test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "exec python3 scripts/dev.py test" in ci


def test_every_install_command_names_a_checkout_or_a_wheel_and_extras_that_exist() -> None:
    """taskpoll is on no package index: `pip install 'taskpoll[celery]'` finds nothing.
    Every install command in the README, docs/ and examples/ installs a path (a checkout or the built
    wheel) with extras pyproject.toml declares."""
    import tomllib

    extras = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    )
    texts = {path: path.read_text(encoding="utf-8") for path in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]}
    texts.update({path: path.read_text(encoding="utf-8") for path in (ROOT / "examples").glob("*.py")})
    found = 0
    for path, text in texts.items():
        for target in re.findall(r"pip install (?:-\S+ )*['\"]?([^'\"`\s]+)", text):
            name, _, wanted = target.partition("[")
            if name.startswith(("msgspec", "-e", "uvicorn")) or ("taskpoll" not in name and name != "."):
                continue  # another package (measurement venvs), or an editable install of the checkout
            found += 1
            assert "/" in name or name == "." or name.endswith(".whl"), f"{path.name}: pip install {target}"
            assert set(filter(None, wanted.rstrip("]").split(","))) <= extras, f"{path.name}: {target}"
    assert found >= 6
