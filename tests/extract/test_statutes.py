"""Statute citations: federal, state code-first and section-first forms, unknown codes by their sign."""

from __future__ import annotations

import pytest
import yaml

from casefacts.config import get_settings
from casefacts.extract.statutes import StatuteGrammar


@pytest.fixture(scope="module")
def grammar() -> StatuteGrammar:
    path = get_settings().extractors_dir / "statute_codes.yaml"
    return StatuteGrammar.from_config(yaml.safe_load(path.read_text()))


@pytest.mark.parametrize(("text", "jurisdiction", "code", "section", "cited"), [
    ("in violation of 8 U.S.C. § 1326(a).", "US", "8 U.S.C.", "1326(a)", "8 U.S.C. § 1326(a)"),
    ("18 U.S.C. 922(g)(1)", "US", "18 U.S.C.", "922(g)(1)", "18 U.S.C. 922(g)(1)"),
    ("Title 8, United States Code, Section 1326", "US", "8 U.S.C.", "1326",
     "Title 8, United States Code, Section 1326"),
    ("in violation of 18 U.S.C § 152(3)", "US", "18 U.S.C.", "152(3)", "18 U.S.C § 152(3)"),
    ("under Title 8, United States Code, Section 1326(a) and Section 1326(b)(1).", "US", "8 U.S.C.", "1326(a)",
     "Title 8, United States Code, Section 1326(a) and Section 1326(b)(1)"),
    ("8 U.S.C. § 1326(a) and (b)(2), and was sentenced", "US", "8 U.S.C.", "1326(a)", "8 U.S.C. § 1326(a) and (b)(2)"),
    ("CNT 01 PC 459 BURGLARY", "CA", "PC", "459", "PC 459"),
    ("459 PC-BURGLARY", "CA", "PC", "459", "459 PC"),
    ("HSC 11350(a)", "CA", "HSC", "11350(a)", "HSC 11350(a)"),
    ("11350(a) HS-POSS NARC", "CA", "HSC", "11350(a)", "11350(a) HS"),
    ("VC 23152(a)", "CA", "VC", "23152(a)", "VC 23152(a)"),
    ("N.Y. Penal Law § 140.25", "NY", "Penal Law", "140.25", "N.Y. Penal Law § 140.25"),
    ("Fla. Stat. 893.13", "FL", "Fla. Stat.", "893.13", "Fla. Stat. 893.13"),
    ("893.13(1)(a) F.S.", "FL", "Fla. Stat.", "893.13(1)(a)", "893.13(1)(a) F.S."),
    ("Tex. Penal Code § 22.01(a)(1)", "TX", "Tex. Penal Code", "22.01(a)(1)", "Tex. Penal Code § 22.01(a)(1)"),
    ("INA § 212(a)(6)(A)(i)", "US", "INA", "212(a)(6)(A)(i)", "INA § 212(a)(6)(A)(i)"),
    ("Tex. Transp. Code § 521.021", "TX", "Tex. Transp. Code", "521.021", "Tex. Transp. Code § 521.021"),
    ("indicted on a single count of violating 8 U.S.C. § § 1326(a) and (b)(2).", "US", "8 U.S.C.", "1326(a)",
     "8 U.S.C. § § 1326(a) and (b)(2)"),  # a spaced double section sign
    # the code's edition year is no subsection; a quote after a parenthesis ends the section
    ("in violation of 8 U.S.C. Sec. 1326(b)(2) (1994).", "US", "8 U.S.C.", "1326(b)(2)", "8 U.S.C. Sec. 1326(b)(2)"),
    ("in violation of Iowa Code § 709.11(“Iowa conviction”)", "IA", "Iowa Code", "709.11", "Iowa Code § 709.11"),
    # after a plural sign, further sections need no parenthesis
    ("in violation of 18 U.S.C. §§ 2 and 1546 (1982).", "US", "18 U.S.C.", "2", "18 U.S.C. §§ 2 and 1546"),
    ("in violation of 8 U.S.C. sections 1326(a) and (b)(1).", "US", "8 U.S.C.", "1326(a)",
     "8 U.S.C. sections 1326(a) and (b)(1)"),
    ("in violation of sections 193.330 and 205.275 of the Nevada Revised Statutes, for", "NV", "NRS", "193.330",
     "sections 193.330 and 205.275 of the Nevada Revised Statutes"),
    ("in violation of section 28-319(1)(c) of the Nebraska Revised Statutes.", "NE", "Neb. Rev. Stat.",
     "28-319(1)(c)", "section 28-319(1)(c) of the Nebraska Revised Statutes"),
])
def test_citations(grammar: StatuteGrammar, text: str, jurisdiction: str, code: str, section: str,
                   cited: str) -> None:
    (found,) = grammar.find(text)
    assert (found.statute.jurisdiction, found.statute.code, found.statute.section, found.statute.text) == (
        jurisdiction, code, section, cited)
    assert text[found.start:found.end] == cited


def test_two_citations_in_one_sentence(grammar: StatuteGrammar) -> None:
    found = grammar.find("pleaded guilty to 8 U.S.C. § 1326(a) and 18 U.S.C. 922(g)(1).")
    assert [m.statute.section for m in found] == ["1326(a)", "922(g)(1)"]


def test_a_bare_number_after_a_single_sign_is_no_further_section(grammar: StatuteGrammar) -> None:
    (found,) = grammar.find("a violation of 8 U.S.C. § 1326 and 18 months in prison")
    assert found.statute.text == "8 U.S.C. § 1326"


def test_no_citation_in_plain_prose(grammar: StatuteGrammar) -> None:
    assert grammar.find("He worked 40 hours a week for 12 years.") == []


def test_cell_keeps_the_citation_as_written(grammar: StatuteGrammar) -> None:
    statute = grammar.parse_cell(" Tex. Health & Safety Code § 481.112 ")
    assert statute.text == "Tex. Health & Safety Code § 481.112"
    assert statute.jurisdiction == "TX"
    assert grammar.parse_cell("ORD 12-7").text == "ORD 12-7"
    assert grammar.parse_cell("") is None


def test_unknown_form_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown forms"):
        StatuteGrammar.from_config({"codes": [{"code": "X", "forms": ["sideways"], "aliases": ["X"]}]})
