"""Ruleset ``ice_interim_2021_02_18``: ICE interim guidance (ICE Policy 11090.1), 2021-02-18.

Three presumed priorities with exact criteria and the 2020-11-01 cut-off ("on or after"). An
action outside them needs preapproval. Public safety needs a conviction criterion AND a current
threat; the system never judges the threat, so that category is never "met" here.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from casefacts.rules import common, dates, views
from casefacts.rules.common import CUTOFF, join
from casefacts.rules.model import RuleInput
from casefacts.rules.ruleset import Rule, RuleResult, Ruleset, Window, result
from casefacts.schema import FindingOutcome

RULESET_ID = "ice_interim_2021_02_18"
Status = Literal["yes", "no", "needs review"]


# ------------------------------------------------------------------ border security


def border_apprehension(inp: RuleInput, as_of: date) -> RuleResult:
    """2(a): apprehended at the border or a port of entry, attempting to enter, on or after 2020-11-01."""
    at, unknown_place = views.border_apprehensions(inp)
    qualifying, before, unclear = [], [], []
    for e in at:
        side = dates.on_or_after(e.date, CUTOFF) if e.date else None
        (qualifying if side else before if side is False else unclear).append(e)
    if qualifying:
        when = join([e.date.iso for e in qualifying if e.date])
        return result(
            "met",
            f"Apprehended at the border or a port of entry on {when}, on or after 2020-11-01. "
            "A person confirms it was an attempt to enter unlawfully.",
            views.ids(qualifying),
        )
    missing = [f"exact date of the apprehension at the border ({dates.describe(e.date)})" for e in unclear]
    missing += [
        f"place of the apprehension of {dates.describe(e.date)} (at the border or a port of entry?)"
        for e in unknown_place
    ]
    if missing:
        return result(
            "insufficient_information",
            "The record shows an apprehension whose date or place does not settle the 2020-11-01 border criterion.",
            views.ids(unclear + unknown_place),
            missing,
        )
    if before:
        return result(
            "not_met",
            f"Apprehension(s) at the border on {join([dates.describe(e.date) for e in before])} precede 2020-11-01.",
            views.ids(before),
        )
    return result("not_met", "No apprehension at the border or a port of entry appears in the record.")


def not_present_before_cutoff(inp: RuleInput, as_of: date) -> RuleResult:
    """2(b): not physically present in the U.S. before 2020-11-01."""
    signs = views.presence_signs(inp, as_of)
    before = [s for s in signs if s.end < CUTOFF]
    if before:
        return result(
            "not_met",
            f"The record places the person in the U.S. before 2020-11-01: {join([s.text for s in before[:5]])}.",
            [s.fact_id for s in before],
        )
    crossing = [s for s in signs if s.start < CUTOFF <= s.end]
    if crossing:
        return result(
            "insufficient_information",
            "A date in the record spans the 2020-11-01 cut-off, so it does not tell whether the person "
            f"was present before it: {join([s.text for s in crossing])}.",
            [s.fact_id for s in crossing],
            [f"exact date of {s.text}" for s in crossing],
        )
    entry_ids = {s.fact_id for s in views.entries(inp)}
    if signs and signs[0].fact_id in entry_ids:
        first = signs[0]
        return result(
            "met",
            f"The earliest sign of presence in the record is {first.text}, on or after "
            "2020-11-01, and nothing places the person in the U.S. before. A person confirms "
            "there was no earlier presence.",
            [first.fact_id],
        )
    text = "The record does not show when the person first came to the U.S."
    if signs:
        text += f" The earliest sign of presence is {signs[0].text}, on or after 2020-11-01."
    return result(
        "insufficient_information",
        text,
        [s.fact_id for s in signs[:1]],
        ["date of first entry into the U.S."],
    )


# -------------------------------------------------------------------- public safety


def aggravated_felony_conviction(inp: RuleInput, as_of: date) -> RuleResult:
    """3(i): convicted of an aggravated felony."""
    candidates = [o for o in inp.offenses if o.flags.agg_felony_candidates]
    decided = [o for o in candidates if o.disposition in views.CONVICTED | views.SET_ASIDE]
    open_ = [o for o in candidates if o.disposition in views.OPEN]
    if decided:
        return result(
            "needs_legal_review",
            f"Conviction(s) that may be aggravated felonies: {join([views.label(o) for o in decided])}. "
            "Only legal review under the categorical approach settles it (see the aggravated-felony "
            "finding for subparagraphs and terms).",
            views.ids(decided),
        )
    if open_:
        return result(
            "insufficient_information",
            f"No such conviction yet; charges that would need review if they end in a conviction: "
            f"{join([views.label(o) for o in open_])}.",
            views.ids(open_),
            [views.disposition_request(o) for o in open_],
        )
    return result(
        "not_met",
        "No conviction in the record matches a subparagraph of 8 U.S.C. 1101(a)(43) by its "
        "statute, category or charge.",
    )


def gang_element_conviction(inp: RuleInput, as_of: date) -> RuleResult:
    """3(ii): convicted of an offense with an element of active participation in a criminal street gang."""
    decided = [o for o in inp.offenses if o.disposition in views.CONVICTED | views.SET_ASIDE]
    element = [o for o in decided if o.flags.gang_participation_element]
    related = [o for o in decided if o.flags.gang and not o.flags.gang_participation_element]
    open_ = [o for o in inp.offenses if o.disposition in views.OPEN and o.flags.gang]
    if element or related:
        text = ""
        if element:
            text += (
                "Conviction(s) under a statute that may have an element of active participation in a "
                f"criminal street gang: {join([views.label(o) for o in element])}. "
            )
        if related:
            text += f"Gang- or racketeering-related conviction(s): {join([views.label(o) for o in related])}. "
        text += "Whether the offense has such an element (18 U.S.C. 521(a)) is for legal review."
        return result("needs_legal_review", text, views.ids(element + related))
    if open_:
        return result(
            "insufficient_information",
            f"Gang-related charges without a final disposition: {join([views.label(o) for o in open_])}.",
            views.ids(open_),
            [views.disposition_request(o) for o in open_],
        )
    return result("not_met", "No conviction with a gang-participation element appears in the record.")


def gang_participation(inp: RuleInput, as_of: date) -> RuleResult:
    """3(iii): aged 16 or older and intentionally participated in an organized criminal gang or a TCO."""
    related = [o for o in inp.offenses if o.flags.gang and o.disposition not in views.CLEARED]
    if not related:
        return result("not_met", "No gang or transnational criminal organization activity appears in the record.")
    dob = inp.person.date_of_birth
    ages, old_enough, missing = [], [], []
    for o in related:
        pd = views.when(o)
        if dob is None or pd is None:
            ages.append(f"{views.label(o)}, age at the time unknown")
            old_enough.append(o)
            missing.append("date of birth" if dob is None else f"date of {o.charge}")
            continue
        young, old = dates.age_range(dob, dates.earliest(pd))
        ages.append(f"{views.label(o)}, age {young if young == old else f'{young}-{old}'} at the time")
        if old >= 16:
            old_enough.append(o)
        if young < 16 <= old:
            missing.append(f"exact date of birth and date of {o.charge} (16 or older at the time?)")
    if not old_enough:
        return result(
            "not_met",
            f"Gang-related conduct in the record happened before age 16: {join(ages)}.",
            views.ids(related) + list(inp.person.fact_ids),
        )
    return result(
        "needs_legal_review",
        f"The record mentions gang- or organization-related conduct: {join(ages)}. Whether the person "
        "intentionally participated to further illegal activity is for a person to assess.",
        views.ids(old_enough) + list(inp.person.fact_ids),
        missing,
    )


def _mitigating_summary(inp: RuleInput) -> tuple[str, list[str]]:
    kinds = (
        "family",
        "health",
        "residence",
        "employment",
        "education",
        "community_service",
        "rehabilitation",
        "victim_witness",
        "military",
        "property_business",
    )
    ties = views.ties_of(inp, *kinds)
    return join([views.describe_tie(t) for t in ties], "none found in the record"), views.ids(ties)


def current_threat(inp: RuleInput, as_of: date) -> RuleResult:
    """3: public safety needs a criterion (i)-(iii) AND a current threat, which only a person judges."""
    subs = [
        aggravated_felony_conviction(inp, as_of),
        gang_element_conviction(inp, as_of),
        gang_participation(inp, as_of),
    ]
    outcomes = {s.outcome for s in subs}
    if outcomes == {"not_met"}:
        return result(
            "not_met",
            "None of the public-safety criteria (i)-(iii) is shown, so the public-safety presumption does not arise.",
        )
    conv = views.convictions(inp)
    latest = views.latest_offense_date(inp)
    recency = "no dated offense"
    if latest is not None:
        years = dates.whole_years(dates.latest(latest[0]), as_of)
        recency = (
            f"most recent offense {latest[0].iso} ({views.label(latest[1])}), at least {years} year(s) "
            "before the as-of date"
        )
    serious = [o for o in conv if o.level == "felony" or o.flags.violent or o.flags.firearm or o.flags.weapon]
    mitigating, tie_ids = _mitigating_summary(inp)
    text = (
        "Public safety needs one of the criteria (i)-(iii) and a current threat to public safety. The system "
        "cannot judge a current threat; a person weighs how extensive, serious and recent the criminal "
        f"activity is against mitigating factors. Extent: {len(conv)} conviction(s). Seriousness: "
        f"{join([views.label(o) for o in serious], 'no felony, violent or weapon conviction')}. "
        f"Recency: {recency}. Mitigating facts in the record: {mitigating}. Possible eligibility for "
        "humanitarian protection or other relief is not in these records."
    )
    outcome: FindingOutcome = "needs_legal_review" if "needs_legal_review" in outcomes else "insufficient_information"
    missing = [m for s in subs for m in s.missing]
    return result(outcome, text, [f for s in subs for f in s.fact_ids] + views.ids(conv) + tie_ids, missing)


# ----------------------------------------------------------------------- preapproval


def category_status(outcome: FindingOutcome, can_be_yes: bool = True) -> Status:
    if outcome == "met":
        return "yes" if can_be_yes else "needs review"
    if outcome == "not_met":
        return "no"
    return "needs review"


def combine(statuses: list[Status]) -> Status:
    if "yes" in statuses:
        return "yes"
    return "no" if all(s == "no" for s in statuses) else "needs review"


def presumed_statuses(inp: RuleInput, as_of: date) -> dict[str, Status]:
    """Presumed-priority status per category, as the weekly report and the preapproval rule see it."""
    return {
        "national_security": category_status(common.national_security(inp, as_of).outcome),
        "border_security": combine(
            [
                category_status(border_apprehension(inp, as_of).outcome),
                category_status(not_present_before_cutoff(inp, as_of).outcome),
            ]
        ),
        "public_safety": category_status(current_threat(inp, as_of).outcome, can_be_yes=False),
    }


PREAPPROVAL_TEXT = (
    "An action outside the presumed priorities needs a written justification and preapproval through "
    "the chain of command (Field Office Director or Special Agent in Charge); under exigent "
    "circumstances, approval is sought right after the action (within about 24 hours)."
)


def preapproval(inp: RuleInput, as_of: date) -> RuleResult:
    statuses = presumed_statuses(inp, as_of)
    shown = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in statuses.items())
    overall = combine(list(statuses.values()))
    if overall == "yes":
        return result(
            "not_met",
            f"Presumed priorities ({shown}). If a person confirms the facts, an action falls "
            "within a presumed priority and needs no preapproval.",
        )
    if overall == "no":
        return result("met", f"No presumed priority is shown ({shown}). {PREAPPROVAL_TEXT}")
    return result(
        "needs_legal_review",
        f"Whether preapproval is needed depends on the items marked for a person ({shown}). {PREAPPROVAL_TEXT}",
    )


RULESET = Ruleset(
    ruleset_id=RULESET_ID,
    title="ICE Interim Guidance: Civil Immigration Enforcement and Removal Priorities",
    version="1.0.0",
    effective_from=date(2021, 2, 18),
    effective_to=date(2021, 11, 29),
    source="ice.gov/doclib/news/releases/2021/021821_civil-immigration-enforcement_interim-guidance.pdf",
    short_cite="ICE Interim Guidance, Policy 11090.1 (2021-02-18)",
    suspensions=(
        Window(
            date(2021, 8, 19),
            date(2021, 11, 29),
            "partial",
            "a court order limited the use of the interim guidance for certain detention decisions "
            "(narrowed by the 5th Circuit on 2021-09-15)",
            "Texas v. United States (S.D. Tex., 2021-08-19); 5th Cir. stay in part 2021-09-15",
        ),
    ),
    rules=(
        Rule(
            "RECORD",
            "Record reviewed",
            "record completeness (stated in every packet)",
            common.record_completeness,
        ),
        Rule("NS", "National security", "presumed priority 1: national security", common.national_security),
        Rule(
            "BS.a",
            "Border security: apprehension at the border",
            "presumed priority 2(a): apprehended at the border or a port of entry on or after 2020-11-01",
            border_apprehension,
        ),
        Rule(
            "BS.b",
            "Border security: not present before 2020-11-01",
            "presumed priority 2(b): not physically present in the U.S. before 2020-11-01",
            not_present_before_cutoff,
        ),
        Rule(
            "PS.i",
            "Public safety (i): aggravated felony conviction",
            "presumed priority 3(i): convicted of an aggravated felony, 8 U.S.C. 1101(a)(43)",
            aggravated_felony_conviction,
        ),
        Rule(
            "PS.ii",
            "Public safety (ii): gang-participation element",
            "presumed priority 3(ii): conviction with an element of active participation in a criminal "
            "street gang, 18 U.S.C. 521(a)",
            gang_element_conviction,
        ),
        Rule(
            "PS.iii",
            "Public safety (iii): gang or TCO participation, aged 16 or older",
            "presumed priority 3(iii): aged 16 or older, intentional participation in an organized criminal "
            "gang or transnational criminal organization",
            gang_participation,
        ),
        Rule(
            "PS",
            "Public safety: current threat",
            "presumed priority 3: public safety, current threat",
            current_threat,
        ),
        Rule(
            "AF",
            "Possible aggravated felony",
            "presumed priority 3(i); 8 U.S.C. 1101(a)(43), (48)(A), (48)(B)",
            common.aggravated_felony,
        ),
        Rule(
            "PREAPPROVAL",
            "Preapproval",
            "actions outside the presumed priorities: justification and preapproval",
            preapproval,
        ),
    ),
)
