"""The template of `showcase new`: names round-trip, the file always parses."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from showcase.content import frontmatter, legacy, yamltree
from showcase.content.diagnostics import Collector
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.workflow import scaffold

# Printable text as people type it: letters, digits, punctuation, spaces (no
# format characters, unassigned code points or noncharacters: the check refuses
# them, SC046).
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Cn", "Co", "Zl", "Zp")),
               min_size=1, max_size=60).map(str.strip).filter(bool)


@given(TEXT)
def test_yaml_text_reads_back_exactly(value):
    root = yamltree.parse(f"name: {scaffold.yaml_text(value)}\n").root
    assert isinstance(root, yamltree.Map)
    node = root.get("name")
    assert isinstance(node, yamltree.Scalar) and node.text == value


@pytest.mark.parametrize(
    ("value", "plain"),
    [("Nguyễn Văn A", True), ("no", False), ("010", False), ("2024-05-20", False),
     ("A: B", False), ("A #1", False), ("- A", False), ("[A]", False), ("*A", False),
     ("Hộ ông Lê Văn C (ấp 3)", True)],
)
def test_plain_only_when_yaml_reads_it_as_written(value, plain):
    assert (scaffold.yaml_text(value) == value) is plain


# Invisible format characters (Cf) are refused by the check itself (SC046), on purpose;
# so are words that read as Vietnamese typed in a legacy encoding (SC120, 'BÜ' = 'Bĩ').
NAME = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cf")), min_size=1,
               max_size=60).map(str.strip).filter(bool).filter(lambda n: legacy.find(n) is None)


@given(NAME, st.sampled_from(sorted(KINDS)), st.sampled_from(sorted(FIELDS)),
       st.lists(st.sampled_from(sorted(SECTORS)), unique=True, max_size=4))
def test_rendered_file_always_splits(name, kind, fld, sectors):
    text = scaffold.render(scaffold.Draft(
        "vhtt-a", "Phòng Văn hóa và Thông tin huyện A", name, kind, fld, tuple(sectors),
        dt.date(2026, 11, 24), dt.date(2026, 11, 24)))
    out = Collector()
    doc = frontmatter.split(text, "p.md", out)
    assert doc is not None and not out.items
    assert set(doc.meta.entries) >= {"name", "kind", "field", "sectors", "introduced", "summary"}
