"""The one writer of output files (``publish.atomic``): whole files or the old ones,
never a temporary file left, machine faults told in Vietnamese."""

from __future__ import annotations

import errno
import os
import pathlib

import pytest

from showcase.publish import atomic
from showcase.publish.atomic import OutputRefused, WriteFault


def _names(folder: pathlib.Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_writes_every_file_with_the_usual_mode(tmp_path: pathlib.Path) -> None:
    written = atomic.write_files(str(tmp_path / "a" / "b"), {"x.pdf": b"1", "y.csv": b"2"})
    assert written == [str(tmp_path / "a/b/x.pdf"), str(tmp_path / "a/b/y.csv")]
    assert (tmp_path / "a/b/x.pdf").read_bytes() == b"1"
    assert _names(tmp_path) == ["a", "a/b", "a/b/x.pdf", "a/b/y.csv"]
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "a/b/x.pdf").stat().st_mode & 0o777 == 0o666 & ~mask


def test_keeps_the_mode_of_the_file_it_replaces(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "bang.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic.write_file(str(target), b"new")
    assert target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_a_full_disk_keeps_the_old_files_and_leaves_nothing(
        tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    (tmp_path / "x.pdf").write_bytes(b"old x")
    calls = []

    def full(*args: object) -> None:
        calls.append(args)
        if where == "fsync" or len(calls) > 1:  # the second replace: the first is done
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(*args)  # type: ignore[arg-type]

    real_replace = os.replace
    monkeypatch.setattr(atomic.os, "fsync" if where == "fsync" else "replace", full)
    with pytest.raises(WriteFault) as info:
        atomic.write_files(str(tmp_path), {"x.pdf": b"new x", "y.pdf": b"new y"})
    text = str(info.value)
    assert text.startswith("Không ghi được '") and "ổ đĩa đã hết chỗ trống" in text
    assert text.endswith("(bản cũ, nếu có, vẫn được giữ nguyên).")
    if where == "fsync":
        assert (tmp_path / "x.pdf").read_bytes() == b"old x"
        assert _names(tmp_path) == ["x.pdf"]
    else:  # x was replaced whole; y never half-written; no temporary file
        assert _names(tmp_path) == ["x.pdf"]


def test_folders_it_made_are_removed_after_a_fault(
        tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def readonly(*_: object, **__: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", readonly)
    with pytest.raises(WriteFault, match="chỉ cho đọc"):
        atomic.write_file(str(tmp_path / "moi" / "sach.pdf"), b"x")
    assert _names(tmp_path) == []


@pytest.mark.parametrize(("code", "words"), [
    (errno.ENOSPC, "hết chỗ trống"), (errno.EDQUOT, "hạn mức dung lượng"),
    (errno.EROFS, "chỉ cho đọc"), (errno.EACCES, "không có quyền ghi vào thư mục /kho/bao-cao"),
    (errno.ENOENT, "thư mục /kho/bao-cao không còn"), (errno.EIO, "lỗi đọc ghi"),
    (errno.EMFILE, "máy báo lỗi EMFILE"),
])
def test_each_fault_says_what_happened_and_what_to_do(code: int, words: str) -> None:
    error = OSError(code, "English strerror", "/kho/bao-cao/.report.pdf.x1.tmp")
    text = atomic.fault_text("/kho/bao-cao/report.pdf", error)
    assert words in text and "English" not in text and ".tmp" not in text
    assert text.count(".") >= 1 and text.endswith(").") and ": " in text


def test_a_fault_on_a_file_elsewhere_names_its_folder() -> None:
    error = OSError(errno.EACCES, "Permission denied", "/kho/profiles/a/anh.jpg")
    assert "thư mục /kho/profiles/a" in atomic.fault_text("/kho/site", error, "")


def test_targets_refused_before_writing(tmp_path: pathlib.Path) -> None:
    (tmp_path / "tep").write_text("x")
    with pytest.raises(OutputRefused, match="là một thư mục"):
        atomic.file_target(str(tmp_path), (".pdf",))
    with pytest.raises(OutputRefused, match="'.*tep' là một tệp, không phải thư mục"):
        atomic.file_target(str(tmp_path / "tep" / "a" / "sach.pdf"), (".pdf",))
    with pytest.raises(OutputRefused, match="chỉ ghi được tệp có đuôi .pdf; .*sach.pdf"):
        atomic.file_target(str(tmp_path / "sach.docx"), (".pdf",))
    with pytest.raises(OutputRefused, match=r"\.csv, \.json hoặc \.md"):
        atomic.file_target("bang.xlsx", (".txt", ".csv", ".json", ".md"))
    assert atomic.file_target(str(tmp_path / "moi" / "Sach.PDF"), (".pdf",)).endswith("Sach.PDF")
    with pytest.raises(OutputRefused, match="là một tệp"):
        atomic.folder_target(str(tmp_path / "tep"))
    assert _names(tmp_path) == ["tep"]


def test_a_site_folder_is_a_site_or_empty(tmp_path: pathlib.Path) -> None:
    repo = tmp_path / "kho"
    (repo / "site").mkdir(parents=True)
    (repo / "site" / "index.html").write_text("<!doctype html>")
    (repo / "tai-lieu").mkdir()
    (repo / "tai-lieu" / "ghi-chu.txt").write_text("x")
    assert atomic.site_target(str(repo / "site"), str(repo)) == str(repo / "site")
    assert atomic.site_target(str(repo / "trong"), str(repo))
    with pytest.raises(OutputRefused, match="không phải trang đã dựng"):
        atomic.site_target(str(repo / "tai-lieu"), str(repo))
    with pytest.raises(OutputRefused, match="chứa cả kho"):
        atomic.site_target(str(tmp_path), str(repo))


def test_the_build_lock_is_removed_when_released(tmp_path: pathlib.Path) -> None:
    site = tmp_path / "site"
    with atomic.build_lock(str(site)):
        assert (tmp_path / atomic.LOCK_NAME).exists()
        with pytest.raises(atomic.BuildLocked), atomic.build_lock(str(site)):
            pass
        assert (tmp_path / atomic.LOCK_NAME).exists()  # the refused one left it alone
    assert not (tmp_path / atomic.LOCK_NAME).exists()
    with atomic.build_lock(str(site)):  # and it can be taken again
        pass


def test_the_site_is_built_into_a_readable_folder(tmp_path: pathlib.Path) -> None:
    mask = os.umask(0o022)
    try:
        tmp = atomic.new_site_folder(str(tmp_path / "site"))
    finally:
        os.umask(mask)
    assert os.path.basename(tmp).startswith(atomic.TMP_PREFIX)
    assert os.stat(tmp).st_mode & 0o777 == 0o755
