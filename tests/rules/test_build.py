from rule_factories import case, document, event, offense, subject, tie

from casefacts.rules import build_rule_input
from casefacts.rules.build import at_border, excluded_facts, neutral_relation


def test_only_affirmed_subject_facts_not_rejected_reach_the_rules():
    c = case(
        offense("ROBBERY", fact_id="keep"),
        offense("BURGLARY", about="other", fact_id="other"),
        offense("ASSAULT", status="negated", fact_id="negated"),
        offense("THEFT", status="hypothetical", fact_id="hypo"),
        offense("FRAUD", status="historical", fact_id="hist"),
        offense("FORGERY", review_state="rejected", fact_id="rejected"),
    )
    inp = build_rule_input(c)
    assert [o.fact_id for o in inp.offenses] == ["keep"]
    reasons = dict((f.fact_id, r) for f, r in excluded_facts(c))
    assert set(reasons) == {"other", "negated", "hypo", "hist", "rejected"}
    assert reasons["rejected"] == "rejected by a reviewer"


def test_completed_review_keeps_only_accepted_facts_and_latest_version():
    c = case(
        offense("ROBBERY", fact_id="a", review_state="accepted"),
        offense("THEFT", fact_id="b"),
        offense("OLD CHARGE", fact_id="c", review_state="accepted"),
        offense("CORRECTED CHARGE", fact_id="c", version=2, review_state="corrected"),
        review_state="reviewed",
    )
    inp = build_rule_input(c)
    assert [(o.fact_id, o.charge) for o in inp.offenses] == [("a", "ROBBERY"), ("c", "CORRECTED CHARGE")]
    assert all(o.confirmed for o in inp.offenses)


def test_in_review_case_keeps_unreviewed_facts():
    c = case(offense("ROBBERY", review_state="accepted"), offense("THEFT"), review_state="in_review")
    assert len(build_rule_input(c).offenses) == 2


def test_relations_lose_gender_and_free_text_details_are_dropped():
    assert neutral_relation("Wife") == neutral_relation("husband") == "spouse"
    assert neutral_relation("daughters") == neutral_relation("son") == "child"
    assert neutral_relation("grandmother") == "grandparent"
    t = build_rule_input(
        case(
            tie(
                "family",
                "his wife, a parishioner at St. Mary's",
                relation="wife",
                status="us_citizen",
                employer="St. Mary's Parish",
                religion="x",
            )
        )
    ).ties[0]
    assert dict(t.details) == {"relation": "spouse", "status": "us_citizen"}


def test_tie_markers_come_from_text_but_text_does_not_pass():
    t = build_rule_input(
        case(
            tie(
                "employment",
                "picks oranges at Citrus Grove Packing House",
                employer="Citrus Grove Packing House",
            )
        )
    ).ties[0]
    assert t.markers == ("farm_work",)
    assert "Citrus" not in t.model_dump_json()


def test_border_cue_from_place_or_evidence():
    assert at_border("near Hidalgo, Texas", []) is True
    assert at_border(None, ["apprehended by Border Patrol agents"]) is True
    assert at_border("San Ysidro Port of Entry", []) is True
    assert at_border("Houston, Texas", ["arrested at his home"]) is False
    assert at_border(None, ["was arrested"]) is None
    # interior enforcement: an ERO arrest, a home, with no place named
    assert at_border(None, ["On May 19, 2022, ERO Fresno officers arrested"]) is False
    assert at_border(None, ["deportation officers arrested him outside his residence"]) is False
    inp = build_rule_input(case(event("apprehension", "2021-03-04", "Tijuana side, near Calexico")))
    assert inp.events[0].at_border is True and "Tijuana" not in inp.model_dump_json()


def test_record_completeness_lists_read_unreadable_and_missing_kinds():
    c = case(subject("1980"), kinds=("rap_sheet",))
    c = c.model_copy(
        update={"documents": [*c.documents, document("court_disposition", "quarantined", "court")]}
    )
    r = build_rule_input(c).record
    assert r.reviewed_kinds == ("rap_sheet",)
    assert r.missing_kinds == ("court_disposition", "arrest_narrative", "support_letter")
    assert [(d.doc_kind, d.status) for d in r.unreadable] == [("court_disposition", "quarantined")]
    assert (r.documents_read, r.documents_total) == (1, 2)


def test_person_has_only_a_birth_date():
    inp = build_rule_input(case(subject("1970-01-02", name="Jane Roe")))
    assert inp.person.date_of_birth.iso == "1970-01-02"
    assert "Jane" not in inp.model_dump_json()
