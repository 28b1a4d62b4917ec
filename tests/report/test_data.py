from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from casefacts.report import CaseSnapshot, ReviewEvent, Week, build_report
from casefacts.report.data import completed_at

WEEK = Week.of(date(2024, 5, 8))  # 2024-W19: Monday 2024-05-06 to Sunday 2024-05-12


def at(week: Week, days: float = 1.0) -> datetime:
    return week.start_at + timedelta(days=days)


def row(case_id: str, presumed: str = "needs review", preapproval: str = "needs review",
        border: str = "no") -> dict[str, Any]:
    return {"case_id": case_id, "as_of": "2021-05-01", "ruleset_id": "ice_interim_2021_02_18",
            "national_security": "no", "border_security": border, "public_safety": "needs review",
            "presumed_priority": presumed, "preapproval_required": preapproval, "open_items": ["PS"],
            "justification": None}


def case(case_id: str, created: datetime, state: str = "unreviewed", updated: datetime | None = None,
         **fields: str) -> CaseSnapshot:
    return CaseSnapshot(case_id, created, updated or created, state, row(case_id, **fields))


def test_week_bounds_and_label() -> None:
    assert WEEK.label == "2024-W19" and WEEK.start == date(2024, 5, 6)
    assert WEEK.contains(datetime(2024, 5, 12, 23, 59, tzinfo=UTC))
    assert not WEEK.contains(datetime(2024, 5, 13, 0, 0, tzinfo=UTC))
    assert not WEEK.contains(datetime(2024, 5, 5, 23, 59, tzinfo=UTC))
    assert WEEK.previous(2).label == "2024-W17"
    assert Week.of(date(2021, 1, 3)).label == "2020-W53"  # ISO years do not follow calendar years


def test_rows_and_totals_cover_the_cases_active_in_the_week() -> None:
    cases = [
        case("a", at(WEEK), presumed="yes", preapproval="no", border="yes"),
        case("b", at(WEEK, 2), preapproval="yes", presumed="no"),
        case("c", at(WEEK.previous()), updated=at(WEEK, 3)),  # older, changed this week
        case("d", at(WEEK.previous())),  # untouched this week
        case("e", at(WEEK, 7.5)),  # next week
    ]
    report = build_report(cases, [], WEEK, weeks=4)
    assert [r["case_id"] for r in report.rows] == ["a", "b", "c"]
    assert report.presumed_priority == {"yes": 1, "no": 1, "needs review": 1, "n/a": 0}
    assert report.preapproval_required == {"yes": 1, "no": 1, "needs review": 1, "n/a": 0}
    assert report.categories["border_security"] == {"yes": 1, "no": 2, "needs review": 0, "n/a": 0}
    assert (report.start, report.end, report.week) == (date(2024, 5, 6), date(2024, 5, 12), "2024-W19")


def test_review_actions_are_counted_in_their_week_only() -> None:
    events = [ReviewEvent(at(WEEK), "accept", "a"), ReviewEvent(at(WEEK, 2), "accept", "a"),
              ReviewEvent(at(WEEK, 3), "reject", "b"), ReviewEvent(at(WEEK.previous()), "correct", "a")]
    report = build_report([case("a", at(WEEK.previous())), case("b", at(WEEK))], events, WEEK, weeks=2)
    assert report.review_actions == {"accept": 2, "correct": 0, "reject": 1}
    assert [p.review_actions for p in report.trend] == [1, 3]


def test_trend_counts_intake_preapproval_and_backlog_per_week() -> None:
    w17, w18 = WEEK.previous(2), WEEK.previous()
    cases = [
        case("old", at(w17.previous(5)), state="reviewed"),  # reviewed before any event we read
        case("a", at(w17), state="reviewed", presumed="yes", preapproval="no"),
        case("b", at(w17, 2), state="in_review", preapproval="yes"),
        case("c", at(w18), preapproval="yes"),
        case("d", at(WEEK)),
    ]
    events = [ReviewEvent(at(w17, 3), "accept", "a"), ReviewEvent(at(w18, 1), "accept", "a"),
              ReviewEvent(at(w18, 2), "accept", "b")]
    trend = build_report(cases, events, WEEK, weeks=3).trend
    assert [p.week for p in trend] == ["2024-W17", "2024-W18", "2024-W19"]
    assert [p.received for p in trend] == [2, 1, 1]
    assert [p.presumed_priority["yes"] for p in trend] == [1, 0, 0]
    assert [p.preapproval_required for p in trend] == [1, 1, 0]
    assert [p.preapproval_open for p in trend] == [0, 0, 1]
    assert [p.preapproval_share for p in trend] == [0.5, 1.0, 0.0]
    # a is done in W18 (its last action); b is still in review; "old" was done long before.
    assert [p.cases_completed for p in trend] == [0, 1, 0]
    assert [p.backlog for p in trend] == [2, 2, 3]


def test_the_preapproval_share_counts_interim_guidance_cases_only() -> None:
    cases = [case("a", at(WEEK), preapproval="yes"), case("b", at(WEEK), preapproval="no"),
             case("c", at(WEEK), preapproval="n/a", presumed="n/a"), case("d", at(WEEK), preapproval="n/a")]
    point = build_report(cases, [], WEEK, weeks=1).trend[0]
    assert (point.received, point.interim, point.preapproval_required) == (4, 2, 1)
    assert point.preapproval_share == 0.5


def test_completion_is_the_last_review_action_of_a_reviewed_case() -> None:
    events = [ReviewEvent(at(WEEK, 3), "accept", "a"), ReviewEvent(at(WEEK, 1), "accept", "a"),
              ReviewEvent(at(WEEK, 2), "accept", "b")]
    cases = [case("a", at(WEEK), state="reviewed"), case("b", at(WEEK), state="in_review")]
    done = completed_at(cases, events)
    assert done == {"a": at(WEEK, 3)}


def test_an_empty_store_gives_an_empty_report() -> None:
    report = build_report([], [], WEEK, weeks=3)
    assert report.rows == [] and report.presumed_priority["yes"] == 0
    assert [(p.received, p.backlog, p.preapproval_share) for p in report.trend] == [(0, 0, None)] * 3
