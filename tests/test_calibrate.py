"""Confidence calibration: labelling against gold, reliability bins, isotonic maps, storage."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from casefacts.calibrate import (
    POOLED,
    Calibration,
    Labelled,
    expected_calibration_error,
    fit,
    label_facts,
    load,
    reliability_table,
    save,
)
from casefacts.gold import GoldDocument, GoldOffense
from casefacts.schema import Evidence, OffenseFact


def _overconfident(n: int = 2000, seed: int = 7) -> list[Labelled]:
    """Synthetic facts whose true precision is confidence squared: raw scores are too high."""
    rng = random.Random(seed)
    items = []
    for _ in range(n):
        c = rng.random()
        items.append(Labelled("offenses", round(c, 3), rng.random() < c * c))
    return items


def test_reliability_bins_count_and_precision() -> None:
    items = [Labelled("x", 0.05, False), Labelled("x", 0.95, True), Labelled("x", 0.95, False),
             Labelled("x", 1.0, True)]
    bins = reliability_table(items)
    assert [(b.low, b.count) for b in bins] == [(0.0, 1), (0.9, 3)]
    assert bins[1].precision == pytest.approx(2 / 3)
    assert bins[1].mean_confidence == pytest.approx((0.95 + 0.95 + 1.0) / 3)


def test_isotonic_fit_reduces_calibration_error() -> None:
    items = _overconfident()
    calibration = fit(items)
    after = calibration.relabel(items)
    assert expected_calibration_error(after) < expected_calibration_error(items) / 2
    assert calibration.confidence("offenses", 0.5) == pytest.approx(0.25, abs=0.08)
    values = [calibration.confidence("offenses", x / 20) for x in range(21)]
    assert values == sorted(values)  # monotone


def test_small_extractors_use_the_pooled_map() -> None:
    items = _overconfident() + [Labelled("ties", 0.9, True)] * 3
    calibration = fit(items)
    assert "ties" not in calibration.maps and POOLED in calibration.maps
    assert calibration.confidence("ties", 0.5) == calibration.confidence(POOLED, 0.5)


def test_round_trip_and_missing_file(tmp_path: Path) -> None:
    assert load(tmp_path) is None
    calibration = fit(_overconfident(300))
    save(calibration, tmp_path / "calibration.json")
    assert load(tmp_path) == calibration


def _offense(charge: str, confidence: float) -> OffenseFact:
    evidence = Evidence(doc_id="d", page=1, start=0, end=len(charge), quote=charge, extractor="offenses@1.0",
                        confidence=confidence)
    return OffenseFact(fact_id=f"offense:{charge}", charge=charge, disposition="convicted", confidence=confidence,
                       evidence=[evidence])


def test_label_facts_uses_evaluation_matching() -> None:
    gold = GoldDocument(file="a.txt", doc_kind="arrest_narrative",
                        facts=[GoldOffense(charge="burglary", disposition="convicted")])
    labelled = label_facts(gold, [_offense("burglary", 0.9), _offense("petty theft", 0.7)])
    assert [(f.charge, ok) for f, ok in labelled] == [("burglary", True), ("petty theft", False)]


def test_apply_keeps_evidence_confidence_raw() -> None:
    calibration = Calibration({POOLED: ((0.0, 1.0), (0.0, 0.5))})
    fact = calibration.apply(_offense("burglary", 0.8))
    assert fact.confidence == pytest.approx(0.4)
    assert fact.evidence[0].confidence == 0.8


def test_each_source_weighs_the_same() -> None:
    """A small source whose facts are wrong pulls the map as hard as a large one whose facts are right."""
    items = [Labelled("offenses", 0.8, True, "synthetic")] * 900 + [Labelled("offenses", 0.8, False, "real")] * 100
    assert fit(items).confidence("offenses", 0.8) == pytest.approx(0.5)


def test_cli_refits_from_a_labelled_folder(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from casefacts.cli import app

    folder = tmp_path / "dev"
    folder.mkdir()
    texts = {"a.txt": ("Jose Perez, 41, was convicted of burglary in 2015.", "burglary"),
             "b.txt": ("Ana Ruiz, 30, pleaded guilty to petty theft in 2019.", "robbery")}  # gold disagrees
    for name, (text, charge) in texts.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
        gold = GoldDocument(file=name, doc_kind="arrest_narrative", facts=[GoldOffense(charge=charge)])
        (folder / f"{name}.gold.json").write_text(gold.model_dump_json(), encoding="utf-8")
    out = tmp_path / "calibration.json"
    result = CliRunner().invoke(app, ["calibrate", "--split", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "raw confidence" in result.output and "calibrated" in result.output
    calibration = load(tmp_path)
    assert calibration is not None and POOLED in calibration.maps
