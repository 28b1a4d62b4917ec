from __future__ import annotations

from store.factories import make_case

from casefacts.api import ui_view
from casefacts.schema import Evidence


def test_highlight_merges_overlaps_and_clamps() -> None:
    assert ui_view.highlight("abcdefgh", [(5, 7), (1, 3), (2, 4)]) == [
        ("a", False),
        ("bcd", True),
        ("e", False),
        ("fg", True),
        ("h", False),
    ]
    assert ui_view.highlight("abc", [(2, 99)]) == [("ab", False), ("c", True)]
    assert ui_view.highlight("abc", []) == [("abc", False)]


def test_source_views_group_evidence_by_page() -> None:
    case = make_case()
    subject = case.facts[0]
    text = case.documents[0].pages[0].text
    start = text.index("A012345678")
    second = Evidence(
        doc_id=case.documents[0].doc_id,
        page=1,
        start=start,
        end=start + 10,
        quote="A012345678",
        extractor="ids@1",
        confidence=0.9,
        explanation="after A-Number",
    )
    views = ui_view.source_views(case, subject.model_copy(update={"evidence": [*subject.evidence, second]}))
    assert len(views) == 1 and views[0].document == "rap_sheet.txt" and views[0].page == 1
    assert "".join(piece for piece, _ in views[0].segments) == text
    assert [piece for piece, marked in views[0].segments if marked] == [subject.evidence[0].quote]
    assert [note.explanation for note in views[0].notes] == [None, "after A-Number"]
    assert all(note.quote_matches for note in views[0].notes)


def test_next_to_review_follows_page_order_and_wraps() -> None:
    facts = make_case().facts  # subject, offense, offense, tie, event; the page shows events before ties
    ids = [f.fact_id for f in facts]
    assert [f.fact_id for f in ui_view.display_order(facts)] == [ids[0], ids[1], ids[2], ids[4], ids[3]]
    assert ui_view.next_to_review(facts, ids[2]) == ids[4]
    done = [f.model_copy(update={"review_state": "accepted"}) if i != 1 else f for i, f in enumerate(facts)]
    assert ui_view.next_to_review(done, ids[3]) == ids[1]
    assert ui_view.next_to_review([f.model_copy(update={"review_state": "rejected"}) for f in facts], ids[0]) is None


def test_edit_fields_and_display() -> None:
    offense = make_case().facts[1]
    fields = {f.name: f for f in ui_view.edit_fields(offense)}
    assert fields["disposition"].kind == "select" and fields["disposition"].value == "convicted"
    assert "pleaded_guilty" in fields["disposition"].options
    assert fields["arrest_date"].value == "2019-03-04" and fields["offense_date"].value == ""
    assert list(fields)[-3:] == ["status", "about.who", "about.relation"]
    assert dict(ui_view.fact_fields(offense))["disposition date"] == "2019-06-01"
    assert ui_view.document_label("file:///records/a%20b/rap.pdf") == "rap.pdf"


def test_audit_changes() -> None:
    before = {"disposition": "dismissed", "version": 1, "date": {"iso": "2019"}, "same": 1}
    after = {"disposition": "pleaded_guilty", "version": 2, "date": {"iso": "2019-03"}, "same": 1}
    assert ui_view.audit_changes(before, after) == [
        ("date", "2019", "2019-03"),
        ("disposition", "dismissed", "pleaded_guilty"),
        ("version", "1", "2"),
    ]
    findings = ui_view.audit_changes([{"rule_id": "PS", "outcome": "not_met"}], [{"rule_id": "PS", "outcome": "met"}])
    assert findings == [("findings", "PS: not_met", "PS: met")]
