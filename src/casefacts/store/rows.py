"""Row-level helpers shared by saving, reviewing and reading a case."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from casefacts.schema import CaseFile, Document, Finding, PartialDate, Subject, TimelineEntry
from casefacts.store import derive
from casefacts.store.errors import NotFound
from casefacts.store.models import CaseDocumentRow, CaseRow, DocumentRow, FactRow, FindingRow


def json_safe(value: Any) -> Any:
    """Replace NUL characters (PostgreSQL JSON cannot hold them) one for one, keeping offsets."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_safe(item) for item in value]
    return value


def dump(model: Any) -> Any:
    """A pydantic model as the JSON the store keeps (None stays None)."""
    return json_safe(model.model_dump(mode="json")) if model is not None else None


def case_row(session: Session, case_id: str, lock: bool = False) -> CaseRow:
    """The case's row; ``lock`` takes a row lock (PostgreSQL) for a read-then-write transaction."""
    row = session.get(CaseRow, case_id, with_for_update=lock)
    if row is None:
        raise NotFound(f"no case {case_id!r}")
    return row


def current_fact_rows(session: Session, case_id: str) -> list[FactRow]:
    return list(
        session.scalars(
            select(FactRow)
            .where(FactRow.case_id == case_id, FactRow.is_current.is_(True), FactRow.retired.is_(False))
            .order_by(FactRow.position)
        )
    )


def load_case(session: Session, row: CaseRow, threshold: float) -> CaseFile:
    """The CaseFile of a case row: its documents, current facts and findings."""
    documents = session.scalars(
        select(DocumentRow)
        .join(CaseDocumentRow, CaseDocumentRow.doc_id == DocumentRow.doc_id)
        .where(CaseDocumentRow.case_id == row.case_id)
        .order_by(CaseDocumentRow.position)
    ).all()
    facts = [
        derive.fact_from_content(fact.data, fact.version, fact.review_state)
        for fact in current_fact_rows(session, row.case_id)
    ]
    return CaseFile(
        schema_version=row.schema_version,
        case_id=row.case_id,
        subject=Subject.model_validate(row.subject) if row.subject is not None else None,
        documents=[Document.model_validate(doc.data) for doc in documents],
        facts=facts,
        timeline=[TimelineEntry.model_validate(entry) for entry in row.timeline],
        findings=[Finding.model_validate(data) for data in stored_findings(session, row.case_id)],
        review=derive.review_summary(facts, threshold),
        as_of=PartialDate.model_validate(row.as_of) if row.as_of is not None else None,
    )


def stored_findings(session: Session, case_id: str) -> list[dict[str, Any]]:
    rows = session.scalars(select(FindingRow).where(FindingRow.case_id == case_id).order_by(FindingRow.position))
    return [row.data for row in rows]


def replace_findings(session: Session, case_id: str, findings: list[Finding]) -> bool:
    """Store ``findings`` as the case's findings; False (and no write) when they are the same."""
    if stored_findings(session, case_id) == [dump(finding) for finding in findings]:
        return False
    session.execute(delete(FindingRow).where(FindingRow.case_id == case_id))
    for position, finding in enumerate(findings):
        session.add(
            FindingRow(
                case_id=case_id,
                position=position,
                ruleset_id=finding.ruleset_id,
                rule_id=finding.rule_id,
                outcome=finding.outcome,
                data=dump(finding),
            )
        )
    session.flush()
    return True


def update_derived(row: CaseRow, case: CaseFile, threshold: float) -> bool:
    """Store the queue keys and review counts of ``case``; True when one changed."""
    review = derive.review_summary(case.facts, threshold)
    values = {
        "review_state": review.state,
        "facts_total": review.facts_total,
        "facts_reviewed": review.facts_reviewed,
        "urgency": derive.urgency(case.findings),
        "uncertainty": derive.uncertainty(case.facts),
    }
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed
