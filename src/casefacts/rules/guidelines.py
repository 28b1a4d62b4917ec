"""Ruleset ``dhs_guidelines_2021_09_30``: DHS Guidelines for the Enforcement of Civil Immigration Law.

No bright lines: the output is the categories that may apply, the aggravating (AGG-1..5) and
mitigating (MIT-1..10) factors found with the facts they rest on, the special-consideration
flags, and what is missing. A factor "met" means the record holds something a person should
weigh for it, never that it decides anything. The public-safety category is never "met".

Where a factor needs a floor to be surfaced at all, the floor is stated in the explanation and in
``rules/README.md``: a grave conviction is a felony, a term of at least a year, or a violent,
sexual, child-victim, weapon, drug-trafficking or national-security offense; lengthy presence
is 10 years (the continuous presence of cancellation of removal, 8 U.S.C. 1229b(b)(1)(A));
advanced age is 65; time since the offense is surfaced from 5 years.
"""

from __future__ import annotations

from datetime import date

from casefacts.rules import common, dates, views
from casefacts.rules.common import CUTOFF, join
from casefacts.rules.model import OffenseInput, RuleInput, TieInput
from casefacts.rules.ruleset import Rule, RuleResult, Ruleset, Window, result

RULESET_ID = "dhs_guidelines_2021_09_30"
ADVANCED_AGE = 65
TENDER_AGE = 18
LENGTHY_PRESENCE_YEARS = 10
TIME_SINCE_OFFENSE_YEARS = 5


def _no_support_letters(inp: RuleInput) -> bool:
    return "support_letter" not in inp.record.reviewed_kinds


def _absent(inp: RuleInput, what: str, request: str) -> RuleResult:
    """Nothing in the record for a mitigating factor: missing if no letters were read, else not found."""
    if _no_support_letters(inp):
        return result(
            "insufficient_information",
            f"No {what} appears in the record, and no letters on personal circumstances were read.",
            missing=[request],
        )
    return result("not_met", f"No {what} appears in the reviewed records.")


def _sentence(o: OffenseInput) -> str:
    s = o.sentence
    if s is None:
        return "sentence not in the record"
    parts = []
    if s.custody_days is not None:
        parts.append(
            f"{s.custody_days} days custody" + (f" ({s.suspended_days} suspended)" if s.suspended_days else "")
        )
    if s.probation_days:
        parts.append(f"{s.probation_days} days probation")
    if s.fine:
        parts.append(f"${s.fine:,.0f} fine")
    if s.time_served:
        parts.append("time served")
    return ", ".join(parts) or "sentence without a term"


def is_grave(o: OffenseInput) -> bool:
    f = o.flags
    days = o.sentence.custody_days if o.sentence else None
    return (
        o.level == "felony"
        or (days is not None and days >= 365)
        or f.violent
        or f.sexual
        or f.against_child
        or f.firearm
        or f.weapon
        or f.drug_trafficking
        or f.national_security
    )


def _unknown_grade(o: OffenseInput) -> bool:
    return o.level == "unknown" and (o.sentence is None or o.sentence.custody_days is None)


# ------------------------------------------------------------------- aggravating


def _conviction_factor(inp: RuleInput, test, what: str, weigh: str) -> RuleResult:
    """A factor found in a conviction: met; only in charges without disposition: missing; else not found."""
    hits = [o for o in views.convictions(inp) if test(o)]
    if hits:
        return result(
            "met",
            f"Conviction(s) {what}: {join([f'{views.label(o)}, {_sentence(o)}' for o in hits])}. {weigh}",
            views.ids(hits),
        )
    open_ = [o for o in views.open_offenses(inp) if test(o)]
    if open_:
        return result(
            "insufficient_information",
            f"Charges {what} without a final disposition: {join([views.label(o) for o in open_])}.",
            views.ids(open_),
            [views.disposition_request(o) for o in open_],
        )
    return result("not_met", f"No conviction {what} appears in the record.")


def agg1_gravity(inp: RuleInput, as_of: date) -> RuleResult:
    grave = _conviction_factor(
        inp,
        is_grave,
        "for a felony, with a term of a year or more, or for a violent, "
        "sexual, weapon, drug-trafficking or similar offense",
        "A person weighs the gravity of the offense and the sentence imposed.",
    )
    if grave.outcome == "met":
        missing = [
            views.sentence_request(o)
            for o in views.convictions(inp)
            if o.fact_id in grave.fact_ids and o.sentence is None
        ]
        return result("met", grave.explanation, grave.fact_ids, missing)
    unknown = [o for o in views.convictions(inp) if _unknown_grade(o)]
    open_ = views.open_offenses(inp)
    if unknown or open_:
        text = ""
        if unknown:
            listed = join([views.label(o) for o in unknown])
            text += f"Convictions whose grade and sentence are not in the record: {listed}. "
        if open_:
            text += f"Charges without a final disposition: {join([views.label(o) for o in open_])}."
        return result(
            "insufficient_information",
            text.strip(),
            views.ids(unknown + open_),
            [f"offense level (felony or misdemeanor) and sentence for {views.label(o)}" for o in unknown]
            + [views.disposition_request(o) for o in open_],
        )
    conv = views.convictions(inp)
    if conv:
        return result(
            "not_met",
            "Convictions in the record are misdemeanors or infractions with terms under a "
            f"year: {join([f'{views.label(o)}, {_sentence(o)}' for o in conv])}.",
            views.ids(conv),
        )
    return grave


def agg2_harm(inp: RuleInput, as_of: date) -> RuleResult:
    res = _conviction_factor(
        inp,
        lambda o: o.flags.harm,
        "for an offense that harmed or endangered a person",
        "A person assesses the nature and degree of the harm from the full record.",
    )
    if res.outcome == "met" and "arrest_narrative" not in inp.record.reviewed_kinds:
        return result("met", res.explanation, res.fact_ids, ["arrest or incident reports (nature and degree of harm)"])
    return res


def agg3_sophistication(inp: RuleInput, as_of: date) -> RuleResult:
    return _conviction_factor(
        inp,
        lambda o: o.flags.sophisticated,
        "for an offense that can involve planning or organization (trafficking, fraud, smuggling, organized activity)",
        "A person assesses how sophisticated the conduct was.",
    )


def agg4_weapon(inp: RuleInput, as_of: date) -> RuleResult:
    return _conviction_factor(
        inp,
        lambda o: o.flags.firearm or o.flags.weapon,
        "involving a firearm or dangerous weapon",
        "A person assesses the use or threatened use of the weapon.",
    )


def agg5_prior_record(inp: RuleInput, as_of: date) -> RuleResult:
    conv = sorted(views.convictions(inp), key=lambda o: dates.latest(views.when(o)) if views.when(o) else date.min)
    if len(conv) < 2:
        open_ = views.open_offenses(inp)
        if conv and open_:
            return result(
                "insufficient_information",
                f"One conviction ({views.label(conv[0])}) and charges without a final disposition: "
                f"{join([views.label(o) for o in open_])}.",
                views.ids(conv + open_),
                [views.disposition_request(o) for o in open_],
            )
        return result(
            "not_met",
            "No prior conviction before the most recent one appears in the record.",
            views.ids(conv),
        )
    prior, latest = conv[:-1], conv[-1]
    grave = [o for o in prior if is_grave(o)]
    listing = join([f"{views.label(o)}, {o.level}" for o in prior])
    if grave:
        return result(
            "met",
            f"Prior convictions before {views.label(latest)}: {listing}. Of these, felony, "
            f"long-term or serious-offense convictions: {join([views.label(o) for o in grave])}. "
            "A person weighs how serious the prior record is.",
            views.ids(conv),
        )
    unknown = [o for o in prior if _unknown_grade(o)]
    if unknown:
        return result(
            "insufficient_information",
            f"Prior convictions whose grade is not in the record: {listing}.",
            views.ids(conv),
            [f"offense level and sentence for {views.label(o)}" for o in unknown],
        )
    return result(
        "not_met",
        f"Prior convictions are misdemeanors or infractions without a serious-offense flag: "
        f"{listing}. A person may still weigh them.",
        views.ids(conv),
    )


# -------------------------------------------------------------------- mitigating


def mit1_age(inp: RuleInput, as_of: date) -> RuleResult:
    age = views.age_on(inp, as_of)
    ids = views.age_fact_ids(inp)
    if age is None:
        return result(
            "insufficient_information",
            "The record does not give a date of birth or age.",
            missing=["date of birth"],
        )
    young, old = age
    shown = str(young) if young == old else f"{young}-{old}"
    if young >= ADVANCED_AGE:
        return result("met", f"Age {shown} on the as-of date: advanced age (surfaced from {ADVANCED_AGE}).", ids)
    if old < TENDER_AGE:
        return result("met", f"Age {shown} on the as-of date: tender age (under {TENDER_AGE}).", ids)
    dob = inp.person.date_of_birth
    juvenile = []
    if dob is not None:
        for o in inp.offenses:
            pd = views.when(o)
            if (
                pd is not None
                and o.disposition not in views.CLEARED
                and dates.age_range(dob, dates.earliest(pd))[1] < TENDER_AGE
            ):
                juvenile.append(o)
    if juvenile:
        return result(
            "met",
            f"Age {shown} on the as-of date; offense(s) committed under age {TENDER_AGE}: "
            f"{join([views.label(o) for o in juvenile])}.",
            ids + views.ids(juvenile),
        )
    if young < ADVANCED_AGE <= old or young < TENDER_AGE <= old:
        return result(
            "insufficient_information",
            f"Age {shown} on the as-of date; the birth date is too coarse to tell.",
            ids,
            ["exact date of birth"],
        )
    return result("not_met", f"Age {shown} on the as-of date: neither advanced nor tender.", ids)


def mit2_presence(inp: RuleInput, as_of: date) -> RuleResult:
    signs = views.presence_signs(inp, as_of)
    if not signs:
        return result(
            "insufficient_information",
            "The record does not show how long the person has been in the U.S.",
            missing=["date of first entry into the U.S. or start of residence"],
        )
    first = signs[0]
    least, most = dates.whole_years(first.end, as_of), dates.whole_years(first.start, as_of)
    removals = [
        e
        for e in inp.events
        if e.event_type == "removal" and e.date is not None and dates.latest(e.date) >= first.start
    ]
    note = ""
    if removals:
        note = (
            f" The record also shows removal(s) on {join([e.date.iso for e in removals if e.date])}, "
            "which may interrupt continuous presence."
        )
    ids = [first.fact_id] + views.ids(removals)
    if least >= LENGTHY_PRESENCE_YEARS:
        return result(
            "met",
            f"In the U.S. since at least {first.end.year} per {first.text}: about {least} years "
            f"before the as-of date (surfaced from {LENGTHY_PRESENCE_YEARS} years).{note}",
            ids,
        )
    if most >= LENGTHY_PRESENCE_YEARS:
        return result(
            "insufficient_information",
            f"The earliest sign of presence, {first.text}, is {least} to {most} years before the as-of date.{note}",
            ids,
            [f"exact date of {first.text}"],
        )
    if first.fact_id not in {s.fact_id for s in views.entries(inp)}:
        return result(
            "insufficient_information",
            f"The earliest sign of presence is {first.text}, {least} years "
            "before the as-of date; the entry date is not in the record."
            f"{note}",
            ids,
            ["date of first entry into the U.S."],
        )
    return result(
        "not_met", f"The earliest sign of presence is {first.text}, {least} year(s) before the as-of date.{note}", ids
    )


def _tie_list(ties: list[TieInput]) -> str:
    return join([views.describe_tie(t) for t in ties])


def mit3_condition(inp: RuleInput, as_of: date) -> RuleResult:
    ties = [t for t in views.ties_of(inp, "health") if t.detail("relation") in (None, "self")]
    if ties:
        return result(
            "met",
            f"Physical or mental condition of the person in the record: {_tie_list(ties)}. A person assesses "
            "whether it contributed to the conduct or requires care.",
            views.ids(ties),
        )
    return _absent(inp, "physical or mental condition", "medical or mental-health records, if any")


def mit4_victim_witness(inp: RuleInput, as_of: date) -> RuleResult:
    ties = views.ties_of(inp, "victim_witness")
    if ties:
        return result(
            "met",
            f"Victim of a crime, or victim, witness or party in legal proceedings: {_tie_list(ties)}.",
            views.ids(ties),
        )
    return _absent(
        inp,
        "sign of being a crime victim or a witness or party in legal proceedings",
        "whether the person is a crime victim or a witness or party in legal proceedings",
    )


def mit5_family(inp: RuleInput, as_of: date) -> RuleResult:
    ties = [t for t in views.ties_of(inp, "family") if t.detail("in_us") is not False]
    ill = [t for t in views.ties_of(inp, "health") if t.detail("relation") not in (None, "self")]
    if ties or ill:
        text = f"Family in the U.S.: {_tie_list(ties)}." if ties else ""
        if ill:
            text += f" Family members with a health condition: {_tie_list(ill)}."
        if any("caregiver" in t.markers or t.detail("dependent") for t in ties + ill):
            text += " The person is described as a provider or caregiver."
        ties = ties + ill
        return result("met", text + " A person assesses the impact of removal on the family.", views.ids(ties))
    return _absent(inp, "family in the U.S.", "information on family in the U.S. (letters, birth or marriage records)")


def mit6_relief(inp: RuleInput, as_of: date) -> RuleResult:
    signs, ids = [], []
    stated = [t for t in inp.ties if t.detail("relief")]
    if stated:
        signs.append(f"relief named in the record: {join([str(t.detail('relief')) for t in stated])}")
        ids += views.ids(stated)
    victims = views.ties_of(inp, "victim_witness")
    if victims:
        signs.append("crime victim or witness (protection for victims may apply)")
        ids += views.ids(victims)
    qualifying = [
        t
        for t in views.ties_of(inp, "family")
        if str(t.detail("status") or "") in ("us_citizen", "lpr", "citizen", "permanent_resident")
        and t.detail("relation") in ("spouse", "child", "parent")
    ]
    if qualifying:
        signs.append(f"U.S. citizen or permanent-resident family: {_tie_list(qualifying)}")
        ids += views.ids(qualifying)
    bars = [o for o in inp.offenses if o.flags.agg_felony_candidates and o.disposition in views.CONVICTED]
    bar_note = (
        " A possible aggravated felony in the record may bar some forms of relief (legal review)." if bars else ""
    )
    if signs:
        return result(
            "needs_legal_review",
            f"Possible grounds for relief or protection: {join(signs)}. Eligibility is a legal question.{bar_note}",
            ids + views.ids(bars),
            ["immigration record (A-file): prior applications, grants of relief, pending petitions"],
        )
    return result(
        "insufficient_information",
        f"Nothing in these records points to or rules out humanitarian protection or other relief.{bar_note}",
        views.ids(bars),
        ["immigration record (A-file): prior applications, grants of relief, pending petitions"],
    )


def mit7_service(inp: RuleInput, as_of: date) -> RuleResult:
    ties = [t for t in inp.ties if t.tie_kind == "military" or "public_service" in t.markers]
    if ties:
        return result(
            "met",
            f"Military or other public service of the person or family: {_tie_list(ties)}.",
            views.ids(ties),
        )
    return _absent(inp, "military or public service", "military or public service of the person or family, if any")


def mit8_time_rehabilitation(inp: RuleInput, as_of: date) -> RuleResult:
    rehab = views.ties_of(inp, "rehabilitation")
    latest = views.latest_offense_date(inp)
    parts, ids = [], views.ids(rehab)
    years = None
    if latest is not None:
        years = dates.whole_years(dates.latest(latest[0]), as_of)
        parts.append(f"most recent offense {views.label(latest[1])}, at least {years} year(s) before the as-of date")
        ids.append(latest[1].fact_id)
    if rehab:
        parts.append(f"evidence of rehabilitation: {_tie_list(rehab)}")
    if latest is None and not rehab:
        return result("not_met", "No offense in the reviewed records.")
    text = join(parts)
    text = text[0].upper() + text[1:] + "."
    if rehab or (years is not None and years >= TIME_SINCE_OFFENSE_YEARS):
        return result(
            "met",
            f"{text} A person weighs the time since the offense and the rehabilitation "
            f"(time surfaced from {TIME_SINCE_OFFENSE_YEARS} years).",
            ids,
        )
    if _no_support_letters(inp):
        return result(
            "insufficient_information",
            text,
            ids,
            ["evidence of rehabilitation (program completion, employer or community letters)"],
        )
    return result("not_met", text, ids)


def mit9_vacated(inp: RuleInput, as_of: date) -> RuleResult:
    hits = [o for o in inp.offenses if o.disposition in views.SET_ASIDE]
    if not hits:
        return result("not_met", "No vacated or expunged conviction appears in the record.")
    return result(
        "met",
        f"Vacated or expunged: {join([views.label(o) for o in hits])}. A conviction vacated for a "
        "legal defect no longer counts; one expunged for rehabilitation generally still does.",
        views.ids(hits),
        [f"the reason {o.charge} was {o.disposition} (legal defect or rehabilitation)" for o in hits],
    )


def _labor_housing(inp: RuleInput) -> list[TieInput]:
    return [t for t in inp.ties if "labor_or_housing_dispute" in t.markers]


def mit10_labor_housing(inp: RuleInput, as_of: date) -> RuleResult:
    ties = _labor_housing(inp)
    if ties:
        return result(
            "met",
            f"Exercising workplace or tenant rights, or a witness in a labor or housing dispute: {_tie_list(ties)}.",
            views.ids(ties),
        )
    return _absent(
        inp,
        "labor or housing dispute",
        "whether the person is a party or witness in a labor or housing dispute",
    )


def other_ties(inp: RuleInput, as_of: date) -> RuleResult:
    ties = views.ties_of(inp, "employment", "education", "community_service", "residence", "property_business")
    if ties:
        return result("met", f"Other community ties for the totality of facts: {_tie_list(ties)}.", views.ids(ties))
    return _absent(
        inp,
        "employment, schooling, residence or community tie",
        "information on work, schooling, residence and community ties",
    )


# ------------------------------------------------------------------- categories


AGG_RULES = {
    "AGG-1": agg1_gravity,
    "AGG-2": agg2_harm,
    "AGG-3": agg3_sophistication,
    "AGG-4": agg4_weapon,
    "AGG-5": agg5_prior_record,
}
MIT_RULES = {
    "MIT-1": mit1_age,
    "MIT-2": mit2_presence,
    "MIT-3": mit3_condition,
    "MIT-4": mit4_victim_witness,
    "MIT-5": mit5_family,
    "MIT-6": mit6_relief,
    "MIT-7": mit7_service,
    "MIT-8": mit8_time_rehabilitation,
    "MIT-9": mit9_vacated,
    "MIT-10": mit10_labor_housing,
}


def public_safety(inp: RuleInput, as_of: date) -> RuleResult:
    """Priority 2: never "met"; the factors found and a person's assessment on the totality of facts."""
    conduct = [o for o in inp.offenses if o.disposition not in views.CLEARED]
    cleared = [o for o in inp.offenses if o.disposition in views.CLEARED]
    if not conduct:
        text = (
            "No criminal conduct appears in the reviewed records; the category concerns a current threat, "
            "typically from serious criminal conduct."
        )
        if cleared:
            text += f" Dismissed or acquitted charges: {join([views.label(o) for o in cleared])}."
        return result("not_met", text, views.ids(cleared))
    agg = {k: fn(inp, as_of) for k, fn in AGG_RULES.items()}
    mit = {k: fn(inp, as_of) for k, fn in MIT_RULES.items()}
    found_agg = [k for k, r in agg.items() if r.outcome == "met"]
    found_mit = [k for k, r in mit.items() if r.outcome in ("met", "needs_legal_review")]
    open_ = [k for k, r in {**agg, **mit}.items() if r.outcome == "insufficient_information"]
    return result(
        "needs_legal_review",
        "May apply; needs a person's assessment of a current threat to public safety on the totality of the "
        f"facts. Aggravating factors found: {join(found_agg)}. Mitigating factors found: {join(found_mit)}. "
        f"Factors the record cannot settle: {join(open_)}. No factor or count decides.",
        views.ids(conduct),
    )


def border_apprehension(inp: RuleInput, as_of: date) -> RuleResult:
    """3(a): apprehended at the border or a port of entry while attempting to enter unlawfully.

    The category concerns the apprehension at issue. A border apprehension counts when nothing
    later in the record places the person inside the U.S.
    """
    at, unknown_place = views.border_apprehensions(inp)
    signs = views.presence_signs(inp, as_of)
    current, earlier = [], []
    for e in at:
        end = dates.latest(e.date) if e.date else None
        later = [s for s in signs if end is not None and s.start > end]
        (earlier if later else current).append(e)
    if current:
        return result(
            "met",
            "Apprehended at the border or a port of entry "
            f"({join([dates.describe(e.date) for e in current])}) with nothing later in the record placing "
            "the person inside the U.S. A person confirms it was an attempt to enter unlawfully.",
            views.ids(current),
        )
    if unknown_place:
        return result(
            "insufficient_information",
            "The record shows an apprehension whose place is not stated.",
            views.ids(unknown_place),
            [
                f"place of the apprehension of {dates.describe(e.date)} (at the border or a port of entry?)"
                for e in unknown_place
            ],
        )
    if earlier:
        return result(
            "not_met",
            "Apprehension(s) at the border on "
            f"{join([dates.describe(e.date) for e in earlier])} were followed by presence inside "
            "the U.S.; category (a) concerns an apprehension while attempting to enter.",
            views.ids(earlier),
        )
    return result("not_met", "No apprehension at the border or a port of entry appears in the record.")


def unlawful_entry_after_cutoff(inp: RuleInput, as_of: date) -> RuleResult:
    """3(b): apprehended in the U.S. after entering unlawfully AFTER 2020-11-01 (on the day: a person)."""
    found = views.entries(inp)
    if not found:
        return result(
            "insufficient_information",
            "The record does not show when or how the person last entered the U.S.",
            missing=["date and manner of last entry into the U.S."],
        )
    last = max(found, key=lambda s: dates.latest(s.date))
    side = dates.side_of(last.date, CUTOFF)
    if side == "before":
        return result("not_met", f"Last entry in the record: {last.text}, before 2020-11-01.", [last.fact_id])
    if side == "on":
        return result(
            "needs_legal_review",
            f"Last entry in the record: {last.text}, exactly on 2020-11-01. The "
            'guidelines say "after" 2020-11-01 (the interim guidance said "on or '
            'after"); a person decides.',
            [last.fact_id],
        )
    if side == "straddles":
        return result(
            "insufficient_information",
            f"Last entry in the record: {last.text}; the date does not tell whether it was after 2020-11-01.",
            [last.fact_id],
            [f"exact date of entry (the record says {last.date.iso})"],
        )
    if last.unlawful is None:
        return result(
            "insufficient_information",
            f"Last entry in the record: {last.text}, after 2020-11-01; the "
            "record does not say whether it was unlawful.",
            [last.fact_id],
            [f"manner of the entry of {last.date.iso} (inspected and admitted, or not)"],
        )
    return result(
        "met",
        f"Entered unlawfully after 2020-11-01: {last.text}. A person confirms the apprehension is inside the U.S.",
        [last.fact_id],
    )


# ------------------------------------------------------------- special consideration


def special_farmworker(inp: RuleInput, as_of: date) -> RuleResult:
    ties = [t for t in views.ties_of(inp, "employment") if "farm_work" in t.markers]
    if ties:
        return result(
            "met",
            f"Farmworker: {_tie_list(ties)}. The guidelines ask for special consideration.",
            views.ids(ties),
        )
    return result("not_met", "No farm work appears in the record.")


def special_elderly(inp: RuleInput, as_of: date) -> RuleResult:
    age = views.age_on(inp, as_of)
    if age is None:
        return result(
            "insufficient_information",
            "The record does not give a date of birth or age.",
            missing=["date of birth"],
        )
    young, old = age
    if young >= ADVANCED_AGE:
        return result(
            "met",
            f"Age {young} or more on the as-of date: an elderly person, for special consideration.",
            views.age_fact_ids(inp),
        )
    if old >= ADVANCED_AGE:
        return result(
            "insufficient_information",
            f"Age {young}-{old} on the as-of date.",
            views.age_fact_ids(inp),
            ["exact date of birth"],
        )
    return result("not_met", f"Age under {ADVANCED_AGE} on the as-of date.", views.age_fact_ids(inp))


def special_reported_abuse(inp: RuleInput, as_of: date) -> RuleResult:
    ties = _labor_housing(inp)
    if ties:
        return result(
            "met",
            "Reported or is a party or witness in a dispute with a landlord or employer: "
            f"{_tie_list(ties)}. The guidelines ask for special consideration.",
            views.ids(ties),
        )
    return result("not_met", "No report against a landlord or employer appears in the record.")


def special_demonstration(inp: RuleInput, as_of: date) -> RuleResult:
    hits = [o for o in inp.offenses if o.flags.demonstration]
    if hits:
        return result(
            "met",
            f"Charge(s) that may arise from a public demonstration: "
            f"{join([views.label(o) for o in hits])}. Consider carefully: taking part in a demonstration "
            "is First Amendment activity and never a basis for action.",
            views.ids(hits),
        )
    return result(
        "not_met",
        "No charge in the record suggests a public demonstration. The system does not read "
        "political or First Amendment activity.",
    )


def _factor_rule(factor: str, title: str, fn) -> Rule:
    kind = "aggravating" if factor.startswith("AGG") else "mitigating"
    return Rule(
        f"PS.{factor}", title, f"priority 2 (public safety), {kind} factor {factor}: {title[0].lower() + title[1:]}", fn
    )


RULESET = Ruleset(
    ruleset_id=RULESET_ID,
    title="DHS Guidelines for the Enforcement of Civil Immigration Law",
    version="1.0.0",
    effective_from=date(2021, 11, 29),
    effective_to=date(2025, 1, 20),
    source="ice.gov/doclib/news/guidelines-civilimmigrationlaw.pdf",
    short_cite="DHS Guidelines for the Enforcement of Civil Immigration Law (2021-09-30)",
    suspensions=(
        Window(
            date(2022, 3, 22),
            date(2022, 4, 12),
            "partial",
            "a preliminary injunction limited the guidelines (stayed by the 6th Circuit on 2022-04-12)",
            "Arizona v. Biden (S.D. Ohio, 2022-03-22); 6th Cir. stay 2022-04-12",
        ),
        Window(
            date(2022, 6, 10),
            date(2023, 7, 28),
            "full",
            "the guidelines were vacated; they were reinstated after United States v. Texas, 599 U.S. 670 "
            "(decided 2023-06-23)",
            "Texas v. United States (S.D. Tex., vacatur 2022-06-10); United States v. Texas, 599 U.S. 670 (2023)",
        ),
    ),
    rules=(
        Rule(
            "RECORD",
            "Record reviewed",
            "principle: obtain and review the entire criminal and administrative record",
            common.record_completeness,
        ),
        Rule("NS", "National security", "priority 1: national security", common.national_security),
        Rule(
            "PS",
            "Public safety",
            "priority 2: public safety, current threat on the totality of facts",
            public_safety,
        ),
        _factor_rule("AGG-1", "Gravity of the offense and the sentence imposed", agg1_gravity),
        _factor_rule("AGG-2", "Nature and degree of harm", agg2_harm),
        _factor_rule("AGG-3", "Sophistication of the offense", agg3_sophistication),
        _factor_rule("AGG-4", "Use or threatened use of a firearm or dangerous weapon", agg4_weapon),
        _factor_rule("AGG-5", "Serious prior criminal record", agg5_prior_record),
        _factor_rule("MIT-1", "Advanced or tender age", mit1_age),
        _factor_rule("MIT-2", "Lengthy presence in the U.S.", mit2_presence),
        _factor_rule("MIT-3", "Mental or physical condition", mit3_condition),
        _factor_rule("MIT-4", "Victim, witness or party in legal proceedings", mit4_victim_witness),
        _factor_rule("MIT-5", "Impact of removal on family in the U.S.", mit5_family),
        _factor_rule("MIT-6", "Possible eligibility for humanitarian protection or other relief", mit6_relief),
        _factor_rule("MIT-7", "Military or other public service", mit7_service),
        _factor_rule("MIT-8", "Time since the offense and evidence of rehabilitation", mit8_time_rehabilitation),
        _factor_rule("MIT-9", "Conviction vacated or expunged", mit9_vacated),
        _factor_rule("MIT-10", "Workplace or tenant rights, labor or housing dispute", mit10_labor_housing),
        Rule(
            "PS.TIES",
            "Other community ties",
            "priority 2: totality of the facts and circumstances",
            other_ties,
        ),
        Rule(
            "BS.a",
            "Border security: apprehension at the border",
            "priority 3(a): apprehended at the border or a port of entry while attempting to enter unlawfully",
            border_apprehension,
        ),
        Rule(
            "BS.b",
            "Border security: unlawful entry after 2020-11-01",
            "priority 3(b): apprehended in the U.S. after entering unlawfully after 2020-11-01",
            unlawful_entry_after_cutoff,
        ),
        Rule(
            "SPECIAL.farmworker",
            "Special consideration: farmworker",
            "groups for special consideration: farmworkers",
            special_farmworker,
        ),
        Rule(
            "SPECIAL.elderly",
            "Special consideration: elderly",
            "groups for special consideration: the elderly",
            special_elderly,
        ),
        Rule(
            "SPECIAL.reported_abuse",
            "Special consideration: reported a landlord or employer",
            "groups for special consideration: people who reported unscrupulous landlords or employers",
            special_reported_abuse,
        ),
        Rule(
            "SPECIAL.demonstration",
            "Special consideration: public demonstration",
            "groups for special consideration: participants in public demonstrations",
            special_demonstration,
        ),
        Rule(
            "AF",
            "Possible aggravated felony",
            "8 U.S.C. 1101(a)(43), (48)(A), (48)(B)",
            common.aggravated_felony,
        ),
    ),
)
