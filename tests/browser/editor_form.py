"""Filling the units' form as a person does: by the labels they read, with clicks
and typing (no YAML anywhere)."""

from __future__ import annotations

import pathlib
import re
from dataclasses import dataclass, field

from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout

OPTIONAL = r"( \(không bắt buộc\))?"
# Words of Decap's English interface that would show an untranslated string.
ENGLISH = re.compile(r"\b(Save|Saving|Publish|Published|Status|Draft|In review|Ready|Delete|"
                     r"Choose|Upload|optional|Loading|Entries|Collections?|Workflow|Media|"
                     r"Login|Log out|New|Add|Remove|Clear|Now|Expand|Collapse|Preview|"
                     r"required|Search|Sort by|View as)\b")


@dataclass
class Profile:
    """What a unit editor types into the form."""

    name: str
    kind: str  # the label shown: "Cá nhân", "Tập thể", "Hộ gia đình"
    field: str  # "b) Văn hóa, nghệ thuật, thể dục thể thao"
    sectors: list[str]
    introduced: str  # as the date input takes it: YYYY-MM-DD
    summary: str
    story: str
    name_km: str = ""
    photo: pathlib.Path | None = None
    photo_alt: str = ""
    location: str = ""
    consent_date: str = ""
    consent_ref: str = ""
    achievements: list[tuple[int, str]] = field(default_factory=list)


def label(text: str) -> re.Pattern[str]:
    return re.compile("^" + re.escape(text) + OPTIONAL + "$")


def login(page: object, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Đơn vị giới thiệu", exact=True).wait_for()


def open_new(page: object, url: str, unit: str) -> None:
    page.goto(f"{url}#/collections/{unit}/new")
    page.get_by_label(label("Tên")).wait_for()


def pick(page: object, name: str, option: str) -> None:
    page.get_by_label(label(name)).click()
    page.get_by_text(option, exact=True).click()
    # On a loaded machine react-select may keep its menu open a moment after the
    # choice; a person waits for it to close before the next field, and so do we
    # (else the open menu takes the next click).
    menu = page.locator("[role=option]").first
    try:
        menu.wait_for(state="detached", timeout=5000)
    except PlaywrightTimeout:
        page.keyboard.press("Escape")
        menu.wait_for(state="detached")


def photo(path: pathlib.Path, colour: tuple[int, int, int] = (176, 120, 64)) -> pathlib.Path:
    """A small JPEG, as a phone would send (the check decodes it)."""
    img = Image.new("RGB", (900, 600), colour)
    for x in range(0, 900, 60):
        img.paste((240, 220, 180), (x, 380, x + 30, 600))
    img.save(path, quality=85)
    return path


def choose_photo(page: object, path: pathlib.Path) -> None:
    page.get_by_role("button", name="Chọn ảnh").click()
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_text(path.name, exact=True).wait_for()
    page.get_by_role("button", name="Dùng ảnh đã chọn").click()


def fill(page: object, p: Profile, shoot: object = None) -> None:
    """Every field the profile has; ``shoot(name)`` takes the guide's pictures."""
    page.get_by_label(label("Tên")).fill(p.name)
    if p.name_km:
        page.get_by_label(label("Tên chữ Khmer")).fill(p.name_km)
    pick(page, "Loại", p.kind)
    pick(page, "Lĩnh vực", p.field)
    for s in p.sectors:
        pick(page, "Ngành", s)
    page.get_by_label(label("Ngày giới thiệu")).fill(p.introduced)
    page.get_by_label(label("Tóm tắt")).fill(p.summary)
    if shoot:
        shoot("bieu-mau")
    if p.photo:
        choose_photo(page, p.photo)
    if p.photo_alt:
        page.get_by_label(label("Mô tả ảnh (bắt buộc khi có ảnh)")).fill(p.photo_alt)
    if shoot and p.photo:
        page.get_by_label(label("Mô tả ảnh (bắt buộc khi có ảnh)")).scroll_into_view_if_needed()
        shoot("anh")
    if p.location:
        page.get_by_label(label("Địa bàn")).fill(p.location)
    for year, text in p.achievements:
        page.get_by_role("button", name="Thêm thành tích").click()
        page.get_by_label(label("Năm")).last.fill(str(year))
        page.get_by_label(label("Nội dung")).last.fill(text)
    if p.consent_date:
        page.get_by_label(label("Ngày ký phiếu")).fill(p.consent_date)
    if p.consent_ref:
        page.get_by_label(label("Số phiếu và nơi lưu")).fill(p.consent_ref)
    if shoot and p.consent_date:
        page.get_by_label(label("Số phiếu và nơi lưu")).scroll_into_view_if_needed()
        shoot("phieu-dong-y")
    story = page.locator("[data-slate-editor]")
    story.click()
    page.keyboard.type(p.story)


def save(page: object) -> None:
    page.get_by_role("button", name="Lưu", exact=True).click()


def saved(page: object) -> None:
    page.get_by_text("Đã lưu hồ sơ").wait_for()


def submit_for_review(page: object, shoot: object = None) -> None:
    page.get_by_role("button", name=re.compile("^Trạng thái")).click()
    if shoot:
        shoot("gui-duyet")
    page.get_by_role("menuitem", name="Gửi duyệt").click()
    page.get_by_text("Đã cập nhật trạng thái hồ sơ").wait_for()


def errors(page: object) -> list[str]:
    """The messages under the fields (the screen shows them in capitals)."""
    return page.evaluate(
        "Array.from(document.querySelectorAll('ul[class*=ControlErrorsList] li'))"
        ".map(li => li.textContent)")


def english_words(page: object) -> list[str]:
    """English words left in what the screen shows (names typed by the test aside)."""
    text = page.evaluate("document.body.innerText")
    return sorted(set(ENGLISH.findall(text)))
