"""Errors the store raises on purpose; the API maps them to problem details."""

from __future__ import annotations

from casefacts.errors import CasefactsError


class StoreError(CasefactsError):
    """Base of the store's errors."""


class NotFound(StoreError, LookupError):
    """No such case, fact or user."""


class ReviewConflict(StoreError):
    """The fact changed since the reviewer saw it (``expected_version`` is stale)."""


class InvalidReview(StoreError, ValueError):
    """A review action that cannot apply: unknown action, missing reason, bad new values."""


class InvalidCase(StoreError, ValueError):
    """A case file the store cannot keep as given (e.g. two facts share a fact_id)."""


class InvalidUser(StoreError, ValueError):
    """A user that cannot be created as asked (empty name, unknown role)."""


class DuplicateUser(StoreError):
    """A user of that name exists already."""
