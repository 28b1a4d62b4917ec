import json
from datetime import date
from pathlib import Path

import pytest
from markupsafe import escape
from rule_factories import case, event, offense, tie
from typer.testing import CliRunner

from casefacts.cli import app
from casefacts.packet import render_html
from casefacts.packet.render import find_chromium, write_pdf
from casefacts.rules import evaluate_case
from casefacts.schema import CaseFile


def _case(as_of=date(2022, 1, 15)):
    return evaluate_case(case(offense("ROBBERY <script>alert(1)</script>", level="felony", date="2016-03-04",
                                      custody_days=730),
                              event("unlawful_entry", "2004-06", "near Hidalgo, Texas"),
                              tie("family", relation="son", status="us_citizen")), as_of)


def test_html_has_every_finding_its_evidence_and_no_decision_or_score():
    c = _case()
    html = render_html(c)
    for f in c.findings:
        assert f'id="{f.rule_id}"' in html and str(escape(f.explanation)) in html
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    assert "<svg" in html and "Missing-information checklist" in html
    assert "It decides nothing" in html
    lowered = html.lower()
    assert "score:" not in lowered and "priority: yes" not in lowered


def test_suspension_window_shows_a_warning_banner():
    html = render_html(_case(date(2022, 7, 1)))
    assert 'class="warning"' in html and "suspended by court order" in html
    assert 'class="warning"' not in render_html(_case())


def test_cli_renders_a_casefile_json_and_writes_the_same_findings(tmp_path: Path):
    source = tmp_path / "case.json"
    source.write_text(case(offense("THEFT", date="2021-05-04")).model_dump_json(), encoding="utf-8")
    out, json_out = tmp_path / "p.html", tmp_path / "out.json"
    result = CliRunner().invoke(app, ["review-packet", str(source), "-o", str(out), "--json", str(json_out)])
    assert result.exit_code == 0, result.output
    written = CaseFile.model_validate_json(json_out.read_text(encoding="utf-8"))
    assert written.as_of.iso == "2021-05-04" and written.findings[0].ruleset_id == "ice_interim_2021_02_18"
    html = out.read_text(encoding="utf-8")
    assert all(str(escape(f.explanation)) in html for f in written.findings)


def test_cli_as_of_and_ruleset_override(tmp_path: Path):
    source = tmp_path / "case.json"
    source.write_text(case(offense("THEFT", date="2021-05-04")).model_dump_json(), encoding="utf-8")
    json_out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["review-packet", str(source), "-o", str(tmp_path / "p.html"), "--as-of",
                                      "2022-01-15", "--json", str(json_out)])
    assert result.exit_code == 0
    assert json.loads(json_out.read_text())["findings"][0]["ruleset_id"] == "dhs_guidelines_2021_09_30"
    bad = CliRunner().invoke(app, ["review-packet", str(source), "--ruleset", "nope", "-o", str(tmp_path / "x")])
    assert bad.exit_code == 2


@pytest.mark.slow
@pytest.mark.skipif(find_chromium() is None, reason="no Chromium installed")
def test_pdf_through_chromium(tmp_path: Path):
    pdf = write_pdf(render_html(_case()), tmp_path / "p.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
