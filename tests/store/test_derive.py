from __future__ import annotations

import pytest

from casefacts.schema import Finding
from casefacts.store import derive

from .factories import make_case


def test_review_summary_states() -> None:
    facts = make_case().facts
    assert derive.review_summary(facts, 0.6).state == "unreviewed"
    assert derive.review_summary(facts, 0.6).needs_attention == [facts[2].fact_id]
    assert derive.review_summary(facts, 0.8).needs_attention == [facts[2].fact_id, facts[4].fact_id]
    partly = [facts[0].model_copy(update={"review_state": "rejected"}), *facts[1:]]
    assert derive.review_summary(partly, 0.6).state == "in_review"
    done = [f.model_copy(update={"review_state": "accepted"}) for f in facts]
    summary = derive.review_summary(done, 0.6)
    assert (summary.state, summary.facts_reviewed, summary.needs_attention) == ("reviewed", 5, [])


def test_note_flags_call_for_no_review() -> None:
    facts = make_case().facts
    noted = [facts[0].model_copy(update={"flags": ["source:table_row", "occurrence:prior"]}), *facts[1:]]
    assert derive.review_summary(noted, 0.6).needs_attention == [facts[2].fact_id]
    conflicted = [facts[0].model_copy(update={"flags": ["occurrence:prior", "conflict:disposition"]}), *facts[1:]]
    assert derive.review_summary(conflicted, 0.6).needs_attention == [facts[0].fact_id, facts[2].fact_id]


def test_queue_keys_and_missing_information() -> None:
    facts = make_case().facts
    assert derive.uncertainty(facts) == pytest.approx(1 - (0.95 + 0.9 + 0.55 + 0.85 + 0.7) / 5)
    assert derive.uncertainty([f.model_copy(update={"review_state": "accepted"}) for f in facts]) == 0.0

    def finding(rule_id: str, outcome: str, missing: list[str] = ()) -> Finding:  # type: ignore[assignment]
        return Finding(
            ruleset_id="r", rule_id=rule_id, outcome=outcome, explanation="", citation="c", missing=list(missing)
        )

    findings = [
        finding("PS", "met", ["a"]),
        finding("NS", "not_met", ["b", "a"]),
        finding("IN_FORCE", "needs_legal_review", ["c"]),
    ]
    assert derive.urgency(findings) == 2
    assert derive.missing_information(findings) == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("rule_id", "counts"),
    [
        ("NS", True),
        ("BS.a", True),
        ("BS.b", True),
        ("PS", True),
        ("PS.i", True),
        ("PS.iii", True),
        ("PS.AGG-5", True),
        ("AF", True),
        ("PS.MIT-1", False),
        ("PS.MIT-10", False),
        ("PS.TIES", False),
        ("SPECIAL.elderly", False),
        ("RECORD", False),
        ("PREAPPROVAL", False),
        ("IN_FORCE", False),
    ],
)
def test_urgency_counts_priority_rules_met_not_mitigating_ones(rule_id: str, counts: bool) -> None:
    met = Finding(ruleset_id="r", rule_id=rule_id, outcome="met", explanation="", citation="c")
    assert derive.urgency([met]) == int(counts)
    assert derive.urgency([met.model_copy(update={"outcome": "not_met"})]) == 0


def test_fact_content_round_trip() -> None:
    fact = make_case().facts[1].model_copy(update={"review_state": "accepted", "version": 3})
    content = derive.fact_content(fact)
    assert "review_state" not in content and "version" not in content
    assert derive.fact_from_content(content, 3, "accepted") == fact
