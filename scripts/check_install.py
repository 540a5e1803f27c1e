#!/usr/bin/env python3
"""Build the wheel, install it into a fresh venv outside the repository, and use it as a user would.

    python scripts/check_install.py     # inside the project environment (scripts/check.py runs it)

Checks that the wheel ships LICENSE, py.typed and the generated clients; that `taskpoll demo` and
examples/quickstart.py run from a directory that has no trace of this checkout; and that the
example passes `mypy --strict` against the installed package (not the source tree).
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
        run(PY, "-m", "mypy", "--strict", "--no-incremental", "--python-executable", python, "quickstart.py", cwd=user)
        print("examples/quickstart.py passes mypy --strict against the installed package")
    return 0


if __name__ == "__main__":
    sys.exit(main())
