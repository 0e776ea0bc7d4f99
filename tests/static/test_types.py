"""`make lint` inside `make test`: ruff, and mypy as configured in pyproject.toml.

Caches go to temporary folders: a test never writes into the repository.
"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys

import pytest

from conftest import REPO

# mypy's error lines: "scripts/showcase/x.py:12: error: message  [code]".
ERROR = re.compile(r"^(?P<path>[^:\s]+\.py):(?P<line>\d+): error: ", re.M)

def tool(name: str) -> str:
    """A tool of the virtual environment running the tests (installed by `make test`)."""
    path = pathlib.Path(sys.executable).parent / name
    found = str(path) if path.is_file() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: run `make test`, which installs .[dev]")
    return found


def mypy(cache: pathlib.Path, *args: str, cwd: pathlib.Path = REPO) -> tuple[int, str]:
    r = subprocess.run(
        [tool("mypy"), "--cache-dir", str(cache), "--no-color-output", *args],
        cwd=cwd, capture_output=True, text=True, timeout=600,
    )
    return r.returncode, r.stdout + r.stderr


def test_ruff_is_clean() -> None:
    r = subprocess.run([tool("ruff"), "check", "--no-cache", "scripts", "tests"], cwd=REPO,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy_is_clean(tmp_path: pathlib.Path) -> None:
    code, out = mypy(tmp_path)  # no arguments: `files` and the strict layers from pyproject
    assert code in (0, 1), f"mypy did not run (exit {code}):\n{out}"
    assert code == 0, "mypy errors:\n" + out


LAYER_PROBE = '''\
def untyped(x):
    return x


def typed(x: int) -> int:
    return x
'''


def test_strict_layers_reject_an_untyped_function(tmp_path: pathlib.Path) -> None:
    """The configuration's overrides: strict on store/, content/, plan/, publish/ (each of
    its sub-packages too) and workflow/; not on the pipeline, adapter and commands."""
    strict = ("store", "content", "plan", "publish", "publish/search", "workflow")
    pkg = tmp_path / "scripts" / "showcase"
    for layer in (*strict, "adapter"):
        (pkg / layer).mkdir(parents=True)
        (pkg / layer / "__init__.py").write_text("")
        (pkg / layer / "probe.py").write_text(LAYER_PROBE)
    (pkg / "__init__.py").write_text("")
    code, out = mypy(tmp_path / "cache", "--config-file", str(REPO / "pyproject.toml"),
                     "scripts/showcase", cwd=tmp_path)
    flagged = {m.group("path") for m in ERROR.finditer(out)}
    assert flagged == {f"scripts/showcase/{layer}/probe.py" for layer in strict}, out
    assert code == 1 and "no-untyped-def" in out
