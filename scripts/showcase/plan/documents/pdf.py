"""A :class:`~showcase.plan.documents.model.Document` as PDF (HTML + WeasyPrint).

Same layout as the Word file (Decree 30/2020/NĐ-CP): A4, margins 20/15/20/30
mm, page numbers at the top centre from the second page. Set in Times New Roman
where installed, else in its metric twin Liberation Serif (Debian's
``fonts-liberation2``, the Makefile's ``doc-deps``), so that lines break as in
the Word file; DocSerif (:func:`~showcase.plan.documents.fonts.fallback_faces`)
is the last resort. Fonts are embedded (subsets). Only local files are read:
any other URL is refused.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re

from showcase.plan.documents.fonts import FAMILIES, PACKAGE_FONTS, fallback_faces
from showcase.plan.documents.layout import (
    LEFT_MM,
    MOTTO_PT,
    NAME_PT,
    NUMBER_PT,
    RECIPIENTS_MM,
    RIGHT_MM,
    SLOGAN_PT,
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

_SPACES = re.compile(r" {2,}")  # blanks left to fill by hand keep their width
_FIELD = re.compile(re.escape(OPEN) + r"[^" + re.escape(CLOSE) + r"]*" + re.escape(CLOSE))


class PdfError(Exception):
    """WeasyPrint or the system libraries it needs are missing (message in Vietnamese)."""


def font_css(family: str = "DocSerif") -> str:
    """@font-face rules for the document serif and the package's sans (headings)."""
    rules = [
        f'@font-face {{ font-family: "{family}"; font-weight: {w}; font-style: {s}; '
        f'src: url("file://{path}"); }}'
        for (w, s), path in sorted(fallback_faces().items())
    ]
    for w, name in (("normal", "Regular"), ("bold", "Bold")):
        path = os.path.join(PACKAGE_FONTS, f"BeVietnamPro-{name}.ttf")
        rules.append(f'@font-face {{ font-family: "DocSans"; font-weight: {w}; '
                     f'src: url("file://{path}"); }}')
    return "\n".join(rules)


def render(page_html: str, title: str, day: dt.date, base: str = "/") -> bytes:
    """HTML -> PDF bytes, metadata dated ``day`` (same input, same bytes)."""
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        raise PdfError(
            "Không tạo được tệp PDF: thiếu WeasyPrint hoặc thư viện Pango của hệ thống "
            f"({exc}). Chạy 'make doc-deps' với quyền root để cài đặt.") from None
    stamp = f"{day.isoformat()}T00:00:00+07:00"
    local_only = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    return _write(HTML(string=page_html, base_url=base, url_fetcher=local_only), stamp, title)


def _write(doc: object, stamp: str, title: str) -> bytes:
    rendered = doc.render()  # type: ignore[attr-defined]
    rendered.metadata.created = stamp
    rendered.metadata.modified = stamp
    rendered.metadata.title = title
    rendered.metadata.generator = "showcase"
    data = rendered.write_pdf(pdf_identifier=b"showcase-" + stamp[:10].encode())
    assert isinstance(data, bytes)
    return data


def _esc(text: str) -> str:
    """Escaped text, fill-in fields marked for the highlight."""
    out, pos = [], 0
    for m in _FIELD.finditer(text):
        out += [html.escape(text[pos:m.start()]),
                f'<span class="fill">{html.escape(m.group(0))}</span>']
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return _SPACES.sub(lambda m: "\u00a0" * len(m.group(0)), "".join(out))


SERIF = ", ".join(f'"{f}"' for f in FAMILIES) + ", DocSerif"
CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm;
        @top-center { content: counter(page); font-size: 13pt; font-family: SERIF; } }
@page :first { @top-center { content: none; } }
/* Spacing as in the Word file: its lines are 1.15 "single" lines of Times (1.15 em). */
body { font-family: SERIF; font-size: 14pt; line-height: 1.32; margin: 0; }
table.head, table.foot { width: 100%; border-collapse: collapse; }
table.head { table-layout: fixed; }
table.head td, table.foot td { vertical-align: top; padding: 0; text-align: center; }
td.issuer-cell { width: LEFTmm; font-size: NAMEpt; } td.motto-cell { width: RIGHTmm; }
.issuer, .motto, .slogan, .signer, .kind, .subject { font-weight: bold; }
.name, .motto, .to-line { white-space: nowrap; }
.motto { font-size: MOTTOpt; } .slogan { font-size: SLOGANpt; }
hr { border: 0; border-top: 0.8pt solid #000; margin: 2pt auto 6pt; }
.number { font-size: NUMBERpt; margin-top: 4pt; white-space: pre; }
.date { font-style: italic; margin-top: 4pt; }
.kind { text-align: center; margin: 18pt 0 0; font-size: 14pt; }
.subject { text-align: center; margin: 0; }
.to { text-align: center; margin: 6pt 0 10pt; }
p { margin: 0 0 6pt; text-align: justify; text-indent: 1cm; }
h2 { font-size: 14pt; margin: 0 0 6pt; text-indent: 1cm; }
h3 { font-size: 14pt; font-style: italic; margin: 0 0 6pt; text-indent: 1cm; }
p.item { margin-bottom: 3pt; }
h2, h3 { break-after: avoid; }
.closing { break-inside: avoid; }
/* As the Word table (12 pt, the Table Grid style's 0.19 cm cell margins): cells break alike. */
table.data { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 12pt;
             page-break-inside: auto; }
table.data th, table.data td { border: 0.6pt solid #000; padding: 1pt 5.4pt; text-align: left;
                               vertical-align: top; }
table.data th { text-align: center; font-weight: bold; }
table.data td.num { text-align: center; } table.data tr.total td { font-weight: bold; }
table.data thead { display: table-header-group; } table.data tr { page-break-inside: avoid; }
.fill { background: #fff3a0; font-style: italic; }
.blank { border: 0.8pt dashed #777; padding: 4pt 6pt 2pt; margin: 0 0 8pt; }
.blank p { text-indent: 0; }
.blank .line { border-bottom: 0.6pt dotted #555; height: 16pt; }
table.foot { margin-top: 12pt; page-break-inside: avoid; table-layout: fixed; }
table.foot td.recipients { width: RECIPIENTSmm; text-align: left; font-size: 11pt; }
td.recipients .rec { white-space: nowrap; }
td.recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
.signer-name { font-weight: bold; margin-top: 70pt; }
.address { font-size: 11pt; font-style: italic; margin-top: 16pt; }
"""
for _key, _value in (("SERIF", SERIF), ("LEFT", LEFT_MM), ("RIGHT", RIGHT_MM), ("NAME", NAME_PT),
                     ("MOTTO", MOTTO_PT), ("SLOGAN", SLOGAN_PT), ("NUMBER", NUMBER_PT),
                     ("RECIPIENTS", RECIPIENTS_MM)):
    CSS = CSS.replace(_key, str(_value))


def _table(t: Table) -> str:
    total = sum(t.widths)
    cols = "".join(f'<col style="width:{w / total * 100:.1f}%">' for w in t.widths)
    head = "".join(f"<th>{_esc(h)}</th>" for h in t.header)

    def row(values: tuple[str, ...], cls: str = "") -> str:
        cells = "".join(
            f'<td{" class=num" if j in t.numeric or (j == 0 and t.header[0] == "STT") else ""}>'
            f"{_esc(v)}</td>"
            for j, v in enumerate(values))
        return f'<tr{f" class={cls}" if cls else ""}>{cells}</tr>'

    body = "".join(row(r) for r in t.rows) + (row(t.total, "total") if t.total else "")
    return f'<table class="data"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>' \
           f"<tbody>{body}</tbody></table>"


def _block(b: object) -> str:
    if isinstance(b, Heading):
        tag = "h2" if b.level == 1 else "h3"
        return f"<{tag}>{_esc(b.text)}</{tag}>"
    if isinstance(b, Para):
        return f"<p>{_esc(b.text)}</p>"
    if isinstance(b, Bullets):
        return "".join(f'<p class="item">- {_esc(item)}</p>' for item in b.items)
    if isinstance(b, Table):
        return _table(b)
    assert isinstance(b, Blank)
    lines = '<div class="line"></div>' * b.lines
    return (f'<div class="blank"><p><span class="fill">{html.escape(OPEN)}Cần bổ sung: '
            f"{html.escape(b.prompt)}{html.escape(CLOSE)}</span></p>{lines}</div>")


def _rule(mm: float) -> str:
    return f'<hr style="width: {mm:.1f}mm">'


def _lines(lines: tuple[str, ...], cls: str) -> str:
    return "".join(f'<div class="{cls}">{_esc(line)}</div>' for line in lines)


def to_html(d: Document) -> str:
    h = head(d)
    keep = closing_start(d.body)
    parent = _lines(h.parent, "name")
    to = _lines(h.to, "to-line")
    recipients = "".join(f"<div>{_lines(r, 'rec')}</div>" for r in h.recipients)
    address = f'<div class="address">{_esc(d.address)}</div>' if d.address else ""
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{html.escape(d.title)}</title><style>{font_css()}{CSS}</style></head><body>
<table class="head"><tr><td class="issuer-cell">{parent}
<div class="issuer">{_lines(h.issuer, "name")}</div>{_rule(h.issuer_rule_mm)}
<div class="number">{_esc(d.number)}</div></td>
<td class="motto-cell"><div class="motto">{MOTTO}</div><div class="slogan">{SLOGAN}</div>
{_rule(h.slogan_rule_mm)}<div class="date">{_esc(d.place_date)}</div></td></tr></table>
<div class="kind">{_esc(d.kind)}</div><div class="subject">{_esc(d.subject)}</div>
{_rule(h.subject_rule_mm)}<div class="to">{to}</div>
{"".join(_block(b) for b in d.body[:keep])}<div class="closing">
{"".join(_block(b) for b in d.body[keep:])}
<table class="foot"><tr><td class="recipients"><div class="label">Nơi nhận:</div>{recipients}</td>
<td><div class="signer">{_esc(d.signer_title)}</div>
<div class="signer-name">{_esc(d.signer_name)}</div></td></tr></table>{address}</div>
</body></html>"""


def write(d: Document, day: dt.date) -> bytes:
    return render(to_html(d), d.title, day)
