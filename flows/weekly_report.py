"""Prefect flow ``weekly-report``: the interim guidance's weekly report plus review throughput.

A thin wrapper over ``casefacts.report``: one task reads the store and writes the HTML and JSON
files; the flow returns their paths and leaves the headline numbers as a Prefect artifact.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact

from casefacts import report as reports
from casefacts.config import get_settings
from casefacts.store import Store
from flows.transient import RETRIES, RETRY_DELAYS, retry_if_transient, transient_as_retryable


@task(name="write-weekly-report", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS,
      retry_condition_fn=retry_if_transient, persist_result=False)
def write_report(store_url: str, out_dir: str, week_of: date | None,
                 weeks: int) -> tuple[reports.WeeklyReport, dict[str, str]]:
    with transient_as_retryable():
        store = Store(store_url)
        try:
            report = reports.weekly_report(store, week_of=week_of, weeks=weeks)
        finally:
            store.close()
    paths = reports.write_weekly_report(report, Path(out_dir))
    return report, {kind: str(path) for kind, path in paths.items()}


def headline(report: reports.WeeklyReport) -> str:
    """The report's key numbers as a markdown table (counts only)."""
    last = report.trend[-1]
    rows = [("cases stored or changed", len(report.rows)),
            ("within a presumed priority", report.presumed_priority["yes"]),
            ("would need preapproval", report.preapproval_required["yes"]),
            ("category needs a person's review", report.presumed_priority["needs review"]),
            ("review actions", sum(report.review_actions.values())),
            ("cases fully reviewed", last.cases_completed), ("awaiting review at week's end", last.backlog)]
    return "\n".join([f"### Weekly report {report.week}", "", "| | count |", "|---|---:|",
                      *(f"| {name} | {value} |" for name, value in rows)])


@flow(name="weekly-report")
def weekly_report(out_dir: str = "reports", week_of: date | None = None, weeks: int = 8,
                  database_url: str | None = None) -> dict[str, str]:
    """Write ``weekly-<ISO week>.html`` and ``.json`` into ``out_dir`` for the week holding ``week_of``
    (default: the last full week), with trends over ``weeks`` weeks."""
    report, paths = write_report(database_url or get_settings().database_url, out_dir, week_of, weeks)
    create_markdown_artifact(key="weekly-report", markdown=headline(report),
                             description=f"Weekly report {report.week} (counts only).")
    get_run_logger().info("weekly report %s written: %s", report.week, ", ".join(paths.values()))
    return paths
