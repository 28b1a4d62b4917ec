"""Table helpers: header mapping and locating a row's cells in the page text."""

from __future__ import annotations

import pytest

from casefacts.config import get_settings
from casefacts.extract.resources import load_resources
from casefacts.extract.tables import locate_cells


@pytest.fixture(scope="module")
def headers():
    return load_resources(get_settings().extractors_dir).headers


def test_rap_sheet_headers(headers) -> None:
    row = ["DATE ARR", "AGENCY", "CHARGE", "STATUTE", "LVL", "DISPOSITION", "DISP DATE", "SENTENCE"]
    assert headers.columns(row) == {0: "arrest_date", 1: "agency", 2: "charge", 3: "statute", 4: "level",
                                    5: "disposition", 6: "disposition_date", 7: "sentence"}


def test_other_header_wordings(headers) -> None:
    row = ["DATE OF ARREST", "OFFENSE DESCRIPTION", "STATUTE/ORDINANCE", "CLASS", "COURT ACTION", "DATE OF ACTION",
           "SENTENCE/PROVISIONS"]
    assert list(headers.columns(row).values()) == ["arrest_date", "charge", "statute", "level", "disposition",
                                                   "disposition_date", "sentence"]
    assert headers.field_of("DISP. DATE:") == "disposition_date"
    assert headers.field_of("Title & Section") == "statute"


def test_a_data_row_is_no_header(headers) -> None:
    assert headers.columns(["03/04/2019", "LAPD", "BURGLARY", "PC 459"]) is None
    assert headers.columns(["NAME", "DOB"]) is None  # no charge column


def test_locate_cells_in_page_text() -> None:
    text = "DATE ARR CHARGE DISPOSITION\n2019-03-04 POSS CNTRL SUBST CONV\n2020-01-02 DUI DISM\n"
    spans = locate_cells(text, ["2020-01-02", "DUI", "DISM"], cursor=0)
    assert [text[s.start:s.end] for s in spans] == ["2020-01-02", "DUI", "DISM"]


def test_locate_wrapped_cell_by_its_first_line() -> None:
    text = "2019-03-04 POSS CNTRL CONV\nSUBST\n"
    spans = locate_cells(text, ["2019-03-04", "POSS CNTRL\nSUBST", "CONV"])
    assert [text[s.start:s.end] for s in spans] == ["2019-03-04", "POSS CNTRL", "CONV"]


def test_short_cells_match_whole_words_only() -> None:
    text = "MISDEMEANOR M\n"
    (span,) = locate_cells(text, ["M"])
    assert span.start == text.index(" M") + 1
