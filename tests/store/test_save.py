from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from casefacts.schema import CaseFile, OffenseFact
from casefacts.store import InvalidCase, NotFound, Store
from casefacts.store.models import Base

from .factories import LETTER_TEXT, RULESET, fake_rules, make_case


def row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


def test_get_case_returns_what_was_saved(store: Store) -> None:
    case = make_case()
    store.save_case(case)
    got = store.get_case(case.case_id)
    assert got.model_dump(mode="json", exclude={"review"}) == case.model_dump(mode="json", exclude={"review"})
    assert got.review.state == "unreviewed"
    assert got.review.facts_total == 5 and got.review.facts_reviewed == 0
    low = [f.fact_id for f in case.facts if f.flags or f.confidence < store.confidence_threshold]
    assert got.review.needs_attention == low and low


def test_saving_the_same_case_again_writes_nothing(store: Store) -> None:
    case = make_case()
    store.save_case(case)
    counts = row_counts(store)
    summary = store.list_cases().items[0]
    store.save_case(case)
    store.save_case(CaseFile.model_validate_json(case.model_dump_json()))
    store.save_case(store.get_case(case.case_id))
    assert row_counts(store) == counts
    assert store.list_cases().items[0] == summary
    assert counts["documents"] == 2 and counts["facts"] == 5 and counts["audit_log"] == 1


def test_documents_are_keyed_by_content_hash(store: Store) -> None:
    first, second = (
        make_case("case-a"),
        make_case("case-b", letter_text=LETTER_TEXT + "Signed, a neighbour.\n"),
    )
    store.save_case(first)
    store.save_case(second)
    shared = first.documents[0].doc_id
    assert second.documents[0].doc_id == shared
    assert store.has_document(shared) and store.has_document(second.documents[1].doc_id)
    assert not store.has_document("0" * 64)
    assert row_counts(store)["documents"] == 3
    assert [d.doc_id for d in store.get_case("case-b").documents] == [d.doc_id for d in second.documents]


def test_nul_characters_are_stored_without_moving_offsets(store: Store) -> None:
    case = make_case(letter_text=LETTER_TEXT + "trailing\x00byte\n")
    store.save_case(case)
    text = store.get_case(case.case_id).documents[1].pages[0].text
    assert "\x00" not in text and len(text) == len(case.documents[1].pages[0].text)
    store.save_case(case)
    assert row_counts(store)["audit_log"] == 1


def test_unknown_case_and_duplicate_fact_ids(store: Store) -> None:
    with pytest.raises(NotFound):
        store.get_case("nope")
    case = make_case()
    with pytest.raises(InvalidCase):
        store.save_case(case.model_copy(update={"facts": [case.facts[0], case.facts[0]]}))


def test_reextraction_keeps_decisions_for_unchanged_facts(store: Store) -> None:
    case = make_case()
    subject, burglary, drugs, tie, entry = case.facts
    store.save_case(case)
    store.record_review(case.case_id, burglary.fact_id, "accept", "ana")
    store.record_review(
        case.case_id,
        tie.fact_id,
        "correct",
        "ana",
        reason="three children",
        new_values={"details": {"relation": "child", "status": "us_citizen", "count": 3}},
    )
    changed_drugs = drugs.model_copy(update={"disposition": "convicted", "confidence": 0.8})
    reextracted = case.model_copy(update={"facts": [subject, burglary, changed_drugs, tie]})
    store.save_case(reextracted)
    got = {f.fact_id: f for f in store.get_case(case.case_id).facts}
    assert got[burglary.fact_id].review_state == "accepted"
    assert got[tie.fact_id].review_state == "corrected" and got[tie.fact_id].version == 2
    assert got[tie.fact_id].details["count"] == 3
    assert got[drugs.fact_id].version == 2 and got[drugs.fact_id].review_state == "unreviewed"
    assert isinstance(got[drugs.fact_id], OffenseFact) and got[drugs.fact_id].disposition == "convicted"
    assert entry.fact_id not in got
    assert [v.retired for v in store.fact_versions(case.case_id, entry.fact_id)] == [True]
    # The findings follow the kept decisions, not the findings the extraction came with.
    assert store.get_case(case.case_id).findings == fake_rules(store.get_case(case.case_id))
    assert store.get_case(case.case_id).findings[0].outcome == "met"
    counts = row_counts(store)
    store.save_case(reextracted)
    assert row_counts(store) == counts
    store.save_case(case)
    assert entry.fact_id in {f.fact_id for f in store.get_case(case.case_id).facts}


def test_list_cases_filters_orders_and_pages(store: Store) -> None:
    for number in range(5):
        store.save_case(make_case(f"case-{number}"))
    burglary = make_case().facts[1].fact_id
    store.record_review("case-3", burglary, "accept", "ana")
    store.record_review("case-1", make_case().facts[2].fact_id, "accept", "ana")
    page = store.list_cases(limit=2, offset=1)
    assert page.total == 5 and [c.case_id for c in page.items] == ["case-1", "case-2"]
    assert [c.case_id for c in store.list_cases(after="case-2").items] == ["case-3", "case-4"]
    in_review = store.list_cases(review_states=["in_review"])
    assert {c.case_id for c in in_review.items} == {"case-1", "case-3"}
    met = store.list_cases(ruleset_id=RULESET, outcome="met")
    assert [c.case_id for c in met.items] == ["case-3"] and met.items[0].finding_outcomes == {"met": 1}
    assert store.list_cases(ruleset_id="other").total == 0
    queue = [c.case_id for c in store.list_cases(order="queue").items]
    assert queue[0] == "case-3"  # urgency 1 (a met finding)
    assert queue[1:] == ["case-0", "case-2", "case-4", "case-1"]  # case-1 left only its surer facts
    future = datetime.now(UTC) + timedelta(minutes=1)
    assert store.list_cases(updated_since=future).total == 0
    assert store.list_cases(updated_until=future).total == 5
    with pytest.raises(ValueError):
        store.list_cases(order="random")
