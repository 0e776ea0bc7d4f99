"""The search benches' baselines (bench/baseline.py): plain MkDocs + Material sites the
bench makes itself from the records the real build plans, never through a switch in
the column's own code."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml

from bench import baseline
from conftest import copy_repo
from showcase.publish.search.records import RecordKind, SearchRecord

TODAY = dt.date(2026, 11, 24)


def test_folding():
    e = baseline.fold_entry({"title": "Lâm Hồng Sơn", "text": "<p>Thị xã Vĩnh Châu &amp; Đ</p>"})
    assert e["fold_title"] == "lam hong son"
    # Escaped like Material's own fields: the index holds text, never markup.
    assert e["fold_text"] == "thi xa vinh chau &amp; d"
    plain = baseline.fold_entry({"title": "Ha Noi", "text": "abc"})
    assert "fold_title" not in plain and "fold_text" not in plain
    assert "fold_text" not in baseline.fold_entry({"title": "x", "text": "<p>abc &amp; d</p>"})


@pytest.mark.parametrize("name", ["A & B <C>", "<script>alert(1)</script>", 'x" onload="y'])
def test_a_record_page_escapes_everything(name):
    text = baseline.page(SearchRecord("ho-so/x/", RecordKind.PROFILE, name, name, (name,),
                                      (name,)))
    _, head, body = text.split("---\n", 2)
    assert yaml.safe_load(head) == {"title": name}
    assert "<script" not in body and "<C>" not in body and 'onload="' not in body
    assert body.count("<p>") == 2


@pytest.mark.slow
def test_the_former_baseline_indexes_the_planned_records_at_our_urls(tmp_path):
    root = copy_repo(tmp_path / "repo", extra=True)
    out = tmp_path / "www" / "guong-dien-hinh"
    baseline.build(str(root), str(out), "former", "http://127.0.0.1:1/guong-dien-hinh/", TODAY)
    config = yaml.safe_load((tmp_path / "www" / "guong-dien-hinh-project" / "mkdocs.yml")
                            .read_text(encoding="utf-8"))
    assert "showcase" not in json.dumps(config)  # nothing of the column's code builds it
    docs = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_url = {d["location"]: d for d in docs["docs"]}
    assert by_url["ho-so/lam-hong-son/"]["fold_title"] == "lam hong son"
    assert "gioi-thieu/" in by_url  # a hand-written page, as it is
    assert (out / "linh-vuc" / "cai-cach-hanh-chinh-van-hoa-cong-so" / "index.html").is_file()
