"""Review actions: accept, correct (a new fact version) or reject, audited, findings recomputed."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from casefacts.schema import CaseFile, Fact
from casefacts.store import derive
from casefacts.store.errors import InvalidReview, NotFound, ReviewConflict
from casefacts.store.models import AuditRow, FactRow, ReviewActionRow, utcnow
from casefacts.store.rows import case_row, dump, json_safe, load_case, replace_findings, update_derived
from casefacts.store.views import Recompute, ReviewAction

REVIEW_ACTIONS: tuple[ReviewAction, ...] = ("accept", "correct", "reject")
NOT_CORRECTABLE = frozenset({"fact_id", "kind", "version", "review_state", "evidence"})


def record_review(
    session: Session,
    case_id: str,
    fact_id: str,
    action: str,
    user: str,
    *,
    reason: str | None,
    new_values: dict[str, Any] | None,
    expected_version: int | None,
    recompute: Recompute,
    threshold: float,
    postgres: bool,
) -> CaseFile:
    """Apply one review action inside ``session``'s transaction and return the case after it."""
    check_review(action, reason, new_values)
    row = case_row(session, case_id, lock=postgres)
    current = session.scalar(
        select(FactRow).where(
            FactRow.case_id == case_id,
            FactRow.fact_id == fact_id,
            FactRow.is_current.is_(True),
            FactRow.retired.is_(False),
        )
    )
    if current is None:
        raise NotFound(f"case {case_id!r} has no fact {fact_id!r}")
    if expected_version is not None and expected_version != current.version:
        raise ReviewConflict(f"fact {fact_id!r} is at version {current.version}, not {expected_version}")
    before = derive.fact_from_content(current.data, current.version, current.review_state)
    after = reviewed(before, action, new_values)
    if after == before:
        return load_case(session, row, threshold)
    now = utcnow()
    if after.version != before.version:
        current.is_current = False
        session.flush()
        session.add(
            FactRow(
                case_id=case_id,
                fact_id=fact_id,
                version=after.version,
                kind=after.kind,
                review_state=after.review_state,
                origin="review",
                is_current=True,
                retired=False,
                position=current.position,
                data=json_safe(derive.fact_content(after)),
                created_by=user,
                created_at=now,
            )
        )
    else:
        current.review_state = after.review_state
    session.add(
        ReviewActionRow(
            case_id=case_id,
            fact_id=fact_id,
            action=action,
            user=user,
            reason=reason,
            new_values=json_safe(new_values),
            from_version=before.version,
            to_version=after.version,
            created_at=now,
        )
    )
    session.add(
        AuditRow(
            at=now,
            user=user,
            action=action,
            case_id=case_id,
            fact_id=fact_id,
            reason=reason,
            before=dump(before),
            after=dump(after),
        )
    )
    session.flush()
    case = load_case(session, row, threshold)
    findings = recompute(case)
    if replace_findings(session, case_id, findings):
        session.add(
            AuditRow(
                at=now,
                user=user,
                action="recompute_findings",
                case_id=case_id,
                before=[dump(f) for f in case.findings],
                after=[dump(f) for f in findings],
            )
        )
    case = case.model_copy(update={"findings": findings})
    update_derived(row, case, threshold)
    row.revision += 1
    row.updated_at = now
    return case


def check_review(action: str, reason: str | None, new_values: dict[str, Any] | None) -> None:
    """Refuse an action that cannot apply to any fact (before touching the database)."""
    if action not in REVIEW_ACTIONS:
        raise InvalidReview(f"unknown action {action!r}; one of {', '.join(REVIEW_ACTIONS)}")
    if action in ("correct", "reject") and not (reason and reason.strip()):
        raise InvalidReview(f"{action} needs a reason")
    if action == "correct":
        if not new_values:
            raise InvalidReview("correct needs new_values")
        fixed = NOT_CORRECTABLE & set(new_values)
        if fixed:
            raise InvalidReview(f"these fields cannot be corrected: {', '.join(sorted(fixed))}")
    elif new_values:
        raise InvalidReview(f"{action} takes no new_values")


def reviewed(before: Fact, action: str, new_values: dict[str, Any] | None) -> Fact:
    """The fact as the action leaves it (equal to ``before`` when nothing changes)."""
    if action == "accept":
        return before.model_copy(update={"review_state": "accepted"})
    if action == "reject":
        return before.model_copy(update={"review_state": "rejected"})
    content = {**derive.fact_content(before), **(new_values or {})}
    try:
        after = derive.fact_from_content(content, before.version + 1, "corrected")
    except ValidationError as exc:
        raise InvalidReview(f"the corrected fact is not valid: {exc.errors(include_url=False)}") from exc
    if derive.fact_content(after) != derive.fact_content(before):
        return after
    if before.review_state == "corrected":
        return before
    raise InvalidReview("the correction changes nothing; accept the fact instead")
