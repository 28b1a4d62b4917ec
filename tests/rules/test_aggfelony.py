"""Possible aggravated felony: always legal review; term of imprisonment; conviction status."""

from datetime import date

from rule_factories import case, offense, state

from casefacts.rules import apply_rules, build_rule_input
from casefacts.rules.aggfelony import analyse, conviction_status, term_note

AS_OF = date(2022, 2, 1)


def one(o):
    return build_rule_input(case(o)).offenses[0]


def af(c):
    return next(f for f in apply_rules(c, AS_OF) if f.rule_id == "AF")


def test_af_is_never_met_only_legal_review():
    for o in (
        offense("MURDER", level="felony", date="2019-01-01", custody_days=9000),
        offense("POSS CS FOR SALE", date="2019-01-01"),
        offense("PETTY THEFT", date="2019-01-01"),
    ):
        assert af(case(o)).outcome == "needs_legal_review"


def test_term_includes_the_suspended_part():
    text, missing = term_note(one(offense("THEFT", custody_days=365, suspended_days=335)), ("G",))
    assert "365 days, of which 335 days suspended" in text and "at least 1 year" in text and not missing


def test_term_under_a_year_and_borderline_360_days():
    assert "under 1 year" in term_note(one(offense("ROBBERY", custody_days=180)), ("F",))[0]
    text, missing = term_note(one(offense("ROBBERY", custody_days=360)), ("F",))
    assert "the order decides" in text and "360-364 days" in missing[0]


def test_missing_term_is_asked_for_and_threshold_letters_need_amounts():
    text, missing = analyse(one(offense("MONEY LAUNDERING", date="2019-01-01", custody_days=400)))
    assert "(D) money laundering over $10,000" in text
    assert any("amount of the funds" in m for m in missing)
    _, missing = analyse(one(offense("BURGLARY", date="2019-01-01")))
    assert any(m.startswith("sentence ordered for BURGLARY") for m in missing)


def test_conviction_status_per_1101_a_48_a():
    assert "conviction under 1101(a)(48)(A)" in conviction_status(one(offense("X", "convicted")))
    assert "adjudication withheld" in conviction_status(one(offense("X", "pleaded_guilty")))
    assert "legal defect" in conviction_status(one(offense("X", "vacated")))
    assert "generally still a conviction" in conviction_status(one(offense("X", "expunged")))


def test_dismissed_and_acquitted_are_not_considered():
    f = af(
        case(
            offense("ROBBERY", "dismissed", arrest="2019-01-01"),
            offense("BURGLARY", "acquitted", arrest="2018-01-01"),
        )
    )
    assert f.outcome == "not_met" and "Not convictions" in f.explanation


def test_open_charge_only_is_insufficient_information():
    f = af(case(offense("ROBBERY", "pending", arrest="2021-06-01", statute=state("PC", "211"))))
    assert (
        f.outcome == "insufficient_information"
        and "final disposition of the 2021 charge for ROBBERY" in f.missing
    )


def test_vacated_conviction_asks_for_the_reason():
    f = af(case(offense("ROBBERY", "vacated", date="2015-01-01")))
    assert f.outcome == "needs_legal_review" and any("reason ROBBERY was vacated" in m for m in f.missing)
