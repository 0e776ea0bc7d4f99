"""All profiles, read from disk, with the rules that span files.

Cross-file rules: the folder is a known unit, the file name has the
``<yyyy>-<slug>.md`` form, no two profiles get the same URL, no symbolic
links anywhere under ``profiles/`` (a link could publish a file from
outside the repository), nothing but profiles and photos in a unit folder
(``files.py``), and every photo decodes (``photos.py``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from showcase.content import files, frontmatter, linkrules, photo_verdicts, photos, profile_cache
from showcase.content.diagnostics import Collector
from showcase.content.model import FILE_NAME, Profile
from showcase.content.units import Unit, read_units
from showcase.content.validate import read_profile
from showcase.options import Options

ROOT_FILES = {"units.yml", "README.md", ".gitkeep"}


@dataclass(frozen=True)
class Unchecked:
    """A photo whose pixels are still to be decoded (see ``load(defer_photos=True)``)."""

    rel: str  # repo-relative photo path
    path: str  # the profile naming it
    line: int  # of its 'photo' key


@dataclass
class Corpus:
    root: str  # repository root
    units: dict[str, Unit]
    profiles: list[Profile]  # sorted by path; only the valid ones
    diagnostics: Collector = field(default_factory=Collector)
    # Photos accepted on their header only: the build's media step decodes them
    # (once) and refuses them as the check would (see content/unchecked.py).
    unchecked: tuple[Unchecked, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.diagnostics.errors

    def public(self, today: dt.date) -> list[Profile]:
        return [p for p in self.profiles if p.is_public(today)]


def load(
    root: str, today: dt.date, profiles_dir: str | None = None, *,
    options: Options | None = None, defer_photos: bool = False,
) -> Corpus:
    """Read and validate everything under ``root/profiles_dir``.

    ``options`` (the showcase plugin's) gives the folder, the official e-mail
    domains and the cache folder that keeps photo verdicts between runs;
    without it nothing is written and no e-mail domain is official.

    ``defer_photos`` (a build that makes the photos' variants next): a photo
    with no cached verdict is checked on its header only and listed in
    ``Corpus.unchecked``; the media step's decoding gives its verdict, so each
    photo is decoded once. If the corpus has errors, call
    :func:`showcase.content.unchecked.settle` to report the photos' too.
    """
    opts = options or Options()
    profiles_dir = profiles_dir or opts.profiles_dir
    cache = os.path.join(root, opts.cache_dir) if options else None
    return _Loader(root, today, profiles_dir, opts, cache, defer_photos).run()


class _Loader:
    def __init__(self, root: str, today: dt.date, profiles_dir: str, options: Options,
                 cache: str | None, defer: bool = False) -> None:
        self.root, self.today, self.dir = root, today, profiles_dir
        self.domains = options.official_email_domains
        self.out = Collector()
        self.verdicts = photo_verdicts.Verdicts.load(cache)
        self.defer = defer
        self.unchecked: tuple[Unchecked, ...] = ()
        self.cache_dir = cache
        self.kept = profile_cache.ProfileCache(None, "")  # made in run(), once units are read
        # Photos not in the verdict cache: decoded together at the end (two
        # processes when there are many), then reported at their profile's line.
        self.pending: list[tuple[str, str, int]] = []  # photo, profile, line of 'photo'
        self.current: tuple[str, int] = ("", 1)

    def run(self) -> Corpus:
        out = self.out
        units, declared = read_units(self.root, self.dir, out, self.today, self.domains)
        context = repr((profile_cache.code_hash(), sorted(units.items()),
                        sorted(declared) if declared is not None else None,
                        self.today, self.domains, self.dir))
        self.kept = profile_cache.ProfileCache(
            self.cache_dir, hashlib.sha256(context.encode()).hexdigest())
        profiles: list[Profile] = []
        base = os.path.join(self.root, self.dir)
        if not os.path.isdir(base):
            return Corpus(self.root, units, profiles, out)
        for entry in sorted(os.scandir(base), key=lambda e: e.name):
            rel = f"{self.dir}/{entry.name}"
            if entry.is_symlink():
                _symlink(rel, out)
            elif entry.is_dir():
                if not entry.name.startswith("."):
                    profiles.extend(self.folder(rel, entry.name, units, declared))
            elif files.kind(entry.name) == "hidden":
                out.error(rel, 1, "-", *files.message("hidden", entry.name, self.dir))
            elif entry.name not in ROOT_FILES and not entry.name.startswith("."):
                out.error(
                    rel, 1, "-", "SC015",
                    "Tệp nằm ngoài thư mục của đơn vị.",
                    f"Chuyển tệp vào thư mục của đơn vị giới thiệu: {self.dir}/<mã-đơn-vị>/.",
                )
        profiles = self.decode_pending(profiles)
        self.verdicts.save()
        self.kept.save()
        _unique_urls(profiles, out)
        linkrules.unpublished_targets(profiles, self.today, out)
        return Corpus(self.root, units, profiles, out, self.unchecked)

    def photo_problem(self, rel: str) -> photos.Problem | None:
        full = os.path.join(self.root, rel)
        name = rel.rsplit("/", 1)[-1]
        found = photos.header_problem(full, name)
        if found:
            return found
        v = self.verdicts.get(full, rel)
        if v is None:
            self.pending.append((rel, *self.current))
            return None
        return photos.problem_of(v, name)

    def decode_pending(self, profiles: list[Profile]) -> list[Profile]:
        if not self.pending:
            return profiles
        if self.defer:  # headers now, pixels in the build's media step
            for rel, _, _ in self.pending:
                found = photos.header_verdict(os.path.join(self.root, rel))
                if found is not None:
                    self.verdicts.put(rel, found)
            self.unchecked = tuple(Unchecked(rel, path, line) for rel, path, line in self.pending
                                   if self.verdicts.get(os.path.join(self.root, rel), rel) is None)
        else:
            self.verdicts.fill(self.root, [rel for rel, _, _ in self.pending])
        refused = set()
        for rel, path, line in self.pending:
            v = self.verdicts.get(os.path.join(self.root, rel), rel)
            problem = photos.problem_of(v, rel.rsplit("/", 1)[-1]) if v else None
            if problem:
                self.out.error(path, line, "photo", *problem)
                refused.add(path)
        return [p for p in profiles if p.path not in refused]

    def folder(self, rel: str, unit_id: str, units: dict[str, Unit],
               declared: set[str] | None) -> list[Profile]:
        out = self.out
        found: list[Profile] = []
        for entry in sorted(os.scandir(os.path.join(self.root, rel)), key=lambda e: e.name):
            path = f"{rel}/{entry.name}"
            if entry.is_symlink():
                _symlink(path, out)
                continue
            if entry.is_dir():
                if not entry.name.startswith("."):
                    out.error(path, 1, "-", *files.message("folder", entry.name, rel))
                continue
            k = files.kind(entry.name)
            if k in ("image", "ignore"):
                continue  # an image is checked when a profile names it
            if k == "other":
                out.warning(path, 1, "-", *files.message(k, entry.name, rel))
                continue
            if k != "profile":
                out.error(path, 1, "-", *files.message(k, entry.name, rel))
                continue
            full = os.path.join(self.root, path)
            data, key = profile_cache.file_key(full, path)
            result = self.kept.get(key)
            if result is None or not self._replay(path, result):
                if data is None:
                    data, key = profile_cache.read_keyed(full, path)
                result = self._validate(path, entry.name, unit_id, units, declared, data)
            self.kept.put(key, result, path)
            out.extend(result.diagnostics)
            if result.profile is not None:
                found.append(result.profile)
        return found

    def has_file(self, rel: str) -> bool:
        """Whether a repository path (an image or a profile a story names) is a file."""
        if rel.startswith("..") or "\0" in rel:
            return False
        full = os.path.join(self.root, rel)
        return os.path.isfile(full) and not os.path.islink(full)

    def _replay(self, path: str, kept: profile_cache.Result) -> bool:
        """Ask again about the photos and files a kept result named: the same
        answers, or no use."""
        mark = len(self.pending)
        self.current = (path, kept.photo_line)
        for rel, answer in kept.asks:
            now = (self.has_file(rel[1]) if isinstance(rel, tuple)
                   else self.photo_problem(rel))
            if now != answer:
                del self.pending[mark:]
                return False
        return True

    def _validate(self, path: str, name: str, unit_id: str, units: dict[str, Unit],
                  declared: set[str] | None, data: bytes) -> profile_cache.Result:
        out = Collector()
        asks: list[tuple[str | tuple[str, str], Any]] = []

        def ask(rel: str) -> Any:
            answer = self.photo_problem(rel)
            asks.append((rel, answer))
            return answer

        def has(rel: str) -> bool:
            found = self.has_file(rel)
            asks.append((("file", rel), found))
            return found

        p = self._profile(path, name, unit_id, units, declared, data, out, ask, has)
        return profile_cache.Result(p, tuple(out.items), self.current[1], tuple(asks))

    def _profile(self, path: str, name: str, unit_id: str, units: dict[str, Unit],
                 declared: set[str] | None, data: bytes, out: Collector,
                 ask: Callable[[str], Any], has: Callable[[str], bool]) -> Profile | None:
        rel = path.rsplit("/", 1)[0]
        self.current = (path, 1)
        m = FILE_NAME.match(name)
        if not m and not data.lstrip(b"\xef\xbb\xbf").startswith(b"---"):
            # Neither named nor written as a profile: a note, not a broken profile.
            out.error(path, 1, "-", *files.message("not-profile", name, rel))
            return None
        # An unreadable units.yml (declared is None) is reported once, not per profile.
        if declared is not None and unit_id not in declared:
            out.error(
                path, 1, "-", "SC017",
                f"Thư mục '{unit_id}' không phải mã của đơn vị nào trong units.yml.",
                "Đặt hồ sơ vào thư mục mang đúng mã đơn vị (xem profiles/units.yml), "
                "hoặc thêm đơn vị vào units.yml.",
            )
        if not m:
            out.error(
                path, 1, "-", "SC018",
                f"Tên tệp '{name}' không đúng dạng <năm>-<tên>.md.",
                "Dùng năm giới thiệu, rồi tên không dấu, chữ thường, nối bằng '-', "
                "ví dụ 2024-nguyen-van-a.md.",
            )
        text = frontmatter.decode(data, path, out)
        if text is None:
            return None
        doc = frontmatter.split(text, path, out)
        if doc is None or not (m and unit_id in units):
            return None
        self.current = (path, doc.meta.line_of("photo"))
        p = read_profile(path, unit_id, m.group(2), doc, out, self.today, ask, self.domains,
                         has)
        closed = units[unit_id].inactive_message(p.introduced) if p else None
        if p and closed:
            out.error(
                path, doc.meta.line_of("introduced"), "introduced", "SC110", closed,
                "Nếu hồ sơ được giới thiệu khi đơn vị còn hoạt động, sửa 'introduced' "
                "thành ngày đó; nếu không, đơn vị tiếp nhận nhiệm vụ giới thiệu hồ sơ "
                "trong thư mục của mình.",
            )
            return None
        return p


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
