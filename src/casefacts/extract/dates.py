"""Dates in record text, normalized to :class:`PartialDate` without inventing missing parts.

A regular grammar, not a general date parser: records write dates in a handful of ways
("03/04/2019", "2019-03-04", "20190304", "June 3, 2018", "3 June 2018", "March 2019",
"in 2015"), and a grammar that knows them is faster and never guesses a day. A range keeps its
start; "two years later" resolves against the last date of its paragraph; a weekday or a day
without a year ("on Tuesday", "March 23") is no date. Two-digit years
pivot at :data:`TWO_DIGIT_PIVOT` (``19`` -> 2019, ``85`` -> 1985).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from casefacts.schema import PartialDate

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
TWO_DIGIT_PIVOT = 35  # yy <= 35 -> 20yy, else 19yy
MIN_YEAR, MAX_YEAR = 1900, 2100

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))  # longest first: "Sept" before "Sep"
_MONTH = r"(?P<mon>" + _MONTH_NAMES + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR4 = r"(?P<year>(?:19|20)\d\d)"
_SEP = r"(?P<sep>[/.\-])"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 2019-03-04, 2019/03/04
    ("ymd", re.compile(r"(?<![\w/.\-])" + _YEAR4 + r"(?P<sep>[/\-.])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)"
                       r"(?![\w/]|[.\-]\d)")),
    # 03/04/2019, 3-4-19, 03.04.2019
    ("mdy", re.compile(r"(?<![\w/.\-])(?P<month>[0-3]?\d)" + _SEP + r"(?P<day>[0-3]?\d)(?P=sep)"
                       r"(?P<year>(?:19|20)?\d\d)(?![\w/]|[.\-]\d)")),
    # 20190304 (rap-sheet compact form)
    ("compact", re.compile(r"(?<![\w\-/.])(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?![\w\-/])")),
    # June 3, 2018 / June 3rd 2018 / Jun. 3, 2018 / July, 23, 2017 (a stray comma)
    ("month_day_year", re.compile(r"(?<![\w])" + _MONTH + r",?\s+" + _DAY + r"(?:,\s*|\s+)" + _YEAR4 + r"(?!\d)",
                                  re.IGNORECASE)),
    # 3 June 2018 / 3rd of June, 2018 / 03-JUN-2018 / 03JUN2018
    ("day_month_year", re.compile(r"(?<![\w])" + _DAY + r"(?:\s+(?:of\s+)?|-|\s*)" + _MONTH
                                  + r"(?:,?\s+|-|\s*)" + _YEAR4 + r"(?!\d)", re.IGNORECASE)),
    # March 2019 / March of 2019 / Mar. 2019
    ("month_year", re.compile(r"(?<![\w])" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR4 + r"(?!\d)", re.IGNORECASE)),
    # 03/2019
    ("month_slash_year", re.compile(r"(?<![\w/.\-])(?P<month>[01]?\d)/" + _YEAR4 + r"(?![\w/]|[.\-]\d)")),
]

# A bare year counts only after a word that makes it a time: "in 2015", "since 2005".
_YEAR_CUE = re.compile(
    r"\b(?P<cue>in|since|during|from|until|till|through|by|of|circa|around|year|early|late|mid|"
    r"spring|summer|fall|autumn|winter|about|before|after|between|and|to)\s+(?:the\s+year\s+)?(?:of\s+)?"
    r"(?P<year>(?:19|20)\d\d)(?![\w/\-]|\.\d|,\s*(?!(?:19|20)\d\d\b)\d|\s+(?:hours|days|dollars|feet|miles|pounds|grams)\b)",
    re.IGNORECASE,
)
# ... or before the noun of a dated event, after its article or possessor: "a 2003 murder", "his 2011 conviction",
# "respondent's 1959 conviction", "his 1999 Nevada conviction" (not "the 2000 block of Main Street", "a 2005 Honda")
_YEAR_ATTRIBUTIVE = re.compile(
    r"(?:\b(?i:a|an|the|his|her|their)|(?<=\w)['’]s)\s+(?P<year>(?:19|20)\d\d)(?=\s+(?!block\b|blocks\b|dollars?\b|hours?\b|"
    r"days?\b|feet\b|miles?\b|pounds?\b|grams?\b|kilograms?\b|people\b|persons?\b)[a-z]|"
    r"\s+[A-Z][a-z]+\s+(?:convictions?|arrests?|charges?|offen[cs]es?|cases?|sentences?|indictments?)\b)"
)
# ... or alone in parentheses after a word, or first of a list there, or after a state's abbreviation: "convictions
# for robbery (1998) and theft (2001)", "three DUI convictions (2015, 2016 and 2019)", "burglary (2011 and 2017)",
# "larceny (Mass. 1966)" (not a reporter citation's "123 F.3d 456 (1998)" nor "(9th Cir. 1998)")
_STATE_ABBREVIATION = (r"(?:Ala|Ariz|Ark|Cal|Calif|Colo|Conn|Del|Fla|Ga|Haw|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|"
                       r"Minn|Miss|Mo|Mont|Neb|Nev|Okla|Or|Ore|Pa|Tenn|Tex|Vt|Va|Wash|Wis|Wyo|N\.[HJMYCD]|R\.I|S\.[CD]|W\.\s?Va)\."
                       r"|Alaska|Idaho|Iowa|Maine|Ohio|Utah")
_YEAR_PARENTHESIZED = re.compile(r"(?:(?<=[A-Za-z] )|(?<=[A-Za-z]))\((?:(?:" + _STATE_ABBREVIATION + r")\s+)?"
                                 r"(?P<year>(?:19|20)\d\d)(?=\)|(?:,|\s+and)\s*(?:19|20)\d\d\b)")
_LAW_NAME_BEFORE = re.compile(r"\b(?:Act|Acts|Amendments|Code|Statutes)\s$")
_YEAR_ALONE = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)\s*$")


_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|through|-|–)\s*", re.IGNORECASE)
_RANGE_NEXT = re.compile(_RANGE_JOIN.pattern + r"(?:\d|[A-Z])", re.IGNORECASE)  # the range's other end follows
_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_RELATIVE = re.compile(r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                       r"(?P<unit>years?|months?|weeks?|days?)\s+later|the\s+(?:following|next)\s+(?P<next>year|month|day))\b",
                       re.IGNORECASE)

# "later that month", "that same year", "the same day", "Feb. 15 that year": the period of the date before
_SAME_PERIOD = re.compile(
    r"\b(?:(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r",?\s+(?:of\s+)?|(?:later|earlier)\s+(?:in\s+)?|(?:on\s+|in\s+)?the\s+same\s+(?=year|month|day))?"
    r"(?:that\s+(?:same\s+)?|(?<=same\s))(?P<unit>year|month|day)\b", re.IGNORECASE)


_YEARLESS_DAY = re.compile(r"\b(?:" + _MONTH_NAMES + r")\.?\s+\d{1,2}"
                           r"(?:st|nd|rd|th)?\b(?!,?\s+(?:of\s+)?\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: the span it covers and the normalized value."""

    start: int
    end: int
    text: str
    date: PartialDate


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value <= TWO_DIGIT_PIVOT else 1900 + value
    return value


def _build(year: int, month: int | None, day: int | None) -> PartialDate | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return PartialDate(year=year, month=month, day=day)
    except ValueError:
        return None


def _from_match(kind: str, m: re.Match[str]) -> PartialDate | None:
    groups = m.groupdict()
    year = _year(groups["year"])
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else None
    if groups.get("month"):
        month = int(groups["month"])
    day = int(groups["day"]) if groups.get("day") else None
    if kind == "mdy" and month is not None and month > 12 and day is not None and day <= 12:
        month, day = day, month  # 25/12/2019: a day-first form, unambiguous only here
    return _build(year, month, day)


def find_dates(text: str) -> list[DateMatch]:
    """Every date in ``text``, left to right, without overlaps (longest form wins)."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            value = _from_match(kind, m)
            if value is not None:
                found.append(DateMatch(m.start(), m.end(), m.group(0), value))
                taken.append((m.start(), m.end()))
    for m in (*_YEAR_CUE.finditer(text), *_YEAR_ATTRIBUTIVE.finditer(text), *_YEAR_PARENTHESIZED.finditer(text)):
        if m.re is _YEAR_CUE and m.group("cue").lower() == "of" \
                and _LAW_NAME_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "the Immigration and Nationality Act of 1952": a law's name, no date
        start, end = m.start("year"), m.end("year")
        value = _build(int(m.group("year")), None, None)
        if value is not None and free(start, end):
            found.append(DateMatch(start, end, m.group("year"), value))
            taken.append((start, end))
    found = _listed_years(sorted(found, key=lambda d: d.start), text, free, taken)
    found = _either_month(_range_starts(found, text), text)
    return sorted(found + _relative(found, text), key=lambda d: d.start)


_OR_MONTH = re.compile(r"\b(?:" + _MONTH_NAMES + r")\.?\s+(?:or|and/or)\s+$",
                       re.IGNORECASE)


def _either_month(found: list[DateMatch], text: str) -> list[DateMatch]:
    """ "committed in April or May 1992": of two months the text does not choose between, only the year is told."""
    out = []
    for d in found:
        if d.date.month is not None and d.date.day is None and _OR_MONTH.search(text[max(0, d.start - 16):d.start]):
            year = _build(d.date.year, None, None)
            d = DateMatch(d.start, d.end, d.text, year) if year is not None else d
        out.append(d)
    return out


_NEXT_YEAR = re.compile(r",\s*(?:and\s+)?(?P<year>(?:19|20)\d\d)(?![\w/\-]|\.\d)")


def _listed_years(found: list[DateMatch], text: str, free: Callable[[int, int], bool],
                  taken: list[tuple[int, int]]) -> list[DateMatch]:
    """Years listed after a year ("deported in 2008, 2011 and 2014"): each a date of its own."""
    out = list(found)
    queue = [d for d in found if d.text.isdigit()]
    while queue:
        d = queue.pop()
        m = _NEXT_YEAR.match(text, d.end)
        if m is None or not free(m.start("year"), m.end("year")):
            continue
        value = _build(int(m.group("year")), None, None)
        if value is not None:
            listed = DateMatch(m.start("year"), m.end("year"), m.group("year"), value)
            out.append(listed)
            taken.append((listed.start, listed.end))
            queue.append(listed)
    return sorted(out, key=lambda d: d.start)


def _range_starts(found: list[DateMatch], text: str) -> list[DateMatch]:
    """A range ("between 2010 and 2012", "from March 2010 to May 2011") keeps its start only: the
    date a record states first, the earliest the act can have been, and one fact gets one date."""
    drop = {i + 1 for i, (a, b) in enumerate(zip(found, found[1:], strict=False))
            if _RANGE_OPEN.search(text[max(0, a.start - 12):a.start]) and _RANGE_JOIN.fullmatch(text[a.end:b.start])}
    return [d for i, d in enumerate(found) if i not in drop]


def opens_range(text: str, start: int, end: int, floor: int = 0) -> bool:
    """Whether the date at [start, end) opens a range ("From 1990 to 1992"), looking back no further than
    ``floor``."""
    return bool(_RANGE_OPEN.search(text[max(floor, start - 12):start]) and _RANGE_NEXT.match(text, end))


def _relative(found: list[DateMatch], text: str) -> list[DateMatch]:
    """ "two years later", "the following year", "six months later", "six days later", "the next day": resolved
    against the last date before it in the same paragraph, at no finer precision than the anchor (years at year
    precision, days and weeks only after a day)."""
    out = []
    for m in _RELATIVE.finditer(text):
        anchor = _anchor(found, text, m.start())
        if anchor is None:
            continue
        n = _COUNT.get((m.group("n") or "one").lower()) if not (m.group("n") or "").isdigit() else int(m.group("n"))
        if n is None:
            continue
        unit = (m.group("unit") or m.group("next")).lower()
        if unit.startswith("year"):
            value = _build(anchor.year + n, None, None)
        elif unit.startswith(("day", "week")):
            if anchor.day is None or anchor.month is None:
                continue  # "six days later" than a month is no day
            later = date(anchor.year, anchor.month, anchor.day) + timedelta(days=n * (7 if unit[0] == "w" else 1))
            value = _build(later.year, later.month, later.day)
        elif anchor.month is not None:
            months = anchor.year * 12 + anchor.month - 1 + n
            value = _build(months // 12, months % 12 + 1, None)
        else:
            continue
        if value is not None:
            out.append(DateMatch(m.start(), m.end(), m.group(0), value))
    for m in _SAME_PERIOD.finditer(text):
        anchor = _anchor(found, text, m.start(), day=not m.group("month") and m.group("unit").lower() == "day")
        if anchor is None:
            continue
        if m.group("month"):
            value = _build(anchor.year, MONTHS[m.group("month").lower()], int(m.group("day")))
        elif m.group("unit").lower() == "day":
            value = anchor  # "convicted in July 2017 ... The same day": July 2017, no finer than the anchor
        elif m.group("unit").lower() == "month":
            value = _build(anchor.year, anchor.month, None) if anchor.month is not None else None
        else:
            value = _build(anchor.year, None, None)
        if value is not None:
            out.append(DateMatch(m.start(), m.end(), m.group(0), value))
    return out


def _anchor(found: list[DateMatch], text: str, start: int, day: bool = False) -> PartialDate | None:
    """The last date before ``start`` in its paragraph, within 400 characters; for ``day`` ("the same day"),
    none when a day without its year stands between ("contacted ICE May 14 ... arrested him the same day": that
    day, whose year is not told)."""
    anchors = [d for d in found if d.end <= start and "\n\n" not in text[d.end:start] and start - d.end < 400]
    if not anchors or day and _YEARLESS_DAY.search(text, anchors[-1].end, start):
        return None
    return anchors[-1].date


def parse_date(text: str | None) -> PartialDate | None:
    """The date a short string (a table cell, a field value) states, or None.

    A string that is only a year ("2015") gives year precision; otherwise the first date found.
    """
    if not text:
        return None
    alone = _YEAR_ALONE.match(text)
    if alone:
        return _build(int(alone.group("year")), None, None)
    dates = find_dates(text)
    return dates[0].date if dates else None


# a publication stamp is no incident: "07/01/2024 | Press release | Distributed by Public on 07/01/2024 16:17"
_PUBLISHED = re.compile(r"\b(?:distributed|published|posted|updated|released|issued|press release)\b[^\n]*$",
                        re.IGNORECASE)
# the time on the date's own line, not a case number on the next ("Dec 21, 2021\n3:19-CR-00461-IM")
_INCIDENT_TIME = re.compile(r"^[^\w\n]*(?:at\s+)?(?:approximately\s+|about\s+)?"
                            r"(?:\d{3,4}\s*(?:hours|hrs)\b|\d{1,2}:\d\d(?![\d\-]))", re.IGNORECASE)


def incident_date(dates: list[DateMatch], text: str) -> PartialDate | None:
    """A police report's incident date: the first full date followed by a time of day
    ("On 09/06/2021 at approximately 1305 hours"), not a publication stamp ("Distributed ... on 07/01/2024 16:17")."""
    for d in dates:
        if d.date.day is not None and _INCIDENT_TIME.match(text[d.end:d.end + 30]) \
                and not _PUBLISHED.search(text[max(0, d.start - 60):d.start]):
            return d.date
    return None
