from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from builders import document, offense
from casefacts.cli import app
from casefacts.schema import CaseFile, OffenseCategory

runner = CliRunner()
KEYS = {"offense_type", "code", "probability", "abstained"}


def test_classify_offense_arguments_print_one_json_object_each():
    result = runner.invoke(app, ["classify", "offense", "PETTY THEFT", "DUI 1ST OFF", "--statute", "PC 484"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 2 and all(set(r) >= KEYS for r in records)
    assert records[0]["code"] == "theft" and records[0]["statute"] == "PC 484"
    assert records[0]["offense_type"] == "property" and records[0]["abstained"] is False


def test_classify_offense_reads_stdin_with_optional_statute():
    result = runner.invoke(app, ["classify", "offense"], input="ILLEGAL REENTRY\t8 USC 1326\n\nSHOPLIFTING\n")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["code"], r["statute"]) for r in records] == [("illegal_entry_reentry", "8 USC 1326"),
                                                            ("theft", None)]
    assert records[0]["flags"] == ["immigration"] and records[0]["agg_felony_candidates"] == ["O"]
    assert "needs legal review" in records[0]["agg_felony_note"]


def test_abstained_predictions_carry_no_flags():
    result = runner.invoke(app, ["classify", "offense", "ZZQ UNREADABLE 12"])
    record = json.loads(result.output)
    assert record["abstained"] is True and record["flags"] is None and record["agg_felony_candidates"] is None


def test_train_check_reports_current_artifacts():
    result = runner.invoke(app, ["train", "--check"])
    assert result.exit_code == 0, result.output
    assert "offense_classifier: current" in result.output and "doctype_router: current" in result.output


def test_classify_doctype_routes_files(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("Dear Judge,\nI am writing on behalf of my neighbor, who has helped our street for twenty "
                    "years and volunteers at the food bank every week.\nSincerely,\nPat")
    result = runner.invoke(app, ["classify", "doctype", str(path)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["doc_kind"] == "support_letter" and record["ingest_status"] == "ok"


def test_export_corrections_from_casefile_json(tmp_path):
    category = OffenseCategory(offense_type="property", code="theft", probability=0.9)
    case = CaseFile(case_id="c1", documents=[document()],
                    facts=[offense("PETTY THEFT", review_state="accepted", category=category)])
    source = tmp_path / "case.json"
    source.write_text(case.model_dump_json())
    output = tmp_path / "corrections.jsonl"
    result = runner.invoke(app, ["classify", "export-corrections", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["code"] for line in output.read_text().splitlines()] == ["theft"]


@pytest.mark.slow
def test_train_with_corrections_folds_reviewer_labels_in(tmp_path):
    charge = "BLUE SKY LAW VIOLATION"
    before = json.loads(runner.invoke(app, ["classify", "offense", charge]).output)
    assert before["code"] != "fraud"
    corrections = tmp_path / "corrections.jsonl"
    rows = [{"charge": c, "statute": None, "code": "fraud", "source": "reviewer", "reviewer_action": "corrected"}
            for c in (charge, "VIOLATION OF THE BLUE SKY LAW", "BLUE SKY SECURITIES OFFENSE")]
    corrections.write_text("".join(json.dumps(r) + "\n" for r in rows))
    models = tmp_path / "models"
    result = runner.invoke(app, ["train", "--with-corrections", str(corrections), "--models-dir", str(models),
                                 "--no-evaluate"])
    assert result.exit_code == 0, result.output
    card = json.loads((models / "offense_classifier.card.json").read_text())
    assert card["data"]["correction_rows"] == 3
    assert any(label.startswith("corrections/") for label in card["inputs"])
    after = json.loads(runner.invoke(app, ["classify", "offense", charge, "--models-dir", str(models)]).output)
    assert after["code"] == "fraud"
