"""What a file in ``profiles/`` is, judged by its name, and what to say about it.

A unit folder holds profiles (``<yyyy>-<slug>.md``) and their photos, and
nothing else that could be mistaken for them: a profile saved as
``.markdown`` or ``.md.txt``, a hidden ``.2024-x.md`` (an editor's backup,
or a name typed with a leading dot), a ``README.md`` or a Word document
would otherwise be skipped in silence and the profile never published.
"""

from __future__ import annotations

import os
import re

IMAGE_EXTS = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif"}
# Other spellings of Markdown, and plain text: a profile under the wrong name.
MARKDOWN_EXTS = {".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext",
                 ".mdx"}
# Plain text is a profile under the wrong name when it is named like one:
# '2024-nguyen-van-a.txt', or Notepad's '2024-nguyen-van-a.md.txt'.
_TEXT_PROFILE = re.compile(r"^\.?(\d{4}-.*|.*\.md)\.te?xt$", re.IGNORECASE)
DOCUMENT_EXTS = {".doc", ".docx", ".odt", ".rtf", ".pdf", ".pages", ".xls", ".xlsx"}
_NOT_PROFILES = re.compile(r"^(readme|index|license|changelog|ghi-chu|huong-dan)\b", re.I)
IGNORED_HIDDEN = {".gitkeep", ".DS_Store"}

Message = tuple[str, str, str]  # code, message, hint


def kind(name: str) -> str:
    """profile | image | hidden | markdown | document | not-profile | ignore | other."""
    ext = os.path.splitext(name)[1].lower()
    if name.startswith("."):
        if name in IGNORED_HIDDEN:
            return "ignore"
        profile_like = ext == ".md" or ext in MARKDOWN_EXTS or _TEXT_PROFILE.match(name)
        return "hidden" if profile_like else "ignore"
    if ext in IMAGE_EXTS:
        return "image"
    if ext in MARKDOWN_EXTS or _TEXT_PROFILE.match(name):
        return "markdown"
    if ext in DOCUMENT_EXTS:
        return "document"
    if ext == ".md":
        return "not-profile" if _NOT_PROFILES.match(name) else "profile"
    return "other"


def message(k: str, name: str, unit_dir: str) -> Message:
    """(code, message, hint) for a file of kind ``k`` that is not a profile."""
    stem = name.lstrip(".")
    for ext in (".txt", ".text", *sorted(MARKDOWN_EXTS, key=len, reverse=True)):
        if stem.lower().endswith(ext):
            stem = stem[: -len(ext)]
            break
    if stem.lower().endswith(".md"):
        stem = stem[:-3]
    if k == "hidden":
        return ("SC057",
                f"Tệp ẩn '{name}' (tên bắt đầu bằng dấu chấm) không được đọc như một hồ sơ.",
                f"Nếu là hồ sơ, đổi tên bỏ dấu chấm ở đầu: {stem}.md; nếu là bản nháp hay tệp "
                "tạm của trình soạn thảo, xóa đi.")
    if k == "markdown":
        return ("SC056",
                f"Tệp '{name}' có đuôi '{os.path.splitext(name)[1]}'; hồ sơ phải có đuôi .md.",
                f"Đổi tên thành {stem}.md (Notepad: chọn 'Lưu dưới dạng: Mọi tệp' rồi gõ tên "
                "có đuôi .md).")
    if k == "document":
        return ("SC056",
                f"Tệp '{name}' là tài liệu Word, PDF hay bảng tính, không phải hồ sơ.",
                "Chép nội dung vào một tệp <năm>-<tên>.md theo mẫu hồ sơ, rồi xóa tệp này; "
                "không tải phiếu đồng ý hay giấy tờ cá nhân lên kho.")
    if k == "not-profile":
        return ("SC058",
                f"Thư mục đơn vị chỉ chứa tệp hồ sơ <năm>-<tên>.md và ảnh của hồ sơ; "
                f"'{name}' không phải hồ sơ.",
                f"Xóa tệp này, hoặc chuyển ghi chú ra ngoài thư mục {unit_dir}/.")
    if k == "folder":
        return ("SC059",
                f"Thư mục con '{name}' trong thư mục đơn vị: hồ sơ và ảnh trong đó không được "
                "đọc.",
                f"Chuyển hồ sơ và ảnh ra thẳng thư mục {unit_dir}/, rồi xóa thư mục con.")
    return ("SC016", "Tệp không phải hồ sơ (.md) hay ảnh; bị bỏ qua.", "Xóa tệp này nếu không cần.")
