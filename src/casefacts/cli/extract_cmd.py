"""``casefacts extract``: records in, CaseFile JSON out (DESIGN section 2, CLI contract)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from casefacts.pipeline import collect_cases, process_cases
from casefacts.schema import CaseFile


def casefiles_json(casefiles: list[CaseFile]) -> str:
    """One object for one case, a list for several."""
    payload = [c.model_dump(mode="json") for c in casefiles]
    return json.dumps(payload[0] if len(payload) == 1 else payload, indent=2, ensure_ascii=False) + "\n"


def report_quarantine(casefiles: list[CaseFile], console: Console) -> tuple[int, int]:
    """Print every document that was not read normally; return (ok, total)."""
    ok = total = 0
    for case in casefiles:
        for doc in case.documents:
            total += 1
            status = doc.ingest_status
            if status.status == "ok":
                ok += 1
            else:
                console.print(f"[yellow]{status.status}[/] {doc.source}: {status.reason}", highlight=False)
    return ok, total


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract(
        paths: Annotated[list[Path], typer.Argument(help="Files (.pdf, .txt) and folders of records.")],
        out: Annotated[Path | None, typer.Option("-o", "--out", help="Write JSON here, not stdout.")] = None,
        case_id: Annotated[str | None, typer.Option(
            "--case-id", help="Name the case (one case only).")] = None,
        as_of: Annotated[str | None, typer.Option(
            "--as-of", help="Apply the ruleset in force on this date (YYYY-MM-DD).")] = None,
    ) -> None:
        """Extract evidence-linked facts and print CaseFile JSON.

        A folder of files is one case; a folder of folders is one case per subfolder. Every
        input document is in the output, quarantined ones with their reason. The exit code
        is non-zero only when no document could be processed.
        """
        console = Console(stderr=True)
        missing = [p for p in paths if not p.exists()]
        for path in missing:
            console.print(f"[red]not found[/] {path}", highlight=False)
        try:
            cases = collect_cases([p for p in paths if p.exists()], case_id=case_id)
            when = date.fromisoformat(as_of) if as_of else None
        except ValueError as error:
            console.print(f"[red]error[/] {error}", highlight=False)
            raise typer.Exit(2) from error
        n_files = sum(len(c.files) for c in cases)
        with Progress(TextColumn("cases"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True, disable=not console.is_terminal) as bar:
            task = bar.add_task("extract", total=len(cases))
            casefiles = process_cases(cases, as_of=when, progress=lambda n: bar.advance(task, n))
        text = casefiles_json(casefiles) if casefiles else "[]\n"
        if out:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        ok, total = report_quarantine(casefiles, console)
        n_facts = sum(len(c.facts) for c in casefiles)
        console.print(f"{len(casefiles)} case(s), {total} of {n_files} document(s) read, {ok} ok, "
                      f"{n_facts} fact(s)", highlight=False)
        if ok == 0 or missing:
            raise typer.Exit(1)
