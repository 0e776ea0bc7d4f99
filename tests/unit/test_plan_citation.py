"""The plan cited by number and date, the drafting office in "Nơi nhận" (mkdocs.yml)."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from showcase import option_values as values
from showcase.option_values import OptionsError, Publisher
from showcase.plan import annual
from showcase.plan.documents import docx as writer
from showcase.plan.documents import official

PLAN = {"name": "Kế hoạch 2022-2025", "start": "2022-01-01", "end": "2025-12-31"}


def _annual(**plan: object) -> annual.Annual:
    periods = values.periods([{**PLAN, **plan}])
    return annual.build([], [], periods, dt.date(2026, 1, 15), 2025)


def test_unset_plan_is_a_highlighted_blank() -> None:
    assert official.plan_citation(_annual()) == (
        "Kế hoạch số [số, ký hiệu] ngày [ngày ban hành]")


def test_set_plan_is_cited_plainly() -> None:
    a = _annual(plan_number="45/KH-SVHTTDL", plan_date=dt.date(2023, 7, 20))
    assert official.plan_citation(a) == "Kế hoạch số 45/KH-SVHTTDL ngày 20/07/2023"
    doc = official.department_report(a, Publisher("Sở Văn hóa, Thể thao và Du lịch tỉnh X",
                                                  drafting_office="VP"))
    assert doc.body[0].text.startswith(  # type: ignore[union-attr]
        "Thực hiện Kế hoạch số 45/KH-SVHTTDL ngày 20/07/2023 về phát hiện")
    assert doc.recipients[-1] == "Lưu: VT, VP."


def test_plan_number_must_be_text() -> None:
    with pytest.raises(OptionsError, match=r"quota_periods\[0\].plan_number"):
        values.periods([{**PLAN, "plan_number": 45}])
    with pytest.raises(OptionsError, match=r"quota_periods\[0\].plan_date"):
        values.periods([{**PLAN, "plan_date": "20/7/2023"}])


def test_drafting_office_defaults_to_the_organisation_office() -> None:
    (p,) = values.publishers([{"name": "Sở X"}])
    assert p.drafting_office == "TCPC"
    (p,) = values.publishers([{"name": "Sở X", "drafting_office": "VP"}])
    assert p.drafting_office == "VP"


def _plan_runs(a: annual.Annual) -> list[tuple[str, bool]]:
    """(text, highlighted) of the runs of the report's first paragraph, as Word reads it."""
    doc = official.department_report(a, Publisher("Sở Văn hóa, Thể thao và Du lịch tỉnh X"))
    d = docx.Document(io.BytesIO(writer.write(doc, a.today)))
    p = next(p for p in d.paragraphs if p.text.startswith("Thực hiện"))
    return [(r.text, r.font.highlight_color is not None) for r in p.runs]


def test_word_highlights_the_unset_plan_only() -> None:
    runs = _plan_runs(_annual())
    assert ("[số, ký hiệu]", True) in runs and ("[ngày ban hành]", True) in runs
    runs = _plan_runs(_annual(plan_number="45/KH-SVHTTDL", plan_date=dt.date(2023, 7, 20)))
    assert not any(h for _, h in runs)
    assert runs[0][0].startswith("Thực hiện Kế hoạch số 45/KH-SVHTTDL ngày 20/07/2023")
