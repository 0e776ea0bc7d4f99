"""The answers ``showcase new`` needs: from options or asked on the terminal, each
checked and turned into a unit, a term id, a name, sectors or a file-name slug.

A wrong answer raises :class:`Refused` with a Vietnamese message saying what
to write instead; on the terminal the question is asked again.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import TypeVar

from showcase.content.text import slugify
from showcase.content.units import Unit
from showcase.content.vocab import SECTORS, Term, did_you_mean, resolve
from showcase.workflow import scaffold

T = TypeVar("T")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Refused(Exception):
    """Nothing is written; the message says why and what to do (exit 2)."""


def unit(
    given: str | None, units: dict[str, Unit], declared: set[str], day: dt.date,
    ask: Asker | None, pdir: str,
) -> Unit:
    """The active unit given as ``--unit`` or chosen from the menu."""
    active = {u.id: u for u in sorted(units.values(), key=lambda u: u.id) if u.active_on(day)}

    def check(uid: str) -> Unit:
        uid = uid.strip()
        if uid in units and uid in active:
            return units[uid]
        if uid in units:
            raise Refused(
                f"{units[uid].inactive_message(day)} Nếu hồ sơ được giới thiệu khi đơn vị còn "
                "hoạt động, ghi ngày đó bằng --introduced YYYY-MM-DD."
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


def term(
    given: str | None, flag: str, title: str, terms: Mapping[str, Term], ask: Asker | None
) -> str:
    """The id of a kind or field, given as ``flag`` or chosen from the menu ``title``."""

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


def name(given: str | None, ask: Asker | None) -> str:
    """The name, NFC, spaces collapsed, without control characters."""

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


def sectors(given: str | None, ask: Asker | None) -> tuple[str, ...]:
    """The sector ids, in the order written; none when not given and not asked."""

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


def slug(given: str | None, name: str) -> str:
    """The file-name slug: ``--slug`` as given, else the name folded to ASCII."""
    if given is not None:
        if not _SLUG.match(given):
            raise Refused(f"--slug '{given}' không hợp lệ: chỉ dùng chữ thường không dấu, "
                          "chữ số và dấu '-', ví dụ nguyen-van-a-vinh-hai.")
        return given
    slug = slugify(name)
    if not slug:
        raise Refused(f"Không tạo được tên tệp từ tên '{name}'; ghi tên tệp bằng --slug.")
    return slug


class Asker:
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

    def until(self, prompt: str, parse: Callable[[str], T]) -> T:
        while True:
            try:
                answer = input(prompt)
            except EOFError:
                raise Refused("Đã dừng trước khi trả lời hết các câu hỏi.") from None
            try:
                return parse(answer)
            except Refused as exc:
                print(f"  {exc}")
