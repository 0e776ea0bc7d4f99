"""Invisible characters: classified, never echoed, and blank fields seen as blank."""

from __future__ import annotations

import pytest

from showcase.content import chars
from showcase.content.diagnostics import Diagnostic
from showcase.options import Options, OptionsError


@pytest.mark.parametrize(
    ("ch", "kind", "code"),
    [("\x00", "control", "SC045"), ("\x07", "control", "SC045"), ("\x1b", "control", "SC045"),
     ("\x7f", "control", "SC045"), ("\x85", "control", "SC045"), ("\x9b", "control", "SC045"),
     ("\u2028", "control", "SC045"), ("\ufffe", "control", "SC045"),
     ("\u202e", "bidi", "SC046"), ("\u202a", "bidi", "SC046"), ("\u2067", "bidi", "SC046"),
     ("\u200f", "bidi", "SC046"), ("\u061c", "bidi", "SC046"), ("\U000e0041", "bidi", "SC046")],
)
def test_forbidden_characters(ch, kind, code):
    assert chars.FORBIDDEN.fullmatch(ch) and chars.kind(ch) == kind
    got, message, hint = chars.problem(ch, chars.excerpt(f"ab{ch}cd", 2))
    assert got == code and f"U+{ord(ch):04X}" in message and hint
    assert ch not in message


@pytest.mark.parametrize("ch", ["\t", "\n", "\u200b", "\u200c", "\u200d", "\u00ad", "đ", "ơ",
                                "\u17d2", "\u0301"])
def test_allowed_characters(ch):
    assert not chars.FORBIDDEN.search(ch)


@pytest.mark.parametrize("text", ["", " ", "\u200b\u200c\u200d", "\u2060\ufeff", "\u3164\u00a0",
                                  "\u2800 \u115f", "\u202e", "\t\u200b\n"])
def test_blank(text):
    assert chars.is_blank(text)


@pytest.mark.parametrize("text", ["A", "Nguyễn\u200dA", "ស", "0", "·"])
def test_not_blank(text):
    assert not chars.is_blank(text)


def test_visible_spells_out_only_what_is_invisible():
    assert chars.visible("Nguyễn Văn A – Đ") == "Nguyễn Văn A – Đ"
    assert chars.visible("a\x1b[31mb\u202ec\u200bd") == "a<U+001B>[31mb<U+202E>c<U+200B>d"
    # A file name that is not UTF-8, as os.scandir gives it: printable in UTF-8.
    name = b"2024-\xff.md".decode("utf-8", "surrogateescape")
    assert chars.visible(name) == "2024-<U+DCFF>.md"
    chars.visible(name).encode("utf-8")


def test_diagnostics_never_carry_control_characters():
    d = Diagnostic("profiles/x/2024-\u202egpj.md", 2, "na\x1bme", "SC045",
                   "Giá trị 'A\x07B\x00'", "Xóa\u2066 ký tự")
    for line in (d.text(), d.github()):
        assert not chars.FORBIDDEN.search(line), line
        assert "<U+202E>" in line and "<U+001B>" in line and "<U+0007>" in line


def test_official_email_domains_option():
    assert Options().official_email_domains == ()
    o = Options.from_mapping({"official_email_domains": ["*.gov.vn", "SocTrang.gov.vn "]})
    assert o.official_email_domains == ("*.gov.vn", "soctrang.gov.vn")
    for bad in ("*.gov.vn", ["gmail"], ["*gov.vn"], ["a b.vn"], [1]):
        with pytest.raises(OptionsError, match="official_email_domains|Tên miền"):
            Options.from_mapping({"official_email_domains": bad})
