"""Pure functions the store uses to keep derived case fields (review summary, queue keys)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import TypeAdapter

from casefacts.schema import CaseReview, Fact, Finding, review_flags

REVIEWED_STATES = frozenset({"accepted", "corrected", "rejected"})
# Rules whose ``met`` raises a case's priority: the enforcement categories (national security,
# border security, public safety and its sub-grounds), aggravating factors and a possible
# aggravated felony. Mitigating factors, special considerations and bookkeeping rules (RECORD,
# IN_FORCE, PREAPPROVAL) do not. Rule ids as in ``casefacts.rules`` (interim 2021-02-18 and
# guidelines 2021-09-30).
PRIORITY_RULE = re.compile(r"^(NS|BS(\.\w+)?|PS(\.(i|ii|iii)|\.AGG-\d+)?|AF)$")
_FACT = TypeAdapter(Fact)
_REVIEW_FIELDS = ("review_state", "version")


def fact_content(fact: Fact) -> dict[str, Any]:
    """A fact's JSON without its review fields: what extraction or a correction decides."""
    data = fact.model_dump(mode="json")
    for name in _REVIEW_FIELDS:
        data.pop(name)
    return data


def fact_from_content(content: dict[str, Any], version: int, review_state: str) -> Fact:
    return _FACT.validate_python({**content, "version": version, "review_state": review_state})


def needs_attention(fact: Fact, threshold: float) -> bool:
    """An unreviewed fact a person must look at closely: flagged, or below the threshold."""
    return fact.review_state == "unreviewed" and (bool(review_flags(fact.flags)) or fact.confidence < threshold)


def review_summary(facts: Sequence[Fact], threshold: float) -> CaseReview:
    reviewed = sum(1 for fact in facts if fact.review_state in REVIEWED_STATES)
    if reviewed == 0:
        state = "unreviewed"
    elif reviewed == len(facts):
        state = "reviewed"
    else:
        state = "in_review"
    return CaseReview(
        state=state,
        facts_total=len(facts),
        facts_reviewed=reviewed,
        needs_attention=[fact.fact_id for fact in facts if needs_attention(fact, threshold)],
    )


def urgency(findings: Iterable[Finding]) -> int:
    """Findings that move a case up the queue: a priority rule met, or any question for legal review."""
    return sum(
        1
        for finding in findings
        if finding.outcome == "needs_legal_review"
        or (finding.outcome == "met" and PRIORITY_RULE.match(finding.rule_id))
    )


def uncertainty(facts: Iterable[Fact]) -> float:
    """One minus the mean confidence of the facts still unreviewed (0 when none are left)."""
    open_facts = [fact.confidence for fact in facts if fact.review_state == "unreviewed"]
    if not open_facts:
        return 0.0
    return round(1.0 - sum(open_facts) / len(open_facts), 6)


def missing_information(findings: Iterable[Finding]) -> list[str]:
    """The union of the findings' ``missing`` lists, first occurrence first."""
    seen: dict[str, None] = {}
    for finding in findings:
        for item in finding.missing:
            seen.setdefault(item, None)
    return list(seen)
