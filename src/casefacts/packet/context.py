"""What a review packet shows, as plain data (pure): findings grouped by section, each with the
evidence quotes of the facts it rests on, the record completeness, the missing-information
checklist and the facts the rules did not read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urlparse

from casefacts.errors import RulesetError
from casefacts.rules import get_ruleset, missing_checklist
from casefacts.rules.build import excluded_facts, latest_versions, record_completeness
from casefacts.rules.checklist import ChecklistItem
from casefacts.rules.common import KIND_NAMES, NOT_READ_NOTE
from casefacts.rules.model import RecordCompleteness
from casefacts.schema import CaseFile, Document, Fact, Finding

OUTCOME_LABELS = {
    "met": "Shown in the record",
    "not_met": "Not shown in the record",
    "insufficient_information": "Record incomplete",
    "needs_legal_review": "For a person to assess",
}
# Rules whose outcome reads better in its own words.
RULE_OUTCOME_LABELS = {
    "PREAPPROVAL": {"met": "Preapproval required", "not_met": "No preapproval if the facts hold"},
}
# (section title, rule-id prefixes); the first matching section takes a finding.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Ruleset and date", ("IN_FORCE",)),
    ("Record reviewed", ("RECORD",)),
    ("Aggravating factors", ("PS.AGG-",)),
    ("Mitigating factors and other ties", ("PS.MIT-", "PS.TIES")),
    ("Priority categories", ("NS", "BS.", "PS")),
    ("Special consideration", ("SPECIAL.",)),
    ("Possible aggravated felony", ("AF",)),
    ("Preapproval", ("PREAPPROVAL",)),
)
SECTION_ORDER = (
    "Ruleset and date",
    "Record reviewed",
    "Priority categories",
    "Aggravating factors",
    "Mitigating factors and other ties",
    "Special consideration",
    "Possible aggravated felony",
    "Preapproval",
)


@dataclass(frozen=True)
class Quote:
    fact_id: str
    quote: str
    source: str
    doc_kind: str
    page: int


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    title: str
    outcome_label: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Section:
    title: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class ExcludedView:
    fact_id: str
    kind: str
    summary: str
    reason: str


@dataclass(frozen=True)
class Packet:
    case_id: str
    subject_name: str | None
    subject_dob: str | None
    as_of: str | None
    ruleset_id: str | None
    ruleset_title: str | None
    ruleset_source: str | None
    sections: tuple[Section, ...]
    record: RecordCompleteness
    record_kind_names: dict[str, str]
    not_read_note: str
    checklist: tuple[ChecklistItem, ...]
    excluded: tuple[ExcludedView, ...]
    facts_total: int
    counts: dict[str, int] = field(default_factory=dict)


def _source_name(doc: Document | None) -> str:
    if doc is None:
        return "unknown document"
    path = urlparse(doc.source).path or doc.source
    return PurePosixPath(path).name or doc.source


def _quotes(fact_ids: list[str], facts: dict[str, Fact], docs: dict[str, Document], redact: bool) -> tuple[Quote, ...]:
    out = []
    for fact_id in fact_ids:
        fact = facts.get(fact_id)
        if fact is None or (redact and fact.kind == "subject"):
            continue
        for ev in fact.evidence:
            doc = docs.get(ev.doc_id)
            out.append(Quote(fact_id, ev.quote, _source_name(doc), doc.doc_kind if doc else "other", ev.page))
    return tuple(out)


def _rule_titles(ruleset_id: str) -> dict[str, str]:
    try:
        ruleset = get_ruleset(ruleset_id)
    except RulesetError:
        return {}
    return {rule.rule_id: rule.title for rule in ruleset.rules} | {"IN_FORCE": "Ruleset in force on the as-of date"}


def _section_of(rule_id: str) -> str:
    for title, prefixes in SECTIONS:
        if any(rule_id == p or rule_id.startswith(p) for p in prefixes):
            return title
    return "Other findings"


def _summary(fact: Fact) -> str:
    if fact.kind == "offense":
        return f"{fact.charge} ({fact.disposition})"
    if fact.kind == "event":
        return f"{fact.event_type} {fact.date.iso if fact.date else ''}".strip()
    if fact.kind == "community_tie":
        return fact.tie_kind
    return "identifiers"


def build_packet(case: CaseFile, findings: list[Finding] | None = None, redact: bool = False) -> Packet:
    """The packet of ``case`` (its stored findings unless others are given)."""
    findings = case.findings if findings is None else findings
    facts = {f.fact_id: f for f in latest_versions(case.facts)}
    docs = {d.doc_id: d for d in case.documents}
    ruleset_id = findings[0].ruleset_id if findings else None
    titles = _rule_titles(ruleset_id) if ruleset_id else {}
    grouped: dict[str, list[FindingView]] = {}
    for f in findings:
        label = RULE_OUTCOME_LABELS.get(f.rule_id, {}).get(f.outcome, OUTCOME_LABELS[f.outcome])
        view = FindingView(f, titles.get(f.rule_id, f.rule_id), label, _quotes(f.fact_ids, facts, docs, redact))
        grouped.setdefault(_section_of(f.rule_id), []).append(view)
    order = [t for t in SECTION_ORDER if t in grouped] + [t for t in grouped if t not in SECTION_ORDER]
    try:
        ruleset = get_ruleset(ruleset_id) if ruleset_id else None
    except RulesetError:
        ruleset = None
    subject = case.subject
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.outcome] = counts.get(f.outcome, 0) + 1
    return Packet(
        case_id=case.case_id,
        subject_name=None if redact or subject is None else subject.name,
        subject_dob=None if redact or subject is None or subject.date_of_birth is None else subject.date_of_birth.iso,
        as_of=case.as_of.iso if case.as_of else None,
        ruleset_id=ruleset_id,
        ruleset_title=ruleset.title if ruleset else None,
        ruleset_source=ruleset.source if ruleset else None,
        sections=tuple(Section(t, tuple(grouped[t])) for t in order),
        record=record_completeness(case.documents),
        record_kind_names=KIND_NAMES,
        not_read_note=NOT_READ_NOTE,
        checklist=tuple(missing_checklist(findings)),
        excluded=tuple(ExcludedView(f.fact_id, f.kind, _summary(f), reason) for f, reason in excluded_facts(case)),
        facts_total=len(facts),
        counts=counts,
    )
