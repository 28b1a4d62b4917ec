"""API users and their tokens. A token is shown once; only its sha256 is stored."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from casefacts.store.errors import DuplicateUser, InvalidUser, NotFound
from casefacts.store.models import UserRow, utcnow
from casefacts.store.views import Role, User

ROLES: tuple[Role, ...] = ("reviewer", "consumer", "admin")
TOKEN_PREFIX = "cf_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _view(row: UserRow) -> User:
    return User(
        name=row.name,
        role=row.role,
        see_identifiers=row.see_identifiers,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )


def _row(session: Session, name: str) -> UserRow:
    row = session.scalar(select(UserRow).where(UserRow.name == name))
    if row is None:
        raise NotFound(f"no user {name!r}")
    return row


def add_user(session: Session, name: str, role: Role, see_identifiers: bool = False) -> str:
    """Create a user and return its new token (the only time it is visible)."""
    if role not in ROLES:
        raise InvalidUser(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if not name.strip():
        raise InvalidUser("a user needs a name")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(
        UserRow(
            name=name,
            role=role,
            see_identifiers=see_identifiers,
            token_hash=hash_token(token),
            created_at=utcnow(),
        )
    )
    try:
        session.flush()
    except IntegrityError as exc:
        raise DuplicateUser(f"user {name!r} exists already") from exc
    return token


def rotate_token(session: Session, name: str) -> str:
    """Give an existing user a new token (the old one stops working) and reactivate it."""
    row = _row(session, name)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row.token_hash = hash_token(token)
    row.revoked_at = None
    return token


def list_users(session: Session) -> list[User]:
    return [_view(row) for row in session.scalars(select(UserRow).order_by(UserRow.name))]


def revoke_user(session: Session, name: str) -> None:
    row = _row(session, name)
    if row.revoked_at is None:
        row.revoked_at = utcnow()


def authenticate(session: Session, token: str) -> User | None:
    """The active user holding this token, or None."""
    row = session.scalar(select(UserRow).where(UserRow.token_hash == hash_token(token)))
    if row is None or row.revoked_at is not None:
        return None
    return _view(row)
