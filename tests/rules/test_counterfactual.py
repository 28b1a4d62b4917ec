"""Counterfactual fairness: re-render every fixture case with only its protected profile changed
(gender words, nationality, religion, political activity, race code), run both renderings through
the whole pipeline, and require identical findings.

Uses the fixture generator's documented protocol (``fixtures/README.md``: ``build_cases`` gives
each case's spec and protected profile, ``counterfactual`` a profile differing in every protected
characteristic, ``render_case`` the documents). Fact ids differ between renderings (they hash the
document bytes), so findings are compared with ids replaced by ``<kind>#<n>``.
"""

import random
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from rule_fixture_cases import fixture_case_dirs, normalized

from casefacts.rules import apply_rules

pytestmark = pytest.mark.slow
AS_OF_DATES = (None, date(2021, 6, 1), date(2024, 6, 30))
CASES = [c.name for c in fixture_case_dirs()]


def _pipeline():
    try:
        import casefacts.extract  # noqa: F401  (the extractors the pipeline needs)
        import casefacts.ingest  # noqa: F401
        from casefacts.pipeline import process_case
    except ImportError as error:  # the pipeline is assembled by other work in progress
        pytest.skip(f"pipeline not available: {error}")
    return process_case


@lru_cache(maxsize=1)
def _specs() -> dict:
    from fixtures.generate import DEFAULT_SEED, build_cases

    return {spec.case_id: (spec, profile) for spec, profile in build_cases(DEFAULT_SEED)}


def _render(spec, profile, out: Path) -> Path:
    from fixtures.generate import render_case

    out.mkdir(parents=True)
    for name, data in render_case(spec, profile).items():
        (out / name).write_bytes(data)
    return out


@pytest.mark.skipif(not CASES, reason="fixtures/cases not generated")
@pytest.mark.parametrize("case_id", CASES)
def test_counterfactual_findings_are_identical(case_id: str, tmp_path: Path, nlp):
    process_case = _pipeline()
    from fixtures.generate import counterfactual

    spec, profile = _specs()[case_id]
    other = counterfactual(profile, random.Random(f"counterfactual|{case_id}"))
    base = _render(spec, profile, tmp_path / "base")
    changed = _render(spec, other, tmp_path / "changed")
    differing = [p.name for p in base.iterdir() if p.read_bytes() != (changed / p.name).read_bytes()]
    assert differing, "the counterfactual changed no document"

    a = process_case([base], case_id=case_id, nlp=nlp)
    b = process_case([changed], case_id=case_id, nlp=nlp)
    for as_of in AS_OF_DATES:
        assert normalized(a, apply_rules(a, as_of)) == normalized(b, apply_rules(b, as_of)), (case_id, as_of)
