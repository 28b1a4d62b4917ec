"""Sentence strings: custody (suspended part included), probation, fine, time served."""

from __future__ import annotations

import pytest
import yaml

from casefacts.config import get_settings
from casefacts.extract.sentences import SentenceGrammar


@pytest.fixture(scope="module")
def grammar() -> SentenceGrammar:
    return SentenceGrammar(yaml.safe_load((get_settings().extractors_dir / "sentence_cues.yaml").read_text()))


@pytest.mark.parametrize(("text", "custody", "suspended", "probation", "fine"), [
    ("365D JAIL 300D SUSP, 3Y PROB", 365, 300, 1095, None),
    ("365D JAIL 300D SUSP 3Y PROB FINE $500", 365, 300, 1095, 500.0),
    ("CONF 2 YRS SUSP 1 YRS, TIME SERVED, PROB 3 YRS, FINE $1,000.00", 730, 365, 1095, 1000.0),
    ("JAIL 30 DAYS; 20 DAYS SUSPENDED; PROBATION 2 YEARS; FINE $250", 30, 20, 730, 250.0),
    ("sentenced to 18 months in prison", 540, None, None, None),
    ("sentenced to 180 days in county jail, with 150 days suspended, and 3 years of probation", 180, 150, 1095, None),
    ("sentenced to 90 days in county jail, of which 30 days are suspended, followed by twelve (12) months of "
     "probation, and ordered to pay a fine of $1,000.", 90, 30, 360, 1000.0),
    ("sentenced to probation for 3 years and a $500 fine plus $150 in restitution", None, None, 1095, 500.0),
    ("five (5) years in state prison", 1825, None, None, None),
    ("1 year and 6 months in jail", 545, None, None, None),
    ("sentenced to twenty-four months in prison", 720, None, None, None),
    ("90 days jail, suspended", 90, 90, None, None),
    ("46 months imprisonment followed by 3 years supervised release", 1380, None, None, None),
    ("He was fined $250.", None, None, None, 250.0),
])
def test_sentences(grammar: SentenceGrammar, text: str, custody, suspended, probation, fine) -> None:
    sentence = grammar.parse(text)
    assert (sentence.custody_days, sentence.suspended_days, sentence.probation_days, sentence.fine) == (
        custody, suspended, probation, fine)
    assert sentence.text == text.strip()


def test_time_served_without_a_term(grammar: SentenceGrammar) -> None:
    sentence = grammar.parse("sentenced to time served")
    assert sentence.time_served and sentence.custody_days is None


def test_special_assessment_is_no_fine(grammar: SentenceGrammar) -> None:
    assert grammar.fine("Special assessment: $100.00. Fine: waived.") is None


@pytest.mark.parametrize("text", ["He has lived here for 15 years", "was ordered to pay $300 in restitution", ""])
def test_no_sentence(grammar: SentenceGrammar, text: str) -> None:
    assert grammar.parse(text) is None


def test_a_table_cell_duration_is_custody(grammar: SentenceGrammar) -> None:
    assert grammar.parse("2Y", assume_custody=True).custody_days == 730
    assert grammar.parse("2Y") is None


@pytest.mark.parametrize(("text", "custody", "suspended"), [
    ("sentenced to 5 years, 3 suspended, and a $500 fine", 1825, 1095),  # the bare number takes the term's unit
    ("sentenced to 365 days in jail, all but 30 days suspended", 365, 335),
    ("sentenced to 18 months, 20 suspended", 540, None),  # more than the term: not a suspended part
])
def test_suspended_parts(grammar: SentenceGrammar, text: str, custody: int, suspended: int | None) -> None:
    sentence = grammar.parse(text)
    assert (sentence.custody_days, sentence.suspended_days) == (custody, suspended)


def test_a_term_that_names_the_sentence_is_its_custody(grammar: SentenceGrammar) -> None:
    sentence = grammar.parse("He appeals his 18-month sentence imposed after he pleaded guilty to illegal reentry.")
    assert sentence is not None and sentence.custody_days == 540


@pytest.mark.parametrize(("text", "custody"), [
    ("The court found him subject to a maximum sentence of 20 years' imprisonment, calculated a guidelines range of "
     "41 to 51 months, and sentenced him to 41 months' imprisonment.", 1230),
    ("He faces up to 10 years in prison.", None),
])
def test_a_term_the_law_allows_is_not_the_one_imposed(grammar: SentenceGrammar, text: str, custody) -> None:
    sentence = grammar.parse(text)
    assert (sentence.custody_days if sentence else None) == custody
