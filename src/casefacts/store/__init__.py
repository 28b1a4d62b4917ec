"""The case store (DESIGN section 7): SQLAlchemy models, packaged Alembic migrations, the Store."""

from casefacts.store.errors import (
    DuplicateUser,
    InvalidCase,
    InvalidReview,
    InvalidUser,
    NotFound,
    ReviewConflict,
    StoreError,
)
from casefacts.store.review import REVIEW_ACTIONS
from casefacts.store.store import Store, apply_current_rules
from casefacts.store.views import (
    AuditEntry,
    AuditPage,
    CasePage,
    CaseSummary,
    FactVersion,
    Recompute,
    ReviewAction,
    Role,
    User,
)

__all__ = [
    "REVIEW_ACTIONS",
    "AuditEntry",
    "AuditPage",
    "CasePage",
    "CaseSummary",
    "DuplicateUser",
    "FactVersion",
    "InvalidCase",
    "InvalidReview",
    "InvalidUser",
    "NotFound",
    "Recompute",
    "ReviewAction",
    "ReviewConflict",
    "Role",
    "Store",
    "StoreError",
    "User",
    "apply_current_rules",
]
