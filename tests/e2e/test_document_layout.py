"""Layout of the official documents (Decree 30/2020/NĐ-CP), read back as printed.

The PDFs are rendered to PNG with pdftoppm (low resolution: what the office
prints) and their text is located with ``pdftotext -bbox-layout``; the Word
files are read with python-docx. Three documents: the Department's report and
the proposals of 2025, and the 2024 report of a district office with a long name.
"""

from __future__ import annotations

import io
import pathlib
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import docx
import pypdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from PIL import Image

from showcase.cli import main

TIMES_METRIC = {"Times New Roman", "Liberation Serif"}
pytestmark = pytest.mark.skipif(not shutil.which("pdftoppm"),
                                reason="poppler-utils missing: run 'make doc-deps' as root")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    from conftest import copy_repo

    repo = copy_repo(tmp_path_factory.mktemp("repo"))
    out = repo / "out"
    for args in (("--year", "2025", "--today", "2026-01-15"),
                 ("--year", "2024", "--unit", "vhtt-vinh-chau", "--today", "2025-01-10")):
        try:
            code = main(["-f", str(repo / "mkdocs.yml"), "report", *args, "--out", str(out)])
        except SystemExit as exc:  # pragma: no cover
            raise AssertionError(exc) from None
        assert code == 0
    return out


PDFS = ("report-2025.pdf", "proposals-2025.pdf", "report-2024-vhtt-vinh-chau.pdf")


@pytest.mark.parametrize("name", PDFS)
def test_pdf_fonts_are_times_metric(out: pathlib.Path, name: str) -> None:
    """Every font embedded is Times New Roman or its metric twin, Liberation Serif."""
    families = set()
    for page in pypdf.PdfReader(str(out / name)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            data = desc["/FontFile2"].get_object().get_data()
            families.add(TTFont(io.BytesIO(data))["name"].getDebugName(1))
    assert families and families <= TIMES_METRIC, families
    listed = subprocess.run(["pdffonts", str(out / name)], capture_output=True, text=True,
                            check=True).stdout
    assert "Liberation-Serif" in listed or "TimesNewRoman" in listed, listed


DOCXS = ("report-2025.docx", "proposals-2025.docx", "report-2024-vhtt-vinh-chau.docx")


@pytest.mark.parametrize("name", DOCXS)
def test_word_numbers_pages_from_the_second_top_centre(out: pathlib.Path, name: str) -> None:
    """A PAGE field centred in the header, a different (empty) first-page header."""
    section = docx.Document(str(out / name)).sections[0]
    assert section.different_first_page_header_footer
    first = section.first_page_header
    assert not first.is_linked_to_previous and not "".join(p.text for p in first.paragraphs)
    p = section.header.paragraphs[0]
    assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    xml = p._p.xml
    assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    assert "".join(t.text for t in p._p.iter(qn("w:instrText"))).strip() == "PAGE"


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float  # points from the page's top left


def pdf_lines(path: pathlib.Path) -> list[list[Line]]:
    """Each page's text lines with their boxes (``pdftotext -bbox-layout``)."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True,
                         check=True).stdout
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    pages = []
    for page in ET.fromstring(xml).iterfind(".//x:page", ns):
        pages.append([
            Line(" ".join(w.text or "" for w in line.iterfind("x:word", ns)),
                 *(float(line.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for line in page.iterfind(".//x:line", ns)])
    return pages


def docx_cell_lines(path: pathlib.Path, col: int) -> list[str]:
    """The lines of a header cell of the Word file (paragraphs, then line breaks)."""
    cell = docx.Document(str(path)).tables[0].rows[0].cells[col]
    return [line for p in cell.paragraphs for line in p.text.split("\n") if line]


LEFT_EDGE_PT = (30 + 75) / 25.4 * 72  # left margin + the issuer's column


def header_left(page: list[Line]) -> list[str]:
    number = next(line for line in page if line.text.startswith("Số:"))
    return [line.text for line in page if line.x1 < LEFT_EDGE_PT and line.y1 <= number.y0]


@pytest.mark.parametrize(("name", "expected"), [
    ("report-2025", ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ", "SỞ VĂN HÓA, THỂ THAO",
                     "VÀ DU LỊCH"]),
    ("report-2024-vhtt-vinh-chau", ["ỦY BAN NHÂN DÂN", "THỊ XÃ VĨNH CHÂU",
                                    "PHÒNG VĂN HÓA VÀ THÔNG TIN"]),
    ("proposals-2025", None),  # its issuer and recipient are the content's: PDF = Word
])
def test_header_lines_are_whole_phrases_alike_in_pdf_and_word(
        out: pathlib.Path, name: str, expected: list[str] | None) -> None:
    page = pdf_lines(out / f"{name}.pdf")[0]
    left = header_left(page)
    word = docx_cell_lines(out / f"{name}.docx", 0)
    assert left == [line for line in word if not line.startswith("Số:")]
    if expected is not None:
        assert left == expected
    texts = [line.text for line in page]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "Độc lập - Tự do - Hạnh phúc" in texts
    # "Kính gửi" in the PDF's lines as in the Word file's paragraph.
    to = next(p.text for p in docx.Document(str(out / f"{name}.docx")).paragraphs
              if p.text.startswith("Kính gửi"))
    for line in to.split("\n"):
        assert line in texts, (line, texts)


SIGNATURE = ("Nơi nhận:", "[Họ và tên người ký]")


@pytest.mark.parametrize("name", PDFS)
def test_no_page_holds_only_the_signature_block(out: pathlib.Path, name: str) -> None:
    pages = pdf_lines(out / name)
    (last,) = [i for i, p in enumerate(pages) if any(line.text == "Nơi nhận:" for line in p)]
    page = pages[last]
    assert last == len(pages) - 1
    assert any(line.text == "[Họ và tên người ký]" for line in page), "signer on another page"
    top = next(line for line in page if line.text == "Nơi nhận:").y0
    # Text of the document above the block, other than the page number.
    body = [line for line in page if line.y1 < top and not line.text.isdigit()]
    assert body, f"page {last + 1} holds only the signature block"
    assert not any("Ký, ghi rõ họ tên" in line.text for p in pages for line in p)


def _runs(img: Image.Image, min_px: int) -> list[tuple[int, int, int]]:
    """Horizontal runs of dark pixels at least ``min_px`` long: (y, x0, x1)."""
    px, (w, h) = img.load(), img.size
    runs = []
    for y in range(h):
        x = 0
        while x < w:
            if px[x, y] < 128:
                start = x
                while x < w and px[x, y] < 128:
                    x += 1
                if x - start >= min_px:
                    runs.append((y, start, x))
            x += 1
    return runs


DPI = 100
SCALE = DPI / 72  # pixels a point


def _rule_under(line: Line, runs: list[tuple[int, int, int]]) -> float:
    """Length in points of the first rule below ``line`` and centred on it."""
    mid = (line.x0 + line.x1) / 2 * SCALE
    below = [r for r in runs if line.y1 * SCALE < r[0] < (line.y1 + 20) * SCALE
             and abs((r[1] + r[2]) / 2 - mid) < 4]
    assert below, f"no rule under {line.text!r}"
    return (below[0][2] - below[0][1]) / SCALE


@pytest.mark.parametrize("name", ("report-2025", "report-2024-vhtt-vinh-chau"))
def test_rules_under_the_issuer_motto_and_subject(out: pathlib.Path, tmp_path: pathlib.Path,
                                                  name: str) -> None:
    """Decree 30: under the motto a rule as long as it; under the issuing body and
    the subject, one of a third to a half of the line above. Measured in the
    printed page (pdftoppm, 100 dpi), against the text boxes of pdftotext."""
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-gray", "-png",
                    str(out / f"{name}.pdf"), str(tmp_path / "p")], check=True)
    (png,) = tmp_path.glob("p*.png")
    runs = _runs(Image.open(png).convert("L"), min_px=20)
    page = pdf_lines(out / f"{name}.pdf")[0]
    slogan = next(line for line in page if line.text == "Độc lập - Tự do - Hạnh phúc")
    assert abs(_rule_under(slogan, runs) - (slogan.x1 - slogan.x0)) < 3
    issuer = [line for line in page if line.x1 < LEFT_EDGE_PT]
    number = next(i for i, line in enumerate(issuer) if line.text.startswith("Số:"))
    widest = max(line.x1 - line.x0 for line in issuer[:number])
    assert 1 / 3 <= _rule_under(issuer[number - 1], runs) / widest <= 1 / 2
    subject = next(line for line in page if line.text.startswith("Kết quả giới thiệu"))
    assert 1 / 3 <= _rule_under(subject, runs) / (subject.x1 - subject.x0) <= 1 / 2


@pytest.mark.parametrize("name", PDFS)
def test_every_page_renders(out: pathlib.Path, name: str, tmp_path: pathlib.Path) -> None:
    """Each page printed (pdftoppm, 30 dpi): as many images as pages, each inked, the
    page number at the top centre from the second page (none on the first)."""
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", str(out / name),
                    str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p*.png"))
    pages = pdf_lines(out / name)
    assert len(images) == len(pages)
    for img in images:
        assert Image.open(img).convert("L").getextrema()[0] < 100  # not blank
    width = float(pypdf.PdfReader(str(out / name)).pages[0].mediabox.width)
    for i, page in enumerate(pages):
        numbers = [line for line in page if line.text == str(i + 1) and line.y1 < 57]
        if i == 0:
            assert not numbers
        else:
            (n,) = numbers
            assert abs((n.x0 + n.x1) / 2 - (30 + 165 / 2) / 25.4 * 72) < 2, (i, n)
            assert n.x1 < width


@pytest.mark.parametrize("name", DOCXS)
def test_word_keeps_the_last_paragraph_with_the_signature(out: pathlib.Path,
                                                          name: str) -> None:
    """Word moves the last paragraph with the signature block: it is 'keep with next',
    and the block is one table row that cannot split across pages."""
    d = docx.Document(str(out / name))
    body = list(d.element.body.iterchildren())
    foot = [e for e in body if e.tag == qn("w:tbl")][-1]
    assert "Nơi nhận:" in "".join(t.text or "" for t in foot.iter(qn("w:t")))
    assert foot.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    before = body[body.index(foot) - 1]
    assert before.tag == qn("w:p") and before.find(
        f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
    assert "".join(t.text or "" for t in before.iter(qn("w:t"))).strip()
    assert not any("Ký, ghi rõ họ tên" in (t.text or "") for t in d.element.iter(qn("w:t")))
