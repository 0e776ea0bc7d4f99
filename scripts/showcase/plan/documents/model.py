"""An administrative document as typed blocks, independent of the file format.

The parts follow Decree 30/2020/NĐ-CP (Appendix I): governing body and
issuing body, number and symbol, national motto and slogan, place and
date, document type and subject, "Kính gửi", body, recipients ("Nơi
nhận"), signer. Parts the author must still write are :class:`Blank`
blocks or text between :data:`OPEN` and :data:`CLOSE`, shown highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SLOGAN = "Độc lập - Tự do - Hạnh phúc"
OPEN, CLOSE = "[", "]"  # around a fill-in field in running text


@dataclass(frozen=True)
class Heading:
    text: str  # "I. KẾT QUẢ THỰC HIỆN", "1. Tình hình chung"
    level: int = 1


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # relative widths, one per column
    numeric: tuple[int, ...] = ()  # columns aligned right
    total: tuple[str, ...] | None = None  # a last, bold row


@dataclass(frozen=True)
class Blank:
    """A section the author writes: what to write, shown as a highlighted field."""

    prompt: str
    lines: int = 3


Block = Heading | Para | Bullets | Table | Blank


@dataclass(frozen=True)
class Document:
    parent: str  # governing body, upper case in print ("" if none)
    issuer: str  # the body that issues the document
    number: str  # "Số:        /BC-SVHTTDL" (left to fill)
    place_date: str  # "Cần Thơ, ngày      tháng      năm 2026"
    kind: str  # "BÁO CÁO", "TỜ TRÌNH"
    subject: str  # trích yếu
    to: tuple[str, ...]  # Kính gửi
    body: tuple[Block, ...]
    recipients: tuple[str, ...]  # Nơi nhận
    signer_title: str  # "GIÁM ĐỐC"
    signer_name: str  # a fill-in field unless known
    address: str = ""  # issuer's address, at the foot
    title: str = ""  # file metadata title
    landscape_tables: bool = False


def blank(text: str) -> str:
    """A fill-in field inside running text: '[Họ và tên người ký]'."""
    return f"{OPEN}{text}{CLOSE}"


def upper(text: str) -> str:
    """Upper case that keeps Vietnamese letters right ('đ' -> 'Đ')."""
    return text.upper()
