"""Confidence calibration: does a fact of confidence 0.8 come true 80% of the time?

Raw confidences are the extractors' own scores (cue, citation, dates found). Here they are
compared with gold labels: a predicted fact is *correct* when ``casefacts.evaluate``'s matching
pairs it with a gold fact (offenses on charge text and whose fact, events on type and whose,
ties on kind and relation, a subject fact when its name, date of birth or an identifier is a
gold item), *incorrect* otherwise. Only scored facts (affirmed, historical) take part.

One monotone map per extractor (isotonic regression, scikit-learn, each source folder weighing the
same in total) is fitted on the development splits and stored as data (``extractors/calibration.json``:
for each extractor the breakpoints ``x`` → ``y``, linear in between, clipped at the ends; ``"*"``
pools every extractor and serves extractors without a map of their own). The extraction engine applies it to each fact's
confidence after merging; evidence confidences stay the extractor's raw score, so a reviewer sees
both the calibrated belief in the fact and what each extractor said.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.isotonic import IsotonicRegression

from casefacts.evaluate import (
    CHARGE_THRESHOLD,
    SCORED_STATUSES,
    _iso,
    _offense_charge_sim,
    _subject_items_gold,
    _subject_items_pred,
    extract_gold_folder,
    greedy_match,
)
from casefacts.gold import GoldDocument, GoldEvent, GoldOffense, GoldSubject, GoldTie
from casefacts.schema import CommunityTieFact, EventFact, Fact, OffenseFact, SubjectFact

CALIBRATION_FILE = "calibration.json"
POOLED = "*"
MIN_SAMPLES = 20  # fewer labelled facts than this: the extractor uses the pooled map
BIN_EDGES = tuple(round(0.1 * i, 1) for i in range(11))


@dataclass(frozen=True)
class Labelled:
    """One predicted fact's extractor, raw confidence and whether gold confirms it."""

    extractor: str
    confidence: float
    correct: bool
    source: str = ""  # the labelled folder it comes from


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    mean_confidence: float
    precision: float


def extractor_of(fact: Fact) -> str:
    """The name (without version) of the extractor of a fact's first evidence."""
    return fact.evidence[0].extractor.split("@", 1)[0]


# ------------------------------------------------------------------ labelling


def _event_sim(g: GoldEvent, p: EventFact) -> float:
    if g.event_type != p.event_type or g.about.who != p.about.who:
        return 0.0
    return 1.0 if g.date == _iso(p.date) else 0.5


def _tie_sim(g: GoldTie, p: CommunityTieFact) -> float:
    if g.tie_kind != p.tie_kind:
        return 0.0
    if g.tie_kind == "family" and g.details.get("relation") != p.details.get("relation"):
        return 0.0
    return 1.0


def _offense_sim(g: GoldOffense, p: OffenseFact) -> float:
    return _offense_charge_sim(g, p) if g.about.who == p.about.who else 0.0


def label_facts(gold: GoldDocument, facts: Sequence[Fact]) -> list[tuple[Fact, bool]]:
    """Each scored predicted fact of one document with whether it matches a gold fact."""
    scored = [f for f in facts if f.status in SCORED_STATUSES]
    gold_facts = [f for f in gold.facts if getattr(f, "status", "affirmed") in SCORED_STATUSES]
    out: list[tuple[Fact, bool]] = []
    for gold_kind, kind, sim, threshold in ((GoldOffense, OffenseFact, _offense_sim, CHARGE_THRESHOLD),
                                            (GoldEvent, EventFact, _event_sim, 0.5),
                                            (GoldTie, CommunityTieFact, _tie_sim, 0.5)):
        g = [f for f in gold_facts if isinstance(f, gold_kind)]
        p = [f for f in scored if isinstance(f, kind)]
        matched = {pi for _, pi in greedy_match(g, p, sim, threshold)}
        out += [(fact, i in matched) for i, fact in enumerate(p)]
    gold_items = _subject_items_gold(f for f in gold_facts if isinstance(f, GoldSubject))
    for fact in (f for f in scored if isinstance(f, SubjectFact)):
        out.append((fact, bool(set(_subject_items_pred([fact])) & set(gold_items))))
    return out


def collect(roots: Iterable[Path], nlp: Any = None) -> list[Labelled]:
    """Raw (uncalibrated) confidences and correctness of every scored fact under ``roots``."""
    labelled: list[Labelled] = []
    for root in roots:
        for _, gold, _, facts in extract_gold_folder(Path(root), nlp, calibrated=False):
            for fact, correct in label_facts(gold, facts):
                labelled.append(Labelled(extractor_of(fact), fact.confidence, correct, str(root)))
    return labelled


# ---------------------------------------------------------------- reliability


def reliability_table(items: Sequence[Labelled], edges: Sequence[float] = BIN_EDGES) -> list[Bin]:
    """Confidence bins (the last one closed) with count, mean confidence and observed precision."""
    bins = []
    for i, (low, high) in enumerate(zip(edges, edges[1:], strict=False)):
        last = i == len(edges) - 2
        inside = [x for x in items if low <= x.confidence < high or (last and x.confidence == high)]
        if inside:
            bins.append(Bin(low, high, len(inside), float(np.mean([x.confidence for x in inside])),
                            float(np.mean([x.correct for x in inside]))))
    return bins


def expected_calibration_error(items: Sequence[Labelled]) -> float:
    """Count-weighted mean gap between confidence and precision over the bins."""
    total = len(items)
    return sum(b.count * abs(b.mean_confidence - b.precision) for b in reliability_table(items)) / total \
        if total else 0.0


# -------------------------------------------------------------------- the map


@dataclass(frozen=True)
class Calibration:
    """Per-extractor monotone maps from raw to calibrated confidence."""

    maps: dict[str, tuple[tuple[float, ...], tuple[float, ...]]]

    def confidence(self, extractor: str, raw: float) -> float:
        points = self.maps.get(extractor) or self.maps.get(POOLED)
        if points is None:
            return raw
        return round(float(np.interp(raw, points[0], points[1])), 3)

    def apply(self, fact: Fact) -> Fact:
        """``fact`` with its confidence calibrated (evidence confidences stay raw)."""
        return fact.model_copy(update={"confidence": self.confidence(extractor_of(fact), fact.confidence)})

    def relabel(self, items: Sequence[Labelled]) -> list[Labelled]:
        return [Labelled(x.extractor, self.confidence(x.extractor, x.confidence), x.correct, x.source)
                for x in items]

    def to_json(self) -> dict[str, Any]:
        return {"method": "isotonic", "maps": {k: {"x": list(x), "y": list(y)} for k, (x, y) in self.maps.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Calibration:
        return cls({k: (tuple(v["x"]), tuple(v["y"])) for k, v in data["maps"].items()})


def _weights(items: Sequence[Labelled]) -> list[float]:
    """Each source folder weighs the same in total, so that a large synthetic set does not drown the
    real texts the map is meant for."""
    sizes = {source: sum(1 for x in items if x.source == source) for source in {x.source for x in items}}
    return [len(items) / (len(sizes) * sizes[x.source]) for x in items]


def _isotonic(items: Sequence[Labelled]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    model = IsotonicRegression(y_min=0.01, y_max=0.99, increasing=True, out_of_bounds="clip")
    model.fit([x.confidence for x in items], [float(x.correct) for x in items], sample_weight=_weights(items))
    return (tuple(round(float(v), 4) for v in model.X_thresholds_),
            tuple(round(float(v), 4) for v in model.y_thresholds_))


def fit(items: Sequence[Labelled], min_samples: int = MIN_SAMPLES) -> Calibration:
    """Isotonic maps per extractor with at least ``min_samples`` labelled facts, plus the pooled map."""
    if not items:
        return Calibration({})
    maps = {POOLED: _isotonic(items)}
    for extractor in sorted({x.extractor for x in items}):
        own = [x for x in items if x.extractor == extractor]
        if len(own) >= min_samples and len({x.correct for x in own}) == 2:
            maps[extractor] = _isotonic(own)
    return Calibration(maps)


def save(calibration: Calibration, path: Path) -> None:
    path.write_text(json.dumps(calibration.to_json(), indent=1, sort_keys=True) + "\n", encoding="utf-8")


def load(directory: Path) -> Calibration | None:
    """The calibration stored in an extractors folder, or None when there is none."""
    path = Path(directory) / CALIBRATION_FILE
    if not path.is_file():
        return None
    return Calibration.from_json(json.loads(path.read_text(encoding="utf-8")))
