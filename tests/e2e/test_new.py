"""`showcase new`: a file that fails the check, naming each place to fill, until written."""

from __future__ import annotations

import datetime as dt
import io
import pathlib
import re

import pytest

from conftest import REPO, TODAY, run_cli, write_repo
from showcase.content import corpus
from showcase.content.model import CONSENT_KEYS, PLACEHOLDER, PROFILE_KEYS

YEAR = TODAY[:4]
SUMMARY = "Đội văn nghệ của ấp duy trì sinh hoạt đều đặn mười năm, gìn giữ đờn ca tài tử."
STORY = "Đội được thành lập năm 2015.\n\n## Hành trình\n\nĐội tập luyện mỗi tối thứ Bảy."
LINE = re.compile(r"^(?P<path>\S+):(?P<line>\d+): (?P<field>\S+): .*\[(?P<code>SC\d{3})\]$")


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run without a terminal unless one says otherwise."""
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


def _new(repo: pathlib.Path, capsys, *args: str) -> tuple[int, str]:
    code, out = run_cli(repo, "new", *args, capsys=capsys)
    assert "Traceback" not in out
    return code, out


def _check(repo: pathlib.Path, capsys) -> tuple[int, str, list[re.Match[str]]]:
    code, out = run_cli(repo, "check", capsys=capsys)
    assert "Traceback" not in out
    return code, out, [m for m in map(LINE.match, out.splitlines()) if m]


def _fill(text: str, *, summary: bool = True, story: bool = True) -> str:
    """Write the summary and the story the way a writer would: over the marks."""
    head, sep, body = text.partition(f"---\n{PLACEHOLDER}")
    assert sep, "the story must start right after the closing '---'"
    if summary:
        head = head.replace(f"  {PLACEHOLDER}", f"  {SUMMARY}")
    if story:
        return head + "---\n" + STORY + "\n"
    return head + sep + body


COLLECTIVE = ("--unit", "vhtt-a", "--kind", "collective", "--name", "Đội văn nghệ ấp Phú Hòa",
              "--field", "culture-arts-sports", "--sectors", "culture")
COLLECTIVE_PATH = f"profiles/vhtt-a/{YEAR}-doi-van-nghe-ap-phu-hoa.md"


def test_new_file_fails_until_summary_and_story_are_written(mini_repo, capsys):
    code, out = _new(mini_repo, capsys, *COLLECTIVE)
    assert code == 0, out
    path = mini_repo / COLLECTIVE_PATH
    text = path.read_text(encoding="utf-8")
    assert f"Đã tạo {COLLECTIVE_PATH}" in out

    code, out, diags = _check(mini_repo, capsys)
    assert code == 1
    lines = text.split("\n")
    mine = [d for d in diags if d["path"] == COLLECTIVE_PATH]
    # Exactly the places still to write: the summary and the story.
    to_fill = {i + 1 for i, ln in enumerate(lines) if PLACEHOLDER in ln and ln[:1] != "#"}
    summary_key = lines.index("summary: >-") + 1
    reported = {int(d["line"]) for d in mine if d["code"] == "SC070"}
    assert reported == (to_fill - {summary_key + 1}) | {summary_key}
    assert {d["field"] for d in mine if d["code"] == "SC070"} == {"summary", "body"}
    assert all(d["code"] in ("SC070", "SC024") for d in mine), out
    assert "Trường 'summary' chưa được viết." in out and "Bài viết chưa được viết." in out
    assert all(d["path"] == COLLECTIVE_PATH for d in diags)  # the rest stays valid

    path.write_text(_fill(text, story=False), encoding="utf-8")
    code, out, diags = _check(mini_repo, capsys)
    assert code == 1 and {d["field"] for d in diags} == {"body"}

    path.write_text(_fill(text), encoding="utf-8")
    code, out, _ = _check(mini_repo, capsys)
    assert code == 0 and "Không có lỗi" in out, out
    c = corpus.load(str(mini_repo), dt.date.fromisoformat(TODAY))
    (p,) = [p for p in c.profiles if p.path == COLLECTIVE_PATH]
    assert (p.name, p.kind, p.field, p.sectors) == (
        "Đội văn nghệ ấp Phú Hòa", "collective", "culture-arts-sports", ("culture",))
    assert p.introduced.isoformat() == TODAY and p.summary == SUMMARY
    assert p.published is None and not p.is_public(dt.date(2100, 1, 1))  # board sets it


def test_deleting_only_the_marks_still_fails(mini_repo, capsys):
    _new(mini_repo, capsys, *COLLECTIVE)
    path = mini_repo / COLLECTIVE_PATH
    path.write_text(path.read_text(encoding="utf-8").replace(PLACEHOLDER, ""), encoding="utf-8")
    code, out, diags = _check(mini_repo, capsys)
    assert code == 1
    assert {(d["field"], d["code"]) for d in diags} == {("summary", "SC023"), ("body", "SC071")}


def test_individual_also_needs_sectors_and_consent(mini_repo, capsys):
    code, out = _new(mini_repo, capsys, "--unit", "trung-tam-b", "--kind", "individual",
                     "--name", "Trần Thị Hoa", "--field", "b")
    assert code == 0, out
    rel = f"profiles/trung-tam-b/{YEAR}-tran-thi-hoa.md"
    # `new` itself lists what is left, as the check will.
    assert "consent.date" in out and "consent.ref" in out and "sectors" in out
    path = mini_repo / rel
    text = _fill(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    code, out, diags = _check(mini_repo, capsys)
    assert code == 1
    lines = text.split("\n")
    got = {(d["field"], d["code"], lines[int(d["line"]) - 1].strip()) for d in diags}
    assert got == {("sectors", "SC023", "sectors: []"), ("consent.date", "SC020", "date:"),
                   ("consent.ref", "SC020", "ref:")}, out
    assert "Chọn ít nhất một trong: culture, family, sports, tourism." in out

    text = (text.replace("sectors: []", "sectors: [culture, family]")
            .replace("  date:\n", "  date: 2026-11-20\n")
            .replace("  ref:\n", '  ref: "15/ĐY-TTVH, văn thư Trung tâm"\n'))
    path.write_text(text, encoding="utf-8")
    code, out, _ = _check(mini_repo, capsys)
    assert code == 0, out


@pytest.mark.parametrize("kind", ["individual", "household", "collective"])
def test_every_key_is_filled_or_explained(mini_repo, capsys, kind):
    code, out = _new(mini_repo, capsys, "--unit", "vhtt-a", "--kind", kind,
                     "--name", "Lê Văn C", "--field", "social-life")
    assert code == 0, out
    text = (mini_repo / f"profiles/vhtt-a/{YEAR}-le-van-c.md").read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]
    for key in PROFILE_KEYS:
        if key == "consent" and kind == "collective":
            assert "không cần phiếu đồng ý (consent)" in front
            continue
        assert re.search(rf"^(# )?{key}:", front, re.M), f"{key} missing for {kind}"
    if kind != "collective":
        for key in CONSENT_KEYS:
            assert re.search(rf"^  (# )?{key}:", front, re.M), f"consent.{key} missing"
    assert "\t" not in text and "<" not in text  # no tab, no HTML for the writer to copy
    # The mark stands only where the placeholder check sees it: the summary's
    # value and the story, never inside a list or a group (consent).
    lines = text.split("\n")
    marked = {i for i, ln in enumerate(lines) if PLACEHOLDER in ln and not ln.startswith("#")}
    story_start = lines.index("---", 1) + 1
    assert marked - {lines.index("summary: >-") + 1} == {
        i for i in range(story_start, len(lines)) if lines[i] == PLACEHOLDER}


def test_names_that_need_quotes_read_back_exactly(mini_repo, capsys):
    name = 'Nghệ nhân: "Út" Trà Ôn #1'
    code, out = _new(mini_repo, capsys, "--unit", "vhtt-a", "--kind", "collective",
                     "--name", name, "--field", "d", "--sectors", "family,culture")
    assert code == 0, out
    path = mini_repo / f"profiles/vhtt-a/{YEAR}-nghe-nhan-ut-tra-on-1.md"
    path.write_text(_fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, _ = _check(mini_repo, capsys)
    assert code == 0, out
    c = corpus.load(str(mini_repo), dt.date.fromisoformat(TODAY))
    (p,) = [p for p in c.profiles if p.path.endswith("nghe-nhan-ut-tra-on-1.md")]
    assert p.name == name and p.field == "social-life" and p.sectors == ("family", "culture")


def test_labels_slugs_and_letters_are_accepted(mini_repo, capsys):
    code, out = _new(mini_repo, capsys, "--unit", "vhtt-a", "--kind", "ho-gia-dinh",
                     "--name", "Hộ gia đình ông Sơn Văn H", "--field", "đ",
                     "--introduced", "2025-03-10", "--slug", "ho-ong-son-van-h")
    assert code == 0, out
    text = (mini_repo / "profiles/vhtt-a/2025-ho-ong-son-van-h.md").read_text(encoding="utf-8")
    assert "\nkind: household  #" in text and "\nfield: provincial-emulation  #" in text
    assert "\nintroduced: 2025-03-10\n" in text


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--unit", "vhtt-b"), ["Không có đơn vị 'vhtt-b'", "Có phải ý bạn là 'vhtt-a'?",
                                "trung-tam-b, vhtt-a."]),
        (("--kind", "individul"), ["'individul' không phải giá trị hợp lệ của --kind",
                                   "Có phải ý bạn là 'individual'?"]),
        (("--field", "culture"), ["không phải giá trị hợp lệ của --field",
                                  "culture-arts-sports"]),
        (("--sectors", "culture,sport"), ["'sport' không phải ngành hợp lệ",
                                          "Có phải ý bạn là 'sports'?"]),
        (("--introduced", "2027-01-01"), ["ở tương lai"]),
        (("--slug", "Nguyen Van A"), ["--slug 'Nguyen Van A' không hợp lệ"]),
        (("--name", "  "), ["Tên không được để trống."]),
        (("--name", "!!!"), ["Không tạo được tên tệp"]),
    ],
    ids=["unit", "kind", "field", "sectors", "future", "slug", "empty-name", "no-slug"],
)
def test_wrong_answers_are_refused(mini_repo, capsys, args, says):
    base = dict(zip(COLLECTIVE[::2], COLLECTIVE[1::2], strict=True))
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    before = sorted(mini_repo.rglob("*"))
    code, out = _new(mini_repo, capsys, *[x for kv in base.items() for x in kv])
    assert code == 2
    for fragment in [*says, "Chưa tạo tệp nào."]:
        assert fragment in out, out
    assert sorted(mini_repo.rglob("*")) == before


def test_existing_file_and_same_address_are_refused(mini_repo, capsys):
    code, _ = _new(mini_repo, capsys, *COLLECTIVE)
    assert code == 0
    original = (mini_repo / COLLECTIVE_PATH).read_bytes()
    code, out = _new(mini_repo, capsys, *COLLECTIVE)
    assert code == 2 and f"Tệp {COLLECTIVE_PATH} đã có." in out
    assert (mini_repo / COLLECTIVE_PATH).read_bytes() == original
    # Same name in another unit: same page address ho-so/<slug>/, refused.
    other = [*COLLECTIVE]
    other[1] = "trung-tam-b"
    code, out = _new(mini_repo, capsys, *other)
    assert code == 2 and "ho-so/doi-van-nghe-ap-phu-hoa/" in out and COLLECTIVE_PATH in out
    assert "--slug doi-van-nghe-ap-phu-hoa-" in out
    assert not (mini_repo / "profiles/trung-tam-b").exists()


def test_closed_unit_is_refused_unless_introduced_while_open(tmp_path, capsys):
    repo = write_repo(tmp_path, {
        "mkdocs.yml": "site_name: T\nplugins:\n  - showcase\n",
        "profiles/units.yml": "units:\n  - id: vhtt-cu\n    name: Phòng Văn hóa và Thông tin "
                              "huyện Cũ\n    group: district\n    active_to: 2025-06-30\n",
    })
    args = ["--unit", "vhtt-cu", "--kind", "collective", "--name", "Câu lạc bộ dân ca",
            "--field", "b", "--sectors", "culture"]
    code, out = _new(repo, capsys, *args)
    assert code == 2 and "đã thôi hoạt động sau ngày 2025-06-30" in out and "--introduced" in out
    code, out = _new(repo, capsys, *args, "--introduced", "2025-06-01")
    assert code == 0 and (repo / "profiles/vhtt-cu/2025-cau-lac-bo-dan-ca.md").is_file()


def test_unreadable_units_file_is_named_not_the_unit(mini_repo, capsys):
    (mini_repo / "profiles/units.yml").write_text("don_vi:\n  - id: vhtt-a\n", encoding="utf-8")
    before = sorted(mini_repo.rglob("*"))
    code, out = _new(mini_repo, capsys, *COLLECTIVE)
    assert code == 2, out
    assert "Không đọc được danh sách đơn vị trong profiles/units.yml" in out
    assert "showcase check" in out and "Không có đơn vị 'vhtt-a'" not in out
    assert sorted(mini_repo.rglob("*")) == before


def test_missing_options_without_a_terminal_is_a_usage_error(mini_repo, capsys):
    code, out = _new(mini_repo, capsys, "--unit", "vhtt-a", "--name", "Nguyễn Văn A")
    assert code == 2
    assert "cách dùng:" in out and "thiếu --kind, --field" in out
    assert not list(mini_repo.glob(f"profiles/vhtt-a/{YEAR}-*"))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_interactive_questions_reask_until_valid(mini_repo, capsys, monkeypatch):
    answers = ["7", "1",                 # unit: out of range, then trung-tam-b
               "ca nhan",                # kind by its label without diacritics
               "  Phạm   Thị D ",        # name, spaces tidied
               "x", "b",                 # field: wrong, then by letter
               "culture, tourism"]       # sectors
    monkeypatch.setattr("sys.stdin", _Terminal("\n".join(answers) + "\n"))
    code, out = _new(mini_repo, capsys)
    assert code == 0, out
    assert "Đơn vị giới thiệu:" in out and "trung-tam-b  Trung tâm Văn hóa - Nghệ thuật tỉnh" in out
    assert "Không có đơn vị '7'" in out and "'x' không phải giá trị hợp lệ" in out
    text = (mini_repo / f"profiles/trung-tam-b/{YEAR}-pham-thi-d.md").read_text(encoding="utf-8")
    assert "\nname: Phạm Thị D\n" in text and "\nkind: individual  #" in text
    assert "\nsectors: [culture, tourism]\n" in text


def test_interactive_end_of_input_writes_nothing(mini_repo, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", _Terminal("1\n"))
    code, out = _new(mini_repo, capsys)
    assert code == 2 and "Chưa tạo tệp nào." in out
    assert not list(mini_repo.glob(f"profiles/*/{YEAR}-*"))


def _guide_template() -> str:
    guide = (REPO / "HUONG-DAN-BIEN-TAP.md").read_text(encoding="utf-8")
    section = guide.split("\n## Mẫu hồ sơ\n", 1)[1]
    return section.split("```markdown\n", 1)[1].split("\n```\n", 1)[0] + "\n"


def test_guide_template_fails_until_filled_then_passes(mini_repo, capsys):
    """The template the guide tells web users to paste follows the same rules as `new`."""
    rel = "profiles/vhtt-a/2026-nguyen-thi-e.md"
    template = _guide_template()
    (mini_repo / rel).write_text(template, encoding="utf-8")
    code, out, diags = _check(mini_repo, capsys)
    assert code == 1
    got = {(d["field"], d["code"]) for d in diags}
    assert {("name", "SC070"), ("kind", "SC070"), ("field", "SC070"), ("summary", "SC070"),
            ("body", "SC070"), ("sectors", "SC023"), ("introduced", "SC020"),
            ("consent.date", "SC020"), ("consent.ref", "SC020")} <= got, out
    filled = (template
              .replace("name: (VIẾT VÀO ĐÂY)", "name: Nguyễn Thị E")
              .replace("kind: (VIẾT VÀO ĐÂY)", "kind: individual")
              .replace("field: (VIẾT VÀO ĐÂY)", "field: social-life")
              .replace("sectors: []", "sectors: [family]")
              .replace("introduced:\n", "introduced: 2026-10-02\n")
              .replace(f"  {PLACEHOLDER}", f"  {SUMMARY}")
              .replace(f"---\n{PLACEHOLDER}", f"---\n{STORY}")
              .replace("  date:\n", "  date: 2026-09-30\n")
              .replace("  ref:\n", '  ref: "7/ĐY-VHTT, văn thư phòng"\n'))
    (mini_repo / rel).write_text(filled, encoding="utf-8")
    code, out, _ = _check(mini_repo, capsys)
    assert code == 0, out
