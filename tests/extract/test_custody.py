"""Immigration custody versus a criminal arrest, on parsed sentences."""

from __future__ import annotations

import pytest

from casefacts.extract.context import SPANS_KEY
from casefacts.extract.custody import immigration_custody


def _arrest_cue(nlp, text: str):
    doc = nlp(text)
    return doc, next(s for s in doc.spans[SPANS_KEY] if s.label_ == "DISPO" and s.id_ == "arrested")


@pytest.mark.parametrize(("text", "expected"), [
    ("On March 14, 2016, he was arrested in Liberty, Texas, by ERO Houston officers.", True),
    ("He was arrested by border agents near Laredo.", True),
    ("He was arrested by ERO officers for aggravated assault.", False),
    ("He was arrested by ICE officers on an outstanding criminal warrant.", False),
    ("He was arrested by local police in Liberty, Texas.", False),
])
def test_immigration_custody(nlp, text: str, expected: bool) -> None:
    assert immigration_custody(*_arrest_cue(nlp, text)) is expected
