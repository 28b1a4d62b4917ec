"""``casefacts calibrate``: refit the confidence calibration on gold-labelled folders."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from casefacts.calibrate import CALIBRATION_FILE, Bin, collect, expected_calibration_error, fit, reliability_table, save

# The maps are for real records: they are fitted on the real development split only. Fitted on the
# synthetic cases too, they carried our own fixtures' near-perfect precision into the top bins and
# transferred worse to real/test; the synthetic cases stay a held-out check (--held-out fixtures/cases).
DEFAULT_SPLITS = (Path("fixtures/real/dev"),)
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
            "--split", help="Gold-labelled folder (repeatable; default fixtures/real/dev); "
                            "development splits only, never a test split.")] = None,
        out: Annotated[Path, typer.Option("--out", help="Where to write the maps.")] = DEFAULT_OUT,
        held_out: Annotated[list[Path] | None, typer.Option(
            "--held-out", help="Gold-labelled folder (repeatable) to report the fitted maps on, never fitted on: "
                               "how calibration transfers to a test split.")] = None,
    ) -> None:
        """Fit per-extractor isotonic confidence maps and print the reliability table before/after."""
        from casefacts.extract.pipeline import load_pipeline

        console = Console()
        nlp = load_pipeline()
        items = collect(split or DEFAULT_SPLITS, nlp=nlp)
        calibration = fit(items)
        after = calibration.relabel(items)
        console.print(reliability_rich("raw confidence", reliability_table(items), expected_calibration_error(items)))
        console.print(reliability_rich("calibrated (in-sample)", reliability_table(after),
                                       expected_calibration_error(after)))
        save(calibration, out)
        console.print(f"{len(items)} labelled facts; maps for {', '.join(sorted(calibration.maps))} -> {out}")
        for folder in held_out or []:
            test = collect([folder], nlp=nlp)
            for title, labelled in ((f"{folder}: raw", test), (f"{folder}: calibrated", calibration.relabel(test))):
                ece = expected_calibration_error(labelled)
                console.print(reliability_rich(title, reliability_table(labelled), ece))
