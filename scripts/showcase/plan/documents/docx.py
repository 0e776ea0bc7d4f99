"""A :class:`~showcase.plan.documents.model.Document` as a Word file (python-docx).

Layout of Decree 30/2020/NĐ-CP, Appendix I: A4, margins 20 mm top and
bottom, 30 mm left, 15 mm right; Times New Roman (the Unicode font every
office has) 11-14 pt; pages numbered from the second, top centre; the header
in two columns (lines and rules measured in :mod:`.layout`, as in the PDF);
body justified, first line indented 1 cm; "Nơi nhận" and the signer side by
side, kept on the page of the last paragraph. Fill-in fields are highlighted in
yellow. Same input, same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import TYPE_CHECKING

from showcase.plan.documents.layout import (
    BODY_PT,
    LEFT_MM,
    MOTTO_PT,
    NAME_PT,
    NUMBER_PT,
    RECIPIENTS_MM,
    RECIPIENTS_PT,
    RIGHT_MM,
    SLOGAN_PT,
    TEXT_MM,
    Head,
    closing_start,
    head,
)
from showcase.plan.documents.model import (
    CLOSE,
    MOTTO,
    OPEN,
    SLOGAN,
    Blank,
    Bullets,
    Document,
    Heading,
    Para,
    Table,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
_FIELD = re.compile(re.escape(OPEN) + r"[^" + re.escape(CLOSE) + r"]*" + re.escape(CLOSE))


def _font(run: object, size: float, bold: bool = False, italic: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    r = run  # docx.text.run.Run
    r.font.name = FONT  # type: ignore[attr-defined]
    r.font.size = Pt(size)  # type: ignore[attr-defined]
    r.font.bold = bold  # type: ignore[attr-defined]
    r.font.italic = italic  # type: ignore[attr-defined]
    fonts = r._element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _text(p: Paragraph, text: str, size: float = 14, bold: bool = False,
          italic: bool = False) -> None:
    """Runs of ``text``; fill-in fields ('[...]') highlighted."""
    from docx.enum.text import WD_COLOR_INDEX

    pos = 0
    for m in [*_FIELD.finditer(text), None]:
        end = m.start() if m else len(text)
        if end > pos:
            _font(p.add_run(text[pos:end]), size, bold, italic)
        if m:
            run = p.add_run(m.group(0))
            _font(run, size, bold, True)
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            pos = m.end()


def _para(container: DocxDocument | _Cell, text: str = "", size: float = 14,
          bold: bool = False, italic: bool = False, align: str = "justify",
          indent: bool = False, after: float = 6) -> Paragraph:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    p = container.add_paragraph()
    p.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                   "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
    f = p.paragraph_format
    f.space_before, f.space_after, f.line_spacing = Pt(0), Pt(after), 1.15
    if indent:
        f.first_line_indent = Cm(1)
    if text:
        _text(p, text, size, bold, italic)
    return p


def _rule(container: DocxDocument | _Cell, width_cm: float, cell_cm: float) -> None:
    """A short centred horizontal line (a bottom border on an empty paragraph)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    p = _para(container, align="center", after=4)
    side = max((cell_cm - width_cm) / 2, 0)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Cm(side)
    p.paragraph_format.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    p._p.get_or_add_pPr().append(borders)


def _no_borders(table: object) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tbl_pr.append(borders)


def _widths(table: object, cms: list[float]) -> None:
    """Fixed column widths (Word and LibreOffice both read the grid and the cells)."""
    from docx.shared import Cm

    t = table  # docx.table.Table
    t.autofit = False  # type: ignore[attr-defined]
    for j, w in enumerate(cms):
        t.columns[j].width = Cm(w)  # type: ignore[attr-defined]
        for cell in t.columns[j].cells:  # type: ignore[attr-defined]
            cell.width = Cm(w)


def _lines(p: Paragraph, lines: tuple[str, ...], size: float, bold: bool = False,
           align: str = "center") -> None:
    """Measured lines (layout.head) in one paragraph, a break after each."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for i, line in enumerate(lines):
        if i:
            p.runs[-1].add_break()
        _text(p, line, size, bold)
    p.alignment = (WD_ALIGN_PARAGRAPH.CENTER if align == "center" else
                   WD_ALIGN_PARAGRAPH.LEFT)


def _no_cell_margins(table: object) -> None:
    """Cells without the default 0.19 cm side margins: the header's columns are
    measured for their names (layout.LEFT_MM, RIGHT_MM)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:w"), "0")
        e.set(qn("w:type"), "dxa")
        margins.append(e)
    table._tbl.tblPr.append(margins)  # type: ignore[attr-defined]


def _header(doc: DocxDocument, d: Document, h: Head) -> None:
    from docx.shared import Pt

    t = doc.add_table(rows=1, cols=2)
    _no_borders(t)
    _no_cell_margins(t)
    left_cm, right_cm = LEFT_MM / 10, RIGHT_MM / 10
    _widths(t, [left_cm, right_cm])
    left, right = t.rows[0].cells
    first = left.paragraphs[0]
    first.paragraph_format.space_after = Pt(0)
    if h.parent:
        _lines(first, h.parent, NAME_PT)
        _lines(_para(left, align="center", after=0), h.issuer, NAME_PT, bold=True)
    else:
        _lines(first, h.issuer, NAME_PT, bold=True)
    _rule(left, h.issuer_rule_mm / 10, left_cm)
    _para(left, d.number, NUMBER_PT, align="center")
    _text(right.paragraphs[0], MOTTO, MOTTO_PT, bold=True)
    right.paragraphs[0].alignment = 1
    right.paragraphs[0].paragraph_format.space_after = Pt(0)
    _para(right, SLOGAN, SLOGAN_PT, bold=True, align="center", after=0)
    _rule(right, h.slogan_rule_mm / 10, right_cm)
    _para(right, d.place_date, BODY_PT, italic=True, align="center")


def _table(doc: DocxDocument, t: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    rows = [t.header, *t.rows, *([t.total] if t.total else [])]
    table = doc.add_table(rows=len(rows), cols=len(t.header))
    table.style = "Table Grid"
    scale = 16.5 / sum(t.widths)
    _widths(table, [w * scale for w in t.widths])
    for i, row in enumerate(rows):
        bold = i == 0 or (t.total is not None and i == len(rows) - 1)
        for j, value in enumerate(row):
            p = table.cell(i, j).paragraphs[0]
            p.paragraph_format.space_after = 0
            _text(p, value, 12, bold=bold)
            if i == 0 or j in t.numeric or (j == 0 and t.header[0] == "STT"):
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, after=0)


def _body(doc: DocxDocument, d: Document) -> None:
    keep = closing_start(d.body)
    for i, b in enumerate(d.body):
        first = len(doc.paragraphs)
        if isinstance(b, Heading):
            p = _para(doc, b.text, 14, bold=True, italic=b.level > 1, align="left", indent=True)
            p.paragraph_format.keep_with_next = True
        elif isinstance(b, Para):
            _para(doc, b.text, 14, indent=True)
        elif isinstance(b, Bullets):
            for item in b.items:
                _para(doc, f"- {item}", 14, indent=True, after=3)
        elif isinstance(b, Table):
            _table(doc, b)
        elif isinstance(b, Blank):
            _para(doc, f"{OPEN}Cần bổ sung: {b.prompt}{CLOSE}", 14, indent=True)
            for _ in range(b.lines):
                _para(doc, "." * 110, 12, align="left", after=2)
        if i >= keep:  # held with the signature (the footer's row cannot split)
            for p in doc.paragraphs[first:]:
                p.paragraph_format.keep_with_next = True


def _cant_split(row: object) -> None:
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:cantSplit"))


def _footer(doc: DocxDocument, d: Document, h: Head) -> None:
    t = doc.add_table(rows=1, cols=2)
    _no_borders(t)
    _no_cell_margins(t)
    _widths(t, [RECIPIENTS_MM / 10, (TEXT_MM - RECIPIENTS_MM) / 10])
    _cant_split(t.rows[0])
    left, right = t.rows[0].cells
    _text(left.paragraphs[0], "Nơi nhận:", 12, bold=True, italic=True)
    for lines in h.recipients:
        _lines(_para(left, align="left", after=0), lines, RECIPIENTS_PT, align="left")
    _text(right.paragraphs[0], d.signer_title, 14, bold=True)
    right.paragraphs[0].alignment = 1
    # Decree 30: the signer's title, room for the signature and seal, the full name.
    for _ in range(5):
        _para(right, "", align="center", after=0)
    _para(right, d.signer_name, 14, bold=True, align="center")
    if d.address:
        _para(doc, d.address, 11, italic=True, align="left")


def _page_numbers(section: object) -> None:
    """Decree 30: pages numbered from the second, Arabic numerals, top centre (a PAGE
    field in the header; the first page has its own, empty header)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    s = section  # docx.section.Section
    s.different_first_page_header_footer = True  # type: ignore[attr-defined]
    s.first_page_header.is_linked_to_previous = False  # type: ignore[attr-defined]
    s.header.is_linked_to_previous = False  # type: ignore[attr-defined]
    p = s.header.paragraphs[0]  # type: ignore[attr-defined]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    parts: list[tuple[str, str]] = [("begin", ""), ("instr", " PAGE "), ("separate", ""),
                                    ("text", "2"), ("end", "")]
    for kind, value in parts:
        run = p.add_run()
        _font(run, NUMBER_PT)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = value
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = value
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def write(d: Document, day: dt.date) -> bytes:
    """The Word file; ``day`` stamps its metadata (same input, same bytes)."""
    from docx import Document as New
    from docx.shared import Cm

    from showcase.plan.sheets import fixed_times

    doc = New()
    s = doc.sections[0]
    s.page_width, s.page_height = Cm(21), Cm(29.7)
    s.top_margin = s.bottom_margin = Cm(2)
    s.left_margin, s.right_margin = Cm(3), Cm(1.5)
    _page_numbers(s)
    h = head(d)
    _header(doc, d, h)
    _para(doc, d.kind, BODY_PT, bold=True, align="center", after=0)
    _para(doc, d.subject, BODY_PT, bold=True, align="center", after=0)
    _rule(doc, h.subject_rule_mm / 10, TEXT_MM / 10)
    _lines(_para(doc, align="center"), h.to, BODY_PT)
    _body(doc, d)
    _footer(doc, d, h)
    stamp = dt.datetime(day.year, day.month, day.day)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = d.title, d.issuer, d.issuer
    props.created = props.modified = stamp
    props.revision = 1
    props.comments = ""
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_times(buf.getvalue(), stamp)
