"""Vietnamese typed in a legacy encoding (VNI Windows, TCVN3, UTF-8 read twice, VIQR)."""

from __future__ import annotations

import pathlib
import re
import unicodedata

import pytest

from conftest import REPO
from showcase.content import legacy, syllables

_WORDS = ("Nguyễn", "Văn", "Kiểm", "Người", "giữ", "lửa", "võ", "cổ", "truyền", "của", "ấp",
          "được", "Đức", "khuya", "hoà", "thuý", "quốc", "Trường", "nghiệp", "Hưởng")


def test_there_are_134_letters() -> None:
    assert len(legacy.LETTERS) == 134 == len(set(legacy.LETTERS))
    assert all(unicodedata.is_normalized("NFC", ch) for ch in legacy.LETTERS)


@pytest.mark.parametrize("letter", legacy.LETTERS)
def test_vni_round_trip(letter: str) -> None:
    assert legacy.vni_decode(legacy.VNI[letter]) == letter


@pytest.mark.parametrize("letter", legacy.LETTERS)
def test_tcvn3_round_trip(letter: str) -> None:
    code = legacy.TCVN3[letter]
    assert len(code) == 1
    if letter.islower() or letter in "ĂÂÊÔƠƯĐ":
        assert legacy.tcvn3_decode(code) == letter
    else:  # no code of its own: the lowercase one, drawn as a capital by .VnTimeH fonts
        assert legacy.tcvn3_decode(code) == letter.lower()
        assert legacy.tcvn3_decode("NG" + code + "N") == "NG" + letter + "N"


@pytest.mark.parametrize("letter", legacy.LETTERS)
def test_utf8_read_twice_round_trip(letter: str) -> None:
    mangled = letter.encode("utf-8").decode("cp1252", "replace")
    if "\ufffd" in mangled:  # the bytes Windows-1252 leaves out, read as Latin-1
        mangled = letter.encode("utf-8").decode("latin-1")
    assert legacy.utf8_decode(mangled) == letter
    f = legacy.find(f"Nguy{mangled}n")
    assert f is not None and f.table == "utf8" and f.fixed == f"Nguy{letter}n"


def _vni(text: str) -> str:
    return "".join(legacy.VNI.get(ch, ch) for ch in text)


def _tcvn3(text: str) -> str:
    return "".join(legacy.TCVN3.get(ch, ch) for ch in text)


@pytest.mark.parametrize("word", _WORDS)
def test_words_in_each_table_are_found_and_decoded(word: str) -> None:
    line = f"Ông {word} ở ấp"
    for table, encode in (("vni", _vni), ("tcvn3", _tcvn3)):
        f = legacy.find(encode(line))
        assert f is not None and f.table == table, (table, encode(line))
        assert f.fixed in (line, line.replace(word, word.lower())), f.fixed


@pytest.mark.parametrize("text, table, fixed", [
    ("Nguyeãn Vaên Kieåm", "vni", "Nguyễn Văn Kiểm"),
    ("NGUYEÃN VAÊN KIEÅM", "vni", "NGUYỄN VĂN KIỂM"),
    ("ñoäi vaên ngheä xaõ Vónh Haûi", "vni", "đội văn nghệ xã Vĩnh Hải"),
    ("Ng\u00adêi gi÷ löa vâ cæ truyÒn cña Êp", "tcvn3", "Người giữ lửa võ cổ truyền của ấp"),
    ("§éi v¨n nghÖ Êp", "tcvn3", "Đội văn nghệ ấp"),
    ("NguyÃªn VÄƒn A", "utf8", "Nguyên Văn A"),
    ("Nguye^~n Va(n Kie^?m", "viqr", "Nguyễn Văn Kiểm"),
    ("Ddo^`ng tha'p Mu+o+`i", "viqr", "Đồng tháp Mười"),
])
def test_examples(text: str, table: str, fixed: str) -> None:
    f = legacy.find(text)
    assert f is not None and (f.table, f.fixed) == (table, fixed)
    code, message, hint = legacy.message(f)
    assert code in ("SC120", "SC121") and fixed in message
    assert ("Unikey" if code == "SC120" else "UTF-8") in hint


@pytest.mark.parametrize("text", [
    "Ông Nguyễn Văn A là hạt nhân văn nghệ của ấp, hoà giải, khoẻ, thuý, quỳ, toả.",
    "José, Müller, Hélène, Bjørn, Ñuñoa, café, Köln, naïve, Zoë, Ångström",
    "Lễ hội Oóc Om Bóc, Chôl Chnăm Thmây, Sene Đôlta; dù kê, Rom vong, Lâm Thị Sà Rết",
    "Mã U+202E, C++, `video`, ~~gạch~~, A. B? 'x', 1/2, 3×4, 25°C, © Sở VHTTDL",
    "«Ê», “Ê”, Â·, ÔNG VÕ VĂN Ê, ĐƯỜNG ĐÔNG KHỞI",
])
def test_real_text_is_left_alone(text: str) -> None:
    assert legacy.find(text) is None


def _real_vietnamese() -> list[str]:
    """Every line of Vietnamese the project holds: profiles, guide, README, case files."""
    files = [*REPO.glob("profiles/**/*.md"), *REPO.glob("profiles/**/*.yml"),
             REPO / "HUONG-DAN-BIEN-TAP.md", REPO / "README.md",
             *REPO.glob("content/**/*.md"), *REPO.glob("tests/browser/extra_profiles/**/*.md")]
    out = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        # The guide's own examples of gibberish (its paragraph and table rows) are not real.
        text = re.sub(r"\*\*Chữ gõ bằng bảng mã cũ\.\*\*.*?\n\n", "", text, flags=re.DOTALL)
        out += [unicodedata.normalize("NFC", line) for line in text.split("\n")
                if not line.startswith(("| SC120 ", "| SC121 "))]
    return out


def test_no_false_positive_on_the_projects_vietnamese() -> None:
    lines = _real_vietnamese()
    assert len(lines) > 2000
    found = [(line, legacy.find(line)) for line in lines]
    assert [(line, f) for line, f in found if f] == []


def test_no_false_positive_on_every_syllable_spelt_both_ways() -> None:
    # Every tone on every rhyme after every initial the generated corpora use, in
    # both tone placements ('hoà'/'hòa'), in three cases.
    from bench import synth

    text = " ".join([*synth._TOPICS, synth._STORY])
    words = {w.strip(".,;:!?()'\"-") for w in text.split()}
    words |= {w.capitalize() for w in words} | {w.upper() for w in words}
    assert [w for w in sorted(words) if w and legacy.find(w)] == []


def test_the_syllable_rules() -> None:
    for word in ("Nguyễn", "khuya", "hoà", "hòa", "quốc", "giữ", "gì", "nghiêng", "ấp", "Đắk"):
        assert syllables.is_syllable(word), word
    for word in ("Vaên", "Nguyeãn", "êp", "ci", "vâ", "hoàà", "Ng\u00adêi"):
        assert not syllables.is_syllable(word), word


def test_lines_are_cheap_when_plain(tmp_path: pathlib.Path) -> None:
    assert legacy.find("name: Nguyen Van A") is None
    assert legacy.find("") is None
