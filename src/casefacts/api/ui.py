"""The reviewer UI: server-rendered pages (Jinja2) and one JSON endpoint for review actions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from casefacts.api import ui_view
from casefacts.api.auth import REVIEW_ROLES, SESSION_COOKIE, get_store, ui_action_user, ui_user
from casefacts.api.models import ReviewRequest, apply_review
from casefacts.store import Store, User, derive

QUEUE_STATES = ("unreviewed", "in_review")
QUEUE_PAGE = 50

templates = Jinja2Templates(
    env=Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(default=True),
    )
)
templates.env.globals.update(
    display_value=ui_view.display_value,
    fact_title=ui_view.fact_title,
    fact_fields=ui_view.fact_fields,
    edit_fields=ui_view.edit_fields,
)

router = APIRouter(include_in_schema=False)
Reviewer = Annotated[User, Depends(ui_user)]
StoreDep = Annotated[Store, Depends(get_store)]


def _safe_next(target: str | None) -> str:
    return target if target and target.startswith("/ui/") and not target.startswith("//") else "/ui/queue"


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/ui/queue", status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None, error: str | None = None) -> Response:
    return templates.TemplateResponse(request, "login.html", {"next": _safe_next(next), "error": error})


@router.post("/login")
def login(
    request: Request,
    store: StoreDep,
    token: Annotated[str, Form()],
    next: Annotated[str | None, Form()] = None,
) -> Response:
    user = store.authenticate(token.strip())
    if user is None or user.role not in REVIEW_ROLES:
        error = "That token is not valid." if user is None else "The reviewer UI is for reviewers and admins."
        return templates.TemplateResponse(
            request, "login.html", {"next": _safe_next(next), "error": error}, status_code=401
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token.strip(),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=12 * 3600,
    )
    return response


@router.get("/logout")
def logout() -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/ui/queue", response_class=HTMLResponse)
def queue(
    request: Request, user: Reviewer, store: StoreDep, offset: Annotated[int, Query(ge=0)] = 0
) -> Response:
    page = store.list_cases(review_states=QUEUE_STATES, order="queue", limit=QUEUE_PAGE, offset=offset)
    return templates.TemplateResponse(
        request,
        "queue.html",
        {
            "user": user,
            "cases": page.items,
            "total": page.total,
            "offset": offset,
            "page_size": QUEUE_PAGE,
        },
    )


@router.get("/ui/next")
def next_case(user: Reviewer, store: StoreDep, after: str | None = None) -> RedirectResponse:
    """The case at the head of the queue, other than ``after``."""
    page = store.list_cases(review_states=QUEUE_STATES, order="queue", limit=2)
    for summary in page.items:
        if summary.case_id != after:
            return RedirectResponse(f"/ui/cases/{quote(summary.case_id, safe='')}", status_code=303)
    return RedirectResponse("/ui/queue", status_code=303)


@router.get("/ui/cases/{case_id}", response_class=HTMLResponse)
def case_page(
    request: Request, case_id: str, user: Reviewer, store: StoreDep, focus: str | None = None
) -> Response:
    case = store.get_case(case_id)
    ordered = ui_view.display_order(case.facts)
    ids = [fact.fact_id for fact in ordered]
    if focus not in ids:
        focus = ui_view.next_to_review(case.facts, "") or (ids[0] if ids else None)
    return templates.TemplateResponse(
        request,
        "case.html",
        {
            "user": user,
            "case": case,
            "groups": ui_view.group_facts(case.facts),
            "focus": focus,
            "sources": {fact.fact_id: ui_view.source_views(case, fact) for fact in case.facts},
            "missing": derive.missing_information(case.findings),
            "documents": [(ui_view.document_label(d.source), d) for d in case.documents],
            "attention": set(case.review.needs_attention),
            "titles": {fact.fact_id: ui_view.fact_title(fact) for fact in case.facts},
        },
    )


@router.get("/ui/cases/{case_id}/audit", response_class=HTMLResponse)
def audit_page(
    request: Request, case_id: str, user: Reviewer, store: StoreDep, offset: Annotated[int, Query(ge=0)] = 0
) -> Response:
    page = store.audit_log(case_id, limit=100, offset=offset)
    entries = [(entry, ui_view.audit_changes(entry.before, entry.after)) for entry in page.items]
    return templates.TemplateResponse(
        request,
        "audit.html",
        {
            "user": user,
            "case_id": case_id,
            "entries": entries,
            "total": page.total,
            "offset": offset,
        },
    )


@router.post("/ui/cases/{case_id}/facts/{fact_id}/review")
def review(
    case_id: str,
    fact_id: str,
    body: ReviewRequest,
    user: Annotated[User, Depends(ui_action_user)],
    store: StoreDep,
) -> JSONResponse:
    case = apply_review(store, case_id, fact_id, body, user.name)
    return JSONResponse(
        {
            "next_fact_id": ui_view.next_to_review(case.facts, fact_id),
            "review": case.review.model_dump(mode="json"),
        }
    )
