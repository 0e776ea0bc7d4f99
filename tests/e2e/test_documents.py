"""Official documents of `showcase report`: Word and PDF in the Decree 30 format.

Read back with python-docx and pypdf; figures compared with `showcase quotas`.
"""

from __future__ import annotations

import io
import json
import pathlib
import re

import docx
import pypdf
import pytest

from showcase.cli import main

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SLOGAN = "Độc lập - Tự do - Hạnh phúc"


def run(repo: pathlib.Path, capsys, *args: str) -> tuple[int, str]:
    try:
        code = main(["-f", str(repo / "mkdocs.yml"), *args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


def docx_text(path: pathlib.Path) -> tuple[str, list[list[list[str]]]]:
    """All paragraph text (body and table cells) and every table as rows of cells."""
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    tables = []
    for t in d.tables:
        rows = [[c.text for c in r.cells] for r in t.rows]
        tables.append(rows)
        parts += [c for r in rows for c in r]
    return "\n".join(parts), tables


def pdf_text(path: pathlib.Path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)


def unit_ids(repo: pathlib.Path) -> list[str]:
    return re.findall(r"^  - id: (\S+)", (repo / "profiles" / "units.yml").read_text("utf-8"),
                      re.M)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    from conftest import copy_repo

    repo = copy_repo(tmp_path_factory.mktemp("repo"))
    try:
        code = main(["-f", str(repo / "mkdocs.yml"), "report", "--year", "2025", "--out",
                     str(repo / "out"), "--today", "2026-01-15"])
        assert code == 0
        code = main(["-f", str(repo / "mkdocs.yml"), "report", "--year", "2024", "--unit",
                     "vhtt-tp-soc-trang", "--out", str(repo / "out"), "--today", "2025-01-10"])
        assert code == 0
        code = main(["-f", str(repo / "mkdocs.yml"), "quotas", "--year", "2025", "--format",
                     "json", "-o", str(repo / "out" / "q.json"), "--today", "2026-01-15"])
        assert code == 0
    except SystemExit as exc:  # pragma: no cover
        raise AssertionError(exc) from None
    return repo


def test_department_report_has_every_element(reports: pathlib.Path) -> None:
    text, _ = docx_text(reports / "out" / "report-2025.docx")
    # The header's names in the lines the column holds (tests/e2e/test_document_layout.py).
    assert "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH" in text
    for element in (
        MOTTO, SLOGAN, "Số:        /BC-SVHTTDL",
        "Cần Thơ, ngày      tháng      năm 2026", "BÁO CÁO",
        "Kết quả giới thiệu gương điển hình tiên tiến năm 2025",
        "Kính gửi: Sở Nội vụ thành phố Cần Thơ", "I. KẾT QUẢ THỰC HIỆN",
        "II. HẠN CHẾ, TỒN TẠI VÀ NGUYÊN NHÂN", "IV. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:",
        "- Lưu: VT, TCPC.", "GIÁM ĐỐC", "[Họ và tên người ký]", "Thang điểm: +10",
    ):
        assert element in text, element
    assert text.count("[Cần bổ sung:") == 3


def test_withdrawal_told_in_its_year_and_counts_explained(
        reports: pathlib.Path, tmp_path: pathlib.Path, capsys) -> None:
    """Trần Thị B (introduced 2024) withdrew consent on 14/02/2025: the 2025 report tells
    it, by count (it goes to Sở Nội vụ); the 2024 report, written later, does not."""
    text, _ = docx_text(reports / "out" / "report-2025.docx")
    assert ("Trong năm 2025, 1 người được giới thiệu đã rút lại sự đồng ý xử lý dữ liệu cá "
            "nhân; hồ sơ không còn được đăng trên chuyên mục.") in text
    assert "Trần Thị B" not in text and "14/02/2025" not in text
    assert ("6 tháng cuối năm 2025: 3/6 đơn vị đạt chỉ tiêu, 3 đơn vị chưa đạt. Kỳ này chỉ "
            "tính 6 đơn vị: 11 Phòng Văn hóa và Thông tin cấp huyện chỉ hoạt động đến ngày "
            "30/06/2025, nên không phải thực hiện chỉ tiêu kỳ này.") in text
    assert "dòng \"Cộng\" đếm mỗi đơn vị một lần (7 đơn vị)." in text
    pdf = " ".join(pdf_text(reports / "out" / "report-2025.pdf").split())
    assert "Kỳ này chỉ tính 6 đơn vị" in pdf and "Trần Thị B" not in pdf
    code, out = run(reports, capsys, "report", "--year", "2024", "--out", str(tmp_path),
                    "--format", "docx", "--today", "2026-01-15")
    assert code == 0, out
    text, _ = docx_text(tmp_path / "report-2024.docx")
    assert "rút lại" not in text and "14/02/2025" not in text


def test_no_unit_code_or_path(reports: pathlib.Path) -> None:
    ids = unit_ids(reports)
    for name in ("report-2025.docx", "proposals-2025.docx", "report-2024-vhtt-tp-soc-trang.docx"):
        text, _ = docx_text(reports / "out" / name)
        words = set(re.findall(r"[\w-]+", text))
        assert not words & set(ids), name
        assert "profiles/" not in text and ".md" not in text
    for name in ("report-2025.pdf", "proposals-2025.pdf"):
        text = pdf_text(reports / "out" / name)
        assert "profiles/" not in text and not any(f" {i} " in text for i in ids)


def test_figures_match_showcase_quotas(reports: pathlib.Path) -> None:
    data = json.loads((reports / "out" / "q.json").read_text("utf-8"))
    names = {u["id"]: u["name"] for u in data["units"]}
    _, tables = docx_text(reports / "out" / "report-2025.docx")
    table = next(t for t in tables if t[0][:2] == ["STT", "Đơn vị"])
    by_name = {row[1]: row for row in table[1:-1]}
    labels = {"met": "đạt", "missing": "thiếu", "not-required": "không yêu cầu"}
    listed = 0
    for c in data["semester_quotas"]:
        row = by_name.get(names[c["unit"]])
        if row is None:
            assert c["status"] == "not-required" and c["count"] == 0
            continue
        listed += 1
        col = 4 if c["semester"].endswith("H1") else 5
        assert row[col].startswith(labels[c["status"]]), (c, row)
        if c["count"]:
            assert row[col].endswith(f"({c['count']})")
    assert listed
    for c in data["year_quotas"]:
        row = by_name.get(names[c["unit"]])
        if row is not None:
            assert row[6] == labels[c["status"]] and int(row[3]) == c["count"], (c, row)
    intro = sum(len(c["profiles"]) for c in data["semester_quotas"])
    assert table[-1][1] == "Cộng" and int(table[-1][2]) == intro


def test_pdf_embeds_its_fonts_and_reads_in_vietnamese(reports: pathlib.Path) -> None:
    path = reports / "out" / "report-2025.pdf"
    text = pdf_text(path)
    for element in (MOTTO, SLOGAN, "Kính gửi: Sở Nội vụ thành phố Cần Thơ", "Nơi nhận:",
                    "Kết quả giới thiệu gương điển hình tiên tiến năm 2025"):
        assert element in " ".join(text.split()), element
    reader = pypdf.PdfReader(str(path))
    fonts = {}
    for page in reader.pages:
        for f in page["/Resources"]["/Font"].values():
            f = f.get_object()
            desc = f["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts[f["/BaseFont"]] = "/FontFile2" in desc
    assert fonts and all(fonts.values()), fonts


def test_publisher_and_recipient_of_the_time(reports: pathlib.Path) -> None:
    """A report dated January 2025 is headed by the province's Department."""
    text, _ = docx_text(reports / "out" / "report-2024-vhtt-tp-soc-trang.docx")
    assert "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ SÓC TRĂNG\nPHÒNG VĂN HÓA VÀ THÔNG TIN\n" in text
    assert "Kính gửi: Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng" in text
    # The unit's own town is not in units.yml: a highlighted blank for the author.
    assert "[Địa danh], ngày" in text and "TRƯỞNG PHÒNG" in text
    # On 2025-01-10 the consent of Trần Thị B was not yet withdrawn.
    assert "Trần Thị B" in text and "rút lại" not in text


def test_unit_report_cites_the_plan_under_its_issuer_and_closes(reports: pathlib.Path
                                                               ) -> None:
    """Reported in 2026 to the city's Department: the plan is still the one the
    province's Department issued in 2023."""
    code = main(["-f", str(reports / "mkdocs.yml"), "report", "--year", "2025", "--unit",
                 "tt-huan-luyen-thi-dau-tdtt", "--out", str(reports / "out"), "--format",
                 "docx", "--today", "2026-01-15"])
    assert code == 0
    text, _ = docx_text(reports / "out" / "report-2025-tt-huan-luyen-thi-dau-tdtt.docx")
    assert "Kính gửi: Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ" in text
    # The plan's number and date (or their blanks) may stand between "Kế hoạch" and "của".
    assert re.search(r"Thực hiện Kế hoạch (số .+? ngày .+? )?của Sở Văn hóa, Thể thao và Du "
                     r"lịch tỉnh Sóc Trăng về phát hiện, bồi dưỡng", text)
    assert (
        "Trên đây là báo cáo kết quả giới thiệu gương điển hình tiên tiến năm 2025 của Trung "
        "tâm Huấn luyện và Thi đấu thể dục thể thao tỉnh Sóc Trăng./.") in text
    old, _ = docx_text(reports / "out" / "report-2024-vhtt-tp-soc-trang.docx")
    assert "Trên đây là báo cáo kết quả giới thiệu gương điển hình tiên tiến năm 2024 của " \
           "Phòng Văn hóa và Thông tin thành phố Sóc Trăng./." in old


def test_unit_report_refused_outside_the_units_dates(reports: pathlib.Path,
                                                     tmp_path: pathlib.Path, capsys) -> None:
    units = reports / "profiles" / "units.yml"
    before = units.read_text("utf-8")
    assert "  - id: vhtt-vinh-chau\n" in before
    units.write_text(before.replace("  - id: vhtt-vinh-chau\n",
                                    "  - id: vhtt-vinh-chau\n    active_from: 2025-01-01\n"),
                     "utf-8")
    try:
        code, out = run(reports, capsys, "report", "--year", "2024", "--unit", "vhtt-vinh-chau",
                        "--out", str(tmp_path), "--today", "2025-01-10")
    finally:
        units.write_text(before, "utf-8")
    assert code == 2 and "Traceback" not in out
    assert ("showcase: Phòng Văn hóa và Thông tin thị xã Vĩnh Châu bắt đầu hoạt động từ ngày "
            "01/01/2025 (active_from trong profiles/units.yml), nên chưa có báo cáo năm 2024."
            ) in out
    assert not list(tmp_path.iterdir())
    code, out = run(reports, capsys, "report", "--year", "2026", "--unit", "vhtt-vinh-chau",
                    "--out", str(tmp_path), "--today", "2026-11-24")
    assert code == 2 and "Traceback" not in out and "showcase: " in out
    assert not list(tmp_path.iterdir())


def test_proposals_list_the_nominated_profiles(reports: pathlib.Path) -> None:
    text, tables = docx_text(reports / "out" / "proposals-2025.docx")
    assert "TỜ TRÌNH" in text and "PHÒNG TỔ CHỨC - PHÁP CHẾ" in text
    assert "Kính gửi: Giám đốc Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ" in text
    rows = next(t for t in tables if t[0][0] == "STT")[1:]
    assert sorted(r[1] for r in rows) == ["Đội ghe Ngo xã Lạc Hòa"]
    assert all(r[4] == "Giấy khen của Giám đốc Sở" for r in rows)
    assert "TRƯỞNG PHÒNG" in text and "Kính trình Giám đốc Sở xem xét, quyết định./." in text


def test_proposals_go_to_whoever_grants_the_form(reports: pathlib.Path) -> None:
    """The plan (II.4): the Director's certificates are the Department's own (the office
    submits them to the Director); the Chairman's commendations are asked of the
    Department of Home Affairs by the Department, signed by the Director."""
    text, _ = docx_text(reports / "out" / "proposals-2025.docx")
    assert "Hộ gia đình bà Phạm Thị D" not in text  # the Chairman's: not the Director's
    home, tables = docx_text(reports / "out" / "proposals-2025-so-noi-vu.docx")
    home = " ".join(home.split())  # header names may be set on several lines
    rows = next(t for t in tables if t[0][0] == "STT")[1:]
    assert [(r[1], r[4]) for r in rows] == [
        ("Hộ gia đình bà Phạm Thị D", "Bằng khen của Chủ tịch UBND thành phố")]
    for element in ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
                    "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "TỜ TRÌNH",
                    "/TTr-SVHTTDL", "Kính gửi: Sở Nội vụ thành phố Cần Thơ",
                    "Về việc đề nghị Chủ tịch Ủy ban nhân dân thành phố Cần Thơ khen thưởng "
                    "gương điển hình tiên tiến năm 2025",
                    "kính đề nghị Sở Nội vụ thành phố Cần Thơ xem xét, trình Chủ tịch Ủy ban "
                    "nhân dân thành phố Cần Thơ", "Tổng số: 1 gương điển hình (1 hộ gia đình).",
                    "GIÁM ĐỐC", "- Như trên;", "- Lưu: VT, TCPC."):
        assert element in home, element
    assert "TRƯỞNG PHÒNG" not in home and "PHÒNG TỔ CHỨC - PHÁP CHẾ" not in home
    pdf = " ".join(pdf_text(reports / "out" / "proposals-2025-so-noi-vu.pdf").split())
    assert "Kính gửi: Sở Nội vụ thành phố Cần Thơ" in pdf and "Phạm Thị D" in pdf


def test_draft_and_withdrawn_nominees_are_left_out_with_a_note(
        reports: pathlib.Path, tmp_path: pathlib.Path, capsys) -> None:
    repo = reports
    nominate = ("nominated:\n  year: 2025\n  form: Giấy khen của Giám đốc Sở\n"
                "  reason: Thử đề nghị\n---\n")
    for rel in ("tt-huan-luyen-thi-dau-tdtt/2025-tap-the-bo-mon-vo-co-truyen.md",  # draft
                "vhtt-tp-soc-trang/2024-tran-thi-b.md"):  # withdrew consent on 2025-02-14
        path = repo / "profiles" / rel
        head, sep, body = path.read_text("utf-8")[4:].partition("\n---\n")
        path.write_text("---\n" + head + "\n" + nominate + body, "utf-8")
    try:
        code, out = run(repo, capsys, "check")
        assert code == 0 and "[SC172]" in out and "[SC173]" in out, out
        code, out = run(repo, capsys, "report", "--year", "2025", "--out", str(tmp_path),
                        "--format", "docx", "--today", "2026-01-15")
        assert code == 0, out
        assert ("Lưu ý: Trần Thị B (Phòng Văn hóa và Thông tin thành phố Sóc Trăng, "
                "profiles/vhtt-tp-soc-trang/2024-tran-thi-b.md): không đưa vào đề nghị khen "
                "thưởng năm 2025 vì người được giới thiệu đã rút lại sự đồng ý ngày 14/02/2025."
                ) in out
        assert "vì hồ sơ còn là bản nháp." in out
        text, _ = docx_text(tmp_path / "proposals-2025.docx")
        assert "Trần Thị B" not in text and "Võ cổ truyền" not in text
        assert "Đội ghe Ngo xã Lạc Hòa" in text
    finally:
        for rel in ("tt-huan-luyen-thi-dau-tdtt/2025-tap-the-bo-mon-vo-co-truyen.md",
                    "vhtt-tp-soc-trang/2024-tran-thi-b.md"):
            path = repo / "profiles" / rel
            path.write_text(path.read_text("utf-8").replace(nominate, "---\n"), "utf-8")


def test_same_input_same_bytes(reports: pathlib.Path, tmp_path: pathlib.Path, capsys) -> None:
    code, _ = run(reports, capsys, "report", "--year", "2025", "--out", str(tmp_path),
                  "--format", "docx", "--today", "2026-01-15")
    assert code == 0
    assert (tmp_path / "report-2025.docx").read_bytes() == (
        reports / "out" / "report-2025.docx").read_bytes()
    assert io.BytesIO((tmp_path / "proposals-2025.docx").read_bytes()).read(2) == b"PK"
