"""``showcase new``: write a new profile from the template, ready to fill in.

Asks for the unit, kind, name and field when they are not given as options
and the terminal is interactive; a script gives them as ``--unit``,
``--kind``, ``--name`` and ``--field``. Exit codes: 0 the file was created,
2 nothing was written (missing or wrong option, unknown or closed unit, a
file or a page address that already exists).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from showcase.content import frontmatter, photos
from showcase.content.diagnostics import Collector
from showcase.content.fields import did_you_mean
from showcase.content.model import FILE_NAME, read_profile
from showcase.content.text import ascii_fold, slugify
from showcase.content.units import Unit, load_units
from showcase.content.vocab import FIELDS, KINDS, SECTORS, Term
from showcase.workflow import scaffold

NAME = "new"
HELP = "tạo tệp hồ sơ mới từ mẫu (hỏi đơn vị, loại, tên, lĩnh vực nếu chưa ghi)"

EXIT_OK, EXIT_USAGE = 0, 2
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("unit", "kind", "name", "field")


class Refused(Exception):
    """Nothing is written; the message says why and what to do (exit 2)."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unit", help="mã đơn vị trong profiles/units.yml, ví dụ vhtt-vinh-chau")
    p.add_argument("--kind", help="loại: " + ", ".join(KINDS))
    p.add_argument("--name", help="tên người, tập thể hoặc hộ gia đình")
    p.add_argument("--field", help="lĩnh vực: " + ", ".join(FIELDS))
    p.add_argument("--sectors", help="ngành, cách nhau bằng dấu phẩy, ví dụ culture,family "
                                     "(không ghi thì điền sau trong tệp)")
    p.add_argument("--introduced", type=_iso_date, default=None,
                   help="ngày đơn vị giới thiệu YYYY-MM-DD (mặc định: hôm nay)")
    p.add_argument("--slug", help="tên tệp sau năm, không dấu, nối bằng '-' "
                                  "(mặc định: tên viết không dấu)")
    p.set_defaults(new_usage=p.format_usage())


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải ngày dạng YYYY-MM-DD") from None


def run(args: argparse.Namespace, ctx: Any) -> int:
    interactive = _is_tty()
    missing = [k for k in REQUIRED if not getattr(args, k)]
    if missing and not interactive:
        sys.stderr.write(args.new_usage)
        print(
            "showcase new: thiếu " + ", ".join(f"--{k}" for k in missing) + ". Ghi đủ "
            "--unit, --kind, --name và --field, hoặc chạy lệnh trong cửa sổ dòng lệnh "
            "để được hỏi từng mục.", file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        path = create(args, ctx, _Asker() if interactive else None)
    except Refused as exc:
        print(f"showcase new: {exc}\nChưa tạo tệp nào.", file=sys.stderr)
        return EXIT_USAGE
    _report(ctx, path)
    return EXIT_OK


def _is_tty() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # closed or replaced stdin
        return False


def create(args: argparse.Namespace, ctx: Any, ask: _Asker | None) -> str:
    """Resolve every answer, then write the file; returns its repository path."""
    pdir = ctx.options.profiles_dir
    introduced = args.introduced or ctx.today
    if introduced > ctx.today:
        raise Refused(f"Ngày giới thiệu {introduced.isoformat()} ở tương lai "
                      f"(hôm nay là {ctx.today.isoformat()}).")
    units, declared = _units(ctx.root, pdir, ctx.today)
    unit = _unit(args.unit, units, declared, introduced, ask, pdir)
    kind = _term(args.kind, "--kind", "Loại hồ sơ", KINDS, ask)
    name = _name(args.name, ask)
    fld = _term(args.field, "--field", "Lĩnh vực theo kế hoạch", FIELDS, ask)
    sectors = _sectors(args.sectors, ask)
    slug = _slug(args.slug, name)
    rel = f"{pdir}/{unit.id}/{scaffold.file_name(introduced, slug)}"
    full = os.path.join(ctx.root, rel)
    if os.path.lexists(full):
        raise Refused(f"Tệp {rel} đã có. Mở tệp đó để sửa, hoặc chọn tên khác bằng --slug.")
    clash = _same_slug(ctx.root, pdir, slug)
    if clash:
        raise Refused(
            f"Hồ sơ {clash} đã dùng địa chỉ trang ho-so/{slug}/ (địa chỉ chỉ lấy từ phần tên "
            f"sau năm, nên hai hồ sơ không được trùng tên tệp). Nếu là người khác, thêm tên "
            f"xã hoặc đơn vị, ví dụ --slug {slug}-vinh-hai."
        )
    text = scaffold.render(scaffold.Draft(
        unit_id=unit.id, unit_name=unit.name, name=name, kind=kind, field=fld,
        sectors=sectors, introduced=introduced, created=ctx.today,
    ))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    try:
        with open(full, "x", encoding="utf-8", newline="\n") as fh:  # never overwrite
            fh.write(text)
    except FileExistsError:
        raise Refused(f"Tệp {rel} vừa được tạo bởi người khác; mở tệp đó để sửa.") from None
    return rel


# -- answers ------------------------------------------------------------------


def _units(root: str, pdir: str, today: dt.date) -> tuple[dict[str, Unit], set[str]]:
    rel = f"{pdir}/units.yml"
    try:
        with open(os.path.join(root, rel), "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise Refused(f"Không tìm thấy {rel}; hãy chạy lệnh ở thư mục gốc của kho.") from None
    return load_units(rel, data, Collector(), today)


def _unit(
    given: str | None, units: dict[str, Unit], declared: set[str], day: dt.date,
    ask: _Asker | None, pdir: str,
) -> Unit:
    active = {u.id: u for u in sorted(units.values(), key=lambda u: u.id) if u.active_on(day)}

    def check(uid: str) -> Unit:
        uid = uid.strip()
        if uid in units and uid in active:
            return units[uid]
        if uid in units:
            u = units[uid]
            if u.active_from and day < u.active_from:
                state = f"chỉ hoạt động từ ngày {u.active_from.isoformat()}"
            else:
                assert u.active_to is not None
                state = f"đã thôi hoạt động sau ngày {u.active_to.isoformat()}"
            raise Refused(
                f"Đơn vị '{uid}' ({u.name}) {state}, nên không giới thiệu được hồ sơ vào "
                f"ngày {day.isoformat()}. Nếu hồ sơ được giới thiệu khi đơn vị còn hoạt động, "
                "ghi ngày đó bằng --introduced YYYY-MM-DD."
            )
        if uid in declared:
            raise Refused(f"Đơn vị '{uid}' đang có lỗi trong {pdir}/units.yml; "
                          "chạy 'showcase check' để xem và sửa.")
        raise Refused(
            f"Không có đơn vị '{uid}' trong {pdir}/units.yml.{did_you_mean(uid, units)} "
            "Các mã đơn vị đang hoạt động: " + ", ".join(active) + "."
        )

    if given:
        return check(given)
    assert ask is not None
    ask.menu("Đơn vị giới thiệu:", [(uid, u.name) for uid, u in active.items()])

    def parse(answer: str) -> Unit:
        return check(ask.pick(answer, list(active)) or answer)

    return ask.until("Gõ số thứ tự hoặc mã đơn vị: ", parse)


def resolve(text: str, terms: Mapping[str, Term]) -> str | None:
    """The id of the term written as its id, URL slug, plan letter or Vietnamese label."""
    t = " ".join(text.split())
    if t in terms:
        return t
    for term in terms.values():
        if t.lower() in (term.slug, term.letter) and t:
            return term.id
    folded = ascii_fold(t).lower()
    for term in terms.values():
        if folded in (ascii_fold(term.label).lower(), term.slug) and folded:
            return term.id
    return None


def _term(
    given: str | None, flag: str, title: str, terms: Mapping[str, Term], ask: _Asker | None
) -> str:
    def check(answer: str) -> str:
        tid = resolve(answer, terms)
        if tid is None:
            raise Refused(
                f"'{answer}' không phải giá trị hợp lệ của {flag}.{did_you_mean(answer, terms)} "
                "Chọn một trong: " + ", ".join(terms) + "."
            )
        return tid

    if given:
        return check(given)
    assert ask is not None
    items = [(t.id, f"({t.letter}) {t.label}" if t.letter else t.label) for t in terms.values()]
    ask.menu(title + ":", items)
    return ask.until("Gõ số thứ tự hoặc giá trị: ",
                     lambda a: check(ask.pick(a, list(terms)) or a))


def _name(given: str | None, ask: _Asker | None) -> str:
    def check(answer: str) -> str:
        name = " ".join(unicodedata.normalize("NFC", answer).split())
        if not name:
            raise Refused("Tên không được để trống.")
        if any(unicodedata.category(c).startswith("C") for c in name):
            raise Refused("Tên có ký tự điều khiển; gõ lại tên bằng chữ thường.")
        if len(name) > scaffold.NAME_MAX:
            raise Refused(f"Tên quá dài ({len(name)} ký tự, tối đa {scaffold.NAME_MAX}).")
        return name

    if given is not None:
        return check(given)
    assert ask is not None
    return ask.until("Tên người, tập thể hoặc hộ gia đình (ví dụ Nguyễn Văn A): ", check)


def _sectors(given: str | None, ask: _Asker | None) -> tuple[str, ...]:
    def check(answer: str) -> tuple[str, ...]:
        out: list[str] = []
        for part in re.split(r"[,;\s]+", answer.strip()):
            if not part:
                continue
            sid = resolve(part, SECTORS)
            if sid is None:
                raise Refused(
                    f"'{part}' không phải ngành hợp lệ.{did_you_mean(part, SECTORS)} "
                    "Chọn trong: " + ", ".join(SECTORS) + "."
                )
            if sid not in out:
                out.append(sid)
        return tuple(out)

    if given is not None:
        return check(given)
    if ask is None:
        return ()
    ask.menu("Ngành liên quan (một hoặc nhiều):", [(t.id, t.label) for t in SECTORS.values()])
    return ask.until(
        "Gõ các mã cách nhau bằng dấu phẩy, ví dụ culture,family (Enter: điền sau): ", check
    )


def _slug(given: str | None, name: str) -> str:
    if given is not None:
        if not _SLUG.match(given):
            raise Refused(f"--slug '{given}' không hợp lệ: chỉ dùng chữ thường không dấu, "
                          "chữ số và dấu '-', ví dụ nguyen-van-a-vinh-hai.")
        return given
    slug = slugify(name)
    if not slug:
        raise Refused(f"Không tạo được tên tệp từ tên '{name}'; ghi tên tệp bằng --slug.")
    return slug


def _same_slug(root: str, pdir: str, slug: str) -> str | None:
    """The path of an existing profile with the same page address, if any."""
    base = os.path.join(root, pdir)
    for folder in sorted(os.listdir(base)):
        sub = os.path.join(base, folder)
        if not os.path.isdir(sub):
            continue
        for entry in sorted(os.listdir(sub)):
            m = FILE_NAME.match(entry)
            if m and m.group(2) == slug:
                return f"{pdir}/{folder}/{entry}"
    return None


class _Asker:
    """Questions on the terminal, re-asked until the answer is valid."""

    def menu(self, title: str, items: list[tuple[str, str]]) -> None:
        print(title)
        width = max((len(i) for i, _ in items), default=0)
        for n, (ident, label) in enumerate(items, 1):
            print(f"  {n:>2}. {ident:<{width}}  {label}")

    @staticmethod
    def pick(answer: str, ids: list[str]) -> str | None:
        a = answer.strip()
        return ids[int(a) - 1] if a.isdigit() and 1 <= int(a) <= len(ids) else None

    def until(self, prompt: str, parse: Callable[[str], Any]) -> Any:
        while True:
            try:
                answer = input(prompt)
            except EOFError:
                raise Refused("Đã dừng trước khi trả lời hết các câu hỏi.") from None
            try:
                return parse(answer)
            except Refused as exc:
                print(f"  {exc}")


# -- after writing ------------------------------------------------------------


def _report(ctx: Any, rel: str) -> None:
    """Say where the file is and exactly what is left to write in it."""
    out = Collector()
    with open(os.path.join(ctx.root, rel), "rb") as fh:
        text = frontmatter.decode(fh.read(), rel, out)
    doc = frontmatter.split(text or "", rel, out)
    m = FILE_NAME.match(rel.rsplit("/", 1)[-1])
    if doc and m:
        unit = rel.rsplit("/", 2)[-2]
        read_profile(rel, unit, m.group(2), doc, out, ctx.today,
                     lambda r: photos.check_photo(ctx.root, r),
                     ctx.options.official_email_domains)
    print(f"Đã tạo {rel}")
    left = out.sorted()
    if left:
        print("Mở tệp, điền các chỗ sau rồi chạy 'make check' (hoặc 'showcase check'):")
        for d in left:
            print("  " + d.text())
