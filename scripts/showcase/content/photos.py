"""Check-time photo rules: the bytes must be an image the build can publish.

The build decodes every photo (``publish/media/plan.py``); whatever it would
refuse, the check refuses first, with the file, the line and a code: so the
check decodes the whole image too, not just its header. A truncated JPEG
(an upload that stopped half-way) has a valid header and fails only when
its last rows are read.

The check and the build decode with one function (:func:`decode`), so they
cannot disagree. JPEGs are decoded at 1/8 scale by the check: every byte of
the compressed data is still read and checked, for a fraction of the cost.
Verdicts are kept by content hash (:mod:`photo_verdicts`).
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

MAX_PHOTO_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
# A JPEG that the build makes smaller decodes at reduced DCT scale, kept this much
# above the target (the DCT's own downscaling is blurrier than a resampling filter).
DRAFT_MARGIN = 1.5
_ORIENTATION = 0x0112
_SWAPS_AXES = frozenset({5, 6, 7, 8})
T = TypeVar("T")

_EXT_FORMAT = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
_DECODABLE = ("JPEG", "PNG", "WEBP")  # as publish/media/plan.py

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
        return decode(full, fmt)[0]


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


def decode(full: str, fmt: str | None, target: tuple[int, int] | None = None,
           then: Callable[[Any, int], T] | None = None, *, header_only: bool = False
           ) -> tuple[Verdict, T | None]:
    """Decode the file strictly, as the check and the build both do (one code path).

    Returns the verdict and, when it is ok and ``then`` is given, what
    ``then(image, exif_orientation)`` makes of the decoded image (``header_only``:
    everything but the pixels). A JPEG decodes
    at 1/8 scale, or at the smallest of 1/8, 1/4, 1/2 that keeps ``target``
    (width, height once upright) times DRAFT_MARGIN: every byte of its data is
    read and checked at any scale. Call it under :func:`strict_decoding`.
    """
    from PIL import Image

    with contextlib.ExitStack() as stack:
        try:
            im = stack.enter_context(Image.open(full, formats=_DECODABLE))
            width, height = im.size
            if width * height > MAX_PIXELS:
                return (fmt, "pixels", f"{width}x{height}"), None
            if getattr(im, "n_frames", 1) > 1:
                return (fmt, "animated", ""), None
            orientation = int(im.getexif().get(_ORIENTATION, 1))
            if header_only:
                return (fmt, "ok", ""), None
            if im.format == "JPEG" and target is None:
                im.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            elif im.format == "JPEG" and target is not None:
                tw, th = (target[1], target[0]) if orientation in _SWAPS_AXES else target
                if width > tw * DRAFT_MARGIN:  # (the target in the file's own orientation)
                    im.draft(None, (math.ceil(tw * DRAFT_MARGIN), math.ceil(th * DRAFT_MARGIN)))
            im.load()
        except Image.DecompressionBombError:
            return (fmt, "pixels", ""), None
        except ValueError as exc:  # Pillow's guard against inflating text chunks
            if "Decompressed" in str(exc) or "text chunks" in str(exc):
                return (fmt, "metadata", ""), None
            return (fmt, "damaged", ""), None
        except OSError as exc:
            return (fmt, ("truncated" if "truncated" in str(exc) else "damaged"), ""), None
        except Exception:  # Pillow raises many types for broken files
            return (fmt, "damaged", ""), None
        return (fmt, "ok", ""), (then(im, orientation) if then else None)


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


def check_photo(root: str, rel: str) -> Problem | None:
    """Why the photo at ``rel`` cannot be published, or None if it can."""
    full = os.path.join(root, rel)
    name = rel.rsplit("/", 1)[-1]
    return header_problem(full, name) or problem_of(verdict(full), name)


def header_verdict(full: str) -> Verdict | None:
    """The verdict when the header alone decides it (a wrong format, too many
    pixels, frames, broken metadata), else None: only the pixels are left to
    decode, which a build does when it makes the photo's variants."""
    try:
        with open(full, "rb") as fh:
            fmt = sniff(fh.read(32))
    except OSError:
        return None, "damaged", ""
    if fmt not in _DECODABLE:
        return fmt, "ok", ""
    with strict_decoding():
        v, _ = decode(full, fmt, header_only=True)
    return None if v[1] == "ok" else v
