"""Hand-built CaseFiles and a stand-in for ``casefacts.rules`` shared by the store, API and UI tests."""

from __future__ import annotations

from casefacts.schema import (
    CaseFile,
    CommunityTieFact,
    Document,
    EventFact,
    Evidence,
    Fact,
    Finding,
    Identifier,
    IngestStatus,
    OffenseFact,
    Page,
    PartialDate,
    Subject,
    SubjectFact,
    TimelineEntry,
    content_hash,
    fact_id_for,
)

RAP_TEXT = (
    "CRIMINAL HISTORY RECORD\n"
    "Name: DOE, JOHN Q  DOB: 1985-04-12  A-Number: A012345678\n"
    "Arrest 2019-03-04 Charge: PC 459 BURGLARY 2ND DEGREE Disposition: CONVICTED 2019-06-01\n"
    "Arrest 2020-08-15 Charge: HS 11350 POSSESSION CONTROLLED SUBSTANCE Disposition: DISMISSED\n"
)
LETTER_TEXT = (
    "To whom it may concern,\n"
    "John has two children who are U.S. citizens and has worked at the bakery since 2012.\n"
    "He entered the United States in 2004.\n"
)
RULESET = "test-rules"


def make_document(text: str, name: str, kind: str = "rap_sheet") -> Document:
    data = text.encode()
    return Document(
        doc_id=content_hash(data),
        source=f"file:///records/{name}",
        media_type="text/plain",
        doc_kind=kind,
        n_bytes=len(data),
        pages=[Page(number=1, text=text)],
        ingest_status=IngestStatus(status="ok"),
    )


def evidence(doc: Document, quote: str, confidence: float = 0.9) -> Evidence:
    text = doc.pages[0].text
    start = text.index(quote)
    return Evidence(
        doc_id=doc.doc_id,
        page=1,
        start=start,
        end=start + len(quote),
        quote=quote,
        extractor="test@1",
        confidence=confidence,
    )


def _fid(kind: str, ev: Evidence) -> str:
    return fact_id_for(kind, ev.doc_id, ev.page, ev.start, ev.end)


def make_facts(rap: Document, letter: Document) -> list[Fact]:
    ev_subject = evidence(rap, "DOE, JOHN Q  DOB: 1985-04-12  A-Number: A012345678")
    ev_burglary = evidence(rap, "PC 459 BURGLARY 2ND DEGREE Disposition: CONVICTED 2019-06-01")
    ev_drugs = evidence(rap, "HS 11350 POSSESSION CONTROLLED SUBSTANCE Disposition: DISMISSED", 0.55)
    ev_children = evidence(letter, "two children who are U.S. citizens")
    ev_entry = evidence(letter, "entered the United States in 2004", 0.7)
    return [
        SubjectFact(
            fact_id=_fid("subject", ev_subject),
            confidence=0.95,
            evidence=[ev_subject],
            name="JOHN Q DOE",
            date_of_birth=PartialDate(year=1985, month=4, day=12),
            identifiers=[Identifier(scheme="a_number", value="A012345678")],
        ),
        OffenseFact(
            fact_id=_fid("offense", ev_burglary),
            confidence=0.9,
            evidence=[ev_burglary],
            charge="BURGLARY 2ND DEGREE",
            level="felony",
            disposition="convicted",
            arrest_date=PartialDate(year=2019, month=3, day=4),
            disposition_date=PartialDate(year=2019, month=6, day=1),
        ),
        OffenseFact(
            fact_id=_fid("offense", ev_drugs),
            confidence=0.55,
            evidence=[ev_drugs],
            charge="POSSESSION CONTROLLED SUBSTANCE",
            disposition="dismissed",
            flags=["low_confidence"],
            arrest_date=PartialDate(year=2020, month=8, day=15),
        ),
        CommunityTieFact(
            fact_id=_fid("community_tie", ev_children),
            confidence=0.85,
            evidence=[ev_children],
            tie_kind="family",
            details={"relation": "child", "status": "us_citizen", "count": 2},
            text="two children who are U.S. citizens",
        ),
        EventFact(
            fact_id=_fid("event", ev_entry),
            confidence=0.7,
            evidence=[ev_entry],
            event_type="entry",
            date=PartialDate(year=2004),
        ),
    ]


def fake_rules(case: CaseFile) -> list[Finding]:
    """Stand-in ruleset: one finding from the accepted or corrected convictions only."""
    convicted = [
        fact.fact_id
        for fact in case.facts
        if isinstance(fact, OffenseFact)
        and fact.review_state in ("accepted", "corrected")
        and fact.disposition in ("convicted", "pleaded_guilty")
    ]
    if convicted:
        return [
            Finding(
                ruleset_id=RULESET,
                rule_id="PS.i",
                outcome="met",
                fact_ids=convicted,
                explanation=f"{len(convicted)} accepted conviction(s)",
                citation="Test §1",
            )
        ]
    return [
        Finding(
            ruleset_id=RULESET,
            rule_id="PS.i",
            outcome="insufficient_information",
            explanation="no accepted conviction",
            citation="Test §1",
            missing=["certified court disposition", "sentencing record"],
        )
    ]


def make_case(case_id: str = "case-001", letter_text: str = LETTER_TEXT) -> CaseFile:
    rap = make_document(RAP_TEXT, "rap_sheet.txt")
    letter = make_document(letter_text, "letter.txt", "support_letter")
    facts = make_facts(rap, letter)
    subject_fact = facts[0]
    case = CaseFile(
        case_id=case_id,
        subject=Subject(
            name="JOHN Q DOE",
            date_of_birth=PartialDate(year=1985, month=4, day=12),
            identifiers=[Identifier(scheme="a_number", value="A012345678")],
            fact_ids=[subject_fact.fact_id],
        ),
        documents=[rap, letter],
        facts=facts,
        timeline=[
            TimelineEntry(date=PartialDate(year=2004), label="entry", fact_id=facts[4].fact_id, kind="event"),
            TimelineEntry(
                date=PartialDate(year=2019, month=6, day=1),
                label="convicted: BURGLARY",
                fact_id=facts[1].fact_id,
                kind="offense",
            ),
        ],
        as_of=PartialDate(year=2024, month=1, day=15),
    )
    return case.model_copy(update={"findings": fake_rules(case)})
