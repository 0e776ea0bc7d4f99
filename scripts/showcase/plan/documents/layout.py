"""The geometry both writers share (Decree 30/2020/NĐ-CP, Appendix I).

Sizes, the header's two columns, and the lines of the names in it: a name
that does not fit its column is broken at a phrase boundary chosen here (before
the locality, before "và", after a comma, after the kind of body), never inside
a word group, and the Word file and the PDF get the same lines. The rules' lengths
follow the decree: under the issuing body and under the subject, between a
third and a half of the line above (0.4 here); under the motto, as long as it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from showcase.plan.documents.fonts import width
from showcase.plan.documents.model import SLOGAN, Block, Document, Heading, Table, upper

TEXT_MM = 165.0  # A4 less the 30 mm and 15 mm margins
LEFT_MM, RIGHT_MM = 75.0, 90.0  # the header's columns: the national title needs 88.3 mm
NAME_PT = 12  # governing body, issuing body (upright; the issuer bold)
MOTTO_PT, SLOGAN_PT = 12, 13  # national title, motto (both bold)
NUMBER_PT = 13
BODY_PT = 14  # place and date, type, subject, "Kính gửi", text, signer
RECIPIENTS_MM, RECIPIENTS_PT = 80.0, 11  # "Nơi nhận", left of the signer
RULE_SHARE = 0.4  # rule under the issuer and under the subject: 1/3 to 1/2 of the line
_SLACK_MM = 1.0  # kept free in every measured line (rounding, another renderer)
PT_MM = 25.4 / 72

_LOCALITY_1 = {"tỉnh", "huyện", "quận", "phường", "xã"}
_LOCALITY_2 = {"thành phố", "thị xã", "thị trấn"}
_BODIES = ("ủy ban nhân dân", "trung tâm", "phòng", "sở", "đoàn", "thư viện", "bảo tàng",
           "văn phòng", "thanh tra", "ban")

Measure = Callable[[str], float]  # text -> width in mm


def _locality_at(words: list[str], i: int) -> bool:
    w = words[i].lower()
    pair = " ".join(words[i:i + 2]).lower()
    return pair in _LOCALITY_2 or (w in _LOCALITY_1 and not (
        w == "xã" and i and words[i - 1].lower() == "thị"))


def _boundaries(words: list[str]) -> list[set[int]]:
    """Break points (index of the word a line may start with), finest last."""
    locality = {i for i in range(1, len(words)) if _locality_at(words, i)}
    locality |= {i for i in range(1, len(words)) if words[i - 1].endswith(":")}
    phrase = locality | {i for i in range(1, len(words)) if words[i].lower() == "và"
                         or words[i - 1].endswith(",") or words[i].startswith("(")}
    lower = " ".join(words).lower()
    body = next((len(b.split()) for b in _BODIES if lower.startswith(b + " ")), 0)
    kind = phrase | ({body} if body else set())
    # Inside a proper name ('Khmer Ánh Bình Minh': capitalised words) only as a last resort.
    names = {i for i in range(1, len(words))
             if not (words[i][:1].isupper() and words[i - 1][:1].isupper())}
    return [locality, phrase, kind, kind | names, set(range(1, len(words)))]


def _pack(words: list[str], breaks: set[int], fits: Callable[[str], bool]) -> list[str]:
    """Greedy: each line takes as many groups as fit (a group alone may not fit)."""
    cuts = sorted(breaks | {len(words)})
    lines, start = [], 0
    while start < len(words):
        ends = [c for c in cuts if c > start]
        end = ends[0]
        for c in ends[1:]:
            if fits(" ".join(words[start:c])):
                end = c
        lines.append(" ".join(words[start:end]))
        start = end
    return lines


def phrase_lines(text: str, max_mm: float, measure: Measure,
                 caps: bool = False) -> tuple[str, ...]:
    """``text`` (upper case in print with ``caps``) in lines no wider than ``max_mm``,
    broken at the coarsest phrase boundaries that make every line fit (a word wider
    than the column stays whole)."""
    words = text.split()
    if not words:
        return ()

    def fits(line: str) -> bool:
        return measure(upper(line) if caps else line) <= max_mm - _SLACK_MM

    lines: list[str] = []
    for breaks in _boundaries(words):
        lines = _pack(words, breaks, fits)
        if all(fits(line) for line in lines):
            break
    return tuple(upper(line) for line in lines) if caps else tuple(lines)


def measure(size: float, bold: bool = False) -> Measure:
    """Width in mm of a text set in the documents' serif."""
    return lambda text: width(text, size, bold) * PT_MM


def _locality(name: str) -> str:
    words = name.split()
    starts = [i for i in range(1, len(words)) if _locality_at(words, i)]
    return " ".join(words[starts[-1]:]) if starts else ""


def short_issuer(issuer: str, parent: str) -> str:
    """The issuing body without the locality its governing body already names:
    'Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng' under 'Ủy ban nhân dân tỉnh
    Sóc Trăng' is 'Sở Văn hóa, Thể thao và Du lịch' (as the decree's samples)."""
    place = _locality(parent)
    if place and issuer.lower().endswith(" " + place.lower()):
        return issuer[: -len(place) - 1].rstrip()
    return issuer


@dataclass(frozen=True)
class Head:
    """The measured parts of a document's first page."""

    parent: tuple[str, ...]  # lines of the governing body, upper case
    issuer: tuple[str, ...]  # lines of the issuing body, upper case
    issuer_rule_mm: float
    slogan_rule_mm: float
    subject_rule_mm: float
    to: tuple[str, ...]  # the lines of "Kính gửi"
    recipients: tuple[tuple[str, ...], ...]  # the lines of each "- ..." of "Nơi nhận"


def head(d: Document) -> Head:
    name = measure(NAME_PT)
    bold = measure(NAME_PT, bold=True)
    parent = phrase_lines(d.parent, LEFT_MM, name, caps=True) if d.parent else ()
    issuer = phrase_lines(short_issuer(d.issuer, d.parent) if d.parent else d.issuer,
                          LEFT_MM, bold, caps=True)
    body = measure(BODY_PT)
    if len(d.to) == 1:
        to = phrase_lines(f"Kính gửi: {d.to[0]}", TEXT_MM, body)
    else:
        to = ("Kính gửi:", *[line for t in d.to for line in phrase_lines(f"- {t};", TEXT_MM,
                                                                          body)])
    subject = min(measure(BODY_PT, bold=True)(d.subject), TEXT_MM)
    small = measure(RECIPIENTS_PT)
    recipients = tuple(phrase_lines(f"- {r}", RECIPIENTS_MM, small) for r in d.recipients)
    return Head(parent, issuer, RULE_SHARE * max(map(bold, issuer), default=0),
                measure(SLOGAN_PT, bold=True)(SLOGAN), RULE_SHARE * subject, to, recipients)


def closing_start(body: tuple[Block, ...]) -> int:
    """Index of the first block kept on the page of the signature: the last block
    (with its heading), so that the signature never stands alone on a page. A
    table is never held back (it may be longer than a page): the signature then
    keeps the paragraph after it, which every document has."""
    start = len(body)
    if body and not isinstance(body[-1], Table | Heading):
        start -= 1
        if start and isinstance(body[start - 1], Heading):
            start -= 1
    return start
