"""Small builders of schema objects for tests (no model loading, no I/O)."""

from __future__ import annotations

from typing import Any

from casefacts.schema import (
    CommunityTieFact,
    Document,
    EventFact,
    Evidence,
    IngestStatus,
    OffenseFact,
    PartialDate,
    SubjectFact,
    content_hash,
)


def document(text: str = "text", name: str = "doc") -> Document:
    data = f"{name}:{text}".encode()
    return Document(doc_id=content_hash(data), source=f"file:///{name}.txt", media_type="text/plain",
                    n_bytes=len(data), ingest_status=IngestStatus(status="ok"),
                    pages=[{"number": 1, "text": text}])


def evidence(doc_id: str = "0" * 64, quote: str = "q", start: int = 0) -> Evidence:
    return Evidence(doc_id=doc_id, page=1, start=start, end=start + len(quote), quote=quote,
                    extractor="test@0", confidence=0.9)


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.from_iso(value) if value else None


def offense(charge: str, disposition: str = "convicted", fact_id: str | None = None, doc_id: str = "0" * 64,
            who: str = "subject", **fields: Any) -> OffenseFact:
    for name in ("offense_date", "arrest_date", "disposition_date"):
        if isinstance(fields.get(name), str):
            fields[name] = _date(fields[name])
    confidence = fields.pop("confidence", 0.9)
    return OffenseFact(fact_id=fact_id or f"off-{charge}-{doc_id[:4]}", confidence=confidence,
                       evidence=[evidence(doc_id, charge)], charge=charge, disposition=disposition,
                       about={"who": who}, **fields)


def event(event_type: str, when: str | None = None, who: str = "subject", doc_id: str = "0" * 64,
          status: str = "affirmed") -> EventFact:
    return EventFact(fact_id=f"evt-{event_type}-{when}-{doc_id[:4]}", confidence=0.9, status=status,
                     evidence=[evidence(doc_id, event_type)], event_type=event_type, date=_date(when),
                     about={"who": who})


def tie(tie_kind: str, doc_id: str = "0" * 64, **details: Any) -> CommunityTieFact:
    return CommunityTieFact(fact_id=f"tie-{tie_kind}-{sorted(details.items())}-{doc_id[:4]}", confidence=0.9,
                            evidence=[evidence(doc_id, tie_kind)], tie_kind=tie_kind, details=details,
                            text=tie_kind)


def subject(name: str | None = None, dob: str | None = None, doc_id: str = "0" * 64,
            **identifiers: str) -> SubjectFact:
    return SubjectFact(fact_id=f"sub-{name}-{doc_id[:4]}", confidence=0.9, evidence=[evidence(doc_id, "s")],
                       name=name, date_of_birth=_date(dob),
                       identifiers=[{"scheme": k, "value": v} for k, v in identifiers.items()])
