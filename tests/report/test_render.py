from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from casefacts.report import ReviewEvent, build_report, report_html, write_weekly_report
from casefacts.report.charts import weekly_charts

from .test_data import WEEK, at, case


def _report():
    cases = [case("case_<b>1</b>", at(WEEK), presumed="yes", preapproval="no", border="yes"),
             case("case-2", at(WEEK, 2), preapproval="yes", presumed="no"),
             case("case-3", at(WEEK.previous()), state="reviewed")]
    events = [ReviewEvent(at(WEEK, 1), "accept", "case-3"), ReviewEvent(at(WEEK, 2), "correct", "case-3")]
    return build_report(cases, events, WEEK, weeks=4, generated_at=datetime(2024, 5, 13, 6, tzinfo=UTC))


def test_files_are_written_and_the_json_holds_the_numbers(tmp_path: Path) -> None:
    paths = write_weekly_report(_report(), tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["weekly-2024-W19.html", "weekly-2024-W19.json"]
    data = json.loads(paths["json"].read_text())
    assert data["week"] == "2024-W19" and data["start"] == "2024-05-06"
    assert data["presumed_priority"]["yes"] == 1 and data["review_actions"]["correct"] == 1
    assert [p["received"] for p in data["trend"]] == [0, 0, 1, 2]
    assert data["trend"][-1]["preapproval_share"] == 0.5
    assert [c["key"] for c in data["charts"]] == ["intake", "categories", "review", "preapproval"]
    assert "<svg" not in paths["json"].read_text()


def test_html_inlines_every_chart_and_escapes_case_ids() -> None:
    report = _report()
    html = report_html(report, weekly_charts(report))
    assert html.count("<svg") == 4 and "<?xml" not in html
    assert "case_&lt;b&gt;1&lt;/b&gt;" in html and "case_<b>1</b>" not in html
    assert "Weekly report 2024-W19" in html and "case-2" in html


def test_charts_describe_their_numbers_and_draw_the_same_bytes_twice() -> None:
    report = _report()
    first, second = weekly_charts(report), weekly_charts(report)
    assert [c.svg for c in first] == [c.svg for c in second]
    descriptions = {c.key: c.description for c in first}
    assert "2 case(s) received, 1 within a presumed priority" in descriptions["intake"]
    assert ("50% of the cases received under the interim guidance (1 of 2) would need preapproval"
            in descriptions["preapproval"])
    assert "2 case(s) awaited review" in descriptions["review"]
    assert descriptions["categories"].startswith("National security: 0 yes")


def test_a_week_without_cases_still_renders(tmp_path: Path) -> None:
    report = build_report([], [], WEEK, weeks=2, generated_at=datetime(2024, 5, 13, tzinfo=UTC))
    paths = write_weekly_report(report, tmp_path)
    assert "No case was stored or changed this week." in paths["html"].read_text()
    assert "no cases" in json.loads(paths["json"].read_text())["charts"][3]["description"]
    assert report.start == date(2024, 5, 6)
