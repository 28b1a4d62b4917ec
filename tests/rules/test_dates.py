from datetime import date

import pytest

from casefacts.rules import dates
from casefacts.schema import PartialDate

CUT = date(2020, 11, 1)


@pytest.mark.parametrize(
    ("iso", "side"),
    [
        ("2020-10-31", "before"),
        ("2020-11-01", "on"),
        ("2020-11-02", "after"),
        ("2020-10", "before"),
        ("2020-11", "straddles"),
        ("2020-12", "after"),
        ("2020", "straddles"),
        ("2019", "before"),
        ("2021", "after"),
    ],
)
def test_side_of_cutoff(iso, side):
    assert dates.side_of(PartialDate.from_iso(iso), CUT) == side


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2020-11", True),  # every day of November 2020 is on or after the 1st
        ("2020-11-01", True),
        ("2020-10-31", False),
        ("2020", None),
        ("2020-10", False),
    ],
)
def test_on_or_after(iso, expected):
    assert dates.on_or_after(PartialDate.from_iso(iso), CUT) is expected


def test_partial_date_range_never_invents_a_day():
    assert dates.earliest(PartialDate.from_iso("2024-02")) == date(2024, 2, 1)
    assert dates.latest(PartialDate.from_iso("2024-02")) == date(2024, 2, 29)
    assert dates.latest(PartialDate.from_iso("2023")) == date(2023, 12, 31)


def test_age_range_with_year_only_birth_date():
    assert dates.age_range(PartialDate.from_iso("1956"), date(2021, 6, 1)) == (64, 65)
    assert dates.age_range(PartialDate.from_iso("1956-03-02"), date(2021, 3, 1)) == (64, 64)
    assert dates.age_range(PartialDate.from_iso("1956-03-02"), date(2021, 3, 2)) == (65, 65)
