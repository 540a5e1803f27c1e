#!/usr/bin/env python3
"""Build specs/<provider>.yaml from the document the provider publishes, our corrections applied.

    python scripts/spec_sync.py aryn ~/Downloads/openapi.json --check   # what would change; exit 1 on drift
    python scripts/spec_sync.py aryn ~/Downloads/openapi.json --write   # take the new document in
    python scripts/spec_sync.py --all --check                           # every provider, its kept copy (CI)

The published document (JSON or YAML; a trailing comma is tolerated, JSON being read as YAML when it
is not strict JSON) goes through four steps, each the same for every provider:

1. normalise: an array schema without `items` gets `items: {}` (JSON Schema reads a missing `items`
   as "any item"; the generator needs it spelled out). Meaning unchanged, so not a correction.
2. select: only the operations listed in the corrections' `x-taskpoll-operations` are kept.
3. correct: the actions of specs/corrections/<provider>.yaml, an OpenAPI Overlay 1.0 document, are
   applied in order. Each action's `target` is an RFC 9535 JSONPath (evaluated by jsonpath-rfc9535),
   its `description` says why and `x-source` where that is shown (repo@commit:path:lines or a URL).
4. prune: components, security schemes and tags that nothing kept refers to are left out.

Several files may be given (a provider that publishes one excerpt per endpoint, as Artos does): their
paths and components are joined first, and a name defined twice differently is an error.

`--check` (the default) prints the difference between the result and specs/<provider>.yaml and exits 1 when they
differ (drift: the provider changed something no correction explains, or someone edited the spec by
hand). A correction whose target is gone, or which changes nothing any more (the provider fixed it),
is listed apart from the drift; alone it exits 3. `--write` writes the result (and lists the same).
Errors (a bad file, an unknown provider, an operation we use that the document lacks) exit 2.

An Overlay `update` is merged one level deep: an action whose update would merge differently under a
recursive merge (an object or an array into an existing one) is refused, so every Overlay tool reads
our corrections alike; target the nested node instead. Appending an entry an array already holds
counts as "changes nothing" rather than adding it twice.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonpath_rfc9535
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
CORRECTIONS = SPECS / "corrections"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Keys whose values are data (examples, defaults, enums), not schemas: never normalised.
DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const"})


class SyncError(Exception):
    """The documents cannot be brought together; the message says which and why."""


# Reading ------------------------------------------------------------------------------------------


def load_document(path: Path) -> dict[str, Any]:
    """A published OpenAPI document, JSON or YAML. JSON that is not strict (a trailing comma, as in
    Aryn's) is read by the YAML parser, which accepts it."""
    text = path.read_text(encoding="utf-8")
    try:
        loaded = json.loads(text)
    except json.JSONDecodeError:
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise SyncError(f"{path}: neither JSON nor YAML ({exc})") from None
    if not isinstance(loaded, dict) or not ("openapi" in loaded or "swagger" in loaded):
        raise SyncError(f"{path}: not an OpenAPI document (no `openapi` key at the top)")
    return loaded


def load_corrections(provider: str, folder: Path = CORRECTIONS) -> dict[str, Any]:
    path = folder / f"{provider}.yaml"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.yaml")))
        raise SyncError(f"no corrections for {provider!r} in {folder} (providers: {known})")
    overlay = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(overlay, dict) or not str(overlay.get("overlay", "")).startswith("1.0"):
        raise SyncError(f"{path}: not an OpenAPI Overlay 1.0 document")
    for number, action in enumerate(overlay.get("actions") or [], 1):
        if not isinstance(action, dict) or not str(action.get("target", "")).startswith("$"):
            raise SyncError(f"{path}: action {number} has no JSONPath target")
        if not action.get("description") or not action.get("x-source"):
            raise SyncError(f"{path}: action {number} ({action['target']}) needs a description and an x-source")
    operations = overlay.get("x-taskpoll-operations")
    if not operations or not all(re.fullmatch(r"[A-Z]+ /\S*", op) for op in operations):
        raise SyncError(f"{path}: x-taskpoll-operations must list the operations we use, as 'GET /path'")
    return overlay


def kept_copies(overlay: dict[str, Any], folder: Path = CORRECTIONS) -> list[Path]:
    """The provider's published document(s) we keep under specs/published/, as the overlay's `extends`
    names them (relative to the corrections file)."""
    extends = overlay.get("extends")
    names = extends if isinstance(extends, list) else [extends] if extends else []
    names += overlay.get("x-taskpoll-extends-also") or []
    return [(folder / name).resolve() for name in names]


def join_documents(documents: list[dict[str, Any]]) -> dict[str, Any]:
    """One document from several excerpts of the same API: the first one's top level, every one's
    paths and components. The same name defined twice differently is an error."""
    joined = copy.deepcopy(documents[0])
    for other in documents[1:]:
        for path, item in other.get("paths", {}).items():
            mine = joined.setdefault("paths", {}).setdefault(path, {})
            for key, value in item.items():
                if key in mine and mine[key] != value:
                    raise SyncError(f"the excerpts disagree on paths.{path}.{key}")
                mine[key] = copy.deepcopy(value)
        for kind, entries in other.get("components", {}).items():
            mine = joined.setdefault("components", {}).setdefault(kind, {})
            for name, value in entries.items():
                if name in mine and mine[name] != value:
                    raise SyncError(f"the excerpts disagree on components.{kind}.{name}")
                mine[name] = copy.deepcopy(value)
    return joined


# The steps ----------------------------------------------------------------------------------------


def normalise(node: Any, where: str = "$") -> list[str]:
    """Give every array schema without `items` an `items: {}`; return where (JSONPath-like)."""
    mended: list[str] = []
    if isinstance(node, dict):
        kind = node.get("type")
        is_array = kind == "array" or (isinstance(kind, list) and "array" in kind)
        if is_array and "items" not in node and "prefixItems" not in node:
            node["items"] = {}
            mended.append(where)
        for key, value in node.items():
            if key in DATA_KEYS or str(key).startswith("x-"):
                # A property *named* like a data key is still a schema: `properties` maps names to schemas.
                continue
            if key == "properties" and isinstance(value, dict):
                for name, schema in value.items():
                    mended += normalise(schema, f"{where}.properties[{name!r}]")
            else:
                mended += normalise(value, f"{where}[{key!r}]")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            mended += normalise(value, f"{where}[{index}]")
    return mended


def keep_operations(document: dict[str, Any], operations: list[str]) -> list[str]:
    """Drop every path and method we do not use; return the operations we use that the document lacks."""
    wanted: dict[str, set[str]] = {}
    for operation in operations:
        method, path = operation.split(" ", 1)
        wanted.setdefault(path, set()).add(method.lower())
    paths = document.get("paths") or {}
    kept: dict[str, Any] = {}
    for path, item in paths.items():
        if path not in wanted:
            continue
        kept[path] = {k: v for k, v in item.items() if k not in METHODS or k in wanted[path]}
    document["paths"] = kept
    return missing_operations(document, operations)


def missing_operations(document: dict[str, Any], operations: list[str]) -> list[str]:
    paths = document.get("paths") or {}
    missing = []
    for operation in operations:
        method, path = operation.split(" ", 1)
        if method.lower() not in (paths.get(path) or {}):
            missing.append(operation)
    return missing


@dataclass
class Outcome:
    """What one correction did: "applied", "no target" (the node it corrects is gone) or "no change"
    (the published document already says what the correction says)."""

    number: int
    target: str
    description: str
    result: str

    @property
    def stale(self) -> bool:
        return self.result != "applied"

    def line(self) -> str:
        reason = " ".join(self.description.split())
        reason = reason if len(reason) <= 110 else reason[:107] + "..."
        return f"  #{self.number} {self.target}\n      {self.result}: {reason}"


def _parent(root: Any, location: tuple[Any, ...]) -> Any:
    node = root
    for step in location[:-1]:
        node = node[step]
    return node


def _position(node: jsonpath_rfc9535.JSONPathNode) -> tuple[str, ...]:
    """A node's location, sortable whatever mixes names and indexes (indexes in number order)."""
    return tuple(f"{step:012d}" if isinstance(step, int) else f"~{step}" for step in node.location)


def _update(target: Any, update: Any, where: str) -> bool:
    """Merge `update` into `target` as an Overlay update; True when anything changed."""
    if isinstance(target, list):
        if update in target:
            return False
        target.append(copy.deepcopy(update))
        return True
    if not isinstance(target, dict) or not isinstance(update, dict):
        raise SyncError(f"{where}: an update needs an object or array target and an object value")
    changed = False
    for key, value in update.items():
        if key in target and isinstance(target[key], (dict, list)) and type(target[key]) is type(value):
            raise SyncError(
                f"{where}: updating {key!r} would merge into an existing {type(value).__name__}, which Overlay "
                f"tools do differently; target {key!r} itself (or remove it first)"
            )
        if key not in target or target[key] != value:
            target[key] = copy.deepcopy(value)
            changed = True
    return changed


def apply_overlay(document: dict[str, Any], overlay: dict[str, Any]) -> list[Outcome]:
    outcomes = []
    for number, action in enumerate(overlay.get("actions") or [], 1):
        target = action["target"]
        try:
            nodes = list(jsonpath_rfc9535.finditer(target, document))
        except jsonpath_rfc9535.JSONPathError as exc:
            raise SyncError(f"correction #{number}: bad JSONPath {target!r}: {exc}") from None
        result = "no target"
        if nodes and action.get("remove"):
            # Remove from the end, so the positions of the nodes still to remove stay right.
            for node in sorted(nodes, key=lambda n: n.location, reverse=True):
                del _parent(document, node.location)[node.location[-1]]
            result = "applied"
        elif nodes and "update" in action:
            changed = [_update(node.value, action["update"], f"correction #{number} ({target})") for node in nodes]
            result = "applied" if any(changed) else "no change"
        elif nodes:
            raise SyncError(f"correction #{number} ({target}) neither updates nor removes")
        outcomes.append(Outcome(number, target, str(action.get("description", "")), result))
    return outcomes


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _security_names(document: dict[str, Any]) -> set[str]:
    requirements = list(document.get("security") or [])
    for item in (document.get("paths") or {}).values():
        for method in METHODS:
            requirements += (item.get(method) or {}).get("security") or []
    return {name for requirement in requirements for name in requirement}


def prune(document: dict[str, Any]) -> list[str]:
    """Leave out components, security schemes and tags nothing kept refers to; return what went."""
    components: dict[str, Any] = document.get("components") or {}
    reached: set[str] = set()
    todo = [ref for key, value in document.items() if key != "components" for ref in _refs(value)]
    while todo:
        ref = todo.pop()
        if ref in reached or not ref.startswith("#/components/"):
            continue
        reached.add(ref)
        _, _, kind, name = ref.split("/", 3)
        if name in (components.get(kind) or {}):
            todo.extend(_refs(components[kind][name]))
    schemes = _security_names(document)
    dropped = []
    for kind in list(components):
        entries = components[kind]
        if not isinstance(entries, dict):
            continue
        for name in list(entries):
            used = name in schemes if kind == "securitySchemes" else f"#/components/{kind}/{name}" in reached
            if not used:
                del entries[name]
                dropped.append(f"components.{kind}.{name}")
        if not entries:
            del components[kind]
    if "components" in document and not components:
        del document["components"]
    if "tags" in document:
        used_tags = {
            tag
            for item in document["paths"].values()
            for method in METHODS
            for tag in (item.get(method) or {}).get("tags") or []
        }
        for tag in document["tags"]:
            if tag.get("name") not in used_tags:
                dropped.append(f"tags.{tag.get('name')}")
        document["tags"] = [tag for tag in document["tags"] if tag.get("name") in used_tags]
        if not document["tags"]:
            del document["tags"]
    return dropped


# Writing ------------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block YAML, keys in document order, multi-line text as literal blocks."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and not re.search(r"[ \t]\n|\t|\r", value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def render(document: dict[str, Any]) -> str:
    """The one canonical text of a spec (what --write writes and --check compares)."""
    dumped: str = yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)
    return dumped


@dataclass
class Result:
    text: str
    outcomes: list[Outcome]
    normalised: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def stale(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.stale]


def build(provider: str, published: list[Path], corrections: Path = CORRECTIONS) -> Result:
    """Steps 1-4 for one provider: the text its spec should have."""
    overlay = load_corrections(provider, corrections)
    document = join_documents([load_document(path) for path in published])
    normalised = normalise(document)
    keep_operations(document, overlay["x-taskpoll-operations"])
    outcomes = apply_overlay(document, overlay)
    missing = missing_operations(document, overlay["x-taskpoll-operations"])
    if missing:
        raise SyncError(f"the published document has no {', '.join(missing)} (an operation taskpoll uses)")
    dropped = prune(document)
    return Result(render(document), outcomes, normalised, dropped)


def report(provider: str, result: Result, current: str | None, spec: Path) -> bool:
    """Print the drift and the stale corrections; True when there is drift."""
    drift = current != result.text
    if result.normalised:
        print(f"{provider}: array schemas without `items` read as `items: {{}}`: {', '.join(result.normalised)}")
    if drift:
        diff = difflib.unified_diff(
            (current or "").splitlines(keepends=True),
            result.text.splitlines(keepends=True),
            f"{spec.relative_to(ROOT) if spec.is_relative_to(ROOT) else spec} (now)",
            f"{provider}: published document + corrections",
        )
        print(f"{provider}: drift: the spec differs from the published document with our corrections applied:")
        sys.stdout.writelines(diff)
    if result.stale:
        print(f"{provider}: corrections that no longer apply (the provider may have fixed them; remove or rewrite):")
        print("\n".join(o.line() for o in result.stale))
    if not drift and not result.stale:
        applied = len(result.outcomes)
        print(f"{provider}: spec matches the published document with its {applied} corrections")
    return drift


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("provider", nargs="?", help="the provider (specs/<provider>.yaml)")
    parser.add_argument("published", nargs="*", type=Path, help="the provider's published document(s)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="(default) show the difference; exit 1 on drift, 3 if stale")
    mode.add_argument("--write", action="store_true", help="write specs/<provider>.yaml")
    parser.add_argument("--all", action="store_true", help="every provider, with its kept copy in specs/published/")
    parser.add_argument("--specs", type=Path, default=SPECS, help=argparse.SUPPRESS)  # tests: a copy of specs/
    args = parser.parse_args(argv)
    args.check = not args.write
    specs: Path = args.specs
    corrections = specs / "corrections"
    if args.all == bool(args.provider):
        parser.error("name a provider and its published document(s), or use --all")
    try:
        if args.all:
            jobs = [(p.stem, None) for p in sorted(corrections.glob("*.yaml"))]
        else:
            jobs = [(args.provider, args.published or None)]
        drift = stale = False
        for provider, published in jobs:
            files = published or kept_copies(load_corrections(provider, corrections), corrections)
            result = build(provider, files, corrections)
            spec = specs / f"{provider}.yaml"
            current = spec.read_text(encoding="utf-8") if spec.exists() else None
            if args.write:
                if current != result.text:
                    spec.write_text(result.text, encoding="utf-8")
                    print(f"{provider}: wrote {spec.name} (regenerate: python scripts/generate.py)")
                report(provider, result, result.text, spec)
            else:
                drift |= report(provider, result, current, spec)
            stale |= bool(result.stale)
    except (SyncError, OSError) as exc:
        print(f"spec_sync.py: {exc}", file=sys.stderr)
        return 2
    if args.check:
        return 1 if drift else 3 if stale else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
