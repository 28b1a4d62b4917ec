"""``casefacts calibrate``: refit the confidence calibration on gold-labelled folders."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from casefacts.calibrate import CALIBRATION_FILE, Bin, collect, expected_calibration_error, fit, reliability_table, save

DEFAULT_SPLITS = (Path("fixtures/cases"), Path("fixtures/real/dev"))
DEFAULT_OUT = Path("extractors") / CALIBRATION_FILE


def reliability_rich(title: str, bins: list[Bin], ece: float) -> Table:
    table = Table(title=f"{title} (ECE {ece:.3f})")
    for column in ("confidence", "count", "mean confidence", "precision"):
        table.add_column(column, justify="right")
    for b in bins:
        table.add_row(f"{b.low:.1f}-{b.high:.1f}", str(b.count), f"{b.mean_confidence:.3f}", f"{b.precision:.3f}")
    return table


def register(app: typer.Typer) -> None:
    @app.command("calibrate")
    def calibrate(
        split: Annotated[list[Path] | None, typer.Option(
            "--split", help="Gold-labelled folder (repeatable; default fixtures/cases and fixtures/real/dev); "
                            "development splits only, never a test split.")] = None,
        out: Annotated[Path, typer.Option("--out", help="Where to write the maps.")] = DEFAULT_OUT,
    ) -> None:
        """Fit per-extractor isotonic confidence maps and print the reliability table before/after."""
        from casefacts.extract.pipeline import load_pipeline

        console = Console()
        items = collect(split or DEFAULT_SPLITS, nlp=load_pipeline())
        calibration = fit(items)
        after = calibration.relabel(items)
        console.print(reliability_rich("raw confidence", reliability_table(items), expected_calibration_error(items)))
        console.print(reliability_rich("calibrated (in-sample)", reliability_table(after),
                                       expected_calibration_error(after)))
        save(calibration, out)
        console.print(f"{len(items)} labelled facts; maps for {', '.join(sorted(calibration.maps))} -> {out}")
