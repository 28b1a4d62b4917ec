"""The missing-information checklist: for each open finding, the records that would settle it."""

from __future__ import annotations

from dataclasses import dataclass

from casefacts.schema import Finding


@dataclass(frozen=True)
class ChecklistItem:
    record: str
    rule_ids: tuple[str, ...]


def missing_checklist(findings: list[Finding]) -> list[ChecklistItem]:
    """Each missing record once, in first-seen order, with every rule it would help settle."""
    seen: dict[str, list[str]] = {}
    for finding in findings:
        for record in finding.missing:
            rules = seen.setdefault(record, [])
            if finding.rule_id not in rules:
                rules.append(finding.rule_id)
    return [ChecklistItem(record, tuple(rules)) for record, rules in seen.items()]
