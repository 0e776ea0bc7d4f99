"""The text of a new profile, as written by ``showcase new`` (pure: no I/O).

Every key of the contract is in the file, either filled with what the writer
told us or commented out with a Vietnamese explanation and an example. What
the writer still has to write is either :data:`model.PLACEHOLDER` (top-level
text: the summary and the story) or an empty required value (``sectors: []``,
``consent.date``, ``consent.ref``), so that ``showcase check`` refuses the
file, naming each line, until it is filled: nothing unwritten can reach the
site, and no value is guessed on the writer's behalf.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from showcase.content import examples, yamltree
from showcase.content.model import PLACEHOLDER
from showcase.content.vocab import FIELDS, KINDS, SECTORS

NAME_MAX = 200  # as in validate.read_profile


@dataclass(frozen=True)
class Draft:
    """What the writer told ``showcase new``."""

    unit_id: str
    unit_name: str
    name: str
    kind: str  # a KINDS id
    field: str  # a FIELDS id
    sectors: tuple[str, ...]  # SECTORS ids; may be empty (the check then asks for them)
    introduced: dt.date
    created: dt.date  # the day the file was made (for the header comment)


def file_name(introduced: dt.date, slug: str) -> str:
    """``<yyyy>-<slug>.md``: the year is the year of introduction (rule SC033)."""
    return f"{introduced.year}-{slug}.md"


def yaml_text(value: str) -> str:
    """``value`` as a YAML scalar that reads back as exactly ``value``.

    Plain when that is safe (easier for people to edit), double-quoted when
    YAML would read it differently: a ``': '`` or ``' #'`` inside, a leading
    indicator such as ``-``, ``[`` or ``*``, or a word YAML 1.1 turns into a
    boolean, a number or a date.
    """
    if value and value == value.strip() and _reads_back(value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _reads_back(value: str) -> bool:
    source = f"k: {value}\n"
    parsed = yamltree.parse(source)
    root = parsed.root
    if parsed.problems or not isinstance(root, yamltree.Map):
        return False
    node = root.get("k")
    if not (isinstance(node, yamltree.Scalar) and node.plain and node.text == value):
        return False
    try:  # other tools (GitHub's preview, editors) use a YAML 1.1 resolver
        return bool(yaml.safe_load(source) == {"k": value})
    except yaml.YAMLError:
        return False


def _choices(terms: Sequence[str], labels: dict[str, str]) -> list[str]:
    return [f"#   {t:<28} {labels[t]}" for t in terms]


def render(d: Draft) -> str:
    """The whole file: front matter with comments, then the story to write."""
    kind = KINDS[d.kind]
    fld = FIELDS[d.field]
    sectors = "[" + ", ".join(d.sectors) + "]"
    lines = [
        "---",
        f"# Hồ sơ gương điển hình do {d.unit_name} giới thiệu.",
        f"# Tạo bằng lệnh 'showcase new' ngày {d.created.isoformat()}.",
        "# Dòng bắt đầu bằng '#' là ghi chú, không hiện trên trang. Muốn dùng một",
        "# trường đang là ghi chú, xóa dấu '#' và dấu cách ở đầu dòng rồi điền giá trị.",
        f"# Thay mọi chỗ {PLACEHOLDER} bằng nội dung thật, rồi chạy 'make check' để",
        "# biết còn thiếu gì. Hướng dẫn đầy đủ: HUONG-DAN-BIEN-TAP.md",
        "",
        "# Tên người, tập thể hoặc hộ gia đình được giới thiệu.",
        f"name: {yaml_text(d.name)}",
        "# Tên bằng chữ Khmer (nếu có), hiện dưới tên tiếng Việt trên trang và thẻ chia sẻ.",
        f"# name_km: {examples.NAME_KM}",
        "# Loại: individual (cá nhân), collective (tập thể), household (hộ gia đình).",
        f"kind: {d.kind}  # {kind.label}",
        "# Lĩnh vực theo kế hoạch (chọn một):",
        *_choices(list(FIELDS), {k: f"({t.letter}) {t.label}" for k, t in FIELDS.items()}),
        f"field: {d.field}  # ({fld.letter}) {fld.label}",
        "# Ngành liên quan, chọn một hoặc nhiều, cách nhau bằng dấu phẩy trong [ ]:",
        *_choices(list(SECTORS), {k: t.label for k, t in SECTORS.items()}),
        "# Ví dụ: sectors: [culture, family]",
        f"sectors: {sectors}",
        "# Ngày đơn vị giới thiệu (năm-tháng-ngày); quyết định hồ sơ tính cho sáu tháng nào.",
        "# Năm ở đây phải trùng năm ở đầu tên tệp.",
        f"introduced: {d.introduced.isoformat()}",
        "# Ngày công bố: Ban biên tập điền khi duyệt. Chưa có ngày này, hoặc ngày chưa đến,",
        "# thì hồ sơ chưa lên trang.",
        f"# published: {d.introduced.isoformat()}",
        "",
        "# Tóm tắt: một đến ba câu nói vì sao đây là gương điển hình tiên tiến, từ 30 đến",
        "# 300 ký tự; dùng cho thẻ giới thiệu, bản tin RSS và khi chia sẻ lên mạng xã hội.",
        "# Giữ dòng 'summary: >-'; viết tóm tắt thay cho dòng dưới, thụt vào hai dấu cách",
        "# (có thể viết trên nhiều dòng, mỗi dòng đều thụt vào hai dấu cách).",
        "summary: >-",
        f"  {PLACEHOLDER}",
        "",
        "# Tiêu đề bài viết; bỏ trống thì dùng tên.",
        f"# title: {examples.TITLE}",
        "# Ảnh JPEG, PNG hoặc WebP đặt cạnh tệp này; tên tệp không dấu, không khoảng trắng.",
        "# Khi có ảnh thì bắt buộc có photo_alt: mô tả ngắn nội dung ảnh cho người khiếm thị.",
        "# photo: nguyen-van-a.jpg",
        f"# photo_alt: {examples.PHOTO_ALT}",
        "# Địa bàn, đến cấp xã.",
        "# location: xã Mỹ Quới, thị xã Ngã Năm",
        "# Phong trào thi đua gắn với gương điển hình.",
        "# movement: Toàn dân đoàn kết xây dựng đời sống văn hóa",
        "# Thành tích và khen thưởng tiêu biểu, mỗi dòng một năm:",
        "# achievements:",
        f'#   - {{year: 2024, text: "{examples.ACHIEVEMENT}"}}',
        "# commendations:",
        '#   - {year: 2025, text: "Bằng khen của Chủ tịch UBND tỉnh"}',
        *_consent(d.kind),
        "# Ban biên tập quyết định: true = nổi bật trên trang chủ.",
        "# featured: false",
        "# Từ khóa, cách nhau bằng dấu phẩy trong [ ].",
        f"# tags: [{examples.TAGS}]",
        "# true = bản nháp: không bao giờ công bố, kể cả khi đã có ngày công bố.",
        "# draft: false",
        "# Ban biên tập đề nghị khen thưởng (năm xét, hình thức đề nghị, lý do):",
        "# nominated: {year: 2025, form: Giấy khen của Giám đốc Sở, reason: ...}",
        "",
        "# Bài viết: thay dòng dưới dòng '---' cuối cùng bằng câu chuyện, viết bằng Markdown",
        "# (## Tiêu đề mục, **chữ đậm**, - gạch đầu dòng); không dùng mã HTML, không ghi số",
        "# điện thoại hay số giấy tờ. Gợi ý bố cục:",
        "#   đoạn mở đầu: là ai, làm gì, ở đâu;",
        "#   ## Hành trình: quá trình phấn đấu, khó khăn đã vượt qua;",
        "#   ## Đóng góp cho cộng đồng: việc làm cụ thể, kết quả có số liệu;",
        "#   ## Lan tỏa: ai đã học tập, làm theo, được ghi nhận thế nào.",
        "---",
        *_story(),
    ]
    return "\n".join(lines) + "\n"


def _consent(kind: str) -> list[str]:
    if kind == "collective":
        return [
            "# Tập thể không cần phiếu đồng ý (consent). Nếu bài viết nêu tên, ảnh của từng",
            "# người trong tập thể thì vẫn phải được chính họ đồng ý.",
        ]
    return [
        "",
        "# Phiếu đồng ý của người được giới thiệu: BẮT BUỘC với cá nhân và hộ gia đình",
        "# (Nghị định 13/2023/NĐ-CP và Luật Bảo vệ dữ liệu cá nhân). Phiếu đã ký lưu ở",
        "# đơn vị; KHÔNG tải phiếu hay giấy tờ tùy thân lên kho này.",
        "consent:",
        "  # Ngày ký phiếu (năm-tháng-ngày), ví dụ 2025-05-15.",
        "  date:",
        "  # Số phiếu và nơi lưu, trong ngoặc kép, ví dụ \"12/ĐY-VHTT, văn thư đơn vị\".",
        "  ref:",
        "  # Phạm vi đồng ý: web = đăng trên trang; social = bản tin RSS và mạng xã hội.",
        "  # Bỏ trống là đồng ý cả hai. Không có web thì hồ sơ không được đăng ở đâu cả.",
        "  # scope: [web, social]",
        "  # Ngày người được giới thiệu rút lại đồng ý: hồ sơ rời trang và bản tin.",
        "  # withdrawn: 2025-09-01",
        "",
    ]


def _story() -> list[str]:
    # Only the mark: guidance left here, or section headings with nothing under
    # them, would pass the check and be published if the writer deleted just the
    # mark; an empty story is refused (SC071). The suggested sections are in the
    # comment above the closing '---'.
    return [PLACEHOLDER]
