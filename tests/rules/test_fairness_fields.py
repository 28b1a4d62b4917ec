"""RuleInput has no field for a protected characteristic, and text changes in protected words do
not reach it (GUIDELINES.md: never considered)."""

import re
import typing

from pydantic import BaseModel
from rule_factories import case, event, offense, subject, tie

from casefacts.rules import apply_rules, build_rule_input
from casefacts.rules.model import TIE_DETAIL_KEYS, RuleInput

PROTECTED = re.compile(
    r"race|ethnic|religio|faith|church|gender|sex|orientation|identity|national|origin|country|"
    r"citizenship|birthplace|place_of_birth|language|political|party|protest|speech|first_amendment|"
    r"associat|name|pronoun|skin|color|colour|tribe|caste",
    re.IGNORECASE,
)
# Offense flags whose names contain a protected word but describe the offense, not the person.
OFFENSE_FLAGS_NOT_PERSONAL = {"sexual", "national_security"}
# Every field path rules can read. A new field must be added here consciously: if it could carry a
# protected characteristic, it does not belong in RuleInput.
APPROVED = {
    "case_id",
    "person.date_of_birth",
    "person.fact_ids",
    "offenses.fact_id",
    "offenses.charge",
    "offenses.statute",
    "offenses.level",
    "offenses.disposition",
    "offenses.disposition_conflict",
    "offenses.offense_date",
    "offenses.arrest_date",
    "offenses.disposition_date",
    "offenses.sentence.custody_days",
    "offenses.sentence.suspended_days",
    "offenses.sentence.probation_days",
    "offenses.sentence.fine",
    "offenses.sentence.suspended",
    "offenses.sentence.time_served",
    "offenses.flags.violent",
    "offenses.flags.firearm",
    "offenses.flags.weapon",
    "offenses.flags.drug_trafficking",
    "offenses.flags.sexual",
    "offenses.flags.against_child",
    "offenses.flags.domestic_violence",
    "offenses.flags.gang",
    "offenses.flags.gang_participation_element",
    "offenses.flags.immigration",
    "offenses.flags.national_security",
    "offenses.flags.sophisticated",
    "offenses.flags.harm",
    "offenses.flags.demonstration",
    "offenses.flags.agg_felony_candidates",
    "offenses.flags.sources",
    "offenses.confirmed",
    "events.fact_id",
    "events.event_type",
    "events.date",
    "events.at_border",
    "events.confirmed",
    "ties.fact_id",
    "ties.tie_kind",
    "ties.details",
    "ties.markers",
    "ties.confirmed",
    "record.reviewed_kinds",
    "record.unreadable.doc_kind",
    "record.unreadable.status",
    "record.unreadable.reason",
    "record.missing_kinds",
    "record.documents_total",
    "record.documents_read",
}


def _model_of(annotation) -> type[BaseModel] | None:
    """The model a field holds (directly, in a tuple or optional); PartialDate counts as a value."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return None if annotation.__name__ == "PartialDate" else annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def field_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    paths = set()
    for name, info in model.model_fields.items():
        sub = _model_of(info.annotation)
        if sub is not None:
            paths |= field_paths(sub, f"{prefix}{name}.")
        else:
            paths.add(f"{prefix}{name}")
    return paths


def test_rule_input_fields_are_the_approved_ones():
    assert field_paths(RuleInput) == APPROVED


def test_no_rule_input_field_or_tie_detail_names_a_protected_characteristic():
    names = {part for path in field_paths(RuleInput) for part in path.split(".")} | set(TIE_DETAIL_KEYS)
    assert not [n for n in names - OFFENSE_FLAGS_NOT_PERSONAL if PROTECTED.search(n)]


def test_the_check_catches_a_protected_field():
    class Leaky(BaseModel):
        nationality: str

    class Outer(BaseModel):
        person: Leaky

    assert field_paths(Outer) == {"person.nationality"}
    assert PROTECTED.search("nationality")


def _record(*, words: dict[str, str]):
    """One case whose text differs only in protected words."""
    w = words
    return case(
        subject("1979-04-02", name=w["name"], fact_id="s"),
        offense("ROBBERY 2ND", level="felony", date="2015-06-01", custody_days=400, fact_id="o"),
        event(
            "unlawful_entry",
            "2003-05",
            f"crossed near Hidalgo, Texas from {w['country']}",
            quote=f"{w['He']} entered from {w['country']} near Hidalgo",
            fact_id="e1",
        ),
        event("removal", "2012-02-03", f"removed to {w['country']}", fact_id="e2"),
        tie(
            "family",
            f"{w['his']} {w['spouse']} attends {w['church']}",
            relation=w["spouse"],
            status="us_citizen",
            fact_id="t1",
        ),
        tie(
            "community_service",
            f"volunteers with {w['church']}; {w['political']}",
            religion=w["faith"],
            organization=w["church"],
            fact_id="t2",
        ),
        tie(
            "employment", f"{w['He']} works as a farmworker", employer=f"{w['country']} Market", fact_id="t3"
        ),
    )


A = dict(
    name="Jose Lopez",
    country="Mexico",
    He="He",
    his="his",
    spouse="wife",
    church="St. Mary's Catholic Parish",
    faith="Catholic",
    political="joined a march for immigrant rights",
)
B = dict(
    name="Amina Rahman",
    country="Somalia",
    He="She",
    his="her",
    spouse="husband",
    church="Masjid Al-Noor",
    faith="Muslim",
    political="volunteered for a city council campaign",
)


def test_protected_words_in_the_record_do_not_change_the_rule_input_or_findings():
    a, b = _record(words=A), _record(words=B)
    assert build_rule_input(a) == build_rule_input(b)
    from datetime import date

    for as_of in (date(2021, 6, 1), date(2022, 1, 15)):
        assert apply_rules(a, as_of) == apply_rules(b, as_of)
