"""The case timeline as an inline SVG (matplotlib, no pyplot): offenses, dispositions, entries and
removals, and ties over time, with the 2020-11-01 cut-off and the as-of date marked.

A date known to the day is a marker; a date known only to the month or year is a bar spanning
every day it could be, so the graphic never shows more precision than the record has. Only the
facts the rules read are drawn. The SVG is deterministic (fixed hash salt, no timestamp).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta

import matplotlib
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure

from casefacts.rules import dates
from casefacts.rules.build import allowed_facts, tie_input
from casefacts.rules.common import CUTOFF
from casefacts.rules.views import CLEARED, CONVICTED, SET_ASIDE, tie_start
from casefacts.schema import CaseFile, CommunityTieFact, EventFact, OffenseFact, PartialDate

LANES = ("Offenses", "Dispositions", "Entries, removals, events", "Ties")
_COLORS = {
    "convicted": "#b2182b",
    "open": "#e08214",
    "cleared": "#878787",
    "set_aside": "#7b3294",
    "entry": "#2166ac",
    "removal": "#1b7837",
    "other_event": "#4d4d4d",
    "tie": "#5aae61",
}
_MARKERS = {
    "entry": "^",
    "unlawful_entry": "^",
    "reentry": "^",
    "apprehension": "s",
    "removal": "v",
    "release": "o",
    "arrest": "x",
    "conviction": "D",
    "sentencing": "D",
    "other": "o",
}
_LABEL_CHARS = 28


@dataclass(frozen=True)
class Mark:
    lane: str
    start: date
    end: date
    label: str
    color: str
    marker: str
    fact_id: str
    span: bool = False  # a tie running from its start to the as-of date

    @property
    def exact(self) -> bool:
        return self.start == self.end


def _range(pd: PartialDate) -> tuple[date, date]:
    return dates.earliest(pd), dates.latest(pd)


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def _disposition_color(disposition: str) -> str:
    if disposition in CONVICTED:
        return _COLORS["convicted"]
    if disposition in CLEARED:
        return _COLORS["cleared"]
    if disposition in SET_ASIDE:
        return _COLORS["set_aside"]
    return _COLORS["open"]


def timeline_marks(case: CaseFile, as_of: date | None) -> list[Mark]:
    """Everything the timeline draws, from the facts the rules read."""
    marks: list[Mark] = []
    for fact in allowed_facts(case):
        if isinstance(fact, OffenseFact):
            when = fact.offense_date or fact.arrest_date
            color = _disposition_color(fact.disposition)
            if when is not None:
                marks.append(
                    Mark(
                        "Offenses",
                        *_range(when),
                        f"{_short(fact.charge)} {when.iso}",
                        color,
                        "o",
                        fact.fact_id,
                    )
                )
            if fact.disposition_date is not None:
                marks.append(
                    Mark(
                        "Dispositions",
                        *_range(fact.disposition_date),
                        f"{fact.disposition.replace('_', ' ')}: {_short(fact.charge)}",
                        color,
                        "D",
                        fact.fact_id,
                    )
                )
        elif isinstance(fact, EventFact) and fact.date is not None:
            kind = fact.event_type
            color = (
                _COLORS["entry"]
                if kind in ("entry", "unlawful_entry", "reentry", "apprehension")
                else _COLORS["removal"]
                if kind == "removal"
                else _COLORS["other_event"]
            )
            marks.append(
                Mark(
                    "Entries, removals, events",
                    *_range(fact.date),
                    f"{kind.replace('_', ' ')} {fact.date.iso}",
                    color,
                    _MARKERS.get(kind, "o"),
                    fact.fact_id,
                )
            )
        elif isinstance(fact, CommunityTieFact) and as_of is not None:
            start = tie_start(tie_input(fact), as_of)
            if start is not None and start[0] <= as_of:
                marks.append(
                    Mark(
                        "Ties",
                        start[0],
                        as_of,
                        f"{fact.tie_kind.replace('_', ' ')} {start[2]}",
                        _COLORS["tie"],
                        "|",
                        fact.fact_id,
                        span=True,
                    )
                )
    return sorted(marks, key=lambda m: (LANES.index(m.lane), m.start, m.label))


def _bounds(marks: list[Mark], as_of: date | None) -> tuple[date, date]:
    days = [d for m in marks for d in (m.start, m.end)] + ([as_of] if as_of else []) + [CUTOFF]
    lo, hi = min(days), max(days)
    pad = max(timedelta(days=180), (hi - lo) / 20)
    return lo - pad, hi + pad


_WIDTH_IN = 10.0
_AXES_PT = 610.0  # the plotting area's width, about 8.5 in at 72 pt per inch
_CHAR_PT = 3.7  # mean glyph width of the 6.5 pt label font
_ROW_IN = 0.2


def pack_rows(marks: list[Mark], lo: date, hi: date) -> list[int]:
    """A row within its lane for each mark, so that no two labels overlap (greedy, in order)."""
    days_per_pt = (hi - lo).days / _AXES_PT
    rows: list[int] = []
    ends: dict[tuple[str, int], float] = {}
    for m in marks:
        start = date2num(m.start)
        extent = max(date2num(m.end), start + (len(m.label) * _CHAR_PT + 8) * days_per_pt)
        row = 0
        while ends.get((m.lane, row), float("-inf")) >= start:
            row += 1
        ends[(m.lane, row)] = extent
        rows.append(row)
    return rows


def timeline_svg(case: CaseFile, as_of: date | None) -> str:
    """The timeline as an SVG document string, ready to embed inline in HTML."""
    marks = timeline_marks(case, as_of)
    lo, hi = _bounds(marks, as_of)
    rows = pack_rows(marks, lo, hi)
    lane_rows = {
        lane: 1 + max([r for m, r in zip(marks, rows, strict=True) if m.lane == lane], default=0) for lane in LANES
    }
    lane_top: dict[str, int] = {}
    total = 0
    for lane in LANES:
        lane_top[lane] = total
        total += lane_rows[lane]
    with matplotlib.rc_context(
        {"svg.hashsalt": "casefacts", "svg.fonttype": "none", "font.size": 8, "font.family": "DejaVu Sans"}
    ):
        fig = Figure(figsize=(_WIDTH_IN, 0.9 + _ROW_IN * (total + 1)), layout="constrained")
        ax = fig.add_subplot()
        ax.set_ylim(total - 0.3, -0.9)
        ax.set_yticks([lane_top[lane] + (lane_rows[lane] - 1) / 2 for lane in LANES], list(LANES))
        for lane in LANES[1:]:
            ax.axhline(lane_top[lane] - 0.5, color="#bbbbbb", linewidth=0.6)
        ax.set_xlim(date2num(lo), date2num(hi))
        ax.xaxis_date()
        locator = AutoDateLocator(minticks=4, maxticks=14)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.grid(axis="x", color="#e3e3e3", linewidth=0.5)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        for m, row in zip(marks, rows, strict=True):
            y = lane_top[m.lane] + row
            x0, x1 = date2num(m.start), date2num(m.end)
            if m.exact:
                ax.plot([x0], [y], marker=m.marker, color=m.color, markersize=5, linestyle="none", gid=m.fact_id)
            else:
                ax.plot(
                    [x0, x1],
                    [y, y],
                    color=m.color,
                    linewidth=3 if m.span else 5,
                    alpha=0.45 if m.span else 0.8,
                    solid_capstyle="butt",
                    gid=m.fact_id,
                )
            ax.annotate(
                m.label, (x0, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=6.5, color="#222222"
            )
        ax.axvline(date2num(CUTOFF), color="#555555", linestyle="--", linewidth=0.8)
        ax.annotate(
            "2020-11-01 cut-off",
            (date2num(CUTOFF), -0.75),
            xytext=(-2, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=6.5,
            color="#555555",
        )
        if as_of is not None:
            ax.axvline(date2num(as_of), color="#000000", linewidth=1.0)
            ax.annotate(
                f"as of {as_of.isoformat()}",
                (date2num(as_of), -0.75),
                xytext=(2, 0),
                textcoords="offset points",
                va="center",
                fontsize=6.5,
            )
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "casefacts"})
    svg = buf.getvalue()
    return svg[svg.index("<svg") :]
