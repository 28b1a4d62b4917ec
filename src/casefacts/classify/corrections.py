"""Reviewer labels as new training examples.

Format (JSON Lines, one object per line; read by ``casefacts train --with-corrections FILE``)::

    {"charge": "POSS F/A BY FELON", "statute": "PC 29800(a)(1)", "code": "weapons_firearm",
     "source": "reviewer", "reviewer_action": "corrected", "fact_id": "off-...", "case_id": "..."}

``charge``, ``statute`` (or null) and ``code`` (a taxonomy category) are the example;
``reviewer_action`` says whether the reviewer accepted the classifier's category or corrected
it; ``fact_id`` and ``case_id`` only trace the example back. Nothing else about the case or
the person is exported. ``corrections_from_casefiles`` builds the rows from reviewed case
files until the store exports them itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from casefacts.classify.data import OffenseRow
from casefacts.classify.taxonomy import Taxonomy, load_taxonomy
from casefacts.errors import ConfigError
from casefacts.schema import CaseFile, OffenseFact


class Correction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    charge: str
    statute: str | None = None
    code: str
    source: Literal["reviewer"] = "reviewer"
    reviewer_action: Literal["accepted", "corrected"]
    fact_id: str | None = None
    case_id: str | None = None


def _from_fact(fact: OffenseFact, case_id: str) -> Correction | None:
    category = fact.category
    if fact.review_state not in ("accepted", "corrected") or category is None or category.code is None:
        return None
    if fact.review_state == "accepted" and category.abstained:
        return None  # accepting the fact did not confirm a category the model was unsure of
    return Correction(charge=fact.charge, statute=fact.statute.text if fact.statute else None,
                      code=category.code, reviewer_action=fact.review_state, fact_id=fact.fact_id,
                      case_id=case_id)


def corrections_from_casefiles(casefiles: Iterable[CaseFile]) -> list[dict]:
    """Reviewed offense facts with a category, as correction rows (duplicates dropped)."""
    rows: list[dict] = []
    seen: set[tuple[str, str | None, str]] = set()
    for casefile in casefiles:
        for fact in casefile.facts:
            if not isinstance(fact, OffenseFact):
                continue
            correction = _from_fact(fact, casefile.case_id)
            if correction is None or (key := (correction.charge, correction.statute, correction.code)) in seen:
                continue
            seen.add(key)
            rows.append(correction.model_dump())
    return rows


def export_corrections(casefiles: Iterable[CaseFile], path: Path) -> int:
    """Write the corrections of ``casefiles`` to ``path`` (JSON Lines); returns the row count."""
    rows = corrections_from_casefiles(casefiles)
    path.write_text("".join(json.dumps(row, sort_keys=True) + "\n" for row in rows), encoding="utf-8")
    return len(rows)


def read_corrections(path: Path, taxonomy: Taxonomy | None = None) -> list[OffenseRow]:
    """Training rows from a corrections file; an unknown category or bad line is an error."""
    known = set((taxonomy or load_taxonomy()).codes)
    rows: list[OffenseRow] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            correction = Correction.model_validate_json(line)
        except ValidationError as exc:
            raise ConfigError(f"{path}:{number}: not a correction row: {exc.errors()[0]['msg']}") from exc
        if correction.code not in known:
            raise ConfigError(f"{path}:{number}: unknown category {correction.code!r}")
        rows.append(OffenseRow(correction.code, correction.charge, correction.statute,
                               f"correction:{number}", "correction"))
    return rows
