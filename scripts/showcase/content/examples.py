"""The example values of the profile template, and the rule that refuses them.

``showcase new`` writes each optional field commented out with an example;
an editor who uncomments the line and forgets to change the value would
publish our example as their exemplary's (a photo description that describes
another photo, another person's headline). Only examples no real profile
would write word for word are listed: a generic one ("Bằng khen của Chủ tịch
UBND tỉnh", a real place or movement) can be a true value.
"""

from __future__ import annotations

from collections.abc import Iterator

from showcase.content.fields import Reader
from showcase.content.frontmatter import Document
from showcase.content.yamltree import Map, Node, Scalar, Seq

TITLE = "Người thắp lửa đờn ca tài tử ở ấp"
PHOTO_ALT = "Ông Nguyễn Văn A hướng dẫn các em nhỏ đờn kìm"
NAME_KM = "ថាច់ ធី សារឿន"
ACHIEVEMENT = "Duy trì câu lạc bộ đờn ca tài tử của ấp"
TAGS = "đờn ca tài tử, văn nghệ quần chúng"

# Refused wherever they appear: as a field's whole value, or as a line of the story.
LEFTOVERS = (TITLE, PHOTO_ALT, ACHIEVEMENT)  # NAME_KM spells a real, common name


def _key(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(".")


_KEYS = {_key(t): t for t in LEFTOVERS}


def values(node: Node, path: str, line: int) -> Iterator[tuple[str, int, str]]:
    """(path, line, text) of every scalar under ``node``, at any depth; a scalar is
    reported at the line of its key (or list item)."""
    if isinstance(node, Scalar):
        yield path, line, node.text
    elif isinstance(node, Seq):
        for i, item in enumerate(node.items):
            yield from values(item, f"{path}[{i}]", item.line)
    else:
        for k, e in node.entries.items():
            yield from values(e.value, f"{path}.{k}", e.key_line)


def refuse_leftovers(m: Map, doc: Document, r: Reader) -> None:
    """An error for every template example left in the front matter or the story."""
    for key, entry in m.entries.items():
        for path, line, text in values(entry.value, key, entry.key_line):
            example = _KEYS.get(_key(text))
            if example is not None:
                r.error(line, path, "SC111", f"'{example}' là ví dụ trong mẫu hồ sơ.",
                        "Thay bằng nội dung thật của gương điển hình này, hoặc xóa dòng.")
    folded = _key(doc.body)
    if not any(k in folded for k in _KEYS):
        return  # no example sentence anywhere in the story: no line to look for
    for i, text in enumerate(doc.body.split("\n")):
        example = _KEYS.get(_key(text.lstrip("#>-* ")))
        if example is not None:
            r.error(doc.body_line + i, "body", "SC111",
                    f"Câu '{example}' là ví dụ trong mẫu hồ sơ.",
                    "Thay bằng nội dung thật của gương điển hình này.")
