"""Layout: sentence starts from lines, wrapped lines joined without moving offsets."""

from __future__ import annotations

from casefacts.extract.layout import line_starts, unwrap


def test_unwrap_keeps_offsets() -> None:
    text = "He was taken\ninto custody.\n\nNAME: X"
    joined = unwrap(text)
    assert len(joined) == len(text)
    assert "taken into custody" in joined
    assert "\n\nNAME" in joined


def test_field_lines_and_headings_start_sentences() -> None:
    text = ("ARREST DATE: 2021/10/01\nCHARGE: BURGLARY\nThe defendant was arrested on a warrant and was taken to\n"
            "the station for booking by the officers.\n")
    starts = line_starts(text)
    assert text.index("CHARGE") in starts
    assert text.index("The defendant") in starts
    assert text.index("the station") not in starts  # a wrapped prose line


def test_the_text_after_a_dateline_starts_a_sentence() -> None:
    text = "SAN SALVADOR, El Salvador – A 38-year-old man was removed.\n\nHOUSTON — Agents arrested a man."
    assert {text.index("A 38"), text.index("Agents")} <= set(line_starts(text))
    assert line_starts("He said – A man came.") == []  # no dateline: no capitals before the dash


def test_the_text_after_a_footnote_call_starts_a_sentence() -> None:
    text = "He was deported to Jamaica.1 In 1989, Straw was convicted. He paid $1.5 Million."
    assert text.index("In 1989") in line_starts(text)
    assert not any(text.index("$1.5") < s < text.index("Million") + 1 for s in line_starts(text))
