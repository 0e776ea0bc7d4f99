"""Bad input that does not fit a text case file: encodings, sizes, images, links."""

from __future__ import annotations

import io
import pathlib
import unicodedata

import pytest
from PIL import Image

from conftest import PROFILE, PROFILE_PATH, run_cli
from showcase.content import corpus

P = PROFILE_PATH
PHOTO_LINES = "published: 2024-06-03\nphoto: anh.{ext}\nphoto_alt: Ông A bên cây đờn"


def _check(repo: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code, out = run_cli(repo, "check", capsys=capsys)
    assert "Traceback" not in out
    return code, out


def _with_photo(repo: pathlib.Path, ext: str, data: bytes) -> None:
    text = PROFILE.replace("published: 2024-06-03", PHOTO_LINES.format(ext=ext))
    (repo / P).write_text(text, encoding="utf-8")
    (repo / f"profiles/vhtt-a/anh.{ext}").write_bytes(data)


def _img(mode: str, size: tuple[int, int], fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size).save(buf, fmt, **kw)
    return buf.getvalue()


def test_bom_crlf_and_nfd_are_accepted_and_normalised(mini_repo, capsys):
    nfd = unicodedata.normalize("NFD", PROFILE).replace("\n", "\r\n")
    (mini_repo / P).write_bytes(b"\xef\xbb\xbf" + nfd.encode("utf-8"))
    code, out = _check(mini_repo, capsys)
    assert code == 0, out
    c = corpus.load(str(mini_repo), __import__("datetime").date(2026, 11, 24))
    (p,) = c.profiles
    assert p.name == "Nguyễn Văn A" and unicodedata.is_normalized("NFC", p.body)


def test_not_utf8(mini_repo, capsys):
    (mini_repo / P).write_bytes(PROFILE.encode("utf-8").replace("Ông".encode(), b"\xd4ng"))
    code, out = _check(mini_repo, capsys)
    assert code == 1 and f"{P}:9: -: " in out and "[SC003]" in out and "UTF-8" in out


def test_windows_1258_file(mini_repo, capsys):
    (mini_repo / P).write_bytes(PROFILE.encode("cp1258", errors="replace"))
    code, out = _check(mini_repo, capsys)
    assert code == 1 and "[SC003]" in out


def test_empty_file(mini_repo, capsys):
    (mini_repo / P).write_bytes(b"")
    code, out = _check(mini_repo, capsys)
    assert code == 1 and f"{P}:1: -: Tệp trống." in out


def test_whitespace_only_file(mini_repo, capsys):
    (mini_repo / P).write_bytes(b"\n \n\t\n")
    code, out = _check(mini_repo, capsys)
    assert code == 1 and "[SC001]" in out


def test_file_over_one_megabyte(mini_repo, capsys):
    (mini_repo / P).write_text(PROFILE + "Câu chuyện dài. " * 80_000, encoding="utf-8")
    code, out = _check(mini_repo, capsys)
    assert code == 1 and f"{P}:1: -: Tệp quá lớn" in out and "[SC002]" in out


def test_symlinked_profile_is_refused(mini_repo, capsys, tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text(PROFILE, encoding="utf-8")
    (mini_repo / "profiles/vhtt-a/2024-lien-ket.md").symlink_to(outside)
    code, out = _check(mini_repo, capsys)
    assert code == 1 and "profiles/vhtt-a/2024-lien-ket.md:1: -: " in out and "[SC080]" in out


def test_symlinked_unit_folder_is_refused(mini_repo, capsys, tmp_path):
    (mini_repo / "profiles/trung-tam-b").symlink_to(tmp_path)
    code, out = _check(mini_repo, capsys)
    assert code == 1 and "profiles/trung-tam-b:1: -: " in out and "[SC080]" in out


def test_symlinked_photo_is_refused(mini_repo, capsys, tmp_path):
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(_img("RGB", (10, 10), "JPEG"))
    text = PROFILE.replace("published: 2024-06-03", PHOTO_LINES.format(ext="jpg"))
    (mini_repo / P).write_text(text, encoding="utf-8")
    (mini_repo / "profiles/vhtt-a/anh.jpg").symlink_to(secret)
    code, out = _check(mini_repo, capsys)
    assert code == 1 and "[SC080]" in out


def test_heic_photo_gets_conversion_hint(mini_repo, capsys):
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
    _with_photo(mini_repo, "jpg", heic)
    code, out = _check(mini_repo, capsys)
    assert code == 1 and f"{P}:8: photo: " in out and "[SC083]" in out and "JPEG" in out


def test_decompression_bomb_is_refused(mini_repo, capsys):
    # 8,000 x 6,250 = 50 megapixels, a few KB of PNG.
    _with_photo(mini_repo, "png", _img("1", (8000, 6250), "PNG"))
    code, out = _check(mini_repo, capsys)
    assert code == 1 and f"{P}:8: photo: " in out and "[SC086]" in out


def test_animated_webp_is_refused(mini_repo, capsys):
    frames = [Image.new("RGB", (32, 32), c) for c in ((255, 0, 0), (0, 0, 255))]
    buf = io.BytesIO()
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:], duration=100)
    _with_photo(mini_repo, "webp", buf.getvalue())
    code, out = _check(mini_repo, capsys)
    assert code == 1 and "[SC087]" in out


def test_truncated_jpeg_is_reported(mini_repo, capsys):
    _with_photo(mini_repo, "jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 10)
    code, out = _check(mini_repo, capsys)
    assert code == 1 and "[SC084]" in out


@pytest.mark.parametrize(
    ("mode", "fmt", "ext"),
    [("CMYK", "JPEG", "jpg"), ("I;16", "PNG", "png"), ("RGBA", "WEBP", "webp"),
     ("P", "PNG", "png")],
)
def test_unusual_but_valid_images_pass(mini_repo, capsys, mode, fmt, ext):
    _with_photo(mini_repo, ext, _img(mode, (40, 30), fmt))
    code, out = _check(mini_repo, capsys)
    assert code == 0, out


def test_photo_over_15_megabytes(mini_repo, capsys):
    _with_photo(mini_repo, "jpg", b"\xff\xd8\xff\xe0" + b"\x00" * (15 * 1024 * 1024 + 10))
    code, out = _check(mini_repo, capsys)
    assert code == 1 and "[SC082]" in out


def test_missing_units_file(mini_repo, capsys):
    (mini_repo / "profiles/units.yml").unlink()
    code, out = _check(mini_repo, capsys)
    assert code == 1 and "profiles/units.yml:1: -: " in out and "[SC050]" in out
    assert "[SC017]" not in out  # the missing file is the one problem, not every folder


def test_exit_code_2_for_missing_config(tmp_path, capsys):
    code, out = run_cli(tmp_path, "check", capsys=capsys)
    assert code == 2 and "mkdocs.yml" in out


def test_exit_code_2_for_bad_plugin_option(mini_repo, capsys):
    cfg = mini_repo / "mkdocs.yml"
    bad = cfg.read_text().replace("  - showcase\n", "  - showcase:\n      feed_items: nhiều\n")
    cfg.write_text(bad)
    code, out = run_cli(mini_repo, "check", capsys=capsys)
    assert code == 2 and "feed_items" in out


def test_exit_code_2_for_unknown_option(mini_repo, capsys):
    code, out = run_cli(mini_repo, "check", "--khong-co", capsys=capsys)
    assert code == 2 and "Traceback" not in out


def test_github_format(mini_repo, capsys):
    text = PROFILE.replace("kind: individual", "kind: person").replace(
        "name: Nguyễn Văn A", "name: \"Nguyễn Văn A, 100%: thử\"\nfeatured: có"
    )
    (mini_repo / P).write_text(text, encoding="utf-8")
    code, out = run_cli(mini_repo, "check", "--format", "github", capsys=capsys)
    assert code == 1
    lines = [ln for ln in out.splitlines() if ln.startswith("::")]
    assert lines and all(ln.startswith(f"::error file={P},line=") for ln in lines)
    assert any("title=SC030 kind::" in ln for ln in lines)
    featured = [ln for ln in lines if "title=SC028 featured::" in ln]
    assert featured and "%" not in featured[0].split("::")[2].replace("%25", "")


def _animated_gif() -> bytes:
    frames = [Image.new("P", (32, 32), c) for c in (1, 2, 3)]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=80, loop=0)
    return buf.getvalue()


def test_animated_gif_is_refused(mini_repo, capsys):
    _with_photo(mini_repo, "gif", _animated_gif())
    code, out = _check(mini_repo, capsys)
    assert code == 1 and f"{P}:8: photo: " in out and "[SC037]" in out


def test_animated_gif_renamed_to_png_is_refused(mini_repo, capsys):
    _with_photo(mini_repo, "png", _animated_gif())
    code, out = _check(mini_repo, capsys)
    assert code == 1 and f"{P}:8: photo: " in out and "[SC085]" in out and "GIF" in out
