"""The registry of submitting units (``profiles/units.yml``)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from showcase.content import frontmatter, yamltree
from showcase.content.diagnostics import Collector
from showcase.content.fields import Reader
from showcase.content.model import UNIT_KEYS
from showcase.content.vocab import GROUPS

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HANDLE = re.compile(r"^@[A-Za-z0-9][A-Za-z0-9-]*(?:/[A-Za-z0-9._-]+)?$")


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    group: str  # department-office | affiliated | district
    quota: bool
    active_from: dt.date | None = None
    active_to: dt.date | None = None
    reviewers: tuple[str, ...] = ()
    line: int = 1

    def inactive_message(self, day: dt.date) -> str | None:
        """Why the unit cannot introduce anyone on ``day`` (None when it can): the one
        wording of `showcase new` and `showcase check`."""
        if self.active_on(day):
            return None
        if self.active_from and day < self.active_from:
            state = f"chỉ hoạt động từ ngày {self.active_from.isoformat()}"
        else:
            assert self.active_to is not None
            state = f"đã thôi hoạt động sau ngày {self.active_to.isoformat()}"
        return (f"Đơn vị '{self.id}' ({self.name}) {state}, nên không giới thiệu được hồ sơ "
                f"vào ngày {day.isoformat()}.")

    def active_on(self, day: dt.date) -> bool:
        return (self.active_from is None or self.active_from <= day) and (
            self.active_to is None or day <= self.active_to
        )


def default_quota(group: str) -> bool:
    """The plan: units under the Department and district offices carry a quota;
    the Department's specialised offices take part without one."""
    return group in ("affiliated", "district")


def _unflatten(root: yamltree.Map, r: Reader) -> None:
    """A unit's lines written flush left under '- id:' ('name:', 'group:' at the top):
    said once, at the unit's line, and read as the unit's (not 'name missing' plus
    'unknown key name')."""
    seq = root.get("units")
    assert isinstance(seq, yamltree.Seq)
    stray = sorted((e for k, e in root.entries.items() if k != "units" and k in UNIT_KEYS),
                   key=lambda e: e.key_line)
    for e in stray:
        owner = next((n for n in reversed(seq.items)
                      if isinstance(n, yamltree.Map) and n.line < e.key_line), None)
        if owner is None or e.key in owner.entries:
            continue
        del root.entries[e.key]
        owner.entries[e.key] = e
        r.error(
            e.key_line, e.key, "SC138",
            f"Dòng '{e.key}:' thuộc đơn vị ở dòng {owner.line} nhưng không được thụt lề, "
            "nên không nằm trong đơn vị đó.",
            f"Thụt lề '{e.key}:' cho thẳng cột với 'id:' của đơn vị (thường là 4 dấu cách).",
        )


def units_path(profiles_dir: str) -> str:
    """Repository-relative path of the units list."""
    return f"{profiles_dir}/units.yml"


def read_units(
    root: str, profiles_dir: str, out: Collector, today: dt.date,
    email_domains: Iterable[str] = (),
) -> tuple[dict[str, Unit], set[str] | None]:
    """Read ``units.yml`` from the repository: the one place it is read (see load_units)."""
    rel = units_path(profiles_dir)
    try:
        with open(os.path.join(root, rel), "rb") as fh:
            data: bytes | None = fh.read(frontmatter.MAX_BYTES + 1)
    except FileNotFoundError:
        data = None
    return load_units(rel, data, out, today, email_domains)


def load_units(
    path: str, data: bytes | None, out: Collector, today: dt.date,
    email_domains: Iterable[str] = (),
) -> tuple[dict[str, Unit], set[str] | None]:
    """Parse and validate ``units.yml``: the valid units by id, and every id declared
    (so that a profile in the folder of a unit with a mistake is not also reported
    as being in an unknown folder).

    The declared ids are None when the file is missing or unreadable as a list
    of units: then no folder can be judged, and the one problem is the file's.
    """
    if data is None:
        out.error(
            path,
            1,
            "-",
            "SC050",
            "Không tìm thấy tệp danh sách đơn vị.",
            "Tạo tệp profiles/units.yml với khóa 'units:' liệt kê các đơn vị.",
        )
        return {}, None
    text = frontmatter.decode(data, path, out)
    if text is None:
        return {}, None
    conflicted, old_text = frontmatter.text_problems(text, path, out)
    if conflicted or frontmatter.leading_tabs(text.split("\n"), path, out):
        return {}, None
    text = "\n".join(frontmatter.lookalikes(text.split("\n"), path, out)[0])
    parsed = yamltree.parse(text, first_line=1)
    frontmatter.report_problems(parsed.problems, path, out, parsed.root, text.split("\n"))
    frontmatter.report_legacy(old_text, path, out, parsed.root)
    frontmatter.report_swallowed(parsed.root, text.split("\n"), path, out)
    root = parsed.root
    r = Reader(path, out, today, email_domains)
    if not isinstance(root, yamltree.Map) or not isinstance(root.get("units"), yamltree.Seq):
        if parsed.root is not None or not parsed.problems:
            out.error(
                path,
                root.line if root else 1,
                "units",
                "SC051",
                "Tệp phải có khóa 'units:' là danh sách các đơn vị.",
                "Mỗi đơn vị bắt đầu bằng '- id: ...' thụt lề dưới 'units:'.",
            )
        return {}, None
    _unflatten(root, r)
    r.unknown_keys(root, {"units": None})
    units: dict[str, Unit] = {}
    declared: set[str] = set()
    seq = root.get("units")
    assert isinstance(seq, yamltree.Seq)
    for i, node in enumerate(seq.items):
        prefix = f"units[{i}]."
        if not isinstance(node, yamltree.Map):
            out.error(
                path, node.line, prefix[:-1], "SC051", "Mỗi đơn vị phải là một nhóm trường.",
                "Viết '- id: ...' rồi các trường name, group, quota thụt lề bên dưới.",
            )
            continue
        uid = node.get("id")
        if isinstance(uid, yamltree.Scalar):
            declared.add(uid.text.strip())
        unit = _unit(node, prefix, r)
        if unit is None:
            continue
        if unit.id in units:
            out.error(
                path,
                node.line_of("id"),
                prefix + "id",
                "SC052",
                f"Mã đơn vị '{unit.id}' bị trùng (đã có ở dòng {units[unit.id].line}).",
                "Mỗi đơn vị cần một mã riêng.",
            )
            continue
        units[unit.id] = unit
    return units, declared


def _unit(m: yamltree.Map, prefix: str, r: Reader) -> Unit | None:
    r.unknown_keys(m, UNIT_KEYS, prefix)
    ok = True
    uid = r.text(r.require(m, "id", prefix), prefix + "id")
    if uid is not None and not _ID.match(uid):
        r.error(
            m.line_of("id"),
            prefix + "id",
            "SC053",
            f"Mã đơn vị '{uid}' không hợp lệ.",
            "Chỉ dùng chữ thường không dấu, chữ số và dấu '-', ví dụ 'vhtt-vinh-chau'.",
        )
        ok = False
    name = r.text(r.require(m, "name", prefix), prefix + "name", max_len=200, card=True)
    group = r.choice(r.require(m, "group", prefix), prefix + "group", GROUPS)
    quota = r.boolean(m.get("quota"), prefix + "quota")
    start = r.date(m.get("active_from"), prefix + "active_from")
    end = r.date(m.get("active_to"), prefix + "active_to")
    if start and end and end < start:
        r.error(
            m.line_of("active_to"),
            prefix + "active_to",
            "SC054",
            f"Ngày kết thúc {end.isoformat()} trước ngày bắt đầu {start.isoformat()}.",
            "Kiểm tra lại active_from và active_to.",
        )
        ok = False
    reviewers: list[str] = []
    for item in r.seq(m.get("reviewers"), prefix + "reviewers", '["@ten-tai-khoan"]') or ():
        handle = r.text(item, prefix + "reviewers")
        if handle and not _HANDLE.match(handle):
            r.error(
                item.line,
                prefix + "reviewers",
                "SC055",
                f"'{handle}' không phải tên tài khoản GitHub.",
                "Viết dạng '@ten-tai-khoan' hoặc '@to-chuc/nhom', trong ngoặc kép.",
            )
        elif handle:
            reviewers.append(handle)
    if not (ok and uid and name and group):
        return None
    return Unit(
        uid,
        name,
        group,
        default_quota(group) if quota is None else quota,
        start,
        end,
        tuple(reviewers),
        m.line,
    )
