"""The README mapping table covers every rule of both rulesets and names only tests that exist."""

import re
from pathlib import Path

from casefacts.rules import RULESETS

README = Path(__file__).resolve().parents[2] / "src" / "casefacts" / "rules" / "README.md"
TESTS = Path(__file__).parent


def table_rows() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Mapping", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1:-1] for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row] for row in rows[1:]]  # without the header


def test_every_rule_is_mapped():
    mapped = {tok for row in table_rows() for tok in re.findall(r"`([^`]+)`", row[2])}
    for ruleset in RULESETS:
        missing = {rule.rule_id for rule in ruleset.rules} | {"IN_FORCE"}
        assert missing <= mapped, (ruleset.ruleset_id, missing - mapped)


def test_every_row_names_existing_tests():
    for row in table_rows():
        refs = re.findall(r"`([\w.]+\.py)::(\w+)`", row[4])
        assert refs, row[0]
        for file, name in refs:
            source = (TESTS / file).read_text(encoding="utf-8")
            assert re.search(rf"^def {name}\(", source, re.MULTILINE), f"{file}::{name}"
