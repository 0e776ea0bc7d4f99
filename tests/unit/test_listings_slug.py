from showcase.content.text import ascii_fold, slugify
from showcase.publish.urls import profile_url


def test_vietnamese_slugs():
    assert slugify("Đóng góp cho cộng đồng") == "dong-gop-cho-cong-dong"
    assert slugify("Hộ gia đình ông Lê Văn C") == "ho-gia-dinh-ong-le-van-c"
    assert slugify("  Lâm Hồng Sơn!! ") == "lam-hong-son"
    assert ascii_fold("Đường Thạnh Trị") == "Duong Thanh Tri"


def test_profile_url_is_directory():
    assert profile_url("nguyen-van-a") == "ho-so/nguyen-van-a/"
