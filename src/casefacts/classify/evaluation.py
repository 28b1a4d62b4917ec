"""Scores of the classifiers: offense on the independent test set, routing on the fixtures."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from casefacts.classify.data import OffenseRow
from casefacts.classify.doctype import DocTypeClassifier, route_documents_kinds
from casefacts.classify.offense import OffenseClassifier
from casefacts.classify.taxonomy import load_taxonomy
from casefacts.gold import GOLD_SUFFIX, load_gold


def _per_label(y_true: Sequence[str], y_pred: Sequence[str]) -> dict[str, dict[str, float]]:
    labels = sorted(set(y_true))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    return {label: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                    "f1": round(float(f[i]), 4), "support": int(s[i])} for i, label in enumerate(labels)}


def _scores(y_true: Sequence[str], y_pred: Sequence[str], types_true: Sequence[str],
            types_pred: Sequence[str]) -> dict[str, float]:
    return {
        "offense_type_weighted_f1": round(float(f1_score(types_true, types_pred, average="weighted")), 4),
        "offense_type_accuracy": round(float(accuracy_score(types_true, types_pred)), 4),
        "category_macro_f1": round(float(f1_score(y_true, y_pred, average="macro",
                                                  labels=sorted(set(y_true)), zero_division=0)), 4),
        "category_accuracy": round(float(accuracy_score(y_true, y_pred)), 4),
    }


def offense_metrics(model: OffenseClassifier, test: Sequence[OffenseRow],
                    training: Sequence[OffenseRow] = ()) -> dict[str, Any]:
    """Top-level and category scores, abstention, overlap with training, throughput."""
    taxonomy = load_taxonomy()
    inputs = [row.input for row in test]
    predictions = model.predict_offense(inputs)
    y_true = [row.code for row in test]
    y_pred = [p.code for p in predictions]
    types_true = [taxonomy.offense_type_of(c) for c in y_true]
    types_pred = [p.offense_type for p in predictions]
    kept = np.asarray([not p.abstained for p in predictions])
    correct = np.asarray(y_true) == np.asarray(y_pred)
    type_correct = np.asarray(types_true) == np.asarray(types_pred)

    featurizer = model.pipeline_.named_steps["text"]
    seen = set(featurizer.transform([row.input for row in training]))
    fresh = np.asarray([text not in seen for text in featurizer.transform(inputs)])

    metrics: dict[str, Any] = {"n": len(test), **_scores(y_true, y_pred, types_true, types_pred)}
    metrics |= {
        "threshold": model.threshold,
        "abstention_rate": round(float(1 - kept.mean()), 4),
        "category_accuracy_when_not_abstaining": round(float(correct[kept].mean()), 4) if kept.any() else None,
        "offense_type_accuracy_when_not_abstaining": round(float(type_correct[kept].mean()), 4)
        if kept.any() else None,
        "test_rows_identical_to_a_training_row": int((~fresh).sum()),
    }
    if fresh.any():
        subset = {k: v for k, v in _scores(*(list(np.asarray(a)[fresh]) for a in
                                             (y_true, y_pred, types_true, types_pred))).items()}
        metrics["excluding_rows_identical_to_training"] = {"n": int(fresh.sum()), **subset}
    metrics["throughput_charges_per_second"] = offense_throughput(model, inputs)
    metrics["per_offense_type"] = _per_label(types_true, types_pred)
    metrics["per_category"] = _per_label(y_true, y_pred)
    return metrics


def offense_throughput(model: OffenseClassifier, inputs: Sequence[Any], repeat: int = 10) -> float:
    """Charges per second for one batch of ``repeat`` copies of ``inputs`` (end to end)."""
    batch = list(inputs) * repeat
    start = time.perf_counter()
    model.predict_offense(batch)
    return round(len(batch) / (time.perf_counter() - start), 1)


def fixture_documents(fixtures_dir: Path) -> list[tuple[Path, str, str]]:
    """``(document path, gold kind, fixture set)`` for every gold file expecting an ``ok`` ingest."""
    found = []
    for gold_path in sorted(fixtures_dir.rglob(f"*{GOLD_SUFFIX}")):
        gold = load_gold(gold_path)
        if gold.expect_status != "ok":
            continue
        document = gold_path.with_name(gold.file)
        found.append((document, gold.doc_kind, gold_path.relative_to(fixtures_dir).parts[0]))
    return found


def doctype_metrics(router: DocTypeClassifier, fixtures_dir: Path) -> dict[str, Any]:
    """Routing accuracy on the fixtures' gold document kinds, overall and per fixture set."""
    from casefacts.ingest import ingest_paths  # heavy (worker pools); only needed here

    found = fixture_documents(fixtures_dir)
    if not found:
        return {"n": 0}
    documents = ingest_paths([path for path, _, _ in found])
    routed = route_documents_kinds(documents, router)
    gold = [kind for _, kind, _ in found]
    predicted = [kind for kind, _ in routed]
    by_set: dict[str, list[bool]] = defaultdict(list)
    for (_, kind, fixture_set), guess in zip(found, predicted, strict=True):
        by_set[fixture_set].append(kind == guess)
    confusion = Counter(f"{g} -> {p}" for g, p in zip(gold, predicted, strict=True) if g != p)
    return {
        "n": len(found),
        "accuracy": round(float(accuracy_score(gold, predicted)), 4),
        "accuracy_by_fixture_set": {name: {"n": len(hits), "accuracy": round(sum(hits) / len(hits), 4)}
                                    for name, hits in sorted(by_set.items())},
        "misrouted_to_other": sum(1 for g, p in zip(gold, predicted, strict=True) if p == "other" != g),
        "errors": dict(sorted(confusion.items())),
        "per_kind": _per_label(gold, predicted),
    }
