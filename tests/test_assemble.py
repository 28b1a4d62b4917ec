from builders import document, event, offense, subject, tie
from casefacts.assemble import assemble_case, build_timeline, merge_facts, merge_subject

RAP, COURT = "a" * 64, "b" * 64


def test_same_offense_in_two_documents_is_one_fact_with_two_evidences():
    rap = offense("BURG 2ND DEG", "convicted", doc_id=RAP, charge_normalized="burglary in the second degree",
                  arrest_date="2017-05-02")
    court = offense("burglary in the second degree", "pleaded_guilty", doc_id=COURT,
                    arrest_date="2017-05", disposition_date="2017-09-12")
    merged = merge_facts([rap, court])
    assert len(merged) == 1
    fact = merged[0]
    assert {e.doc_id for e in fact.evidence} == {RAP, COURT}
    assert fact.disposition == "pleaded_guilty"  # compatible: the more specific wins
    assert fact.arrest_date.iso == "2017-05-02" and fact.disposition_date.iso == "2017-09-12"
    assert not fact.flags


def test_conflicting_dispositions_are_kept_and_flagged_not_resolved():
    merged = merge_facts([offense("DUI", "convicted", doc_id=RAP), offense("DUI", "dismissed", doc_id=COURT)])
    assert len(merged) == 1
    assert merged[0].flags == ["conflict:disposition=convicted|dismissed"]


def test_different_dates_or_persons_keep_offenses_apart():
    facts = [offense("DUI", arrest_date="2015-01-02", doc_id=RAP),
             offense("DUI", arrest_date="2018-06-07", doc_id=COURT),
             offense("DUI", who="other", doc_id=COURT)]
    assert len(merge_facts(facts)) == 3


def test_events_and_ties_merge_on_their_keys():
    facts = [event("removal", "2019-03", doc_id=RAP), event("removal", "2019-03", doc_id=COURT),
             event("removal", "2012", doc_id=COURT), tie("family", relation="child", doc_id=RAP),
             tie("family", relation="child", doc_id=COURT)]
    merged = merge_facts(facts)
    assert len(merged) == 3
    assert len(merged[0].evidence) == 2


def test_subject_merge_prefers_most_cited_name_and_unions_identifiers():
    s = merge_subject([subject("ANA DIAZ", "1980-02-03", a_number="A1"), subject("Ana Diaz", fbi_number="F2"),
                       subject("ANA DIAZ")])
    assert s.name == "ANA DIAZ" and s.date_of_birth.iso == "1980-02-03"
    assert {(i.scheme, i.value) for i in s.identifiers} == {("a_number", "A1"), ("fbi_number", "F2")}


def test_timeline_is_sorted_and_skips_undated_and_negated():
    facts = [event("entry", "2004"), event("removal", "2019-03-04"), event("arrest"),
             event("apprehension", "2010", status="negated"),
             offense("DUI", arrest_date="2012-07", disposition_date="2013-01-05"),
             tie("residence", since=2005)]
    labels = [(e.date.iso, e.label) for e in build_timeline(facts)]
    assert labels == [("2004", "Entry"), ("2005", "Residence since"), ("2012-07", "Arrest: DUI"),
                      ("2013-01-05", "Disposition: DUI (convicted)"), ("2019-03-04", "Removal")]


def test_assembled_case_flags_low_confidence_and_counts_review():
    doc = document("x")
    case = assemble_case("c1", [doc], [offense("DUI", confidence=0.3), offense("PETIT LARC")],
                         confidence_threshold=0.6)
    low = [f for f in case.facts if "low_confidence" in f.flags]
    assert [f.charge for f in low] == ["DUI"]
    assert case.review.facts_total == 2 and case.review.needs_attention == [low[0].fact_id]
