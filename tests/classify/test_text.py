from __future__ import annotations

import pytest

from casefacts.classify.text import (
    ChargeText,
    charge_feature_text,
    load_abbreviations,
    load_protected_terms,
    normalize_charge,
    normalize_document_text,
    normalize_statute,
    parse_abbreviations,
)


@pytest.mark.parametrize(("raw", "expected"), [
    ("POSS CS W/INT TO DIST", "possession controlled substance with intent to distribution"),
    ("A&B", "assault and battery"),
    ("D.U.I. 1ST OFF", "driving under the influence 1st offense"),
    ("AGG ASLT W/DW", "aggravated assault with deadly weapon"),
    ("DWLS", "driving while license suspended"),
    ("Burglary & theft", "burglary and theft"),
    ("RICO", "racketeer influenced and corrupt organizations"),
])
def test_rap_sheet_abbreviations_expand(raw, expected):
    assert normalize_charge(raw, load_abbreviations()) == expected


def test_longest_abbreviation_wins():
    table = parse_abbreviations("w /\twith\nw / o\twithout\n")
    assert normalize_charge("DRIVING W/O LICENSE", table) == "driving without license"
    assert normalize_charge("ASSAULT W/ KNIFE", table) == "assault with knife"


def test_malformed_abbreviation_line_is_an_error():
    with pytest.raises(ValueError, match="line 2"):
        parse_abbreviations("# comment\nposs possession\n")


def test_statute_tokens_cannot_collide_with_charge_words():
    assert normalize_statute("H&S 11350(a)") == "st_h st_s st_11350 st_a"
    assert normalize_statute(None) == ""
    text = charge_feature_text(ChargeText("theft", "PC 484"), {})
    assert text == "theft st_pc st_484"


def test_protected_terms_are_dropped_from_charges_and_documents():
    drop = load_protected_terms()
    assert {"race", "religion", "she", "nationality"} <= drop
    assert "sex" not in drop  # "sex offense" is an offense, not a characteristic
    charge = normalize_charge("ethnic intimidation of her neighbor", {}, drop)
    assert charge == "intimidation of neighbor"
    assert normalize_document_text("Pastor letter 2019 HER", drop) == "letter 0000"
