"""argparse in Vietnamese: its own messages (usage, help, errors) translated.

argparse looks its messages up with ``gettext`` at the moment it formats them
(some when a parser is built, others when it prints help or an error), so the
command line builds and runs its parsers inside :func:`vietnamese`, which
swaps argparse's lookup for this table and puts it back afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

MESSAGES = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "tham số không hợp lệ: %s",
    "not allowed with argument %s": "không dùng được cùng với %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn chưa rõ: %(option)s có thể là %(matches)s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn %(value)r không hợp lệ (chọn một trong: %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
}
PLURALS = {"expected %s argument": "cần %s giá trị"}


def _gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return PLURALS.get(singular, singular if n == 1 else plural)


@contextlib.contextmanager
def vietnamese() -> Iterator[None]:
    """Within this block, argparse speaks Vietnamese (restored afterwards)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
