"""``casefacts train``: rebuild the classifiers' artifacts and model cards from the repo's data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("train")
    def train(
        with_corrections: Annotated[Path | None, typer.Option(
            "--with-corrections", exists=True, dir_okay=False,
            help="Reviewer corrections (JSON Lines, see casefacts.classify.corrections) to add.")] = None,
        training_dir: Annotated[Path | None, typer.Option(help="Default: training/ in the repo.")] = None,
        models_dir: Annotated[Path | None, typer.Option(help="Default: models/ in the repo.")] = None,
        fixtures_dir: Annotated[Path | None, typer.Option(help="Default: fixtures/ in the repo.")] = None,
        evaluate: Annotated[bool, typer.Option(help="Score on the test set and fixtures.")] = True,
        check: Annotated[bool, typer.Option(
            "--check", help="Train nothing; exit 1 if an artifact is out of date with its inputs.")] = False,
    ) -> None:
        """Train every classifier deterministically and write models/*.skops with model cards."""
        from casefacts.classify.data import DEFAULT_TRAINING_DIR
        from casefacts.classify.models import MODEL_NAMES
        from casefacts.classify.training import stale_inputs, train_all

        training = training_dir or DEFAULT_TRAINING_DIR
        if check:
            stale = {name: stale_inputs(name, training, models_dir) for name in MODEL_NAMES}
            for name, inputs in stale.items():
                typer.echo(f"{name}: " + ("current" if not inputs else "stale: " + ", ".join(inputs)))
            raise typer.Exit(1 if any(stale.values()) else 0)
        results = train_all(training, models_dir, with_corrections, fixtures_dir, evaluate,
                            progress=lambda message: typer.echo(message, err=True))
        for result in results:
            card = result.card
            headline = {k: v for k, v in card.metrics.items() if not isinstance(v, dict)}
            typer.echo(f"{card.model_id}: {result.artifact} sha256 {card.artifact_sha256[:12]} "
                       f"trained in {card.training_seconds} s; {headline}")
