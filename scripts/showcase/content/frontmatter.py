"""A profile file's bytes -> front matter tree + body, or diagnostics.

Accepted quirks: a UTF-8 byte order mark, CRLF line endings and NFD
(decomposed) Vietnamese, normalised to NFC so search and comparisons work.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from showcase.content import chars, conflicts, legacy, punctuation, yamlsyntax, yamltree
from showcase.content.diagnostics import Collector

MAX_BYTES = 1_000_000
MAX_LEGACY_LINES = 20  # per file: a whole story typed with a VNI font is one problem
_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_LEADING_TAB = re.compile(r"^ *\t")


@dataclass(frozen=True)
class Document:
    meta: yamltree.Map
    body: str
    body_line: int  # file line of the body's first line
    refused: bool = False  # the body holds a problem found in the text (conflict, old code)


def decode(data: bytes, path: str, out: Collector) -> str | None:
    """Bytes -> NFC text with LF newlines, or None after reporting why not."""
    if not data.strip():
        out.error(
            path,
            1,
            "-",
            "SC001",
            "Tệp trống.",
            "Hãy viết phần thông tin (front matter) giữa hai dòng '---' rồi đến bài viết, "
            "hoặc xóa tệp này.",
        )
        return None
    if len(data) > MAX_BYTES:
        out.error(
            path,
            1,
            "-",
            "SC002",
            "Tệp quá lớn (trên 1 MB).",
            "Rút gọn bài viết; ảnh phải là tệp riêng đặt cạnh hồ sơ, không nhúng vào văn bản.",
        )
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        out.error(
            path,
            line,
            "-",
            "SC003",
            "Tệp không phải mã hóa UTF-8 (có thể đã lưu bằng mã TCVN3/VNI hoặc Windows-1258).",
            "Mở tệp và lưu lại với mã hóa UTF-8 (trong Notepad: Lưu thành > Mã hóa: UTF-8).",
        )
        return None
    # A byte order mark read twice ('ï»¿'): the file was opened as Windows-1252 and
    # saved again; its letters are reported line by line (SC121), the mark is dropped.
    text = text.removeprefix("\u00ef\u00bb\u00bf")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def split(text: str, path: str, out: Collector) -> Document | None:
    """Text -> Document; reports missing/unclosed front matter and YAML problems.

    What is wrong with the text itself is found first, on every line: merge
    conflict markers (YAML would report them one line off) and words typed in
    a legacy encoding (see :func:`text_problems`).
    """
    lines = text.split("\n")
    opened = bool(lines) and lines[0].rstrip() == "---"
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None) if opened \
        else None
    head = end if end is not None else len(lines)  # lines of the front matter, 0-based
    found = conflicts.find(lines)
    for c in found:
        out.error(path, c.line, "body" if c.line > head + 1 else "-", *conflicts.message(c))
    if any(c.line <= head + 1 for c in found):
        return None  # the front matter holds two versions: the writer must choose first
    if not opened:
        out.error(
            path,
            1,
            "-",
            "SC004",
            "Thiếu phần thông tin (front matter) ở đầu tệp.",
            "Dòng đầu tiên của tệp phải là '---', tiếp theo là các trường (name, kind, ...) "
            "và một dòng '---' để kết thúc.",
        )
        return None
    if end is None:
        out.error(
            path,
            1,
            "-",
            "SC005",
            "Phần thông tin (front matter) mở bằng '---' nhưng không có dòng '---' đóng lại.",
            "Thêm một dòng chỉ có '---' sau trường cuối cùng, trước bài viết.",
        )
        return None
    old_text = _legacy_lines(lines, path, out, body_from=end + 1)
    yaml_lines, odd = lookalikes(lines[1:end], path, out, first_line=2)
    if leading_tabs(yaml_lines, path, out, first_line=2):
        report_legacy(old_text, path, out, None, end + 1)
        return None
    parsed = yamltree.parse("\n".join(yaml_lines), first_line=2)
    report_problems(parsed.problems, path, out, parsed.root, yaml_lines, 2)
    report_legacy(old_text, path, out, parsed.root, end + 1)
    cut = report_swallowed(parsed.root, yaml_lines, path, out, 2)
    if parsed.root is None and not parsed.problems:
        out.error(
            path,
            1,
            "-",
            "SC008",
            "Phần thông tin (front matter) trống.",
            "Điền các trường bắt buộc: name, kind, field, sectors, introduced, summary.",
        )
        return None
    if parsed.root is None:
        return None
    if not isinstance(parsed.root, yamltree.Map):
        out.error(
            path,
            parsed.root.line,
            "-",
            "SC009",
            "Phần thông tin (front matter) phải là danh sách các cặp 'trường: giá trị'.",
            "Mỗi dòng có dạng 'name: Nguyễn Văn A'; không bắt đầu bằng '-' hay viết một câu văn.",
        )
        return None
    body = "\n".join(lines[end + 1 :])
    refused = bool(found or old_text or cut or odd)
    return Document(parsed.root, body, end + 2, refused)


def report_swallowed(root: yamltree.Node | None, lines: list[str], path: str, out: Collector,
                     first_line: int = 1) -> bool:
    """Report values a '#' emptied or cut short, and give them back what was written (so
    that no 'missing field' follows); True if there was any."""
    found = yamlsyntax.swallowed(root, lines, first_line)
    for s in found:
        entry = s.owner.entries[s.key]
        out.error(path, s.line, yamltree.path_at(root, s.line), *yamlsyntax.swallowed_message(s))
        s.owner.entries[s.key] = yamltree.Entry(
            s.key, entry.key_line, yamltree.Scalar(s.written, entry.value.line, False))
    return bool(found)


def lookalikes(lines: list[str], path: str, out: Collector, first_line: int = 1
               ) -> tuple[list[str], bool]:
    """Report look-alike punctuation (full-width colon, odd spaces, curly quotes); the
    lines with the signs meant, to parse, and whether there was any."""
    found, fixed = punctuation.scan(lines, first_line)
    for f in found:
        out.error(path, f.line, "-", f.code, f.message, f.hint)
    return fixed, bool(found)


def leading_tabs(lines: list[str], path: str, out: Collector, first_line: int = 1) -> bool:
    """Report every line indented with a tab (YAML refuses them, in English)."""
    tabs = [i + first_line for i, ln in enumerate(lines) if _LEADING_TAB.match(ln)]
    for line in tabs:
        out.error(
            path,
            line,
            "-",
            "SC006",
            "Dòng thụt lề bằng phím Tab; YAML chỉ cho phép dấu cách.",
            "Thay ký tự Tab ở đầu dòng bằng dấu cách (thường là 2 dấu cách).",
        )
    return bool(tabs)


def _legacy_lines(lines: list[str], path: str, out: Collector, first_line: int = 1,
                  body_from: int = 0) -> list[tuple[int, legacy.Finding]]:
    """Lines typed in a legacy encoding (at most MAX_LEGACY_LINES), marked as explained
    so that their characters are not also reported one by one. Lines past the index
    ``body_from`` are a story's: one search tells whether any of them needs a look."""
    found: list[tuple[int, legacy.Finding]] = []
    head = lines[:body_from] if body_from else lines
    look = (legacy.suspect("\n".join(head)),
            bool(body_from) and legacy.suspect("\n".join(lines[body_from:]), short=False))
    for i, text in enumerate(lines):
        in_story = bool(body_from) and i >= body_from
        if not look[in_story]:
            if in_story or not look[1]:
                break
            continue
        f = legacy.find(text, short=not in_story)
        if f is not None:
            found.append((i + first_line, f))
            out.explained.add((path, i + first_line))
            if len(found) == MAX_LEGACY_LINES:
                break
    return found


def report_legacy(found: list[tuple[int, legacy.Finding]], path: str, out: Collector,
                  root: yamltree.Node | None, body_from: int = 0) -> None:
    """Report each line typed in a legacy encoding, with its field (``body`` past
    ``body_from``, when there is a body)."""
    for line, f in found:
        fld = "body" if body_from and line > body_from else _field_at(root, line)
        if fld != "-":
            out.explained.add((path, fld))
        out.error(path, line, fld, *legacy.message(f))


def _field_at(root: yamltree.Node | None, line: int) -> str:
    """The key path written at ``line``; a list or group written on its key's line
    ('tags: [a, b]') is the key's, not its last item's."""
    path = yamltree.path_at(root, line)
    head = path.split("[", 1)[0]
    if isinstance(root, yamltree.Map) and head in root.entries:
        entry = root.entries[head]
        if entry.key_line == line and isinstance(entry.value, yamltree.Seq | yamltree.Map):
            return head
    return path


def text_problems(text: str, path: str, out: Collector
                  ) -> tuple[bool, list[tuple[int, legacy.Finding]]]:
    """For a YAML file without front matter (units.yml): report its merge conflicts;
    (any conflict, lines typed in a legacy encoding still to report with their fields)."""
    lines = text.split("\n")
    found = conflicts.find(lines)
    for c in found:
        out.error(path, c.line, "-", *conflicts.message(c))
    return bool(found), ([] if found else _legacy_lines(lines, path, out))


def report_problems(
    problems: list[yamltree.Problem], path: str, out: Collector,
    root: yamltree.Node | None = None, lines: list[str] | None = None, first_line: int = 1,
) -> None:
    """Report the problems of a parse; ``lines`` (the YAML text's, the first being file
    line ``first_line``) let a syntax error be told in terms of what was typed."""
    for p in problems:
        if p.kind == "char":
            code, message, hint = chars.problem(p.detail, p.context)
            out.error(path, p.line, yamltree.path_at(root, p.line), code, message, hint)
        elif p.kind == "deep":
            out.error(
                path,
                p.line,
                "-",
                "SC039",
                f"Các giá trị lồng vào nhau quá sâu (quá {p.detail} cấp).",
                "Phần thông tin chỉ cần vài cấp, ví dụ 'consent:' với các dòng thụt lề bên "
                "dưới; kiểm tra các dấu '[' và '{' đã được đóng đúng chỗ.",
            )
        elif p.kind == "syntax":
            e = yamlsyntax.explain(p, lines or [], first_line)
            out.error(path, e.line, "-", e.code, e.message, e.hint)
        elif p.kind == "duplicate":
            key, first = p.detail.rsplit(":", 1)
            out.error(
                path,
                p.line,
                key,
                "SC010",
                f"Trường '{key}' xuất hiện hai lần (lần đầu ở dòng {first}).",
                "Giữ một dòng và xóa dòng còn lại; chỉ giá trị ở dòng đầu được dùng.",
            )
        elif p.kind in ("alias", "anchor"):
            sign = "*" if p.kind == "alias" else "&"
            out.error(
                path,
                p.line,
                "-",
                "SC011",
                f"Không dùng tham chiếu YAML ('{sign}{p.detail}').",
                "Viết đầy đủ giá trị ở mỗi chỗ cần dùng thay cho '&tên' và '*tên'; nếu dấu "
                f"'{sign}' là một phần của chữ, đặt cả giá trị trong dấu ngoặc kép.",
            )
        elif p.kind == "tag":
            out.error(
                path,
                p.line,
                "-",
                "SC012",
                f"Không dùng thẻ YAML tùy chỉnh ('{p.detail}'); thẻ này không được thực thi.",
                "Xóa phần bắt đầu bằng '!' trước giá trị.",
            )
        elif p.kind == "complex-key":
            out.error(
                path,
                p.line,
                "-",
                "SC013",
                "Tên trường phải là một từ đơn giản như 'name' hay 'summary'.",
                "Viết lại dòng theo dạng 'trường: giá trị'.",
            )
        elif p.kind == "multi-doc":
            out.error(
                path,
                p.line,
                "-",
                "SC014",
                "Phần thông tin chứa nhiều tài liệu YAML.",
                "Xóa dòng '---' hoặc '...' thừa bên trong phần thông tin.",
            )
