"""The world as it was on a day: later facts have not happened yet."""

from __future__ import annotations

import datetime as dt

import pytest

from showcase.content.model import Consent, Nomination, Profile, Record
from showcase.option_values import OptionsError, Publisher
from showcase.options import Options
from showcase.plan import asof

D = dt.date


def prof(**kw: object) -> Profile:
    base: dict[str, object] = dict(
        path="profiles/u/2024-tran-thi-b.md", unit="u", slug="tran-thi-b", name="Trần Thị B",
        kind="individual", field="culture-arts-sports", sectors=("culture",),
        introduced=D(2024, 3, 12), summary="x" * 40, body="Câu chuyện.", body_line=10,
        title="Trần Thị B", published=D(2024, 4, 1),
        consent=Consent(D(2024, 3, 1), "02/ĐY", frozenset({"web", "social"}), D(2025, 2, 14)),
        commendations=(Record(2023, "Giấy khen"), Record(2025, "Bằng khen")),
        achievements=(Record(2024, "Thành tích"), Record(2026, "Sau này")),
        nominated=Nomination(2025, "Giấy khen của Giám đốc Sở"),
    )
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


def test_horizon_is_never_before_the_real_date() -> None:
    assert asof.horizon(D(2024, 7, 1), D(2026, 11, 24)) == D(2026, 11, 24)
    assert asof.horizon(D(2027, 1, 1), D(2026, 11, 24)) == D(2027, 1, 1)


def test_before_introduction_the_profile_does_not_exist() -> None:
    assert asof.profile_on(prof(), D(2024, 3, 11)) is None
    assert asof.world([prof()], D(2024, 3, 11)) == []


def test_a_later_withdrawal_has_not_happened() -> None:
    p = prof()
    then = asof.profile_on(p, D(2024, 7, 1))
    assert then is not None and then.consent is not None
    assert then.consent.withdrawn is None
    assert then.is_public(D(2024, 7, 1))
    assert [r.year for r in then.commendations] == [2023]
    assert [r.year for r in then.achievements] == [2024]
    assert then.nominated is None
    # After the withdrawal: the facts are kept and the profile is off the site.
    later = asof.profile_on(p, D(2025, 3, 1))
    assert later is not None and later.consent == p.consent
    assert not later.is_public(D(2025, 3, 1))
    assert later.withdrawn_by(D(2025, 3, 1)) == D(2025, 2, 14)
    assert later.went_public()  # it was on the site when published


def test_unchanged_profile_is_returned_as_is() -> None:
    p = prof(consent=Consent(D(2024, 3, 1), "02/ĐY", frozenset({"web"})), commendations=(),
             achievements=(), nominated=None)
    assert asof.profile_on(p, D(2026, 1, 1)) is p


def test_consent_signed_later_is_not_there_yet() -> None:
    p = prof(consent=Consent(D(2024, 5, 1), "02/ĐY", frozenset({"web"})))
    then = asof.profile_on(p, D(2024, 4, 15))
    assert then is not None and then.consent is None
    assert not then.is_public(D(2024, 4, 15))


def test_public_reads_the_withdrawal_date_itself() -> None:
    p = prof()  # without the as-of view too
    assert p.is_public(D(2025, 2, 13)) and not p.is_public(D(2025, 2, 14))
    never = prof(consent=Consent(D(2024, 3, 1), "02/ĐY", frozenset({"web"}), D(2024, 3, 20)))
    assert not never.went_public()


def test_counts_from_needs_a_semester_start_and_a_reason() -> None:
    base = {"name": "Kế hoạch", "start": "2022-01-01", "end": "2025-12-31"}
    ok = Options.from_mapping({"quota_periods": [
        {**base, "counts_from": "2024-01-01", "counts_from_reason": "Ban hành giữa kỳ."}]})
    period = ok.quota_periods[0]
    assert (period.start, period.counting_start) == (D(2022, 1, 1), D(2024, 1, 1))
    with pytest.raises(OptionsError, match="counts_from_reason"):
        Options.from_mapping({"quota_periods": [{**base, "counts_from": "2024-01-01"}]})
    with pytest.raises(OptionsError, match="ngày đầu của một kỳ"):
        Options.from_mapping({"quota_periods": [
            {**base, "counts_from": "2023-07-20", "counts_from_reason": "x"}]})
    with pytest.raises(OptionsError, match="nằm trong giai đoạn"):
        Options.from_mapping({"quota_periods": [
            {**base, "counts_from": "2026-01-01", "counts_from_reason": "x"}]})


def test_publisher_by_date() -> None:
    o = Options.from_mapping({"publishers": [
        {"name": "Sở B", "from": "2025-07-01", "place": "Cần Thơ"},
        {"name": "Sở A", "to": "2025-06-30", "place": "Sóc Trăng"},
    ]})
    assert o.publisher_on(D(2024, 12, 31)).name == "Sở A"
    assert o.publisher_on(D(2025, 7, 1)).name == "Sở B"
    assert o.publisher_on(D(2026, 12, 31)).place == "Cần Thơ"
    assert Options(department="Sở X").publisher_on(D(2024, 1, 1)) == Publisher("Sở X")
    with pytest.raises(OptionsError, match="chồng thời gian"):
        Options.from_mapping({"publishers": [{"name": "A"}, {"name": "B"}]})
