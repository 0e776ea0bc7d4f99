"""What a pull request changes, told to the editorial board (``showcase review``).

Pure: given the profile files a change adds, edits or removes, the corpus
after the change and the quotas with and without it, say for each profile
its name, unit, whether it is valid (or its problems), whether and when it
will be published, whether it goes to the feeds, what it does to its unit's
quota, and where its page is in the preview build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from showcase.content.diagnostics import Diagnostic
from showcase.content.model import Profile
from showcase.content.text import vn_date
from showcase.content.units import Unit
from showcase.plan.quotas import MET, REASONS, Quotas
from showcase.plan.semesters import Semester

ADDED, CHANGED, REMOVED = "added", "changed", "removed"
CHANGE_LABELS = {ADDED: "thêm mới", CHANGED: "sửa", REMOVED: "xóa"}


@dataclass(frozen=True)
class Change:
    path: str  # repository-relative profile file
    what: str  # ADDED | CHANGED | REMOVED


@dataclass(frozen=True)
class Item:
    """One changed profile, as the board reads it."""

    change: Change
    name: str  # the profile's name, or its file name when it could not be read
    unit: str  # the unit's name
    problems: tuple[str, ...]  # "line N, field: message" (empty: valid)
    publication: str
    feeds: str
    quota: str
    page: str  # site-relative page URL in the preview ("" when it has none)


def publication(p: Profile, today: dt.date) -> str:
    if p.draft:
        return "Chưa công bố: hồ sơ đang là bản nháp (draft: true)."
    if p.pending(today) is None and not p.is_public(today):
        return "Không công bố: chưa có hoặc đã rút văn bản đồng ý của người được giới thiệu."
    if p.published is None:
        return "Chưa công bố: chờ Ban biên tập ghi ngày công bố (published)."
    if p.published > today:
        return f"Sẽ công bố ngày {vn_date(p.published)}."
    return f"Công bố từ ngày {vn_date(p.published)}."


def feeds(p: Profile, today: dt.date) -> str:
    if p.in_feeds(today):
        return "Có: vào bản tin RSS ngay."
    c = p.consent
    scope_ok = p.kind == "collective" or (
        c is not None and p.withdrawn_by(today) is None and "social" in c.scope)
    if scope_ok:
        return "Có, khi hồ sơ được công bố."
    return "Không: văn bản đồng ý không gồm mạng xã hội (scope: social)."


def quota_effect(p: Profile, unit: Unit | None, before: Quotas, after: Quotas) -> str:
    """What the profile does to its unit's semester quota (introduction date counts)."""
    sem = Semester.of(p.introduced)
    label = sem.label
    if unit is None or (unit.id, sem) not in after.cells:
        return f"Không tính chỉ tiêu ({label} ngoài thời gian tính chỉ tiêu của kế hoạch)."
    was, now = before.cells.get((unit.id, sem)), after.cells[(unit.id, sem)]
    if now.reason:
        return f"Không tính chỉ tiêu: {REASONS.get(now.reason, now.reason)} ({label})."
    if was is not None and was.status == MET:
        return f"Tính vào {label}; đơn vị đã đạt chỉ tiêu kỳ này từ trước ({now.count} hồ sơ)."
    if now.status == MET:
        return f"Tính vào {label}: đơn vị đạt chỉ tiêu kỳ này nhờ hồ sơ này."
    return f"Tính vào {label}: đơn vị có {now.count}/{now.required} hồ sơ, chưa đạt."


def items(
    changes: Sequence[Change], profiles: Mapping[str, Profile], units: Mapping[str, Unit],
    problems: Iterable[Diagnostic], today: dt.date, before: Quotas, after: Quotas,
    shown: set[str],
) -> list[Item]:
    """``profiles``: the valid profiles after the change, by path; ``shown``: the slugs
    that have a page in the preview build."""
    by_path: dict[str, list[str]] = {}
    for d in problems:
        if d.severity == "error":
            by_path.setdefault(d.path, []).append(
                f"dòng {d.line}, {d.field}: {d.message}" + (f" {d.hint}" if d.hint else "")
                + f" [{d.code}]")
    out = []
    for ch in changes:
        file_name = ch.path.rsplit("/", 1)[-1]
        unit_id = ch.path.split("/")[-2] if ch.path.count("/") >= 2 else ""
        unit = units.get(unit_id)
        unit_name = unit.name if unit else unit_id
        p = profiles.get(ch.path)
        if ch.what == REMOVED:
            out.append(Item(ch, file_name, unit_name, (), "Gỡ khỏi chuyên mục.", "Không.",
                            "Không còn được tính chỉ tiêu.", ""))
        elif p is None:
            found = by_path.get(ch.path) or [
                "hồ sơ chưa đọc được; chạy 'showcase check' để xem lỗi."]
            out.append(Item(ch, file_name, unit_name, tuple(found),
                            "Chưa thể công bố: hồ sơ còn lỗi.", "Không.",
                            "Chưa tính chỉ tiêu: hồ sơ còn lỗi.", ""))
        else:
            page = f"ho-so/{p.slug}/" if p.slug in shown else ""
            out.append(Item(ch, p.name, unit_name, tuple(by_path.get(ch.path, ())),
                            publication(p, today), feeds(p, today),
                            quota_effect(p, unit, before, after), page))
    return out


def markdown(found: Sequence[Item], preview: str, artifact: str) -> str:
    """The job summary. ``preview``: the preview site's folder in the artifact;
    ``artifact``: where the artifacts can be downloaded ("" when unknown)."""
    lines = ["## Hồ sơ trong yêu cầu hợp nhất này", ""]
    if not found:
        lines.append("Yêu cầu này không thêm, sửa hay xóa hồ sơ nào trong `profiles/`.")
        return "\n".join(lines) + "\n"
    bad = sum(1 for i in found if i.problems)
    lines.append(f"{len(found)} hồ sơ thay đổi; "
                 + (f"**{bad} hồ sơ còn lỗi** cần sửa trước khi hợp nhất." if bad
                    else "tất cả hợp lệ."))
    if artifact:
        lines.append(f"Tải bản xem trước và ảnh chụp màn hình tại: {artifact}")
    for i in found:
        lines += ["", f"### {_md(i.name)} ({CHANGE_LABELS[i.change.what]})", "",
                  f"- Tệp: `{i.change.path}`",
                  f"- Đơn vị: {_md(i.unit)}",
                  "- Tình trạng: " + ("**còn lỗi**" if i.problems else "hợp lệ")]
        lines += [f"  - {_md(pr)}" for pr in i.problems]
        lines += [f"- Công bố: {i.publication}", f"- Bản tin RSS: {i.feeds}",
                  f"- Chỉ tiêu: {i.quota}"]
        if i.page:
            lines.append(f"- Trang xem trước: `{preview}/{i.page}index.html` trong gói "
                         "trang xem trước")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Plain text in Markdown: nothing a profile says can become markup or a mention."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>#|@!":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())
