from datetime import date

from rule_factories import case, event, offense, tie

from casefacts.packet import timeline_marks, timeline_svg


def _case():
    return case(offense("PETTY THEFT", date="2012-01-05", disposed="2012-02", fact_id="o1"),
                offense("ROBBERY", about="other", date="2018-01-01", fact_id="o2"),
                event("unlawful_entry", "2004", "near Hidalgo, Texas", fact_id="e1"),
                event("removal", "2014-05-06", "Brownsville", fact_id="e2"),
                tie("residence", since=2008, fact_id="t1"))


def test_marks_never_show_more_precision_than_the_record():
    marks = {(m.lane, m.fact_id): m for m in timeline_marks(_case(), date(2022, 1, 15))}
    assert marks[("Offenses", "o1")].exact
    disposition = marks[("Dispositions", "o1")]
    assert (disposition.start, disposition.end) == (date(2012, 2, 1), date(2012, 2, 29))
    entry = marks[("Entries, removals, events", "e1")]
    assert (entry.start, entry.end) == (date(2004, 1, 1), date(2004, 12, 31)) and not entry.exact
    tie_mark = marks[("Ties", "t1")]
    assert tie_mark.span and tie_mark.end == date(2022, 1, 15)


def test_only_facts_the_rules_read_are_drawn():
    assert "o2" not in {m.fact_id for m in timeline_marks(_case(), date(2022, 1, 15))}


def test_svg_is_inline_ready_deterministic_and_labelled():
    a = timeline_svg(_case(), date(2022, 1, 15))
    b = timeline_svg(_case(), date(2022, 1, 15))
    assert a == b and a.startswith("<svg")
    for text in ("PETTY THEFT 2012-01-05", "removal 2014-05-06", "2020-11-01 cut-off", "as of 2022-01-15"):
        assert text in a


def test_empty_case_still_draws_the_frame():
    assert timeline_svg(case(), None).startswith("<svg")
