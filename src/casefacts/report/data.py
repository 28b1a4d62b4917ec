"""The weekly report's numbers: the interim guidance's weekly fields plus review throughput.

Pure functions over snapshots of the store (``CaseSnapshot``, ``ReviewEvent``) compute the
report; ``load_snapshots`` reads them through the store's public API. Weeks are ISO weeks
(Monday to Sunday, UTC). Case identifiers only: no subject data enters the report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from pydantic import BaseModel, Field

from casefacts.rules import weekly_report_row
from casefacts.store import Store

REVIEW_ACTIONS = ("accept", "correct", "reject")
STATUSES = ("yes", "no", "needs review", "n/a")
CATEGORIES = ("national_security", "border_security", "public_safety")


@dataclass(frozen=True)
class Week:
    """An ISO week: ``start`` (a Monday, 00:00 UTC) included, ``end`` excluded."""

    start: date

    @classmethod
    def of(cls, day: date) -> Week:
        return cls(day - timedelta(days=day.weekday()))

    @property
    def label(self) -> str:
        year, week, _ = self.start.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def start_at(self) -> datetime:
        return datetime.combine(self.start, time(), tzinfo=UTC)

    @property
    def end_at(self) -> datetime:
        return self.start_at + timedelta(days=7)

    def contains(self, moment: datetime) -> bool:
        return self.start_at <= moment < self.end_at

    def previous(self, n: int = 1) -> Week:
        return Week(self.start - timedelta(days=7 * n))


@dataclass(frozen=True)
class CaseSnapshot:
    """One stored case as the report sees it: its weekly row and when it arrived or changed."""

    case_id: str
    created_at: datetime
    updated_at: datetime
    review_state: str
    row: dict[str, Any]


@dataclass(frozen=True)
class ReviewEvent:
    at: datetime
    action: str
    case_id: str


class WeekPoint(BaseModel):
    """One week of the trend charts."""

    week: str
    start: date
    received: int = Field(description="Cases first stored in the week.")
    presumed_priority: dict[str, int] = Field(description="Received cases by presumed-priority status.")
    interim: int = Field(description="Received cases reviewed under the interim guidance (the others are n/a).")
    preapproval_required: int = Field(description="Received cases whose action needs preapproval.")
    preapproval_open: int = Field(description="Received cases where whether it does needs a person's review.")
    review_actions: int
    cases_completed: int = Field(description="Cases whose last review action fell in the week, now reviewed.")
    backlog: int = Field(description="Cases not fully reviewed at the end of the week.")

    @property
    def preapproval_share(self) -> float | None:
        """Of the received cases under the interim guidance (preapproval is its rule), those needing it."""
        return self.preapproval_required / self.interim if self.interim else None


class WeeklyReport(BaseModel):
    week: str
    start: date
    end: date = Field(description="Last day of the week (Sunday).")
    generated_at: datetime
    rows: list[dict[str, Any]] = Field(description="Weekly row of each case stored or changed in the week.")
    presumed_priority: dict[str, int]
    categories: dict[str, dict[str, int]]
    preapproval_required: dict[str, int]
    review_actions: dict[str, int]
    trend: list[WeekPoint]


# ---------------------------------------------------------------------- pure part


def build_report(cases: Sequence[CaseSnapshot], events: Sequence[ReviewEvent], week: Week, weeks: int = 8,
                 generated_at: datetime | None = None) -> WeeklyReport:
    """The report of ``week`` with a trend over the ``weeks`` weeks that end with it."""
    active = sorted((c for c in cases if week.contains(c.updated_at) or week.contains(c.created_at)),
                    key=lambda c: c.case_id)
    rows = [c.row for c in active]
    in_week = [e for e in events if week.contains(e.at)]
    done = completed_at(cases, events)
    return WeeklyReport(
        week=week.label,
        start=week.start,
        end=week.start + timedelta(days=6),
        generated_at=generated_at or datetime.now(UTC),
        rows=rows,
        presumed_priority=_count(r["presumed_priority"] for r in rows),
        categories={category: _count(r[category] for r in rows) for category in CATEGORIES},
        preapproval_required=_count(r["preapproval_required"] for r in rows),
        review_actions={action: sum(1 for e in in_week if e.action == action) for action in REVIEW_ACTIONS},
        trend=[_point(cases, events, done, week.previous(n)) for n in reversed(range(weeks))],
    )


def _count(values: Iterable[str]) -> dict[str, int]:
    counts = Counter(values)
    return {status: counts.get(status, 0) for status in STATUSES}


def completed_at(cases: Sequence[CaseSnapshot], events: Sequence[ReviewEvent]) -> dict[str, datetime]:
    """When each fully reviewed case got its last review action (before the events, when none is seen)."""
    last: dict[str, datetime] = {}
    for event in events:
        last[event.case_id] = max(last.get(event.case_id, event.at), event.at)
    before_all = datetime.min.replace(tzinfo=UTC)
    return {c.case_id: last.get(c.case_id, before_all) for c in cases if c.review_state == "reviewed"}


def _point(cases: Sequence[CaseSnapshot], events: Sequence[ReviewEvent], done: dict[str, datetime],
           week: Week) -> WeekPoint:
    received = [c for c in cases if week.contains(c.created_at)]
    backlog = sum(1 for c in cases
                  if c.created_at < week.end_at and not done.get(c.case_id, week.end_at) < week.end_at)
    return WeekPoint(
        week=week.label,
        start=week.start,
        received=len(received),
        presumed_priority=_count(c.row["presumed_priority"] for c in received),
        interim=sum(1 for c in received if c.row["preapproval_required"] != "n/a"),
        preapproval_required=sum(1 for c in received if c.row["preapproval_required"] == "yes"),
        preapproval_open=sum(1 for c in received if c.row["preapproval_required"] == "needs review"),
        review_actions=sum(1 for e in events if week.contains(e.at)),
        cases_completed=sum(1 for at in done.values() if week.contains(at)),
        backlog=backlog,
    )


# ---------------------------------------------------------------------- the store


def load_snapshots(store: Store, since: datetime, page_size: int = 200) -> tuple[list[CaseSnapshot],
                                                                                 list[ReviewEvent]]:
    """Every stored case (its weekly row needs its findings) and the review actions since ``since``."""
    cases: list[CaseSnapshot] = []
    after: str | None = None
    while True:
        page = store.list_cases(after=after, limit=page_size)
        for summary in page.items:
            case = store.get_case(summary.case_id)
            cases.append(CaseSnapshot(summary.case_id, summary.created_at, summary.updated_at,
                                      summary.review_state, weekly_report_row(case, case.findings)))
        if len(page.items) < page_size:
            break
        after = page.items[-1].case_id
    events: list[ReviewEvent] = []
    offset = 0
    while True:  # newest first: stop at the first page that reaches before ``since``
        entries = store.audit_log(limit=page_size, offset=offset).items
        events += [ReviewEvent(e.at, e.action, e.case_id) for e in entries
                   if e.action in REVIEW_ACTIONS and e.case_id is not None and e.at >= since]
        if len(entries) < page_size or entries[-1].at < since:
            break
        offset += page_size
    return cases, events


def weekly_report(store: Store, week_of: date | None = None, weeks: int = 8,
                  now: datetime | None = None) -> WeeklyReport:
    """The report of the week holding ``week_of`` (default: the last full week before ``now``)."""
    now = now or datetime.now(UTC)
    week = Week.of(week_of) if week_of else Week.of(now.date()).previous()
    cases, events = load_snapshots(store, week.previous(weeks - 1).start_at)
    return build_report(cases, events, week, weeks, generated_at=now)
