"""Every ``showcase`` command with every option given the wrong values a clerk could
type: exit 0, 1 or 2, a Vietnamese message when it refuses, never a traceback or
argparse's English, nothing written outside the output asked for.

The commands and their options are read from the CLI's own parser, so a new
command or option is swept too; the values are chosen by what an option is
(a year, a unit, an output file or folder, a date, a choice...). Every case runs
in-process (``main()``) on one copy of the sample repository.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import pathlib
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from conftest import TODAY, copy_repo
from showcase.cli import build_parser, main

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
                        re.I)
# argparse's and Python's own words, which must never reach a clerk.
ENGLISH = re.compile(r"Traceback|\busage:|\berror:|invalid choice|expected one argument|"
                     r"the following arguments|unrecognized arguments|Errno|Error\b|"
                     r"expected '|but found|fatal:")  # PyYAML's and git's own
CLOSED = "vhtt-vinh-chau"  # a district office dissolved on 30/06/2025
# What every command may write besides the output it is given: the build cache.
ALWAYS = (".showcase-cache",)
# What each command writes when no output is given.
DEFAULTS = {"build": ("site", "site-preview", "reports"), "report": ("reports",),
            "book": ("reports",), "codeowners": (".github",), "new": ("profiles",),
            "check": (), "quotas": (), "editor": (), "review": ()}
# Required options, given with a valid value unless the case is about them.
BASE = {"book": ["--from", "2025", "--to", "2025"],
        "report": ["--year", "2025", "--format", "md"],
        "new": ["--unit", "thu-vien-tinh", "--kind", "individual", "--name", "Nguyễn Văn Mẫu",
                "--field", "social-life"]}
YEARS = ["2021", "2023", "2025", "2026", "2027", "hai nghìn", "25", "2025-2026", ""]
DATES = ["2026-02-30", "24/11/2026", "2023-09-01"]


@dataclass(frozen=True)
class Case:
    command: str
    args: tuple[str, ...]
    outputs: tuple[str, ...] = ()  # paths the case asks to be written
    top: tuple[str, ...] = ()  # options of `showcase` itself, before the command

    def __str__(self) -> str:
        return " ".join([*self.top, self.command, *self.args])


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # noqa: SLF001 - the parser is the list of commands
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return dict(action.choices)
    raise AssertionError("showcase has no sub-commands")


def _paths(out: pathlib.Path, folder: bool) -> list[tuple[str, bool]]:
    """Output paths that are wrong, or fine (True: the command may write there)."""
    wrong = [str(out / "tep-chan" / "x"), str(out / "tep-chan"), "/sys/khong-ghi"]
    if folder:  # an existing folder holding other files, a new one
        return [(p, False) for p in wrong] + [(str(out), True),
                                              (str(out / "moi" / "thu-muc"), True)]
    return [(p, False) for p in [str(out), *wrong]] + [
        (str(out / "x.docx"), False), (str(out / "x.xlsx"), False),
        (str(out / "moi" / "a" / "ra.pdf"), True), (str(out / "moi" / "a" / "ra.csv"), True),
        (str(out / "moi" / "a" / "ra.yml"), True), (str(out / "moi" / "a" / "ra.md"), True)]


def _values(action: argparse.Action, out: pathlib.Path) -> list[tuple[str, bool]]:
    """The values to try for ``action``: (value, whether it names an output)."""
    dest, meta = action.dest, str(action.metavar or "")
    if dest in ("year", "first", "last"):
        return [(y, False) for y in YEARS]
    if dest == "today":
        return [(d, False) for d in DATES]
    if dest == "unit":
        return [("khong-co-don-vi", False), (CLOSED, False), ("", False)]
    if dest in ("output", "out", "site_dir", "screenshots", "preview_dir"):
        return [(p, ok) for p, ok in _paths(out, "THƯ-MỤC" in meta)]
    if dest == "introduced":
        return [("2030-01-01", False), ("20/05/2025", False), ("2021-01-01", False)]
    if action.choices:
        return [("pdf", False), ("XML", False), ("x", False)]
    return [("", False), ("khong-co", False), ("../../ra-ngoai", False), ("ftp://x", False)]


def cases(out: pathlib.Path) -> Iterator[Case]:
    parser, _ = build_parser()
    for name, sub in _subparsers(parser).items():
        base = BASE.get(name, [])
        yield Case(name, tuple(base))
        for action in sub._actions:  # noqa: SLF001
            if not action.option_strings or isinstance(action, argparse._HelpAction):  # noqa: SLF001
                continue
            opt = action.option_strings[-1]
            rest = _without(base, action.option_strings)
            if action.nargs == 0:  # a flag: given alone is valid
                yield Case(name, (*rest, opt))
                continue
            given = dict(zip(base[::2], base[1::2], strict=True))
            for value, is_output in _values(action, out):
                if given.get(opt) == value or given.get(action.option_strings[0]) == value:
                    continue  # the base case itself
                yield Case(name, (*rest, opt, value), (value,) if is_output else ())
    # An inverted range; a unit closed in the middle of the year asked, and before it.
    yield Case("book", ("--from", "2025", "--to", "2024"))
    yield Case("report", ("--year", "2025", "--unit", CLOSED, "--format", "docx"))
    yield Case("quotas", ("--year", "2026", "--unit", CLOSED))
    # Outside a git clone.
    yield Case("review", (), (), ("-f", str(out.parent / "ngoai-kho" / "mkdocs.yml")))
    # The options of `showcase` itself, on one command each.
    for value in ("khong-co.yml", str(out), str(out / "tep-chan")):
        yield Case("check", (), (), ("-f", value))
    for value in DATES:
        yield Case("quotas", (), (), ("--today", value))


def _without(args: list[str], options: list[str]) -> list[str]:
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a in options:
            skip = True
        else:
            out.append(a)
    return out


def snapshot(root: pathlib.Path) -> dict[str, tuple[int, int]]:
    """Every file (size, mtime) and folder (0, 0) under ``root``, but the cache."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ALWAYS]
        for n in dirnames:
            found[pathlib.Path(dirpath, n).relative_to(root).as_posix()] = (0, 0)
        for n in filenames:
            p = pathlib.Path(dirpath, n)
            st = p.lstat()
            found[p.relative_to(root).as_posix()] = (st.st_size, st.st_mtime_ns)
    return found


def run(repo: pathlib.Path, case: Case) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = main(["-f", str(repo / "mkdocs.yml"), "--today", TODAY, *case.top,
                         case.command, *case.args])
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return code, err.getvalue()


def test_every_command_with_wrong_values(tmp_path: pathlib.Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    repo = copy_repo(tmp_path / "repo")
    copy_repo(tmp_path / "ngoai-kho")  # the same files, not a git clone
    out = tmp_path / "ra"
    out.mkdir()
    (out / "tep-chan").write_text("một tệp đứng chắn đường\n", encoding="utf-8")
    _git_repo(repo)
    monkeypatch.chdir(repo)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    # `new` never waits for answers (MkDocs reads sys.stdin.buffer).
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    pristine = snapshot(tmp_path)
    failures, seen = [], set()
    for case in cases(out):
        code, err = run(repo, case)
        seen.add(case.command)
        problems = []
        if code not in (0, 1, 2):
            problems.append(f"exit code {code}")
        if code and not VIETNAMESE.search(err):
            problems.append("no Vietnamese message")
        if ENGLISH.search(err):
            problems.append("English or a traceback")
        allowed = [str(pathlib.Path(p).relative_to(tmp_path)) for p in case.outputs
                   if p.startswith(str(tmp_path))]
        allowed += [f"repo/{d}" for d in DEFAULTS.get(case.command, ())]
        now = snapshot(tmp_path)
        changed = {p for p in now.keys() | pristine.keys() if now.get(p) != pristine.get(p)}
        stray = sorted(p for p in changed if not any(
            p == a or p.startswith(a + "/") or a.startswith(p + "/") for a in allowed))
        if stray:
            problems.append(f"wrote outside its output: {stray[:5]}")
        if problems:
            failures.append(f"{case} -> {code}: {'; '.join(problems)}\n    {err.strip()[-400:]}")
        _restore(tmp_path, pristine, changed)
    assert seen == set(DEFAULTS), f"commands not swept or not listed: {seen ^ set(DEFAULTS)}"
    assert not failures, "\n".join(failures)


def _git_repo(repo: pathlib.Path) -> None:
    """The copy as a clone would be: one commit, and ``origin/main`` (for ``review``)."""
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=Thử", "-c", "user.email=thu@example.gov.vn",
                        *args], cwd=repo, check=True, capture_output=True)
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "Hồ sơ mẫu")
    git("update-ref", "refs/remotes/origin/main", "HEAD")


def _restore(root: pathlib.Path, pristine: dict[str, tuple[int, int]], changed: set[str]) -> None:
    """Remove what a case added, so that each case starts from the same files."""
    for rel in sorted(changed, key=len, reverse=True):
        if rel in pristine:
            continue
        p = root / rel
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        elif p.exists():
            p.unlink()
