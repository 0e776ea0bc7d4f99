"""What the check tells the writer about a story's links and images.

The addresses are read and classified by :mod:`showcase.content.storylinks`
(the renderer's rules too); here are the messages: per file (images, local
files, addresses typed wrong, profile files that do not exist) and across
files (a link to a profile that is not on the site, a heading it lacks).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from showcase.content.diagnostics import Collector
from showcase.content.model import Profile
from showcase.content.storylinks import (
    Link,
    anchor,
    heading_ids,
    is_profile_path,
    kind,
    resolve,
    scan,
    typo_fixed,
    web_address,
)
from showcase.content.text import vn_date


@dataclass(frozen=True)
class Finding:
    offset_line: int
    code: str
    message: str
    hint: str
    warning: bool = False


_PHOTO_RULE = ("Bài viết không chèn ảnh: mỗi hồ sơ có một ảnh, đặt cạnh tệp hồ sơ và ghi tên "
               "ở trường 'photo' (kèm mô tả 'photo_alt'), trang tự làm các cỡ ảnh và xóa thông "
               "tin máy ảnh.")


def _photo_hint(found: str | None, rel: str, photo: str | None) -> str:
    name = posixpath.basename(rel)
    if photo is not None and rel == photo:
        return ("Ảnh này đã là ảnh của hồ sơ (trường 'photo') và hiện ở đầu trang: xóa dòng "
                "này khỏi bài viết.")
    if photo is not None:
        return (f"Hồ sơ đã có ảnh '{posixpath.basename(photo)}' (trường 'photo'): xóa ảnh này "
                "khỏi bài viết; có thể kể nội dung ảnh bằng lời.")
    if found is None:
        return (_PHOTO_RULE + " Xóa dòng này khỏi bài viết; nếu đây là ảnh của gương điển "
                "hình, tải ảnh lên cạnh tệp hồ sơ và ghi 'photo: <tên-tệp>.jpg'.")
    return (f"Nếu đây là ảnh của gương điển hình: ghi 'photo: {name}' và 'photo_alt: ...' ở "
            "phần đầu hồ sơ (ảnh phải nằm cạnh tệp hồ sơ), rồi xóa dòng này khỏi bài viết.")


def _image(link: Link, path: str, photo: str | None,
           exists: Callable[[str], bool]) -> Finding | None:
    k = kind(link.dest)
    if k == "unsafe":
        return None  # SC041
    if k in ("web", "bare", "typo", "scheme"):
        return Finding(link.offset_line, "SC142",
                       f"Bài viết không chèn được ảnh từ trang web khác ('{_short(link.dest)}').",
                       _PHOTO_RULE + " Xóa dòng này khỏi bài viết.")
    if k == "empty":
        return Finding(link.offset_line, "SC140", "Ảnh trong bài viết chưa có tên tệp.",
                       _PHOTO_RULE + " Xóa dòng này khỏi bài viết.")
    rel = resolve(link.dest, path)
    if rel.startswith("..") or not exists(rel):
        return Finding(link.offset_line, "SC140",
                       f"Ảnh '{_short(link.dest)}' trong bài viết không có: chưa tải tệp "
                       f"{_short(rel)} lên.", _photo_hint(None, rel, photo))
    return Finding(link.offset_line, "SC141",
                   f"Bài viết không chèn được ảnh ('{_short(link.dest)}'): mỗi hồ sơ có một "
                   "ảnh, ghi ở trường 'photo'.", _photo_hint(rel, rel, photo))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_NOT_A_PAGE = ("Chỉ liên kết tới hồ sơ khác bằng tệp của nó "
               "('../<mã-đơn-vị>/<năm>-<tên>.md', hoặc '<năm>-<tên>.md' nếu cùng đơn vị), "
               "hoặc tới trang web bằng địa chỉ đầy đủ (https://...).")


def _link(link: Link, path: str, profiles_dir: str,
          exists: Callable[[str], bool]) -> Finding | None:
    k = kind(link.dest)
    dest = _short(link.dest)
    at = link.offset_line
    if k == "bare":
        return Finding(at, "SC147",
                       f"Địa chỉ web '{dest}' thiếu 'https://' ở đầu: trang tự thêm thành "
                       f"'{_short(web_address(link.dest))}'.",
                       "Viết đủ địa chỉ, ví dụ [Trang của xã](https://www.facebook.com/...), "
                       "rồi bấm thử liên kết trong bản xem trước.", warning=True)
    if k == "typo":
        fixed = typo_fixed(link.dest)
        return Finding(at, "SC148", f"Địa chỉ web '{dest}' viết sai phần đầu.",
                       f"Sửa thành '{_short(fixed)}': bắt đầu bằng 'https://' (dấu hai chấm "
                       "và hai dấu gạch chéo '/').")
    if k == "scheme":
        scheme = link.dest.strip().split(":", 1)[0]
        return Finding(at, "SC149",
                       f"Liên kết '{dest}' dùng kiểu địa chỉ '{scheme}:' mà người đọc không mở "
                       "được từ trang.",
                       "Chỉ dùng địa chỉ web đầy đủ (https://...) hoặc mailto: với thư công vụ; "
                       "nếu không cần liên kết, bỏ dấu ngoặc và giữ lại chữ.")
    if k == "empty":
        return Finding(at, "SC150", f"Liên kết '[{_short(link.text, 40)}]' chưa có địa chỉ.",
                       "Ghi địa chỉ trong ngoặc tròn, ví dụ [chữ](https://...), hoặc bỏ dấu "
                       "ngoặc vuông nếu không cần liên kết.")
    if k == "profile":
        rel = resolve(link.dest, path)
        if not is_profile_path(rel, profiles_dir):
            return Finding(at, "SC144",
                           f"Liên kết tới '{dest}' không dẫn tới hồ sơ nào: chỉ hồ sơ "
                           f"trong {profiles_dir}/<mã-đơn-vị>/<năm>-<tên>.md có trang trên "
                           "trang web.", _NOT_A_PAGE)
        if not exists(rel):
            return Finding(at, "SC143",
                           f"Liên kết tới hồ sơ '{dest}' nhưng không có tệp {_short(rel)}.",
                           "Kiểm tra tên tệp và thư mục: đường dẫn tính từ thư mục của hồ sơ "
                           "này, ví dụ '../<mã-đơn-vị>/2024-nguyen-van-a.md', hoặc "
                           "'2024-nguyen-van-a.md' nếu cùng đơn vị.")
        return None
    if k == "local":
        return Finding(at, "SC146",
                       f"Liên kết tới tệp '{dest}': trang chỉ đăng hồ sơ và ảnh của hồ sơ, "
                       "tệp này sẽ không có trên trang.",
                       "Đăng tài liệu ở trang web của đơn vị rồi dẫn địa chỉ đầy đủ "
                       "(https://...); liên kết tới hồ sơ khác thì dẫn tệp của hồ sơ đó "
                       "('../<mã-đơn-vị>/<năm>-<tên>.md').")
    return None  # web, mail, anchor; unsafe is SC041's


def _no_heading(link: Link, target: str) -> Finding:
    return Finding(link.offset_line, "SC152",
                   f"Liên kết '{_short(link.dest)}' dẫn tới mục '#{anchor(link.dest)}' nhưng "
                   f"{target} không có tiêu đề mục nào như vậy: liên kết chỉ mở đầu trang.",
                   "Ghi đúng tiêu đề mục, viết thường, không dấu, nối bằng '-' (ví dụ "
                   "'## Hành trình' là '#hanh-trinh'), hoặc bỏ phần '#...'.", warning=True)


def check(body: str, path: str, photo: str | None, exists: Callable[[str], bool],
          profiles_dir: str) -> Iterator[Finding]:
    """What the writer is told about the links and images of one story.

    ``exists`` answers whether a repository path is a file; ``photo`` is the
    profile's own photo (a repository path), if any.
    """
    ids: set[str] | None = None
    for link in scan(body):
        found = (_image(link, path, photo, exists) if link.image
                 else _link(link, path, profiles_dir, exists))
        if found is None and not link.image and kind(link.dest) == "anchor" and anchor(
                link.dest):
            ids = heading_ids(body) if ids is None else ids
            if anchor(link.dest) not in ids:
                found = _no_heading(link, "bài viết này")
        if found is not None:
            yield found


def report(findings: Iterable[Finding], path: str, body_line: int, out: Collector) -> None:
    for f in findings:
        add = out.warning if f.warning else out.error
        add(path, body_line + f.offset_line, "body", f.code, f.message, f.hint)


# --- Across files: a link to a profile that is not on the site ----------------------


def _why_not_public(target: Profile, day: dt.date) -> str:
    if target.draft:
        return "còn là bản nháp (draft: true)"
    if target.published is None:
        return "chưa được duyệt công bố (chưa có 'published')"
    if target.published > day:
        return f"chỉ được công bố từ {vn_date(target.published)}"
    return "không có trên trang (chưa có hoặc đã rút lại sự đồng ý đăng trên trang web)"


def unpublished_targets(profiles: Iterable[Profile], today: dt.date, out: Collector) -> None:
    """An error for each link to a profile that is not on the site when the linking
    profile is (today, or from its own publication date); a warning for a link to
    a heading the other profile does not have."""
    listed = list(profiles)
    by_path = {p.path: p for p in listed}
    for p in listed:
        if ".md" not in p.body:
            continue
        # Publication is checked again once the board sets the linking profile's date.
        day = max(today, p.published) if p.published and not p.draft else None
        for link in scan(p.body):
            if link.image or kind(link.dest) != "profile":
                continue
            target = by_path.get(resolve(link.dest, p.path))
            if target is None:
                continue  # a missing or broken file has its own error
            if anchor(link.dest) and anchor(link.dest) not in heading_ids(target.body):
                report([_no_heading(link, f"hồ sơ {_short(target.name, 60)}")], p.path,
                       p.body_line, out)
            if day is None or not p.is_public(day) or target.is_public(day):
                continue
            out.error(
                p.path, p.body_line + link.offset_line, "body", "SC145",
                f"Liên kết tới hồ sơ '{_short(link.dest)}' ({_short(target.name, 60)}) "
                f"nhưng hồ sơ đó {_why_not_public(target, day)}: trên trang, liên kết sẽ "
                "không dẫn tới đâu.",
                "Chờ hồ sơ kia được công bố rồi mới thêm liên kết, hoặc bỏ liên kết và giữ "
                "lại chữ.",
            )
