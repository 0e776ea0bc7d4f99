"""The units' form, tried as a new unit editor would: in Debian's chromium, against
Decap's local proxy (decap-server, git mode) on a temporary clone of the repository.

Three profiles are written by clicking and typing (an individual with a photo and
consent, in Vietnam's time zone; a household, in Los Angeles' time zone, introduced
on a 1 January; a collective, which needs no consent), saved and sent for review:
each becomes a branch with its file in the format's own YAML, which `showcase check`
and `showcase review` accept. Wrong input is stopped in the form, in Vietnamese,
naming the field, and nothing is committed. The guide's pictures
(editor/anh-huong-dan/) are taken on the way: SHOWCASE_REGEN_SCREENSHOTS=1 writes
them again, otherwise the test checks that they exist.
"""

from __future__ import annotations

import dataclasses
import io
import os
import pathlib
import re
from collections.abc import Iterator

import pytest
import yaml
from PIL import Image

from conftest import REPO

from . import editor_env, editor_form
from .conftest import ARGS, CHROMIUM
from .editor_form import Profile, label

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(600)]

SHOTS = REPO / "editor" / "anh-huong-dan"
GUIDE_SHOTS = ("dang-nhap", "don-vi", "bieu-mau", "anh", "phieu-dong-y", "loi", "gui-duyet",
               "quy-trinh")
REGEN = os.environ.get("SHOWCASE_REGEN_SCREENSHOTS") == "1"
RECORD = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""
VIOLATIONS: list[str] = []


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[editor_env.Editor]:
    with editor_env.editor(tmp_path_factory.mktemp("editor")) as e:
        yield e


@pytest.fixture(scope="module")
def chromium(playwright: object) -> Iterator[object]:
    # A Vietnamese computer: the browser's own words and date inputs (dd/mm/yyyy).
    vi = {"LANG": "vi_VN.UTF-8", "LANGUAGE": "vi"}
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, "--lang=vi"],
                                   env={**os.environ, **vi})
    try:
        yield b
    finally:
        b.close()


def session(chromium: object, env: editor_env.Editor, zone: str) -> object:
    """A fresh browser, as a unit editor's computer in time zone ``zone``, signed in."""
    context = chromium.new_context(viewport={"width": 1200, "height": 800}, locale="vi-VN",
                                   timezone_id=zone)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.add_init_script(RECORD)
    editor_form.login(page, env.url)
    return page


def close(page: object) -> None:
    VIOLATIONS.extend(page.evaluate("window.__csp"))
    page.context.close()


def shooter(page: object) -> object:
    def shoot(name: str) -> None:
        assert name in GUIDE_SHOTS
        if REGEN:
            SHOTS.mkdir(exist_ok=True)
            png = Image.open(io.BytesIO(page.screenshot()))
            # 256 colours: an interface picture stays sharp and a fifth of the size.
            png.convert("RGB").quantize(256).save(SHOTS / f"{name}.png", optimize=True)
    return shoot


INDIVIDUAL = Profile(
    name="Nguyễn Văn Đức", kind="Cá nhân", field="b) Văn hóa, nghệ thuật, thể dục thể thao",
    sectors=["Văn hóa", "Gia đình"], introduced="2025-07-01",
    summary="Ông Nguyễn Văn Đức ba mươi năm gìn giữ đờn ca tài tử, mở lớp dạy đờn miễn phí "
            "cho các em nhỏ trong ấp.",
    photo_alt="Ông Đức bên cây đờn kìm trước hiên nhà", location="xã Mỹ Quới, thị xã Ngã Năm",
    consent_date="2025-06-20", consent_ref="12/ĐY-TV, văn thư Thư viện tỉnh",
    achievements=[(2024, "Giải nhất Liên hoan đờn ca tài tử tỉnh")],
    story="Ông Đức học đờn từ năm mười hai tuổi và chưa một ngày rời cây đờn kìm.",
)
HOUSEHOLD = Profile(
    name="Hộ gia đình ông Đặng Văn Hùng", kind="Hộ gia đình", field="d) Đời sống xã hội",
    sectors=["Gia đình", "Du lịch"], introduced="2026-01-01",
    summary="Gia đình ông Đặng Văn Hùng ba thế hệ hòa thuận, mở vườn đón khách trải nghiệm "
            "mùa hành tím.",
    consent_date="2025-12-20", consent_ref="01/2026/ĐY-QLVHGĐ",
    story="Ba thế hệ cùng sống dưới một mái nhà bên ruộng hành tím.",
)
COLLECTIVE = Profile(
    name="Đội múa Rô-băm ấp Prey Chóp", name_km="ក្រុមរបាំ", kind="Tập thể",
    field="b) Văn hóa, nghệ thuật, thể dục thể thao", sectors=["Văn hóa"],
    introduced="2026-03-15",
    summary="Đội múa Rô-băm của ấp giữ gìn điệu múa cổ của đồng bào Khmer, biểu diễn ở mọi "
            "lễ hội trong tỉnh.",
    story="Đội được thành lập từ năm 2010 với mười hai diễn viên.",
)
SUBMITTED = {  # branch -> (file on it, the unit's folder)
    "cms/thu-vien-tinh/2025-nguyen-van-duc": "profiles/thu-vien-tinh/2025-nguyen-van-duc.md",
    "cms/phong-ql-van-hoa-gia-dinh/2026-ho-gia-dinh-ong-dang-van-hung":
        "profiles/phong-ql-van-hoa-gia-dinh/2026-ho-gia-dinh-ong-dang-van-hung.md",
    "cms/doan-nghe-thuat-khmer/2026-doi-mua-ro-bam-ap-prey-chop":
        "profiles/doan-nghe-thuat-khmer/2026-doi-mua-ro-bam-ap-prey-chop.md",
}


def submit(chromium: object, env: editor_env.Editor, unit: str, p: Profile, zone: str,
           tmp: pathlib.Path, pictures: bool = False) -> None:
    page = session(chromium, env, zone)
    shoot = shooter(page) if pictures else None
    if shoot:
        page.goto(env.url)
        page.get_by_text("Đơn vị giới thiệu", exact=True).wait_for()
        shoot("don-vi")
    editor_form.open_new(page, env.url, unit)
    if p.photo_alt and p.photo is None:
        p = dataclasses.replace(p, photo=editor_form.photo(tmp / "anh-ong-duc.jpg"))
    editor_form.fill(page, p, shoot)
    assert editor_form.english_words(page) == []
    editor_form.save(page)
    editor_form.saved(page)
    editor_form.submit_for_review(page, shoot)
    if shoot:
        page.goto(env.url + "#/workflow")
        page.get_by_text(p.name, exact=False).first.wait_for()
        shoot("quy-trinh")
    assert editor_form.english_words(page) == []
    close(page)


def test_the_login_page_is_vietnamese(chromium, env) -> None:
    context = chromium.new_context(viewport={"width": 1200, "height": 800}, locale="vi-VN")
    page = context.new_page()
    page.add_init_script(RECORD)
    page.goto(env.url)
    page.get_by_role("button", name="Đăng nhập").wait_for()
    shooter(page)("dang-nhap")
    assert editor_form.english_words(page) == []
    close(page)


def test_three_profiles_reach_review_as_branches(chromium, env, tmp_path) -> None:
    submit(chromium, env, "thu-vien-tinh", INDIVIDUAL, "Asia/Ho_Chi_Minh", tmp_path,
           pictures=True)
    submit(chromium, env, "phong-ql-van-hoa-gia-dinh", HOUSEHOLD, "America/Los_Angeles",
           tmp_path)
    submit(chromium, env, "doan-nghe-thuat-khmer", COLLECTIVE, "America/Los_Angeles", tmp_path)

    found = editor_env.branches(env.repo)
    assert found == {b: "decap-cms/pending_review" for b in SUBMITTED}
    git = editor_env.git
    for branch, path in SUBMITTED.items():
        changed = git(env.repo, "diff", "--name-only", "main", branch).split()
        photo = ["profiles/thu-vien-tinh/anh-ong-duc.jpg"] if "nguyen-van-duc" in path else []
        assert sorted(changed) == sorted([path, *photo]), branch

    def shown(branch: str) -> str:
        return git(env.repo, "show", f"{branch}:{SUBMITTED[branch]}")

    individual, household, collective = (shown(b) for b in SUBMITTED)
    text = individual
    front = text.split("---\n")[1]
    # The format's own YAML: Vietnamese as typed, block lists, dates as calendar dates,
    # keys in the contract's order, nothing left empty.
    assert "name: Nguyễn Văn Đức\n" in front and "\\u" not in front
    assert "sectors:\n  - culture\n  - family\n" in front
    assert "introduced: 2025-07-01\n" in front and "date: 2025-06-20\n" in front
    meta = yaml.safe_load(front)
    assert list(meta) == ["name", "kind", "field", "sectors", "introduced", "summary",
                          "photo", "photo_alt", "location", "achievements", "consent"]
    assert meta["photo"] == "anh-ong-duc.jpg"
    assert meta["achievements"] == [{"year": 2024, "text": INDIVIDUAL.achievements[0][1]}]
    # Typed in Los Angeles (UTC-8) on 1 January: still 1 January, and the file's year.
    assert "introduced: 2026-01-01\n" in household
    collective = yaml.safe_load(collective.split("---\n")[1])
    assert "consent" not in collective and collective["name_km"] == "ក្រុមរបាំ"

    # What the pull request's check and the board's summary say, on each branch.
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(env.repo), str(clone))
    for branch, path in SUBMITTED.items():
        git(clone, "checkout", "-q", branch)
        checked = editor_env.showcase(clone, "check")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "Không có lỗi." in checked.stderr + checked.stdout
        reviewed = editor_env.showcase(clone, "review", "--base", "origin/main")
        assert reviewed.returncode == 0, reviewed.stdout + reviewed.stderr
        summary = reviewed.stdout
        assert f"{path.rsplit('/', 1)[1]}" in summary or "(thêm mới)" in summary
        assert "Tình trạng: hợp lệ" in summary and "còn lỗi" not in summary, summary


def test_wrong_input_is_stopped_in_the_form(chromium, env, tmp_path) -> None:
    before = editor_env.git(env.repo, "for-each-ref", "--format=%(refname) %(objectname)")
    page = session(chromium, env, "Asia/Ho_Chi_Minh")
    editor_form.open_new(page, env.url, "bao-tang-tinh")
    page.get_by_label(label("Tên")).fill("Trần Văn Sai")
    editor_form.pick(page, "Loại", "Cá nhân")
    editor_form.pick(page, "Lĩnh vực", "d) Đời sống xã hội")
    editor_form.pick(page, "Ngành", "Văn hóa")
    page.get_by_label(label("Ngày giới thiệu")).fill("2099-07-01")
    editor_form.choose_photo(page, editor_form.photo(tmp_path / "anh-sai.jpg", (60, 90, 140)))
    page.locator("[data-slate-editor]").click()
    page.keyboard.type("Một câu chuyện.")
    editor_form.save(page)
    page.get_by_text("Hồ sơ còn chỗ chưa đúng").wait_for()
    first = editor_form.errors(page)
    page.get_by_label(label("Tóm tắt")).fill("Quá ngắn!!")  # 10 characters
    editor_form.save(page)
    page.get_by_text("Tóm tắt: cần từ 30 đến 300 ký tự", exact=False).wait_for()
    page.get_by_label(label("Tóm tắt")).scroll_into_view_if_needed()
    shooter(page)("loi")
    second = editor_form.errors(page)
    assert editor_form.english_words(page) == []
    close(page)
    assert "Tóm tắt: bắt buộc, chưa điền." in first
    for message in ("Ngày giới thiệu: không được là ngày ở tương lai",
                    "Mô tả ảnh: bắt buộc khi có ảnh.",
                    "Phiếu đồng ý, ngày ký phiếu: bắt buộc với cá nhân và hộ gia đình.",
                    "Phiếu đồng ý, số phiếu và nơi lưu: bắt buộc với cá nhân và hộ gia đình."):
        assert any(e.startswith(message) for e in first), (message, first)
        assert any(e.startswith(message) for e in second), (message, second)
    assert "Tóm tắt: cần từ 30 đến 300 ký tự (đang có 10 ký tự)." in second
    assert editor_env.git(env.repo, "for-each-ref", "--format=%(refname) %(objectname)") == before


def test_a_closed_unit_takes_no_new_profile(chromium, env) -> None:
    before = editor_env.git(env.repo, "for-each-ref", "--format=%(refname) %(objectname)")
    page = session(chromium, env, "Asia/Ho_Chi_Minh")
    page.goto(env.url + "#/collections/vhtt-vinh-chau")
    page.get_by_text("Đơn vị đã thôi hoạt động sau ngày 30/06/2025", exact=False).wait_for()
    assert page.get_by_role("link", name=re.compile(r"^\+ Tạo")).count() == 0
    # Nor in the header's menu of units to write for.
    page.get_by_role("button", name="Tạo hồ sơ").first.click()
    menu = page.get_by_role("menuitem")
    offered = menu.all_inner_texts()
    assert "hồ sơ của Thư viện tỉnh Sóc Trăng" in offered
    assert not [t for t in offered if "Vĩnh Châu" in t]
    page.keyboard.press("Escape")
    # An old link to its form: stopped, naming the unit.
    editor_form.open_new(page, env.url, "vhtt-vinh-chau")
    editor_form.fill(page, Profile(
        name="Sơn Thị Đóng", kind="Tập thể", field="d) Đời sống xã hội", sectors=["Văn hóa"],
        introduced="2025-05-02", summary="Một câu tóm tắt đủ dài để qua bước kiểm tra độ dài.",
        story="Câu chuyện."))
    editor_form.save(page)
    page.get_by_text("không nhận hồ sơ mới; chỉ sửa được", exact=False).wait_for()
    assert any(e.startswith("Đơn vị giới thiệu: Phòng Văn hóa và Thông tin thị xã Vĩnh Châu đã "
                            "thôi hoạt động sau ngày 30/06/2025, không nhận hồ sơ mới")
               for e in editor_form.errors(page)), editor_form.errors(page)
    close(page)
    assert editor_env.git(env.repo, "for-each-ref", "--format=%(refname) %(objectname)") == before


def test_an_existing_profile_is_corrected_in_the_form(chromium, env, tmp_path) -> None:
    slug = "2024-to-phuc-vu-luu-dong-thu-vien-tinh"
    page = session(chromium, env, "Asia/Ho_Chi_Minh")
    page.goto(f"{env.url}#/collections/thu-vien-tinh/entries/{slug}")
    where = page.get_by_label(label("Địa bàn"))
    where.wait_for()
    page.wait_for_function("document.querySelector('[data-slate-editor]') !== null")
    where.fill("phường 2, thành phố Sóc Trăng")
    editor_form.save(page)
    editor_form.saved(page)
    close(page)
    branch = f"cms/thu-vien-tinh/{slug}"
    assert editor_env.branches(env.repo)[branch] == "decap-cms/draft"
    path = f"profiles/thu-vien-tinh/{slug}.md"
    assert editor_env.git(env.repo, "diff", "--name-only", "main", branch).split() == [path]
    before = editor_env.git(env.repo, "show", f"main:{path}")
    after = editor_env.git(env.repo, "show", f"{branch}:{path}")
    # The story is kept as written; the front matter in the form's order and style.
    assert after.split("---\n", 2)[2] == before.split("---\n", 2)[2]
    assert "location: phường 2, thành phố Sóc Trăng\n" in after
    clone = tmp_path / "clone"
    editor_env.git(tmp_path, "clone", "-q", "-b", branch, str(env.repo), str(clone))
    checked = editor_env.showcase(clone, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_every_english_string_has_a_vietnamese_one(chromium, env) -> None:
    page = session(chromium, env, "Asia/Ho_Chi_Minh")
    missing, same = page.evaluate(r"""() => {
      const flat = (o, p = '', out = {}) => { for (const [k, v] of Object.entries(o))
        if (v && typeof v === 'object') flat(v, p + k + '.', out); else out[p + k] = v;
        return out; };
      const en = flat(CMS.getLocale('en')), vi = flat(CMS.getLocale('vi'));
      return [Object.keys(en).filter(k => !vi[k]),
              Object.keys(en).filter(k => vi[k] === en[k] &&
                  /[a-z]{3}/.test(en[k].replace(/%\{\w+\}/g, '')))];
    }""")
    rules = page.evaluate("window.SHOWCASE_RULE_KINDS")
    close(page)
    assert missing == []
    # Words that are the same in both: a product name, and placeholders.
    assert set(same) <= {"editor.editorWidgets.markdown.markdown"}, same
    from showcase.workflow.editor_types import RULE_KINDS
    assert rules == list(RULE_KINDS)


def test_no_policy_violation_and_the_guide_pictures_exist() -> None:
    # Runs last in this module: what every session above recorded.
    assert VIOLATIONS == []
    if not REGEN:
        missing = [n for n in GUIDE_SHOTS if not (SHOTS / f"{n}.png").is_file()]
        assert missing == [], "run SHOWCASE_REGEN_SCREENSHOTS=1 pytest tests/browser/test_editor.py"
