"""Token auth: ``Authorization: Bearer <token>`` on the API, a session cookie in the reviewer UI."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from casefacts.store import Role, Store, User

SESSION_COOKIE = "casefacts_session"
UI_HEADER = "X-Casefacts-UI"
REVIEW_ROLES: tuple[Role, ...] = ("reviewer", "admin")
ALL_ROLES: tuple[Role, ...] = ("reviewer", "consumer", "admin")

bearer = HTTPBearer(auto_error=False, description="A token from `casefacts users add NAME --role ROLE`.")


def get_store(request: Request) -> Store:
    return request.app.state.store


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(401, detail, headers={"WWW-Authenticate": 'Bearer realm="casefacts"'})


def require_roles(*roles: Role) -> Callable[..., User]:
    """A dependency giving the bearer token's user, refusing other roles with 403."""

    def dependency(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
        store: Annotated[Store, Depends(get_store)],
    ) -> User:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise _unauthorized("A bearer token is required.")
        user = store.authenticate(credentials.credentials)
        if user is None:
            raise _unauthorized("The token is not valid or has been revoked.")
        if user.role not in roles:
            raise HTTPException(403, f"The {user.role} role may not use this route.")
        return user

    return dependency


class LoginRequired(Exception):
    """A UI page was asked for without a valid session; the handler redirects to /login."""


def session_user(request: Request, store: Store) -> User | None:
    """The reviewer or admin whose token is in the session cookie, if any."""
    token = request.cookies.get(SESSION_COOKIE)
    user = store.authenticate(token) if token else None
    return user if user is not None and user.role in REVIEW_ROLES else None


def ui_user(request: Request, store: Annotated[Store, Depends(get_store)]) -> User:
    user = session_user(request, store)
    if user is None:
        raise LoginRequired()
    return user


def ui_action_user(request: Request, store: Annotated[Store, Depends(get_store)]) -> User:
    """A UI write: the session user, on a request the page's script made (CSRF guard).

    The cookie is SameSite=Strict, and a custom header cannot be sent cross-site without a
    CORS preflight this app never grants.
    """
    user = session_user(request, store)
    if user is None:
        raise HTTPException(401, "Log in again: the session is missing or no longer valid.")
    if request.headers.get(UI_HEADER) != "1":
        raise HTTPException(403, f"UI actions need the {UI_HEADER} header.")
    return user
