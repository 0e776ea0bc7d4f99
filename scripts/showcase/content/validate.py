"""Front matter tree -> a validated, frozen :class:`~showcase.content.model.Profile`,
or diagnostics for every problem found (nothing raises)."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable, Iterator

from showcase.content import (
    chars,
    examples,
    linkrules,
    misplaced,
    scripts,
    storyblocks,
    storylimits,
)
from showcase.content.diagnostics import Collector
from showcase.content.fields import Reader
from showcase.content.frontmatter import Document
from showcase.content.model import (
    CONSENT_KEYS,
    ENTRY_KEYS,
    NOMINATION_KEYS,
    PHOTO_NAME,
    PLACEHOLDER,
    PROFILE_KEYS,
    SUMMARY_MAX,
    SUMMARY_MIN,
    Consent,
    Nomination,
    PhotoCheck,
    Profile,
    Record,
)
from showcase.content.vocab import FIELDS, GRANTORS, KINDS, SCOPES, SECTORS, grantor_of_form
from showcase.content.yamltree import Map, Node, Scalar


def read_profile(
    path: str, unit: str, slug: str, doc: Document, out: Collector, today: dt.date,
    photo_exists: PhotoCheck, email_domains: Iterable[str] = (),
    file_exists: Callable[[str], bool] | None = None,
) -> Profile | None:
    """Front matter tree -> Profile, or None after reporting every problem.

    ``email_domains``: the official e-mail domains a profile may show (``*.gov.vn``).
    ``file_exists``: whether a repository path is a file (what a story's images
    and links name); without it, none is.
    """
    m = doc.meta
    r = Reader(path, out, today, email_domains)
    errors_before = len(out.errors)
    misplaced.unflatten(m, r)
    misplaced.rejoin(m, r)
    r.unknown_keys(m, PROFILE_KEYS)

    name = r.text(r.require(m, "name", at=1), "name", "Nguyễn Văn A", max_len=200, card=True)
    name_km = _name_km(m, r)
    kind = r.choice(r.require(m, "kind", at=1), "kind", KINDS)
    fld = r.choice(r.require(m, "field", at=1), "field", FIELDS)
    sectors = r.choices(r.require(m, "sectors", at=1), "sectors", SECTORS)
    introduced = r.date(r.require(m, "introduced", at=1), "introduced", not_future=True)
    published = r.date(m.get("published"), "published")
    summary_node = r.require(m, "summary", at=1)
    unwritten = isinstance(summary_node, Scalar) and PLACEHOLDER in summary_node.text
    summary = r.text(
        summary_node, "summary", "Một câu tóm tắt ...",
        min_len=0 if unwritten else SUMMARY_MIN, max_len=SUMMARY_MAX, multiline=True,
    )
    title = r.text(m.get("title"), "title", "Tiêu đề", max_len=200)
    location = r.text(m.get("location"), "location", "xã ..., huyện ...", max_len=200)
    movement = r.text(m.get("movement"), "movement", "Tên phong trào", max_len=200)
    tags = tuple(
        t for t in (r.text(n, "tags", "văn nghệ", max_len=60)
                    for n in r.seq(m.get("tags"), "tags", "[văn nghệ]") or ()) if t
    )
    featured = r.boolean(m.get("featured"), "featured") or False
    draft = r.boolean(m.get("draft"), "draft") or False
    achievements = _records(m.get("achievements"), "achievements", r)
    commendations = _records(m.get("commendations"), "commendations", r)
    photo, photo_alt = _photo(m, path, r, photo_exists)
    consent = _consent(m, kind, r, published)
    nominated = _nomination(m.get("nominated"), m.line_of("nominated"), introduced, r)
    _unfit_nominee(m, nominated, draft, consent, r)

    if introduced and published and published < introduced:
        r.error(
            m.line_of("published"), "published", "SC032",
            f"Ngày công bố {published.isoformat()} trước ngày giới thiệu "
            f"{introduced.isoformat()}.",
            "Hồ sơ chỉ được công bố sau khi đơn vị giới thiệu; kiểm tra lại hai ngày này.",
        )
    if introduced and introduced.year != int(path.rsplit("/", 1)[-1][:4]):
        r.error(
            m.line_of("introduced"), "introduced", "SC033",
            f"Năm trong tên tệp khác năm giới thiệu ({introduced.year}).",
            f"Đổi tên tệp thành {introduced.year}-{slug}.md.",
        )
    r.scan(doc.body, doc.body_line, "body", markdown=True)
    r.drawable(doc.body, doc.body_line, "body")
    for excess in storylimits.check(doc.body):  # what would stall the build
        r.error(doc.body_line + excess.offset_line, "body", *storylimits.message(excess))
    linkrules.report(
        linkrules.check(doc.body, path, photo, file_exists or _no_file,
                         posixpath.dirname(posixpath.dirname(path))),
        path, doc.body_line, out)
    _indented(doc, out, path)
    _placeholders(m, doc, r)
    examples.refuse_leftovers(m, doc, r)

    if len(out.errors) > errors_before or doc.refused:
        return None
    assert name and kind and fld and sectors and introduced and summary
    return Profile(
        path=path, unit=unit, slug=slug, name=name, kind=kind, field=fld, sectors=sectors,
        introduced=introduced, summary=summary, body=doc.body, body_line=doc.body_line,
        title=title or name, published=published, name_km=name_km, photo=photo,
        photo_alt=photo_alt,
        location=location, movement=movement, achievements=achievements,
        commendations=commendations, consent=consent, featured=featured, tags=tags,
        draft=draft, nominated=nominated,
    )


def _indented(doc: Document, out: Collector, path: str) -> None:
    """One warning for the story's paragraphs that start indented (a tab pasted from
    Word or Zalo): the site shows paragraphs, GitHub's preview code frames."""
    lines = storyblocks.indented_prose(doc.body)
    if not lines:
        return
    more = f" (và {len(lines) - 1} đoạn khác bên dưới)" if len(lines) > 1 else ""
    out.warning(
        path, doc.body_line + lines[0], "body", "SC151",
        f"Đoạn này{more} bắt đầu bằng dấu tab hoặc từ 4 dấu cách: trang web hiện thành "
        "đoạn văn thường, nhưng bản xem trước trên GitHub hiện thành khung chữ máy (mã).",
        "Xóa dấu tab hoặc dấu cách ở đầu đoạn (thường do dán từ Word hoặc Zalo) để bản xem "
        "trước giống trang web; muốn thụt đầu dòng trong danh sách, viết '- ' trước mỗi ý.",
    )


def _no_file(rel: str) -> bool:
    return False


def _name_km(m: Map, r: Reader) -> str | None:
    """The optional name in Khmer script: Khmer letters, spaces and name punctuation."""
    value = r.text(m.get("name_km"), "name_km", PROFILE_KEYS["name_km"], max_len=200, card=True)
    if value is None:
        return None
    others = scripts.not_khmer(value)
    if others or not scripts.has_khmer(value):
        shown = ", ".join(scripts.describe(ch) for ch in others[:5])
        r.error(
            m.line_of("name_km"), "name_km", "SC101",
            "Tên chữ Khmer (name_km) chỉ được viết bằng chữ Khmer"
            + (f"; có ký tự khác: {shown}." if shown else "."),
            "Ghi tên tiếng Việt ở 'name', tên chữ Khmer ở 'name_km', ví dụ "
            f"'name_km: {PROFILE_KEYS['name_km']}'; bỏ trường này nếu không có tên chữ Khmer.",
        )
        return None
    return value


def _records(node: Node | None, fld: str, r: Reader) -> tuple[Record, ...]:
    out: list[Record] = []
    for i, item in enumerate(r.seq(node, fld, "[{year: 2024, text: ...}]") or ()):
        key = f"{fld}[{i}]"
        if not isinstance(item, Map):
            r.error(
                item.line, key, "SC034", f"Mỗi mục của '{fld}' cần năm và nội dung.",
                "Viết theo dạng: - {year: 2024, text: Bằng khen của Chủ tịch UBND tỉnh}",
            )
            continue
        r.unknown_keys(item, ENTRY_KEYS, key + ".")
        year = r.year(r.require(item, "year", key + "."), key + ".year")
        text = r.text(r.require(item, "text", key + "."), key + ".text", max_len=300)
        if year and text:
            out.append(Record(year, text))
    return tuple(out)


def _nomination(node: Node | None, at: int, introduced: dt.date | None, r: Reader
                ) -> Nomination | None:
    """``nominated: {year, form, reason?}``: the board's proposal for a commendation."""
    if node is None or (isinstance(node, Scalar) and node.is_null):
        return None
    if not isinstance(node, Map):
        r.error(
            node.line, "nominated", "SC022", "Trường 'nominated' phải là một nhóm trường.",
            "Viết 'nominated:' rồi hai dòng thụt lề bên dưới: 'year: 2025' và "
            "'form: Giấy khen của Giám đốc Sở'.",
        )
        return None
    r.unknown_keys(node, NOMINATION_KEYS, "nominated.")
    year = r.year(r.require(node, "year", "nominated.", " (năm xét khen thưởng)", at),
                  "nominated.year")
    form = r.text(r.require(node, "form", "nominated.", " (hình thức khen thưởng đề nghị)", at),
                  "nominated.form", "Giấy khen của Giám đốc Sở", min_len=5, max_len=200)
    reason = r.text(node.get("reason"), "nominated.reason", "Lý do đề nghị", max_len=300)
    grantor = _grantor(node, form, r)
    if year and introduced and year < introduced.year:
        r.error(
            node.line_of("year"), "nominated.year", "SC062",
            f"Năm đề nghị khen thưởng {year} trước năm giới thiệu {introduced.year}.",
            f"Chỉ đề nghị khen thưởng từ năm giới thiệu trở đi: ghi {introduced.year} "
            "hoặc muộn hơn.",
        )
        return None
    return Nomination(year, form, reason, grantor) if year and form and grantor else None


def _unfit_nominee(m: Map, nominated: Nomination | None, draft: bool,
                   consent: Consent | None, r: Reader) -> None:
    """A draft, or a person who withdrew consent, is left out of the proposals: say so."""
    if nominated is None:
        return
    at = m.line_of("nominated")
    if draft:
        r.out.warning(
            r.path, at, "nominated", "SC172",
            f"Hồ sơ là bản nháp nên không được đưa vào đề nghị khen thưởng năm "
            f"{nominated.year}.",
            "Bỏ 'draft: true' khi hồ sơ đã hoàn thành và được duyệt, hoặc xóa 'nominated'.",
        )
    if consent is not None and consent.withdrawn is not None \
            and consent.withdrawn.year <= nominated.year:
        r.out.warning(
            r.path, at, "nominated", "SC173",
            f"Người được giới thiệu đã rút lại sự đồng ý ngày "
            f"{consent.withdrawn.strftime('%d/%m/%Y')} nên không được đưa vào đề nghị khen "
            f"thưởng năm {nominated.year}.",
            "Xóa 'nominated', hoặc xin lại phiếu đồng ý mới rồi ghi lại 'consent'.",
        )


def _grantor(node: Map, form: str | None, r: Reader) -> str | None:
    """``nominated.grantor``: who grants the form; by default the one its words name."""
    given = r.choice(node.get("grantor"), "nominated.grantor", GRANTORS)
    named = grantor_of_form(form) if form else None
    how = ("Ghi 'grantor: director' nếu Giám đốc Sở khen (tờ trình của Phòng Tổ chức - Pháp "
           "chế trình Giám đốc), 'grantor: chairman' nếu Chủ tịch UBND tỉnh khen (Sở đề nghị "
           "Sở Nội vụ trình Chủ tịch).")
    if given and named and given != named:
        r.error(
            node.line_of("grantor"), "nominated.grantor", "SC171",
            f"Hình thức '{form}' do {GRANTORS[named].label} khen, nhưng 'grantor' ghi "
            f"{given} ({GRANTORS[given].label}).",
            f"Ghi 'grantor: {named}', hoặc sửa 'form' cho đúng hình thức đề nghị.",
        )
        return None
    if form and not given and not named:
        r.error(
            node.line_of("form"), "nominated.form", "SC170",
            f"Không rõ cấp nào khen hình thức '{form}', nên không biết gửi đề nghị tới đâu.",
            how,
        )
        return None
    return given or named


def _photo(m: Map, path: str, r: Reader, exists: PhotoCheck) -> tuple[str | None, str | None]:
    photo_node = m.get("photo")
    name = r.text(photo_node, "photo", "nguyen-van-a.jpg")
    alt = r.text(m.get("photo_alt"), "photo_alt", "Mô tả ảnh", max_len=250)
    if name is None:
        if alt is not None:
            r.error(
                m.line_of("photo_alt"), "photo_alt", "SC035",
                "Có mô tả ảnh nhưng không có ảnh.",
                "Thêm trường 'photo' với tên tệp ảnh, hoặc xóa 'photo_alt'.",
            )
        return None, None
    line = m.line_of("photo")
    if "/" in name or "\\" in name or name.startswith("."):
        r.error(
            line, "photo", "SC036", f"Ảnh '{name}' phải nằm cùng thư mục với hồ sơ.",
            "Đặt tệp ảnh cạnh tệp hồ sơ và chỉ ghi tên tệp, ví dụ 'photo: nguyen-van-a.jpg'.",
        )
        return None, alt
    if not PHOTO_NAME.match(name):
        r.error(
            line, "photo", "SC037", f"Tên ảnh '{name}' không hợp lệ.",
            "Dùng ảnh .jpg, .png hoặc .webp; tên chỉ gồm chữ không dấu, số, '-' và '_'.",
        )
        return None, alt
    folder = path.rsplit("/", 1)[0]
    full = f"{folder}/{name}"
    problem = exists(full)
    if problem:
        code, message, hint = problem
        r.error(line, "photo", code, message, hint)
    if alt is None:
        r.error(
            line, "photo_alt", "SC038", "Ảnh cần có mô tả (photo_alt) cho người khiếm thị.",
            "Thêm dòng 'photo_alt: ...' mô tả ngắn gọn nội dung ảnh.",
        )
    return full, alt


def _consent(m: Map, kind: str | None, r: Reader, published: dt.date | None
             ) -> Consent | None:
    node = m.get("consent")
    needed = kind in ("individual", "household")
    if node is None or (isinstance(node, Scalar) and node.is_null):
        if needed:
            r.error(
                m.line_of("kind"), "consent", "SC060",
                "Hồ sơ cá nhân và hộ gia đình phải có biên bản đồng ý (consent) của người "
                "được giới thiệu.",
                "Thêm nhóm 'consent:' với 'date:' (ngày ký) và 'ref:' (số, nơi lưu phiếu đồng ý).",
            )
        return None
    if not isinstance(node, Map):
        r.error(
            node.line, "consent", "SC022", "Trường 'consent' phải là một nhóm trường.",
            "Viết 'consent:' rồi hai dòng thụt lề bên dưới: 'date: 2024-05-15' và "
            "'ref: \"12/ĐY-VHTT\"'.",
        )
        return None
    r.unknown_keys(node, CONSENT_KEYS, "consent.")
    why = " (bắt buộc với hồ sơ cá nhân và hộ gia đình)" if needed else ""
    at = m.line_of("consent")
    day = r.date(r.require(node, "date", "consent.", why, at), "consent.date", not_future=True)
    ref = r.text(r.require(node, "ref", "consent.", why, at), "consent.ref", '"12/ĐY-VHTT"',
                 max_len=120)
    scope_node = node.get("scope")
    scope = r.choices(scope_node, "consent.scope", SCOPES) if scope_node is not None else None
    withdrawn = r.date(node.get("withdrawn"), "consent.withdrawn", not_future=True)
    if day and withdrawn and withdrawn < day:
        r.error(
            node.line_of("withdrawn"), "consent.withdrawn", "SC061",
            f"Ngày rút lại đồng ý {withdrawn.isoformat()} trước ngày ký {day.isoformat()}.",
            "Kiểm tra lại hai ngày này.",
        )
    if day and published and day > published:
        r.error(
            node.line_of("date"), "consent.date", "SC063",
            f"Ngày ký phiếu đồng ý {day.isoformat()} sau ngày công bố {published.isoformat()}.",
            "Chỉ được công bố sau khi người được giới thiệu đã ký phiếu đồng ý: sửa ngày ký cho "
            "đúng phiếu, hoặc ghi ngày công bố (published) từ ngày ký trở đi.",
        )
    if not (day and ref):
        return None
    return Consent(day, ref, frozenset(scope if scope is not None else SCOPES), withdrawn)


def _marked(node: Node, path: str, line: int) -> Iterator[tuple[str, int]]:
    """Paths and lines of every value, at any depth, still holding the placeholder."""
    for where, at, text in examples.values(node, path, line):
        if PLACEHOLDER in text:
            yield where, at


def _placeholders(m: Map, doc: Document, r: Reader) -> None:
    for key, entry in m.entries.items():
        for path, line in _marked(entry.value, key, entry.key_line):
            r.error(
                line, path, "SC070", f"Trường '{path}' chưa được viết.",
                f"Thay '{PLACEHOLDER}' bằng nội dung thật.",
            )
    for i, text in enumerate(doc.body.split("\n")):
        if PLACEHOLDER in text:
            r.error(
                doc.body_line + i, "body", "SC070", "Bài viết chưa được viết.",
                f"Thay '{PLACEHOLDER}' bằng câu chuyện về gương điển hình.",
            )
    if chars.is_blank(doc.body):
        r.error(
            doc.body_line - 1, "body", "SC071", "Hồ sơ chưa có bài viết.",
            "Viết câu chuyện về gương điển hình bên dưới dòng '---' thứ hai.",
        )
