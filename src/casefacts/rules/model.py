"""``RuleInput``: the only view of a case that rules read (DESIGN section 3 and 6).

It is a projection of the accepted facts about the subject. It carries no free text that could
hold a protected characteristic (no names, no places, no tie descriptions, no evidence quotes):
places become a border / not-border flag, tie details pass an allowlist, family relations are
reduced to gender-neutral words. ``tests/rules/test_fairness_fields.py`` fails if a field for a
protected characteristic is ever added.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from casefacts.schema import Disposition, DocKind, EventType, OffenseLevel, PartialDate, TieKind


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OffenseFlags(Frozen):
    """What kind of offense it is, as far as the rules need to know.

    ``sources`` says where the flags came from (``classifier:<code>``, ``statute:<cite>``,
    ``keywords``), so an explanation can say why an offense was read as, say, violent.
    """

    violent: bool = False
    firearm: bool = False
    weapon: bool = False
    drug_trafficking: bool = False
    sexual: bool = False
    against_child: bool = False
    domestic_violence: bool = False
    gang: bool = False
    gang_participation_element: bool = False
    immigration: bool = False
    national_security: bool = False
    sophisticated: bool = False
    harm: bool = False
    demonstration: bool = False
    agg_felony_candidates: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


class SentenceInput(Frozen):
    custody_days: int | None = None
    suspended_days: int | None = None
    probation_days: int | None = None
    fine: float | None = None
    suspended: bool = False
    time_served: bool = False


class OffenseInput(Frozen):
    fact_id: str
    charge: str
    statute: str | None = None
    level: OffenseLevel = "unknown"
    disposition: Disposition = "unknown"
    disposition_conflict: bool = False
    offense_date: PartialDate | None = None
    arrest_date: PartialDate | None = None
    disposition_date: PartialDate | None = None
    sentence: SentenceInput | None = None
    flags: OffenseFlags = OffenseFlags()
    confirmed: bool = False


class EventInput(Frozen):
    fact_id: str
    event_type: EventType
    date: PartialDate | None = None
    at_border: bool | None = None
    confirmed: bool = False


# Tie detail keys the rules may read; anything else an extractor stores is dropped.
TIE_DETAIL_KEYS = frozenset(
    {
        "relation",
        "status",
        "years",
        "since",
        "until",
        "count",
        "age",
        "caregiver",
        "provider",
        "dependent",
        "lives_with",
        "completed",
        "relief",
        "minor",
        "in_us",
    }
)


# Yes/no markers read from a tie's text and details (which themselves never reach the rules).
TieMarker = Literal["farm_work", "labor_or_housing_dispute", "public_service", "caregiver"]


class TieInput(Frozen):
    fact_id: str
    tie_kind: TieKind
    details: tuple[tuple[str, str | int | float | bool | None], ...] = ()
    markers: tuple[TieMarker, ...] = ()
    confirmed: bool = False

    def detail(self, key: str) -> str | int | float | bool | None:
        return dict(self.details).get(key)


class PersonInput(Frozen):
    """Only what the guidelines weigh: age. No name, no identifiers."""

    date_of_birth: PartialDate | None = None
    fact_ids: tuple[str, ...] = ()


class DocumentStatus(Frozen):
    doc_kind: DocKind
    status: str
    reason: str | None = None


class RecordCompleteness(Frozen):
    """Which record types were read, which could not be, which are absent."""

    reviewed_kinds: tuple[DocKind, ...] = ()
    unreadable: tuple[DocumentStatus, ...] = ()
    missing_kinds: tuple[DocKind, ...] = ()
    documents_total: int = 0
    documents_read: int = 0


class RuleInput(Frozen):
    case_id: str
    person: PersonInput = PersonInput()
    offenses: tuple[OffenseInput, ...] = ()
    events: tuple[EventInput, ...] = ()
    ties: tuple[TieInput, ...] = ()
    record: RecordCompleteness = RecordCompleteness()
