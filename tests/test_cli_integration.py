"""End-to-end through the real command line: extract and eval over the bundled fixtures."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from casefacts.cli import app
from casefacts.schema import CaseFile, casefile_json_schema

runner = CliRunner()


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(casefile_json_schema())


def test_extract_one_case_prints_a_schema_valid_casefile_with_evidence_for_every_fact(repo_root, validator):
    case_dir = repo_root / "fixtures" / "cases" / "case_013"
    result = runner.invoke(app, ["extract", str(case_dir)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    validator.validate(payload)
    case = CaseFile.model_validate(payload)
    files = sorted(p.name for p in case_dir.iterdir() if not p.name.endswith(".gold.json"))
    assert sorted(d.source.rsplit("/", 1)[-1] for d in case.documents) == files
    assert case.case_id == "case_013" and case.facts and case.findings and case.timeline
    pages = {(d.doc_id, p.number): p.text for d in case.documents for p in d.pages}
    for fact in case.facts:
        assert fact.evidence
        for ev in fact.evidence:
            assert pages[(ev.doc_id, ev.page)][ev.start:ev.end] == ev.quote
    assert [e.date.sort_key() for e in case.timeline] == sorted(e.date.sort_key() for e in case.timeline)


def test_extract_lists_quarantined_documents_and_fails_only_when_nothing_was_read(repo_root, tmp_path):
    malformed = repo_root / "fixtures" / "malformed"
    bad = [malformed / "zero_bytes.pdf", malformed / "encrypted.pdf"]
    result = runner.invoke(app, ["extract", *map(str, bad), "--case-id", "bad"])
    assert result.exit_code == 1
    case = CaseFile.model_validate_json(result.stdout)
    assert {d.ingest_status.status for d in case.documents} == {"quarantined"}
    assert all(d.ingest_status.reason for d in case.documents)

    out = tmp_path / "mixed.json"
    result = runner.invoke(app, ["extract", *map(str, bad), str(malformed / "good.txt"), "-o", str(out)])
    assert result.exit_code == 0
    case = CaseFile.model_validate_json(out.read_text())
    assert sorted(d.ingest_status.status for d in case.documents) == ["ok", "quarantined", "quarantined"]


def test_extract_a_folder_of_folders_prints_a_list_of_cases(repo_root, tmp_path):
    cases = tmp_path / "cases"
    for name in ("case_001", "case_002"):
        (cases / name).mkdir(parents=True)
        for src in (repo_root / "fixtures" / "cases" / name).iterdir():
            (cases / name / src.name).write_bytes(src.read_bytes())
    result = runner.invoke(app, ["extract", str(cases)])
    assert result.exit_code == 0, result.output
    assert [c["case_id"] for c in json.loads(result.stdout)] == ["case_001", "case_002"]


@pytest.mark.slow
def test_eval_on_the_synthetic_fixtures_meets_the_walking_skeleton_targets(repo_root):
    result = runner.invoke(app, ["eval", str(repo_root / "fixtures" / "cases"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] >= 150
    for kind in ("offense", "date", "community_tie"):
        assert report["kinds"][kind]["f1"] >= 0.95, (kind, report["kinds"][kind])
    assert report["accuracy"]["disposition"]["accuracy"] >= 0.95
    assert report["accuracy"]["ingest_status"]["accuracy"] == 1.0
