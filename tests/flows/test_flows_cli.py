"""``casefacts run record-review --no-prefect`` and ``casefacts report weekly`` (no Prefect involved)."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from flow_records import LETTER, RAP, write_case
from typer.testing import CliRunner

from casefacts.cli import app


def test_review_without_prefect_then_the_weekly_report(tmp_path: Path) -> None:
    inbox, store = tmp_path / "inbox", f"sqlite:///{tmp_path / 'store.db'}"
    write_case(inbox, "case-a", {"rap.txt": RAP, "letter.txt": LETTER})
    time.sleep(1.1)
    review = ["run", "record-review", "--no-prefect", "--source", f"folder:{inbox}", "--database-url", store,
              "--watermarks", str(tmp_path / "wm.json")]
    first = CliRunner().invoke(app, review)
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert (summary["new_records"], summary["cases_saved"], summary["documents"]) == (2, 1, 2)
    assert json.loads(CliRunner().invoke(app, review).stdout)["new_records"] == 0
    assert (tmp_path / "wm.json").exists()

    out = tmp_path / "reports"
    report = CliRunner().invoke(app, ["report", "weekly", "--out", str(out), "--week-of", date.today().isoformat(),
                                      "--database-url", store])
    assert report.exit_code == 0, report.output
    written = sorted(p.name for p in out.iterdir())
    assert [p.rsplit(".", 1)[1] for p in written] == ["html", "json"]
    assert [row["case_id"] for row in json.loads((out / written[1]).read_text())["rows"]] == ["case-a"]


def test_bad_options_are_refused(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["run", "record-review", "--runner", "spark"]).exit_code == 2
    refused = runner.invoke(app, ["run", "record-review", "--no-prefect", "--watermarks", "prefect"])
    assert refused.exit_code == 2 and "file" in refused.output
    assert runner.invoke(app, ["report", "weekly", "--week-of", "next tuesday"]).exit_code == 2
