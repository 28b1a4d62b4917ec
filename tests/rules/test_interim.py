"""ICE interim guidance (2021-02-18): presumed priorities, cut-off, preapproval, weekly report."""

from datetime import date

import pytest
from rule_factories import case, event, offense, state, subject, tie, usc

from casefacts.rules import apply_rules, evaluate_case, weekly_report_row

AS_OF = date(2021, 6, 1)


def finding(c, rule_id, as_of=AS_OF):
    findings = apply_rules(c, as_of)
    assert findings[0].ruleset_id == "ice_interim_2021_02_18"
    return next(f for f in findings if f.rule_id == rule_id)


def test_ns_terrorism_offense_goes_to_a_person_and_absence_is_not_met():
    f = finding(
        case(offense("MATERIAL SUPPORT", "charged", date="2020-01-01", statute=usc(18, "2339B"))), "NS"
    )
    assert f.outcome == "needs_legal_review" and f.fact_ids
    assert finding(case(offense("DUI", date="2020-01-01")), "NS").outcome == "not_met"


@pytest.mark.parametrize(
    ("day", "outcome"),
    [
        ("2020-11-01", "met"),  # "on or after": the cut-off day itself qualifies
        ("2020-10-31", "not_met"),
        ("2020-11", "met"),  # every day of the month is on or after the 1st
        ("2020-10", "not_met"),
        ("2020", "insufficient_information"),
    ],
)
def test_bs_a_border_apprehension_on_or_after_cutoff(day, outcome):
    f = finding(case(event("apprehension", day, "near Sasabe, Arizona")), "BS.a")
    assert f.outcome == outcome
    if outcome == "insufficient_information":
        assert f.missing == ["exact date of the apprehension at the border (2020)"]


def test_bs_a_apprehension_without_place_asks_for_it():
    f = finding(case(event("apprehension", "2021-01-05", None, quote="was apprehended")), "BS.a")
    assert f.outcome == "insufficient_information" and "place of the apprehension" in f.missing[0]


def test_bs_b_presence_before_cutoff_is_not_met():
    c = case(event("unlawful_entry", "2021-01-03", "near Hidalgo, Texas"), tie("residence", since=2015))
    f = finding(c, "BS.b")
    assert f.outcome == "not_met" and "residence since 2015" in f.explanation


def test_bs_b_first_presence_is_an_entry_after_cutoff():
    f = finding(case(event("unlawful_entry", "2021-01-03", "near Hidalgo, Texas")), "BS.b")
    assert f.outcome == "met"


def test_bs_b_entry_date_straddling_cutoff_asks_for_exact_date():
    f = finding(case(event("entry", "2020", "Los Angeles International Airport")), "BS.b")
    assert f.outcome == "insufficient_information" and f.missing == ["exact date of entry 2020"]


def test_bs_b_without_entry_date_asks_for_it():
    f = finding(case(tie("residence", since=2021)), "BS.b")
    assert f.outcome == "insufficient_information" and f.missing == ["date of first entry into the U.S."]


def test_ps_i_aggravated_felony_conviction_needs_legal_review():
    c = case(offense("POSS CS FOR SALE", level="felony", date="2018-01-01", custody_days=365))
    assert finding(c, "PS.i").outcome == "needs_legal_review"
    assert finding(case(offense("DUI", date="2018-01-01")), "PS.i").outcome == "not_met"
    open_ = finding(case(offense("ROBBERY", "pending", arrest="2020-02-01")), "PS.i")
    assert open_.outcome == "insufficient_information"
    assert open_.missing == ["final disposition of the 2020 charge for ROBBERY"]


def test_ps_ii_gang_element_conviction():
    c = case(
        offense("PARTICIPATION IN CRIMINAL STREET GANG", date="2018-01-01", statute=state("PC", "186.22(a)"))
    )
    f = finding(c, "PS.ii")
    assert f.outcome == "needs_legal_review" and "18 U.S.C. 521(a)" in f.explanation
    assert finding(case(offense("ROBBERY", date="2018-01-01")), "PS.ii").outcome == "not_met"


def test_ps_iii_gang_participation_checks_age_16():
    gang = offense("GANG ACTIVITY", "arrested", arrest="2015-06-01", fact_id="g")
    assert finding(case(subject("1996-01-01"), gang), "PS.iii").outcome == "needs_legal_review"  # 19
    assert finding(case(subject("2000-01-01"), gang), "PS.iii").outcome == "not_met"  # 15
    no_dob = finding(case(gang), "PS.iii")
    assert no_dob.outcome == "needs_legal_review" and "date of birth" in no_dob.missing


def test_ps_needs_criterion_and_current_threat_and_is_never_met():
    c = case(
        offense("AGG ASLT W/DW", level="felony", date="2019-01-01", custody_days=730),
        tie("family", relation="son", status="us_citizen"),
        tie("health"),
    )
    f = finding(c, "PS")
    assert f.outcome == "needs_legal_review"
    assert "cannot judge a current threat" in f.explanation and "family" in f.explanation
    assert finding(case(offense("DUI", date="2019-01-01")), "PS").outcome == "not_met"


def test_no_interim_rule_says_public_safety_yes():
    c = case(
        offense("MURDER", level="felony", date="2019-01-01", custody_days=9000),
        offense("GANG PARTICIPATION", date="2018-01-01", statute=state("PC", "186.22(a)")),
    )
    for f in apply_rules(c, AS_OF):
        if f.rule_id.startswith("PS"):
            assert f.outcome != "met", f.rule_id


def test_preapproval_required_outside_presumed_priorities():
    f = finding(case(offense("DUI", date="2019-01-01"), tie("residence", since=2010)), "PREAPPROVAL")
    assert f.outcome == "met" and "Field Office Director" in f.explanation and "24 hours" in f.explanation
    border = finding(case(event("apprehension", "2021-03-01", "San Ysidro Port of Entry")), "PREAPPROVAL")
    assert border.outcome == "not_met"
    review = finding(
        case(
            offense("ROBBERY", level="felony", date="2019-01-01", custody_days=400),
            tie("residence", since=2010),
        ),
        "PREAPPROVAL",
    )
    assert review.outcome == "needs_legal_review"


def test_weekly_report_row_fields():
    c = evaluate_case(
        case(
            event("apprehension", "2021-03-01", "near Del Rio, Texas"),
            offense("ROBBERY", level="felony", date="2021-02-01", custody_days=400),
        ),
        AS_OF,
    )
    row = weekly_report_row(c, c.findings)
    assert row == {
        "case_id": "case-test",
        "as_of": "2021-06-01",
        "ruleset_id": "ice_interim_2021_02_18",
        "national_security": "no",
        "border_security": "yes",
        "public_safety": "needs review",
        "presumed_priority": "yes",
        "preapproval_required": "no",
        "open_items": ["AF", "BS.b", "PS", "PS.i"],
        "justification": None,
    }


def test_weekly_report_row_outside_interim_is_not_applicable():
    c = evaluate_case(case(offense("DUI", date="2019-01-01")), date(2022, 2, 1))
    row = weekly_report_row(c, c.findings)
    assert row["ruleset_id"] == "dhs_guidelines_2021_09_30"
    assert row["preapproval_required"] == "n/a" and row["justification"] is None
