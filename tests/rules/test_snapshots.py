"""Findings for every fixture case, as stable snapshots (``tests/rules/snapshots/<case_id>.json``).

Each case is built from its gold labels (``fixture_cases.gold_casefile``) and evaluated three
ways: as of its most recent record event (the default), under the interim guidance (2021-06-01)
and under the guidelines (2024-06-30). Regenerate with ``CASEFACTS_UPDATE_SNAPSHOTS=1`` and read
the diff before committing it.
"""

import json
import os
from datetime import date
from pathlib import Path

import pytest
from rule_fixture_cases import fixture_case_dirs, gold_casefile, normalized

from casefacts.rules import apply_rules

SNAPSHOTS = Path(__file__).parent / "snapshots"
AS_OF_DATES = (None, date(2021, 6, 1), date(2024, 6, 30))
UPDATE = os.environ.get("CASEFACTS_UPDATE_SNAPSHOTS") == "1"
CASES = fixture_case_dirs()


def evaluations(case_dir: Path) -> dict:
    case = gold_casefile(case_dir)
    return {
        "case_id": case.case_id,
        "evaluations": {
            (as_of.isoformat() if as_of else "default"): normalized(case, apply_rules(case, as_of))
            for as_of in AS_OF_DATES
        },
    }


@pytest.mark.skipif(not CASES, reason="fixtures/cases not generated")
@pytest.mark.parametrize("case_dir", CASES, ids=[c.name for c in CASES])
def test_findings_match_snapshot(case_dir: Path):
    actual = evaluations(case_dir)
    path = SNAPSHOTS / f"{case_dir.name}.json"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    assert path.is_file(), f"no snapshot for {case_dir.name}: run with CASEFACTS_UPDATE_SNAPSHOTS=1"
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert actual == expected


def test_evaluations_are_deterministic():
    if not CASES:
        pytest.skip("fixtures/cases not generated")
    assert evaluations(CASES[0]) == evaluations(CASES[0])


def test_no_snapshot_without_a_case():
    names = {c.name for c in CASES}
    stale = [p.name for p in SNAPSHOTS.glob("*.json") if p.stem not in names]
    assert not stale, f"snapshots for cases that no longer exist: {stale}"
