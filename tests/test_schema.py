import json

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from casefacts.cli.schema_cmd import schema_text
from casefacts.schema import (
    CaseFile,
    Document,
    Evidence,
    IngestStatus,
    OffenseFact,
    PartialDate,
    casefile_json_schema,
    content_hash,
)


def test_committed_schema_matches_code(repo_root):
    committed = (repo_root / "schemas" / "casefile.schema.json").read_text()
    assert committed == schema_text(), "run `make schema` and commit the result"


def test_partial_date_serializes_with_precision_and_iso():
    assert json.loads(PartialDate(year=2019, month=3).model_dump_json()) == {
        "year": 2019, "month": 3, "day": None, "precision": "month", "iso": "2019-03",
    }
    assert PartialDate(year=2015).precision == "year"
    assert PartialDate.from_iso("2020-11-01").sort_key() == (2020, 11, 1)


@pytest.mark.parametrize("bad", [
    {"year": 2019, "day": 4},
    {"year": 2019, "month": 2, "day": 30},
    {"year": 2019, "month": 3, "iso": "2019-04"},
])
def test_partial_date_rejects_invented_or_inconsistent_parts(bad):
    with pytest.raises(ValidationError):
        PartialDate.model_validate(bad)


def _casefile() -> CaseFile:
    text = "CONV 2019-03-04 BURG 2ND DEG"
    doc = Document(
        doc_id=content_hash(b"x"), source="file:///x.pdf", media_type="application/pdf",
        n_bytes=1, ingest_status=IngestStatus(status="ok"),
        pages=[{"number": 1, "text": text}],
    )
    ev = Evidence(doc_id=doc.doc_id, page=1, start=16, end=28, quote=text[16:28],
                  extractor="offenses@0.1.0", confidence=0.9)
    fact = OffenseFact(fact_id="off-1", confidence=0.9, evidence=[ev], charge="BURG 2ND DEG",
                       disposition="convicted", disposition_date=PartialDate(year=2019, month=3, day=4))
    quarantined = Document(
        doc_id=content_hash(b""), source="file:///empty.pdf", media_type="application/pdf",
        n_bytes=0, ingest_status=IngestStatus(status="quarantined", reason="empty file"),
    )
    return CaseFile(case_id="c1", documents=[doc, quarantined], facts=[fact])


def test_casefile_round_trips_through_json_and_validates_against_schema():
    case = _casefile()
    payload = json.loads(case.model_dump_json())
    Draft202012Validator(casefile_json_schema()).validate(payload)
    assert CaseFile.model_validate(payload) == case


def test_every_fact_needs_evidence_and_quarantine_needs_reason():
    with pytest.raises(ValidationError):
        OffenseFact(fact_id="x", confidence=0.5, evidence=[], charge="DUI")
    with pytest.raises(ValidationError):
        IngestStatus(status="quarantined")


def test_unknown_fields_are_rejected():
    payload = json.loads(_casefile().model_dump_json())
    payload["facts"][0]["ethnicity"] = "x"
    with pytest.raises(ValidationError):
        CaseFile.model_validate(payload)
