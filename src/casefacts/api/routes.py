"""The REST API for reviewers and downstream systems, under ``/api/v1``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.routing import APIRoute

from casefacts.api.auth import ALL_ROLES, REVIEW_ROLES, get_store, require_roles
from casefacts.api.models import (
    AuditList,
    CaseList,
    FactList,
    FactVersionList,
    FindingList,
    Health,
    ReviewRequest,
    ReviewResult,
    apply_review,
)
from casefacts.api.problems import problem_responses
from casefacts.api.redact import redact_case
from casefacts.schema import (
    SCHEMA_VERSION,
    CaseFile,
    FactKind,
    FindingOutcome,
    ReviewState,
    casefile_json_schema,
)
from casefacts.store import Store, User, derive, migrate

CaseState = Literal["unreviewed", "in_review", "reviewed"]
Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
AnyUser = Annotated[User, Depends(require_roles(*ALL_ROLES))]
Reviewer = Annotated[User, Depends(require_roles(*REVIEW_ROLES))]
Admin = Annotated[User, Depends(require_roles("admin"))]
Exporter = Annotated[User, Depends(require_roles("consumer", "admin"))]
StoreDep = Annotated[Store, Depends(get_store)]

AUTH_ERRORS = problem_responses(401, 403, 422)
CASE_ERRORS = problem_responses(401, 403, 404, 422)


def check_query(request: Request) -> None:
    """Unknown or repeated single-valued query parameters are 422, never silently ignored.

    A misspelt filter must not widen a list or an export without anyone noticing.
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    operation = request.app.openapi()["paths"].get(route.path, {}).get(request.method.lower(), {})
    declared = {param["name"]: param for param in operation.get("parameters", []) if param["in"] == "query"}
    errors = []
    for name in sorted(set(request.query_params)):
        if name not in declared:
            errors.append(
                {"loc": ("query", name), "msg": "Unknown query parameter.", "type": "extra_forbidden"}
            )
        elif len(request.query_params.getlist(name)) > 1 and not _is_array(declared[name].get("schema", {})):
            errors.append({"loc": ("query", name), "msg": "Give this parameter once.", "type": "repeated"})
    if errors:
        raise RequestValidationError(errors)


def _is_array(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "array" or any(_is_array(s) for s in schema.get("anyOf", []))


router = APIRouter(prefix="/api/v1", dependencies=[Depends(check_query)])


class CaseFilters:
    """Query filters shared by the case list and the export."""

    def __init__(
        self,
        review_state: Annotated[list[CaseState] | None, Query(description="Any of these states.")] = None,
        ruleset_id: Annotated[
            str | None, Query(max_length=200, description="Has a finding of this ruleset.")
        ] = None,
        rule_id: Annotated[str | None, Query(max_length=200, description="... of this rule.")] = None,
        outcome: Annotated[FindingOutcome | None, Query(description="... with this outcome.")] = None,
        updated_since: Annotated[
            datetime | None, Query(description="Changed at or after (UTC if no zone).")
        ] = None,
        updated_until: Annotated[
            datetime | None, Query(description="Changed before (UTC if no zone).")
        ] = None,
    ) -> None:
        self.values: dict[str, Any] = {
            "review_states": review_state,
            "ruleset_id": ruleset_id,
            "rule_id": rule_id,
            "outcome": outcome,
            "updated_since": _utc(updated_since),
            "updated_until": _utc(updated_until),
        }


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _next(request: Request, offset: int, limit: int, total: int) -> str | None:
    if offset + limit >= total:
        return None
    return str(request.url.include_query_params(offset=offset + limit, limit=limit))


def _for(user: User, case: CaseFile) -> CaseFile:
    """What this user may see of a case: consumers without the grant get it redacted."""
    return redact_case(case) if user.role == "consumer" and not user.see_identifiers else case


@router.get("/health", response_model=Health, responses=AUTH_ERRORS, tags=["meta"])
def health(user: AnyUser, store: StoreDep) -> Health:
    """The database answers and is migrated."""
    return Health(
        status="ok",
        database=store.engine.dialect.name,
        migration=migrate.current_revision(store.engine),
        schema_version=SCHEMA_VERSION,
    )


@router.get("/schema/casefile", responses=AUTH_ERRORS, tags=["meta"])
def casefile_schema(user: AnyUser) -> dict[str, Any]:
    """The JSON Schema of a serialized CaseFile."""
    return casefile_json_schema()


@router.get("/cases", response_model=CaseList, responses=AUTH_ERRORS, tags=["cases"])
def list_cases(
    request: Request,
    user: AnyUser,
    store: StoreDep,
    filters: Annotated[CaseFilters, Depends()],
    order: Annotated[Literal["case_id", "queue", "updated_at"], Query()] = "case_id",
    limit: Limit = 50,
    offset: Offset = 0,
) -> CaseList:
    """Case summaries; ``order=queue`` puts the most urgent, least certain first."""
    page = store.list_cases(**filters.values, order=order, limit=limit, offset=offset)
    return CaseList(
        items=page.items,
        total=page.total,
        limit=limit,
        offset=offset,
        next=_next(request, offset, limit, page.total),
    )


@router.get("/cases/{case_id}", response_model=CaseFile, responses=CASE_ERRORS, tags=["cases"])
def get_case(case_id: str, user: AnyUser, store: StoreDep) -> Response:
    """One case file with the current version of each fact."""
    return JSONResponse(_for(user, store.get_case(case_id)).model_dump(mode="json"))


@router.get("/cases/{case_id}/facts", response_model=FactList, responses=CASE_ERRORS, tags=["cases"])
def list_facts(
    request: Request,
    case_id: str,
    user: AnyUser,
    store: StoreDep,
    kind: Annotated[FactKind | None, Query()] = None,
    review_state: Annotated[ReviewState | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """A case's facts, each with its evidence, and the case's findings."""
    case = _for(user, store.get_case(case_id))
    facts = [
        f
        for f in case.facts
        if (kind is None or f.kind == kind) and (review_state is None or f.review_state == review_state)
    ]
    body = {
        "case_id": case_id,
        "total": len(facts),
        "limit": limit,
        "offset": offset,
        "next": _next(request, offset, limit, len(facts)),
        "items": [f.model_dump(mode="json") for f in facts[offset : offset + limit]],
        "findings": [f.model_dump(mode="json") for f in case.findings],
    }
    return JSONResponse(body)


@router.get("/cases/{case_id}/findings", response_model=FindingList, responses=CASE_ERRORS, tags=["cases"])
def list_findings(
    request: Request,
    case_id: str,
    user: AnyUser,
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
) -> FindingList:
    """The guideline findings recomputed from the reviewed facts, and the missing information."""
    case = _for(user, store.get_case(case_id))
    return FindingList(
        case_id=case_id,
        items=case.findings[offset : offset + limit],
        total=len(case.findings),
        limit=limit,
        offset=offset,
        next=_next(request, offset, limit, len(case.findings)),
        missing_information=derive.missing_information(case.findings),
    )


@router.get(
    "/cases/{case_id}/facts/{fact_id}/versions",
    response_model=FactVersionList,
    responses=CASE_ERRORS,
    tags=["review"],
)
def fact_versions(
    request: Request,
    case_id: str,
    fact_id: str,
    user: Reviewer,
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
) -> FactVersionList:
    """Every version of a fact, oldest first (corrections never overwrite)."""
    versions = store.fact_versions(case_id, fact_id)
    return FactVersionList(
        items=versions[offset : offset + limit],
        total=len(versions),
        limit=limit,
        offset=offset,
        next=_next(request, offset, limit, len(versions)),
    )


@router.post(
    "/cases/{case_id}/facts/{fact_id}/review",
    response_model=ReviewResult,
    responses=problem_responses(400, 401, 403, 404, 409, 422),
    tags=["review"],
)
def review_fact(case_id: str, fact_id: str, body: ReviewRequest, user: Reviewer, store: StoreDep) -> Response:
    """Accept, correct (with new values) or reject a fact; the findings are recomputed."""
    case = apply_review(store, case_id, fact_id, body, user.name)
    fact = next(f for f in case.facts if f.fact_id == fact_id)
    result = {
        "case_id": case_id,
        "fact": fact.model_dump(mode="json"),
        "findings": [f.model_dump(mode="json") for f in case.findings],
        "review": case.review.model_dump(mode="json"),
    }
    return JSONResponse(result)


@router.get("/cases/{case_id}/audit", response_model=AuditList, responses=CASE_ERRORS, tags=["review"])
def case_audit(
    request: Request,
    case_id: str,
    user: Reviewer,
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
) -> AuditList:
    """The case's audit log, newest first: who did what, when, before and after."""
    page = store.audit_log(case_id, limit=limit, offset=offset)
    return AuditList(
        items=page.items,
        total=page.total,
        limit=limit,
        offset=offset,
        next=_next(request, offset, limit, page.total),
    )


@router.get("/audit", response_model=AuditList, responses=AUTH_ERRORS, tags=["review"])
def audit(request: Request, user: Admin, store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> AuditList:
    """The whole audit log, newest first (admins)."""
    page = store.audit_log(limit=limit, offset=offset)
    return AuditList(
        items=page.items,
        total=page.total,
        limit=limit,
        offset=offset,
        next=_next(request, offset, limit, page.total),
    )


@router.get(
    "/export",
    tags=["export"],
    responses={
        200: {
            "description": "One CaseFile JSON object per line, by case_id.",
            "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
        },
        **AUTH_ERRORS,
    },
)
def export(
    request: Request,
    user: Exporter,
    store: StoreDep,
    filters: Annotated[CaseFilters, Depends()],
    after: Annotated[
        str | None, Query(max_length=200, description="Cursor: cases after this case_id.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="Cases per page.")] = 100,
) -> StreamingResponse:
    """Bulk export as JSON Lines, paged by a ``case_id`` cursor (``Link: rel="next"``)."""
    page = store.list_cases(**filters.values, after=after, limit=limit)
    ids = [summary.case_id for summary in page.items]
    headers = {"X-Total-Count": str(page.total)}
    if page.total > len(ids):
        headers["Link"] = f'<{request.url.include_query_params(after=ids[-1], limit=limit)}>; rel="next"'

    def lines() -> Iterator[str]:
        for case_id in ids:
            yield json.dumps(_for(user, store.get_case(case_id)).model_dump(mode="json")) + "\n"

    return StreamingResponse(lines(), media_type="application/x-ndjson", headers=headers)
