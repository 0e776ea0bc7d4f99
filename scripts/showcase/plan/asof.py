"""The world as it was on a given day (``--today`` in the past).

Two dates are at play when a report is recomputed for an earlier day:

* the **horizon**, the latest day a fact in the files may carry: the real
  date in the province (or the ``today`` fixed in ``mkdocs.yml``), or the
  day asked for when that is later (to rehearse a future date). Validation
  judges "in the future" against it, so a date typed by mistake a year
  ahead is still refused, while a consent withdrawn last month is valid
  whatever day a report looks back on;
* the **day**, the one a report, a table or a build looks at. A fact dated
  after it has not happened yet on that day: a profile introduced later
  does not exist, a consent signed later is not there, a withdrawal dated
  later has not occurred, commendations, achievements and nominations of
  later years have not been given.

A publication date after the day stays on the profile: it is the board's
scheduled date and every rule already reads it as "not published yet".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from showcase.content.corpus import Corpus
from showcase.content.model import Profile


def horizon(day: dt.date, now: dt.date) -> dt.date:
    """The last day a fact may carry when looking at ``day`` on the real date ``now``."""
    return max(day, now)


def profile_on(p: Profile, day: dt.date) -> Profile | None:
    """``p`` as it stood on ``day``, or None if it had not been introduced yet."""
    if p.introduced > day:
        return None
    year = day.year
    consent = p.consent
    if ((consent is None or (consent.date <= day
                             and (consent.withdrawn is None or consent.withdrawn <= day)))
            and all(r.year <= year for r in p.achievements)
            and all(r.year <= year for r in p.commendations)
            and (p.nominated is None or p.nominated.year <= year)):
        return p  # nothing dated after ``day``: the usual case, and no copy to make
    if consent is not None and consent.date > day:
        consent = None
    elif consent is not None and consent.withdrawn is not None and consent.withdrawn > day:
        consent = dataclasses.replace(consent, withdrawn=None)
    nominated = p.nominated if p.nominated and p.nominated.year <= year else None
    return dataclasses.replace(
        p,
        consent=consent,
        achievements=tuple(r for r in p.achievements if r.year <= year),
        commendations=tuple(r for r in p.commendations if r.year <= year),
        nominated=nominated,
    )


def world(profiles: Iterable[Profile], day: dt.date) -> list[Profile]:
    """The profiles that existed on ``day``, each as it stood then (order kept)."""
    return [q for p in profiles if (q := profile_on(p, day)) is not None]


def corpus_on(c: Corpus, day: dt.date) -> Corpus:
    """The corpus as it was on ``day``: same units and diagnostics, profiles as of then."""
    return dataclasses.replace(c, profiles=world(c.profiles, day))
