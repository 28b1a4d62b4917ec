"""Charge normalization: rap-sheet abbreviations expanded, variants to one name."""

from __future__ import annotations

import pytest

from casefacts.config import get_settings
from casefacts.extract.resources import load_resources


@pytest.fixture(scope="module")
def charges():
    return load_resources(get_settings().extractors_dir).charges


@pytest.mark.parametrize(("charge", "normalized"), [
    ("POSS CNTRL SUBST", "possession of a controlled substance"),
    ("BURG 2ND DEG", "burglary in the second degree"),
    ("AGG ASLT W/DW", "aggravated assault with a deadly weapon"),
    ("PETIT LARC", "petit larceny"),
    ("DUI", "driving under the influence"),
    ("DWI", "driving while intoxicated"),
    ("CORP INJ SPOUSE/COHAB", "corporal injury to a spouse or cohabitant"),
    ("POSS W/INT TO DIST COC", "possession with intent to distribute cocaine"),
    ("Burglary in the Second Degree", "burglary in the second degree"),
    # the degree has one place, whatever the order the text writes
    ("second degree burglary", "burglary in the second degree"),
    ("Burglary, second degree", "burglary in the second degree"),
    ("first-degree robbery", "robbery in the first degree"),
    ("illegally re-entering", "illegal reentry"),
    ("HIT-AND-RUN", "hit and run"),
])
def test_normalize(charges, charge: str, normalized: str) -> None:
    assert charges.normalize(charge) == normalized


def test_plain_words_are_not_expanded(charges) -> None:
    # "Possession" is no abbreviation in prose; "att" inside a word is not "attempted"
    assert charges.expand("Possession of stolen property") == "possession of stolen property"
    assert charges.expand("battery") == "battery"
