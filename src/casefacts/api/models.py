"""Request and response bodies of the API (CaseFiles themselves come from ``casefacts.schema``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from casefacts.schema import CaseFile, CaseReview, Fact, Finding
from casefacts.store import AuditEntry, CaseSummary, FactVersion, Store


class PageInfo(BaseModel):
    total: int = Field(description="Items matching the filters, over all pages.")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, null on the last.")


class CaseList(PageInfo):
    items: list[CaseSummary]


class FactList(PageInfo):
    case_id: str
    items: list[Fact]
    findings: list[Finding] = Field(description="The case's current findings (all of them).")


class FindingList(PageInfo):
    case_id: str
    items: list[Finding]
    missing_information: list[str] = Field(description="What would settle the open findings.")


class AuditList(PageInfo):
    items: list[AuditEntry]


class FactVersionList(PageInfo):
    items: list[FactVersion]


Reason = Annotated[
    str, Field(min_length=1, max_length=2000, pattern=r"\S", description="Why, for the audit log.")
]


class _Review(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    expected_version: int | None = Field(
        default=None, ge=1, description="Refuse (409) if the fact is no longer at this version."
    )


class AcceptReview(_Review):
    action: Literal["accept"]
    reason: Reason | None = None


class RejectReview(_Review):
    action: Literal["reject"]
    reason: Reason


class CorrectReview(_Review):
    action: Literal["correct"]
    reason: Reason
    new_values: dict[str, Any] = Field(
        min_length=1,
        description='The fact fields to change, e.g. {"disposition": "dismissed"}; '
        "a new fact version is written.",
    )


ReviewRequest = Annotated[AcceptReview | RejectReview | CorrectReview, Field(discriminator="action")]


def apply_review(store: Store, case_id: str, fact_id: str, body: ReviewRequest, user: str) -> CaseFile:
    """Record a review request (API or UI) in the store; the case comes back with findings recomputed."""
    return store.record_review(
        case_id,
        fact_id,
        body.action,
        user,
        reason=body.reason,
        new_values=getattr(body, "new_values", None),
        expected_version=body.expected_version,
    )


class ReviewResult(BaseModel):
    case_id: str
    fact: Fact
    findings: list[Finding]
    review: CaseReview


class Health(BaseModel):
    status: Literal["ok"]
    database: str = Field(description="Backend name, e.g. sqlite or postgresql.")
    migration: str | None
    schema_version: str
