"""Saving a CaseFile: an idempotent merge of documents, facts and findings into the store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from casefacts.schema import CaseFile, Document, Fact
from casefacts.store import derive
from casefacts.store.errors import InvalidCase
from casefacts.store.models import AuditRow, CaseDocumentRow, CaseRow, DocumentRow, FactRow, utcnow
from casefacts.store.rows import dump, json_safe, replace_findings, update_derived
from casefacts.store.views import Recompute

Note = Callable[[str, str], None]


def save_case(
    session: Session, case: CaseFile, user: str, *, recompute: Recompute, threshold: float, postgres: bool
) -> None:
    """Merge ``case`` into the store; write nothing at all when nothing changed.

    The audit log gets one ``create_case``/``update_case`` row listing what changed.
    """
    fact_ids = [fact.fact_id for fact in case.facts]
    if len(set(fact_ids)) != len(fact_ids):
        raise InvalidCase(f"case {case.case_id!r} has two facts with the same fact_id")
    now = utcnow()
    changes: dict[str, list[str]] = {}

    def note(change: str, item: str) -> None:
        changes.setdefault(change, []).append(item)

    for document in case.documents:
        _save_document(session, document, note, postgres)
    row = session.get(CaseRow, case.case_id, with_for_update=postgres)
    created = row is None
    if row is None:
        row = CaseRow(
            case_id=case.case_id,
            revision=1,
            created_at=now,
            updated_at=now,
            review_state="unreviewed",
            facts_total=0,
            facts_reviewed=0,
            urgency=0,
            uncertainty=0.0,
        )
        session.add(row)
    fields = {
        "schema_version": case.schema_version,
        "subject": dump(case.subject),
        "timeline": [dump(entry) for entry in case.timeline],
        "as_of": dump(case.as_of),
    }
    for name, value in fields.items():
        if created or getattr(row, name) != value:
            setattr(row, name, value)
            note("case_fields", name)
    session.flush()
    _save_links(session, case, note)
    facts = _save_facts(session, case, user, now, note)
    # Kept reviewer decisions change what the rules see: the findings follow them.
    merged = case.model_copy(update={"facts": facts})
    findings = case.findings if facts == case.facts else recompute(merged)
    if replace_findings(session, case.case_id, findings):
        note("findings", "replaced")
    if update_derived(row, merged.model_copy(update={"findings": findings}), threshold):
        note("case_fields", "review")
    if not changes:
        return
    if not created:
        row.revision += 1
        row.updated_at = now
    session.add(
        AuditRow(
            at=now, user=user, action="create_case" if created else "update_case", case_id=case.case_id, after=changes
        )
    )


def _save_document(session: Session, document: Document, note: Note, postgres: bool) -> None:
    data = dump(document)
    values = {
        "doc_id": document.doc_id,
        "source": document.source,
        "media_type": document.media_type,
        "doc_kind": document.doc_kind,
        "ingest_status": document.ingest_status.status,
        "data": data,
    }
    row = session.get(DocumentRow, document.doc_id)
    if row is None:
        insert = pg_insert if postgres else sqlite_insert
        session.execute(insert(DocumentRow).values(**values, created_at=utcnow()).on_conflict_do_nothing())
        note("documents_added", document.doc_id)
    elif row.data != data:
        for name, value in values.items():
            setattr(row, name, value)
        note("documents_updated", document.doc_id)


def _save_links(session: Session, case: CaseFile, note: Note) -> None:
    links = {
        link.doc_id: link
        for link in session.scalars(select(CaseDocumentRow).where(CaseDocumentRow.case_id == case.case_id))
    }
    wanted = {document.doc_id: position for position, document in enumerate(case.documents)}
    for doc_id, link in links.items():
        if doc_id not in wanted:
            session.delete(link)
            note("documents_unlinked", doc_id)
        elif link.position != wanted[doc_id]:
            link.position = wanted[doc_id]
            note("documents_reordered", doc_id)
    for doc_id, position in wanted.items():
        if doc_id not in links:
            session.add(CaseDocumentRow(case_id=case.case_id, doc_id=doc_id, position=position))
            note("documents_linked", doc_id)
    session.flush()


def _save_facts(session: Session, case: CaseFile, user: str, now: datetime, note: Note) -> list[Fact]:
    """Merge the case's facts into the stored versions; return the resulting current facts.

    A fact equal to its current version, or whose extracted content equals its latest extracted
    version, keeps its row (and so its review); any other change is a new version; a fact the
    case no longer has is retired.
    """
    rows = session.scalars(select(FactRow).where(FactRow.case_id == case.case_id)).all()
    current = {row.fact_id: row for row in rows if row.is_current}
    extracted: dict[str, FactRow] = {}
    for row in rows:
        if row.origin == "extraction" and (
            row.fact_id not in extracted or row.version > extracted[row.fact_id].version
        ):
            extracted[row.fact_id] = row
    result: list[Fact] = []
    for position, fact in enumerate(case.facts):
        content = json_safe(derive.fact_content(fact))
        row = current.get(fact.fact_id)
        if row is not None and (
            (row.data == content and row.version == fact.version and row.review_state == fact.review_state)
            or extracted[fact.fact_id].data == content
        ):
            if row.retired:
                row.retired = False
                note("facts_restored", fact.fact_id)
            if row.position != position:
                row.position = position
                note("facts_reordered", fact.fact_id)
            result.append(derive.fact_from_content(row.data, row.version, row.review_state))
            continue
        version = fact.version
        if row is not None:
            row.is_current = False
            version = row.version + 1
            session.flush()
        session.add(
            FactRow(
                case_id=case.case_id,
                fact_id=fact.fact_id,
                version=version,
                kind=fact.kind,
                review_state=fact.review_state,
                origin="extraction",
                is_current=True,
                retired=False,
                position=position,
                data=content,
                created_by=user,
                created_at=now,
            )
        )
        note("facts_revised" if row is not None else "facts_added", fact.fact_id)
        result.append(derive.fact_from_content(content, version, fact.review_state))
    incoming = {fact.fact_id for fact in case.facts}
    for fact_id, row in current.items():
        if fact_id not in incoming and not row.retired:
            row.retired = True
            note("facts_retired", fact_id)
    session.flush()
    return result
