"""Small read-only views over a ``RuleInput`` that several rules share (pure functions)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from casefacts.rules import dates
from casefacts.rules.model import EventInput, OffenseInput, RuleInput, TieInput
from casefacts.schema import PartialDate

CONVICTED = frozenset({"convicted", "pleaded_guilty"})
SET_ASIDE = frozenset({"vacated", "expunged"})
CLEARED = frozenset({"dismissed", "acquitted"})
OPEN = frozenset({"charged", "arrested", "pending", "unknown"})
ENTRY_EVENTS = frozenset({"entry", "unlawful_entry", "reentry"})
UNLAWFUL_ENTRY_EVENTS = frozenset({"unlawful_entry", "reentry"})
_ILLEGAL_ENTRY_CHARGE = re.compile(r"1325|ILLEGAL ENTRY|IMPROPER ENTRY|\bEWI\b|ENTRY WITHOUT INSPECTION", re.IGNORECASE)


def when(o: OffenseInput) -> PartialDate | None:
    """The date of the conduct: offense date, else arrest date, else disposition date."""
    return o.offense_date or o.arrest_date or o.disposition_date


def label(o: OffenseInput) -> str:
    return f"{o.charge} ({o.disposition.replace('_', ' ')}, {dates.describe(when(o))})"


def convictions(inp: RuleInput) -> list[OffenseInput]:
    return [o for o in inp.offenses if o.disposition in CONVICTED]


def open_offenses(inp: RuleInput) -> list[OffenseInput]:
    return [o for o in inp.offenses if o.disposition in OPEN]


def disposition_request(o: OffenseInput) -> str:
    """A missing-record line for an offense without a final disposition."""
    pd = o.arrest_date or o.offense_date or o.disposition_date
    year = f"{pd.year} " if pd else ""
    step = "arrest" if o.disposition in ("arrested", "unknown") else "charge"
    return f"final disposition of the {year}{step} for {o.charge}"


def sentence_request(o: OffenseInput) -> str:
    return f"sentence ordered for {label(o)}, including any suspended part"


def ids(items: list[OffenseInput] | list[EventInput] | list[TieInput]) -> list[str]:
    return [item.fact_id for item in items]


def latest_offense_date(inp: RuleInput) -> tuple[PartialDate, OffenseInput] | None:
    dated = [(when(o), o) for o in inp.offenses if when(o) is not None and o.disposition not in CLEARED]
    if not dated:
        return None
    return max(dated, key=lambda pair: dates.latest(pair[0]))  # type: ignore[arg-type]


# ----------------------------------------------------------------------- presence


@dataclass(frozen=True)
class PresenceSign:
    """Something in the record that places the person in the U.S. on a date."""

    start: date
    end: date
    fact_id: str
    text: str


def presence_signs(inp: RuleInput, as_of: date) -> list[PresenceSign]:
    """Dated signs of presence in the U.S., earliest first.

    Entries (an apprehension at the border included), U.S. offenses and arrests, immigration
    events inside the U.S., and residence, employment or education ties with a start year or a
    number of years. An apprehension whose place is unknown is not a sign.
    """
    signs: list[PresenceSign] = []
    for e in inp.events:
        if e.date is None or e.event_type == "removal":
            continue
        if e.event_type == "apprehension" and e.at_border is None:
            continue
        signs.append(
            PresenceSign(
                dates.earliest(e.date),
                dates.latest(e.date),
                e.fact_id,
                f"{e.event_type.replace('_', ' ')}{' at the border' if e.at_border else ''} {e.date.iso}",
            )
        )
    for o in inp.offenses:
        pd = o.offense_date or o.arrest_date
        if pd is not None:
            signs.append(PresenceSign(dates.earliest(pd), dates.latest(pd), o.fact_id, f"{o.charge} ({pd.iso})"))
    for t in inp.ties:
        if t.tie_kind not in ("residence", "employment", "education", "property_business", "family"):
            continue
        start = tie_start(t, as_of)
        if start is not None:
            signs.append(PresenceSign(start[0], start[1], t.fact_id, f"{t.tie_kind.replace('_', ' ')} {start[2]}"))
    return sorted(signs, key=lambda s: (s.start, s.end))  # stable: ties keep record order


def tie_start(t: TieInput, as_of: date) -> tuple[date, date, str] | None:
    since = t.detail("since")
    if isinstance(since, int) and 1800 <= since <= as_of.year:
        return date(since, 1, 1), date(since, 12, 31), f"since {since}"
    if isinstance(since, str) and re.fullmatch(r"\d{4}(-\d{2}){0,2}", since):
        pd = PartialDate.from_iso(since)
        return dates.earliest(pd), dates.latest(pd), f"since {since}"
    years = t.detail("years")
    if isinstance(years, int | float) and 0 < years < 120 and t.tie_kind != "family":
        year = as_of.year - int(years)
        return date(year, 1, 1), date(year, 12, 31), f"for {years:g} years"
    return None


@dataclass(frozen=True)
class EntrySign:
    date: PartialDate
    fact_id: str
    unlawful: bool | None
    text: str


def entries(inp: RuleInput) -> list[EntrySign]:
    """Dated entries: entry events, apprehensions at the border (an unlawful entry or attempt on
    that day), and illegal-entry offenses (their offense date is the entry)."""
    found: list[EntrySign] = []
    for e in inp.events:
        if e.date is None:
            continue
        if e.event_type in ENTRY_EVENTS:
            unlawful = True if e.event_type in UNLAWFUL_ENTRY_EVENTS else None
            found.append(EntrySign(e.date, e.fact_id, unlawful, f"{e.event_type.replace('_', ' ')} {e.date.iso}"))
        elif e.event_type == "apprehension" and e.at_border:
            found.append(EntrySign(e.date, e.fact_id, True, f"apprehension at the border {e.date.iso}"))
    for o in inp.offenses:
        text = f"{o.charge} {o.statute or ''}"
        if o.flags.immigration and _ILLEGAL_ENTRY_CHARGE.search(text) and o.offense_date is not None:
            found.append(EntrySign(o.offense_date, o.fact_id, True, f"{o.charge} ({o.offense_date.iso})"))
    return sorted(found, key=lambda s: dates.earliest(s.date))


def border_apprehensions(inp: RuleInput) -> tuple[list[EventInput], list[EventInput]]:
    """Apprehensions at the border or a port of entry, and apprehensions whose place is unknown."""
    at = [e for e in inp.events if e.event_type == "apprehension" and e.at_border is True]
    unknown = [e for e in inp.events if e.event_type == "apprehension" and e.at_border is None]
    return at, unknown


# ------------------------------------------------------------------------- people


def age_on(inp: RuleInput, on: date) -> tuple[int, int] | None:
    if inp.person.date_of_birth is not None:
        return dates.age_range(inp.person.date_of_birth, on)
    for t in inp.ties:
        if t.tie_kind == "age" and isinstance(t.detail("age"), int | float):
            age = int(t.detail("age"))  # type: ignore[arg-type]
            return age, age
    return None


def age_fact_ids(inp: RuleInput) -> list[str]:
    if inp.person.date_of_birth is not None:
        return list(inp.person.fact_ids)
    return [t.fact_id for t in inp.ties if t.tie_kind == "age"]


def ties_of(inp: RuleInput, *kinds: str) -> list[TieInput]:
    return [t for t in inp.ties if t.tie_kind in kinds]


def describe_tie(t: TieInput) -> str:
    shown = ", ".join(f"{k}={v}" for k, v in t.details if v is not None and v != "")
    return f"{t.tie_kind.replace('_', ' ')}" + (f" ({shown})" if shown else "")
