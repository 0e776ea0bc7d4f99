"""The public "Theo dõi chuyên mục" page: every feed, what it is for, its address.

Readers subscribe in a feed reader; the social media staff of the Department
and of each unit point their reposting tools (or their own routine) at the
feed they need. The list is :func:`feedlist.catalogue`, the same one the
build writes the feeds from, so the page never names a feed that is not there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.publish import urls
from showcase.publish.feeds import feedlist
from showcase.publish.pages import social
from showcase.publish.pages.outline import outline
from showcase.publish.pages.views import FeedEntry, FeedGroup, FollowView, Page, Site

TITLE = "Theo dõi chuyên mục"
INTRO = ("Nhận ngay gương điển hình mới qua bản tin RSS hoặc Atom: toàn chuyên mục, theo lĩnh "
         "vực, theo ngành hoặc theo đơn vị giới thiệu.")
HOW = (
    "Sao chép địa chỉ bản tin rồi dán vào ứng dụng đọc tin (Feedly, Inoreader, Thunderbird…) "
    "hoặc công cụ đăng bài tự động của trang Facebook, Zalo.",
    "Mỗi mục trong bản tin có sẵn nội dung đăng mạng xã hội (tiêu đề, tóm tắt, đơn vị, liên "
    "kết, hashtag, nguồn) và thẻ chia sẻ 1200×630; trên trang hồ sơ có nút "
    "“Sao chép nội dung đăng”.",
    "Bản tin chỉ gồm hồ sơ mà người được giới thiệu đồng ý cho đăng lên mạng xã hội.",
)


def follow_page(site: Site, units: Mapping[str, Unit], profiles: Sequence[Profile],
                today: dt.date, cap: int) -> Page:
    public = [p for p in profiles if p.is_public(today)]
    items = feedlist.feed_items(profiles, today)
    groups: dict[str, list[FeedEntry]] = {g: [] for g in feedlist.GROUPS}
    infos = feedlist.catalogue(site.column, site.department, units, public)
    for info, kept in zip(infos, feedlist.selected(infos, items), strict=True):
        count = min(cap, len(kept))
        groups[info.group].append(FeedEntry(
            title=info.label, purpose=info.purpose, href=site.abs(info.rel), page=info.page,
            format="Atom" if info.atom else "RSS", items=count))
    view = FollowView(
        root=urls.relative(urls.FOLLOW_URL, ""), heading=TITLE, intro=INTRO, how=HOW,
        groups=tuple(FeedGroup(feedlist.GROUPS[g], tuple(fs)) for g, fs in groups.items()
                     if fs),
    )

    return Page(
        url=urls.FOLLOW_URL, template="showcase/follow.html", title=TITLE, description=INTRO,
        view=view, social=social.page_social(site, urls.FOLLOW_URL, TITLE, INTRO),
        toc=outline(TITLE), hide_toc=True,
    )
