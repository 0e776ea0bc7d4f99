"""`showcase book`: one page per exemplary published in the period, photo embedded."""

from __future__ import annotations

import datetime as dt
import pathlib
import re
import shutil
import subprocess

import pypdf
import pytest
import yaml

from showcase.cli import main

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
TODAY = dt.date(2026, 11, 24)


def expected(repo: pathlib.Path, first: int, last: int) -> list[dict]:
    """Published in [first, last], not a draft, consent for the web not withdrawn by TODAY."""
    out = []
    for path in sorted((repo / "profiles").glob("*/*.md")):
        p = yaml.safe_load(FRONT.match(path.read_text("utf-8")).group(1))
        c = p.get("consent") or {}
        if (p.get("draft") or not p.get("published") or p["published"] > TODAY
                or not first <= p["published"].year <= last):
            continue
        if p["kind"] != "collective" and (
                "web" not in c.get("scope", ["web"]) or (c.get("withdrawn")
                                                        and c["withdrawn"] <= TODAY)):
            continue
        out.append(p)
    return out


def drawn_images(page: pypdf.PageObject) -> int:
    """Images the page draws (WeasyPrint shares one resource dictionary between pages)."""
    xobjects = page["/Resources"].get("/XObject", {})
    names = re.findall(rb"/(\S+) Do", page.get_contents().get_data())
    return sum(1 for n in names
               if xobjects.get("/" + n.decode()) is not None
               and xobjects["/" + n.decode()].get_object()["/Subtype"] == "/Image")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[pathlib.Path, pathlib.Path]:
    from conftest import copy_repo

    repo = copy_repo(tmp_path_factory.mktemp("repo"))
    out = repo / "book.pdf"
    code = main(["-f", str(repo / "mkdocs.yml"), "book", "--from", "2023", "--to", "2025",
                 "-o", str(out), "--today", TODAY.isoformat()])
    assert code == 0
    return repo, out


def test_one_page_per_exemplary_with_its_photo(book) -> None:
    repo, out = book
    want = expected(repo, 2023, 2025)
    assert want and not any(p["name"] == "Trần Thị B" for p in want)  # consent withdrawn
    reader = pypdf.PdfReader(str(out))
    pages = [(page, page.extract_text()) for page in reader.pages]
    profile_pages = [(pg, t) for pg, t in pages if "Đơn vị giới thiệu" in t]
    assert len(profile_pages) == len(want)
    for p in want:
        hits = [(pg, t) for pg, t in profile_pages if p["name"] in " ".join(t.split())]
        assert len(hits) == 1, p["name"]
        page, text = hits[0]
        assert " ".join(p["summary"].split())[:40] in " ".join(text.split())
        for c in p.get("commendations") or []:
            assert c["text"] in " ".join(text.split())
        assert drawn_images(page) == (1 if p.get("photo") else 0), p["name"]


def test_contents_by_field_and_index_of_units(book) -> None:
    repo, out = book
    reader = pypdf.PdfReader(str(out))
    toc = next(p.extract_text() for p in reader.pages if "Mục lục" in p.extract_text())
    index = reader.pages[-1].extract_text()
    assert "Chỉ mục theo đơn vị" in index
    for p in expected(repo, 2023, 2025):
        assert p["name"] in " ".join(toc.split())
    assert "b) Văn hóa, nghệ thuật, thể dục thể thao" in toc
    assert "Lời nói đầu" in toc and "[Cần bổ sung:" in reader.pages[1].extract_text()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_vietnamese_extracts_with_pdftotext(book) -> None:
    _, out = book
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], check=True,
                          capture_output=True, text=True).stdout
    for phrase in ("Đội ghe Ngo xã Lạc Hòa", "Hộ gia đình bà Phạm Thị D",
                   "Phòng Văn hóa và Thông tin thị xã Vĩnh Châu", "GƯƠNG ĐIỂN HÌNH TIÊN TIẾN"):
        assert phrase in text, phrase


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_khmer_name_on_the_page_in_the_contents_and_in_the_index(book) -> None:
    repo, out = book
    khmer = [p for p in expected(repo, 2023, 2025) if p.get("name_km")]
    assert khmer, "the sample has a Khmer name (Thạch Thị F)"
    reader = pypdf.PdfReader(str(out))
    texts = [_flat(p.extract_text()) for p in reader.pages]
    toc = next(t for t in texts if t.startswith("Mục lục"))
    index = texts[-1]
    for p in khmer:
        page = next(t for t in texts if "Đơn vị giới thiệu" in t and p["name"] in t)
        for where in (page, toc, index):
            assert p["name_km"] in where, (p["name"], where[:80])
    fonts = {str(f.get_object()["/BaseFont"]) for pg in reader.pages
             for f in pg["/Resources"]["/Font"].values()}
    assert any(f.endswith("+DocKhmer") for f in fonts), fonts


def test_index_has_no_running_header_of_the_last_field(book) -> None:
    _, out = book
    reader = pypdf.PdfReader(str(out))
    last_field = next(t for t in (_flat(p.extract_text()) for p in reader.pages[::-1])
                      if "Đơn vị giới thiệu" in t).split(" ", 1)[0]
    index = reader.pages[-1].extract_text()
    assert index.lstrip().startswith("Chỉ mục theo đơn vị"), index[:80]
    assert "Phong trào thi đua của tỉnh" not in index and last_field == "đ)"


def test_a_page_without_photo_shows_the_initials(book) -> None:
    from showcase.content.scripts import initials

    repo, out = book
    reader = pypdf.PdfReader(str(out))
    pages = [(pg, pg.extract_text()) for pg in reader.pages if "Đơn vị giới thiệu" in
             pg.extract_text()]
    without = [p for p in expected(repo, 2023, 2025) if not p.get("photo")]
    assert without
    for p in without:
        page, text = next((pg, t) for pg, t in pages if p["name"] in _flat(t))
        lines = [line.strip() for line in text.splitlines()]
        assert initials(p["name"]) in lines, (p["name"], lines[:6])
        # The block is drawn: a rectangle filled with the gradient (a shading pattern).
        assert b"/Pattern cs" in page.get_contents().get_data(), p["name"]
    for pg, _ in pages:  # pages with a photo draw none
        if drawn_images(pg):
            assert b"/Pattern cs" not in pg.get_contents().get_data()
