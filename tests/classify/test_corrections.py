from __future__ import annotations

import json

import pytest

from builders import document, event, offense
from casefacts.classify.corrections import corrections_from_casefiles, export_corrections, read_corrections
from casefacts.errors import ConfigError
from casefacts.schema import CaseFile, OffenseCategory, Statute


def _category(code: str, abstained: bool = False) -> OffenseCategory:
    return OffenseCategory(offense_type="property", code=code, probability=0.9, abstained=abstained, model="m@1")


def _case() -> CaseFile:
    facts = [
        offense("PETTY THEFT", fact_id="f1", review_state="accepted", category=_category("theft")),
        offense("POSS F/A BY FEL", fact_id="f2", review_state="corrected", statute=Statute(text="PC 29800"),
                category=_category("weapons_firearm")),
        offense("PETTY THEFT", fact_id="f3", review_state="accepted", category=_category("theft")),  # duplicate
        offense("BURG", fact_id="f4", review_state="unreviewed", category=_category("burglary")),
        offense("FORGERY", fact_id="f5", review_state="rejected", category=_category("forgery_counterfeiting")),
        offense("XQ", fact_id="f6", review_state="accepted", category=_category("fraud", abstained=True)),
        offense("VANDALISM", fact_id="f7", review_state="corrected"),
        event("arrest", "2019"),
    ]
    return CaseFile(case_id="case-1", documents=[document()], facts=facts)


def test_only_accepted_or_corrected_categories_are_exported():
    rows = corrections_from_casefiles([_case()])
    assert [(r["fact_id"], r["code"], r["reviewer_action"]) for r in rows] == [
        ("f1", "theft", "accepted"), ("f2", "weapons_firearm", "corrected")]
    assert rows[1] == {"charge": "POSS F/A BY FEL", "statute": "PC 29800", "code": "weapons_firearm",
                       "source": "reviewer", "reviewer_action": "corrected", "fact_id": "f2", "case_id": "case-1"}


def test_export_then_read_gives_training_rows(tmp_path):
    path = tmp_path / "corrections.jsonl"
    assert export_corrections([_case()], path) == 2
    assert all(json.loads(line)["source"] == "reviewer" for line in path.read_text().splitlines())
    rows = read_corrections(path)
    assert [(r.code, r.charge, r.statute, r.source) for r in rows] == [
        ("theft", "PETTY THEFT", None, "correction"), ("weapons_firearm", "POSS F/A BY FEL", "PC 29800", "correction")]
    assert len({r.group for r in rows}) == 2


@pytest.mark.parametrize(("line", "message"), [
    ('{"charge": "X", "code": "nope", "reviewer_action": "accepted"}', "unknown category"),
    ('{"charge": "X", "code": "theft", "reviewer_action": "guessed"}', "not a correction row"),
    ('{"charge": "X", "code": "theft", "reviewer_action": "accepted", "dob": "1990"}', "not a correction row"),
])
def test_bad_correction_rows_are_errors(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n")
    with pytest.raises(ConfigError, match=message):
        read_corrections(path)
