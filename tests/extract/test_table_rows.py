"""Charges read from table rows: header mapping, abbreviations, sentence strings, cycle headers."""

from __future__ import annotations

from casefacts.schema import Page, Table

from .helpers import affirmed, table_page

HEADER = ["DATE ARR", "AGENCY", "CHARGE", "STATUTE", "LVL", "DISPOSITION", "DISP DATE", "SENTENCE"]
ROWS = [
    ["2019-03-04", "LAPD", "POSS CNTRL SUBST", "HSC 11350(a)", "F", "CONV", "2019-05-06",
     "365D JAIL 300D SUSP 3Y PROB"],
    ["20200102", "LAPD", "BURG 2ND DEG", "PC 459", "F", "DISM", "20200305", ""],
    ["2021-07-08", "LASD", "PETIT LARC", "PC 484", "M", "", "", ""],
    ["2021-09-10", "LASD", "DUI", "VC 23152(a)", "M", "PG ADJ WITHHELD", "2021-11-12", "FINE $500"],
]


def _page() -> Page:
    lines = ["CRIMINAL HISTORY RECORD", "NAME: PEREZ, JUAN DOB: 1985-03-12", " ".join(HEADER)]
    lines += [" ".join(c for c in row if c) for row in ROWS]
    return table_page("\n".join(lines) + "\nEND OF RECORD", [HEADER, *ROWS])


def test_one_offense_per_row(extract) -> None:
    offenses = affirmed(extract(_page()), "offense")
    assert [(o.charge, o.disposition, o.level) for o in offenses] == [
        ("POSS CNTRL SUBST", "convicted", "felony"), ("BURG 2ND DEG", "dismissed", "felony"),
        ("PETIT LARC", "arrested", "misdemeanor"), ("DUI", "pleaded_guilty", "misdemeanor")]
    first, second = offenses[0], offenses[1]
    assert first.charge_normalized == "possession of a controlled substance"
    assert second.charge_normalized == "burglary in the second degree"
    assert (first.statute.code, first.statute.section, first.statute.text) == ("HSC", "11350(a)", "HSC 11350(a)")
    assert (first.arrest_date.iso, first.disposition_date.iso) == ("2019-03-04", "2019-05-06")
    assert (first.sentence.custody_days, first.sentence.suspended_days, first.sentence.probation_days) == (
        365, 300, 1095)
    assert second.arrest_date.iso == "2020-01-02"
    assert offenses[3].sentence.fine == 500.0


def test_row_evidence_names_the_cell_and_the_text(extract) -> None:
    page = _page()
    offenses = affirmed(extract(page), "offense")
    for row_index, fact in enumerate(offenses, start=1):
        (evidence,) = fact.evidence
        assert evidence.table_cell.row == row_index and evidence.table_cell.column == 2
        assert evidence.quote == page.text[evidence.start:evidence.end]
        assert fact.charge in evidence.quote
    assert offenses[0].confidence > 0.9  # statute, disposition and dates in the row


def test_rows_are_not_read_again_as_prose(extract) -> None:
    assert len(affirmed(extract(_page()), "offense")) == len(ROWS)


def test_cycle_header_gives_the_arrest_date(extract) -> None:
    header = ["CHG", "CHARGE", "STATUTE", "COURT DISPOSITION", "DATE", "SENTENCE"]
    rows = [["1", "RESIST ARREST", "Tex. Penal Code § 38.03", "GUILTY PLEA", "2022/05/03",
             "JAIL 10 DAYS; PROBATION 18 MONTHS"]]
    text = ("CYCLE 001\nARREST DATE: 2021/10/01 ARRESTING AGENCY: DALLAS POLICE DEPARTMENT\n"
            "CHG CHARGE STATUTE COURT DISPOSITION DATE SENTENCE\n"
            "1 RESIST ARREST Tex. Penal Code § 38.03 GUILTY PLEA 2022/05/03 JAIL 10 DAYS; PROBATION 18 MONTHS\n")
    (fact,) = affirmed(extract(table_page(text, [header, *rows])), "offense")
    assert (fact.arrest_date.iso, fact.disposition_date.iso) == ("2021-10-01", "2022-05-03")
    assert (fact.sentence.custody_days, fact.sentence.probation_days) == (10, 540)
    assert fact.statute.jurisdiction == "TX"


def test_table_continued_on_the_next_page(extract) -> None:
    first = _page()
    row = ["2022-01-01", "LAPD", "VANDALISM", "PC 594", "M", "CONV", "2022-02-02", "30D JAIL"]
    second = Page(number=2, text=" ".join(row), tables=[Table(index=0, rows=[row])])
    offenses = affirmed(extract(first, second), "offense")
    assert offenses[-1].charge == "VANDALISM" and offenses[-1].evidence[0].page == 2


def test_count_statements_and_judgment_date(extract) -> None:
    header = ["Title & Section", "Nature of Offense", "Offense Ended", "Count"]
    rows = [["8 U.S.C. § 1326(a)", "Illegal Reentry After Removal", "10/09/2016", "1"]]
    text = ("JUDGMENT IN A CRIMINAL CASE\nTHE DEFENDANT: [X] pleaded guilty to count(s) 1 of the Indictment.\n"
            "Title & Section Nature of Offense Offense Ended Count\n"
            "8 U.S.C. § 1326(a) Illegal Reentry After Removal 10/09/2016 1\n"
            "Date of Imposition of Judgment: May 12, 2017\nIMPRISONMENT\n"
            "The defendant is hereby committed to the custody of the Federal Bureau of Prisons to be imprisoned "
            "for a total term of: 46 months.\n")
    (fact,) = affirmed(extract(table_page(text, [header, *rows])), "offense")
    assert (fact.disposition, fact.offense_date.iso, fact.disposition_date.iso) == (
        "pleaded_guilty", "2016-10-09", "2017-05-12")
    assert fact.statute.text == "8 U.S.C. § 1326(a)"
    assert fact.sentence.custody_days == 1380


def test_a_table_without_known_headers_is_skipped(extract) -> None:
    page = table_page("A B\n1 2", [["A", "B"], ["1", "2"]])
    assert affirmed(extract(page), "offense") == []
