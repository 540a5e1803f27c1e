#!/usr/bin/env python3
"""Build the wheel, install it into a fresh venv outside the repository, and use it as a user would.

    python scripts/check_install.py     # inside the project environment (scripts/check.py runs it)

Checks that the wheel ships LICENSE, py.typed and the generated clients; that `taskpoll demo` and
examples/quickstart.py run from a directory that has no trace of this checkout; and that the
example and the typing tests (tests/typecheck/) pass `mypy --strict` and pyright (strict) against the
installed package (not the source tree).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
# pyproject.toml's [tool.basedpyright], for a directory outside the project.
PYRIGHT_CONFIG = """{"typeCheckingMode": "strict", "pythonVersion": "3.11", "enableTypeIgnoreComments": false,
"reportUnnecessaryTypeIgnoreComment": "error"}"""


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"FAILED ({result.returncode}): {' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}")
    return result.stdout


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="taskpoll-install-") as tmp:
        work = Path(tmp)
        run(PY, "-m", "uv", "build", "--wheel", "--quiet", "--out-dir", work / "dist", ROOT, cwd=ROOT)
        (wheel,) = (work / "dist").glob("taskpoll-*.whl")
        names = zipfile.ZipFile(wheel).namelist()
        for wanted in ("taskpoll/py.typed", "taskpoll_aryn_api/py.typed", "LICENSE"):
            if not any(name == wanted or name.endswith(f".dist-info/licenses/{wanted}") for name in names):
                sys.exit(f"FAILED: the wheel has no {wanted}")
        print(f"built {wheel.name} ({len(names)} files, LICENSE and py.typed included)")

        venv = work / "venv"
        run(PY, "-m", "uv", "venv", "--quiet", "--python", PY, venv, cwd=work)
        python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        run(PY, "-m", "uv", "pip", "install", "--quiet", "--python", python, f"{wheel}[simulator]", cwd=work)

        user = work / "user"
        user.mkdir()
        shutil.copy(ROOT / "examples" / "quickstart.py", user / "quickstart.py")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["PATH"] = f"{python.parent}{os.pathsep}{env.get('PATH', '')}"
        where = run(python, "-c", "import taskpoll; print(taskpoll.__file__)", cwd=user, env=env).strip()
        if not Path(where).is_relative_to(venv):
            sys.exit(f"FAILED: taskpoll was imported from {where}, not from the fresh venv")
        demo = run(python.parent / "taskpoll", "demo", cwd=user, env=env)
        print(f"taskpoll demo from the installed wheel: {demo.strip().splitlines()[-2]}")
        out = run(python, "quickstart.py", cwd=user, env=env)
        print(f"examples/quickstart.py from the installed wheel: {out.strip().splitlines()[-1]}")
        # What an editor shows a user of the wheel: quickstart and the typing tests (right.py's assert_types,
        # wrong.py's expected errors, each asserted by its ignore comment) under both checkers.
        for name in ("right.py", "wrong.py"):
            shutil.copy(ROOT / "tests" / "typecheck" / name, user / name)
        checked = ["quickstart.py", "right.py", "wrong.py"]
        run(PY, "-m", "mypy", "--strict", "--no-incremental", "--python-executable", python, *checked, cwd=user)
        (user / "pyrightconfig.json").write_text(PYRIGHT_CONFIG)
        run(PY, "-m", "basedpyright", "--pythonpath", python, *checked, cwd=user)
        print(f"{', '.join(checked)} pass mypy --strict and pyright (strict) against the installed package")
    return 0


if __name__ == "__main__":
    sys.exit(main())
