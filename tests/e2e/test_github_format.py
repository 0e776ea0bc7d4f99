"""`showcase check --format github`: every line is a well-formed workflow command.

GitHub's rules (actions/toolkit, ``command.ts``): ``::error file=F,line=N,title=T::M``;
in the message ``%``, CR and LF are escaped as ``%25``, ``%0D``, ``%0A``; in the
properties ``:`` and ``,`` are escaped too, as ``%3A`` and ``%2C``. An annotation
with a repository-relative path and a file line lands on the changed line in
the pull request's "Files changed" view.
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import re

import pytest

from conftest import PROFILE, PROFILE_PATH, TODAY, write_repo
from showcase.content import corpus
from showcase.content.diagnostics import Diagnostic

COMMAND = re.compile(
    r"^::(?P<severity>error|warning) file=(?P<file>[^,:\r\n]+),line=(?P<line>[1-9][0-9]*),"
    r"title=(?P<title>[^,:\r\n]+)::(?P<message>[^\r\n]+)$"
)
PROP_ESCAPES = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}
DATA_ESCAPES = {"%25": "%", "%0D": "\r", "%0A": "\n"}


def _unescape(text: str, table: dict[str, str]) -> str:
    # Every '%' must start one of the allowed escapes; decode in one pass.
    bad = re.search(r"%(?!" + "|".join(k[1:] for k in table) + ")", text)
    assert bad is None, f"unescaped '%' in {text!r}"
    return re.sub("|".join(table), lambda m: table[m.group(0)], text)


def _parse(line: str) -> tuple[str, str, int, str, str]:
    m = COMMAND.match(line)
    assert m, f"not a workflow command: {line!r}"
    return (m["severity"], _unescape(m["file"], PROP_ESCAPES), int(m["line"]),
            _unescape(m["title"], PROP_ESCAPES), _unescape(m["message"], DATA_ESCAPES))


def _expected(d: Diagnostic) -> tuple[str, str, int, str, str]:
    return (d.severity, d.path, d.line, f"{d.code} {d.field}", f"{d.message} {d.hint}".strip())


BROKEN = {
    # Raw HTML whose excerpt carries a '%' into the message.
    PROFILE_PATH: PROFILE.replace("Ông gắn bó", "Ông <b>100%</b> gắn bó"),
    # A file name with ',', ':' and '%' (legal on Linux and in git): escaped properties.
    "profiles/vhtt-a/2024-a,b:c%d.md": PROFILE,
    # Front matter problems at precise lines; a summary with a ':' and a ','.
    "profiles/vhtt-a/2025-tran-thi-b.md": PROFILE.replace("  date: 2024-05-15",
                                                          "\tdate: 2024-05-15"),
    "profiles/trung-tam-b/2024-le-van-c.md": PROFILE.replace("name: Nguyễn Văn A",
                                                             "name: Lê Văn C: nghệ nhân"),
    "profiles/trung-tam-b/2024-pham-d.md": PROFILE.replace("sectors: [culture, family]",
                                                           "sectors: [culture, sport]")
    .replace("kind: individual", "kind: ca nhan")
    .replace("introduced: 2024-05-20", "introduced: 20/05/2024")
    .replace("---\n## Hành trình", "---\nGọi 0912 345 678 để biết thêm.\n## Hành trình"),
    # A unit folder that is not in units.yml, and a stray file (a warning).
    "profiles/khong-co/2024-nguyen-van-e.md": PROFILE,
    "profiles/vhtt-a/ghi-chu.txt": "ghi chú\n",
}


@pytest.fixture
def broken(mini_repo: pathlib.Path) -> pathlib.Path:
    return write_repo(mini_repo, BROKEN)


def _check_github(root: pathlib.Path, capsys) -> tuple[int, str, str]:
    from showcase.cli import main

    old = os.getcwd()
    os.chdir(root)
    try:
        code = main(["check", "--format", "github", "--today", TODAY])
    finally:
        os.chdir(old)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_every_line_is_an_escaped_workflow_command(broken, capsys):
    code, stdout, stderr = _check_github(broken, capsys)
    assert code == 1 and "Traceback" not in stderr
    lines = stdout.splitlines()
    parsed = [_parse(ln) for ln in lines]  # every line, not only some
    assert stdout.endswith("\n") and "\r" not in stdout

    want = sorted(_expected(d) for d in corpus.load(
        str(broken), dt.date.fromisoformat(TODAY)).diagnostics.sorted())
    assert sorted(parsed) == want
    for _, path, line, _, _ in parsed:
        file_lines = (broken / path).read_text(encoding="utf-8").count("\n") + 1
        assert line <= file_lines, f"{path}:{line} is past the end of the file"

    severities = {p[0] for p in parsed}
    codes = {p[3].split()[0] for p in parsed}
    assert severities == {"error", "warning"}
    assert {"SC040", "SC018", "SC030", "SC025", "SC006", "SC124", "SC043", "SC017",
            "SC016"} <= codes
    # The tricky ones really carried their special characters.
    assert any(p[1] == "profiles/vhtt-a/2024-a,b:c%d.md" for p in parsed)
    assert any("100%" in p[4] for p in parsed)
    assert ",b:c%d.md" not in stdout and "2024-a%2Cb%3Ac%25d.md" in stdout


def test_clean_corpus_prints_nothing(mini_repo, capsys):
    code, stdout, stderr = _check_github(mini_repo, capsys)
    assert (code, stdout, stderr) == (0, "", "")


@pytest.mark.parametrize("text", ["a,b:c", "50% xong", "dòng 1\ndòng 2\r\n", "::error::x", "%0A"])
def test_any_text_round_trips(text):
    d = Diagnostic(f"profiles/x/{text}.md", 3, f"consent.{text}", "SC099", text, text)
    line = d.github()
    assert "\n" not in line and "\r" not in line
    assert _parse(line) == _expected(d)
