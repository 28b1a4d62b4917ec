from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from casefacts.classify.taxonomy import FLAG_NAMES, load_taxonomy, parse_taxonomy, taxonomy_entry, taxonomy_path
from casefacts.schema import OffenseCategory

UCCS_TYPES = ["violent", "property", "drug", "dui", "public_order", "criminal_traffic"]


def test_top_level_is_the_six_uccs_offense_types():
    taxonomy = load_taxonomy()
    assert [t.id for t in taxonomy.offense_types] == UCCS_TYPES
    assert [t.uccs_type for t in taxonomy.offense_types] == [1, 2, 3, 4, 5, 6]


def test_every_category_sits_under_the_uccs_type_of_its_codes():
    taxonomy = load_taxonomy()
    digit = {t.id: t.uccs_type for t in taxonomy.offense_types}
    for category in taxonomy.categories:
        assert category.uccs, category.code
        assert {code // 1000 for code in category.uccs} == {digit[category.offense_type]}, category.code


@pytest.mark.parametrize(("code", "flag", "letters"), [
    ("drug_trafficking", "drug_trafficking", ["B"]),
    ("drug_possession", "drug_possession", []),
    ("weapons_firearm", "firearm", ["C", "E"]),
    ("illegal_entry_reentry", "immigration", ["O"]),
    ("alien_smuggling", "immigration", ["N"]),
    ("gang_racketeering", "gang", ["J"]),
    ("domestic_violence", "domestic_violence", ["F"]),
    ("child_sexual_exploitation", "against_child", ["I", "A"]),
    ("murder", "violent", ["A"]),
    ("terrorism_national_security", "national_security", ["L"]),
])
def test_flags_and_candidates_the_rules_need(code, flag, letters):
    category = load_taxonomy().category(code)
    assert category.flags[flag] is True
    assert category.agg_felony_candidates == letters
    assert category.agg_felony_note.startswith("needs legal review")


def test_flags_are_complete_booleans_and_trafficking_excludes_possession():
    taxonomy = load_taxonomy()
    for category in taxonomy.categories:
        assert set(category.flags) == set(FLAG_NAMES)
        assert not (category.flags["drug_trafficking"] and category.flags["drug_possession"])
    assert taxonomy.with_flag("drug_possession") == ["drug_possession"]
    assert taxonomy.category("dui").flags["violent"] is False


def test_taxonomy_entry_is_none_when_abstained_or_unclassified():
    assert taxonomy_entry(None) is None
    assert taxonomy_entry(OffenseCategory(code="robbery", offense_type="violent", abstained=True)) is None
    assert taxonomy_entry(OffenseCategory(code=None)) is None
    assert taxonomy_entry(OffenseCategory(code="robbery", offense_type="violent")).name.startswith("Robbery")


def _raw() -> dict:
    return yaml.safe_load(taxonomy_path().read_text(encoding="utf-8"))


@pytest.mark.parametrize("breakage", ["unknown_letter", "unknown_type", "duplicate", "unknown_flag"])
def test_malformed_taxonomies_are_rejected(breakage):
    data = _raw()
    first = data["categories"][0]
    if breakage == "unknown_letter":
        first["agg_felony"] = ["Z"]
    elif breakage == "unknown_type":
        first["offense_type"] = "misc"
    elif breakage == "duplicate":
        data["categories"].append(dict(first))
    else:
        first["flags"] = ["dangerous"]
    with pytest.raises(ValidationError):
        parse_taxonomy(yaml.safe_dump(data))


def test_readme_documents_every_category(repo_root):
    readme = (repo_root / "extractors" / "taxonomy" / "README.md").read_text(encoding="utf-8")
    missing = [c.code for c in load_taxonomy().categories if f"`{c.code}`" not in readme]
    assert missing == []
