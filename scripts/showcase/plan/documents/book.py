"""The honour book for the summary conference: a printable A4 PDF.

Cover, foreword (a fill-in page for the Director), table of contents by the
plan's fields, one page per exemplary published in the years asked for and
still on the site (a withdrawn consent takes a profile out of the book), and
an index of units. Khmer names (``name_km``) are printed under the name and
in the contents and the index, in the shipped Khmer font. Photos are
embedded, scaled down for print; a page without one shows the initials on
the column's colours, as the site's cards do. Pure apart
from reading the photos: returns bytes.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from showcase.content.model import Profile
from showcase.content.scripts import initials
from showcase.content.text import sort_key
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS
from showcase.option_values import Publisher
from showcase.plan.annual import field_label, sectors_text
from showcase.plan.documents.model import upper
from showcase.plan.documents.pdf import font_css, render

FONTS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "fonts")  # the package's fonts (Khmer)
PHOTO_PX = 1400  # longest side in print: 300 dpi over about 12 cm


@dataclass(frozen=True)
class Entry:
    profile: Profile
    unit: Unit
    anchor: str


@dataclass(frozen=True)
class Book:
    first: int
    last: int
    column: str
    publisher: Publisher
    today: dt.date
    entries: tuple[Entry, ...]  # by field in the plan's order, then by name

    @property
    def span(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first} - {self.last}"


def select(profiles: Iterable[Profile], units: Mapping[str, Unit], first: int, last: int,
           today: dt.date, column: str, publisher: Publisher) -> Book:
    """The exemplaries published from ``first`` to ``last`` and on the site ``today``."""
    order = list(FIELDS)
    chosen = sorted(
        (p for p in profiles if p.is_public(today) and p.published
         and first <= p.published.year <= last and p.unit in units),
        key=lambda p: (order.index(p.field), sort_key(p.name)))
    entries = tuple(Entry(p, units[p.unit], f"g{i}") for i, p in enumerate(chosen, 1))
    return Book(first, last, column, publisher, today, entries)


def _photo(root: str, rel: str) -> str:
    """The photo as a data URI, at most PHOTO_PX on its longest side, without metadata."""
    from PIL import Image, ImageOps

    with Image.open(os.path.join(root, rel)) as source:
        im = ImageOps.exif_transpose(source).convert("RGB")
        im.thumbnail((PHOTO_PX, PHOTO_PX))
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=85, optimize=True)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _e(text: str) -> str:
    return html.escape(text)


def _name(p: Profile) -> str:
    """The name, then the Khmer name (``name_km``) in the Khmer font, for lists."""
    km = f' <span class="km" lang="km">{_e(p.name_km)}</span>' if p.name_km else ""
    return _e(p.name) + km


def _picture(p: Profile, root: str) -> str:
    """The photo with its caption, or, where there is none, the initials on the column's
    colours, as the site's cards draw them."""
    if p.photo:
        return (f'<figure><img src="{_photo(root, p.photo)}" alt="{_e(p.photo_alt or "")}">'
                f"<figcaption>{_e(p.photo_alt or '')}</figcaption></figure>")
    return f'<div class="ph" aria-hidden="true"><span>{_e(initials(p.name))}</span></div>'


def _page(e: Entry, root: str) -> str:
    p = e.profile
    photo = _picture(p, root)
    km = f'<div class="name-km" lang="km">{_e(p.name_km)}</div>' if p.name_km else ""
    facts = [("Đơn vị giới thiệu", e.unit.name), ("Lĩnh vực", field_label(p.field)),
             ("Ngành", sectors_text(p))]
    facts += [(k, v) for k, v in (("Địa bàn", p.location), ("Phong trào", p.movement)) if v]
    rows = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts)

    def records(title: str, items: tuple[tuple[int, str], ...]) -> str:
        if not items:
            return ""
        lis = "".join(f"<li><b>{y}</b>: {_e(t)}</li>" for y, t in items)
        return f"<h3>{title}</h3><ul>{lis}</ul>"

    return f"""<section class="profile" id="{e.anchor}">
<div class="field-name">{_e(field_label(p.field))}</div>
<h2>{_e(p.name)}</h2>{km}<div class="kind">{_e(KINDS[p.kind].label)} · {_e(e.unit.name)}</div>
{photo}<p class="summary">{_e(p.summary)}</p><table class="facts">{rows}</table>
{records("Thành tích", tuple((r.year, r.text) for r in p.achievements))}
{records("Khen thưởng", tuple((r.year, r.text) for r in p.commendations))}
</section>"""


def _toc(b: Book) -> str:
    parts = ['<section class="toc"><h1>Mục lục</h1><ul>',
             '<li class="lead"><a href="#loi-noi-dau">Lời nói đầu</a></li>']
    for fid in FIELDS:
        mine = [e for e in b.entries if e.profile.field == fid]
        if not mine:
            continue
        parts.append(f'<li class="field">{_e(field_label(fid))}</li>')
        parts += [f'<li><a href="#{e.anchor}">{_name(e.profile)}</a></li>' for e in mine]
    parts.append('<li class="lead"><a href="#chi-muc">Chỉ mục theo đơn vị</a></li></ul></section>')
    return "".join(parts)


def _index(b: Book) -> str:
    by_unit: dict[str, list[Entry]] = {}
    for e in sorted(b.entries, key=lambda e: (sort_key(e.unit.name), sort_key(e.profile.name))):
        by_unit.setdefault(e.unit.name, []).append(e)
    items = "".join(
        f"<li><b>{_e(unit)}</b><ul>"
        + "".join(f'<li><a href="#{e.anchor}">{_name(e.profile)}</a></li>' for e in es)
        + "</ul></li>" for unit, es in by_unit.items())
    return f'<section class="index" id="chi-muc"><h1>Chỉ mục theo đơn vị</h1><ul>{items}</ul>' \
           "</section>"


CSS = """
@page { size: A4; margin: 22mm 20mm 22mm 25mm;
        @bottom-center { content: counter(page); font: 10pt DocSans; }
        @top-right { content: string(field); font: 9pt DocSans; color: #555; } }
@page cover { margin: 0; @bottom-center { content: none; } @top-right { content: none; } }
@page index { @top-right { content: none; } }
.index { page: index; string-set: field ""; }
.km, .name-km { font-family: DocKhmer; }
.name-km { font-size: 16pt; color: #7a1f1f; margin: 0 0 2pt; }
.ph { height: 70mm; margin: 0 0 8pt; display: flex; align-items: center;
      justify-content: center; color: #fff; font-family: DocSans; font-weight: bold;
      font-size: 54pt; letter-spacing: 2pt; border-bottom: 3pt solid #d9a520;
      background: linear-gradient(135deg, #7a1f1f 0%, #5a120c 100%); }
body { font-family: DocSerif; font-size: 12pt; line-height: 1.45; margin: 0; }
h1, h2, h3, .kind, .field-name, .cover { font-family: DocSans; }
.cover { page: cover; height: 297mm; background: #7a1f1f; color: #fff; text-align: center;
         padding: 40mm 20mm 0; box-sizing: border-box; }
.cover .issuer { font-size: 13pt; letter-spacing: 0.5pt; }
.cover .title { font-size: 30pt; font-weight: bold; margin: 60mm 0 8mm; line-height: 1.25; }
.cover .span { font-size: 18pt; } .cover .place { margin-top: 80mm; font-size: 13pt; }
section { page-break-before: always; }
.foreword .fill { background: #fff3a0; font-style: italic; border: 0.8pt dashed #777;
                  padding: 6pt; }
.toc ul, .index ul { list-style: none; padding: 0; }
.toc li.field { font-family: DocSans; font-weight: bold; margin-top: 8pt; }
.toc li.lead { font-family: DocSans; margin-top: 8pt; }
.toc a, .index a { color: inherit; text-decoration: none; }
.toc a::after, .index a::after { content: leader('.') target-counter(attr(href), page); }
.index ul ul { margin: 2pt 0 6pt 12pt; }
.profile .field-name { string-set: field content(); font-size: 9pt; color: #7a1f1f;
                       letter-spacing: 0.3pt; }
.profile h2 { font-size: 22pt; margin: 4pt 0 2pt; color: #7a1f1f; }
.profile .kind { font-size: 11pt; color: #444; margin-bottom: 8pt; }
figure { margin: 0 0 8pt; text-align: center; }
figure img { max-width: 100%; max-height: 95mm; }
figcaption { font-size: 9pt; color: #555; font-style: italic; }
.summary { font-size: 13pt; font-style: italic; margin: 6pt 0 8pt; }
table.facts { border-collapse: collapse; width: 100%; font-size: 11pt; margin-bottom: 6pt; }
table.facts th { text-align: left; width: 32%; padding: 1pt 6pt 1pt 0; font-weight: normal;
                 color: #555; vertical-align: top; }
h3 { font-size: 12pt; margin: 8pt 0 2pt; color: #7a1f1f; }
ul { margin: 0; padding-left: 14pt; }
"""


def _khmer_css() -> str:
    """The shipped Khmer font, for ``name_km`` (and any Khmer a name holds)."""
    return "".join(
        f'@font-face {{ font-family: "DocKhmer"; font-weight: {w}; '
        f'src: url("file://{os.path.join(FONTS, f"NotoSansKhmer-{n}.ttf")}"); }}\n'
        for w, n in (("normal", "Regular"), ("bold", "Bold")))


def to_html(b: Book, root: str) -> str:
    pub = b.publisher
    place = f"{pub.place}, {b.today.year}" if pub.place else str(b.today.year)
    parent = f"<div class='issuer'>{_e(upper(pub.parent))}</div>" if pub.parent else ""
    cover = f"""<div class="cover">{parent}<div class="issuer"><b>{_e(upper(pub.name))}</b></div>
<div class="title">{_e(upper(b.column))}</div><div class="span">Giai đoạn {b.span}</div>
<div class="place">{_e(place)}</div></div>"""
    foreword = f"""<section class="foreword" id="loi-noi-dau"><h1>Lời nói đầu</h1>
<p class="fill">[Cần bổ sung: Lời nói đầu của Giám đốc {_e(pub.name)}: ý nghĩa của việc phát
hiện, bồi dưỡng, xây dựng và nhân rộng các gương điển hình tiên tiến giai đoạn {b.span};
cảm ơn các đơn vị, cá nhân, tập thể, hộ gia đình.]</p>
<p>Cuốn sách giới thiệu {len(b.entries)} gương điển hình tiên tiến được công bố trên chuyên mục
trong giai đoạn {b.span}, sắp xếp theo lĩnh vực của kế hoạch.</p></section>"""
    pages = "".join(_page(e, root) for e in b.entries)
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{_e(b.column)} - Giai đoạn {b.span}</title>
<style>{font_css()}{_khmer_css()}{CSS}</style></head><body>{cover}{foreword}{_toc(b)}{pages}{_index(b)}
</body></html>"""


def write(b: Book, root: str) -> bytes:
    return render(to_html(b, root), f"{b.column} - Giai đoạn {b.span}", b.today)
