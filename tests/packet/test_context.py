from datetime import date

from rule_factories import case, event, offense, subject, tie

from casefacts.packet import build_packet
from casefacts.rules import evaluate_case
from casefacts.schema import Subject


def _case():
    c = case(subject("1980-05-02", name="Ana Example"),
             offense("AGG ASLT W/DW", level="felony", date="2016-03-04", custody_days=730, fact_id="o1"),
             offense("BURGLARY", "arrested", arrest="2019-07", fact_id="o2"),
             offense("ROBBERY", about="other", date="2018-01-01", fact_id="o3"),
             event("unlawful_entry", "2004-06", "near Hidalgo, Texas", fact_id="e1"),
             tie("family", "her son is a U.S. citizen", relation="son", status="us_citizen", fact_id="t1"))
    c = c.model_copy(update={"subject": Subject(name="Ana Example", date_of_birth=c.facts[0].date_of_birth)})
    return evaluate_case(c, date(2022, 1, 15))


def test_sections_group_findings_in_reading_order():
    p = build_packet(_case())
    titles = [s.title for s in p.sections]
    assert titles == ["Ruleset and date", "Record reviewed", "Priority categories", "Aggravating factors",
                      "Mitigating factors and other ties", "Special consideration", "Possible aggravated felony"]
    agg = next(s for s in p.sections if s.title == "Aggravating factors")
    assert [v.finding.rule_id for v in agg.findings] == [f"PS.AGG-{i}" for i in range(1, 6)]
    assert agg.findings[0].title == "Gravity of the offense and the sentence imposed"


def test_findings_carry_the_quotes_of_their_facts():
    p = build_packet(_case())
    view = next(v for s in p.sections for v in s.findings if v.finding.rule_id == "PS.AGG-4")
    assert [(q.fact_id, q.quote, q.doc_kind) for q in view.quotes] == [("o1", "AGG ASLT W/DW", "rap_sheet")]
    assert view.quotes[0].source == "rap_sheet.txt"


def test_excluded_facts_checklist_and_counts():
    p = build_packet(_case())
    assert [(e.fact_id, e.reason) for e in p.excluded] == [("o3", "about another person (brother)")]
    assert any(item.record == "final disposition of the 2019 arrest for BURGLARY" for item in p.checklist)
    assert sum(p.counts.values()) == len(_case().findings)


def test_redaction_hides_identifiers():
    assert build_packet(_case()).subject_name == "Ana Example"
    redacted = build_packet(_case(), redact=True)
    assert redacted.subject_name is None and redacted.subject_dob is None
    quotes = [q.quote for s in redacted.sections for v in s.findings for q in v.quotes]
    assert quotes and "Ana Example" not in quotes
    assert "Ana Example" in [q.quote for s in build_packet(_case()).sections for v in s.findings for q in v.quotes]


def test_preapproval_outcome_reads_in_its_own_words():
    c = evaluate_case(case(offense("DUI", date="2021-01-01"), tie("residence", since=2010)), date(2021, 6, 1))
    view = next(v for s in build_packet(c).sections for v in s.findings if v.finding.rule_id == "PREAPPROVAL")
    assert (view.finding.outcome, view.outcome_label) == ("met", "Preapproval required")
