"""Read-only queries: the case list with its filters, fact versions, the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from casefacts.store import derive
from casefacts.store.errors import NotFound
from casefacts.store.models import AuditRow, CaseRow, FactRow, FindingRow
from casefacts.store.rows import case_row
from casefacts.store.views import AuditEntry, AuditPage, CasePage, CaseSummary, FactVersion

ORDERS = {
    "case_id": (CaseRow.case_id,),
    "queue": (CaseRow.urgency.desc(), CaseRow.uncertainty.desc(), CaseRow.case_id),
    "updated_at": (CaseRow.updated_at.desc(), CaseRow.case_id),
}


def list_cases(
    session: Session,
    *,
    review_states: Sequence[str] | None,
    ruleset_id: str | None,
    rule_id: str | None,
    outcome: str | None,
    updated_since: datetime | None,
    updated_until: datetime | None,
    after: str | None,
    order: str,
    limit: int,
    offset: int,
) -> CasePage:
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    query = select(CaseRow)
    if review_states:
        query = query.where(CaseRow.review_state.in_(list(review_states)))
    if ruleset_id or rule_id or outcome:
        matching = select(FindingRow.case_id)
        if ruleset_id:
            matching = matching.where(FindingRow.ruleset_id == ruleset_id)
        if rule_id:
            matching = matching.where(FindingRow.rule_id == rule_id)
        if outcome:
            matching = matching.where(FindingRow.outcome == outcome)
        query = query.where(CaseRow.case_id.in_(matching))
    if updated_since is not None:
        query = query.where(CaseRow.updated_at >= updated_since)
    if updated_until is not None:
        query = query.where(CaseRow.updated_at < updated_until)
    if after is not None:
        query = query.where(CaseRow.case_id > after)
    rows = session.scalars(query.order_by(*ORDERS[order]).limit(limit).offset(offset)).all()
    outcomes = _outcome_counts(session, [row.case_id for row in rows])
    return CasePage(items=[_summary(row, outcomes.get(row.case_id, {})) for row in rows], total=_count(session, query))


def fact_versions(session: Session, case_id: str, fact_id: str) -> list[FactVersion]:
    case_row(session, case_id)
    rows = session.scalars(
        select(FactRow).where(FactRow.case_id == case_id, FactRow.fact_id == fact_id).order_by(FactRow.version)
    ).all()
    if not rows:
        raise NotFound(f"case {case_id!r} has no fact {fact_id!r}")
    return [
        FactVersion(
            fact=derive.fact_from_content(row.data, row.version, row.review_state),
            origin=row.origin,
            is_current=row.is_current,
            retired=row.retired,
            created_by=row.created_by,
            created_at=row.created_at,
        )
        for row in rows
    ]


def audit_log(session: Session, case_id: str | None, limit: int, offset: int) -> AuditPage:
    query = select(AuditRow)
    if case_id is not None:
        case_row(session, case_id)
        query = query.where(AuditRow.case_id == case_id)
    rows = session.scalars(query.order_by(AuditRow.id.desc()).limit(limit).offset(offset)).all()
    items = [
        AuditEntry(
            id=row.id,
            at=row.at,
            user=row.user,
            action=row.action,
            case_id=row.case_id,
            fact_id=row.fact_id,
            reason=row.reason,
            before=row.before,
            after=row.after,
        )
        for row in rows
    ]
    return AuditPage(items=items, total=_count(session, query))


def _count(session: Session, query: Select) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def _outcome_counts(session: Session, case_ids: list[str]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    if not case_ids:
        return counts
    rows = session.execute(
        select(FindingRow.case_id, FindingRow.outcome, func.count())
        .where(FindingRow.case_id.in_(case_ids))
        .group_by(FindingRow.case_id, FindingRow.outcome)
    )
    for case_id, outcome, count in rows:
        counts.setdefault(case_id, {})[outcome] = count
    return counts


def _summary(row: CaseRow, outcomes: dict[str, int]) -> CaseSummary:
    return CaseSummary(
        case_id=row.case_id,
        review_state=row.review_state,
        facts_total=row.facts_total,
        facts_reviewed=row.facts_reviewed,
        urgency=row.urgency,
        uncertainty=row.uncertainty,
        revision=row.revision,
        finding_outcomes=outcomes,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
