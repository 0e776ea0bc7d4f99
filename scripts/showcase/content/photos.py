"""Check-time photo rules: the bytes must be an image the build can publish.

The build decodes every photo (``publish/media.py``); whatever it would
refuse, the check refuses first, with the file, the line and a code: so the
check decodes the whole image too, not just its header. A truncated JPEG
(an upload that stopped half-way) has a valid header and fails only when
its last rows are read.

Decoding costs tens of milliseconds a photo, so the verdict is cached in
``<cache_dir>/photo-checks.json`` by the SHA-256 of the file's bytes (a
file whose size and modification time are unchanged is not even hashed
again); the cache is replaced atomically, and a missing or unreadable cache
only makes the check slower. JPEGs are decoded at 1/8 scale: every byte of
the compressed data is still read and checked, for a fraction of the cost.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import hashlib
import json
import multiprocessing
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

MAX_PHOTO_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
CACHE_NAME = "photo-checks.json"
# Bump when the decoding rules change: old verdicts are then ignored.
VERDICT_VERSION = 2
POOL_THRESHOLD = 16  # photos to decode before a second process is worth its start-up

_EXT_FORMAT = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
_DECODABLE = ("JPEG", "PNG", "WEBP")  # as publish/media.py

Problem = tuple[str, str, str]  # code, message, hint
# (sniffed format, ok | pixels | animated | metadata | truncated | damaged, detail)
Verdict = tuple[str | None, str, str]


def sniff(head: bytes) -> str | None:
    """The format announced by a file's first bytes, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"hevc"):
        return "HEIC"
    return None


def verdict(full: str) -> Verdict:
    """Read and decode the file as the build will; never raises."""
    try:
        with open(full, "rb") as fh:
            head = fh.read(32)
    except OSError:
        return None, "damaged", ""
    fmt = sniff(head)
    if fmt not in _DECODABLE:
        return fmt, "ok", ""
    with strict_decoding():
        return _decode(full, fmt)


@contextlib.contextmanager
def strict_decoding() -> Iterator[None]:
    """Pillow refuses truncated images for the duration, whatever the process set.

    Some libraries switch Pillow to filling truncated images with grey for the
    whole process (WeasyPrint does, on import): the check's and the build's
    verdicts must not depend on what else the process has loaded.
    """
    from PIL import ImageFile  # imported late: `check` of text-only corpora stays light

    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient


def _decode(full: str, fmt: str | None) -> Verdict:
    from PIL import Image, ImageOps

    try:
        with Image.open(full, formats=_DECODABLE) as im:
            width, height = im.size
            if width * height > MAX_PIXELS:
                return fmt, "pixels", f"{width}x{height}"
            if getattr(im, "n_frames", 1) > 1:
                return fmt, "animated", ""
            im.getexif()  # the build reads the orientation
            if im.format == "JPEG":
                im.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            im.load()
            ImageOps.exif_transpose(im)
    except Image.DecompressionBombError:
        return fmt, "pixels", ""
    except ValueError as exc:  # Pillow's guard against inflating text chunks
        if "Decompressed" in str(exc) or "text chunks" in str(exc):
            return fmt, "metadata", ""
        return fmt, "damaged", ""
    except OSError as exc:
        return fmt, ("truncated" if "truncated" in str(exc) else "damaged"), ""
    except Exception:  # Pillow raises many types for broken files
        return fmt, "damaged", ""
    return fmt, "ok", ""


def problem_of(v: Verdict, name: str) -> Problem | None:
    """The problem a verdict means for the photo file ``name``, or None."""
    fmt, kind, detail = v
    ext = os.path.splitext(name)[1].lower()
    if fmt == "HEIC":
        return ("SC083", f"Ảnh '{name}' là ảnh HEIC của điện thoại, trang web không hiển thị được.",
                "Chuyển sang JPEG (trên iPhone: Cài đặt > Camera > Định dạng > Tương thích nhất, "
                "hoặc mở ảnh và chia sẻ dưới dạng JPEG) rồi tải lên lại.")
    if fmt is None:
        return ("SC084", f"Tệp '{name}' không phải là ảnh.",
                "Dùng ảnh JPEG, PNG hoặc WebP thật; không đổi đuôi tệp của tài liệu khác.")
    if fmt != _EXT_FORMAT.get(ext):
        return ("SC085", f"Nội dung ảnh '{name}' là {fmt}, không khớp với đuôi '{ext}'.",
                f"Đổi đuôi tệp cho đúng định dạng {fmt} (và sửa trường photo), "
                "hoặc lưu lại ảnh đúng định dạng.")
    if kind == "pixels":
        size = f" ({detail}, tối đa 40 triệu)" if detail else " (trên 40 triệu)"
        return ("SC086", f"Ảnh '{name}' quá nhiều điểm ảnh{size}.",
                "Thu nhỏ ảnh (cạnh dài khoảng 2000 điểm ảnh là đủ).")
    if kind == "animated":
        return ("SC087", f"Ảnh '{name}' là ảnh động.", "Dùng một ảnh tĩnh JPEG, PNG hoặc WebP.")
    if kind == "metadata":
        return ("SC088", f"Ảnh '{name}' mang phần thông tin kèm theo (metadata) quá lớn.",
                "Mở ảnh bằng trình sửa ảnh và xuất lại (Lưu thành / Export) thành JPEG; phần "
                "chú thích, thông tin kèm ảnh không cần cho trang.")
    if kind == "truncated":
        return ("SC084", f"Ảnh '{name}' bị cắt cụt: tệp không đầy đủ (có thể tải lên chưa xong).",
                "Tải lại ảnh gốc lên (chép lại từ máy ảnh hay điện thoại), rồi kiểm tra lại.")
    if kind == "damaged":
        return ("SC084", f"Ảnh '{name}' bị hỏng, không đọc được.",
                "Mở ảnh trên máy tính, lưu lại thành JPEG rồi tải lên lại.")
    return None


def header_problem(full: str, name: str) -> Problem | None:
    """Problems found without reading the content: links, absence, size."""
    if os.path.islink(full):
        return ("SC080", f"Ảnh '{name}' là liên kết tượng trưng (symlink).",
                "Chép tệp ảnh thật vào thư mục của hồ sơ.")
    if not os.path.isfile(full):
        return ("SC081", f"Không tìm thấy ảnh '{name}' cạnh tệp hồ sơ.",
                "Tải ảnh lên cùng thư mục với hồ sơ, đúng tên tệp (phân biệt chữ hoa, thường).")
    size = os.path.getsize(full)
    if size > MAX_PHOTO_BYTES:
        return ("SC082", f"Ảnh '{name}' quá lớn ({size // (1024 * 1024)} MB, tối đa 15 MB).",
                "Giảm kích thước ảnh (cạnh dài khoảng 2000 điểm ảnh là đủ).")
    return None


def check_photo(root: str, rel: str, verdicts: Verdicts | None = None) -> Problem | None:
    """Why the photo at ``rel`` cannot be published, or None if it can."""
    full = os.path.join(root, rel)
    name = rel.rsplit("/", 1)[-1]
    found = header_problem(full, name)
    if found:
        return found
    v = verdicts.get(full, rel) if verdicts else None
    if v is None:
        v = verdict(full)
        if verdicts:
            verdicts.put(rel, v)
    return problem_of(v, name)


def file_hash(path: str) -> str:
    """SHA-256 of a file's bytes, read a megabyte at a time (also the build cache's)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class Verdicts:
    """Photo verdicts by content hash, kept between runs in ``cache_dir`` (if given)."""

    cache_dir: str | None = None
    # JSON values: rel -> [size, mtime_ns, sha256]; sha256 -> [format, kind, detail]
    files: dict[str, list[Any]] = field(default_factory=dict)
    by_hash: dict[str, list[Any]] = field(default_factory=dict)
    _seen: dict[str, list[Any]] = field(default_factory=dict)
    _hash_of: dict[str, str] = field(default_factory=dict)
    _changed: bool = False

    @classmethod
    def load(cls, cache_dir: str | None) -> Verdicts:
        v = cls(cache_dir)
        if not cache_dir:
            return v
        try:
            with open(os.path.join(cache_dir, CACHE_NAME), encoding="utf-8") as fh:
                data = json.load(fh)
            if data.get("version") == _version():
                v.files = dict(data.get("files", {}))
                v.by_hash = dict(data.get("verdicts", {}))
        except (OSError, ValueError, AttributeError, TypeError):
            pass  # no cache yet, or a damaged one: decode again
        return v

    def get(self, full: str, rel: str) -> Verdict | None:
        """The cached verdict of the file's current content, or None (then call put)."""
        st = os.stat(full)
        known = self._seen.get(rel) or self.files.get(rel)
        if known and known[0] == st.st_size and known[1] == st.st_mtime_ns:
            digest = known[2]
        else:
            digest = file_hash(full)
            self._changed = True
        self._seen[rel] = [st.st_size, st.st_mtime_ns, digest]
        self._hash_of[rel] = digest
        cached = self.by_hash.get(digest)
        if cached is None:
            return None
        return cached[0], cached[1], cached[2]

    def put(self, rel: str, v: Verdict) -> None:
        digest = self._hash_of.get(rel)
        if digest:
            self.by_hash[digest] = list(v)
            self._changed = True

    def save(self) -> None:
        """Write the verdicts of the files seen in this run; atomic, never fails the check."""
        if not self.cache_dir or not (self._changed or set(self._seen) != set(self.files)):
            return
        hashes = {d for _, _, d in self._seen.values()}
        data = {
            "version": _version(),
            "files": dict(sorted(self._seen.items())),
            "verdicts": {h: v for h, v in sorted(self.by_hash.items()) if h in hashes},
        }
        try:
            os.makedirs(self.cache_dir, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=self.cache_dir)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, separators=(",", ":"))
            os.replace(tmp, os.path.join(self.cache_dir, CACHE_NAME))
        except OSError:
            pass  # a read-only checkout: the next check decodes again

    def fill(self, root: str, rels: list[str]) -> None:
        """Decode the photos not in the cache yet, two at a time when there are many."""
        todo: dict[str, str] = {}
        for rel in rels:
            full = os.path.join(root, rel)
            if header_problem(full, rel) is None and self.get(full, rel) is None:
                todo.setdefault(self._hash_of[rel], rel)
        if not todo:
            return
        paths = [os.path.join(root, rel) for rel in todo.values()]
        workers = min(2, os.cpu_count() or 1)
        if len(paths) < POOL_THRESHOLD or workers < 2:
            results = [verdict(p) for p in paths]
        else:
            # 'spawn': forking a process that may hold threads (mkdocs serve) can deadlock.
            ctx = multiprocessing.get_context("spawn")
            with concurrent.futures.ProcessPoolExecutor(workers, mp_context=ctx) as pool:
                results = list(pool.map(verdict, paths, chunksize=8))
        for rel, v in zip(todo.values(), results, strict=True):
            self.put(rel, v)


def _version() -> str:
    try:
        from PIL import __version__ as pil
    except ImportError:  # pragma: no cover
        pil = "?"
    return f"{VERDICT_VERSION}-{pil}"
