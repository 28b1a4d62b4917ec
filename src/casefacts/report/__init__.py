"""The weekly report (GUIDELINES.md, interim guidance) with review throughput, as HTML and JSON.

``weekly_report(store, week_of=None)`` gathers the numbers; ``write_weekly_report(report, out_dir)``
draws the charts and writes the files.
"""

from casefacts.report.data import (
    CaseSnapshot,
    ReviewEvent,
    Week,
    WeeklyReport,
    WeekPoint,
    build_report,
    load_snapshots,
    weekly_report,
)
from casefacts.report.render import report_html, report_json, write_weekly_report

__all__ = [
    "CaseSnapshot", "ReviewEvent", "Week", "WeekPoint", "WeeklyReport", "build_report", "load_snapshots",
    "report_html", "report_json", "weekly_report", "write_weekly_report",
]
