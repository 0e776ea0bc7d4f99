import time

import pytest

from showcase.content.safety import scan


def kinds(text, md=True, domains=()):
    return [f.kind for f in scan(text, markdown=md, email_domains=domains)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Có <b>đậm</b>", ["html"]),
        ("<!-- ghi chú -->", ["html"]),
        ("<https://a.vn> và <www.a.vn>", []),
        ("<https://a.vn> và <a@b.vn>", ["email"]),  # an e-mail address is personal data
        ("<https://a.vn/?q=1&b=2>", []),
        ("a < b và c > d", []),
        ("A & B <C>", []),
        ("<Tên đơn vị>", []),
        ("<x-widget>", ["html"]),
        ("<img src=x onerror=alert(1)", ["html"]),
        ("<Svg OnLoad=alert(1)>", ["html"]),
        ("<c onclick=x>", ["html"]),
        ("</script>", ["html"]),
        ("<!DOCTYPE html>", ["html"]),
        ("`<b>` trong mã", []),
        ("[x](javascript:alert(1))", ["link"]),
        ("[x](JaVa&#115;cript:1)", ["link"]),
        ("[x]( vbscript:msgbox)", ["link"]),
        ("[r]: data:text/html,1", ["link"]),
        ("<javascript:alert(1)>", ["link"]),
        ("[trang](https://example.gov.vn)", []),
        ("CCCD 079123456789", ["id-number"]),
        ("CMND 361234567", ["id-number"]),
        ("0912 345 678", ["phone"]),
        ("0912.345.678", ["phone"]),
        ("+84 912 345 678", ["phone"]),
        ("(0299) 3822 123", ["phone"]),  # landline, area code in brackets
        ("0299 3822 123", ["phone"]),
        ("120.000.000 đồng", []),
        ("15.000.000.000 đồng", []),
        ("năm 2024, 35 năm", []),
        ("mã 12/ĐY-VHTT", []),
    ],
)
def test_scan(text, expected):
    assert kinds(text) == expected


def test_fenced_code_is_skipped():
    assert kinds("```\n<b>x</b>\n```\nsau") == []
    assert kinds("```\n<b>x</b>\n```\n<i>y</i>") == ["html"]


@pytest.mark.parametrize(
    "text",
    [
        "<a.b onclick=alert(1)>", "<x:y onload=alert(1)>", "<a.b/onclick=alert(1)>",
        "<x:y/onmouseover=alert(1)>", "<svg:svg onload=alert(1)>", "<a.b\tonclick=1>",
        '<x.y style="x">',
    ],
)
def test_tag_with_attributes_is_not_an_autolink(text):
    assert kinds(text) == ["html"]


@pytest.mark.parametrize(
    "text",
    ["094.123.456.789", "094 123 456 789", "094-123-456-789", "０９４１２３４５６７８９",
     "Số CCCD: 094 123 456 789", "CMND 361.234.567", "CMND: 361 234 567",
     "chứng minh nhân dân số 361234567", "hộ chiếu số C1234567", "094\u200b123\u200b456\u200b789"],
)
def test_identity_numbers_in_every_written_form(text):
    assert kinds(text) == ["id-number"], text


@pytest.mark.parametrize(
    "text",
    ["(0299) 3 822 123", "(0299) 3822 123", "0299.3822.123", "0299-3822-123",
     "+84 299 3822 123", "(+84) 912 345 678", "+84 (0) 912 345 678", "0084 912 345 678",
     "+84912345678", "０９１２　３４５　６７８", "０９１２－３４５－６７８",
     "0912\u00a0345\u00a0678", "0912–345–678", "[gọi](tel:0912345678)",
     "https://zalo.me/0912345678", "ĐT: 3 822 123",
     "Zalo 0912.345.678", "SĐT: ០៩១២៣៤៥៦៧៨", "`0912 345 678`"],
)
def test_telephone_numbers_in_every_written_form(text):
    assert kinds(text) == ["phone"], text


def test_personal_data_in_fenced_code_is_still_found():
    assert kinds("```\n0912 345 678\n```") == ["phone"]


@pytest.mark.parametrize(
    "text",
    ["nguyenvana@gmail.com", "[thư](mailto:nguyenvana@gmail.com)", "<nguyenvana@gmail.com>",
     "nguyenvana＠gmail．com", "[thư](mailto:nguyenvana%40gmail.com)", "nguyenvana&#64;gmail.com",
     "nguyenvana (at) gmail (dot) com", "nguyenvana[at]gmail.com", "Nguyen.Van-A+hs@Yahoo.COM.VN",
     "vanthu@soctrang.gov.vn.evil.com"],
)
def test_private_email_addresses(text):
    assert kinds(text, domains=("*.gov.vn",)) == ["email"], text


@pytest.mark.parametrize(
    ("text", "domains"),
    [("vanthu@soctrang.gov.vn", ("*.gov.vn",)), ("[thư](mailto:svhttdl@soctrang.gov.vn)",
                                                    ("soctrang.gov.vn",)),
     ("a@VHTTDL.SocTrang.Gov.Vn", ("*.gov.vn",)), ("Facebook @ngoc.trang", ()),
     ("x@y.z", ()), ("năm 2024@Sóc Trăng", ())],
)
def test_official_or_not_an_address(text, domains):
    assert kinds(text, domains=domains) == [], text


@pytest.mark.parametrize(
    "text",
    ["120.000.000 đồng", "120000000 đồng", "120000000đ", "năm 2019 - 2020 - 2021",
     "ngày 20/05/2024", "2024-05-20", "12/ĐY-VHTT", "1.234 hộ, 56.789 người", "3,14159"],
)
def test_money_dates_and_counts_are_not_personal_data(text):
    assert kinds(text) == [], text


@pytest.mark.parametrize("ch", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u202e",
                                "\u2066", "\U000e0041"])
def test_control_and_direction_characters(ch):
    found = list(scan(f"Nguyễn Văn{ch} A"))
    assert [f.kind for f in found] == ["char"] and found[0].char == ch
    assert ch not in found[0].excerpt and "<U+" in found[0].excerpt


@pytest.mark.parametrize(
    "text",
    ["0" * 200_000, "1 " * 200_000, "@" * 200_000, "a@" * 100_000, "a." * 100_000 + "@",
     "<" * 200_000, "`" * 200_000, "[" * 200_000, "(at)" * 50_000, "&#" * 100_000],
)
def test_scan_is_linear_on_hostile_lines(text):
    start = time.perf_counter()
    list(scan(text, markdown=True))
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    "text",
    ["Gọi 0912 **345** 678", "Gọi 0912 345\n678 nhé", "Gọi *0912* _345_ `678`",
     "CCCD 094.123\n456.789", "SĐT (0299)\n3 822 123"],
)
def test_numbers_split_by_formatting_or_lines(text):
    assert len([f for f in scan(text, markdown=True) if f.kind in ("phone", "id-number")]) == 1


def test_years_on_consecutive_lines_are_not_a_number():
    assert kinds("Năm 2019\n2020 và 2021\n2022") == []
