"""The browser's search (assets/search.js) run in Node, without a browser: the same
folding and syllables as Python on the same generated strings, and the ranking on an
index Python writes (tests/js/, Node's own test runner)."""

from __future__ import annotations

import json
import os
import pathlib
import random
import shutil
import subprocess
import unicodedata

import pytest

from conftest import REPO
from showcase.content.text import fold, fold_rule
from showcase.publish.search import bundle
from showcase.publish.search.records import Facets, IndexPlan, RecordKind, SearchRecord
from showcase.publish.search.words import lower, syllables

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed (make browser-deps)")
SEARCH_JS = REPO / "scripts" / "showcase" / "assets" / "search.js"

VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền sắc hỏi ngã nặng
# The same syllables in both tone-placement conventions (old "hòa", new "hoà").
TONE_PLACES = (("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("hóa", "hoá"),
               ("lòa", "loà"), ("tùy", "tuỳ"), ("quý", "qúy"), ("Hòa", "Hoà"))
KHMER = ("ថាច់ ធី សារឿន", "ស្រី", "ខ្មែរ", "ព្រះ", "សុខ សាន្ត", "ចន្ទ", "ឧកញ៉ា")
MIXED = ("Nguyễn Văn A, (Trần Thị B) — “Hộ gia đình ông Lê Văn C”; 2025/12!",
         "ĐƯỜNG-ĐỜI…đồng_bằng «sông» Cửu Long: 12,5%", "e-mail: a.b@x.gov.vn, tel. 0299",
         "Chuyển đổi số\tvà\nđời sống 😀 👨‍👩‍👧 🇻🇳", "x\u0301 q\u0323\u0302 i\u0307 İ ΣΟΦΊΑ й Ё",
         "≠ ≮ ǅ ﬁ ½ ² ⅷ ①")


def vietnamese_letters() -> list[str]:
    """Every Vietnamese letter, both cases, precomposed and decomposed."""
    out = ["đ", "Đ", *"bcdghklmnpqrstvx"]
    for v in VOWELS:
        for tone in TONES:
            letter = unicodedata.normalize("NFC", v + tone)
            out += [letter, letter.upper()]
    return out + [unicodedata.normalize("NFD", s) for s in out]


def generated() -> list[str]:
    letters = vietnamese_letters()
    pairs = [s for pair in TONE_PLACES for s in pair]
    rnd = random.Random(24)
    pool = [*letters, *"".join(KHMER), *" ,.;:!?()-–—“”'\"/_\t\n0123456789", "\u0301",
            "\u0323", "\u17d2", "😀", "🇻🇳"]
    randoms = ["".join(rnd.choice(pool) for _ in range(rnd.randint(1, 24))) for _ in range(600)]
    # every character up to U+2FFF alone (Latin, Greek, Cyrillic, Khmer, symbols)
    # (characters newer than this Python's Unicode database are left out: Node's is newer)
    singles = [chr(c) for c in range(0x20, 0x3000) if unicodedata.category(chr(c)) != "Cn"]
    words = [unicodedata.normalize(form, s) for s in (*pairs, *KHMER, *MIXED)
             for form in ("NFC", "NFD")]
    return letters + words + randoms + singles


def _node(script: str, data: object) -> object:
    assert NODE is not None
    done = subprocess.run([NODE, "-e", script], input=json.dumps(data), capture_output=True,
                          text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_python_and_javascript_fold_and_split_alike():
    strings = generated()
    js = _node(
        f"const s = require({json.dumps(str(SEARCH_JS))});"
        "const got = JSON.parse(require('fs').readFileSync(0, 'utf8')).map(x => "
        "[s.fold(x), s.fold(s.lower(x)), s.syllables(x), s.analyse(x).f]);"
        "process.stdout.write(JSON.stringify(got));", strings)
    assert isinstance(js, list)
    differ = []
    for x, (j_fold, j_key, j_syl, j_keys) in zip(strings, js, strict=True):
        nfc = unicodedata.normalize("NFC", x)
        py = [fold(nfc), fold(lower(x)), syllables(x), [fold(w) for w in syllables(x)]]
        if py != [j_fold, j_key, j_syl, j_keys]:
            differ.append((x, py, [j_fold, j_key, j_syl, j_keys]))
    assert not differ, differ[:10]


def test_the_fold_is_the_rule_on_every_code_point():
    bad = [c for c in range(0x110000) if not 0xD800 <= c < 0xE000
           and fold(unicodedata.normalize("NFC", chr(c))) != fold_rule(chr(c))]
    assert not bad, [hex(c) for c in bad[:20]]


def test_both_tone_placements_and_both_normal_forms_fold_alike():
    for old, new in TONE_PLACES:
        assert fold(lower(old)) == fold(lower(new))
        assert fold(lower(unicodedata.normalize("NFD", old))) == fold(lower(old))
    assert fold("Đường HÒA Thuỷ") == "Duong HOA Thuy"
    assert fold("ថាច់ ធី សារឿន") == "ថាច់ ធី សារឿន"  # Khmer has no marks of U+0300-U+036F
    # a Khmer syllable keeps its vowel signs and subscripts
    assert syllables("ថាច់ ធី សារឿន, ស្ត្រី") == ["ថាច់", "ធី", "សារឿន", "ស្ត្រី"]


# The index the JavaScript tests (tests/js/search.test.js) rank on: placeholder
# people, with the collisions the ranking rules are about.
def _facets(kind: str, year: str, unit: str = "Phòng Văn hóa và Thông tin huyện A") -> Facets:
    return Facets(field="Văn hóa", sectors=("Gia đình",), unit=unit, kind=kind, year=year)


def index_records() -> tuple[SearchRecord, ...]:
    def profile(slug: str, title: str, text: str, kind: str = "Cá nhân", year: str = "2024",
                date: str = "2024-05-01") -> SearchRecord:
        return SearchRecord(url=f"ho-so/{slug}/", kind=RecordKind.PROFILE, title=title,
                            lead=text[:60], text=(text,), story=(), facets=_facets(kind, year),
                            date=date)

    return (
        SearchRecord(url="linh-vuc/van-hoa/", kind=RecordKind.LISTING, title="Văn hóa",
                     lead="Danh sách", text=("Các gương điển hình lĩnh vực văn hóa",)),
        # a hand-written page with a profile's very name: never above the profile
        SearchRecord(url="gioi-thieu/", kind=RecordKind.GUIDE, title="Trần Thị B",
                     lead="Chuyên mục",
                     text=("Chuyên mục giới thiệu bà Trần Thị B; Trần Thị B ở xã",)),
        profile("nguyen-van-a", "Nguyễn Văn A", "Ông gìn giữ đờn ca tài tử ở ấp, đường làng",
                date="2023-01-10", year="2023"),
        profile("tran-thi-b", "Trần Thị B", "Bà dẫn đầu phong trào chuyển đổi số ở xã",
                date="2023-06-01", year="2023"),
        profile("le-van-c", "Hộ gia đình ông Lê Văn C",
                # the words of "chuyển đổi số", twice each, never side by side
                "Chuyển nhà về ấp, đổi mới đời sống, chuyển giao nghề, đổi giống lúa, "
                "số hộ khá, số sách; ថាច់ ធី សារឿន",
                kind="Hộ gia đình", date="2024-02-01"),
        profile("lam-hong-son", "Lâm Hồng Sơn", "Thầy Sơn dạy học trên đường Dương Minh Châu",
                date="2024-03-01"),
        profile("pham-thi-d", "Phạm Thị D", "Cô Dương hòa giải ở ấp, gương sáng hiếu học; ថិច ធូ",
                kind="Tập thể", date="2025-04-01", year="2025"),
    )


def test_search_js_ranks_an_index_python_wrote(tmp_path):
    site = tmp_path / "site"
    bundle.forget()
    bundle.write(IndexPlan(index_records()), str(site))
    env = {**os.environ, "SC_SEARCH_INDEX": str(site / "tim-kiem")}
    assert NODE is not None
    tests = sorted(str(p) for p in (REPO / "tests" / "js").glob("*.test.js"))
    assert tests
    done = subprocess.run([NODE, "--test", *tests], env=env, capture_output=True, text=True,
                          check=False, timeout=120, cwd=pathlib.Path(REPO))
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "# skipped 0" in done.stdout, done.stdout[-2000:]
