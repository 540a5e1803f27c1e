"""The package's layout: no import cycles, and one meaning for each top-level name."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "taskpoll"


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def imported_at_import_time(name: str, path: Path, known: set[str]) -> set[str]:
    """The taskpoll modules a module imports while it is imported: its top-level imports, not those
    under `if TYPE_CHECKING:` nor those inside functions."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    names_of: set[str] = set()  # packages whose own names (not submodules) this module takes
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range((node.level or 1) - 1):
                base = base.rpartition(".")[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else (node.module or "")
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
            if any(f"{target}.{alias.name}" not in known for alias in node.names):
                names_of.add(target)
    # Importing a submodule runs its packages' __init__ first: only a module that takes a name from
    # an enclosing package's __init__ (`from . import __version__`) depends on that __init__.
    closed = {m for target in found for m in known if target == m or target.startswith(m + ".")}
    return {m for m in closed if m != name and (not name.startswith(m + ".") or m in names_of)}


def test_no_module_of_the_package_imports_itself_back_through_others() -> None:
    known = set(modules())
    graph = {name: imported_at_import_time(name, path, known) for name, path in modules().items()}
    cycles: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_every_module_imports_first_in_a_fresh_interpreter() -> None:
    script = (
        "import importlib, sys\n"
        f"for name in {sorted(name for name in modules() if not name.endswith('__main__'))!r}:\n"
        "    for loaded in [m for m in sys.modules if m == 'taskpoll' or m.startswith('taskpoll.')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


# Names the simulator shares with the SDK on purpose: its registry works like taskpoll.providers,
# and the provider class of simulator/providers/<p>.py is named like the adapter in providers/<p>.py.
SAME_BY_DESIGN = {"get", "names"}


def side_by_side(where: list[str]) -> bool:
    """The places are one provider's adapter and its simulator module."""
    tails = {w.removeprefix("taskpoll.simulator.providers.").removeprefix("taskpoll.providers.") for w in where}
    return len(tails) == 1 and sorted(where) == sorted(
        {f"taskpoll.providers.{p}" for p in tails} | {f"taskpoll.simulator.providers.{p}" for p in tails}
    )


def test_no_two_modules_define_the_same_top_level_class_function_or_alias() -> None:
    defined: dict[str, list[str]] = defaultdict(list)
    for name, path in modules().items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                defined[node.name].append(name)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:  # type aliases: CamelCase names
                    if isinstance(target, ast.Name) and target.id[0].isupper() and not target.id.isupper():
                        defined[target.id].append(name)
    clashes = {
        name: where
        for name, where in defined.items()
        if len(where) > 1 and name not in SAME_BY_DESIGN and not name.startswith("_") and not side_by_side(where)
    }
    assert clashes == {}


def test_the_version_has_one_home() -> None:
    import importlib.metadata

    import taskpoll
    from taskpoll._version import __version__

    assert importlib.metadata.version("taskpoll") == taskpoll.__version__ == __version__  # pyproject: dynamic
