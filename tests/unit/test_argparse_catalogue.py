"""argparse's messages come from the Vietnamese gettext catalogue shipped in the package:
it covers every message the running Python's argparse marks for translation, the
compiled .mo is the .po, and every message the command line can print is Vietnamese."""

from __future__ import annotations

import argparse
import ast
import contextlib
import inspect
import io
import pathlib
import re

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from showcase import argparse_vi
from showcase.cli import build_parser

PO = pathlib.Path(argparse_vi.LOCALE_DIR) / "vi" / "LC_MESSAGES" / "argparse.po"
MO = PO.with_suffix(".mo")
# What the messages' English would show (the few words argparse puts in them).
ENGLISH = re.compile(r"\b(usage|options|positional|arguments?|show|help|error|invalid|choose"
                     r"|unrecognized|expected|required|ambiguous|could match|ignored|explicit"
                     r"|allowed|following|one of|value)\b", re.I)


def argparse_messages() -> tuple[set[str], set[tuple[str, str]]]:
    """Every message of the running Python's argparse: ``_("...")`` and ``ngettext``."""
    singles: set[str] = set()
    plurals: set[tuple[str, str]] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
            continue
        first = node.args[0]
        if isinstance(first, ast.Call) and len(first.args) == 2:
            first = first.args[1]  # _(kwargs.pop('title', 'subcommands')): the default
        texts = [a.value for a in (first, *node.args[1:2])
                 if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if node.func.id == "_" and texts:
            singles.add(texts[0])
        elif node.func.id == "ngettext" and len(texts) == 2:
            plurals.add((texts[0], texts[1]))
    return singles, plurals


def test_the_catalogue_covers_every_message_of_this_pythons_argparse():
    vi = argparse_vi.catalogue()
    singles, plurals = argparse_messages()
    assert len(singles) > 25 and plurals
    missing = [m for m in singles if vi.gettext(m) == m]
    missing += [s for s, p in plurals if vi.ngettext(s, p, 1) == s or vi.ngettext(s, p, 2) == p]
    assert not missing, (f"argparse has messages {PO} does not translate: {missing}; "
                         "add them, then compile (see the .po's first lines)")


def test_the_compiled_catalogue_is_the_po_file():
    with PO.open("rb") as fh:
        catalog = read_po(fh)
    out = io.BytesIO()
    write_mo(out, catalog)
    assert MO.read_bytes() == out.getvalue(), (
        "argparse.mo is not argparse.po compiled: "
        "run .venv/bin/pybabel compile -D argparse -d scripts/showcase/locale -l vi")


def test_translations_keep_the_placeholders():
    with PO.open("rb") as fh:
        catalog = read_po(fh)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strs = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strs:
            assert text, message.id
            named = set(re.findall(r"%\((\w+)\)", text))
            # a named value may be left out (the type's name in "invalid %(type)s value")
            assert named <= set(re.findall(r"%\((\w+)\)", ids[0])), message.id
            assert re.findall(r"%[sr]", text) == re.findall(r"%[sr]", ids[0]), message.id


def _run(argv: list[str]) -> str:
    """What the command line prints for ``argv`` (argparse's part: help and usage errors)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            pytest.raises(SystemExit), argparse_vi.vietnamese():
        parser, _ = build_parser()
        parser.parse_args(argv)
    return out.getvalue() + err.getvalue()


@pytest.mark.parametrize(("argv", "words"), [
    (["--help"], ["cách dùng:", "tùy chọn", "tham số", "hiện hướng dẫn này rồi thoát"]),
    (["quotas", "--help"], ["cách dùng:", "tùy chọn"]),
    (["book"], ["thiếu tham số bắt buộc: --from, --to"]),  # required
    (["quotas", "--format", "pdf"], ["lựa chọn 'pdf' không hợp lệ (chọn một trong:"]),
    (["khong-co-lenh"], ["lựa chọn 'khong-co-lenh' không hợp lệ"]),  # unknown command
    (["check", "--khong-co"], ["tham số không hợp lệ: --khong-co"]),  # unrecognised
    (["quotas", "--year"], ["tham số --year: cần một giá trị"]),
    (["quotas", "--s"], ["tùy chọn chưa rõ: --s có thể là"]),  # ambiguous
    (["build", "--preview=x"], ["bỏ qua giá trị 'x'"]),
])
def test_every_argparse_message_the_command_line_prints_is_vietnamese(argv, words):
    text = _run(argv)
    for word in words:
        assert word in text, text
    assert not ENGLISH.findall(re.sub(r"--?[a-z][\w-]*|\{[^}]*\}|'[^']*'", " ", text)), text


@pytest.mark.parametrize(("args", "word"), [
    (["--n", "abc"], "giá trị 'abc' không hợp lệ"),  # an invalid int
    (["--a", "--b"], "không dùng được cùng với --a"),
    ([], "cần một trong các tham số --a --b"),
    (["--two", "x"], "cần 2 giá trị"),
])
def test_argparse_messages_beyond_our_options_are_vietnamese_too(args, word):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit), argparse_vi.vietnamese():
        parser = argparse.ArgumentParser(prog="x")
        parser.add_argument("--n", type=int)
        parser.add_argument("--two", nargs=2)
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--a", action="store_true")
        group.add_argument("--b", action="store_true")
        parser.parse_args(args)
    assert word in err.getvalue(), err.getvalue()
    assert "lỗi" in err.getvalue()


def test_argparse_is_itself_again_outside_the_block():
    with argparse_vi.vietnamese():
        pass
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
