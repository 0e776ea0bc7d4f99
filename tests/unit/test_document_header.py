"""The header's names (Decree 30/2020/NĐ-CP): each line a whole phrase, in its column."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO
from showcase.context import read_mkdocs_yml
from showcase.plan.documents.layout import (
    LEFT_MM,
    NAME_PT,
    TEXT_MM,
    measure,
    phrase_lines,
    short_issuer,
)

NAME = measure(NAME_PT)
BOLD = measure(NAME_PT, bold=True)


def _names() -> list[str]:
    """Every body a document can be headed by: the publishers, their governing
    bodies, the units, and the district People's Committees."""
    _, options = read_mkdocs_yml(str(REPO / "mkdocs.yml"))
    units = yaml.safe_load((REPO / "profiles" / "units.yml").read_text("utf-8"))["units"]
    names = [n for p in options.publishers for n in (p.name, p.parent)]
    names += [u["name"] for u in units]
    names += [u["name"].replace("Phòng Văn hóa và Thông tin", "Ủy ban nhân dân")
              for u in units if u["group"] == "district"]
    return names


@pytest.mark.parametrize("name", _names())
def test_every_configured_name_fits_its_column(name: str) -> None:
    for m in (NAME, BOLD):
        lines = phrase_lines(name, LEFT_MM, m, caps=True)
        assert " ".join(lines) == name.upper()
        assert all(m(line) <= LEFT_MM for line in lines), lines


@pytest.mark.parametrize(("parent", "issuer", "lines"), [
    ("Ủy ban nhân dân tỉnh Sóc Trăng", "Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng",
     (("ỦY BAN NHÂN DÂN", "TỈNH SÓC TRĂNG"), ("SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"))),
    ("Ủy ban nhân dân thị xã Vĩnh Châu", "Phòng Văn hóa và Thông tin thị xã Vĩnh Châu",
     (("ỦY BAN NHÂN DÂN", "THỊ XÃ VĨNH CHÂU"), ("PHÒNG VĂN HÓA VÀ THÔNG TIN",))),
    ("Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng",
     "Trung tâm Văn hóa - Nghệ thuật tỉnh Sóc Trăng",
     (("SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH TỈNH SÓC TRĂNG"),
      ("TRUNG TÂM", "VĂN HÓA - NGHỆ THUẬT"))),
    ("Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng", "Đoàn Nghệ thuật Khmer Ánh Bình Minh",
     (("SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH TỈNH SÓC TRĂNG"),
      ("ĐOÀN NGHỆ THUẬT", "KHMER ÁNH BÌNH MINH"))),
    ("Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ",
     "Trung tâm Huấn luyện và Thi đấu thể dục thể thao tỉnh Sóc Trăng",
     (("SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH THÀNH PHỐ CẦN THƠ"),
      ("TRUNG TÂM HUẤN LUYỆN", "VÀ THI ĐẤU THỂ DỤC THỂ THAO", "TỈNH SÓC TRĂNG"))),
])
def test_header_lines_break_between_phrases(parent: str, issuer: str,
                                            lines: tuple[tuple[str, ...], ...]) -> None:
    """The governing body names the locality; the issuing body under it does not
    repeat it (as the decree's samples); a line never ends inside a word group."""
    got = (phrase_lines(parent, LEFT_MM, NAME, caps=True),
           phrase_lines(short_issuer(issuer, parent), LEFT_MM, BOLD, caps=True))
    assert got == lines


def test_short_issuer_keeps_a_different_locality() -> None:
    assert short_issuer("Phòng Văn hóa và Thông tin thị xã Vĩnh Châu",
                        "Ủy ban nhân dân thị xã Ngã Năm") == (
        "Phòng Văn hóa và Thông tin thị xã Vĩnh Châu")
    assert short_issuer("Phòng Tổ chức - Pháp chế", "Sở Văn hóa, Thể thao và Du lịch") == (
        "Phòng Tổ chức - Pháp chế")


def test_kinh_gui_breaks_before_the_locality() -> None:
    text = "Kính gửi: Giám đốc Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ"
    assert phrase_lines(text, TEXT_MM, measure(14)) == (text,)
    assert phrase_lines(text, 120, measure(14)) == (
        "Kính gửi: Giám đốc Sở Văn hóa, Thể thao và Du lịch", "thành phố Cần Thơ")


WORDS = st.sampled_from(["Ủy", "ban", "nhân", "dân", "tỉnh", "thành", "phố", "thị", "xã", "và",
                         "Sở", "Văn", "hóa,", "Trung", "tâm", "Phòng", "(Phòng", "Khmer",
                         "Ánh", "Bình", "Minh", "huyện", "Cù", "Lao", "Dung", "Kính", "gửi:"])


@given(st.lists(WORDS, min_size=1, max_size=16), st.floats(20, 170), st.booleans())
def test_lines_keep_every_word_and_fit(words: list[str], max_mm: float, caps: bool) -> None:
    """Whatever the name: nothing lost or reordered; every line of two words or more fits."""
    text = " ".join(words)
    lines = phrase_lines(text, max_mm, BOLD, caps=caps)
    assert " ".join(lines) == (text.upper() if caps else text)
    assert all(BOLD(line) <= max_mm or " " not in line for line in lines)
