"""Vietnamese words for the closed vocabularies, normalised to the codes."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import PROFILE, PROFILE_PATH
from showcase.content import corpus
from showcase.content.vocab import FIELDS, KINDS, SECTORS, resolve


@pytest.mark.parametrize("text,terms,expected", [
    ("individual", KINDS, "individual"), ("cá nhân", KINDS, "individual"),
    ("CA NHAN", KINDS, "individual"), ("Tập thể", KINDS, "collective"),
    ("ho gia dinh", KINDS, "household"), ("b", FIELDS, "culture-arts-sports"),
    ("B)", FIELDS, "culture-arts-sports"), ("d", FIELDS, "social-life"),
    ("đ", FIELDS, "provincial-emulation"), ("Đ", FIELDS, "provincial-emulation"),
    ("đời sống xã hội", FIELDS, "social-life"), ("văn hóa", SECTORS, "culture"),
    ("Thể dục, thể thao", SECTORS, "sports"), ("the thao", SECTORS, "sports"),
    ("du-lich", SECTORS, "tourism"),
    ("văn hóa", FIELDS, None), ("sport", SECTORS, None), ("", KINDS, None),
])
def test_resolve(text: str, terms, expected) -> None:
    assert resolve(text, terms) == expected


def test_the_model_holds_the_codes(mini_repo) -> None:
    path = mini_repo / PROFILE_PATH
    path.write_text(PROFILE.replace("kind: individual", "kind: hộ gia đình")
                    .replace("field: culture-arts-sports", "field: đ")
                    .replace("sectors: [culture, family]", "sectors: [du lịch, văn hóa]"),
                    encoding="utf-8")
    c = corpus.load(str(mini_repo), dt.date(2026, 11, 24))
    assert c.ok, [d.text() for d in c.diagnostics.errors]
    (p,) = c.profiles
    assert (p.kind, p.field, p.sectors) == ("household", "provincial-emulation",
                                            ("tourism", "culture"))
