"""What the store returns besides CaseFiles: list rows, audit entries, fact versions, users."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from casefacts.schema import CaseFile, Fact, Finding

Role = Literal["reviewer", "consumer", "admin"]
Recompute = Callable[[CaseFile], list[Finding]]
"""Gives a case's findings from its facts (as reviewed); the default is ``casefacts.rules``."""
ReviewAction = Literal["accept", "correct", "reject"]


class CaseSummary(BaseModel):
    case_id: str
    review_state: Literal["unreviewed", "in_review", "reviewed"]
    facts_total: int
    facts_reviewed: int
    urgency: int = Field(description="Findings with outcome met or needs_legal_review.")
    uncertainty: float = Field(description="1 - mean confidence of the unreviewed facts.")
    revision: int = Field(description="Increases with every change to the case.")
    finding_outcomes: dict[str, int] = Field(default_factory=dict, description="Findings per outcome.")
    created_at: datetime
    updated_at: datetime


class CasePage(BaseModel):
    items: list[CaseSummary]
    total: int


class AuditEntry(BaseModel):
    id: int
    at: datetime
    user: str
    action: str
    case_id: str | None
    fact_id: str | None
    reason: str | None
    before: Any
    after: Any


class AuditPage(BaseModel):
    items: list[AuditEntry]
    total: int


class FactVersion(BaseModel):
    fact: Fact
    origin: Literal["extraction", "review"]
    is_current: bool
    retired: bool
    created_by: str
    created_at: datetime


class User(BaseModel):
    name: str
    role: Role
    see_identifiers: bool
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None
