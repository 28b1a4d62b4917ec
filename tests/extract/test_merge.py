"""Merging mentions within a document (pure)."""

from __future__ import annotations

from casefacts.extract.merge import BORDER_FLAG, DISTINCT_FLAG, OCCURRENCE_FLAG, VOLUNTARY_FLAG, merge_document_facts
from casefacts.schema import About, EventFact, Evidence, OffenseFact, PartialDate

DOC = "a" * 64


def _offense(start: int, charge: str, disposition: str = "unknown", flags: list[str] | None = None,
             arrest: str | None = None, who: str = "subject") -> OffenseFact:
    evidence = Evidence(doc_id=DOC, page=1, start=start, end=start + len(charge), quote=charge,
                        extractor="offenses@1.0", confidence=0.6)
    return OffenseFact(fact_id=f"off-{start}", charge=charge, charge_normalized=charge.lower(),
                       disposition=disposition, confidence=0.6, evidence=[evidence], flags=flags or [],
                       arrest_date=PartialDate.from_iso(arrest) if arrest else None, about=About(who=who))


def test_mentions_of_one_offense_merge_and_move_forward() -> None:
    (merged,) = merge_document_facts([_offense(0, "burglary", "arrested", arrest="2015-03"),
                                      _offense(50, "Burglary", "convicted")])
    assert merged.disposition == "convicted"
    assert len(merged.evidence) == 2
    assert merged.arrest_date.iso == "2015-03"
    assert merged.confidence > 0.6


def test_different_dates_stay_apart() -> None:
    facts = merge_document_facts([_offense(0, "DUI", arrest="2015"), _offense(50, "DUI", arrest="2018")])
    assert len(facts) == 2


def test_a_pending_charge_is_another_case_than_a_conviction_of_it() -> None:
    facts = merge_document_facts([_offense(0, "illegal reentry", "convicted"),
                                  _offense(60, "illegal reentry", "pending")])
    assert [f.disposition for f in facts] == ["convicted", "pending"]
    (charged,) = merge_document_facts([_offense(0, "burglary", "charged"), _offense(60, "burglary", "pending")])
    assert charged.disposition == "pending"


def test_table_rows_never_merge_with_each_other() -> None:
    rows = [_offense(0, "DUI", flags=[DISTINCT_FLAG]), _offense(50, "DUI", flags=[DISTINCT_FLAG])]
    assert len(merge_document_facts(rows)) == 2


def test_two_occurrences_of_a_charge_stay_apart() -> None:
    prior = _offense(50, "illegal reentry", "convicted", flags=[OCCURRENCE_FLAG + "prior"])
    assert len(merge_document_facts([_offense(0, "illegal reentry", "pleaded_guilty"), prior])) == 2
    again = _offense(90, "illegal reentry", "convicted", flags=[OCCURRENCE_FLAG + "prior"])
    assert len(merge_document_facts([prior, again])) == 1


def test_a_cleared_outcome_brings_its_own_date() -> None:
    convicted = _offense(0, "DUI", "convicted").model_copy(update={"disposition_date": PartialDate.from_iso("2001")})
    (merged,) = merge_document_facts([convicted, _offense(50, "DUI", "vacated")])
    assert (merged.disposition, merged.disposition_date) == ("vacated", None)


def test_whose_offense_matters() -> None:
    assert len(merge_document_facts([_offense(0, "robbery"), _offense(50, "robbery", who="other")])) == 2


def test_homicide_and_murder_name_one_killing() -> None:
    (merged,) = merge_document_facts([_offense(0, "aggravated homicide", "charged"), _offense(50, "murder", "charged")])
    assert merged.charge == "aggravated homicide"
    assert len(merge_document_facts([_offense(0, "attempted homicide"), _offense(50, "attempted murder")])) == 1


def test_a_qualified_homicide_is_another_crime() -> None:
    assert len(merge_document_facts([_offense(0, "vehicular homicide"), _offense(50, "murder")])) == 2


def _event(start: int, event_type: str, date: str | None = None) -> EventFact:
    evidence = Evidence(doc_id=DOC, page=1, start=start, end=start + 5, quote=event_type, extractor="events@1.0",
                        confidence=0.6)
    return EventFact(fact_id=f"ev-{start}", event_type=event_type, confidence=0.6, evidence=[evidence],
                     date=PartialDate.from_iso(date) if date else None)


def test_an_undated_first_arrest_takes_the_next_arrests_date() -> None:
    (arrest,) = merge_document_facts([_event(0, "arrest"), _event(50, "arrest", "2024-03-28")])
    assert (arrest.date.iso, len(arrest.evidence)) == ("2024-03-28", 2)


def test_an_undated_first_removal_is_another_than_a_dated_one() -> None:
    facts = merge_document_facts([_event(0, "removal"), _event(50, "removal", "2010")])
    assert [f.date.iso if f.date else None for f in facts] == [None, "2010"]


def test_a_removal_told_again_coarser_is_one_removal() -> None:
    facts = merge_document_facts([_event(0, "removal", "1991-05-17"), _event(50, "removal", "1991"),
                                  _event(90, "removal", "1993")])
    assert [(f.date.iso, len(f.evidence)) for f in facts] == [("1991-05-17", 2), ("1993", 1)]
    coarse_first = merge_document_facts([_event(0, "removal", "1991"), _event(50, "removal", "1991-05-17")])
    assert [f.date.iso for f in coarse_first] == ["1991-05-17"]
    arrests = merge_document_facts([_event(0, "arrest", "2016-04-12"), _event(50, "arrest", "2016")])
    assert [f.date.iso for f in arrests] == ["2016-04-12", "2016"]


def test_reentry_wordings_merge_but_a_dated_prior_reentry_conviction_stays_apart() -> None:
    headline, body = _offense(0, "Illegal Re-entry", "pleaded_guilty"), _offense(40, "illegal reentry into the "
                                                                                  "United States", "pleaded_guilty")
    assert len(merge_document_facts([headline, body])) == 1
    prior = _offense(90, "illegal reentry", "convicted").model_copy(
        update={"disposition_date": PartialDate.from_iso("1989")})
    current = _offense(0, "illegal re-entry after deportation", "pleaded_guilty")
    assert len(merge_document_facts([current, prior])) == 2


def test_an_undated_repeat_is_one_more_occurrence_even_of_an_undated_one() -> None:
    again = _event(50, "reentry").model_copy(update={"flags": ["occurrence:repeat"]})
    assert len(merge_document_facts([_event(0, "reentry"), again])) == 2


def test_an_undated_voluntary_return_is_another_removal_than_the_releases() -> None:
    voluntary = _event(50, "removal").model_copy(update={"flags": [VOLUNTARY_FLAG]})
    assert len(merge_document_facts([_event(0, "removal"), voluntary, _event(90, "removal")])) == 2
    dated = _event(50, "removal", "1961-06-25").model_copy(update={"flags": [VOLUNTARY_FLAG]})
    assert len(merge_document_facts([_event(0, "removal", "1961-06-25"), dated])) == 1


def test_an_undated_prior_apprehension_is_an_earlier_one_but_a_prior_removal_may_be_the_same() -> None:
    prior = _event(50, "apprehension").model_copy(update={"flags": [OCCURRENCE_FLAG + "prior"]})
    assert len(merge_document_facts([_event(0, "apprehension"), prior])) == 2
    removal = _event(50, "removal").model_copy(update={"flags": [OCCURRENCE_FLAG + "prior"]})
    assert len(merge_document_facts([_event(0, "removal"), removal])) == 1


def test_an_undated_entry_and_an_undated_unlawful_entry_are_one_unlawful_entry() -> None:
    (entry,) = merge_document_facts([_event(0, "entry"), _event(50, "unlawful_entry")])
    assert (entry.event_type, len(entry.evidence)) == ("unlawful_entry", 2)
    dated = merge_document_facts([_event(0, "entry", "1998"), _event(50, "unlawful_entry")])
    assert [f.event_type for f in dated] == ["entry", "unlawful_entry"]


def test_an_apprehension_at_the_border_is_another_than_eros() -> None:
    border = _event(50, "apprehension").model_copy(update={"flags": [BORDER_FLAG]})
    assert len(merge_document_facts([_event(0, "apprehension"), border])) == 2
    assert len(merge_document_facts([_event(0, "apprehension", "2019-05-21").model_copy(
        update={"flags": [BORDER_FLAG]}), _event(50, "apprehension")])) == 2
    assert len(merge_document_facts([border, border.model_copy(update={"fact_id": "ev-90"})])) == 1
