"""Rules both rulesets share: record completeness, national security, possible aggravated felony."""

from __future__ import annotations

from datetime import date

from casefacts.rules import aggfelony, views
from casefacts.rules.model import RuleInput
from casefacts.rules.ruleset import RuleResult, result

CUTOFF = date(2020, 11, 1)

KIND_NAMES = {
    "rap_sheet": "criminal history (rap sheet)",
    "court_disposition": "court disposition records",
    "arrest_narrative": "arrest or incident reports",
    "support_letter": "letters on personal circumstances",
    "other": "other documents",
}
KIND_REQUESTS = {
    "rap_sheet": "criminal history record (rap sheet)",
    "court_disposition": "court disposition records for each arrest",
    "arrest_narrative": "arrest or incident reports",
    "support_letter": "letters or records on personal circumstances (family, health, work, rehabilitation)",
}
NOT_READ_NOTE = (
    "The administrative immigration record (A-file, entry and exit records) is not among the record "
    "types this system reads."
)


def join(items: list[str], empty: str = "none") -> str:
    return "; ".join(items) if items else empty


def record_completeness(inp: RuleInput, as_of: date) -> RuleResult:
    """Which record types were read and which are missing (the whole record should be reviewed)."""
    r = inp.record
    missing = [KIND_REQUESTS[k] for k in r.missing_kinds]
    if "rap_sheet" in r.reviewed_kinds and "court_disposition" in r.missing_kinds:
        missing[missing.index(KIND_REQUESTS["court_disposition"])] += " (only the rap sheet was read)"
    missing += [
        f"a readable copy of the {KIND_NAMES[d.doc_kind]} document that was {d.status} ({d.reason})"
        for d in r.unreadable
    ]
    open_ = views.open_offenses(inp)
    missing += [views.disposition_request(o) for o in open_]
    text = (
        f"Records read: {join([KIND_NAMES[k] for k in r.reviewed_kinds])} "
        f"({r.documents_read} of {r.documents_total} documents readable). "
        f"Not in the record: {join([KIND_NAMES[k] for k in r.missing_kinds])}."
    )
    if r.unreadable:
        text += f" {len(r.unreadable)} document(s) could not be read."
    if open_:
        text += f" {len(open_)} offense(s) have no final disposition in the record."
    text += " " + NOT_READ_NOTE
    if missing:
        return result("insufficient_information", text, views.ids(open_), missing)
    return result("met", text + " The criminal record types this system reads are all present.")


def national_security(inp: RuleInput, as_of: date) -> RuleResult:
    """Terrorism, espionage or related offenses; only a person can judge a national-security concern."""
    found = [o for o in inp.offenses if o.flags.national_security]
    if not found:
        return result(
            "not_met",
            "No terrorism, espionage or related offense appears in the reviewed records. "
            "Criminal records rarely hold national-security information, so this does not "
            "rule it out.",
        )
    return result(
        "needs_legal_review",
        "The record shows offenses related to terrorism, espionage or national security: "
        f"{join([views.label(o) for o in found])}. The category covers people engaged in or suspected "
        "of such activities; whether this case is one is for a person to judge.",
        views.ids(found),
    )


def aggravated_felony(inp: RuleInput, as_of: date) -> RuleResult:
    """Possible aggravated felonies, always for legal review, with term and conviction notes."""
    relevant = [o for o in inp.offenses if o.flags.agg_felony_candidates and o.disposition not in views.CLEARED]
    cleared = [o for o in inp.offenses if o.flags.agg_felony_candidates and o.disposition in views.CLEARED]
    cleared_note = f" Not convictions, so not considered: {join([views.label(o) for o in cleared])}." if cleared else ""
    if not relevant:
        n = len(views.convictions(inp))
        text = (
            "No offense in the record matched a subparagraph of 8 U.S.C. 1101(a)(43) by its statute, "
            "category or charge."
        )
        if n:
            text += (
                f" The record holds {n} conviction(s); legal review under the categorical approach can "
                "still find one that qualifies."
            )
        return result("not_met", text + cleared_note)
    lines, missing = [], []
    for o in relevant:
        line, need = aggfelony.analyse(o)
        lines.append(line)
        missing += need
    decided = any(o.disposition in views.CONVICTED | views.SET_ASIDE for o in relevant)
    text = (
        "Possible aggravated felony; needs legal review. The categorical approach compares the elements of "
        "the statute of conviction with the generic offense: the facts, the state's label and the felony or "
        "misdemeanor grade do not decide. " + " ".join(lines) + cleared_note
    )
    return result("needs_legal_review" if decided else "insufficient_information", text, views.ids(relevant), missing)
