"""DHS guidelines (2021-09-30, effective 2021-11-29): categories, AGG-1..5, MIT-1..10, flags."""

from datetime import date

import pytest
from rule_factories import case, event, offense, state, subject, tie

from casefacts.rules import apply_rules, get_ruleset

AS_OF = date(2022, 2, 1)
NO_LETTERS = ("rap_sheet", "court_disposition", "arrest_narrative")


def finding(c, rule_id, as_of=AS_OF):
    findings = apply_rules(c, as_of)
    assert findings[0].ruleset_id == "dhs_guidelines_2021_09_30"
    return next(f for f in findings if f.rule_id == rule_id)


def test_every_factor_has_a_rule_whose_id_contains_it():
    ids = {r.rule_id for r in get_ruleset("dhs_guidelines_2021_09_30").rules}
    for factor in [f"AGG-{i}" for i in range(1, 6)] + [f"MIT-{i}" for i in range(1, 11)]:
        assert f"PS.{factor}" in ids


def test_ps_may_apply_but_is_never_met_and_no_score():
    c = case(
        offense("MURDER", level="felony", date="2019-01-01", custody_days=9000),
        offense("ROBBERY", level="felony", date="2015-01-01", custody_days=700),
    )
    findings = apply_rules(c, AS_OF)
    assert all(f.outcome != "met" for f in findings if f.rule_id == "PS")
    ps = next(f for f in findings if f.rule_id == "PS")
    assert (
        ps.outcome == "needs_legal_review"
        and "AGG-1" in ps.explanation
        and "No factor or count decides" in ps.explanation
    )
    assert finding(case(offense("THEFT", "dismissed", arrest="2019-01-01")), "PS").outcome == "not_met"


def test_ns():
    assert finding(case(offense("ESPIONAGE", date="2019-01-01")), "NS").outcome == "needs_legal_review"


def test_agg1_gravity_and_sentence():
    f = finding(case(offense("BURGLARY", level="felony", date="2019-01-01", custody_days=400)), "PS.AGG-1")
    assert f.outcome == "met" and "400 days custody" in f.explanation
    assert (
        finding(
            case(offense("DUI", level="misdemeanor", date="2019-01-01", custody_days=2)), "PS.AGG-1"
        ).outcome
        == "not_met"
    )
    unknown = finding(case(offense("SOME OFFENSE", date="2019-01-01")), "PS.AGG-1")
    assert unknown.outcome == "insufficient_information" and "offense level" in unknown.missing[0]
    open_ = finding(case(offense("ROBBERY", "pending", arrest="2021-05-01")), "PS.AGG-1")
    assert open_.outcome == "insufficient_information" and "final disposition" in open_.missing[0]


def test_agg2_harm_asks_for_reports_when_none_were_read():
    c = case(offense("ASSAULT CAUSING BODILY INJURY", date="2019-01-01"), kinds=("rap_sheet",))
    f = finding(c, "PS.AGG-2")
    assert f.outcome == "met" and f.missing == ["arrest or incident reports (nature and degree of harm)"]
    assert finding(case(offense("PETTY THEFT", date="2019-01-01")), "PS.AGG-2").outcome == "not_met"


def test_agg3_sophistication():
    assert finding(case(offense("MONEY LAUNDERING", date="2019-01-01")), "PS.AGG-3").outcome == "met"
    assert finding(case(offense("DUI", date="2019-01-01")), "PS.AGG-3").outcome == "not_met"


def test_agg4_weapon():
    assert finding(case(offense("ASSAULT W/ DEADLY WEAPON", date="2019-01-01")), "PS.AGG-4").outcome == "met"
    assert finding(case(offense("FELON IN POSS FIREARM", date="2019-01-01")), "PS.AGG-4").outcome == "met"
    assert finding(case(offense("PETTY THEFT", date="2019-01-01")), "PS.AGG-4").outcome == "not_met"


def test_agg5_serious_prior_record():
    serious = case(
        offense("ROBBERY", level="felony", date="2010-01-01", custody_days=700),
        offense("DUI", level="misdemeanor", date="2019-01-01", custody_days=2),
    )
    assert finding(serious, "PS.AGG-5").outcome == "met"
    minor = case(
        offense("DWLS", level="misdemeanor", date="2010-01-01", custody_days=2),
        offense("DUI", level="misdemeanor", date="2019-01-01", custody_days=2),
    )
    assert finding(minor, "PS.AGG-5").outcome == "not_met"
    assert (
        finding(case(offense("ROBBERY", level="felony", date="2019-01-01")), "PS.AGG-5").outcome == "not_met"
    )


@pytest.mark.parametrize(
    ("dob", "outcome"),
    [
        ("1950-01-01", "met"),
        ("2005-01-01", "met"),
        ("1980-01-01", "not_met"),
        ("1957", "insufficient_information"),
    ],
)
def test_mit1_age(dob, outcome):
    assert finding(case(subject(dob)), "PS.MIT-1").outcome == outcome


def test_mit1_offense_under_18_and_missing_birth_date():
    c = case(subject("1990-06-01"), offense("ROBBERY", date="2006-01-01"))
    assert finding(c, "PS.MIT-1").outcome == "met"
    assert finding(case(), "PS.MIT-1").missing == ["date of birth"]


def test_mit2_lengthy_presence():
    long = finding(
        case(
            event("unlawful_entry", "2005-03", "near Hidalgo, Texas"),
            event("removal", "2014-01-01", "Brownsville"),
        ),
        "PS.MIT-2",
    )
    assert long.outcome == "met" and "removal" in long.explanation
    short = finding(case(event("entry", "2019-03-01", "JFK airport")), "PS.MIT-2")
    assert short.outcome == "not_met"
    assert finding(case(), "PS.MIT-2").outcome == "insufficient_information"
    straddle = finding(case(tie("residence", since=2012)), "PS.MIT-2", as_of=date(2022, 6, 1))
    assert straddle.outcome == "insufficient_information" and straddle.missing == [
        "exact date of residence since 2012"
    ]


def test_mit3_condition_of_the_person_not_of_a_relative():
    assert finding(case(tie("health", "has diabetes")), "PS.MIT-3").outcome == "met"
    relative = case(tie("health", "son has epilepsy", relation="son"))
    assert finding(relative, "PS.MIT-3").outcome == "not_met"
    assert finding(relative, "PS.MIT-5").outcome == "met"


def test_mitigating_absence_is_missing_information_without_letters():
    c = case(kinds=NO_LETTERS)
    for factor in ("MIT-3", "MIT-4", "MIT-5", "MIT-7", "MIT-10"):
        f = finding(c, f"PS.{factor}")
        assert f.outcome == "insufficient_information" and f.missing, factor
    assert finding(case(), "PS.MIT-4").outcome == "not_met"


def test_mit4_victim_witness():
    assert finding(case(tie("victim_witness", "testified for the prosecution")), "PS.MIT-4").outcome == "met"


def test_mit5_family_and_caregiver():
    f = finding(
        case(
            tie("family", "she is the only income for her children", relation="daughter", status="us_citizen")
        ),
        "PS.MIT-5",
    )
    assert f.outcome == "met" and "provider or caregiver" in f.explanation
    abroad = finding(case(tie("family", relation="parent", in_us=False)), "PS.MIT-5")
    assert abroad.outcome == "not_met"


def test_mit6_relief_is_always_a_legal_question():
    f = finding(case(tie("family", relation="spouse", status="us_citizen")), "PS.MIT-6")
    assert f.outcome == "needs_legal_review"
    none = finding(case(), "PS.MIT-6")
    assert none.outcome == "insufficient_information" and "A-file" in none.missing[0]
    bar = finding(case(tie("victim_witness"), offense("ROBBERY", date="2019-01-01")), "PS.MIT-6")
    assert "may bar some forms of relief" in bar.explanation


def test_mit7_military_or_public_service():
    assert finding(case(tie("military", relation="son", branch="U.S. Army")), "PS.MIT-7").outcome == "met"
    assert finding(case(tie("employment", "volunteer firefighter")), "PS.MIT-7").outcome == "met"


def test_mit8_time_since_offense_and_rehabilitation():
    old = finding(case(offense("DUI", date="2012-01-01")), "PS.MIT-8")
    assert old.outcome == "met" and "at least 10 year(s)" in old.explanation
    recent = finding(case(offense("DUI", date="2021-01-01")), "PS.MIT-8")
    assert recent.outcome == "not_met"
    rehab = finding(
        case(offense("DUI", date="2021-01-01"), tie("rehabilitation", "completed AA")), "PS.MIT-8"
    )
    assert rehab.outcome == "met"


def test_mit9_vacated_or_expunged_asks_for_the_reason():
    f = finding(case(offense("THEFT", "vacated", date="2015-01-01")), "PS.MIT-9")
    assert f.outcome == "met" and "legal defect or rehabilitation" in f.missing[0]


def test_mit10_and_special_reported_abuse():
    c = case(tie("victim_witness", "filed a wage theft complaint against the employer"))
    assert finding(c, "PS.MIT-10").outcome == "met"
    assert finding(c, "SPECIAL.reported_abuse").outcome == "met"
    assert finding(case(tie("employment", "works at a car wash")), "PS.MIT-10").outcome == "not_met"


def test_special_farmworker_elderly_demonstration():
    assert (
        finding(case(tie("employment", "dairy worker at Tri-County Dairy")), "SPECIAL.farmworker").outcome
        == "met"
    )
    assert finding(case(subject("1950-01-01")), "SPECIAL.elderly").outcome == "met"
    demo = finding(case(offense("FAILURE TO DISPERSE", date="2020-06-01")), "SPECIAL.demonstration")
    assert demo.outcome == "met" and "never a basis for action" in demo.explanation
    assert finding(case(offense("DUI", date="2020-06-01")), "SPECIAL.demonstration").outcome == "not_met"


@pytest.mark.parametrize(
    ("day", "outcome"),
    [
        ("2020-11-01", "needs_legal_review"),  # "after": the day itself is for a person
        ("2020-11-02", "met"),
        ("2020-10-31", "not_met"),
        ("2020-11", "insufficient_information"),
        ("2020", "insufficient_information"),
    ],
)
def test_bs_b_unlawful_entry_after_cutoff(day, outcome):
    f = finding(case(event("unlawful_entry", day, "near Eagle Pass, Texas")), "BS.b")
    assert f.outcome == outcome
    if outcome == "insufficient_information":
        assert f.missing == [f"exact date of entry (the record says {day})"]


def test_bs_b_manner_of_entry_unknown():
    f = finding(case(event("entry", "2021-02-01", "Miami International Airport")), "BS.b")
    assert f.outcome == "insufficient_information" and "manner of the entry" in f.missing[0]


def test_bs_b_border_apprehension_on_the_cutoff_day_goes_to_a_person():
    assert (
        finding(case(event("apprehension", "2020-11-01", "near Hidalgo, Texas")), "BS.b").outcome
        == "needs_legal_review"
    )


def test_bs_a_only_when_nothing_later_places_the_person_inside():
    assert (
        finding(case(event("apprehension", "2022-01-10", "near Lukeville, Arizona")), "BS.a").outcome == "met"
    )
    later = case(
        event("apprehension", "2015-01-10", "near Lukeville, Arizona"), offense("DUI", date="2019-01-01")
    )
    assert finding(later, "BS.a").outcome == "not_met"


def test_af_runs_under_the_guidelines_too():
    f = finding(
        case(
            offense(
                "THEFT", date="2019-01-01", custody_days=365, suspended_days=300, statute=state("PC", "484")
            )
        ),
        "AF",
    )
    assert f.outcome == "needs_legal_review" and "at least 1 year" in f.explanation
