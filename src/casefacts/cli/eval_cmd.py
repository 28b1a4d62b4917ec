"""``casefacts eval``: score extraction against a gold-labelled folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from casefacts.evaluate import EvalReport, evaluate


def render_table(report: EvalReport) -> Table:
    table = Table(title=f"casefacts eval: {report.documents} documents")
    for column in ("kind", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind, counts in report.counts.items():
        table.add_row(kind, str(counts.tp), str(counts.fp), str(counts.fn),
                      f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}")
    for name, acc in report.accuracies.items():
        if acc.value is not None:
            table.add_row(f"{name} accuracy", str(acc.right), "", str(acc.total - acc.right),
                          "", "", f"{acc.value:.3f}")
    return table


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_command(
        root: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="Folder with *.gold.json")],
        as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
        errors: Annotated[int, typer.Option(help="Print up to N mismatches for error analysis.")] = 0,
    ) -> None:
        """Precision, recall and F1 per fact kind, and disposition accuracy, against gold labels."""
        report = evaluate(root)
        if as_json:
            payload = report.as_dict()
            payload["errors"] = payload["errors"][:errors] if errors else []
            typer.echo(json.dumps(payload, indent=2))
            return
        console = Console()
        console.print(render_table(report))
        for line in report.errors[:errors]:
            console.print(line, markup=False, highlight=False)
