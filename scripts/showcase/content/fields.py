"""Reading typed values out of a YAML tree, one field at a time.

The per-field decisions on YAML 1.1 traps live here:

* text fields take the source text as written: ``name: no`` is "no",
  ``ref: 010`` is "010" (YAML would give False and 8);
* dates must be ISO ``YYYY-MM-DD``, quoted or not; ``20/05/2024`` gets a hint;
* booleans are ``true`` or ``false`` only (``yes``/``no`` are refused with a
  hint, because YAML 1.1 and 1.2 disagree on them);
* years are four digits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from showcase.content import chars, safety, scripts
from showcase.content.diagnostics import Collector
from showcase.content.vocab import Term, did_you_mean, key_meant, resolve, unknown
from showcase.content.yamltree import Entry, Map, Node, Scalar, Seq

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YEAR = re.compile(r"^\d{4}$")
_KIND_NAMES = {Scalar: "một giá trị", Seq: "một danh sách", Map: "một nhóm trường"}


class Reader:
    """Reads the fields of one file, reporting problems to a collector."""

    def __init__(
        self, path: str, out: Collector, today: dt.date, email_domains: Iterable[str] = (),
    ) -> None:
        self.path = path
        self.out = out
        self.today = today
        self.email_domains = tuple(email_domains)  # official domains (``*.gov.vn``)

    def error(self, line: int, fld: str, code: str, message: str, hint: str = "") -> None:
        self.out.error(self.path, line, fld, code, message, hint)

    # -- structure ---------------------------------------------------------

    def unknown_keys(self, m: Map, allowed: Mapping[str, object], prefix: str = "") -> None:
        """Report keys not in ``allowed``. One typed in Vietnamese or in other case
        ('tên', 'Name') is then read as the key meant: it is not also missing."""
        renamed: list[tuple[str, str]] = []
        for key, entry in m.entries.items():
            meant = key_meant(key, allowed) if key not in allowed else None
            if meant:
                if meant not in m.entries:
                    renamed.append((key, meant))
                self.error(
                    entry.key_line, prefix + meant, "SC135",
                    f"Tên trường '{key}' không có trong mẫu hồ sơ: tên trường giữ nguyên như "
                    f"mẫu (chữ tiếng Anh, viết thường). Có phải ý bạn là '{meant}'?",
                    f"Sửa đầu dòng thành '{meant}:' và giữ nguyên giá trị phía sau.",
                )
            elif key not in allowed:
                self.error(
                    entry.key_line,
                    prefix + key,
                    "SC021",
                    f"Trường '{key}' không có trong mẫu hồ sơ.{did_you_mean(key, allowed)}",
                    "Sửa tên trường cho đúng, hoặc xóa dòng này. Các trường hợp lệ: "
                    + ", ".join(allowed)
                    + ".",
                )
        for key, meant in renamed:
            entry = m.entries.pop(key)
            m.entries[meant] = Entry(meant, entry.key_line, entry.value)

    def require(
        self, m: Map, key: str, prefix: str = "", why: str = "", at: int = 0
    ) -> Node | None:
        """The node of a required key; if absent, report it at its line or at ``at``."""
        node = m.get(key)
        # A value of zero-width spaces or fillers looks filled in and is not.
        invisible = isinstance(node, Scalar) and bool(node.text) and chars.is_blank(node.text)
        if node is None or (isinstance(node, Scalar) and node.is_null) or invisible:
            present = key in m.entries
            detail = " (giá trị chỉ gồm ký tự vô hình)" if invisible else ""
            self.error(
                m.line_of(key) if present else (at or m.line),
                prefix + key,
                "SC020",
                f"Thiếu trường bắt buộc '{prefix + key}'{why}{detail}.",
                f"Điền giá trị sau '{key}:'." if present
                else f"Thêm dòng '{key}: ...' vào phần thông tin.",
            )
            return None
        return node

    def _shape(self, node: Node, want: type, fld: str, example: str) -> bool:
        if isinstance(node, want):
            return True
        self.error(
            node.line,
            fld,
            "SC022",
            f"Trường '{fld}' phải là {_KIND_NAMES[want]}, không phải {_KIND_NAMES[type(node)]}.",
            f"Ví dụ: {example}",
        )
        return False

    # -- scalars -----------------------------------------------------------

    def text(
        self,
        node: Node | None,
        fld: str,
        example: str = "",
        min_len: int = 0,
        max_len: int = 0,
        multiline: bool = False,
        card: bool = False,
    ) -> str | None:
        """A text value; ``card``: it is drawn on the share card (see :meth:`drawable`)."""
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if not self._shape(node, Scalar, fld, f"{fld.rsplit('.', 1)[-1]}: {example}"):
            return None
        assert isinstance(node, Scalar)
        # A zero-width space at either end is never meant: it would only make
        # 'Nguyễn Văn A' sort, search and compare unlike itself.
        value = chars.trim(node.text) if multiline else chars.trim(" ".join(node.text.split()))
        if not value or chars.is_blank(value):
            detail = " (chỉ có ký tự vô hình)" if value else ""
            self.error(node.line, fld, "SC023", f"Trường '{fld}' đang để trống{detail}.",
                       "Điền nội dung, hoặc xóa cả dòng nếu trường không bắt buộc.")
            return None
        if min_len and len(value) < min_len:
            self.error(
                node.line,
                fld,
                "SC024",
                f"'{fld}' quá ngắn ({len(value)} ký tự, cần ít nhất {min_len}).",
                "Viết đầy đủ hơn.",
            )
        if max_len and len(value) > max_len:
            self.error(
                node.line,
                fld,
                "SC024",
                f"'{fld}' quá dài ({len(value)} ký tự, tối đa {max_len}).",
                "Rút gọn lại.",
            )
        self.scan(value, node.line, fld)
        self.drawable(value, node.line, fld, card)
        return value

    def scan(self, value: str, line: int, fld: str, markdown: bool = False) -> None:
        """Report raw HTML, dangerous links, personal data and invisible controls."""
        for f in safety.scan(value, markdown=markdown, email_domains=self.email_domains):
            if f.kind == "char":
                code, message, hint = chars.problem(f.char, f.excerpt)
            else:
                code, message, hint = safety.MESSAGES[f.kind]
                message = message.format(excerpt=f.excerpt)
            self.error(line + f.offset_line, fld, code, message, hint)

    def drawable(self, value: str, line: int, fld: str, card: bool = False) -> None:
        """Report characters the shipped fonts cannot draw (one problem per line)."""
        if not scripts.undrawable(value, card=card):
            return  # the usual case: no line to point at
        for i, text in enumerate(value.split("\n")):
            bad = scripts.undrawable(text, card=card)
            if not bad:
                continue
            shown = ", ".join(scripts.describe(ch) for ch in bad[:5])
            more = f" và {len(bad) - 5} ký tự khác" if len(bad) > 5 else ""
            where = "thẻ chia sẻ và trang" if card else "trang"
            self.error(
                line + i, fld, "SC100",
                f"Phông chữ của chuyên mục không vẽ được {shown}{more}: {where} sẽ hiện ô trống.",
                "Chuyên mục hiển thị chữ Việt, chữ Khmer"
                + (" và biểu tượng cảm xúc phổ biến" if card else "")
                + "; xóa hoặc thay các ký tự này (viết phiên âm bằng chữ Việt nếu cần).",
            )

    def date(self, node: Node | None, fld: str, not_future: bool = False) -> dt.date | None:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if not self._shape(node, Scalar, fld, f"{fld.rsplit('.', 1)[-1]}: 2024-05-20"):
            return None
        assert isinstance(node, Scalar)
        raw = node.text.strip()
        m = _ISO.match(raw)
        if not m:
            dmy = _DMY.match(raw)
            hint = (
                f"Viết theo dạng năm-tháng-ngày: {dmy.group(3)}-{int(dmy.group(2)):02d}-"
                f"{int(dmy.group(1)):02d}."
                if dmy
                else "Viết theo dạng năm-tháng-ngày, ví dụ 2024-05-20."
            )
            self.error(
                node.line, fld, "SC025", f"Ngày '{raw}' không đúng dạng YYYY-MM-DD.", hint
            )
            return None
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            self.error(
                node.line,
                fld,
                "SC026",
                f"Ngày '{raw}' không tồn tại.",
                "Kiểm tra lại ngày và tháng (ví dụ tháng 2 chỉ có 28 hoặc 29 ngày).",
            )
            return None
        if not_future and day > self.today:
            self.error(
                node.line,
                fld,
                "SC027",
                f"Ngày '{raw}' ở tương lai (hôm nay là {self.today.isoformat()}).",
                "Ghi ngày đã diễn ra thực tế.",
            )
        return day

    def boolean(self, node: Node | None, fld: str) -> bool | None:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if not self._shape(node, Scalar, fld, f"{fld}: true"):
            return None
        assert isinstance(node, Scalar)
        raw = node.text.strip().lower()
        if node.plain and raw in ("true", "false"):
            return raw == "true"
        self.error(
            node.line,
            fld,
            "SC028",
            f"'{fld}' chỉ nhận true hoặc false (đang là '{node.text}').",
            f"Viết '{fld}: true' hoặc '{fld}: false', không có ngoặc kép.",
        )
        return None

    def year(self, node: Node | None, fld: str) -> int | None:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if not self._shape(node, Scalar, fld, "year: 2024"):
            return None
        assert isinstance(node, Scalar)
        raw = node.text.strip()
        if _YEAR.match(raw) and 1900 <= int(raw) <= self.today.year:
            return int(raw)
        self.error(
            node.line,
            fld,
            "SC029",
            f"Năm '{raw}' không hợp lệ.",
            f"Ghi năm bằng bốn chữ số, không muộn hơn {self.today.year}, ví dụ 2024.",
        )
        return None

    def choice(self, node: Node | None, fld: str, choices: Mapping[str, object]) -> str | None:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if not self._shape(node, Scalar, fld, f"{fld}: {next(iter(choices))}"):
            return None
        assert isinstance(node, Scalar)
        raw = node.text.strip()
        if raw in choices:
            return raw
        terms = {k: v for k, v in choices.items() if isinstance(v, Term)}
        if len(terms) == len(choices):  # a vocabulary: its Vietnamese words are aliases
            tid = resolve(raw, terms)
            if tid is None:
                self.error(node.line, fld, "SC030", *unknown(raw, fld, terms))
            return tid
        self.error(
            node.line,
            fld,
            "SC030",
            f"Giá trị '{raw}' không hợp lệ cho '{fld}'.{did_you_mean(raw, choices)}",
            "Chọn một trong: " + ", ".join(choices) + ".",
        )
        return None

    def seq(self, node: Node | None, fld: str, example: str) -> tuple[Node, ...] | None:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if not self._shape(node, Seq, fld, f"{fld}: {example}"):
            return None
        assert isinstance(node, Seq)
        return node.items

    def choices(
        self, node: Node | None, fld: str, choices: Mapping[str, object]
    ) -> tuple[str, ...] | None:
        items = self.seq(node, fld, "[" + ", ".join(list(choices)[:2]) + "]")
        if items is None:
            return None
        assert node is not None
        values: list[str] = []
        for item in items:
            v = self.choice(item, fld, choices)
            if v and v in values:
                self.error(item.line, fld, "SC031", f"'{v}' được ghi hai lần.", "Xóa bản lặp.")
            elif v:
                values.append(v)
        if not items:
            self.error(
                node.line,
                fld,
                "SC023",
                f"Danh sách '{fld}' đang để trống.",
                "Chọn ít nhất một trong: " + ", ".join(choices) + ".",
            )
        return tuple(values)
