"""``casefacts show``: a readable summary of CaseFile JSON for a person at a terminal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from casefacts.schema import CaseFile, CommunityTieFact, EventFact, OffenseFact


def load_casefiles(path: Path) -> list[CaseFile]:
    payload = json.loads(path.read_text(encoding="utf-8"))
    items = payload if isinstance(payload, list) else [payload]
    return [CaseFile.model_validate(item) for item in items]


def _iso(value: object) -> str:
    return getattr(value, "iso", "") or ""


def case_tables(case: CaseFile) -> list[Table]:
    """Documents, offenses, events and ties of one case, each as a table."""
    docs = Table(title=f"Case {case.case_id}: documents", title_justify="left")
    for column in ("document", "kind", "pages", "status"):
        docs.add_column(column)
    for d in case.documents:
        status = d.ingest_status.status + (f": {d.ingest_status.reason}" if d.ingest_status.reason else "")
        docs.add_row(d.source.rsplit("/", 1)[-1], d.doc_kind, str(len(d.pages)), status)

    offenses = Table(title="Offenses", title_justify="left")
    for column in ("charge", "whose", "disposition", "date", "sentence", "sources", "flags"):
        offenses.add_column(column)
    events = Table(title="Events", title_justify="left")
    for column in ("event", "whose", "date", "place", "sources"):
        events.add_column(column)
    ties = Table(title="Community ties", title_justify="left")
    for column in ("kind", "details", "text", "sources"):
        ties.add_column(column)
    for f in case.facts:
        if f.status in ("negated", "hypothetical"):
            continue
        whose = f.about.who + (f" ({f.about.relation})" if f.about.relation else "")
        sources = str(len({e.doc_id for e in f.evidence}))
        if isinstance(f, OffenseFact):
            when = _iso(f.disposition_date) or _iso(f.arrest_date) or _iso(f.offense_date)
            offenses.add_row(f.charge, whose, f.disposition, when, f.sentence.text if f.sentence else "",
                             sources, ", ".join(f.flags))
        elif isinstance(f, EventFact):
            events.add_row(f.event_type, whose, _iso(f.date), f.place or "", sources)
        elif isinstance(f, CommunityTieFact):
            details = ", ".join(f"{k}={v}" for k, v in f.details.items() if v is not None)
            ties.add_row(f.tie_kind, details, f.text[:70], sources)
    return [docs, offenses, events, ties]


def register(app: typer.Typer) -> None:
    @app.command("show")
    def show(
        casefile: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CaseFile JSON")],
        case_id: Annotated[str | None, typer.Option("--case", help="Only this case.")] = None,
    ) -> None:
        """Summarize CaseFile JSON: documents, offenses, events, ties, timeline, findings."""
        console = Console()
        for case in load_casefiles(casefile):
            if case_id and case.case_id != case_id:
                continue
            if case.subject:
                console.print(f"[bold]Subject[/]: {case.subject.name or '(no name)'}, "
                              f"born {_iso(case.subject.date_of_birth) or 'unknown'}")
            for table in case_tables(case):
                if table.row_count:
                    console.print(table)
            if case.timeline:
                console.print("[bold]Timeline[/]")
                for entry in case.timeline:
                    console.print(f"  {entry.date.iso:<10} {entry.label}"
                                  + ("" if entry.about == "subject" else "  [dim](not the subject)[/]"),
                                  highlight=False)
            for finding in case.findings:
                console.print(f"[bold]{finding.rule_id}[/] {finding.outcome}: {finding.explanation}",
                              highlight=False)
