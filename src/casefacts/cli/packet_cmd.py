"""``casefacts review-packet CASE``: a case's findings with evidence and timeline, as HTML (and PDF)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from casefacts.errors import CasefactsError
from casefacts.schema import CaseFile


def load_case(path: Path, as_of: date | None) -> CaseFile:
    """A CaseFile from its JSON file, or from a folder of records run through the pipeline."""
    if path.is_dir():
        from casefacts.pipeline import process_case

        return process_case([path], case_id=path.resolve().name, as_of=as_of)
    return CaseFile.model_validate_json(path.read_text(encoding="utf-8"))


def prepare(case: CaseFile, as_of: date | None, ruleset_id: str | None) -> CaseFile:
    """Apply the rules unless the case already carries findings for the requested date and ruleset."""
    from casefacts.rules import evaluate_case

    if case.findings and as_of is None and ruleset_id is None:
        return case
    return evaluate_case(case, as_of, ruleset_id)


def register(app: typer.Typer) -> None:
    @app.command("review-packet")
    def review_packet(
        case_path: Annotated[
            Path,
            typer.Argument(metavar="CASE", help="A CaseFile JSON file or a folder of records.", exists=True),
        ],
        out: Annotated[
            Path | None, typer.Option("-o", "--out", help="HTML file (default: <case_id>.packet.html).")
        ] = None,
        as_of: Annotated[str | None, typer.Option("--as-of", help="Review as of this date (YYYY-MM-DD).")] = None,
        ruleset: Annotated[str | None, typer.Option("--ruleset", help="Use this ruleset whatever the date.")] = None,
        pdf: Annotated[Path | None, typer.Option("--pdf", help="Also print the packet to this PDF (Chromium).")] = None,
        json_out: Annotated[
            Path | None, typer.Option("--json", help="Also write the CaseFile with its findings.")
        ] = None,
        redact: Annotated[
            bool,
            typer.Option(
                "--redact",
                help="Leave out the subject's name, birth date and identifier quotes (other quotes may name them).",
            ),
        ] = False,
    ) -> None:
        """Render a review packet: findings, the evidence quotes they rest on, a timeline, what is missing."""
        from casefacts.packet import render_html, write_pdf

        console = Console(stderr=True)
        try:
            when = date.fromisoformat(as_of) if as_of else None
            case = prepare(load_case(case_path, when), when, ruleset)
            html = render_html(case, redact=redact)
        except (ValueError, CasefactsError) as error:
            console.print(f"[red]error[/] {error}", highlight=False)
            raise typer.Exit(2) from error
        target = out or Path(f"{case.case_id}.packet.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        console.print(f"packet {target}", highlight=False)
        if json_out:
            json_out.write_text(case.model_dump_json(indent=2) + "\n", encoding="utf-8")
            console.print(f"case file {json_out}", highlight=False)
        if pdf:
            try:
                write_pdf(html, pdf)
            except CasefactsError as error:
                console.print(f"[red]error[/] {error}", highlight=False)
                raise typer.Exit(1) from error
            console.print(f"pdf {pdf}", highlight=False)
