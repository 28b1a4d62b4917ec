"""Every API route without a token, with a bad or revoked one, and with each role."""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute

from casefacts.api.routes import router as api_router

from .conftest import Api

# Route (method, path template) -> roles allowed. A new route fails the coverage test below
# until it is listed here.
ALLOWED = {
    ("GET", "/api/v1/health"): {"reviewer", "consumer", "admin"},
    ("GET", "/api/v1/schema/casefile"): {"reviewer", "consumer", "admin"},
    ("GET", "/api/v1/openapi.json"): {"reviewer", "consumer", "admin"},
    ("GET", "/api/v1/cases"): {"reviewer", "consumer", "admin"},
    ("GET", "/api/v1/cases/{case_id}"): {"reviewer", "consumer", "admin"},
    ("GET", "/api/v1/cases/{case_id}/facts"): {"reviewer", "consumer", "admin"},
    ("GET", "/api/v1/cases/{case_id}/findings"): {"reviewer", "consumer", "admin"},
    ("GET", "/api/v1/cases/{case_id}/facts/{fact_id}/versions"): {"reviewer", "admin"},
    ("POST", "/api/v1/cases/{case_id}/facts/{fact_id}/review"): {"reviewer", "admin"},
    ("GET", "/api/v1/cases/{case_id}/audit"): {"reviewer", "admin"},
    ("GET", "/api/v1/audit"): {"admin"},
    ("GET", "/api/v1/export"): {"consumer", "admin"},
}
ROLES = ("reviewer", "consumer", "admin")


def api_routes(api: Api) -> set[tuple[str, str]]:
    """Routes of the API router, of the app itself, and of the published OpenAPI document."""
    routes = [*api_router.routes, *api.app.router.routes]
    found = {
        (method, route.path)
        for route in routes
        if isinstance(route, APIRoute) and route.path.startswith("/api/")
        for method in route.methods
    }
    documented = {
        (method.upper(), path) for path, item in api.app.openapi()["paths"].items() for method in item
    }
    assert documented <= found
    return found


def request(api: Api, method: str, path: str, headers: dict[str, str] | None = None):
    url = path.format(case_id=api.case.case_id, fact_id=api.case.facts[1].fact_id)
    body = {"action": "accept"} if method == "POST" else None
    return api.client.request(method, url, headers=headers or {}, json=body)


def test_every_api_route_is_listed(api: Api) -> None:
    assert api_routes(api) == set(ALLOWED)


@pytest.mark.parametrize(("method", "path"), sorted(ALLOWED))
def test_without_a_valid_token_every_route_is_401(api: Api, method: str, path: str) -> None:
    for headers in (
        {},
        {"Authorization": "Bearer cf_not-a-token"},
        api.auth("revoked"),
        {"Authorization": f"Basic {api.tokens['admin']}"},
    ):
        response = request(api, method, path, headers)
        assert response.status_code == 401, (headers, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.json()["status"] == 401
    assert api.store.audit_log().items[0].action == "revoke_user"  # nothing was reviewed


@pytest.mark.parametrize(("method", "path"), sorted(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_its_routes(api: Api, method: str, path: str, role: str) -> None:
    response = request(api, method, path, api.auth(role))
    if role in ALLOWED[(method, path)]:
        assert response.status_code == 200, response.text
    else:
        assert response.status_code == 403, response.text
        problem = response.json()
        assert problem["title"] == "Forbidden" and role in problem["detail"]
        assert response.headers["content-type"] == "application/problem+json"
