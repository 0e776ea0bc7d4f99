"""A YAML syntax error -> what the writer typed, in Vietnamese, on the line to fix.

libyaml says "mapping values are not allowed in this context" for a colon in
a title, and "could not find expected ':'" one line below a summary that was
not indented. Its words and positions are used here only to tell the common
cases apart; what the writer reads names what they typed and how to write it
("đặt cả giá trị trong dấu ngoặc kép"), at the line where they typed it. An
error not recognised gets a general Vietnamese sentence, never the English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from showcase.content.model import (
    CONSENT_KEYS,
    ENTRY_KEYS,
    NOMINATION_KEYS,
    PROFILE_KEYS,
    UNIT_KEYS,
)
from showcase.content.yamltree import Map, Node, Problem, Scalar, Seq

_KEY_LINE = re.compile(r"^(?P<indent> *)(?:- +)?(?P<key>[^\s:#][^:#]*?) *:(?: +(?P<value>.*))?$")
# A value that opens a quote: at its start, or inside a list or group on one line.
_QUOTE_OPEN = re.compile(
    r"""^(?P<indent> *)(?:- +)?[^\s:#][^:]*?: +(?P<flow>[\[{][^"']*)?(?P<q>["'])""")
# 'kind individual': a field name, a space, a value; not a line of prose.
_FORGOTTEN_COLON = re.compile(r"^ *(?:- +)?(?P<key>[a-z_]+)(?: +\S|$)")
_FIELD_NAMES = frozenset({*PROFILE_KEYS, *CONSENT_KEYS, *ENTRY_KEYS, *NOMINATION_KEYS,
                          *UNIT_KEYS, "units"})
_RESERVED = {
    "*": "dấu '*' ở đầu giá trị là ký hiệu tham chiếu của YAML",
    "&": "dấu '&' ở đầu giá trị là ký hiệu đặt tên của YAML",
    "@": "YAML không cho giá trị bắt đầu bằng '@'",
    "`": "YAML không cho giá trị bắt đầu bằng dấu '`'",
    "%": "YAML không cho giá trị bắt đầu bằng '%'",
    "[": "dấu '[' ở đầu giá trị mở một danh sách",
    "{": "dấu '{' ở đầu giá trị mở một nhóm trường",
    "]": "dấu ']' chỉ dùng để đóng danh sách",
    "}": "dấu '}' chỉ dùng để đóng nhóm trường",
    "-": "dấu '- ' ở đầu giá trị mở một danh sách",
    "!": "dấu '!' ở đầu giá trị là thẻ của YAML",
    ",": "YAML không cho giá trị bắt đầu bằng dấu ','",
}


_Text = Callable[[int], str]  # file line -> its text


@dataclass(frozen=True)
class Explained:
    line: int
    code: str
    message: str
    hint: str


def _quoted(value: str) -> str:
    """``value`` as a double-quoted YAML scalar (what the hint tells the writer to type)."""
    return '"' + value.strip().replace("\\", "\\\\").replace('"', '\\"') + '"'


def explain(p: Problem, lines: list[str], first_line: int = 1) -> Explained:
    """The Vietnamese explanation of syntax problem ``p``; ``lines`` are the YAML text's,
    the first being file line ``first_line``."""
    def text(line: int) -> str:
        i = line - first_line
        return lines[i] if 0 <= i < len(lines) else ""

    unclosed = _unclosed_quote(lines, first_line, max(p.line, p.context_line))
    if unclosed:
        return unclosed
    ctx, what = p.context, p.detail
    if "block scalar" in ctx:
        return _block_scalar(p.context_line or p.line, text(p.context_line or p.line))
    if "alias" in ctx or "anchor" in ctx or "cannot start any token" in what:
        line = p.context_line if ("alias" in ctx or "anchor" in ctx) else p.line
        col = p.context_column if ("alias" in ctx or "anchor" in ctx) else p.column
        sign = text(line)[col: col + 1]
        if sign == "\t":
            return Explained(line, "SC006", "Có ký tự Tab trong dòng; YAML không nhận Tab ở "
                             "chỗ này.", "Thay ký tự Tab bằng dấu cách.")
        return _reserved(line, text(line), sign)
    if "flow sequence" in ctx or "flow mapping" in ctx:
        close = "]" if "sequence" in ctx else "}"
        line = p.context_line or p.line
        return Explained(
            line, "SC128",
            f"Dấu '{'[' if close == ']' else '{'}' mở ở dòng này không được đóng bằng "
            f"'{close}' trên cùng dòng.",
            f"Thêm '{close}' ở cuối, ví dụ: "
            + ("sectors: [culture, family]" if close == "]" else
               "consent: {date: 2024-05-15, ref: \"12/ĐY-VHTT\"}")
            + "; nếu dấu "
            "ngoặc là một phần của chữ, đặt cả giá trị trong dấu ngoặc kép.",
        )
    if "unknown escape" in what or "escape" in what:
        line = p.line
        return Explained(
            line, "SC133",
            "Trong dấu ngoặc kép, dấu '\\' bắt đầu một mã đặc biệt; '\\' ở dòng này không "
            "phải mã nào.",
            "Dùng dấu '/' thay cho '\\' (ví dụ 12/ĐY-VHTT), viết '\\\\' nếu thật cần dấu '\\', "
            "hoặc dùng dấu ngoặc đơn ' ' thay cho ngoặc kép.",
        )
    if "mapping values are not allowed" in what:
        return _colon(p.line, text, first_line)
    if "block sequence entries are not allowed" in what:
        return _reserved(p.line, text(p.line), "-")
    if "simple key" in ctx and "':'" in what:
        return _no_colon(p.context_line or p.line, text)
    if "expected '-' indicator" in what:
        return Explained(
            p.line, "SC129",
            "Dòng này thẳng cột với dấu '-' của danh sách ở trên, nên YAML chờ ở đây một mục "
            "mới bắt đầu bằng '- '.",
            "Nếu dòng thuộc mục ở trên, thụt lề cho thẳng cột với tên trường sau '- ' (ví dụ "
            "thẳng với 'id:'); nếu là một mục mới, bắt đầu dòng bằng '- '.",
        )
    if ("did not find expected key" in what and text(p.line).lstrip().startswith("- ")
            and _indent(text(p.line)) == 0):
        item = next((n for n in range(p.line - 1, 0, -1) if text(n).startswith("- ")), 0)
        return Explained(
            item + 1 if item else p.line, "SC129",
            "Dòng này (và các dòng sau nó, đến trước mục '- ' ở dòng "
            f"{p.line}) thuộc mục ở trên nhưng viết sát lề, nên danh sách bị cắt ngang.",
            "Thụt lề các dòng đó (như 'name:', 'group:') cho thẳng cột với tên trường sau "
            "'- ' (ví dụ thẳng với 'id:').",
        )
    if "did not find expected key" in what or "expected <block end>" in what:
        return _after_value(p.line, p.column, text)
    if "did not find expected node content" in what:
        row = text(p.line)
        return _reserved(p.line, row, row[p.column: p.column + 1])
    return _general(p.line)


def _general(line: int) -> Explained:
    return Explained(
        line, "SC007",
        "Phần thông tin viết sai cú pháp ở dòng này (hoặc ngay dòng trên).",
        "Mỗi dòng có dạng 'trường: giá trị' với một dấu cách sau dấu ':'; các dòng trong "
        "một nhóm thụt lề bằng cùng số dấu cách; giá trị có dấu ':', '#' hay dấu ngoặc "
        "thì đặt trong ngoặc kép, ví dụ: ref: \"12/ĐY-VHTT\".",
    )


def _unclosed_quote(lines: list[str], first_line: int, upto: int) -> Explained | None:
    """A value opened with a quote that no later line closes before the error."""
    for i, row in enumerate(lines[: max(0, upto - first_line + 1)]):
        m = _QUOTE_OPEN.match(row)
        if m is None:
            continue
        q = m.group("q")
        rest = row[m.end():]
        closed = rest.count('"') - rest.count('\\"') if q == '"' else rest.count("'")
        if q == "'":
            closed -= 2 * rest.count("''")
        if closed <= 0 or (q == '"' and m.group("flow") and closed % 2 == 0):
            kind = "kép" if q == '"' else "đơn"
            return Explained(
                i + first_line, "SC126",
                f"Giá trị mở bằng dấu ngoặc {kind} ({q}) nhưng dòng "
                "này không có dấu đóng lại.",
                f"Thêm dấu {q} ở cuối giá trị, trên cùng dòng (hoặc xóa dấu {q} ở đầu).",
            )
    return None


def _reserved(line: int, row: str, sign: str) -> Explained:
    m = _KEY_LINE.match(row)
    key, value = (m.group("key"), m.group("value") or "") if m else ("", row.strip())
    why = _RESERVED.get(sign, f"YAML không cho giá trị bắt đầu bằng '{sign}'")
    where = f"Giá trị của '{key}'" if key else "Giá trị ở dòng này"
    return Explained(
        line, "SC125",
        f"{where} bắt đầu bằng '{sign}': {why}, nên YAML không đọc được giá trị.",
        "Đặt cả giá trị trong dấu ngoặc kép"
        + (f": {key}: {_quoted(value)}" if key and value else ", ví dụ: title: \"*...\"") + ".",
    )


def _colon(line: int, text: _Text, first_line: int) -> Explained:
    row: str = text(line)
    m = _KEY_LINE.match(row)
    value = (m.group("value") or "") if m else ""
    if m and (": " in value or value.endswith(":")):
        key = m.group("key")
        return Explained(
            line, "SC124",
            f"Giá trị của '{key}' có dấu ':' và dấu cách ở giữa; YAML hiểu phần đứng trước "
            "dấu ':' là tên một trường mới.",
            f"Đặt cả giá trị trong dấu ngoặc kép: {key}: {_quoted(value)}.",
        )
    above = _previous(line, text)
    if above and row.startswith(" ") and _indent(row) > _indent(above[1]):
        return Explained(
            line, "SC129",
            "Dòng này thụt lề sâu hơn dòng trên, trong khi dòng trên đã có giá trị của nó.",
            "Xóa các dấu cách ở đầu dòng cho thẳng cột với dòng trên; chỉ thụt lề các dòng "
            "nằm trong một nhóm như 'consent:'.",
        )
    return Explained(
        line, "SC124",
        "Dòng này có dấu ':' và dấu cách ở chỗ YAML không chờ một tên trường (thường là trong "
        "phần tiếp của một giá trị ở dòng trên).",
        "Đặt cả giá trị trong dấu ngoặc kép, hoặc viết nó trên một dòng.",
    )


def _previous(line: int, text: _Text) -> tuple[int, str] | None:
    for n in range(line - 1, 0, -1):
        row = text(n)
        if row.strip() and not row.lstrip().startswith("#"):
            return n, row
    return None


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip(" "))


def _key_column(row: str) -> int:
    """Where the key of ``row`` starts: after '- ' on a list item's first line."""
    m = re.match(r"^ *(?:- +)?", row)
    return m.end() if m else 0


def _no_colon(line: int, text: _Text) -> Explained:
    row: str = text(line)
    above = _previous(line, text)
    named = _FORGOTTEN_COLON.match(row)
    looks_like_key = named is not None and named.group("key") in _FIELD_NAMES
    # The value this line continues: the nearest key line above, past the lines of
    # the value itself ('summary: >-' then its indented lines).
    while above and _KEY_LINE.match(above[1]) is None and _indent(above[1]) > _indent(row):
        above = _previous(above[0], text)
    if above and not looks_like_key:
        m = _KEY_LINE.match(above[1])
        if m and _indent(row) <= _indent(above[1]):
            key = m.group("key")
            value = (m.group("value") or "").strip()
            block = value[:1] in ("|", ">")
            return Explained(
                line, "SC130",
                f"Dòng này có lẽ là phần tiếp của '{key}' ở trên nhưng không được thụt lề, "
                "nên YAML đọc nó như một trường thiếu dấu ':'.",
                f"Thụt lề dòng này (và các dòng tiếp theo của '{key}') vào hai dấu cách so với "
                f"'{key}:'" + ("" if block else f", hoặc viết '{key}: >-' rồi xuống dòng") + ".",
            )
    return Explained(
        line, "SC131",
        "Dòng này thiếu dấu ':' sau tên trường.",
        "Viết theo dạng 'trường: giá trị', với dấu ':' ngay sau tên trường rồi một dấu cách, "
        "ví dụ: kind: individual.",
    )


def _after_value(line: int, col: int, text: _Text) -> Explained:
    row: str = text(line)
    m = _KEY_LINE.match(row)
    value = (m.group("value") or "") if m else ""
    key = m.group("key") if m else ""
    if col > _indent(row) and m and value[:1] in ('"', "'"):
        return Explained(
            line, "SC127",
            f"Giá trị của '{key}' có chữ sau dấu ngoặc đóng ({value[:1]}); YAML chỉ nhận "
            "dấu ngoặc bao quanh cả giá trị.",
            "Bao cả giá trị bằng dấu ngoặc đơn khi bên trong có ngoặc kép, ví dụ: "
            f"{key}: '{value.strip()}'" + "; hoặc dùng ngoặc kép cong “ ” trong chữ.",
        )
    if col > _indent(row) and m and value[:1] in ("[", "{"):
        if row[:col].rstrip().endswith(("]", "}")) and row[col:].strip()[:1] in (",", "]", "}"):
            close = row[:col].rstrip()[-1]
            return Explained(
                line, "SC127",
                f"Sau dấu '{close}' đóng {'danh sách' if close == ']' else 'nhóm'} của "
                f"'{key}' còn '{row[col:].strip()}'; YAML chỉ nhận dấu ngoặc bao quanh cả "
                "giá trị.",
                f"Xóa phần thừa sau dấu '{close}'; nếu đó là chữ, đặt cả giá trị trong dấu "
                "ngoặc kép.",
            )
        return _reserved(line, row, value[:1])
    above = _previous(line, text)
    if above and _indent(row) not in (_indent(above[1]), _key_column(above[1])):
        return Explained(
            line, "SC129",
            "Dòng này thụt lề không khớp với các dòng cùng nhóm ở trên (nhiều hoặc ít dấu "
            "cách hơn).",
            "Các trường trong cùng một nhóm phải thẳng cột, ví dụ cùng hai dấu cách trước "
            "'date:' và 'ref:' dưới 'consent:'.",
        )
    return _general(line)


def _block_scalar(line: int, row: str) -> Explained:
    m = _KEY_LINE.match(row)
    key = m.group("key") if m else "summary"
    sign = ((m.group("value") or ">")[:1]) if m else ">"
    return Explained(
        line, "SC132",
        f"Sau dấu '{sign}' của '{key}' không được viết chữ trên cùng dòng: '{sign}' báo rằng "
        "giá trị bắt đầu ở dòng dưới.",
        f"Xuống dòng sau '{key}: {sign}' và thụt lề phần chữ hai dấu cách; hoặc bỏ dấu "
        f"'{sign}' để viết giá trị ngay trên dòng này.",
    )


# -- '#' starts a comment: what it silently takes away ---------------------------

# Fields whose value is free text: a '#' in them is content, never a comment.
_TEXT_FIELDS = frozenset({"name", "name_km", "title", "summary", "location", "movement",
                          "photo_alt", "ref", "text", "form", "reason"})
_COMMENT_AFTER = re.compile(r"^ *(?:- +)?(?P<key>[^\s:#][^:#]*?) *: +(?P<rest>.*?)\s*$")


@dataclass(frozen=True)
class Swallowed:
    """A value YAML cut at a '#': ``written`` is what the line holds after ``key:``."""

    owner: Map
    key: str
    line: int
    written: str
    empty: bool  # the whole value was taken for a comment


def swallowed(root: Node | None, lines: list[str], first_line: int = 1) -> list[Swallowed]:
    """Every value of a block mapping that a '#' emptied or cut short."""
    out: list[Swallowed] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, Seq):
            stack.extend(node.items)
        if not isinstance(node, Map):
            continue
        for key, entry in node.entries.items():
            value = entry.value
            stack.append(value)
            if not isinstance(value, Scalar) or not value.plain:
                continue
            i = entry.key_line - first_line
            m = _COMMENT_AFTER.match(lines[i]) if 0 <= i < len(lines) else None
            if m is None or m.group("key") != key:
                continue
            rest = m.group("rest")
            if value.text == "" and rest.startswith("#") and len(rest) > 1:
                out.append(Swallowed(node, key, entry.key_line, rest, True))
            elif (key in _TEXT_FIELDS and value.text and value.line == entry.key_line
                  and rest.startswith(value.text) and re.match(r"\s+#", rest[len(value.text):])):
                out.append(Swallowed(node, key, entry.key_line, rest, False))
    return sorted(out, key=lambda s: s.line)


def swallowed_message(s: Swallowed) -> tuple[str, str, str]:
    """(code, message, hint) for a value cut at a '#'."""
    if s.empty:
        said = (f"Giá trị của '{s.key}' bắt đầu bằng '#': YAML hiểu phần từ dấu '#' là ghi chú "
                "và bỏ đi, nên trường này thành trống.")
    else:
        kept = s.written.split(" #", 1)[0].strip()
        said = (f"Phần từ dấu ' #' trong giá trị của '{s.key}' bị YAML hiểu là ghi chú và bỏ "
                f"đi: trang chỉ hiện '{kept}'.")
    return "SC134", said, f"Đặt cả giá trị trong dấu ngoặc kép: {s.key}: {_quoted(s.written)}."
