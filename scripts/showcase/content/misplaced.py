"""Front matter lines written at the wrong depth: a group's lines flush left
('date:' and 'ref:' under 'consent:'), or a value's continuation read as a key.
Each is said once, then the tree is mended so no second message follows."""

from __future__ import annotations

from collections.abc import Mapping

from showcase.content.fields import Reader
from showcase.content.model import CONSENT_KEYS, ENTRY_KEYS, NOMINATION_KEYS, PROFILE_KEYS
from showcase.content.yamltree import Entry, Map, Node, Scalar, Seq

# Groups whose lines are indented under their key, and the keys of those lines.
_GROUPS: dict[str, Mapping[str, str]] = {
    "consent": CONSENT_KEYS, "nominated": NOMINATION_KEYS,
    "achievements": ENTRY_KEYS, "commendations": ENTRY_KEYS,
}
_ONLY_IN = {"date": "consent", "ref": "consent", "scope": "consent", "withdrawn": "consent",
            "form": "nominated", "reason": "nominated"}  # keys of one group only


def unflatten(m: Map, r: Reader) -> None:
    """Lines meant inside a group ('date:' and 'ref:' under 'consent:') but written flush
    left: said so at the group's line, then read as the group, so that neither
    'consent missing' nor 'date: did you mean draft' follows."""
    moved: dict[str, list[Entry]] = {}
    group: str | None = None
    for e in sorted(m.entries.values(), key=lambda e: e.key_line):
        if e.key in PROFILE_KEYS:
            group = e.key if e.key in _GROUPS else None
            continue
        owner = group if group and e.key in _GROUPS[group] else _ONLY_IN.get(e.key)
        if owner and (owner == group or owner not in m.entries):
            moved.setdefault(owner, []).append(e)
            group = owner
    for name, lines in moved.items():
        here = m.entries.get(name)
        node = here.value if here else None
        is_list = _GROUPS[name] is ENTRY_KEYS
        if node is not None and not (isinstance(node, Scalar) and node.is_null) and (
                is_list or not isinstance(node, Map)):
            continue  # a group already written some other way: its own messages say
        inner = {e.key: e for e in lines if not (isinstance(node, Map) and e.key in node.entries)}
        if not inner:
            continue
        for key in inner:
            del m.entries[key]
        at = here.key_line if here else lines[0].key_line
        if isinstance(node, Map):
            node.entries.update(inner)
            value: Node = node
        else:
            group_map = Map(inner, lines[0].key_line)
            value = Seq((group_map,), lines[0].key_line) if is_list else group_map
        m.entries[name] = Entry(name, at, value)
        listed = ", ".join(f"'{e.key}:' (dòng {e.key_line})" for e in inner.values())
        indent = ("thêm '- ' trước dòng đầu và thụt lề các dòng" if is_list
                  else "thụt lề các dòng")
        how = (f"Thêm dòng '{name}:' phía trên, rồi {indent}" if not here
               else indent.capitalize())
        r.error(
            at, name, "SC138",
            f"Các dòng {listed} thuộc nhóm '{name}:' nhưng không được thụt lề, nên không "
            f"nằm trong nhóm." + ("" if here else f" Dòng '{name}:' cũng chưa có."),
            f"{how} {', '.join(inner)} vào dưới '{name}:' (hai dấu cách ở đầu mỗi dòng), "
            f"ví dụ: '{name}:' rồi ở dòng dưới '  "
            + ("- year: 2024" if is_list else next(iter(_GROUPS[name]))
               + ": " + next(iter(_GROUPS[name].values()))) + "'.",
        )


def rejoin(m: Map, r: Reader) -> None:
    """A line of a value written flush left that holds ': ' ('văn nghệ: của ấp' under
    'summary: ...') reads as a key with spaces, which no field has: said so, and the
    line given back to the value above it (so 'summary' is not also too short)."""
    entries = sorted(m.entries.values(), key=lambda e: e.key_line)
    for above, e in zip(entries, entries[1:], strict=False):
        value, prev = e.value, above.value
        if e.key in PROFILE_KEYS or " " not in e.key.strip() or above.key not in PROFILE_KEYS:
            continue
        if not (isinstance(prev, Scalar) and prev.plain and prev.text
                and isinstance(value, Scalar)):
            continue
        r.error(
            e.key_line, above.key, "SC130",
            f"Dòng này có lẽ là phần tiếp của '{above.key}' ở dòng trên nhưng không được thụt "
            f"lề; vì có dấu ': ', YAML đọc nó như một trường mới tên '{e.key}'.",
            f"Thụt lề dòng này hai dấu cách so với '{above.key}:', và đặt cả giá trị trong "
            "dấu ngoặc kép nếu có dấu ': '.",
        )
        joined = f"{prev.text} {e.key}: {value.text}".strip()
        m.entries[above.key] = Entry(above.key, above.key_line, Scalar(joined, prev.line, False))
        del m.entries[e.key]
