"""``casefacts classify``: offense categories of charge strings, document kinds of files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

ModelsDir = Annotated[Path | None, typer.Option("--models-dir", help="Default: Settings.models_dir.")]


def _charges_from_stdin() -> list[tuple[str, str | None]]:
    """One charge a line; ``charge<TAB>statute`` gives a citation too."""
    charges = []
    for line in sys.stdin.read().splitlines():
        charge, _, statute = line.partition("\t")
        if charge.strip():
            charges.append((charge.strip(), statute.strip() or None))
    return charges


def offense_records(charges: list[tuple[str, str | None]], models_dir: Path | None = None) -> list[dict[str, Any]]:
    """One JSON-ready record per charge: prediction, plus taxonomy flags unless abstained."""
    from casefacts.classify import load_offense_classifier, load_taxonomy

    model = load_offense_classifier(models_dir)
    taxonomy = load_taxonomy()
    records = []
    for (charge, statute), prediction in zip(charges, model.predict_offense(charges), strict=True):
        category = taxonomy.category(prediction.code)
        records.append({
            "charge": charge, "statute": statute, **prediction.as_dict(), "name": category.name,
            "model": model.model_id,
            "flags": None if prediction.abstained else [f for f, on in category.flags.items() if on],
            "agg_felony_candidates": None if prediction.abstained else category.agg_felony_candidates,
            "agg_felony_note": None if prediction.abstained or not category.agg_felony else category.agg_felony_note,
        })
    return records


def register(app: typer.Typer) -> None:
    classify_app = typer.Typer(help="Offense categories and document kinds (scikit-learn models in models/).",
                               no_args_is_help=True)
    app.add_typer(classify_app, name="classify")

    @classify_app.command("offense")
    def offense(
        text: Annotated[list[str] | None, typer.Argument(help="Charges as written; none: read stdin.")] = None,
        statute: Annotated[str | None, typer.Option(help="Statute citation for every TEXT.")] = None,
        models_dir: ModelsDir = None,
    ) -> None:
        """Print one JSON object per charge: offense_type, code, probability, abstained, ..."""
        charges = [(t, statute) for t in text] if text else _charges_from_stdin()
        for record in offense_records(charges, models_dir):
            typer.echo(json.dumps(record))

    @classify_app.command("doctype")
    def doctype(paths: Annotated[list[Path], typer.Argument(help="Files to ingest and route.")],
                models_dir: ModelsDir = None) -> None:
        """Print one JSON object per file: source, doc_kind, probability, ingest status."""
        from casefacts.classify.doctype import load_doctype_router, route_documents
        from casefacts.ingest import ingest_paths

        router = load_doctype_router(models_dir)
        for document in route_documents(ingest_paths(paths), router):
            typer.echo(json.dumps({"source": document.source, "doc_kind": document.doc_kind,
                                   "probability": document.doc_kind_probability,
                                   "ingest_status": document.ingest_status.status}))

    @classify_app.command("evaluate")
    def evaluate(
        training_dir: Annotated[Path | None, typer.Option(help="Default: training/ in the repo.")] = None,
        fixtures_dir: Annotated[Path | None, typer.Option(help="Default: fixtures/ in the repo.")] = None,
        models_dir: ModelsDir = None,
    ) -> None:
        """Score the saved models: offense on the independent test set, routing on the fixtures."""
        from casefacts.classify.data import DEFAULT_TRAINING_DIR, offense_test_rows, offense_training_rows
        from casefacts.classify.doctype import load_doctype_router
        from casefacts.classify.evaluation import doctype_metrics, offense_metrics
        from casefacts.classify.offense import load_offense_classifier
        from casefacts.config import REPO_ROOT

        training = training_dir or DEFAULT_TRAINING_DIR
        offense_scores = offense_metrics(load_offense_classifier(models_dir), offense_test_rows(training),
                                         offense_training_rows(training))
        doctype_scores = doctype_metrics(load_doctype_router(models_dir), fixtures_dir or REPO_ROOT / "fixtures")
        for scores in (offense_scores, doctype_scores):
            scores.pop("per_category", None)
        typer.echo(json.dumps({"offense_classifier": offense_scores, "doctype_router": doctype_scores}, indent=2))

    @classify_app.command("export-corrections")
    def export(
        casefiles: Annotated[list[Path], typer.Argument(help="CaseFile JSON files (one case or a list).")],
        output: Annotated[Path, typer.Option("--output", "-o", help="JSON Lines file to write.")],
    ) -> None:
        """Write reviewers' accepted and corrected offense categories as training rows."""
        from casefacts.classify.corrections import export_corrections
        from casefacts.schema import CaseFile

        cases: list[CaseFile] = []
        for path in casefiles:
            data = json.loads(path.read_text(encoding="utf-8"))
            cases += [CaseFile.model_validate(item) for item in (data if isinstance(data, list) else [data])]
        count = export_corrections(cases, output)
        typer.echo(f"wrote {count} correction rows to {output}", err=True)
