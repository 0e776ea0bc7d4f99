"""`showcase review`: the board's summary of a pull request, tried on a real git branch."""

from __future__ import annotations

import pathlib
import subprocess

import pytest

from conftest import PROFILE, REPO, TODAY, copy_repo

pytestmark = pytest.mark.slow
SHOWCASE = REPO / ".venv" / "bin" / "showcase"
UNIT = "vhtt-vinh-chau"


def git(root: pathlib.Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.org",
                           *args], cwd=root, check=True, capture_output=True, text=True).stdout


def review(root: pathlib.Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SHOWCASE), "review", "--base", "main", "--today", TODAY, *args],
                          cwd=root, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(root)})


@pytest.fixture
def branch(tmp_path: pathlib.Path) -> pathlib.Path:
    repo = copy_repo(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "ho-so-moi")
    good = PROFILE.replace("Nguyễn Văn A", "Trần Văn Mẫu").replace(
        "published: 2024-06-03\n", "")
    (repo / "profiles" / UNIT / "2025-tran-van-mau.md").write_text(
        good.replace("introduced: 2024-05-20", "introduced: 2025-03-02").replace(
            "date: 2024-05-15", "date: 2025-02-20"), encoding="utf-8")
    bad = PROFILE.replace("Nguyễn Văn A", "Lê Văn C").replace("kind: individual", "kind: nghe-nhan")
    (repo / "profiles" / UNIT / "2024-le-van-c.md").write_text(bad, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "two profiles")
    return repo


def test_summary_names_both_profiles_with_the_problems_of_the_bad_one(branch) -> None:
    done = review(branch)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert "### Trần Văn Mẫu (thêm mới)" in out and "2024-le-van-c.md (thêm mới)" in out
    good, bad = out.split("### Trần Văn Mẫu")[1], out.split("2024-le-van-c.md (thêm mới)")[1]
    good = good.split("###")[0]
    assert "Tình trạng: hợp lệ" in good
    assert "Chưa công bố: chờ Ban biên tập ghi ngày công bố" in good
    assert "Bản tin RSS: Có, khi hồ sơ được công bố." in good
    assert "6 tháng đầu năm 2025" in good
    assert "Trang xem trước: `site-preview/ho-so/tran-van-mau/index.html`" in good
    assert "**còn lỗi**" in bad and "dòng 3, kind:" in bad and "[SC" in bad
    assert "1 hồ sơ còn lỗi" in out


def test_summary_goes_to_the_github_job_summary(branch: pathlib.Path) -> None:
    summary = branch / "summary.md"
    done = subprocess.run([str(SHOWCASE), "review", "--base", "main", "--today", TODAY],
                          cwd=branch, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(branch),
                               "GITHUB_STEP_SUMMARY": str(summary),
                               "GITHUB_SERVER_URL": "https://github.com",
                               "GITHUB_REPOSITORY": "so/cot", "GITHUB_RUN_ID": "7"})
    assert done.stdout == ""
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Hồ sơ trong yêu cầu hợp nhất này")
    assert "https://github.com/so/cot/actions/runs/7" in text


def test_edits_removals_and_photos(branch: pathlib.Path) -> None:
    git(branch, "checkout", "-q", "main")
    git(branch, "checkout", "-qb", "sua")
    profiles = sorted((branch / "profiles" / UNIT).glob("*.md"))
    assert len(profiles) >= 2
    edited, removed = profiles[0], profiles[1]
    edited.write_text(edited.read_text("utf-8") + "\nMột đoạn thêm.\n", encoding="utf-8")
    removed.unlink()  # uncommitted changes count too
    out = review(branch).stdout
    assert f"`profiles/{UNIT}/{edited.name}`" in out and "(sửa)" in out
    assert f"`profiles/{UNIT}/{removed.name}`" in out and "(xóa)" in out
    assert "Gỡ khỏi chuyên mục." in out


def test_no_profile_changed(tmp_path: pathlib.Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    done = review(repo)
    assert done.returncode == 0
    assert "không thêm, sửa hay xóa hồ sơ nào" in done.stdout


def test_unknown_base_is_a_clear_error(branch: pathlib.Path) -> None:
    done = subprocess.run([str(SHOWCASE), "review", "--base", "khong-co", "--today", TODAY],
                          cwd=branch, capture_output=True, text=True)
    assert done.returncode == 2
    assert "--base" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(not pathlib.Path("/usr/bin/chromium").exists(), reason="no chromium")
def test_screenshots_of_changed_pages_and_cards(branch: pathlib.Path) -> None:
    built = subprocess.run([str(SHOWCASE), "build", "--preview", "--today", TODAY], cwd=branch,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    shots = branch / "anh"
    review(branch, "--screenshots", str(shots))
    from PIL import Image

    with Image.open(shots / "tran-van-mau-dien-thoai.png") as im:
        assert im.width == 390 and im.height > 800
        assert len(set(im.convert("L").get_flattened_data())) > 20  # a page, not a blank image
    with Image.open(shots / "tran-van-mau-the-chia-se.jpg") as im:
        assert im.size == (1200, 630)
