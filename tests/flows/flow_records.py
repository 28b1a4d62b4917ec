"""Small record sets for the review-run and flow tests: text records written on the fly, and
copies of fixture cases (so that a test owns its inbox and can add to it)."""

from __future__ import annotations

import shutil
from pathlib import Path

from casefacts.pipeline import is_record_file

REPO = Path(__file__).resolve().parents[2]
FIXTURE_CASES = REPO / "fixtures" / "cases"
MALFORMED = REPO / "fixtures" / "malformed"

RAP = (
    "CRIMINAL HISTORY RECORD\n"
    "Name: DOE, JOHN Q  DOB: 1985-04-12  A-Number: A012345678\n"
    "Arrest 2019-03-04 Charge: PC 459 BURGLARY 2ND DEGREE Disposition: CONVICTED 2019-06-01\n"
)
LETTER = (
    "To whom it may concern,\n"
    "John has two children who are U.S. citizens and has worked at the bakery since 2012.\n"
)


def write_case(inbox: Path, case_id: str, files: dict[str, str | bytes]) -> Path:
    folder = inbox / case_id
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def copy_fixture_cases(inbox: Path, names: list[str] | None = None) -> list[Path]:
    """Copy fixture case folders (all when ``names`` is None) into ``inbox``, gold labels left out."""
    chosen = [p for p in sorted(FIXTURE_CASES.iterdir()) if p.is_dir() and (names is None or p.name in names)]
    for case in chosen:
        (inbox / case.name).mkdir(parents=True, exist_ok=True)
        for path in case.iterdir():
            if is_record_file(path):
                shutil.copyfile(path, inbox / case.name / path.name)
    return [inbox / case.name for case in chosen]


def record_files(inbox: Path) -> list[Path]:
    return sorted(p for p in inbox.rglob("*") if is_record_file(p))
