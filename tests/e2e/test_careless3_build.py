"""What is wrong before the story (issue 22) never reaches the site: the build refuses
a story holding merge-conflict markers or text in a legacy encoding, like the check,
with the same line, and writes nothing."""

from __future__ import annotations

import pytest

from conftest import PROFILE, PROFILE_PATH, run_cli

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
STORY = "Ông gắn bó với phong trào văn nghệ ở ấp từ những năm đầu."


@pytest.mark.parametrize(("story", "code"), [
    ("<<<<<<< HEAD\nÔng gắn bó với nghề.\n=======\nÔng gắn bó với ấp.\n>>>>>>> sua-bai", "SC122"),
    (">>>>>>> sua-bai\n" + STORY, "SC123"),
    ("OÂng gaén boù vôùi phong traøo vaên ngheä ôû aáp.", "SC120"),
    ("Ã”ng gáº¯n bÃ³ vá»›i phong trÃ o.", "SC121"),
])
def test_build_refuses_what_check_refuses(mini_repo, capsys, story, code):
    (mini_repo / PROFILE_PATH).write_text(PROFILE.replace(STORY, story), encoding="utf-8")
    rc, out = run_cli(mini_repo, "check", capsys=capsys)
    line = next(ln for ln in out.splitlines() if ln.endswith(f"[{code}]"))
    assert rc == 1 and line.startswith(f"{PROFILE_PATH}:16: body: ")
    rc, out = run_cli(mini_repo, "build", capsys=capsys)
    assert rc == 1 and line in out and "Không dựng trang" in out
    assert not (mini_repo / "site").exists()


@pytest.mark.parametrize(("edit", "line", "says"), [
    (("site_name: Thử nghiệm", "site_name: Thử nghiệm: bản mới"), 1, "dấu ngoặc kép"),
    (("theme:", "<<<<<<< HEAD\ntheme:"), 4, "xung đột khi gộp nhánh"),
])
def test_mkdocs_yml_mistakes_are_told_in_vietnamese(mini_repo, capsys, edit, line, says):
    path = mini_repo / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(*edit), encoding="utf-8")
    rc, out = run_cli(mini_repo, "check", capsys=capsys)
    assert rc == 2 and f"mkdocs.yml', dòng {line}: " in out and says in out
    assert "mapping values" not in out and "line " not in out, out
