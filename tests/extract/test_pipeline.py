"""The spaCy pipeline casefacts builds: tokenizer rules and components."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "tokens"), [
    ("his conviction in Canada for fraud1 as well", ["his", "conviction", "in", "Canada", "for", "fraud", "1", "as",
                                                     "well"]),
    ("Form I-94 and A1 and 1326(a)", ["Form", "I-94", "and", "A1", "and", "1326(a", ")"]),
    ("a drug violation.1 The", ["a", "drug", "violation", ".", "1", "The"]),
])
def test_a_footnote_call_glued_to_a_word_is_its_own_token(nlp, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp.make_doc(text)] == tokens


@pytest.mark.parametrize("word", ["re-entering", "Re-entry", "Re-Entry", "re-entered", "RE-ENTRY", "re‐enter"])
def test_a_re_entry_word_stays_whole(nlp, word: str) -> None:
    assert [t.text for t in nlp.make_doc(f"He was convicted of {word} twice.")][4] == word


def test_a_whole_re_entry_word_gets_its_object_and_its_date(extract) -> None:
    facts = extract("Soto was convicted of re-entering the United States after being deported and sentenced to "
                    "45 days in prison.")
    assert [(o.charge, o.sentence.custody_days) for o in facts if o.kind == "offense"] == [
        ("re-entering the United States after being deported", 45)]


def test_a_glued_footnote_call_does_not_hide_the_charge(extract) -> None:
    facts = extract("The 1951 exclusion was based on his conviction in Canada for fraud1 as well as the failure to "
                    "obtain a visa.")
    assert [o.charge for o in facts if o.kind == "offense"] == ["fraud"]
