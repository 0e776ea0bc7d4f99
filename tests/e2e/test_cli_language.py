"""Every word the command line prints about itself is Vietnamese, argparse's own too."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import REPO

SHOWCASE = str(REPO / ".venv" / "bin" / "showcase")
COMMANDS = ["", "build", "check", "codeowners", "editor", "new", "quotas", "report", "review"]
ENGLISH = re.compile(
    r"\b(usage|options|positional|arguments?|show this help|error|invalid|choose from|"
    r"unrecognized|expected|required|help message|exit)\b", re.I)
# Upper-case words argparse would make from option names (SITE_DIR, YEAR...); the
# few code words that may appear in help are allowed.
ALLOWED_CAPS = {"YYYY", "MM", "DD", "CSV", "RSS", "JSON", "CODEOWNERS", "GITHUB", "PDF",
                "DOCX", "MÃ", "TỆP", "NĂM", "NGÀY", "LỆNH", "THƯ", "MỤC", "KÝ", "TỰ", "TÊN",
                "LOẠI", "LĨNH", "VỰC", "NGÀNH", "NHÁNH", "STEP", "SUMMARY", "A4", "ĐỊA", "CHỈ"}
WORD = re.compile(r"\b[^\W\d][\w]+\b")


def run(*args: str, cwd=REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([SHOWCASE, *args], cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)


def english(text: str) -> list[str]:
    # Code values users type (option names, file names, `--format` choices) are not prose.
    prose = re.sub(r"--?[a-z][a-z-]*|\{[^}]*\}|'[^']*'|\S+\.(yml|md|csv|xlsx|json)\b|"
                   r"\$[A-Z_]+", " ", text)
    found = [m.group(0) for m in ENGLISH.finditer(prose)]
    found += [w for w in WORD.findall(prose) if w.isupper() and w not in ALLOWED_CAPS]
    return found


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_no_english(command: str) -> None:
    done = run(*([command] if command else []), "--help")
    assert done.returncode == 0 and "cách dùng:" in done.stdout
    assert english(done.stdout) == [], done.stdout


@pytest.mark.parametrize("args", [
    ["khong-co-lenh"], ["check", "--khong-co"], ["quotas", "--format", "pdf"],
    ["quotas", "--year"], ["quotas", "--year", "abc"], ["--today", "hôm nay", "check"],
    ["report", "--sep", "x"],
])
def test_usage_errors_are_vietnamese(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert "cách dùng:" in done.stderr and "lỗi" in done.stderr
    assert english(done.stderr) == [], done.stderr
    assert "Traceback" not in done.stderr


def test_new_without_a_terminal_says_what_is_missing_in_vietnamese(tmp_path) -> None:
    from conftest import copy_repo

    repo = copy_repo(tmp_path / "repo")
    done = run("new", "--unit", "vhtt-vinh-chau", cwd=repo)
    assert done.returncode == 2
    assert "cách dùng:" in done.stderr and "thiếu" in done.stderr
    assert english(done.stderr) == [], done.stderr


def test_one_word_for_one_thing_in_documents_and_templates() -> None:
    """The plan's terms: "6 tháng đầu năm, cuối năm", never "học kỳ" (a school term);
    "Ngày công bố", never "Ngày đăng"."""
    paths = [REPO / "README.md", REPO / "HUONG-DAN-BIEN-TAP.md", *REPO.glob("content/*.md"),
             *REPO.glob(".github/**/*.yml"), *REPO.glob("scripts/showcase/templates/**/*.html"),
             *REPO.glob("scripts/showcase/**/*.py")]
    for path in paths:
        text = path.read_text(encoding="utf-8").lower()
        assert "học kỳ" not in text and "ngày đăng" not in text, path
