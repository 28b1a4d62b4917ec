"""Fixture cases (``fixtures/cases``) as CaseFiles built from their gold labels, for the rules.

Gold facts are what a careful reader finds; building the CaseFile from them (through the real
assembler, so duplicates across documents merge as they do in the pipeline) tests the rules and
not the extractors. Evidence quotes are synthesized from the gold fact. Fact ids are replaced by
``<kind>#<n>`` in comparisons, so snapshots survive a regenerated fixture with new file hashes.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from casefacts.assemble import assemble_case
from casefacts.extract.statutes import StatuteGrammar
from casefacts.gold import GOLD_SUFFIX, GoldEvent, GoldOffense, GoldSubject, GoldTie, load_gold
from casefacts.schema import (
    About,
    CaseFile,
    CommunityTieFact,
    Document,
    EventFact,
    Evidence,
    Fact,
    Finding,
    Identifier,
    IngestStatus,
    OffenseFact,
    PartialDate,
    Sentence,
    Statute,
    SubjectFact,
    content_hash,
    fact_id_for,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = REPO_ROOT / "fixtures" / "cases"
_MEDIA = {".pdf": "application/pdf", ".txt": "text/plain"}


def fixture_case_dirs() -> list[Path]:
    if not CASES_DIR.is_dir():
        return []
    return sorted(p for p in CASES_DIR.iterdir() if p.is_dir() and any(p.glob(f"*{GOLD_SUFFIX}")))


@lru_cache(maxsize=1)
def _grammar() -> StatuteGrammar:
    config = yaml.safe_load((REPO_ROOT / "extractors" / "statute_codes.yaml").read_text(encoding="utf-8"))
    return StatuteGrammar.from_config(config)


def _statute(text: str | None) -> Statute | None:
    if not text:
        return None
    found = _grammar().find(text)
    return found[0].statute if found else Statute(text=text)


def _pd(iso: str | None) -> PartialDate | None:
    return PartialDate.from_iso(iso) if iso else None


def _fact(gold: Any, doc_id: str, index: int) -> Fact:
    kind = gold.kind
    quote = {
        "offense": lambda: gold.charge,
        "event": lambda: f"{gold.event_type} {gold.date or ''}".strip(),
        "community_tie": lambda: f"{gold.tie_kind} {json.dumps(gold.details, sort_keys=True)}",
        "subject": lambda: gold.name or "subject",
    }[kind]()
    evidence = [
        Evidence(
            doc_id=doc_id,
            page=1,
            start=index,
            end=index + len(quote),
            quote=quote,
            extractor="gold@1",
            confidence=1.0,
        )
    ]
    common: dict[str, Any] = {
        "fact_id": fact_id_for(kind, doc_id, 1, index, index + len(quote)),
        "confidence": 1.0,
        "evidence": evidence,
    }
    if isinstance(gold, GoldOffense):
        sentence = None
        if gold.custody_days is not None or gold.probation_days is not None or gold.fine is not None:
            sentence = Sentence(
                custody_days=gold.custody_days,
                probation_days=gold.probation_days,
                fine=gold.fine,
                text="gold",
            )
        return OffenseFact(
            **common,
            about=About(**gold.about.model_dump()),
            status=gold.status,
            charge=gold.charge,
            statute=_statute(gold.statute),
            level=gold.level or "unknown",
            disposition=gold.disposition,
            offense_date=_pd(gold.offense_date),
            arrest_date=_pd(gold.arrest_date),
            disposition_date=_pd(gold.disposition_date),
            sentence=sentence,
        )
    if isinstance(gold, GoldEvent):
        return EventFact(
            **common,
            about=About(**gold.about.model_dump()),
            status=gold.status,
            event_type=gold.event_type,
            date=_pd(gold.date),
        )
    if isinstance(gold, GoldTie):
        return CommunityTieFact(
            **common, status=gold.status, tie_kind=gold.tie_kind, details=gold.details, text=quote
        )
    assert isinstance(gold, GoldSubject)
    return SubjectFact(
        **common,
        name=gold.name,
        date_of_birth=_pd(gold.date_of_birth),
        identifiers=[Identifier(scheme=k, value=v) for k, v in gold.identifiers.items()],
    )


def gold_casefile(case_dir: Path) -> CaseFile:
    """The CaseFile of a fixture case as its gold labels describe it."""
    documents: list[Document] = []
    facts: list[Fact] = []
    for gold_path in sorted(case_dir.glob(f"*{GOLD_SUFFIX}")):
        gold = load_gold(gold_path)
        data = (case_dir / gold.file).read_bytes()
        doc_id = content_hash(data)
        status = gold.expect_status
        documents.append(
            Document(
                doc_id=doc_id,
                source=f"fixtures/cases/{case_dir.name}/{gold.file}",
                media_type=_MEDIA.get(Path(gold.file).suffix, "application/octet-stream"),
                doc_kind=gold.doc_kind,
                n_bytes=len(data),
                ingest_status=IngestStatus(status=status, reason=None if status == "ok" else "gold"),
            )
        )
        facts += [_fact(g, doc_id, i) for i, g in enumerate(gold.facts)]
    return assemble_case(case_dir.name, documents, facts, 0.5)


def fact_labels(case: CaseFile) -> dict[str, str]:
    """fact id -> ``<kind>#<n>``, numbered by kind in the case's fact order."""
    labels: dict[str, str] = {}
    counts: dict[str, int] = {}
    for fact in case.facts:
        if fact.fact_id not in labels:
            counts[fact.kind] = counts.get(fact.kind, 0) + 1
            labels[fact.fact_id] = f"{fact.kind}#{counts[fact.kind]}"
    return labels


def normalized(case: CaseFile, findings: list[Finding]) -> list[dict[str, Any]]:
    """Findings as JSON-able dicts with fact ids replaced by stable labels."""
    labels = fact_labels(case)
    out = []
    for f in findings:
        row = f.model_dump(mode="json")
        row["fact_ids"] = [labels.get(i, "unknown") for i in f.fact_ids]
        out.append(row)
    return out
