"""The build refuses nothing the check accepts; what the check refuses never reaches MkDocs.

Real builds in temporary repositories: a corpus of profiles that look hostile
but are valid (tag-like names, invisible joiners, Khmer, an official e-mail,
stories just under every cost limit, photos with metadata) must build, with no
control character in any output and only text (no markup) in the search index;
photos and stories the build could not handle are refused by `showcase check`
with the file, the line, the field and a code, before MkDocs starts.
"""

from __future__ import annotations

import io
import logging
import pathlib
import re
import shutil
import time

import pytest
import regex
from PIL import Image

from conftest import PROFILE, PROFILE_PATH, copy_repo, run_cli, search_index, write_repo
from showcase.content import chars

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
P = PROFILE_PATH
PHOTO = "published: 2024-06-03\nphoto: anh.{ext}\nphoto_alt: Ông A bên cây đờn"
U = "profiles/vhtt-vinh-chau"  # a unit of the sample repository
ENGLISH = ("Aborted", "BuildError", "Traceback", "Error", "error:")


def _jpeg(size: tuple[int, int] = (900, 600), **kw: object) -> bytes:
    buf = io.BytesIO()
    Image.effect_noise(size, 40).convert("RGB").save(buf, "JPEG", **kw)
    return buf.getvalue()


def _with_photo(repo: pathlib.Path, ext: str, data: bytes) -> None:
    (repo / P).write_text(PROFILE.replace("published: 2024-06-03", PHOTO.format(ext=ext)),
                          encoding="utf-8")
    (repo / f"profiles/vhtt-a/anh.{ext}").write_bytes(data)


def _no_english(out: str) -> None:
    for word in ENGLISH:
        assert word not in out, f"{word!r} reached the editor:\n{out}"


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_jpeg_is_refused_by_check_and_build_alike(mini_repo, capsys, keep):
    data = _jpeg()
    _with_photo(mini_repo, "jpg", data[: int(len(data) * keep)])
    code, out = run_cli(mini_repo, "check", capsys=capsys)
    line = next(ln for ln in out.splitlines() if ln.endswith("[SC084]"))
    assert code == 1 and line.startswith(f"{P}:8: photo: Ảnh 'anh.jpg' bị cắt cụt")
    code, out = run_cli(mini_repo, "build", capsys=capsys)
    assert code == 1 and line in out and "Không dựng trang" in out
    _no_english(out)
    assert not (mini_repo / "site").exists()


@pytest.mark.parametrize("keep", [0.6, 1.0])
def test_a_build_decodes_each_new_photo_once_and_refuses_as_the_check(
    mini_repo, capsys, monkeypatch, keep,
):
    """No `check` first (a cold CI build): the media step's decoding is the check's."""
    from showcase.content import photos

    decoded: list[str] = []
    real = photos.decode

    def counting(full: str, *args: object, **kw: object):  # type: ignore[no-untyped-def]
        if not kw.get("header_only"):
            decoded.append(full.rsplit("/", 1)[-1])
        return real(full, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(photos, "decode", counting)
    data = _jpeg((2400, 1600), quality=90)
    _with_photo(mini_repo, "jpg", data[: int(len(data) * keep)])
    logged: list[str] = []  # MkDocs logs the plugin's error to stderr, by its own handler
    handler = logging.Handler()
    handler.emit = lambda record: logged.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        code, out = run_cli(mini_repo, "build", capsys=capsys)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    out += "\n".join(logged)
    assert decoded == ["anh.jpg"]  # once, by the media step (at half scale)
    _no_english(out)
    decoded.clear()
    code_check, out_check = run_cli(mini_repo, "check", capsys=capsys)
    assert decoded == []  # the build's verdict was kept
    if keep == 1.0:
        assert code == 0 and code_check == 0
        assert (mini_repo / "site/ho-so/nguyen-van-a/anh-960.webp").exists()
        return
    line = next(ln for ln in out_check.splitlines() if ln.endswith("[SC084]"))
    assert code_check == 1 and line.startswith(f"{P}:8: photo: Ảnh 'anh.jpg' bị cắt cụt")
    assert code == 1 and line in out and not (mini_repo / "site").exists()
    # With another error in the corpus, the build reports the photo's too, before MkDocs.
    (mini_repo / "profiles/ghi-chu.md").write_text("ghi chú", encoding="utf-8")  # SC015
    shutil.rmtree(mini_repo / ".showcase-cache")
    code, out = run_cli(mini_repo, "build", capsys=capsys)
    assert code == 1 and line in out and "Không dựng trang" in out


def test_png_with_a_huge_text_chunk_is_too_large_metadata(mini_repo, capsys):
    import struct
    import zlib

    buf = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 100, 50)).save(buf, "PNG")
    png = buf.getvalue()
    data = b"Comment\x00\x00" + zlib.compress(b"A" * 20_000_000, 9)
    chunk = (struct.pack(">I", len(data)) + b"zTXt" + data
             + struct.pack(">I", zlib.crc32(b"zTXt" + data) & 0xFFFFFFFF))
    _with_photo(mini_repo, "png", png[:33] + chunk + png[33:])
    code, out = run_cli(mini_repo, "check", capsys=capsys)
    assert code == 1 and f"{P}:8: photo: " in out and "[SC088]" in out
    assert "metadata" in out and "bị hỏng" not in out


def test_twenty_kilobytes_of_brackets_are_refused_before_any_build(mini_repo, capsys):
    (mini_repo / P).write_text(PROFILE + "\n" + "[" * 20_000 + "\n", encoding="utf-8")
    start = time.perf_counter()
    code, out = run_cli(mini_repo, "build", capsys=capsys)
    elapsed = time.perf_counter() - start
    assert code == 1 and f"{P}:18: body: " in out and "[SC075]" in out
    assert not (mini_repo / "site").exists()
    assert elapsed < 10, f"{elapsed:.1f} s"  # the check, not a 13-minute render


PROSE = "Ông gắn bó với phong trào văn nghệ ở ấp từ những năm đầu tiên, "


def _story(core: str, size: int) -> str:
    body = core
    while len(body) + len(PROSE) < size:
        body += PROSE
    return body


def _profile(name: str, body: str, extra: str = "", kind: str = "individual") -> str:
    text = PROFILE.replace("name: Nguyễn Văn A", f"name: {name}").replace(
        "published: 2024-06-03", "published: 2024-06-03" + extra).replace(
        "kind: individual", f"kind: {kind}")
    return text.split("---\n## Hành trình")[0] + "---\n" + body + "\n"


ACCEPTED = {
    # Tag-like text without attributes, quotes and ampersands: text, escaped everywhere.
    f"{U}/2024-clb-a.md": _profile(
        '"CLB <www.vh.vn> & <x:y> \'A\' \\"B\\""', "Câu lạc bộ <x:y> và A & B <C>.",
        "\nmovement: Phong trào <x:y> & <www.a.vn>", kind="collective"),
    # A zero-width joiner inside a name, Khmer script and an emoji in the story.
    f"{U}/2024-thach-thi-b.md": _profile(
        "Thạch Thị\u200dB", "ព្រះវិហារ​ខ្មែរ 🎶 Chị hát dù kê.\n\n" + _story("", 4_000)),
    # An official address, allowed by official_email_domains.
    f"{U}/2024-le-van-c.md": _profile(
        "Lê Văn C", "Liên hệ [văn thư](mailto:vanthu@soctrang.gov.vn) của Phòng."),
    # Stories just under the cost limits.
    f"{U}/2024-pham-van-d.md": _profile(
        "Phạm Văn D", "[x" * 4 + _story("", 29_000)),
    f"{U}/2024-vo-thi-e.md": _profile("Võ Thị E", "a*" * 1_900),
    f"{U}/2024-huynh-van-f.md": _profile(
        "Huỳnh Văn F", "".join("    " * i + f"- mục {i}\n" for i in range(10))
        + "\n| Năm | Giải |\n| --- | --- |\n| 2023 | Nhất |\n"),
    f"{U}/2024-danh-van-g.md": _profile("Danh Văn G", "## Mục\n\n" * 1_000),
    # Consent signed on the day of publication; a very long single-word title.
    f"{U}/2024-son-thi-h.md": _profile(
        "Sơn Thị H", "Chị H.", "\ntitle: " + "Đ" * 200).replace(
        "  date: 2024-05-15", "  date: 2024-06-03"),
}


@pytest.fixture(scope="module")
def accepted_site(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """The sample repository (its mkdocs.yml allows *.gov.vn addresses) plus ACCEPTED."""
    root = copy_repo(tmp_path_factory.mktemp("accepted") / "repo")
    write_repo(root, ACCEPTED)
    # A photo with EXIF and a small PNG text chunk: metadata the build strips.
    from PIL import PngImagePlugin

    exif = Image.Exif()
    exif[0x0112] = 6  # rotated
    (root / f"{U}/anh.jpg").write_bytes(_jpeg(exif=exif))
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "ảnh chụp năm 2024")
    buf = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 120, 90)).save(buf, "PNG", pnginfo=info)
    (root / f"{U}/anh-b.png").write_bytes(buf.getvalue())
    for name, photo in (("2024-le-van-c", "anh.jpg"), ("2024-thach-thi-b", "anh-b.png")):
        path = root / f"{U}/{name}.md"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "published: 2024-06-03",
            f"published: 2024-06-03\nphoto: {photo}\nphoto_alt: Ảnh minh họa"), encoding="utf-8")
    return root


def test_check_accepts_the_hostile_looking_corpus(accepted_site, capsys):
    code, out = run_cli(accepted_site, "check", capsys=capsys)
    assert code == 0, out


def test_what_the_check_accepts_builds(accepted_site, capsys):
    start = time.perf_counter()
    code, out = run_cli(accepted_site, "build", capsys=capsys)
    assert code == 0, out
    assert time.perf_counter() - start < 300
    site = accepted_site / "site"
    pages = [p for p in site.rglob("*") if p.suffix in (".html", ".xml", ".json")]
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found = chars.FORBIDDEN.search(text)
        assert found is None, f"{page}: {found.group(0)!r}"


_TAG_WITH_ATTRIBUTES = re.compile(r"<[A-Za-z][^<>]*[\s/][A-Za-z-]+\s*=", re.IGNORECASE)


def test_search_index_holds_text_never_markup(accepted_site, capsys):
    if not (accepted_site / "site").exists():
        run_cli(accepted_site, "build", capsys=capsys)
    index = search_index(accepted_site / "site")
    records = index["rows"]  # [url, title, lead, facts], as results show them
    club = [r for r in records if r[0].endswith("ho-so/clb-a/")]
    # The look-alike is the text of the name, as on the page (where it is escaped).
    assert club and club[0][1].startswith("CLB <www.vh.vn> & <x:y>")
    page = (accepted_site / "site/ho-so/clb-a/index.html").read_text(encoding="utf-8")
    assert "CLB &lt;www.vh.vn&gt; &amp; &lt;x:y&gt;" in page and "<x:y>" not in page
    # Nothing in any record is markup with attributes: the check refuses it in every
    # field, and the records are written with every value as text.
    for r in records:
        for text in r:
            assert _TAG_WITH_ATTRIBUTES.search(text) is None, (r[0], text[:120])
    # the words themselves are letters and digits only
    syllable = r"[\p{L}\p{N}\p{M}]+"  # letters with their marks (Khmer vowel signs)
    assert all(regex.fullmatch(f"{syllable}( {syllable})?", k) for k in index["keys"])


def test_search_code_reads_results_as_text():
    """The browser side inserts every indexed value with textContent, never as HTML."""
    js = (pathlib.Path(__file__).resolve().parents[2] / "scripts/showcase/assets/search.js"
          ).read_text(encoding="utf-8")
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "outerHTML" not in js
