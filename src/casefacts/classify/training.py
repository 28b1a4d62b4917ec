"""``casefacts train``: rebuild every classifier artifact and its model card from the repo.

Deterministic: fixed ``random_state`` everywhere, generated data seeded per string, and
artifacts written by ``artifacts.canonical_dumps``, so training twice on the same inputs gives
byte-identical ``.skops`` files. Only the card's date, timings and throughput change.
"""

from __future__ import annotations

import datetime as dt
import platform
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sklearn
import skops

from casefacts.classify.artifacts import dump_artifact, file_hashes, fingerprint
from casefacts.classify.cards import ModelCard, read_card, write_card
from casefacts.classify.corrections import read_corrections
from casefacts.classify.data import (
    DEFAULT_TRAINING_DIR,
    doctype_training_rows,
    inputs_and_labels,
    offense_test_rows,
    offense_training_rows,
)
from casefacts.classify.doctype import MODEL_NAME as DOCTYPE_MODEL_NAME
from casefacts.classify.doctype import MODEL_VERSION as DOCTYPE_VERSION
from casefacts.classify.doctype import DocTypeClassifier
from casefacts.classify.evaluation import doctype_metrics, offense_metrics
from casefacts.classify.models import DOCTYPE, OFFENSE, artifact_path, clear_cache, training_inputs
from casefacts.classify.offense import MODEL_NAME as OFFENSE_MODEL_NAME
from casefacts.classify.offense import MODEL_VERSION as OFFENSE_VERSION
from casefacts.classify.offense import OffenseClassifier
from casefacts.classify.taxonomy import load_taxonomy
from casefacts.config import REPO_ROOT, get_settings

OFFENSE_PARAMS = {"threshold": 0.5, "C": 0.2, "word_max_features": 10000, "char_max_features": 20000,
                  "calibration_folds": 3, "random_state": 0}
DOCTYPE_PARAMS = {"threshold": 0.5, "C": 0.5, "max_features": 20000, "calibration_folds": 3, "random_state": 0}

OFFENSE_LIMITS = [
    "Trained on generated variants of hand-written seed strings, not on real record extracts; "
    "real rap sheets carry agency-specific codes and truncations it has not seen.",
    "Categories are UCCS-style groupings, not full UCCS four-digit codes; drug offenses are not split by "
    "substance.",
    "The category is a reading of the charge text, not a legal classification: aggravated-felony "
    "candidates in the taxonomy always need legal review of the statute of conviction.",
    "Statute numbers help only for codes present in the seeds (mostly CA, TX, FL, NY, IL and federal).",
    "Probabilities are calibrated on grouped cross-validation of generated data; on wording unlike "
    "anything in training they can be confidently wrong (e.g. 'BLUE SKY LAW VIOLATION', a securities "
    "offense, comes out as a liquor-law violation with p=0.66). Abstention catches most but not all errors.",
    "Charges naming several offenses ('burglary and theft') get one category.",
]
DOCTYPE_LIMITS = [
    "Trained only on generated texts in training/doctype/generate.py (layouts written independently of "
    "fixtures/); unusual layouts may abstain to 'other'.",
    "Reads the first 4 pages of text; scanned pages without a text layer have nothing to read.",
    "Press releases and appellate opinions are routed by their dominant content (narrative vs. disposition).",
]


@dataclass(frozen=True)
class TrainResult:
    card: ModelCard
    artifact: Path


def _environment() -> dict[str, str]:
    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
            "skops": skops.__version__, "numpy": np.__version__}


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path.resolve())


def train_offense(training_dir: Path = DEFAULT_TRAINING_DIR, models_dir: Path | None = None,
                  corrections: Path | None = None, evaluate: bool = True) -> TrainResult:
    """Fit the offense classifier on seeds + variants (+ corrections), score it, save it and its card."""
    models_dir = models_dir or get_settings().models_dir
    rows = offense_training_rows(training_dir)
    if corrections is not None:
        rows += read_corrections(corrections)
    X, y, groups = inputs_and_labels(rows)
    start = time.perf_counter()
    model = OffenseClassifier(**OFFENSE_PARAMS).fit(X, y, groups=groups)
    seconds = time.perf_counter() - start
    path = artifact_path(models_dir, OFFENSE)
    sha = dump_artifact(model, path)
    hashes = file_hashes(training_inputs(OFFENSE, training_dir, corrections))
    sources = Counter(r.source for r in rows)
    counts = Counter(y)
    taxonomy = load_taxonomy()
    data = {
        "training_rows": len(rows),
        "seed_rows": sources["seed"], "variant_rows": sources["variant"], "correction_rows": sources["correction"],
        "corrections_file": _label(corrections) if corrections else None,
        "categories": len(counts), "offense_types": len({taxonomy.offense_type_of(c) for c in counts}),
        "rows_per_category": {"min": min(counts.values()), "max": max(counts.values())},
        "taxonomy_version": taxonomy.version,
        "sources": "training/offenses/seeds.yaml expanded by training/offenses/variants.py; see training/README.md",
        "test_set": "training/offenses/test_independent.tsv: hand-written, never trained on",
    }
    metrics = offense_metrics(model, offense_test_rows(training_dir), rows) if evaluate else {}
    card = ModelCard(
        name=OFFENSE, version=OFFENSE_VERSION, model_id=f"{OFFENSE_MODEL_NAME}@{OFFENSE_VERSION}",
        created=dt.date.today().isoformat(), artifact=path.name, artifact_sha256=sha,
        training_fingerprint=fingerprint(hashes, OFFENSE_PARAMS), inputs=hashes, params=dict(OFFENSE_PARAMS),
        summary="Offense category (UCCS-style taxonomy in extractors/taxonomy/) from a charge as written and "
                "its statute citation: word and character n-gram TF-IDF, linear SVM, sigmoid calibration "
                "(CalibratedClassifierCV, folds grouped by seed). Abstains below the threshold; the offense "
                "type is the category's parent.",
        data=data, metrics=metrics, training_seconds=round(seconds, 1), environment=_environment(),
        known_limits=OFFENSE_LIMITS,
    )
    write_card(card, models_dir)
    clear_cache()
    return TrainResult(card, path)


def train_doctype(training_dir: Path = DEFAULT_TRAINING_DIR, models_dir: Path | None = None,
                  fixtures_dir: Path | None = None, evaluate: bool = True) -> TrainResult:
    """Fit the document-type router on generated texts, score it on the fixtures, save it and its card."""
    models_dir = models_dir or get_settings().models_dir
    fixtures_dir = fixtures_dir or REPO_ROOT / "fixtures"
    rows = doctype_training_rows(training_dir)
    start = time.perf_counter()
    model = DocTypeClassifier(**DOCTYPE_PARAMS).fit([r.text for r in rows], [r.kind for r in rows],
                                                     groups=[r.group for r in rows])
    seconds = time.perf_counter() - start
    path = artifact_path(models_dir, DOCTYPE)
    sha = dump_artifact(model, path)
    hashes = file_hashes(training_inputs(DOCTYPE, training_dir))
    data = {
        "training_documents": len(rows),
        "per_kind": dict(sorted(Counter(r.kind for r in rows).items())),
        "layouts": len({r.group for r in rows}),
        "sources": "training/doctype/generate.py (written without the fixtures); see training/README.md",
        "evaluation_set": "fixtures/**/*.gold.json with expect_status ok (never trained on)",
    }
    metrics = doctype_metrics(model, fixtures_dir) if evaluate and fixtures_dir.is_dir() else {}
    card = ModelCard(
        name=DOCTYPE, version=DOCTYPE_VERSION, model_id=f"{DOCTYPE_MODEL_NAME}@{DOCTYPE_VERSION}",
        created=dt.date.today().isoformat(), artifact=path.name, artifact_sha256=sha,
        training_fingerprint=fingerprint(hashes, DOCTYPE_PARAMS), inputs=hashes, params=dict(DOCTYPE_PARAMS),
        summary="Document kind (rap sheet, court disposition, arrest or immigration narrative, support letter, "
                "other) from the text of the first pages: word 1-2-gram TF-IDF, linear SVM, sigmoid "
                "calibration with folds grouped by layout. Abstains to 'other' below the threshold.",
        data=data, metrics=metrics, training_seconds=round(seconds, 1), environment=_environment(),
        known_limits=DOCTYPE_LIMITS,
    )
    write_card(card, models_dir)
    clear_cache()
    return TrainResult(card, path)


def train_all(training_dir: Path = DEFAULT_TRAINING_DIR, models_dir: Path | None = None,
              corrections: Path | None = None, fixtures_dir: Path | None = None, evaluate: bool = True,
              progress: Callable[[str], None] = lambda message: None) -> list[TrainResult]:
    progress("training offense classifier")
    results = [train_offense(training_dir, models_dir, corrections, evaluate)]
    progress("training document-type router")
    results.append(train_doctype(training_dir, models_dir, fixtures_dir, evaluate))
    return results


def stale_inputs(name: str, training_dir: Path = DEFAULT_TRAINING_DIR, models_dir: Path | None = None) -> list[str]:
    """Inputs whose current hash differs from the card's (empty when the artifact is current).

    A model trained with corrections is current only while its corrections file is unchanged.
    """
    card = read_card(models_dir or get_settings().models_dir, name)
    corrections_label = card.data.get("corrections_file")
    corrections = (REPO_ROOT / corrections_label) if corrections_label else None
    current = file_hashes(training_inputs(name, training_dir, corrections))
    labels = sorted(set(current) | set(card.inputs))
    stale = [label for label in labels if current.get(label) != card.inputs.get(label)]
    params = OFFENSE_PARAMS if name == OFFENSE else DOCTYPE_PARAMS
    if card.params != params:
        stale.append("params")
    return stale
