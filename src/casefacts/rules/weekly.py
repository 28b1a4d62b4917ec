"""Weekly report fields of the interim guidance: one row per case, read from its findings.

Columns: whether the case falls within each presumed priority (``yes`` / ``no`` /
``needs review``; public safety is never ``yes`` because only a person judges a current
threat), whether preapproval is required, and a justification left empty for a person.
Cases reviewed under another ruleset get ``n/a`` (the weekly report belongs to the interim
guidance).
"""

from __future__ import annotations

from typing import Any

from casefacts.rules import interim
from casefacts.schema import CaseFile, Finding

COLUMNS = (
    "case_id",
    "as_of",
    "ruleset_id",
    "national_security",
    "border_security",
    "public_safety",
    "presumed_priority",
    "preapproval_required",
    "open_items",
    "justification",
)
_PREAPPROVAL = {"met": "yes", "not_met": "no"}


def weekly_report_row(case: CaseFile, findings: list[Finding]) -> dict[str, Any]:
    """One weekly-report row for ``case`` from its ``findings`` (the interim guidance's fields)."""
    mine = {f.rule_id: f for f in findings if f.ruleset_id == interim.RULESET_ID}
    row: dict[str, Any] = {
        "case_id": case.case_id,
        "as_of": case.as_of.iso if case.as_of else None,
        "ruleset_id": findings[0].ruleset_id if findings else None,
        "justification": None,
    }
    if not mine:
        row.update({c: "n/a" for c in COLUMNS if c not in row})
        return {c: row[c] for c in COLUMNS}

    def status(rule_id: str, can_be_yes: bool = True) -> interim.Status:
        finding = mine.get(rule_id)
        return interim.category_status(finding.outcome, can_be_yes) if finding else "needs review"

    categories = {
        "national_security": status("NS"),
        "border_security": interim.combine([status("BS.a"), status("BS.b")]),
        "public_safety": status("PS", can_be_yes=False),
    }
    preapproval = mine.get("PREAPPROVAL")
    row.update(categories)
    row["presumed_priority"] = interim.combine(list(categories.values()))
    row["preapproval_required"] = (
        _PREAPPROVAL.get(preapproval.outcome, "needs review") if preapproval else "needs review"
    )
    row["open_items"] = sorted(
        f.rule_id for f in mine.values() if f.outcome in ("needs_legal_review", "insufficient_information")
    )
    return {c: row[c] for c in COLUMNS}
