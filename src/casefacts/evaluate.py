"""Score extraction against gold labels (``casefacts eval``): P/R/F1 per fact kind.

Scoring is per document, on extraction output before cross-document assembly, so that a
fact found in two documents is checked in each. Conventions (shared with ``fixtures/README.md``):

* Only predicted facts with status ``affirmed`` or ``historical`` are scored; gold lists no
  negated or hypothetical facts, so a negated statement extracted as affirmed is a false positive.
* Offenses match on the charge text (normalized; equal, contained, or token Jaccard >= 0.6) and
  on whose fact it is (``about.who``). Disposition, statute and sentence are scored as accuracies
  over matched pairs; attribution accuracy over pairs matched on charge text alone.
* Events match on type and whose; ties on kind (and relation, for family); subject facts are
  scored as a set of items (name, date of birth, each identifier).
* Dates are a multiset of ``(role, iso)`` items per document, roles being the offense date
  fields, ``event:<type>`` and ``dob``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casefacts.gold import GOLD_SUFFIX, GoldDocument, GoldEvent, GoldOffense, GoldSubject, GoldTie, load_gold
from casefacts.schema import (
    CommunityTieFact,
    Document,
    EventFact,
    Fact,
    OffenseFact,
    PartialDate,
    SubjectFact,
)
from casefacts.textnorm import charge_similarity, normalize_text

SCORED_STATUSES = {"affirmed", "historical"}
KINDS = ("offense", "event", "community_tie", "subject", "date")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    def merge(self, other: Accuracy) -> None:
        self.right, self.total = self.right + other.right, self.total + other.total

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        value = self.value
        return {"right": self.right, "total": self.total,
                "accuracy": None if value is None else round(value, 4)}


ACCURACIES = ("disposition", "attribution", "statute", "sentence", "tie_details", "ingest_status")


@dataclass
class DocScore:
    """The score of one document, with its mismatches for error analysis."""

    file: str
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    accuracies: dict[str, Accuracy] = field(default_factory=lambda: {k: Accuracy() for k in ACCURACIES})
    errors: list[str] = field(default_factory=list)


@dataclass
class EvalReport:
    documents: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    accuracies: dict[str, Accuracy] = field(default_factory=lambda: {k: Accuracy() for k in ACCURACIES})
    errors: list[str] = field(default_factory=list)

    def add(self, score: DocScore) -> None:
        self.documents += 1
        for kind, counts in score.counts.items():
            self.counts[kind].add(counts)
        for name, acc in score.accuracies.items():
            self.accuracies[name].merge(acc)
        self.errors.extend(f"{score.file}: {e}" for e in score.errors)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "kinds": {k: c.as_dict() for k, c in self.counts.items()},
            "accuracy": {k: a.as_dict() for k, a in self.accuracies.items()},
            "errors": self.errors,
        }


# ------------------------------------------------------------------------ matching


def greedy_match(gold: Sequence[Any], pred: Sequence[Any],
                 similarity: Callable[[Any, Any], float], threshold: float) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index), best similarity first, each item used once."""
    scored = sorted(
        ((similarity(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for sim, gi, pi in scored:
        if sim < threshold or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


CHARGE_THRESHOLD = 0.6


def _tally(counts: Counts, gold: Sequence[Any], pred: Sequence[Any],
           pairs: list[tuple[int, int]]) -> tuple[list[Any], list[Any]]:
    """Add matched pairs to ``counts``; return the unmatched gold and predicted items."""
    counts.tp += len(pairs)
    counts.fp += len(pred) - len(pairs)
    counts.fn += len(gold) - len(pairs)
    matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
    return ([g for i, g in enumerate(gold) if i not in matched_g],
            [p for i, p in enumerate(pred) if i not in matched_p])


def _iso(value: PartialDate | None) -> str | None:
    return value.iso if value is not None else None


def _offense_charge_sim(g: GoldOffense, p: OffenseFact) -> float:
    return max(charge_similarity(g.charge, p.charge),
               charge_similarity(g.charge, p.charge_normalized or ""))


def _score_offenses(gold: list[GoldOffense], pred: list[OffenseFact], score: DocScore) -> None:
    counts, acc = score.counts["offense"], score.accuracies
    # Attribution is judged on pairs found by charge text alone.
    for gi, pi in greedy_match(gold, pred, _offense_charge_sim, CHARGE_THRESHOLD):
        acc["attribution"].add(gold[gi].about.who == pred[pi].about.who)

    def sim(g: GoldOffense, p: OffenseFact) -> float:
        return _offense_charge_sim(g, p) if g.about.who == p.about.who else 0.0

    pairs = greedy_match(gold, pred, sim, CHARGE_THRESHOLD)
    missed, spurious = _tally(counts, gold, pred, pairs)
    score.errors += [f"missed offense {g.charge!r} ({g.about.who})" for g in missed]
    score.errors += [f"spurious offense {p.charge!r} ({p.about.who}, {p.disposition})" for p in spurious]
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        acc["disposition"].add(g.disposition == p.disposition)
        if g.disposition != p.disposition:
            score.errors.append(f"disposition of {g.charge!r}: gold {g.disposition}, got {p.disposition}")
        if g.statute:
            got = p.statute.text if p.statute else ""
            same = normalize_text(g.statute) == normalize_text(got)
            acc["statute"].add(same)
            if not same:
                score.errors.append(f"statute of {g.charge!r}: gold {g.statute!r}, got {got!r}")
        for name in ("custody_days", "probation_days", "fine"):
            expected = getattr(g, name)
            if expected is not None:
                got = getattr(p.sentence, name) if p.sentence else None
                acc["sentence"].add(got is not None and float(got) == float(expected))
                if got is None or float(got) != float(expected):
                    score.errors.append(f"{name} of {g.charge!r}: gold {expected}, got {got}")


def _score_events(gold: list[GoldEvent], pred: list[EventFact], score: DocScore) -> None:
    def sim(g: GoldEvent, p: EventFact) -> float:
        if g.event_type != p.event_type or g.about.who != p.about.who:
            return 0.0
        return 1.0 if g.date == _iso(p.date) else 0.5

    missed, spurious = _tally(score.counts["event"], gold, pred, greedy_match(gold, pred, sim, 0.5))
    score.errors += [f"missed event {g.event_type} {g.date}" for g in missed]
    score.errors += [f"spurious event {p.event_type} {_iso(p.date)} {p.evidence[0].quote!r}"
                     for p in spurious]


def _score_ties(gold: list[GoldTie], pred: list[CommunityTieFact], score: DocScore) -> None:
    def sim(g: GoldTie, p: CommunityTieFact) -> float:
        if g.tie_kind != p.tie_kind:
            return 0.0
        if g.tie_kind == "family" and g.details.get("relation") != p.details.get("relation"):
            return 0.0
        shared = [k for k in g.details if p.details.get(k) == g.details[k]]
        return 0.5 + 0.5 * (len(shared) / len(g.details) if g.details else 1.0)

    pairs = greedy_match(gold, pred, sim, 0.5)
    missed, spurious = _tally(score.counts["community_tie"], gold, pred, pairs)
    score.errors += [f"missed tie {g.tie_kind} {g.details}" for g in missed]
    score.errors += [f"spurious tie {p.tie_kind} {p.details} {p.text!r}" for p in spurious]
    for gi, pi in pairs:
        for key, expected in gold[gi].details.items():
            got = pred[pi].details.get(key)
            score.accuracies["tie_details"].add(got == expected)
            if got != expected:
                score.errors.append(f"tie {gold[gi].tie_kind} detail {key}: gold {expected!r}, got {got!r}")


def _subject_items_gold(subjects: Iterable[GoldSubject]) -> Counter[tuple[str, str]]:
    items: Counter[tuple[str, str]] = Counter()
    for s in subjects:
        if s.name:
            items[("name", normalize_text(s.name))] += 1
        if s.date_of_birth:
            items[("dob", s.date_of_birth)] += 1
        for scheme, value in s.identifiers.items():
            items[(f"id:{scheme}", normalize_text(value))] += 1
    return items


def _subject_items_pred(subjects: Iterable[SubjectFact]) -> Counter[tuple[str, str]]:
    items: set[tuple[str, str]] = set()  # several mentions of one name are one item
    for s in subjects:
        if s.name:
            items.add(("name", normalize_text(s.name)))
        if s.date_of_birth:
            items.add(("dob", s.date_of_birth.iso))
        for ident in s.identifiers:
            items.add((f"id:{ident.scheme}", normalize_text(ident.value)))
    return Counter(items)


def _score_multiset(gold: Counter, pred: Counter, counts: Counts, label: str, errors: list[str]) -> None:
    tp = sum((gold & pred).values())
    counts.tp += tp
    counts.fp += sum(pred.values()) - tp
    counts.fn += sum(gold.values()) - tp
    errors += [f"missed {label} {item}" for item in (gold - pred).elements()]
    errors += [f"spurious {label} {item}" for item in (pred - gold).elements()]


def _date_items_gold(facts: Iterable[Any]) -> Counter[tuple[str, str]]:
    items: Counter[tuple[str, str]] = Counter()
    for f in facts:
        if isinstance(f, GoldOffense):
            for role in ("offense_date", "arrest_date", "disposition_date"):
                if getattr(f, role):
                    items[(role, getattr(f, role))] += 1
        elif isinstance(f, GoldEvent) and f.date:
            items[(f"event:{f.event_type}", f.date)] += 1
        elif isinstance(f, GoldSubject) and f.date_of_birth:
            items[("dob", f.date_of_birth)] += 1
    return items


def _date_items_pred(facts: Iterable[Fact]) -> Counter[tuple[str, str]]:
    items: Counter[tuple[str, str]] = Counter()
    dobs: set[str] = set()
    for f in facts:
        if isinstance(f, OffenseFact):
            for role in ("offense_date", "arrest_date", "disposition_date"):
                if getattr(f, role):
                    items[(role, getattr(f, role).iso)] += 1
        elif isinstance(f, EventFact) and f.date:
            items[(f"event:{f.event_type}", f.date.iso)] += 1
        elif isinstance(f, SubjectFact) and f.date_of_birth:
            dobs.add(f.date_of_birth.iso)
    items.update(("dob", d) for d in dobs)
    return items


def score_document(gold: GoldDocument, document: Document | None, facts: Sequence[Fact]) -> DocScore:
    """Compare one document's extracted facts with its gold labels."""
    score = DocScore(file=gold.file)
    status = document.ingest_status.status if document else "missing"
    score.accuracies["ingest_status"].add(status == gold.expect_status)
    if status != gold.expect_status:
        score.errors.append(f"ingest status: gold {gold.expect_status}, got {status}")
    scored = [f for f in facts if f.status in SCORED_STATUSES]
    gold_scored = [f for f in gold.facts if getattr(f, "status", "affirmed") in SCORED_STATUSES]

    def of(kind: type, items: Iterable[Any]) -> list[Any]:
        return [f for f in items if isinstance(f, kind)]

    _score_offenses(of(GoldOffense, gold_scored), of(OffenseFact, scored), score)
    _score_events(of(GoldEvent, gold_scored), of(EventFact, scored), score)
    _score_ties(of(GoldTie, gold_scored), of(CommunityTieFact, scored), score)
    _score_multiset(_subject_items_gold(of(GoldSubject, gold_scored)),
                    _subject_items_pred(of(SubjectFact, scored)), score.counts["subject"],
                    "subject item", score.errors)
    _score_multiset(_date_items_gold(gold_scored), _date_items_pred(scored), score.counts["date"],
                    "date", score.errors)
    return score


# ----------------------------------------------------------------------- running


def find_gold_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob(f"*{GOLD_SUFFIX}") if p.is_file())


def extract_gold_folder(root: Path, nlp: Any = None,
                        calibrated: bool = True) -> list[tuple[Path, GoldDocument, Document, list[Fact]]]:
    """Ingest and extract every gold-labelled document under ``root``: (gold path, gold, document, facts)."""
    from casefacts.extract import extract_documents, facts_by_document, unique_documents
    from casefacts.ingest import ingest_paths

    golds = [(path, load_gold(path)) for path in find_gold_files(root)]
    documents = ingest_paths([path.with_name(gold.file) for path, gold in golds])
    # A file copied into two cases is extracted once.
    by_doc = facts_by_document(extract_documents(unique_documents(documents), nlp=nlp, calibrated=calibrated))
    return [(path, gold, document, by_doc.get(document.doc_id, []))
            for (path, gold), document in zip(golds, documents, strict=True)]


def evaluate(root: Path, nlp: Any = None) -> EvalReport:
    """Ingest and extract every gold-labelled document under ``root`` and score the result."""
    report = EvalReport()
    for path, gold, document, facts in extract_gold_folder(root, nlp):
        score = score_document(gold, document, facts)
        score.file = str(path.with_name(gold.file).relative_to(root))
        report.add(score)
    return report
