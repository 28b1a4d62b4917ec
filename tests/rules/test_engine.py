from datetime import date

import pytest
from rule_factories import case, event, offense, subject

from casefacts.errors import RulesetError
from casefacts.rules import apply_rules, default_as_of, evaluate_case, get_ruleset, select_ruleset

INTERIM, GUIDE = "ice_interim_2021_02_18", "dhs_guidelines_2021_09_30"


@pytest.mark.parametrize(
    ("day", "ruleset_id"),
    [
        (date(2021, 2, 18), INTERIM),
        (date(2021, 11, 28), INTERIM),
        (date(2021, 11, 29), GUIDE),
        (date(2025, 1, 19), GUIDE),
    ],
)
def test_select_ruleset_by_date(day, ruleset_id):
    assert select_ruleset(day).ruleset_id == ruleset_id


@pytest.mark.parametrize("day", [date(2021, 2, 17), date(2025, 1, 20), date(2030, 1, 1)])
def test_no_ruleset_outside_the_encoded_periods(day):
    with pytest.raises(RulesetError):
        select_ruleset(day)


def test_rulesets_are_dated_cited_and_every_rule_has_a_section():
    for ruleset_id in (INTERIM, GUIDE):
        rs = get_ruleset(ruleset_id)
        assert rs.source.startswith("ice.gov/doclib/") and rs.effective_to is not None
        assert all(rule.section and rule.title for rule in rs.rules)
        assert len({rule.rule_id for rule in rs.rules}) == len(rs.rules)
    with pytest.raises(RulesetError):
        get_ruleset("no_such_ruleset")


def test_default_as_of_is_the_last_possible_day_of_the_latest_event():
    c = case(offense("THEFT", date="2019-03-02", disposed="2021-11"), event("arrest", "2021-06-30"))
    assert default_as_of(c) == date(2021, 11, 30)
    assert default_as_of(case(subject("1980"))) is None


def test_default_as_of_ignores_facts_the_rules_do_not_read():
    c = case(offense("THEFT", date="2019-03-02"), offense("ROBBERY", date="2023-01-01", about="other"))
    assert default_as_of(c) == date(2019, 3, 2)


def _in_force(findings):
    assert findings[0].rule_id == "IN_FORCE"
    return findings[0]


@pytest.mark.parametrize(
    ("day", "outcome", "words"),
    [
        (date(2021, 6, 1), "met", "in force"),
        (date(2021, 9, 1), "needs_legal_review", "partly limited"),  # Texas v. United States, detention
        (date(2022, 3, 25), "needs_legal_review", "partly limited"),  # S.D. Ohio injunction
        (date(2022, 6, 10), "needs_legal_review", "suspended"),  # vacatur
        (date(2023, 7, 27), "needs_legal_review", "suspended"),
        (date(2023, 7, 28), "met", "in force"),
    ],
)
def test_as_of_inside_a_suspension_window_says_so(day, outcome, words):
    f = _in_force(apply_rules(case(offense("THEFT", date="2019-01-01")), day))
    assert (f.outcome, words in f.explanation) == (outcome, True)


def test_default_as_of_from_a_partial_date_that_spans_two_rulesets_asks_for_the_exact_date():
    f = _in_force(apply_rules(case(offense("THEFT", date="2019-01-01", disposed="2021-11"))))
    assert f.ruleset_id == GUIDE and f.outcome == "insufficient_information"
    assert "exact date of the most recent record event" in f.missing[0]


def test_explicit_ruleset_outside_its_period_is_flagged():
    f = _in_force(
        apply_rules(case(offense("THEFT", date="2019-01-01")), date(2024, 1, 1), ruleset_id=INTERIM)
    )
    assert f.ruleset_id == INTERIM and f.outcome == "needs_legal_review"


def test_no_dated_event_or_no_ruleset_gives_one_finding_saying_what_is_missing():
    [f] = apply_rules(case(subject("1980")))
    assert (f.ruleset_id, f.outcome) == ("none", "insufficient_information") and "--as-of" in f.missing[0]
    [g] = apply_rules(case(offense("THEFT", date="2018-05-01")))
    assert g.ruleset_id == "none" and "2018-05-01" in g.explanation


def test_facts_after_the_as_of_date_are_set_aside_and_later_dispositions_read_as_pending():
    c = case(
        offense(
            "ROBBERY", level="felony", date="2021-03-01", disposed="2022-05-01", custody_days=700, fact_id="r"
        ),
        offense("BURGLARY", level="felony", date="2023-01-01", fact_id="b"),
    )
    findings = apply_rules(c, date(2021, 6, 1))
    head = _in_force(findings)
    assert "1 fact(s)" in head.explanation and "1 disposition(s)" in head.explanation
    af = next(f for f in findings if f.rule_id == "PS.i")
    assert af.outcome == "insufficient_information" and "BURGLARY" not in af.explanation


def test_evaluate_case_sets_findings_and_as_of():
    c = evaluate_case(case(offense("THEFT", date="2021-05-04")))
    assert c.as_of.iso == "2021-05-04" and c.findings[0].ruleset_id == INTERIM
    assert c.findings == apply_rules(c)
