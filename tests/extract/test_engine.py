"""The engine: ok documents only, evidence that quotes the page, stable ids, merged mentions."""

from __future__ import annotations

import logging

from casefacts.extract import extract_document, extract_documents
from casefacts.extract.merge import combine_confidence
from casefacts.schema import Page

from .helpers import make_document, table_page

NARRATIVE = (
    "Name: SINGH, GABRIELA\nDate of Birth: 03/08/1993 A-Number: A 027 311 382\n"
    "Narrative:\n"
    "On May 19, 2022, ERO Fresno officers arrested SUBJECT at her residence without\nincident.\n"
    "IMMIGRATION HISTORY: SUBJECT was deported to Guatemala in or about 2012 through Laredo, Texas.\n"
    "CRIMINAL HISTORY: SUBJECT was arrested during September 2011 by the Fresno Police Department and\n"
    "charged with aggravated assault; in or about December 2011 she was convicted and sentenced to 12\n"
    "months in state prison. Her brother was convicted of robbery in 2010.\n"
    "FAMILY / EQUITIES: SUBJECT stated that she has two lawful permanent resident children.\n"
)


def test_evidence_quotes_the_page(nlp) -> None:
    rows = [["DATE ARR", "CHARGE", "DISPOSITION"], ["2019-03-04", "PETIT LARC", "CONV"]]
    pages = [Page(number=1, text=NARRATIVE), table_page("DATE ARR CHARGE DISPOSITION\n2019-03-04 PETIT LARC CONV",
                                                         rows, number=2)]
    document = make_document(*pages)
    facts = extract_document(document, nlp=nlp)
    assert {f.kind for f in facts} == {"subject", "event", "offense", "community_tie"}
    for fact in facts:
        assert fact.evidence
        for evidence in fact.evidence:
            page = document.page(evidence.page)
            assert evidence.quote == page.text[evidence.start:evidence.end]
            assert evidence.doc_id == document.doc_id
            assert evidence.extractor.split("@")[0] in {"subject", "table_rows", "offenses", "events", "ties"}
            assert evidence.explanation


def test_reruns_are_identical(nlp) -> None:
    document = make_document(NARRATIVE)
    first = extract_document(document, nlp=nlp)
    second = extract_document(document, nlp=nlp)
    assert [f.model_dump() for f in first] == [f.model_dump() for f in second]
    assert len({f.fact_id for f in first}) == len(first)


def test_documents_not_ok_are_skipped(nlp) -> None:
    good = make_document("He was convicted of burglary in 2015.")
    quarantined = make_document("He was convicted of robbery in 2016.", status="quarantined")
    facts = extract_documents([quarantined, good], nlp=nlp)
    assert {f.evidence[0].doc_id for f in facts} == {good.doc_id}


def test_facts_stay_per_document(nlp) -> None:
    a = make_document("He was convicted of burglary in 2015.")
    b = make_document("He was later convicted of burglary in 2015 again.")
    facts = extract_documents([a, b], nlp=nlp)
    assert sorted(f.evidence[0].doc_id for f in facts if f.kind == "offense") == sorted([a.doc_id, b.doc_id])


def test_a_failing_extractor_does_not_sink_the_batch(nlp, monkeypatch, caplog) -> None:
    from casefacts.extract.extractors.ties import TieExtractor

    def boom(self, doc, context):
        raise RuntimeError("boom")

    monkeypatch.setattr(TieExtractor, "extract", boom)
    with caplog.at_level(logging.ERROR):
        facts = extract_document(make_document(NARRATIVE), nlp=nlp)
    assert any(f.kind == "offense" for f in facts)
    assert not any(f.kind == "community_tie" for f in facts)
    assert f"ties@{TieExtractor.version} failed" in caplog.text


def test_combined_confidence_grows_with_evidence() -> None:
    assert combine_confidence([0.6]) == 0.6
    assert 0.6 < combine_confidence([0.6, 0.5]) < 1.0
