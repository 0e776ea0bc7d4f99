"""All profiles, read from disk, with the rules that span files.

Cross-file rules: the folder is a known unit, the file name has the
``<yyyy>-<slug>.md`` form, no two profiles get the same URL, no symbolic
links anywhere under ``profiles/`` (a link could publish a file from
outside the repository).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from showcase.content import frontmatter, photos
from showcase.content.diagnostics import Collector
from showcase.content.model import FILE_NAME, PhotoCheck, Profile
from showcase.content.units import Unit, read_units
from showcase.content.validate import read_profile

IMAGE_EXTS = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif"}
ROOT_FILES = {"units.yml", "README.md", ".gitkeep"}


@dataclass
class Corpus:
    root: str  # repository root
    units: dict[str, Unit]
    profiles: list[Profile]  # sorted by path; only the valid ones
    diagnostics: Collector = field(default_factory=Collector)

    @property
    def ok(self) -> bool:
        return not self.diagnostics.errors

    def public(self, today: dt.date) -> list[Profile]:
        return [p for p in self.profiles if p.is_public(today)]


def load(root: str, today: dt.date, profiles_dir: str = "profiles") -> Corpus:
    """Read and validate everything under ``root/profiles_dir``."""
    out = Collector()
    base = os.path.join(root, profiles_dir)
    units, declared = read_units(root, profiles_dir, out, today)
    profiles: list[Profile] = []
    if not os.path.isdir(base):
        return Corpus(root, units, profiles, out)

    def photo_problem(rel: str) -> photos.Problem | None:
        return photos.check_photo(root, rel)

    for entry in sorted(os.scandir(base), key=lambda e: e.name):
        rel = f"{profiles_dir}/{entry.name}"
        if entry.is_symlink():
            _symlink(rel, out)
        elif entry.is_dir():
            profiles.extend(
                _folder(root, rel, entry.name, units, declared, out, today, photo_problem)
            )
        elif entry.name not in ROOT_FILES and not entry.name.startswith("."):
            out.error(
                rel, 1, "-", "SC015",
                "Tệp nằm ngoài thư mục của đơn vị.",
                f"Chuyển tệp vào thư mục của đơn vị giới thiệu: {profiles_dir}/<mã-đơn-vị>/.",
            )
    _unique_urls(profiles, out)
    return Corpus(root, units, profiles, out)


def _folder(
    root: str, rel: str, unit_id: str, units: dict[str, Unit], declared: set[str] | None,
    out: Collector, today: dt.date, photo_problem: PhotoCheck,
) -> list[Profile]:
    found: list[Profile] = []
    known = unit_id in units
    for entry in sorted(os.scandir(os.path.join(root, rel)), key=lambda e: e.name):
        path = f"{rel}/{entry.name}"
        if entry.is_symlink():
            _symlink(path, out)
            continue
        if entry.is_dir() or entry.name.startswith("."):
            continue
        ext = os.path.splitext(entry.name)[1].lower()
        if ext in IMAGE_EXTS:
            continue  # checked when a profile names it
        if ext != ".md":
            out.warning(path, 1, "-", "SC016", "Tệp không phải hồ sơ (.md) hay ảnh; bị bỏ qua.",
                        "Xóa tệp này nếu không cần.")
            continue
        # An unreadable units.yml (declared is None) is reported once, not per profile.
        if declared is not None and unit_id not in declared:
            out.error(
                path, 1, "-", "SC017",
                f"Thư mục '{unit_id}' không phải mã của đơn vị nào trong units.yml.",
                "Đặt hồ sơ vào thư mục mang đúng mã đơn vị (xem profiles/units.yml), "
                "hoặc thêm đơn vị vào units.yml.",
            )
        m = FILE_NAME.match(entry.name)
        if not m:
            out.error(
                path, 1, "-", "SC018",
                f"Tên tệp '{entry.name}' không đúng dạng <năm>-<tên>.md.",
                "Dùng năm giới thiệu, rồi tên không dấu, chữ thường, nối bằng '-', "
                "ví dụ 2024-nguyen-van-a.md.",
            )
        data = _read(os.path.join(root, path))
        text = frontmatter.decode(data or b"", path, out)
        if text is None:
            continue
        doc = frontmatter.split(text, path, out)
        if doc is None or not (m and known):
            continue
        p = read_profile(path, unit_id, m.group(2), doc, out, today, photo_problem)
        if p:
            found.append(p)
    return found


def _unique_urls(profiles: list[Profile], out: Collector) -> None:
    # A profile's page address depends only on its slug (file name without year).
    seen: dict[str, Profile] = {}
    for p in profiles:
        first = seen.setdefault(p.slug, p)
        if first is not p:
            out.error(
                p.path, 1, "-", "SC019",
                f"Hồ sơ này có cùng địa chỉ trang (…/{p.slug}/) với {first.path}.",
                "Đổi tên một trong hai tệp cho khác nhau, ví dụ thêm tên xã: "
                f"{p.path.rsplit('/', 1)[-1][:5]}{p.slug}-vinh-hai.md.",
            )


def _symlink(rel: str, out: Collector) -> None:
    out.error(
        rel, 1, "-", "SC080",
        "Liên kết tượng trưng (symlink) không được phép trong thư mục hồ sơ.",
        "Thay liên kết bằng tệp thật.",
    )


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read(frontmatter.MAX_BYTES + 1)
    except FileNotFoundError:
        return None
