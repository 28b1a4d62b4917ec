"""The CaseFile data model (DESIGN section 3): the contract with downstream systems.

Field names here are public. Adding an optional field is a minor version bump of
``SCHEMA_VERSION``; renaming or removing one, or narrowing a type, is a major bump.
No model has a field for a protected characteristic (race, religion, gender, sexual
orientation, gender identity, national origin, political associations, First Amendment
activity).
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

SCHEMA_VERSION = "1.0.0"


class Model(BaseModel):
    """Base for every schema model: unknown fields are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- dates


class PartialDate(BaseModel):
    """A date known to year, month or day precision. A missing part is never invented."""

    # ``iso`` and ``precision`` are derived; they are accepted (and checked) on input so that
    # serialized case files validate again.
    model_config = ConfigDict(extra="ignore")

    year: int = Field(ge=1800, le=2200)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @model_validator(mode="before")
    @classmethod
    def _check_derived(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("iso") is not None:
            expected = _iso(data.get("year"), data.get("month"), data.get("day"))
            if expected != data["iso"]:
                raise ValueError(f"iso {data['iso']!r} disagrees with the parts ({expected!r})")
        return data

    @model_validator(mode="after")
    def _check_parts(self) -> PartialDate:
        if self.day is not None and self.month is None:
            raise ValueError("a day without a month is not a date")
        if self.day is not None:
            date(self.year, self.month, self.day)  # raises ValueError for 2019-02-30
        return self

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> Literal["year", "month", "day"]:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def iso(self) -> str:
        return _iso(self.year, self.month, self.day)

    def sort_key(self) -> tuple[int, int, int]:
        """Earliest possible day, for ordering a timeline (unknown parts sort first)."""
        return (self.year, self.month or 0, self.day or 0)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        parts = [int(p) for p in text.split("-")]
        return cls(year=parts[0], month=parts[1] if len(parts) > 1 else None,
                   day=parts[2] if len(parts) > 2 else None)


def _iso(year: Any, month: Any, day: Any) -> str:
    text = f"{int(year):04d}"
    if month is not None:
        text += f"-{int(month):02d}"
        if day is not None:
            text += f"-{int(day):02d}"
    return text


# ----------------------------------------------------------------------- documents

DocKind = Literal["rap_sheet", "court_disposition", "arrest_narrative", "support_letter", "other"]


class Table(Model):
    """A table as pdfplumber found it: rows of cell strings (``None`` for an empty cell)."""

    index: int = Field(ge=0, description="Position of the table on its page, from 0.")
    bbox: tuple[float, float, float, float] | None = None
    rows: list[list[str | None]]


class Page(Model):
    number: int = Field(ge=1, description="1-based page number.")
    text: str
    tables: list[Table] = Field(default_factory=list)
    width: float | None = None
    height: float | None = None


class IngestStatus(Model):
    status: Literal["ok", "quarantined", "needs_ocr"]
    reason: str | None = Field(default=None, description="Human-readable; set unless ok.")
    error_type: str | None = Field(default=None, description="casefacts.errors class name.")

    @model_validator(mode="after")
    def _reason_unless_ok(self) -> IngestStatus:
        if self.status != "ok" and not self.reason:
            raise ValueError(f"an ingest status of {self.status!r} needs a reason")
        return self


class Document(Model):
    doc_id: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the file's bytes.")
    source: str = Field(description="URI the bytes came from.")
    media_type: str
    doc_kind: DocKind = "other"
    doc_kind_probability: float | None = Field(default=None, ge=0, le=1)
    n_bytes: int = Field(ge=0)
    pages: list[Page] = Field(default_factory=list)
    ingest_status: IngestStatus

    def page(self, number: int) -> Page:
        for page in self.pages:
            if page.number == number:
                return page
        raise KeyError(f"document {self.doc_id[:12]} has no page {number}")


def content_hash(data: bytes) -> str:
    """The ``doc_id`` of a file: sha256 of its bytes."""
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------------ evidence


class TableCell(Model):
    table: int = Field(ge=0)
    row: int = Field(ge=0)
    column: int | None = Field(default=None, ge=0)


class Evidence(Model):
    doc_id: str
    page: int = Field(ge=1)
    start: int = Field(ge=0, description="Character offset into the page's text.")
    end: int = Field(ge=0)
    quote: str = Field(description="page.text[start:end]")
    extractor: str = Field(pattern=r"^[\w.\-]+@[\w.\-]+$", description="name@version")
    confidence: float = Field(ge=0, le=1)
    table_cell: TableCell | None = Field(default=None, description="Set for facts read from a table.")
    explanation: str | None = Field(default=None, description="Which pattern or cue matched.")

    @model_validator(mode="after")
    def _span(self) -> Evidence:
        if self.end < self.start:
            raise ValueError("evidence end precedes start")
        return self


# --------------------------------------------------------------------------- facts

FactStatus = Literal["affirmed", "negated", "hypothetical", "historical"]
ReviewState = Literal["unreviewed", "accepted", "corrected", "rejected"]


class About(Model):
    """Whose fact it is: the subject of the case, or another person."""

    who: Literal["subject", "other"] = "subject"
    relation: str | None = Field(default=None, description="e.g. brother, co_defendant, victim")


NOTE_FLAG_PREFIXES = ("source:", "occurrence:")  # where a fact came from, which occurrence: no reason to look


def review_flags(flags: list[str]) -> list[str]:
    """The flags that call for a person's attention (not the notes)."""
    return [f for f in flags if not f.startswith(NOTE_FLAG_PREFIXES)]


class FactBase(Model):
    fact_id: str
    about: About = Field(default_factory=About)
    status: FactStatus = "affirmed"
    confidence: float = Field(ge=0, le=1)
    evidence: list[Evidence] = Field(min_length=1)
    flags: list[str] = Field(
        default_factory=list,
        description="Reasons a person must look (low_confidence, conflict:<field>, ...) and notes that are "
                    "none (source:<kind>, occurrence:<which>)",
    )
    review_state: ReviewState = "unreviewed"
    version: int = Field(default=1, ge=1, description="Corrections create a new version.")


class Statute(Model):
    jurisdiction: str | None = Field(default=None, description="US, or a state code like CA")
    code: str | None = Field(default=None, description="e.g. U.S.C., PC, HSC, VC")
    section: str | None = None
    text: str = Field(description="The citation as written.")


OffenseLevel = Literal["felony", "misdemeanor", "infraction", "unknown"]
Disposition = Literal[
    "convicted", "pleaded_guilty", "charged", "arrested", "dismissed", "acquitted",
    "vacated", "expunged", "pending", "unknown",
]


class Sentence(Model):
    custody_days: int | None = Field(default=None, ge=0, description="Term ordered, suspended part included.")
    suspended_days: int | None = Field(default=None, ge=0)
    probation_days: int | None = Field(default=None, ge=0)
    fine: float | None = Field(default=None, ge=0, description="US dollars")
    suspended: bool = False
    time_served: bool = False
    text: str


class OffenseCategory(Model):
    offense_type: str | None = Field(default=None, description="UCCS top level, e.g. violent")
    code: str | None = Field(default=None, description="Category id within the taxonomy")
    probability: float | None = Field(default=None, ge=0, le=1)
    abstained: bool = False
    model: str | None = Field(default=None, description="name@version of the classifier")


class OffenseFact(FactBase):
    kind: Literal["offense"] = "offense"
    charge: str = Field(description="The charge as written.")
    charge_normalized: str | None = None
    statute: Statute | None = None
    level: OffenseLevel = "unknown"
    disposition: Disposition = "unknown"
    offense_date: PartialDate | None = None
    arrest_date: PartialDate | None = None
    disposition_date: PartialDate | None = None
    sentence: Sentence | None = None
    docket: str | None = Field(default=None, description="Court case number when stated.")
    category: OffenseCategory | None = None


EventType = Literal[
    "arrest", "conviction", "sentencing", "entry", "unlawful_entry", "apprehension",
    "removal", "reentry", "release", "other",
]


class EventFact(FactBase):
    kind: Literal["event"] = "event"
    event_type: EventType
    date: PartialDate | None = None
    place: str | None = None


TieKind = Literal[
    "family", "residence", "employment", "military", "education", "community_service",
    "rehabilitation", "health", "property_business", "victim_witness", "age", "other",
]


class CommunityTieFact(FactBase):
    kind: Literal["community_tie"] = "community_tie"
    tie_kind: TieKind
    details: dict[str, str | int | float | bool | None] = Field(
        default_factory=dict,
        description="e.g. relation=child, status=us_citizen; years=15; since=2005",
    )
    text: str


class Identifier(Model):
    scheme: str = Field(description="e.g. a_number, fbi_number, sid, booking, case")
    value: str


class SubjectFact(FactBase):
    """Identifiers of the person; kept apart so exports can redact them."""

    kind: Literal["subject"] = "subject"
    name: str | None = None
    date_of_birth: PartialDate | None = None
    identifiers: list[Identifier] = Field(default_factory=list)


Fact = Annotated[
    OffenseFact | EventFact | CommunityTieFact | SubjectFact, Field(discriminator="kind")
]
FactKind = Literal["offense", "event", "community_tie", "subject"]


def fact_id_for(kind: str, doc_id: str, page: int, start: int, end: int) -> str:
    """Deterministic id of a fact first seen at this span, so re-runs are idempotent."""
    key = f"{kind}:{doc_id}:{page}:{start}:{end}".encode()
    return f"{kind[:3]}-{hashlib.sha256(key).hexdigest()[:16]}"


# ------------------------------------------------------------------- case, findings


class Subject(Model):
    """The person, as merged from subject facts. Redactable as a whole."""

    name: str | None = None
    date_of_birth: PartialDate | None = None
    identifiers: list[Identifier] = Field(default_factory=list)
    fact_ids: list[str] = Field(default_factory=list)


class TimelineEntry(Model):
    date: PartialDate
    label: str
    fact_id: str
    kind: FactKind
    about: Literal["subject", "other"] = "subject"


FindingOutcome = Literal["met", "not_met", "insufficient_information", "needs_legal_review"]


class Finding(Model):
    ruleset_id: str
    rule_id: str
    outcome: FindingOutcome
    explanation: str
    fact_ids: list[str] = Field(default_factory=list)
    citation: str
    missing: list[str] = Field(
        default_factory=list, description="Records that would settle an open question."
    )


class CaseReview(Model):
    state: Literal["unreviewed", "in_review", "reviewed"] = "unreviewed"
    facts_total: int = 0
    facts_reviewed: int = 0
    needs_attention: list[str] = Field(
        default_factory=list, description="fact ids flagged for a person (low confidence, conflicts)"
    )


class CaseFile(Model):
    schema_version: str = SCHEMA_VERSION
    case_id: str
    subject: Subject | None = None
    documents: list[Document]
    facts: list[Fact] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    review: CaseReview = Field(default_factory=CaseReview)
    as_of: PartialDate | None = Field(default=None, description="Date the rules were applied as of.")


def casefile_json_schema() -> dict[str, Any]:
    """The published JSON Schema of a serialized CaseFile."""
    schema = CaseFile.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://casefacts.example/schemas/casefile-{SCHEMA_VERSION}.json"
    return schema
