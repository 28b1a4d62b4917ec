"""Dates: every written form, at the precision written, never an invented day."""

from __future__ import annotations

import pytest

from casefacts.extract.dates import find_dates, incident_date, parse_date


@pytest.mark.parametrize(("text", "iso"), [
    ("03/04/2019", "2019-03-04"),
    ("2019-03-04", "2019-03-04"),
    ("2019/03/04", "2019-03-04"),
    ("20190304", "2019-03-04"),
    ("June 3, 2018", "2018-06-03"),
    ("Jun. 3rd 2018", "2018-06-03"),
    ("3 June 2018", "2018-06-03"),
    ("MAR 04 2019", "2019-03-04"),
    ("March 2019", "2019-03"),
    ("March of 2019", "2019-03"),
    ("03/2019", "2019-03"),
    ("2015", "2015"),
    ("3/4/19", "2019-03-04"),
    ("12/01/85", "1985-12-01"),
])
def test_parse_date_forms(text: str, iso: str) -> None:
    assert parse_date(text).iso == iso


def test_partial_dates_in_prose_keep_their_precision() -> None:
    found = find_dates("He was arrested in March 2019 and convicted in 2015, on or about June 3, 2018.")
    assert [(d.text, d.date.iso, d.date.precision) for d in found] == [
        ("March 2019", "2019-03", "month"), ("2015", "2015", "year"), ("June 3, 2018", "2018-06-03", "day")]


def test_offsets_point_at_the_date() -> None:
    text = "Convicted on 04/05/2009 in Miami."
    (d,) = find_dates(text)
    assert text[d.start:d.end] == "04/05/2009"


@pytest.mark.parametrize("text", [
    "sentenced to 2000 hours of service",  # a bare number after "to" is no year
    "PC 11350(a)",
    "section 16-13-30",  # a statute section shaped like a date
    "2019-02-30",  # no such day
    "Room 2015B",
])
def test_no_date_where_there_is_none(text: str) -> None:
    assert find_dates(text) == []


def test_bare_year_needs_a_cue() -> None:
    assert find_dates("Case 2019 closed") == []
    assert [d.date.iso for d in find_dates("since 2005")] == ["2005"]


def test_a_year_before_the_noun_it_dates() -> None:
    assert [d.date.iso for d in find_dates("wanted for a 2003 murder and his 2011 conviction")] == ["2003", "2011"]
    assert find_dates("arrested in the 2000 block of Main Street") == []
    assert find_dates("driving a 2005 Honda") == []
    assert find_dates("seized the 1000 grams") == []
    assert [d.date.iso for d in find_dates("based on respondent's 1959 conviction of theft")] == ["1959"]


def test_years_listed_after_a_year() -> None:
    assert [d.text for d in find_dates("deported in 2008, 2011 and 2014")] == ["2008", "2011", "2014"]
    assert find_dates("in 2008, 25 people") == []


def test_a_year_alone_in_parentheses_after_a_word() -> None:
    text = "prior convictions for robbery (1998) and theft(2001)"
    assert [(d.date.iso, text[d.start:d.end]) for d in find_dates(text)] == [("1998", "1998"), ("2001", "2001")]
    assert find_dates("Smith v. Jones, 123 F.3d 456 (1998)") == []
    assert find_dates("Matter of X, 23 I&N Dec. 319 (BIA 2002); (9th Cir. 1998)") == []


def test_a_year_in_parentheses_after_a_states_abbreviation() -> None:
    text = "larceny (Mass. 1966); theft (N.Y. 1970); robbery (Ohio 1971)"
    assert [d.date.iso for d in find_dates(text)] == ["1966", "1970", "1971"]
    assert find_dates("Smith v. Jones, 12 N.E.2d 4 (Mass. 1966)") == []


def test_a_stray_comma_after_the_month() -> None:
    assert [d.date.iso for d in find_dates("On July, 23, 2017, ERO officers arrested him.")] == ["2017-07-23"]
    assert [d.date.iso for d in find_dates("In March, 12 people were arrested in 2019.")] == ["2019"]


def test_day_first_only_when_unambiguous() -> None:
    assert parse_date("25/12/2019").iso == "2019-12-25"
    assert parse_date("05/12/2019").iso == "2019-05-12"


def test_parse_date_of_empty_or_garbage() -> None:
    assert parse_date(None) is None
    assert parse_date("") is None
    assert parse_date("NO DISP RPTD") is None


def test_incident_date_needs_a_time_of_day() -> None:
    text = "On 09/06/2021 at approximately 1305 hours, I was dispatched. On 09/07/2021 he was arrested."
    assert incident_date(find_dates(text), text).iso == "2021-09-06"
    other = "On 09/07/2021 he was arrested."
    assert incident_date(find_dates(other), other) is None
    stamp = "07/01/2024 | Press release | Distributed by Public on 07/01/2024 16:17\n\nERO Boston arrested him."
    assert incident_date(find_dates(stamp), stamp) is None
    caption = "Dec 21, 2021\n3:19-CR-00461-IM (D. Or. Dec. 21, 2021)\n\nThe defendant was arrested."
    assert incident_date(find_dates(caption), caption) is None
    timed = "On 09/06/2021, 13:05, he fled."
    assert incident_date(find_dates(timed), timed).iso == "2021-09-06"


@pytest.mark.parametrize(("text", "expected"), [
    ("He lived there between 2010 and 2012.", [("2010", "2010")]),  # a range keeps its start
    ("from March 2010 to May 2011", [("March 2010", "2010-03")]),
    ("In 2015 he was arrested; two years later he was deported.", [("2015", "2015"), ("two years later", "2017")]),
    ("arrested in March 2015 and six months later deported", [("March 2015", "2015-03"),
                                                              ("six months later", "2015-09")]),
    ("In 2015 he moved.\n\nTwo years later he left.", [("2015", "2015")]),  # no anchor in the paragraph
    # days and weeks only after a date known to the day
    ("ordered removed on March 5, 1999, and was physically removed six days later",
     [("March 5, 1999", "1999-03-05"), ("six days later", "1999-03-11")]),
    ("arrested on Dec. 28, 2019; two weeks later he was charged", [("Dec. 28, 2019", "2019-12-28"),
                                                                  ("two weeks later", "2020-01-11")]),
    ("arrested in March 2015 and six days later deported", [("March 2015", "2015-03")]),
    ("On May 9, 1998, he was detained. The next day he was removed.", [("May 9, 1998", "1998-05-09"),
                                                                       ("The next day", "1998-05-10")]),
    ("He came in March 2001; the following month he left.", [("March 2001", "2001-03"),
                                                             ("the following month", "2001-04")]),
    ("He came in 2001; the next day he left.", [("2001", "2001")]),  # a day after a year is no day
    # the period of the date before: "later that month", "Feb. 15 that year", "that same year"
    ("On Sept. 2, 2024, police arrested him. Later that month, ERO arrested him.",
     [("Sept. 2, 2024", "2024-09-02"), ("Later that month", "2024-09")]),
    ("He was removed Feb. 8, 2019, and again Feb. 15 that year.",
     [("Feb. 8, 2019", "2019-02-08"), ("Feb. 15 that year", "2019-02-15")]),
    ("He entered in 2001. That same year he was arrested.", [("2001", "2001"), ("That same year", "2001")]),
    ("He reentered on Feb. 7, 2019. The Border Patrol apprehended him the same day.",
     [("Feb. 7, 2019", "2019-02-07"), ("the same day", "2019-02-07")]),
    # the same day as a date known to the month or year is known to the month or year
    ("He reentered in 2019 and was apprehended that day.", [("2019", "2019"), ("that day", "2019")]),
    ("He was convicted in July 2017. The same day, he was sentenced.",
     [("July 2017", "2017-07"), ("The same day", "2017-07")]),
    ("He was arrested that year.", []),  # no anchor
    ("the offense was committed in April or May 1992", [("May 1992", "1992")]),  # two months: the year only
    # a day without its year between the anchor and "the same day": that day's year is not told
    ("He murdered a man in November 2007. Mexico contacted ICE May 14. Agents arrested him the same day.",
     [("November 2007", "2007-11")]),
    ("He was sentenced on Tuesday.", []),
    ("arrested on Oct. 3, 2019 by police", [("Oct. 3, 2019", "2019-10-03")]),
])
def test_ranges_relative_and_unresolvable(text: str, expected: list) -> None:
    assert [(d.text, d.date.iso) for d in find_dates(text)] == expected


def test_the_year_of_a_laws_name_is_no_date() -> None:
    assert find_dates("Order: Act of 1952 — Section 241(a)(2) — Entered without inspection.") == []
    assert [d.text for d in find_dates("He was convicted in the spring of 1952.")] == ["1952"]
