"""Renderers of quota statuses and the annual report, on hand-made data."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

import openpyxl
import pytest

from showcase.content.model import Consent, Profile, Record
from showcase.content.units import Unit
from showcase.option_values import DEFAULT_PERIODS
from showcase.plan import annual, notices, quotas, reports, sheets
from showcase.plan.quotas import MET, MISSING, NOT_REQUIRED, OPEN, Cell
from showcase.plan.semesters import Semester, Year

D = dt.date
H = Semester
PLAN = DEFAULT_PERIODS

UNITS = [
    Unit("vhtt-a", "Phòng Văn hóa và Thông tin thành phố Sóc Trăng", "district", True,
         None, D(2025, 6, 30), (), 1),
    Unit("tt-b", "Trung tâm Huấn luyện và Thi đấu thể dục thể thao tỉnh Sóc Trăng",
         "affiliated", True, None, None, (), 2),
    Unit("thu-vien", "Thư viện tỉnh Sóc Trăng", "affiliated", True, None, None, (), 3),
    Unit("vp", "Văn phòng Sở", "department-office", False, None, None, (), 4),
]


def prof(uid: str, slug: str, introduced: dt.date, published: dt.date | None = None,
         **kw: object) -> Profile:
    base = dict(
        path=f"profiles/{uid}/{introduced.year}-{slug}.md", unit=uid, slug=slug,
        name=kw.pop("name", slug.replace("-", " ").title()), kind="individual",
        field="culture-arts-sports", sectors=("culture",), introduced=introduced,
        summary="x" * 40, body="Câu chuyện.", body_line=10, title=slug, published=published,
        # Validation requires consent for individuals: signed when introduced.
        consent=Consent(introduced, "1/ĐY", frozenset({"web", "social"})),
    )
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


PROFILES = [
    prof("vhtt-a", "tran-thi-b", D(2025, 3, 12), D(2025, 4, 1), featured=True,
         commendations=(Record(2025, "Giấy khen của Giám đốc Sở"), Record(2024, "Cũ"))),
    prof("tt-b", "vo-van-e", D(2025, 5, 6), D(2025, 5, 27), field="social-life"),
    prof("tt-b", "bo-mon-vo", D(2025, 9, 10), draft=True, featured=True,
         name="Tập thể | Võ cổ truyền"),
    prof("tt-b", "kim-thi-l", D(2025, 8, 14), D(2027, 2, 1), name="Kim Thị L | Khmer"),
    prof("vp", "do-van-n", D(2025, 4, 8), D(2025, 4, 29)),
]


def test_short_names() -> None:
    assert reports.short_name(UNITS[0].name) == "Phòng VH-TT TP. Sóc Trăng"
    assert reports.short_name(UNITS[1].name) == "TT Huấn luyện và Thi đấu TDTT tỉnh"
    assert reports.short_name("Phòng Văn hóa và Thông tin huyện Cù Lao Dung") == (
        "Phòng VH-TT H. Cù Lao Dung")
    cut = reports.short_name("Trung tâm Thông tin và Xúc tiến du lịch tỉnh Sóc Trăng", 30)
    assert cut == "TT Thông tin và Xúc tiến du…" and len(cut) <= 30


@pytest.mark.parametrize(
    ("cell", "mark", "text"),
    [
        (Cell("u", H(2025, 1), MET, 2, 1), "✔ 2", "đạt"),
        (Cell("u", H(2025, 1), MISSING, 0, 1), "✘", "thiếu"),
        (Cell("u", H(2025, 1), MISSING, 1, 2), "✘ 1/2", "thiếu"),
        (Cell("u", H(2025, 2), OPEN, 0, 1, days_left=37), "… 37 ngày",
         "đang mở (còn 37 ngày)"),
        (Cell("u", H(2025, 2), OPEN, 0, 1, days_left=0), "… hôm nay",
         "đang mở (hôm nay là hạn cuối)"),
        (Cell("u", H(2025, 2), NOT_REQUIRED, 0, 0), "–", "không yêu cầu"),
        (Cell("u", Year(2025), NOT_REQUIRED, 3, 0), "– 3", "không yêu cầu"),
    ],
)
def test_marks_and_status_names(cell: Cell, mark: str, text: str) -> None:
    assert reports.mark(cell) == mark
    assert reports.status_text(cell) == text


def test_table_has_units_as_rows_and_a_total_line() -> None:
    q = quotas.for_year(UNITS, PROFILES, PLAN, D(2025, 11, 24), 2025)
    text = reports.table(q)
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("Đơn vị"))
    assert header.split("  ")[0] == "Đơn vị"
    assert "6T đầu 2025" in header and "6T cuối 2025" in header and "Công bố 2025" in header
    row = next(line for line in lines if line.startswith("Thư viện tỉnh"))
    assert [c.strip() for c in row.split("  ") if c.strip()][1:] == [
        "✘", "… 37 ngày", "… 37 ngày"]
    row = next(line for line in lines if line.startswith("TT Huấn luyện"))
    assert [c.strip() for c in row.split("  ") if c.strip()][1:] == ["✔ 1", "✔ 2", "✔ 1"]
    missing = next(line for line in lines if line.startswith("Số đơn vị thiếu"))
    assert missing.split()[-3:] == ["1", "0", "0"]
    assert "Chú thích" in text and "không yêu cầu" in text


def test_csv_has_bom_and_reads_back() -> None:
    q = quotas.for_year(UNITS, PROFILES, PLAN, D(2025, 11, 24), 2025)
    data = reports.csv_bytes(q)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(UNITS) * 3
    first = rows[0]
    assert first["Đơn vị"] == "Phòng Văn hóa và Thông tin thành phố Sóc Trăng"
    assert (first["Kỳ"], first["Số hồ sơ"], first["Mã trạng thái"]) == ("2025-H1", "1", "met")
    semi = list(csv.reader(io.StringIO(reports.csv_bytes(q, ";").decode("utf-8-sig")),
                           delimiter=";"))
    assert semi[0] == reports.CSV_HEADER


def test_json_lists_every_unit_and_semester() -> None:
    q = quotas.for_year(UNITS, PROFILES, PLAN, D(2025, 11, 24), 2025)
    data = json.loads(reports.as_json(q))
    assert data["semesters"] == ["2025-H1", "2025-H2"]
    assert len(data["semester_quotas"]) == 8 and len(data["year_quotas"]) == 4
    tt = [c for c in data["semester_quotas"] if c["unit"] == "tt-b"]
    assert [(c["semester"], c["count"], c["status"]) for c in tt] == [
        ("2025-H1", 1, "met"), ("2025-H2", 2, "met")]
    assert sorted(tt[1]["profiles"]) == ["profiles/tt-b/2025-bo-mon-vo.md",
                                         "profiles/tt-b/2025-kim-thi-l.md"]
    lib = next(c for c in data["semester_quotas"] if c["unit"] == "thu-vien"
               and c["semester"] == "2025-H2")
    assert (lib["status"], lib["days_left"], lib["status_label"]) == (
        "open", 37, "đang mở (còn 37 ngày)")


def test_due_text_lists_who_still_owes() -> None:
    today = D(2025, 11, 24)
    q = quotas.compute(UNITS, PROFILES, PLAN, today, [H(2025, 2)], [Year(2025)])
    text = notices.due_text(q, H(2025, 2), PLAN)
    assert text.startswith("Kỳ 6 tháng cuối năm 2025 kết thúc ngày 31/12/2025 (còn 37 ngày).")
    # One unit owes it: singular wording.
    owing = text.split("\nĐơn vị chưa giới thiệu gương điển hình nào:")[1].split("\n\n")[0]
    assert owing.strip().splitlines() == ["- Thư viện tỉnh Sóc Trăng"]
    assert "Các đơn vị" not in text
    assert "chưa có hồ sơ nào được công bố trong năm 2025" in text


def test_due_text_when_the_plan_has_ended() -> None:
    today = D(2026, 11, 24)
    q = quotas.compute(UNITS, PROFILES, PLAN, today, [], [])
    text = notices.due_text(q, None, PLAN)
    assert "Không có kỳ nào đang tính chỉ tiêu" in text
    assert "Kế hoạch 2022-2025 đã kết thúc ngày 31/12/2025" in text


def test_summary_and_missing_items() -> None:
    q = quotas.review(UNITS, PROFILES, PLAN, D(2026, 1, 10))
    lines = notices.summary_lines(q, PLAN)
    assert lines[0] == "Chỉ tiêu 6 tháng cuối năm 2025: 1/2 đơn vị đạt, 1 thiếu."
    assert reports.missing_items(q) == [
        "Thư viện tỉnh Sóc Trăng (thu-vien): thiếu 6 tháng cuối năm 2025 (0/1 hồ sơ); "
        "công bố năm 2025 (0/1 hồ sơ)"]
    ended = quotas.review(UNITS, PROFILES, PLAN, D(2026, 11, 24))
    assert "Không có kỳ nào" in notices.summary_lines(ended, PLAN)[0]


def test_markdown_escapes_pipes() -> None:
    a = annual.build(UNITS, PROFILES, PLAN, D(2026, 11, 24), 2025, "Sở VHTTDL")
    md = annual.markdown(a)
    assert "- Tập thể \\| Võ cổ truyền (Trung tâm Huấn luyện" in md
    assert "| Tập thể \\| Võ cổ truyền |" in md
    q = quotas.for_year(UNITS, PROFILES, PLAN, D(2026, 11, 24), 2025)
    assert "| Phòng Văn hóa và Thông tin thành phố Sóc Trăng | ✔ 1 |" in reports.markdown(q)


def test_annual_report_rows() -> None:
    a = annual.build(UNITS, PROFILES, PLAN, D(2026, 11, 24), 2025, "Sở VHTTDL")
    rows = {r.unit.id: r for r in a.rows}
    tt = rows["tt-b"]
    assert len(tt.introduced) == 3  # draft and future-published included
    assert [p.slug for p in tt.published] == ["vo-van-e"]
    assert (tt.met, tt.missed) == (2, 0)
    assert tt.fields == ("culture-arts-sports", "social-life")
    assert [p.slug for p in tt.featured] == ["bo-mon-vo"]
    a_row = rows["vhtt-a"]
    assert [r.text for _, r in a_row.commendations] == ["Giấy khen của Giám đốc Sở"]
    assert rows["thu-vien"].score.total == -20 and rows["thu-vien"].score.rank == 3
    assert (a_row.met, a_row.missed) == (1, 0)
    assert rows["thu-vien"].missed == 2
    assert rows["vp"].semesters[0].status == NOT_REQUIRED
    md = annual.markdown(a)
    assert "- Thư viện tỉnh Sóc Trăng: thiếu 6 tháng đầu năm 2025; 6 tháng cuối năm 2025" in md
    assert "Giấy khen của Giám đốc Sở" in md and "Tran Thi B" in md


def test_annual_spreadsheets() -> None:
    a = annual.build(UNITS, PROFILES, PLAN, D(2026, 11, 24), 2025, "Sở VHTTDL")
    data = sheets.xlsx_bytes(a)
    assert data == sheets.xlsx_bytes(a)  # same input, same bytes
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Tổng hợp", "Hồ sơ", "Khen thưởng", "Chấm điểm",
                             "Đề nghị khen thưởng", "Ghi chú"]
    summary = list(wb["Tổng hợp"].iter_rows(values_only=True))
    assert list(summary[0]) == sheets.SUMMARY_HEADER
    by_name = {r[1]: r for r in summary[1:]}
    tt = by_name["Trung tâm Huấn luyện và Thi đấu thể dục thể thao tỉnh Sóc Trăng"]
    assert tt[4:6] == (3, 1)
    assert by_name["Thư viện tỉnh Sóc Trăng"][6:11] == ("thiếu", "thiếu", "thiếu", 0, 2)
    assert len(list(wb["Hồ sơ"].iter_rows())) == 1 + 5
    rows = list(csv.reader(io.StringIO(sheets.csv_bytes(a).decode("utf-8-sig"))))
    assert rows[0] == sheets.SUMMARY_HEADER and len(rows) == 1 + len(UNITS)
    for ws in wb.worksheets:  # prints on A4 landscape, one page wide
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1
    # Nothing internal for readers outside the board: no unit codes, no file paths.
    text = " ".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                    for v in row if v is not None)
    for u in UNITS:
        assert u.id not in text.split()
    assert "profiles/" not in text and ".md" not in text


def test_commendations_of_the_year_from_profiles_introduced_by_then() -> None:
    """A 2024 commendation of a person introduced in 2025 is not a 2024 result."""
    later = prof("tt-b", "huynh-thi-m", D(2025, 10, 2), D(2025, 10, 24),
                 commendations=(Record(2024, "Chiến sĩ thi đua cơ sở"),))
    earlier = prof("tt-b", "vo-van-e", D(2023, 5, 6), D(2023, 5, 27),
                   commendations=(Record(2024, "Bằng khen"), Record(2023, "Giấy khen")))
    a = annual.build(UNITS, [later, earlier], PLAN, D(2026, 11, 24), 2024)
    got = [(p.slug, r.text) for row in a.rows for p, r in row.commendations]
    assert got == [("vo-van-e", "Bằng khen")]


def test_withdrawn_consent_and_sectors_read_clearly() -> None:
    p = prof("vhtt-a", "tran-thi-b", D(2024, 3, 12), D(2024, 4, 1),
             sectors=("sports", "culture"),
             consent=Consent(D(2024, 3, 1), "02/ĐY", frozenset({"web", "social"}),
                             D(2025, 2, 14)))
    assert annual.state(p, D(2024, 12, 31)) == "đã công bố ngày 01/04/2024"
    assert annual.state(p, D(2026, 11, 24)) == (
        "đã công bố ngày 01/04/2024; rút lại sự đồng ý ngày 14/02/2025, đã gỡ khỏi trang")
    assert annual.sectors_text(p) == "Thể dục, thể thao; Văn hóa"
    a = annual.build(UNITS, [p], PLAN, D(2026, 11, 24), 2024)
    row = next(r for r in a.rows if r.unit.id == "vhtt-a")
    assert row.published == (p,)  # published in 2024: still counts for 2024


def test_a_build_takes_the_reports_of_unchanged_figures_from_its_cache(tmp_path) -> None:
    from showcase.plan import report_cache, report_files

    def year(profiles: list[Profile]) -> annual.Annual:
        return annual.build(UNITS, profiles, PLAN, D(2026, 1, 15), 2025, "Sở VHTTDL", None)

    made = report_cache.files(year(PROFILES), str(tmp_path))
    kept = list((tmp_path / report_cache.FOLDER).rglob("*"))
    assert made == report_files.files(year(PROFILES), year(PROFILES).quotas)
    assert report_cache.files(year(PROFILES), str(tmp_path)) == made
    assert list((tmp_path / report_cache.FOLDER).rglob("*")) == kept  # nothing made again
    # Other figures, other files.
    other = report_cache.files(year(PROFILES[:-1]), str(tmp_path))
    assert other == report_files.files(year(PROFILES[:-1]), year(PROFILES[:-1]).quotas)
    assert other != made


# --- which years have an annual report -------------------------------------------------

LATE = (dataclasses.replace(PLAN[0], counts_from=D(2024, 1, 1),
                            counts_from_reason="Kế hoạch ban hành giữa năm 2023"),)


@pytest.mark.parametrize(("year", "today", "words"), [
    (2021, D(2026, 11, 24), "nằm ngoài thời gian của kế hoạch"),
    (2022, D(2026, 11, 24), "chưa tính chỉ tiêu: chỉ tiêu được tính từ ngày 01/01/2024 "
                            "(Kế hoạch ban hành giữa năm 2023)"),
    (2023, D(2026, 11, 24), "chưa tính chỉ tiêu"),
    (2026, D(2026, 11, 24), "thêm một giai đoạn vào 'quota_periods'"),
    (2027, D(2026, 11, 24), "Năm 2027 chưa đến (hôm nay là 24/11/2026)"),
    (2025, D(2024, 8, 1), "Năm 2025 chưa đến"),
])
def test_no_report_says_why(year: int, today: dt.date, words: str) -> None:
    text = reports.no_report(LATE, today, year)
    assert text is not None and words in text
    if today.year > 2024:
        assert text.rstrip().endswith(".") and "lập được cho năm 2024, 2025" in text


@pytest.mark.parametrize(("year", "today"), [
    (2024, D(2026, 11, 24)), (2025, D(2026, 11, 24)),
    (2025, D(2025, 3, 1)),  # the current year, in progress: what has elapsed
    (2024, D(2024, 1, 1)),  # its first day
])
def test_years_with_a_quota_have_a_report(year: int, today: dt.date) -> None:
    assert reports.no_report(LATE, today, year) is None


def test_report_years_follow_the_counting_start() -> None:
    assert reports.report_years(LATE, D(2026, 11, 24)) == [2024, 2025]
    assert reports.report_years(PLAN, D(2023, 5, 1)) == [2022, 2023]
    assert reports.report_years(LATE, D(2023, 5, 1)) == []


def test_quota_renderers_take_a_year_no_plan_counts() -> None:
    q = quotas.for_year(UNITS, [], PLAN, D(2026, 11, 24), 2021)
    assert not q.semesters and not q.years
    assert reports.markdown(q).startswith(
        "# Chỉ tiêu giới thiệu gương điển hình (tính đến ngày 24/11/2026)")
    assert "Chỉ tiêu giới thiệu gương điển hình (tính đến ngày" in reports.table(q)
