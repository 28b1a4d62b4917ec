from pathlib import Path

import pytest
from rule_factories import state, usc

from casefacts.rules.offense_flags import load_taxonomy, offense_flags, taxonomy_path
from casefacts.schema import OffenseCategory, Statute

NO_TAXONOMY: dict = {}


def flags(charge, statute=None, category=None, taxonomy=NO_TAXONOMY):
    cat = OffenseCategory(code=category, probability=0.9) if category else None
    return offense_flags(charge, None, statute, cat, taxonomy)


@pytest.mark.parametrize(
    ("charge", "flag", "letter"),
    [
        ("AGG ASLT W/DW", "weapon", "F"),
        ("ROBBERY 2ND", "violent", "G"),
        ("POSS CS FOR SALE", "drug_trafficking", "B"),
        ("CRIM SALE CS 3RD", "drug_trafficking", "B"),
        ("FELON IN POSS FIREARM", "firearm", "E"),
        ("BATTERY-DV", "domestic_violence", "F"),
        ("TRANSPORTATION OF ILLEGAL ALIENS", "immigration", "N"),
        ("FRAUD IMMIG DOCS", "immigration", "P"),
        ("ILLEGAL REENTRY", "immigration", "O"),
        ("MONEY LAUNDERING", "sophisticated", "D"),
    ],
)
def test_keyword_fallback(charge, flag, letter):
    f = flags(charge)
    assert getattr(f, flag) is True
    assert letter in f.agg_felony_candidates
    assert any(s.startswith("keywords:") for s in f.sources)


def test_minor_offenses_get_no_flags():
    for charge in ("DUI", "DRIVING WITHOUT A VALID LICENSE", "DISORDERLY CONDUCT", "CRIMINAL TRESPASS"):
        f = flags(charge)
        assert f.agg_felony_candidates == () and not (f.violent or f.firearm or f.drug_trafficking), charge


def test_threat_offense_is_not_terrorism_and_document_fraud_is_not_generic_fraud():
    assert not flags("TERRORISTIC THREATS").national_security
    assert flags("TERRORISTIC THREATS").violent
    assert flags("MATERIAL SUPPORT TO TERRORISTS").national_security
    assert "M" not in flags("FRAUD AND MISUSE OF VISAS/PERMITS").agg_felony_candidates


def test_statutes_speak_for_themselves():
    f = flags("RE-ENTRY", usc(8, "1326(a)"))
    assert f.immigration and "O" in f.agg_felony_candidates and "statute:8usc:1326" in f.sources
    gang = flags("PARTICIPATION", usc(18, "521(a)"))
    assert gang.gang and gang.gang_participation_element
    ca_gang = flags("STREET TERRORISM ACT", state("PC", "186.22(a)"))
    assert ca_gang.gang_participation_element and not ca_gang.national_security
    assert "B" in flags("SOMETHING", state("HSC", "11351")).agg_felony_candidates
    # a section prefix does not match a longer number
    assert flags(
        "X", Statute(jurisdiction="FL", code="Fla. Stat.", section="893.135", text="")
    ).drug_trafficking
    assert not flags(
        "X", Statute(jurisdiction="FL", code="Fla. Stat.", section="893.13", text="")
    ).drug_trafficking


def test_federal_citation_inside_the_charge():
    assert flags("VIOL 8 USC 1326 REENTRY").immigration


def test_attempt_adds_u_only_with_another_letter():
    assert flags("ATTEMPTED ROBBERY").agg_felony_candidates == ("F", "G", "U")
    assert "U" not in flags("ATTEMPTED DUI").agg_felony_candidates


def test_classifier_category_replaces_keywords_but_stated_facts_still_count():
    taxonomy = load_taxonomy(taxonomy_path())
    if not taxonomy:
        pytest.skip("taxonomy data file absent")
    f = flags("ASSAULT W/ DEADLY WEAPON", category="aggravated_assault", taxonomy=taxonomy)
    assert f.sources[0] == "classifier:aggravated_assault"
    assert f.violent and f.weapon  # weapon from the stated words
    assert not any(s.startswith("keywords:") for s in f.sources)
    # an abstained category falls back to keywords
    cat = OffenseCategory(code="theft", abstained=True)
    assert any(s.startswith("keywords:") for s in offense_flags("ROBBERY", None, None, cat, taxonomy).sources)


def test_missing_taxonomy_file_means_fallback(tmp_path: Path):
    assert load_taxonomy(tmp_path / "absent.yaml") == {}
    f = offense_flags(
        "ROBBERY", None, None, OffenseCategory(code="robbery"), load_taxonomy(tmp_path / "absent.yaml")
    )
    assert f.violent and any(s.startswith("keywords:") for s in f.sources)
