"""Gold labels for a document: what a careful reader finds in it (fixtures and real sets).

A gold file sits beside its document as ``<file name>.gold.json`` (e.g. ``rap_sheet.pdf.gold.json``)
and holds one :class:`GoldDocument`. Gold facts are a reduced view of schema facts: only what a
person can label reliably, and what ``casefacts eval`` scores.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from casefacts.schema import (
    Disposition,
    DocKind,
    EventType,
    FactStatus,
    Model,
    OffenseLevel,
    TieKind,
)


class GoldAbout(Model):
    who: Literal["subject", "other"] = "subject"
    relation: str | None = None


class GoldOffense(Model):
    kind: Literal["offense"] = "offense"
    charge: str = Field(description="The charge as written in the document.")
    disposition: Disposition = "unknown"
    level: OffenseLevel | None = None
    statute: str | None = Field(default=None, description="Citation as written, e.g. 8 U.S.C. 1326")
    offense_date: str | None = Field(default=None, description="ISO partial date: 2019, 2019-03, 2019-03-04")
    arrest_date: str | None = None
    disposition_date: str | None = None
    custody_days: int | None = None
    probation_days: int | None = None
    fine: float | None = None
    about: GoldAbout = Field(default_factory=GoldAbout)
    status: FactStatus = "affirmed"


class GoldEvent(Model):
    kind: Literal["event"] = "event"
    event_type: EventType
    date: str | None = None
    about: GoldAbout = Field(default_factory=GoldAbout)
    status: FactStatus = "affirmed"


class GoldTie(Model):
    kind: Literal["community_tie"] = "community_tie"
    tie_kind: TieKind
    details: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    status: FactStatus = "affirmed"


class GoldSubject(Model):
    kind: Literal["subject"] = "subject"
    name: str | None = None
    date_of_birth: str | None = None
    identifiers: dict[str, str] = Field(default_factory=dict)


GoldFact = Annotated[GoldOffense | GoldEvent | GoldTie | GoldSubject, Field(discriminator="kind")]


class GoldDocument(Model):
    file: str = Field(description="File name of the document, relative to the gold file.")
    doc_kind: DocKind
    expect_status: Literal["ok", "quarantined", "needs_ocr"] = "ok"
    source_url: str | None = Field(default=None, description="For real public texts.")
    facts: list[GoldFact] = Field(default_factory=list)


GOLD_SUFFIX = ".gold.json"


def gold_path_for(document: Path) -> Path:
    return document.with_name(document.name + GOLD_SUFFIX)


def load_gold(path: Path) -> GoldDocument:
    return GoldDocument.model_validate_json(path.read_text(encoding="utf-8"))
