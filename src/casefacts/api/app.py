"""The FastAPI application: REST API, reviewer UI and static files in one app."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request, Response
from fastapi.openapi.utils import get_openapi
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from casefacts import __version__
from casefacts.api import routes, ui
from casefacts.api.auth import ALL_ROLES, LoginRequired, require_roles
from casefacts.api.problems import Problem, install_problem_handlers
from casefacts.store import Recompute, Store

OPENAPI_PATH = "/api/v1/openapi.json"
CSP = "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'"


def create_app(store: Store | None = None, *, recompute: Recompute | None = None) -> FastAPI:
    """The app over ``store`` (default: ``Store()`` from the settings, migrated to head).

    ``recompute`` replaces the store's findings recomputation (default ``casefacts.rules``).
    """
    if store is None:
        store = Store(recompute=recompute)
        store.upgrade()
    elif recompute is not None:
        store.recompute = recompute
    app = FastAPI(
        title="casefacts",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        description="Evidence-linked case files for human review. Every route needs a bearer token.",
    )
    app.state.store = store
    install_problem_handlers(app)
    app.include_router(routes.router)
    app.include_router(ui.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = (
                Problem.model_json_schema()
            )
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.get(OPENAPI_PATH, include_in_schema=False, dependencies=[Depends(require_roles(*ALL_ROLES))])
    def openapi_document() -> dict[str, Any]:
        return app.openapi()

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> RedirectResponse:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers["Content-Security-Policy"] = CSP
            response.headers["Referrer-Policy"] = "same-origin"
        return response

    return app
