from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import builders as f
from casefacts.report import load_snapshots, weekly_report
from casefacts.report.data import Week
from casefacts.rules import evaluate_case
from casefacts.schema import CaseFile
from casefacts.store import Store


def _case(case_id: str, charge: str) -> CaseFile:
    doc = f.document(f"rap sheet of {case_id}: {charge}", name=case_id)
    facts = [f.offense(charge, "convicted", doc_id=doc.doc_id, disposition_date="2019-06-01"),
             f.event("entry", "2004", doc_id=doc.doc_id)]
    return evaluate_case(CaseFile(case_id=case_id, documents=[doc], facts=facts), as_of=date(2021, 5, 1))


def test_report_reads_cases_findings_and_review_actions_from_the_store(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    store.upgrade()
    try:
        for n, charge in enumerate(["BURGLARY", "PETTY THEFT", "DUI"]):
            store.save_case(_case(f"case-{n}", charge))
        case = store.get_case("case-1")
        for fact in case.facts:
            store.record_review("case-1", fact.fact_id, "accept", user="reviewer-a")
        now = datetime.now(UTC)
        cases, events = load_snapshots(store, Week.of(now.date()).start_at, page_size=2)
        report = weekly_report(store, week_of=now.date(), weeks=2, now=now)
    finally:
        store.close()
    assert sorted(c.case_id for c in cases) == ["case-0", "case-1", "case-2"]
    assert {c.case_id: c.review_state for c in cases}["case-1"] == "reviewed"
    assert [(e.case_id, e.action) for e in events] == [("case-1", "accept")] * 2
    assert [r["case_id"] for r in report.rows] == ["case-0", "case-1", "case-2"]
    assert {r["ruleset_id"] for r in report.rows} == {"ice_interim_2021_02_18"}
    assert report.review_actions == {"accept": 2, "correct": 0, "reject": 0}
    last = report.trend[-1]
    assert (last.received, last.cases_completed, last.backlog) == (3, 1, 2)
