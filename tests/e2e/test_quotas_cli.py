"""``showcase quotas``, ``report`` and the build's quota step on the sample content.

Expected figures are computed here, independently of the package: front
matter is read with PyYAML and the rules are applied day by day.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import pathlib
import re

import openpyxl
import pytest
import yaml

from showcase.cli import main

D = dt.date
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
MARKS = {"met": "✔", "missing": "✘", "open": "…", "not-required": "–"}


# --- an independent reading of the repository ------------------------------------------


def _units(repo: pathlib.Path) -> list[dict]:
    units = yaml.safe_load((repo / "profiles" / "units.yml").read_text("utf-8"))["units"]
    for u in units:
        u.setdefault("quota", u["group"] in ("affiliated", "district"))
    return units


def _profiles(repo: pathlib.Path) -> list[dict]:
    out = []
    for path in sorted((repo / "profiles").glob("*/*.md")):
        meta = yaml.safe_load(FRONT.match(path.read_text("utf-8")).group(1))
        meta["unit"] = path.parent.name
        meta["path"] = path.relative_to(repo).as_posix()
        out.append(meta)
    return out


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may carry !ENV or !!python/name: tags; their values do not matter here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _periods(repo: pathlib.Path) -> list[dict]:
    config = yaml.load((repo / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)  # noqa: S506
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "showcase" in plugin:
            return plugin["showcase"]["quota_periods"]
    raise AssertionError("no showcase plugin in mkdocs.yml")


def _halves(year: int) -> list[tuple[str, D, D]]:
    return [(f"{year}-H1", D(year, 1, 1), D(year, 6, 30)),
            (f"{year}-H2", D(year, 7, 1), D(year, 12, 31))]


def _days(first: D, last: D) -> list[D]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _period_of(day: D, periods: list[dict]) -> dict | None:
    """The period counting ``day``: from its counts_from (else its start) to its end."""
    return next((p for p in periods
                 if (p.get("counts_from") or p["start"]) <= day <= p["end"]), None)


def _on_site(p: dict, day: D) -> bool:
    """Was the profile on the site on ``day`` (not a draft, consent for the web then)?"""
    if p.get("draft") or not p.get("published") or p["published"] > day:
        return False
    if p["kind"] == "collective":
        return True
    c = p.get("consent") or {}
    return (c.get("date") is not None and c["date"] <= day
            and "web" in c.get("scope", ["web", "social"])
            and (c.get("withdrawn") is None or c["withdrawn"] > day))


def _active(u: dict, day: D) -> bool:
    return (u.get("active_from") is None or u["active_from"] <= day) and (
        u.get("active_to") is None or day <= u["active_to"])


def expected(repo: pathlib.Path, year: int, today: D) -> dict[tuple[str, str], dict]:
    """(unit id, '2025-H1' or '2025') -> {count, status, profiles, days_left}."""
    units, profiles, periods = _units(repo), _profiles(repo), _periods(repo)
    out: dict[tuple[str, str], dict] = {}
    keys = [(k, a, b, "per_semester") for k, a, b in _halves(year)]
    keys.append((str(year), D(year, 1, 1), D(year, 12, 31), "published_per_year"))
    for key, first, last, rule in keys:
        if first > today or not any(_period_of(x, periods) for x in _days(first, last)):
            continue
        if rule == "published_per_year" and not any(p[rule] for p in periods):
            continue
        for u in units:
            if rule == "per_semester":
                hits = [p for p in profiles if p["unit"] == u["id"]
                        and first <= p["introduced"] <= min(last, today)
                        and _period_of(p["introduced"], periods)]
            else:
                # Published in the year, on the site that day (a consent withdrawn
                # later does not undo it).
                hits = [p for p in profiles if p["unit"] == u["id"] and p.get("published")
                        and first <= p["published"] <= min(last, today)
                        and _on_site(p, p["published"])
                        and _period_of(p["published"], periods)]
            owed = [x for x in _days(first, last) if _active(u, x) and _period_of(x, periods)]
            n = len(hits)
            required = _period_of(owed[-1], periods)[rule] if owed else 0
            days_left = None
            if not u["quota"] or len(owed) < 30 or not required:
                status = "not-required"
            elif n >= required:
                status = "met"
            else:
                covered = [x for x in _days(first, last) if _period_of(x, periods)]
                deadline = owed[-1] if rule == "per_semester" else covered[-1]
                status = "missing" if today > deadline else "open"
                days_left = (deadline - today).days if status == "open" else None
            out[(u["id"], key)] = {"count": n, "status": status, "days_left": days_left,
                                   "profiles": sorted(p["path"] for p in hits)}
    return out


# --- running the command --------------------------------------------------------------


def showcase(repo: pathlib.Path, capsys: pytest.CaptureFixture[str], *args: str
             ) -> tuple[int, str, str]:
    try:
        code = main(["-f", str(repo / "mkdocs.yml"), *args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


# Recounts at several past days, among them days before and after the consent of
# profiles/vhtt-tp-soc-trang/2024-tran-thi-b.md was withdrawn (2025-02-14).
CASES = [(2025, D(2026, 11, 24)), (2025, D(2025, 11, 10)), (2024, D(2026, 11, 24)),
         (2024, D(2024, 7, 1)), (2024, D(2024, 12, 31)), (2025, D(2025, 2, 20)),
         (2025, D(2025, 7, 15))]


def test_sample_has_a_consent_withdrawn_later() -> None:
    """The recounts above only prove something if the sample has such a profile."""
    withdrawn = [p for p in _profiles(pathlib.Path(__file__).resolve().parents[2])
                 if (p.get("consent") or {}).get("withdrawn")]
    assert any(D(2024, 7, 1) < p["consent"]["withdrawn"] < D(2026, 11, 24)
               and p["introduced"] < D(2024, 7, 1) for p in withdrawn)


def test_counting_starts_after_the_plan_was_issued(repo_copy: pathlib.Path, capsys) -> None:
    """Plan 2022-2025 counts from 2024-01-01: nothing is owed for 2022 or 2023."""
    for year in (2022, 2023):
        code, out, _ = showcase(repo_copy, capsys, "quotas", "--year", str(year),
                                "--today", "2026-11-24")
        assert code == 0
        assert out.startswith(f"Không có kỳ nào đang tính chỉ tiêu vào năm {year} "
                              "(Kế hoạch 2022-2025 bắt đầu tính chỉ tiêu từ ngày 01/01/2024)")
    code, out, _ = showcase(repo_copy, capsys, "quotas", "--year", "2024", "--format", "json",
                            "--today", "2026-11-24")
    period = json.loads(out)["periods"][0]
    assert (period["start"], period["counts_from"]) == ("2022-01-01", "2024-01-01")
    assert "1983/SNV-TĐKT" in period["counts_from_reason"]


@pytest.mark.parametrize(("year", "today"), CASES)
def test_table_matches_independent_counts(repo_copy: pathlib.Path, capsys, year, today) -> None:
    code, out, _ = showcase(repo_copy, capsys, "quotas", "--year", str(year),
                            "--today", today.isoformat())
    assert code == 0
    exp = expected(repo_copy, year, today)
    keys = list(dict.fromkeys(k for _, k in exp))  # semesters, then the year
    lines = out.splitlines()
    rules = [i for i, line in enumerate(lines) if line and set(line) == {"-"}]
    assert len(rules) == 2
    header = [c for c in re.split(r"\s{2,}", lines[rules[0] - 1]) if c]
    assert len(header) == 1 + len(keys)
    rows = lines[rules[0] + 1: rules[1]]
    units = _units(repo_copy)
    assert len(rows) == len(units)
    for u, row in zip(units, rows, strict=True):
        cells = re.split(r"\s{2,}", row.rstrip())[1:]
        assert len(cells) == len(keys), row
        for key, cell in zip(keys, cells, strict=True):
            e = exp[(u["id"], key)]
            assert cell.startswith(MARKS[e["status"]]), (u["id"], key, cell)
            if e["status"] == "met":
                assert cell == f"✔ {e['count']}"
            if e["status"] == "open":
                assert cell.endswith("hôm nay" if e["days_left"] == 0
                                     else f"{e['days_left']} ngày")
    totals = {line.split("  ")[0]: re.split(r"\s{2,}", line)[1:]
              for line in lines[rules[1] + 1:] if line.startswith("Số đơn vị")}
    for label, status in (("Số đơn vị đạt", "met"), ("Số đơn vị thiếu", "missing")):
        assert totals[label] == [
            str(sum(1 for (_, k), e in exp.items() if k == key and e["status"] == status))
            for key in keys]
    assert "Chú thích" in out


@pytest.mark.parametrize(("year", "today"), CASES[:2])
def test_csv_reads_back_with_bom(repo_copy: pathlib.Path, tmp_path: pathlib.Path, capsys,
                                 year, today) -> None:
    target = tmp_path / "out" / "chi-tieu.csv"
    code, _, err = showcase(repo_copy, capsys, "quotas", "--year", str(year), "--format", "csv",
                            "-o", str(target), "--today", today.isoformat())
    assert code == 0 and "Đã ghi" in err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    exp = expected(repo_copy, year, today)
    assert len(rows) == len(exp)
    names = {u["id"]: u["name"] for u in _units(repo_copy)}
    for r in rows:
        e = exp[(r["Mã đơn vị"], r["Kỳ"])]
        assert r["Đơn vị"] == names[r["Mã đơn vị"]]  # Vietnamese intact
        assert int(r["Số hồ sơ"]) == e["count"]
        assert r["Mã trạng thái"] == e["status"]
        got = sorted(p for p in r["Hồ sơ được tính"].split("; ") if p)
        assert got == e["profiles"]
    # The same bytes on stdout.
    code, out, _ = showcase(repo_copy, capsys, "quotas", "--year", str(year), "--format", "csv",
                            "--today", today.isoformat())
    assert out.encode("utf-8") == raw


@pytest.mark.parametrize(("year", "today"), CASES)
def test_json_lists_every_unit_and_semester(repo_copy: pathlib.Path, capsys, year, today
                                            ) -> None:
    code, out, _ = showcase(repo_copy, capsys, "quotas", "--year", str(year), "--format", "json",
                            "--today", today.isoformat())
    assert code == 0
    data = json.loads(out)
    exp = expected(repo_copy, year, today)
    got = {(c["unit"], c["semester"]): c for c in data["semester_quotas"]}
    got |= {(c["unit"], str(c["year"])): c for c in data["year_quotas"]}
    assert set(got) == set(exp)
    for key, e in exp.items():
        c = got[key]
        assert (c["count"], c["status"], c["days_left"]) == (
            e["count"], e["status"], e["days_left"]), key
        assert sorted(c["profiles"]) == e["profiles"]
    assert data["today"] == today.isoformat()


def test_markdown_and_unit_filter(repo_copy: pathlib.Path, capsys) -> None:
    uid = _units(repo_copy)[0]["id"]
    code, out, _ = showcase(repo_copy, capsys, "quotas", "--year", "2024", "--unit", uid,
                            "--format", "md", "--today", "2026-11-24")
    assert code == 0
    body = [line for line in out.splitlines() if line.startswith("| ") and "**" not in line]
    assert len(body) == 2  # header and the one unit
    assert _units(repo_copy)[0]["name"] in body[1]
    code, _, err = showcase(repo_copy, capsys, "quotas", "--unit", "khong-co")
    assert code == 2 and "không có đơn vị mã 'khong-co'" in err


def test_due_inside_the_plan(repo_copy: pathlib.Path, capsys) -> None:
    today = D(2025, 11, 10)
    code, out, _ = showcase(repo_copy, capsys, "quotas", "--due", "--today", today.isoformat())
    assert code == 0
    exp = expected(repo_copy, 2025, today)
    assert out.startswith("Kỳ 6 tháng cuối năm 2025 kết thúc ngày 31/12/2025 (còn 51 ngày).")
    names = {u["id"]: u["name"] for u in _units(repo_copy)}
    owing = [names[uid] for (uid, key), e in exp.items()
             if key == "2025-H2" and e["status"] == "open"]
    section = out.split("\n\n")[1].splitlines()
    if owing:
        who = "Các đơn vị" if len(owing) > 1 else "Đơn vị"
        assert section[0] == f"{who} chưa giới thiệu gương điển hình nào:"
        assert [line.removeprefix("- ") for line in section[1:]] == owing
    else:
        assert section[0].endswith("đơn vị có chỉ tiêu đã giới thiệu đủ gương điển hình trong "
                                   "kỳ này.")
    unpublished = [uid for (uid, key), e in exp.items() if key == "2025" and e["status"] == "open"]
    marker = "chưa có hồ sơ nào được công bố trong năm 2025"
    if not unpublished:
        assert marker not in out
        return
    listed = re.findall(r"^- (.+?)(?: \(đã ngừng.*)?$", out.split(marker)[1], re.M)
    assert listed == [names[u] for u in unpublished]


def test_due_after_the_plan_has_ended(repo_copy: pathlib.Path, capsys) -> None:
    code, out, _ = showcase(repo_copy, capsys, "quotas", "--due", "--today", "2026-11-24")
    assert code == 0
    assert out.startswith("Không có kỳ nào đang tính chỉ tiêu vào ngày 24/11/2026")
    code, out, _ = showcase(repo_copy, capsys, "quotas", "--today", "2026-11-24",
                            "--year", "2026")
    assert code == 0 and "Không có kỳ nào đang tính chỉ tiêu vào năm 2026" in out


def test_invalid_profile_is_left_out_with_a_warning(repo_copy: pathlib.Path, capsys) -> None:
    victim = sorted((repo_copy / "profiles").glob("*/2025-*.md"))[0]
    victim.write_text(victim.read_text("utf-8").replace("kind:", "kind_typo:", 1), "utf-8")
    code, out, err = showcase(repo_copy, capsys, "quotas", "--year", "2025", "--format", "json",
                              "--today", "2026-11-24")
    assert code == 0 and "1 tệp có lỗi" in err
    counted = {p for c in json.loads(out)["semester_quotas"] for p in c["profiles"]}
    assert victim.relative_to(repo_copy).as_posix() not in counted


def test_annual_report_files(repo_copy: pathlib.Path, tmp_path: pathlib.Path, capsys) -> None:
    out_dir = tmp_path / "bao-cao"
    code, out, _ = showcase(repo_copy, capsys, "report", "--year", "2025", "--out", str(out_dir),
                            "--today", "2026-11-24")
    assert code == 0
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == ["proposals-2025-so-noi-vu.docx", "proposals-2025-so-noi-vu.pdf",
                     "proposals-2025.docx", "proposals-2025.pdf", "quotas-2025.csv",
                     "quotas-2025.json", "quotas-2025.md", "report-2025.csv", "report-2025.docx",
                     "report-2025.md", "report-2025.pdf", "report-2025.xlsx"]
    profiles, today = _profiles(repo_copy), D(2026, 11, 24)
    wb = openpyxl.load_workbook(out_dir / "report-2025.xlsx")
    rows = list(wb["Tổng hợp"].iter_rows(values_only=True))
    header, body = list(rows[0]), rows[1:]
    assert len(body) == len(_units(repo_copy))
    col = {h: i for i, h in enumerate(header)}
    ids = {u["name"]: u["id"] for u in _units(repo_copy)}
    for r in body:
        mine = [p for p in profiles if p["unit"] == ids[r[col["Đơn vị"]]]]
        assert r[col["Số hồ sơ giới thiệu"]] == sum(p["introduced"].year == 2025 for p in mine)
        assert r[col["Số hồ sơ công bố"]] == sum(
            1 for p in mine if p.get("published") and p["published"].year == 2025
            and p["published"] <= today and _on_site(p, p["published"]))
        # Commendations of the year, on profiles introduced by the end of that year.
        assert r[col["Số khen thưởng"]] == sum(
            1 for p in mine for c in p.get("commendations") or []
            if c["year"] == 2025 and p["introduced"].year <= 2025)
    # For readers outside the board: no unit codes, no file paths, in any sheet.
    text = " ".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                    for v in row if v is not None)
    assert not any(uid in text for uid in ids.values())
    assert "profiles/" not in text and ".md" not in text
    with (out_dir / "report-2025.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert [list(r) for r in csv.reader(fh)] == [
            ["" if v is None else str(v) for v in row] for row in rows]
    md = (out_dir / "report-2025.md").read_text("utf-8")
    assert md.startswith("# Báo cáo kết quả giới thiệu gương điển hình tiên tiến năm 2025")


def test_report_refuses_a_published_folder(repo_copy: pathlib.Path, capsys) -> None:
    code, _, err = showcase(repo_copy, capsys, "report", "--year", "2025", "--out", "content/x")
    assert code == 2 and "sẽ bị công bố" in err
    assert not (repo_copy / "content" / "x").exists()


@pytest.mark.slow
def test_strict_quotas_stops_the_build(repo_copy: pathlib.Path, capsys) -> None:
    today = D(2026, 1, 15)  # 2025-H2 has just ended and is still checked
    site = repo_copy / "site"
    code, out, err = showcase(repo_copy, capsys, "build", "--strict-quotas",
                              "--today", today.isoformat())
    exp = expected(repo_copy, 2025, today)
    missing = sorted({uid for (uid, key), e in exp.items()
                      if key in ("2025-H2", "2025") and e["status"] == "missing"})
    if not missing:
        pytest.skip("the sample content meets every quota")
    assert code == 1
    assert not site.exists()
    listed = sorted(re.findall(r"^- .*\(([a-z0-9-]+)\): thiếu", err, re.M))
    assert listed == missing
    assert (repo_copy / "reports" / "quotas-2025.csv").exists()
    # Without --strict-quotas the same content is published, with a summary.
    code, out, err = showcase(repo_copy, capsys, "build", "--today", today.isoformat())
    assert code == 0 and (site / "index.html").exists()
    assert "Chỉ tiêu 6 tháng cuối năm 2025:" in err
    assert not list(site.rglob("quotas-*")) and not list(site.rglob("report-*"))


@pytest.mark.slow
def test_build_after_the_plan_ended_owes_nothing(repo_copy: pathlib.Path, capsys) -> None:
    code, _, err = showcase(repo_copy, capsys, "build", "--strict-quotas",
                            "--today", "2026-11-24")
    assert code == 0, err
    assert "Không có kỳ nào đang tính chỉ tiêu" in err
    assert (repo_copy / "reports" / "report-2025.xlsx").exists()
    assert io.BytesIO((repo_copy / "reports" / "report-2025.xlsx").read_bytes()).read(2) == b"PK"


def test_past_today_sees_a_consent_withdrawn_later_as_valid(repo_copy: pathlib.Path,
                                                            capsys) -> None:
    """2024-07-01: Trần Thị B (withdrawn 2025-02-14) is valid and counts for 2024-H1."""
    code, _, err = showcase(repo_copy, capsys, "check", "--today", "2024-07-01")
    assert code == 0, err
    code, out, err = showcase(repo_copy, capsys, "quotas", "--year", "2024", "--format",
                              "json", "--today", "2024-07-01")
    assert code == 0 and "có lỗi" not in err
    cell = next(c for c in json.loads(out)["semester_quotas"]
                if c["unit"] == "vhtt-tp-soc-trang" and c["semester"] == "2024-H1")
    assert cell["status"] == "met"
    assert cell["profiles"] == ["profiles/vhtt-tp-soc-trang/2024-tran-thi-b.md"]


def test_a_real_future_date_is_still_refused(repo_copy: pathlib.Path, capsys) -> None:
    victim = repo_copy / "profiles" / "vhtt-tp-soc-trang" / "2024-tran-thi-b.md"
    victim.write_text(victim.read_text("utf-8").replace("withdrawn: 2025-02-14",
                                                        "withdrawn: 2099-02-14"), "utf-8")
    code, out, err = showcase(repo_copy, capsys, "check", "--today", "2024-07-01")
    assert code == 1 and "SC027" in out + err


@pytest.mark.parametrize("today", [D(2024, 12, 31), D(2025, 7, 15), D(2026, 11, 24)])
def test_score_follows_the_quotas_and_the_rubric(repo_copy: pathlib.Path, capsys, today
                                                 ) -> None:
    year = today.year if today.year <= 2025 else 2025
    code, out, _ = showcase(repo_copy, capsys, "quotas", "--score", "--year", str(year),
                            "--format", "json", "--today", today.isoformat())
    assert code == 0
    data = json.loads(out)
    rubric = data["rubric"]
    assert rubric == {"semester_met": 10, "semester_missed": 10, "published": 5, "featured": 5}
    exp = expected(repo_copy, year, today)
    profiles = _profiles(repo_copy)
    for s in data["scores"]:
        halves = [e for (uid, key), e in exp.items() if uid == s["unit"] and "-H" in key]
        met = sum(e["status"] == "met" for e in halves)
        missed = sum(e["status"] == "missing" for e in halves)
        published = exp[(s["unit"], str(year))]["count"] if (s["unit"], str(year)) in exp else 0
        featured = sum(1 for p in profiles if p["unit"] == s["unit"] and p.get("featured")
                       and ((p["introduced"].year == year and p["introduced"] <= today)
                            or (p.get("published") and p["published"].year == year
                                and p["published"] <= today and _on_site(p, p["published"]))))
        assert (s["semesters_met"], s["semesters_missed"], s["published"], s["featured"]) == (
            met, missed, published, featured), s["unit"]
        assert s["total"] == 10 * met + 5 * published + 5 * featured - 10 * missed
    code, out, _ = showcase(repo_copy, capsys, "quotas", "--score", "--year", str(year),
                            "--today", today.isoformat())
    assert code == 0 and "Thang điểm: +10 mỗi kỳ 6 tháng đạt chỉ tiêu" in out


@pytest.mark.parametrize(("year", "today", "code"), [
    (2021, "2026-11-24", 2), (2022, "2026-11-24", 2), (2023, "2026-11-24", 2),
    (2024, "2026-11-24", 0), (2025, "2026-11-24", 0),
    (2026, "2026-11-24", 2),  # the current year: the plan ended in 2025
    (2027, "2026-11-24", 2),
    (2025, "2025-08-01", 0),  # the current year within the plan: what has elapsed
])
def test_report_of_every_year(repo_copy: pathlib.Path, tmp_path: pathlib.Path, capsys,
                              year: int, today: str, code: int) -> None:
    out_dir = tmp_path / "bao-cao"
    got, out, err = showcase(repo_copy, capsys, "report", "--year", str(year), "--out",
                             str(out_dir), "--format", "md", "--today", today)
    assert got == code, err
    assert "Traceback" not in err and "Error" not in err
    if code:
        assert err.startswith(f"showcase: Năm {year} ") and not out_dir.exists()
        return
    md = (out_dir / f"report-{year}.md").read_text("utf-8")
    assert md.startswith(f"# Báo cáo kết quả giới thiệu gương điển hình tiên tiến năm {year}")
    if today.startswith(str(year)):
        assert "đang mở" in md  # the second half is under way
