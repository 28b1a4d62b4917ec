"""Partial dates against cut-offs: a date known only to the month or year is a range of days.

A rule never invents a day. A partial date whose range lies wholly on one side of a cut-off
settles the question; one whose range crosses it does not, and the rule asks for the exact
date instead.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Literal

from casefacts.schema import PartialDate

Side = Literal["before", "on", "after", "straddles"]


def earliest(pd: PartialDate) -> date:
    return date(pd.year, pd.month or 1, pd.day or 1)


def latest(pd: PartialDate) -> date:
    month = pd.month or 12
    day = pd.day or calendar.monthrange(pd.year, month)[1]
    return date(pd.year, month, day)


def side_of(pd: PartialDate, cutoff: date) -> Side:
    """Where the date lies relative to ``cutoff``: wholly before, exactly on, wholly after, or unclear."""
    first, last = earliest(pd), latest(pd)
    if last < cutoff:
        return "before"
    if first > cutoff:
        return "after"
    if first == last == cutoff:
        return "on"
    return "straddles"


def on_or_after(pd: PartialDate, cutoff: date) -> bool | None:
    """True/False when the whole range settles it, None when it crosses the cut-off."""
    if earliest(pd) >= cutoff:
        return True
    if latest(pd) < cutoff:
        return False
    return None


def age_range(dob: PartialDate, on: date) -> tuple[int, int]:
    """Youngest and oldest the person can be on ``on``, given a possibly partial birth date."""
    return _age(latest(dob), on), _age(earliest(dob), on)


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def whole_years(start: date, end: date) -> int:
    return _age(start, end)


def describe(pd: PartialDate | None) -> str:
    return pd.iso if pd is not None else "date unknown"
