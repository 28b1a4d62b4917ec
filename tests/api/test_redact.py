from __future__ import annotations

from store.factories import LETTER_TEXT, make_case

from casefacts.api.redact import MASK, Redactor, identifying_terms, redact_case
from casefacts.schema import SubjectFact, Table


def test_identifying_terms() -> None:
    terms = identifying_terms(make_case())
    assert {"JOHN Q DOE", "JOHN", "DOE", "A012345678", "012345678", "1985-04-12", "04/12/1985"} <= set(terms)
    assert "Q" not in terms


def test_redactor_masks_whole_words_length_for_length() -> None:
    redactor = Redactor(["DOE", "A012345678"])
    text = "Doe, John (A012345678); DOES not match; doe"
    masked = redactor.mask(text, [(5, 9)])
    assert len(masked) == len(text)
    assert masked == f"{MASK * 3}, {MASK * 4} ({MASK * 10}); DOES not match; {MASK * 3}"


def test_redacted_case_keeps_offsets_and_leaks_no_identifier() -> None:
    case = make_case(letter_text=LETTER_TEXT + "Signed for JOHN DOE, born 04/12/1985.\n")
    page = case.documents[0].pages[0]
    case.documents[0].pages[0] = page.model_copy(
        update={"tables": [Table(index=0, rows=[["DOE, JOHN", None]])]}
    )
    redacted = redact_case(case)
    dumped = redacted.model_dump_json()
    for secret in ("JOHN", "DOE", "A012345678", "1985-04-12", "04/12/1985"):
        assert secret.lower() not in dumped.lower(), secret
    assert redacted.subject is None
    subject = next(f for f in redacted.facts if isinstance(f, SubjectFact))
    assert (subject.name, subject.date_of_birth, subject.identifiers) == (None, None, [])
    pages = {(d.doc_id, p.number): p.text for d in redacted.documents for p in d.pages}
    for before, after in zip(case.documents, redacted.documents, strict=True):
        assert [len(p.text) for p in before.pages] == [len(p.text) for p in after.pages]
    for fact in redacted.facts:
        for ev in fact.evidence:
            assert pages[(ev.doc_id, ev.page)][ev.start : ev.end] == ev.quote
    assert subject.evidence[0].quote.replace(" ", "").strip(MASK) == ""
    # Facts that are not identifiers stay readable.
    assert "BURGLARY 2ND DEGREE" in dumped and "two children who are U.S. citizens" in dumped
    assert redacted.findings == case.findings
