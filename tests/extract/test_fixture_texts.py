"""Every fact extracted from the committed synthetic text fixtures quotes its page exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefacts.extract import extract_documents

from .helpers import make_document

CASES = Path(__file__).resolve().parents[2] / "fixtures" / "cases"


@pytest.mark.skipif(not CASES.is_dir(), reason="no synthetic fixtures")
def test_evidence_integrity_on_fixture_texts(nlp) -> None:
    documents = [make_document(path.read_text(encoding="utf-8")) for path in sorted(CASES.glob("*/*.txt"))[:40]]
    facts = extract_documents(documents, nlp=nlp)
    assert facts
    by_id = {d.doc_id: d for d in documents}
    for fact in facts:
        for evidence in fact.evidence:
            assert evidence.quote == by_id[evidence.doc_id].page(evidence.page).text[evidence.start:evidence.end]
