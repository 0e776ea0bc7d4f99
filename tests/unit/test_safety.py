import pytest

from showcase.content.safety import scan


def kinds(text, md=True):
    return [f.kind for f in scan(text, markdown=md)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Có <b>đậm</b>", ["html"]),
        ("<!-- ghi chú -->", ["html"]),
        ("<https://a.vn> và <a@b.vn>", []),
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
        ("(0299) 3822 123", []),  # area code in brackets is not matched as one run
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
