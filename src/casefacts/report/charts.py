"""The weekly report's charts, drawn with matplotlib as inline SVG.

Figures are built with ``matplotlib.figure.Figure`` (no pyplot, so no global state) and saved
without a date and with a fixed hash salt, so the same report draws the same bytes. Each chart
comes with a one-sentence description for screen readers and for the JSON report.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import matplotlib as mpl
from matplotlib.figure import Figure

from casefacts.report.data import CATEGORIES, STATUSES, WeeklyReport, WeekPoint

COLORS = {"yes": "#1f4e79", "needs review": "#e0a526", "no": "#9aa5b1", "n/a": "#d9dee4"}
STATUS_LABELS = {"yes": "yes", "no": "no", "needs review": "needs review", "n/a": "n/a (another ruleset)"}
INK, MUTED, ACCENT = "#1b1f24", "#5b6570", "#c0392b"
LABELS = {"national_security": "National security", "border_security": "Border security",
          "public_safety": "Public safety"}


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    svg: str


def _figure(height: float = 3.2) -> Figure:
    return Figure(figsize=(7.5, height), dpi=100, layout="constrained")


def _style(ax, ylabel: str | None = None) -> None:  # noqa: ANN001 (matplotlib Axes)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(MUTED)
    ax.tick_params(colors=MUTED, labelsize=9)
    ax.grid(axis="y", color="#e6e9ed", linewidth=0.8)
    ax.set_axisbelow(True)
    if ylabel:
        ax.set_ylabel(ylabel, color=MUTED, fontsize=9)


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    with mpl.rc_context({"svg.hashsalt": "casefacts-weekly", "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog and doctype: the SVG goes inline in HTML


def _week_labels(trend: list[WeekPoint]) -> list[str]:
    return [point.week.split("-")[1] for point in trend]


def intake_chart(trend: list[WeekPoint]) -> Chart:
    figure = _figure()
    ax = figure.add_subplot()
    labels = _week_labels(trend)
    bottom = [0] * len(trend)
    for status in STATUSES:
        values = [point.presumed_priority.get(status, 0) for point in trend]
        if any(values):
            ax.bar(labels, values, bottom=bottom, color=COLORS[status], label=STATUS_LABELS[status], width=0.7)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    _style(ax, "cases received")
    ax.yaxis.get_major_locator().set_params(integer=True)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(title="presumed priority", fontsize=8, title_fontsize=8, frameon=False, loc="upper left",
                  ncols=4)
    ax.set_ylim(0, max([*bottom, 1]) * 1.25)
    last = trend[-1]
    description = (f"Week {last.week}: {last.received} case(s) received, "
                   f"{last.presumed_priority.get('yes', 0)} within a presumed priority, "
                   f"{last.presumed_priority.get('needs review', 0)} needing a person's review "
                   "of the category.")
    return Chart("intake", "Cases received per week, by presumed-priority status", description, _svg(figure))


def review_chart(trend: list[WeekPoint]) -> Chart:
    figure = _figure(4.2)
    top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=[1, 1.3])
    labels = _week_labels(trend)
    backlog = [point.backlog for point in trend]
    top.plot(range(len(trend)), backlog, color=ACCENT, marker="o", linewidth=2)
    for x, y in enumerate(backlog):
        top.annotate(str(y), (x, y), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8,
                     color=INK)
    top.set_ylim(0, max([*backlog, 1]) * 1.35)
    _style(top, "awaiting review")
    positions = range(len(trend))
    received = [point.received for point in trend]
    completed = [point.cases_completed for point in trend]
    bottom.bar([p - 0.2 for p in positions], received, width=0.4, color=COLORS["no"], label="received")
    bottom.bar([p + 0.2 for p in positions], completed, width=0.4, color=COLORS["yes"],
               label="fully reviewed")
    bottom.set_xticks(list(positions), labels)
    bottom.yaxis.get_major_locator().set_params(integer=True)
    _style(bottom, "cases")
    bottom.legend(fontsize=8, frameon=False, loc="upper left", ncols=2)
    bottom.set_ylim(0, max([*received, *completed, 1]) * 1.3)
    last = trend[-1]
    description = (f"At the end of week {last.week}, {last.backlog} case(s) awaited review; that week "
                   f"{last.received} arrived, {last.cases_completed} were fully reviewed and reviewers "
                   f"took {last.review_actions} action(s) on facts.")
    return Chart("review", "Review backlog and throughput", description, _svg(figure))


def preapproval_chart(trend: list[WeekPoint]) -> Chart:
    figure = _figure(2.8)
    ax = figure.add_subplot()
    labels = _week_labels(trend)
    points = [(x, p) for x, p in enumerate(trend) if p.interim]  # a week with no case has no share
    xs = [x for x, _ in points]
    ax.plot(xs, [100 * p.preapproval_open / p.interim for _, p in points], color=COLORS["needs review"],
            marker="o", linewidth=1.5, linestyle="--", label="undetermined: a person decides")
    ax.plot(xs, [100 * p.preapproval_required / p.interim for _, p in points], color=COLORS["yes"],
            marker="o", linewidth=2, label="preapproval needed")
    for x, point in points:
        ax.annotate(f"{point.preapproval_required}/{point.interim}",
                    (x, 100 * point.preapproval_required / point.interim), textcoords="offset points",
                    xytext=(0, 7), ha="center", fontsize=8, color=INK)
    ax.legend(fontsize=8, frameon=False, loc="upper left", ncols=2)
    ax.set_xticks(range(len(labels)), labels)
    ax.set_ylim(0, 115)
    ax.set_yticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    _style(ax, "of interim-guidance cases")
    last = trend[-1]
    share = f"{100 * last.preapproval_share:.0f}%" if last.preapproval_share is not None else "no cases"
    description = (f"Week {last.week}: {share} of the cases received under the interim guidance "
                   f"({last.preapproval_required} of {last.interim}) would need preapproval; for "
                   f"{last.preapproval_open} a person must first settle the presumed-priority question.")
    return Chart("preapproval", "Share of actions needing preapproval (interim guidance)", description,
                 _svg(figure))


def categories_chart(report: WeeklyReport) -> Chart:
    figure = _figure(2.4)
    ax = figure.add_subplot()
    names = [LABELS[c] for c in CATEGORIES][::-1]
    left = [0] * len(CATEGORIES)
    for status in STATUSES:
        values = [report.categories[c].get(status, 0) for c in CATEGORIES][::-1]
        if any(values):
            ax.barh(names, values, left=left, color=COLORS[status], label=STATUS_LABELS[status], height=0.6)
            left = [a + v for a, v in zip(left, values, strict=True)]
    _style(ax)
    ax.grid(axis="x", color="#e6e9ed", linewidth=0.8)
    ax.grid(axis="y", visible=False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("cases this week", color=MUTED, fontsize=9)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8, frameon=False, loc="lower right", ncols=4, bbox_to_anchor=(1, 1))
    parts = [f"{LABELS[c]}: {report.categories[c].get('yes', 0)} yes, "
             f"{report.categories[c].get('needs review', 0)} needing review" for c in CATEGORIES]
    return Chart("categories", f"Presumed-priority categories, week {report.week}", "; ".join(parts) + ".",
                 _svg(figure))


def weekly_charts(report: WeeklyReport) -> list[Chart]:
    return [intake_chart(report.trend), categories_chart(report), review_chart(report.trend),
            preapproval_chart(report.trend)]
