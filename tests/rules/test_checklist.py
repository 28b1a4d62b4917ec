from datetime import date

from rule_factories import case, offense

from casefacts.rules import apply_rules, missing_checklist


def test_checklist_lists_each_missing_record_once_with_the_rules_it_settles():
    c = case(offense("BURGLARY", "arrested", arrest="2017-04-02"), kinds=("rap_sheet",))
    items = missing_checklist(apply_rules(c, date(2022, 2, 1)))
    records = [i.record for i in items]
    assert len(records) == len(set(records))
    disposition = next(i for i in items if i.record == "final disposition of the 2017 arrest for BURGLARY")
    assert {"RECORD", "PS.AGG-1", "AF"} <= set(disposition.rule_ids)
    assert "date of birth" in records
    assert "court disposition records for each arrest (only the rap sheet was read)" in records


def test_every_insufficient_finding_says_what_would_settle_it():
    c = case(
        offense("BURGLARY", "arrested", arrest="2017-04-02"),
        offense("THEFT", date="2019-01-01"),
        kinds=("rap_sheet",),
    )
    for as_of in (date(2021, 6, 1), date(2022, 2, 1)):
        for f in apply_rules(c, as_of):
            if f.outcome == "insufficient_information":
                assert f.missing, f.rule_id
