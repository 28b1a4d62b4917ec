"""Hand-built CaseFiles for rule tests: facts with evidence, documents of given kinds."""

from __future__ import annotations

import hashlib
from itertools import count
from typing import Any

from casefacts.schema import (
    About,
    CaseFile,
    CommunityTieFact,
    Document,
    EventFact,
    Evidence,
    IngestStatus,
    OffenseCategory,
    OffenseFact,
    Page,
    PartialDate,
    Sentence,
    Statute,
    SubjectFact,
)

_ids = count(1)


def doc_id(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def evidence(quote: str, doc: str = "rap_sheet") -> list[Evidence]:
    return [
        Evidence(
            doc_id=doc_id(doc),
            page=1,
            start=0,
            end=len(quote),
            quote=quote,
            extractor="test@1",
            confidence=0.9,
        )
    ]


def pd(iso: str | None) -> PartialDate | None:
    return PartialDate.from_iso(iso) if iso else None


def _fid(prefix: str, fact_id: str | None) -> str:
    return fact_id or f"{prefix}-{next(_ids):04d}"


def offense(
    charge: str,
    disposition: str = "convicted",
    *,
    level: str = "unknown",
    date: str | None = None,
    arrest: str | None = None,
    disposed: str | None = None,
    custody_days: int | None = None,
    suspended_days: int | None = None,
    statute: Statute | None = None,
    category: str | None = None,
    fact_id: str | None = None,
    about: str = "subject",
    status: str = "affirmed",
    review_state: str = "unreviewed",
    version: int = 1,
    flags: list[str] | None = None,
) -> OffenseFact:
    sentence = None
    if custody_days is not None:
        sentence = Sentence(
            custody_days=custody_days,
            suspended_days=suspended_days,
            suspended=bool(suspended_days),
            text=f"{custody_days} days",
        )
    return OffenseFact(
        fact_id=_fid("off", fact_id),
        charge=charge,
        disposition=disposition,
        level=level,
        offense_date=pd(date),
        arrest_date=pd(arrest),
        disposition_date=pd(disposed),
        sentence=sentence,
        statute=statute,
        category=OffenseCategory(code=category, probability=0.9) if category else None,
        about=About(who=about, relation=None if about == "subject" else "brother"),
        status=status,
        review_state=review_state,
        version=version,
        confidence=0.9,
        evidence=evidence(charge),
        flags=flags or [],
    )


def usc(title: int, section: str) -> Statute:
    return Statute(
        jurisdiction="US", code=f"{title} U.S.C.", section=section, text=f"{title} U.S.C. {section}"
    )


def state(code: str, section: str, jurisdiction: str = "CA") -> Statute:
    return Statute(jurisdiction=jurisdiction, code=code, section=section, text=f"{code} {section}")


def event(
    event_type: str,
    date: str | None,
    place: str | None = None,
    *,
    quote: str | None = None,
    fact_id: str | None = None,
    about: str = "subject",
    status: str = "affirmed",
) -> EventFact:
    return EventFact(
        fact_id=_fid("evt", fact_id),
        event_type=event_type,
        date=pd(date),
        place=place,
        about=About(who=about),
        status=status,
        confidence=0.9,
        evidence=evidence(quote or f"{event_type} {date}", "arrest_narrative"),
    )


def tie(
    tie_kind: str,
    text: str = "tie",
    *,
    fact_id: str | None = None,
    fact_status: str = "affirmed",
    **details: Any,
) -> CommunityTieFact:
    return CommunityTieFact(
        fact_id=_fid("tie", fact_id),
        tie_kind=tie_kind,
        details=details,
        text=text,
        status=fact_status,
        confidence=0.9,
        evidence=evidence(text, "support_letter"),
    )


def subject(dob: str | None, name: str = "A. Person", fact_id: str | None = None) -> SubjectFact:
    return SubjectFact(
        fact_id=_fid("sub", fact_id),
        name=name,
        date_of_birth=pd(dob),
        confidence=0.9,
        evidence=evidence(name),
    )


def document(kind: str, status: str = "ok", name: str | None = None) -> Document:
    name = name or kind
    return Document(
        doc_id=doc_id(name),
        source=f"file:///{name}.txt",
        media_type="text/plain",
        doc_kind=kind,
        n_bytes=10,
        pages=[Page(number=1, text="x")],
        ingest_status=IngestStatus(status=status, reason=None if status == "ok" else "broken"),
    )


ALL_KINDS = ("rap_sheet", "court_disposition", "arrest_narrative", "support_letter")


def case(
    *facts: Any,
    kinds: tuple[str, ...] = ALL_KINDS,
    case_id: str = "case-test",
    review_state: str = "unreviewed",
) -> CaseFile:
    built = CaseFile(case_id=case_id, documents=[document(k) for k in kinds], facts=list(facts))
    return built.model_copy(update={"review": built.review.model_copy(update={"state": review_state})})
