from __future__ import annotations

import sys
import threading
import types
from datetime import date

import pytest

from casefacts.schema import CaseFile, Finding, OffenseFact
from casefacts.store import InvalidReview, NotFound, ReviewConflict, Store

from .factories import RULESET, fake_rules, make_case


@pytest.fixture
def case(store: Store) -> CaseFile:
    case = make_case()
    store.save_case(case)
    return case


def test_accept_updates_state_findings_and_audit(store: Store, case: CaseFile) -> None:
    burglary = case.facts[1]
    assert case.findings[0].outcome == "insufficient_information"
    result = store.record_review(case.case_id, burglary.fact_id, "accept", "ana")
    assert result == store.get_case(case.case_id)
    assert result.facts[1].review_state == "accepted" and result.facts[1].version == 1
    assert result.findings[0].outcome == "met" and result.findings[0].fact_ids == [burglary.fact_id]
    assert result.review.state == "in_review" and result.review.facts_reviewed == 1
    entries = store.audit_log(case.case_id).items
    assert [e.action for e in entries] == ["recompute_findings", "accept", "create_case"]
    recompute, accept = entries[0], entries[1]
    assert accept.user == "ana" and accept.fact_id == burglary.fact_id and accept.at.tzinfo is not None
    assert accept.before["review_state"] == "unreviewed" and accept.after["review_state"] == "accepted"
    assert recompute.before[0]["outcome"] == "insufficient_information"
    assert recompute.after[0]["outcome"] == "met"
    summary = store.list_cases().items[0]
    assert summary.revision == 2 and summary.urgency == 1 and summary.review_state == "in_review"


def test_repeating_an_action_writes_nothing(store: Store, case: CaseFile) -> None:
    fact_id = case.facts[1].fact_id
    store.record_review(case.case_id, fact_id, "accept", "ana")
    total = store.audit_log().total
    store.record_review(case.case_id, fact_id, "accept", "ana")
    assert store.audit_log().total == total
    assert store.list_cases().items[0].revision == 2


def test_correct_creates_a_new_version_and_keeps_the_old(store: Store, case: CaseFile) -> None:
    drugs = case.facts[2]
    assert isinstance(drugs, OffenseFact)
    new_values = {"disposition": "pleaded_guilty", "disposition_date": {"year": 2020, "month": 11}}
    result = store.record_review(
        case.case_id, drugs.fact_id, "correct", "ben", reason="docket shows plea", new_values=new_values
    )
    corrected = result.facts[2]
    assert isinstance(corrected, OffenseFact)
    assert corrected.fact_id == drugs.fact_id and corrected.version == 2
    assert corrected.review_state == "corrected" and corrected.disposition == "pleaded_guilty"
    assert corrected.disposition_date is not None and corrected.disposition_date.iso == "2020-11"
    assert corrected.evidence == drugs.evidence
    versions = store.fact_versions(case.case_id, drugs.fact_id)
    assert [(v.fact.version, v.is_current, v.origin) for v in versions] == [
        (1, False, "extraction"),
        (2, True, "review"),
    ]
    assert versions[0].fact == drugs
    assert result.findings[0].outcome == "met" and result.findings[0].fact_ids == [drugs.fact_id]
    audit = store.audit_log(case.case_id).items[1]
    assert (audit.action, audit.reason) == ("correct", "docket shows plea")
    assert audit.before["disposition"] == "dismissed" and audit.before["version"] == 1
    assert audit.after["disposition"] == "pleaded_guilty" and audit.after["version"] == 2
    # The same correction again is a no-op; accepting then reviewing the corrected version works.
    store.record_review(case.case_id, drugs.fact_id, "correct", "ben", reason="again", new_values=new_values)
    assert len(store.fact_versions(case.case_id, drugs.fact_id)) == 2
    store.record_review(case.case_id, drugs.fact_id, "reject", "ben", reason="wrong person")
    assert store.get_case(case.case_id).facts[2].review_state == "rejected"
    assert store.get_case(case.case_id).findings[0].outcome == "insufficient_information"


def test_expected_version_guards_against_stale_reviews(store: Store, case: CaseFile) -> None:
    fact_id = case.facts[3].fact_id
    store.record_review(case.case_id, fact_id, "correct", "ben", reason="typo", new_values={"text": "two kids"})
    with pytest.raises(ReviewConflict):
        store.record_review(case.case_id, fact_id, "accept", "ana", expected_version=1)
    store.record_review(case.case_id, fact_id, "accept", "ana", expected_version=2)


@pytest.mark.parametrize(
    ("action", "reason", "new_values", "message"),
    [
        ("approve", None, None, "unknown action"),
        ("reject", None, None, "needs a reason"),
        ("reject", "   ", None, "needs a reason"),
        ("correct", "why", None, "needs new_values"),
        ("correct", None, {"charge": "X"}, "needs a reason"),
        ("accept", None, {"charge": "X"}, "takes no new_values"),
        ("correct", "why", {"version": 7}, "cannot be corrected: version"),
        ("correct", "why", {"evidence": []}, "cannot be corrected: evidence"),
        ("correct", "why", {"disposition": "maybe"}, "not valid"),
        ("correct", "why", {"shoe_size": 9}, "not valid"),
        ("correct", "why", {"charge": "BURGLARY 2ND DEGREE"}, "changes nothing"),
    ],
)
def test_invalid_reviews_are_refused_and_write_nothing(
    store: Store, case: CaseFile, action: str, reason: str | None, new_values: dict | None, message: str
) -> None:
    with pytest.raises(InvalidReview, match=message):
        store.record_review(case.case_id, case.facts[1].fact_id, action, "ana", reason, new_values)
    assert store.audit_log().total == 1


def test_unknown_case_or_fact(store: Store, case: CaseFile) -> None:
    with pytest.raises(NotFound):
        store.record_review("nope", case.facts[1].fact_id, "accept", "ana")
    with pytest.raises(NotFound):
        store.record_review(case.case_id, "off-0000", "accept", "ana")
    with pytest.raises(NotFound):
        store.fact_versions(case.case_id, "off-0000")
    with pytest.raises(NotFound):
        store.audit_log("nope")


def test_a_failing_recomputation_rolls_the_action_back(store: Store, case: CaseFile) -> None:
    def broken(_: CaseFile) -> list[Finding]:
        raise RuntimeError("rules exploded")

    store.recompute = broken
    with pytest.raises(RuntimeError):
        store.record_review(case.case_id, case.facts[1].fact_id, "accept", "ana")
    assert store.get_case(case.case_id).facts[1].review_state == "unreviewed"
    assert store.audit_log().total == 1


def test_default_recomputation_calls_casefacts_rules(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, date | None]] = []

    def apply_rules(case: CaseFile, as_of: date | None = None, ruleset_id: str | None = None) -> list[Finding]:
        calls.append((case.case_id, as_of))
        accepted = [f.fact_id for f in case.facts if f.review_state == "accepted"]
        return [
            Finding(
                ruleset_id=RULESET,
                rule_id="r",
                outcome="met",
                explanation="x",
                citation="c",
                fact_ids=accepted,
            )
        ]

    monkeypatch.setitem(sys.modules, "casefacts.rules", types.SimpleNamespace(apply_rules=apply_rules))
    store = Store(db_url)
    store.upgrade()
    case = make_case()
    store.save_case(case)
    result = store.record_review(case.case_id, case.facts[1].fact_id, "accept", "ana")
    store.close()
    assert calls == [(case.case_id, date(2024, 1, 15))]
    assert result.findings[0].fact_ids == [case.facts[1].fact_id]


def test_concurrent_reviews_of_one_case_are_serialized(store: Store, case: CaseFile) -> None:
    errors: list[BaseException] = []

    def accept(fact_id: str) -> None:
        try:
            store.record_review(case.case_id, fact_id, "accept", f"user-{fact_id[-4:]}")
        except BaseException as exc:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=accept, args=(fact.fact_id,)) for fact in case.facts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    summary = store.list_cases().items[0]
    assert (summary.facts_reviewed, summary.review_state, summary.revision) == (5, "reviewed", 6)
    assert [e.action for e in store.audit_log().items].count("accept") == 5
    assert store.get_case(case.case_id).findings == fake_rules(store.get_case(case.case_id))
