#!/usr/bin/env python3
"""Regenerate generated/ from specs/ with the pinned openapi-python-client, or check it is current.

    python scripts/generate.py           # rewrite generated/ whole
    python scripts/generate.py --check   # exit 1 and list the files that differ; change nothing

This script is the only writer of generated/. For every spec in specs/ (specs/<provider>.yaml becomes
the package taskpoll_<provider>_api; scripts/codegen.yaml adds readable class names where a spec
needs them, nothing else per provider) it runs the
generator into a temporary folder with --fail-on-warning (a dropped endpoint is an error, not a
warning), formats the output with the pinned ruff in isolated mode (no PATH lookup, no parent
configs, no cache), adds py.typed, and writes generated/MANIFEST.json with the versions and spec
hashes. Only when every provider succeeded is generated/ replaced, in one rename. The result depends
only on the specs, this file, codegen.yaml, the template overrides in scripts/templates/ and the two
pinned tool versions, so running it twice, from any folder, changes nothing.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
CONFIG = ROOT / "scripts" / "codegen.yaml"
# Template overrides (openapi-python-client --custom-template-path): faster from_dict, same semantics.
TEMPLATES = ROOT / "scripts" / "templates"
PYPROJECT = ROOT / "pyproject.toml"

README = """\
# generated/ — do not edit

Every file below this folder is written by `python scripts/generate.py` from `specs/*.yaml` with
openapi-python-client {generator}, formatted by ruff {ruff}, configured by `scripts/codegen.yaml`.
Edits here are overwritten and fail CI (`python scripts/generate.py --check`). To change a client,
change its spec or the config and rerun the script. `MANIFEST.json` records what each package was
built from.
"""

RUFF_FIX = [
    "check",
    "--isolated",
    "--no-cache",
    "--fix-only",
    "--exit-zero",
    "--quiet",
    "--select",
    "I,F401,UP",
    "--target-version",
    "py311",
]
RUFF_FORMAT = ["format", "--isolated", "--no-cache", "--quiet", "--line-length", "120", "--target-version", "py311"]


class GenerationError(Exception):
    """A step of the build failed; the message says which and why."""


def pinned_versions() -> dict[str, str]:
    """The exact versions of the generator and ruff pinned in pyproject.toml's dev group."""
    with PYPROJECT.open("rb") as f:
        dev = tomllib.load(f)["dependency-groups"]["dev"]
    pins: dict[str, str] = {}
    for requirement in dev:
        match = re.fullmatch(r"(openapi-python-client|ruff)==([\w.]+)", requirement)
        if match:
            pins[match.group(1)] = match.group(2)
    if set(pins) != {"openapi-python-client", "ruff"}:
        raise GenerationError("pyproject.toml must pin openapi-python-client and ruff exactly (==)")
    return pins


def check_installed(pins: dict[str, str]) -> None:
    for name, wanted in pins.items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed = "not installed"
        if installed != wanted:
            raise GenerationError(
                f"{name} {wanted} is pinned but {installed} is installed in {sys.executable}; "
                "run `uv sync` (or use `uv run python scripts/generate.py`)"
            )


def load_config() -> dict[str, Any]:
    # The generator depends on PyYAML-compatible ruamel; JSON-compatible YAML is read with it too.
    from ruamel.yaml import YAML

    loaded: dict[str, Any] = YAML(typ="safe").load(CONFIG.read_text(encoding="utf-8"))
    loaded["providers"] = providers(loaded.get("providers") or {})
    return loaded


def providers(overrides: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every provider, found as its spec: specs/<name>.yaml, generated as taskpoll_<name>_api, with the
    class_overrides codegen.yaml gives it (none needed: a new provider's spec is all it takes)."""
    found = {path.stem: path for path in sorted((ROOT / "specs").glob("*.yaml"))}
    unknown = sorted(set(overrides) - set(found))
    if unknown:
        raise GenerationError(f"codegen.yaml names providers without a spec in specs/: {', '.join(unknown)}")
    return {
        name: {
            "spec": path.relative_to(ROOT).as_posix(),
            "package": f"taskpoll_{name}_api",
            "class_overrides": (overrides.get(name) or {}).get("class_overrides") or {},
        }
        for name, path in found.items()
    }


def run(args: list[str], what: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "0", "NO_COLOR": "1"}
    result = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT)
    if result.returncode != 0:
        raise GenerationError(f"{what} failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")


def what_failed(output: str) -> list[str]:
    """The schemas and endpoints openapi-python-client names in its warnings, each with its reason:
    "schema /components/schemas/X: type array must have items ...", "endpoint POST /p: ..."."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    found = []
    for index, line in enumerate(lines):
        reason = lines[index + 1] if index + 1 < len(lines) else ""
        if match := re.match(r"Unable to process schema (\S+?):?$", line):
            found.append(f"schema {match.group(1)}: {reason}")
        elif match := re.match(r"WARNING parsing (\S+ \S+)", line):
            refs = []
            for later in lines[index + 1 :]:
                if later.startswith(("WARNING", "Unable to process", "If you believe")):
                    break
                refs += re.findall(r'"\$ref": "([^"]+)"', later)
            where = f" (reference {', '.join(refs)})" if refs else ""
            found.append(f"endpoint {match.group(1)} dropped: {reason}{where}")
    return found


def generator(args: list[str], spec: str) -> None:
    """Run openapi-python-client on one spec; a failure names the spec and the schemas it could not build."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "NO_COLOR": "1"}
    result = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT)
    if result.returncode != 0:
        output = result.stdout + result.stderr
        named = "".join(f"\n  - {item}" for item in what_failed(output)) or " (see the output below)"
        raise GenerationError(
            f"{spec} does not generate (openapi-python-client exit {result.returncode}):{named}\n"
            f"Fix the spec (or its corrections in specs/corrections/, then scripts/spec_sync.py --write); generated/ "
            f"was left as it was.\n--- generator output ---\n{output}"
        )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(out: Path, config: dict[str, Any], pins: dict[str, str]) -> None:
    """Write the complete generated/ tree into `out` (an empty folder)."""
    manifest: dict[str, Any] = {
        "generator": f"openapi-python-client=={pins['openapi-python-client']}",
        "formatter": f"ruff=={pins['ruff']}",
        "config_sha256": sha256(CONFIG),
        "templates_sha256": {
            p.relative_to(TEMPLATES).as_posix(): sha256(p) for p in sorted(TEMPLATES.rglob("*.jinja"))
        },
        "packages": {},
    }
    failures: list[str] = []  # every provider is tried, so one run names every spec that does not build
    with tempfile.TemporaryDirectory(prefix="taskpoll-gen-") as scratch:
        for provider, entry in sorted(config["providers"].items()):
            spec = ROOT / entry["spec"]
            package = entry["package"]
            provider_config = {**config["generator"], "class_overrides": entry.get("class_overrides") or {}}
            config_file = Path(scratch) / f"{provider}.json"
            config_file.write_text(json.dumps(provider_config, indent=2, sort_keys=True), encoding="utf-8")
            try:
                generator(
                    [
                        sys.executable,
                        "-m",
                        "openapi_python_client",
                        "generate",
                        "--path",
                        str(spec),
                        "--config",
                        str(config_file),
                        "--meta",
                        "none",
                        "--output-path",
                        str(out / package),
                        "--custom-template-path",
                        str(TEMPLATES),
                        "--fail-on-warning",
                    ],
                    entry["spec"],
                )
            except GenerationError as exc:
                failures.append(str(exc))
                continue
            (out / package / "py.typed").write_text("", encoding="utf-8")
            manifest["packages"][package] = {"provider": provider, "spec": entry["spec"], "spec_sha256": sha256(spec)}
    if failures:
        raise GenerationError("\n\n".join(failures))
    run([sys.executable, "-m", "ruff", *RUFF_FIX, str(out)], "ruff check --fix")
    run([sys.executable, "-m", "ruff", *RUFF_FORMAT, str(out)], "ruff format")
    (out / "README.md").write_text(
        README.format(generator=pins["openapi-python-client"], ruff=pins["ruff"]), encoding="utf-8"
    )
    (out / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def tree_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def differences(expected: Path, actual: Path) -> list[str]:
    want, have = tree_files(expected), tree_files(actual) if actual.exists() else set()
    lines = [f"missing:  generated/{name}" for name in sorted(want - have)]
    lines += [f"extra:    generated/{name}" for name in sorted(have - want)]
    lines += [
        f"changed:  generated/{name}"
        for name in sorted(want & have)
        if not filecmp.cmp(expected / name, actual / name, shallow=False)
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare generated/ with a fresh build; change nothing")
    args = parser.parse_args(argv)
    try:
        pins = pinned_versions()
        check_installed(pins)
        config = load_config()
        with tempfile.TemporaryDirectory(prefix=".generated-", dir=ROOT) as staging:
            fresh = Path(staging) / "generated"
            fresh.mkdir()
            build(fresh, config, pins)
            if args.check:
                diff = differences(fresh, GENERATED)
                if diff:
                    print("generated/ is out of date with specs/ (run `python scripts/generate.py`):")
                    print("\n".join(diff))
                    return 1
                print(f"generated/ is up to date ({len(tree_files(fresh))} files)")
                return 0
            if GENERATED.exists():
                GENERATED.rename(Path(staging) / "previous")
            fresh.rename(GENERATED)
    except GenerationError as exc:
        print(f"generate.py: {exc}", file=sys.stderr)
        return 2
    print(f"wrote generated/ ({len(tree_files(GENERATED))} files) from {len(config['providers'])} specs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
