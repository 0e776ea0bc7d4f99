"""The form's fields, made from the profile format (pure: no I/O).

One builder per key of :data:`showcase.content.model.PROFILE_KEYS`, in the
order of the contract, which is the order the form shows them and the order
Decap writes them in the file. A key of the contract without a builder here
raises :class:`MissingField`: the form cannot silently fall behind the format
(``tests/unit/test_editor_config.py`` makes the same comparison field by field).
The closed vocabularies come with their Vietnamese labels from ``vocab.py``;
lengths, file-name rules and Khmer letters from the modules that check them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from showcase.content import model
from showcase.content.charsets import RANGES
from showcase.content.model import (
    CONSENT_KEYS,
    ENTRY_KEYS,
    NOMINATION_KEYS,
    PHOTO_NAME,
    PROFILE_KEYS,
    SUMMARY_MAX,
    SUMMARY_MIN,
)
from showcase.content.scripts import KHMER_NAME_EXTRA
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, GRANTORS, KINDS, SCOPES, SECTORS, Term
from showcase.workflow.editor_types import Field, Option, Rule
from showcase.workflow.scaffold import NAME_MAX

NEEDS_CONSENT = ("individual", "household")
# Calendar dates as the format stores them: the native date input, read and written in
# the browser's own time zone, so no shift (Decap's `picker_utc` would write UTC).
DATE_FORMAT = "YYYY-MM-DD"
BODY_BUTTONS = ("bold", "italic", "link", "heading-two", "heading-three", "quote",
                "bulleted-list", "numbered-list")
BOARD = " Ban biên tập điền khi duyệt; đơn vị để trống."


class MissingField(Exception):
    """A key of the profile format has no field in the form."""


def _options(terms: dict[str, Term], letters: bool = False) -> tuple[Option, ...]:
    return tuple(Option(f"{t.letter}) {t.label}" if letters else t.label, t.id)
                 for t in terms.values())


def _length(label: str, high: int, low: int = 0) -> Rule:
    label = label.split(" (")[0]  # "Mô tả ảnh (bắt buộc khi có ảnh)": the name alone
    if low:
        return Rule("length", f"{label}: cần từ {low} đến {high} ký tự.", min=low, max=high)
    return Rule("length", f"{label}: tối đa {high} ký tự.", max=high)


def _text(name: str, label: str, hint: str, high: int, required: bool = False,
          widget: str = "string", rules: tuple[Rule, ...] = ()) -> Field:
    return Field(name, label, widget, required=required, hint=hint,
                 rules=(_length(label, high), *rules))


def _date(name: str, label: str, hint: str, required: bool, rules: tuple[Rule, ...]) -> Field:
    return Field(name, label, "datetime", required=required, hint=hint, format=DATE_FORMAT,
                 time_format=False, picker_utc=False, rules=rules)


def _not_future(label: str) -> Rule:
    return Rule("not_future", f"{label}: không được là ngày ở tương lai.")


def _khmer_class() -> str:
    """A JavaScript character class of the Khmer letters the fonts draw, and the name
    punctuation ``name_km`` may hold (scripts.not_khmer)."""
    def esc(cp: int) -> str:
        return f"\\u{{{cp:x}}}"
    spans = "".join(f"{esc(a)}-{esc(b)}" for a, b in RANGES["khmer"])
    extra = "".join(esc(ord(c)) for c in sorted(KHMER_NAME_EXTRA))
    return f"[{spans}{extra}]"


def _records(name: str, label: str, item: str, year_max: int) -> Field:
    assert set(ENTRY_KEYS) == {"year", "text"}
    return Field(
        name, label, "list", required=False, label_singular=item, collapsed=False,
        summary="{{fields.year}}: {{fields.text}}",
        hint=f"Mỗi {item} một dòng: năm (bốn chữ số) và nội dung.",
        fields=(
            Field("year", "Năm", "number", value_type="int", min=1900, max=year_max,
                  hint=f"Bốn chữ số, không muộn hơn {year_max}."),
            _text("text", "Nội dung", "", 300, required=True),
        ),
    )


def _consent() -> Field:
    needs = [KINDS[k].label.lower() for k in NEEDS_CONSENT]
    why = f"bắt buộc với {' và '.join(needs)}"
    label = f"Phiếu đồng ý ({why})"

    def required(child: str) -> Rule:
        return Rule("required_if", f"Phiếu đồng ý, {child}: {why}.", field="kind",
                    values=NEEDS_CONSENT)

    return Field(
        "consent", label, "object", required=False, collapsed=False,
        hint=("Luật Bảo vệ dữ liệu cá nhân: người được giới thiệu ký phiếu đồng ý; tập thể "
              "để trống. Phiếu đã ký lưu ở đơn vị, không tải phiếu lên."),
        fields=(
            _date("date", "Ngày ký phiếu", "Ngày người được giới thiệu ký phiếu đồng ý.",
                  False, (required("ngày ký phiếu"), _not_future("Ngày ký phiếu"))),
            _text("ref", "Số phiếu và nơi lưu", "Ví dụ: 12/ĐY-VHTT, văn thư đơn vị.", 120,
                  rules=(required("số phiếu và nơi lưu"),)),
            Field("scope", "Phạm vi đồng ý", "select", required=False, multiple=True,
                  options=_options(SCOPES),
                  hint="Bỏ trống là đồng ý cả hai. Không có trang thông tin thì hồ sơ không "
                       "được đăng ở đâu cả."),
            _date("withdrawn", "Ngày rút lại đồng ý",
                  "Chỉ điền khi người được giới thiệu rút lại đồng ý: hồ sơ rời trang và "
                  "bản tin.", False,
                  (_not_future("Ngày rút lại đồng ý"),
                   Rule("on_or_after", "Ngày rút lại đồng ý phải từ ngày ký phiếu trở đi.",
                        field="consent.date"))),
        ),
    )


def _nomination(year_max: int) -> Field:
    def needed(child: str, other: str) -> Rule:
        return Rule("required_with", f"Đề nghị khen thưởng: thiếu {child}.",
                    field=f"nominated.{other}")

    return Field(
        "nominated", "Đề nghị khen thưởng", "object", required=False, collapsed=True,
        hint="Ban biên tập ghi khi đề nghị khen thưởng; đơn vị để trống.",
        fields=(
            Field("year", "Năm xét", "number", required=False, value_type="int", min=1900,
                  max=year_max, rules=(needed("năm xét", "form"),)),
            _text("form", "Hình thức đề nghị", "Ví dụ: Giấy khen của Giám đốc Sở.", 200,
                  rules=(needed("hình thức đề nghị", "year"),)),
            Field("grantor", "Cấp khen thưởng", "select", required=False,
                  options=_options(GRANTORS),
                  hint="Ai khen hình thức này, nên đề nghị gửi tới đâu: Giám đốc Sở (tờ trình "
                       "của Phòng Tổ chức - Pháp chế) hoặc Chủ tịch UBND cấp tỉnh (Sở đề nghị "
                       "Sở Nội vụ trình). Bỏ trống khi hình thức đã ghi rõ, ví dụ 'Giấy khen "
                       "của Giám đốc Sở'."),
            _text("reason", "Lý do", "Một hoặc hai câu.", 300),
        ),
    )


def closed_state(unit: Unit, today: dt.date) -> str | None:
    """'đã thôi hoạt động sau ngày 30/06/2025' when ``unit`` takes no profile on ``today``."""
    if unit.active_on(today):
        return None
    if unit.active_from and today < unit.active_from:
        return f"chỉ hoạt động từ ngày {unit.active_from.strftime('%d/%m/%Y')}"
    assert unit.active_to is not None
    return f"đã thôi hoạt động sau ngày {unit.active_to.strftime('%d/%m/%Y')}"


def _introduced(unit: Unit, today: dt.date) -> Field:
    label = "Ngày giới thiệu"
    closed = closed_state(unit, today)
    rules = [] if closed is None else [
        Rule("no_new", f"Đơn vị giới thiệu: {unit.name} {closed}, không nhận hồ sơ mới; chỉ "
                       "sửa được hồ sơ đã có.")]
    rules += [Rule("not_future", f"{label}: không được là ngày ở tương lai (hôm nay là "
                                "{today})."),
             Rule("file_year", f"{label}: năm phải trùng năm ở đầu tên tệp ({{year}}); muốn "
                               "đổi năm, báo Ban biên tập.")]
    if unit.active_from:
        rules.append(Rule("date_min", f"{label}: {unit.name} chỉ hoạt động từ ngày "
                                      f"{unit.active_from.strftime('%d/%m/%Y')}.",
                          date=unit.active_from.isoformat()))
    if unit.active_to:
        rules.append(Rule("date_max", f"{label}: {unit.name} đã thôi hoạt động sau ngày "
                                      f"{unit.active_to.strftime('%d/%m/%Y')}.",
                          date=unit.active_to.isoformat()))
    return _date("introduced", label, "Ngày đơn vị giới thiệu; quyết định hồ sơ tính cho "
                 "sáu tháng nào. Năm của ngày này đứng đầu tên tệp.", True, tuple(rules))


def profile_fields(unit: Unit, today: dt.date) -> tuple[Field, ...]:
    """Every field of a profile of ``unit``, in the contract's order, then the story."""
    photo_label, alt_label = "Ảnh", "Mô tả ảnh (bắt buộc khi có ảnh)"
    builders: dict[str, Callable[[], Field]] = {
        "name": lambda: _text(
            "name", "Tên", "Tên người, tập thể hoặc hộ gia đình được giới thiệu, ví dụ "
            "Nguyễn Văn A. Tên tệp được làm từ tên này (chữ không dấu).", NAME_MAX,
            required=True, rules=(
                Rule("forbid", "Tên: không dùng ký tự _ hoặc ~.", pattern="[_~]"),
                # The file name is made of the name's Latin letters and digits.
                Rule("match", "Tên: cần có chữ Việt (tên chữ Khmer ghi ở ô Tên chữ Khmer).",
                     pattern=r"[A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff]", flags="u"))),
        "name_km": lambda: _text(
            "name_km", "Tên chữ Khmer", "Không bắt buộc: tên viết bằng chữ Khmer, hiện dưới "
            "tên tiếng Việt trên trang và thẻ chia sẻ.", 200,
            rules=(Rule("khmer", "Tên chữ Khmer: chỉ viết bằng chữ Khmer; tên tiếng Việt ghi "
                                 "ở ô Tên.", pattern=_khmer_class()),)),
        "kind": lambda: Field("kind", "Loại", "select", options=_options(KINDS),
                              hint="Cá nhân và hộ gia đình cần phiếu đồng ý; tập thể thì không."),
        "field": lambda: Field("field", "Lĩnh vực", "select", options=_options(FIELDS, True),
                               hint="Một trong năm lĩnh vực của kế hoạch."),
        "sectors": lambda: Field("sectors", "Ngành", "select", multiple=True, min=1,
                                 options=_options(SECTORS),
                                 hint="Chọn một hoặc nhiều ngành liên quan."),
        "introduced": lambda: _introduced(unit, today),
        "published": lambda: _date(
            "published", "Ngày công bố", "Chưa có ngày này, hoặc ngày chưa đến, thì hồ sơ "
            "chưa lên trang." + BOARD, False,
            (Rule("on_or_after", "Ngày công bố phải từ ngày giới thiệu trở đi.",
                  field="introduced"),)),
        "summary": lambda: Field(
            "summary", "Tóm tắt", "text",
            hint=f"Một đến ba câu nói vì sao đây là gương điển hình, từ {SUMMARY_MIN} đến "
                 f"{SUMMARY_MAX} ký tự; dùng cho thẻ giới thiệu, bản tin RSS và khi chia sẻ.",
            rules=(_length("Tóm tắt", SUMMARY_MAX, SUMMARY_MIN),)),
        "title": lambda: _text("title", "Tiêu đề bài viết", "Không bắt buộc; bỏ trống thì "
                               "dùng tên.", 200),
        "photo": lambda: Field(
            "photo", photo_label, "image", required=False, choose_url=False,
            hint="Không bắt buộc: một ảnh JPEG, PNG hoặc WebP, dưới 15 MB; ảnh được lưu cạnh "
                 "hồ sơ.",
            rules=(Rule("match", f"{photo_label}: chỉ nhận ảnh .jpg, .png hoặc .webp, tên tệp "
                                 "không dấu, không khoảng trắng.",
                        pattern=PHOTO_NAME.pattern, flags="i"),)),
        "photo_alt": lambda: _text(
            "photo_alt", alt_label, "Mô tả ngắn nội dung ảnh cho người khiếm thị, ví dụ Ông A "
            "bên cây đờn kìm.", 250,
            rules=(Rule("required_with", "Mô tả ảnh: bắt buộc khi có ảnh.", field="photo"),
                   Rule("only_with", "Mô tả ảnh: chỉ ghi khi có ảnh.", field="photo"))),
        "location": lambda: _text("location", "Địa bàn", "Đến cấp xã, ví dụ xã Mỹ Quới.", 200),
        "movement": lambda: _text("movement", "Phong trào thi đua",
                                  "Phong trào thi đua gắn với gương điển hình.", 200),
        "achievements": lambda: _records("achievements", "Thành tích", "thành tích",
                                         today.year),
        "commendations": lambda: _records("commendations", "Khen thưởng", "khen thưởng",
                                          today.year),
        "consent": _consent,
        "featured": lambda: Field("featured", "Nổi bật trên trang chủ", "boolean",
                                  required=False, hint=BOARD.strip()),
        "tags": lambda: Field("tags", "Từ khóa", "list", required=False, allow_add=True,
                              hint="Cách nhau bằng dấu phẩy, ví dụ: văn nghệ, đờn ca tài tử."),
        "draft": lambda: Field("draft", "Bản nháp", "boolean", required=False,
                               hint="Bật: không bao giờ công bố, kể cả khi có ngày công bố."),
        "nominated": lambda: _nomination(today.year),
    }
    missing = [k for k in PROFILE_KEYS if k not in builders]
    if missing:
        raise MissingField("Biểu mẫu chưa có trường " + ", ".join(missing) + ".")
    body = Field(
        "body", "Bài viết", "markdown", buttons=BODY_BUTTONS, editor_components=(),
        modes=("rich_text", "raw"),
        hint="Câu chuyện về gương điển hình: đoạn mở đầu (là ai, làm gì, ở đâu), rồi các "
             "mục như Hành trình, Đóng góp cho cộng đồng, Lan tỏa. Không dán ảnh hay mã "
             "HTML; ảnh đặt ở ô Ảnh.",
        rules=(Rule("no_html", "Bài viết: không dùng mã HTML; dùng các nút định dạng."),
               Rule("forbid", f"Bài viết: thay chữ {model.PLACEHOLDER} bằng câu chuyện.",
                    pattern=model.PLACEHOLDER.replace("(", "\\(").replace(")", "\\)"))))
    return (*(builders[k]() for k in PROFILE_KEYS), body)


def contract_keys() -> dict[str, tuple[str, ...]]:
    """The contract's keys the form must have: top level, and inside each group."""
    return {"": (*PROFILE_KEYS, "body"), "consent": tuple(CONSENT_KEYS),
            "achievements": tuple(ENTRY_KEYS), "commendations": tuple(ENTRY_KEYS),
            "nominated": tuple(NOMINATION_KEYS)}
