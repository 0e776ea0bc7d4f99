"""Check-time photo rules: the bytes must be the image the name says.

Only the header is read here (cheap); decoding, orientation, metadata
stripping and web variants happen in ``images.py`` at build time.
"""

from __future__ import annotations

import os

MAX_PHOTO_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000

_EXT_FORMAT = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


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


Problem = tuple[str, str, str]  # code, message, hint


def check_photo(root: str, rel: str) -> Problem | None:
    """Why the photo at ``rel`` cannot be published, or None if it can."""
    full = os.path.join(root, rel)
    name = rel.rsplit("/", 1)[-1]
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
    with open(full, "rb") as fh:
        head = fh.read(32)
    fmt = sniff(head)
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
    return _pixels(full, name)


def _pixels(full: str, name: str) -> Problem | None:
    from PIL import Image  # imported late: `check` of text-only corpora stays light

    try:
        with Image.open(full) as im:
            width, height = im.size
            frames = getattr(im, "n_frames", 1)
    except Image.DecompressionBombError:
        width, height, frames = MAX_PIXELS + 1, 1, 1
    except Exception:  # Pillow raises many types for broken files
        return ("SC084", f"Ảnh '{name}' bị hỏng, không đọc được.",
                "Mở ảnh trên máy tính, lưu lại thành JPEG rồi tải lên lại.")
    if width * height > MAX_PIXELS:
        return ("SC086", f"Ảnh '{name}' quá nhiều điểm ảnh ({width}x{height}, tối đa 40 triệu).",
                "Thu nhỏ ảnh (cạnh dài khoảng 2000 điểm ảnh là đủ).")
    if frames > 1:
        return ("SC087", f"Ảnh '{name}' là ảnh động.",
                "Dùng một ảnh tĩnh JPEG, PNG hoặc WebP.")
    return None
