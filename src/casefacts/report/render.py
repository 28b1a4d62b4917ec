"""The weekly report as files: a self-contained HTML page (inline SVG charts) and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, PackageLoader

from casefacts.report.charts import Chart, weekly_charts
from casefacts.report.data import CATEGORIES, STATUSES, WeeklyReport

_ENV = Environment(loader=PackageLoader("casefacts.report", "templates"), autoescape=True,
                   trim_blocks=True, lstrip_blocks=True)


def report_json(report: WeeklyReport, charts: list[Chart] | None = None) -> str:
    """The report's data, plus each chart's title and description (not its drawing)."""
    data = report.model_dump(mode="json")
    for point, model in zip(data["trend"], report.trend, strict=True):
        point["preapproval_share"] = model.preapproval_share
    data["charts"] = [{"key": c.key, "title": c.title, "description": c.description} for c in charts or []]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report_html(report: WeeklyReport, charts: list[Chart]) -> str:
    return _ENV.get_template("weekly.html.j2").render(
        report=report, charts=charts, categories=CATEGORIES, statuses=STATUSES,
    )


def write_weekly_report(report: WeeklyReport, out_dir: Path) -> dict[str, Path]:
    """Write ``weekly-<week>.html`` and ``weekly-<week>.json`` into ``out_dir``; return their paths."""
    charts = weekly_charts(report)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"html": out_dir / f"weekly-{report.week}.html", "json": out_dir / f"weekly-{report.week}.json"}
    paths["html"].write_text(report_html(report, charts), encoding="utf-8")
    paths["json"].write_text(report_json(report, charts), encoding="utf-8")
    return paths
