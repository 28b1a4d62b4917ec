"""The case store: one object, one transaction per public call, SQLite or PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from casefacts.config import get_settings
from casefacts.schema import CaseFile, Finding, PartialDate
from casefacts.store import migrate, queries, review, saving, users
from casefacts.store.engine import make_engine
from casefacts.store.models import AuditRow, DocumentRow, utcnow
from casefacts.store.rows import case_row, load_case
from casefacts.store.views import AuditPage, CasePage, FactVersion, Recompute, Role, User


def apply_current_rules(case: CaseFile) -> list[Finding]:
    """Default recomputation: ``casefacts.rules.apply_rules`` as of the case's ``as_of`` day."""
    from casefacts.rules import apply_rules

    return apply_rules(case, as_of=_as_date(case.as_of))


def _as_date(partial: PartialDate | None) -> date | None:
    if partial is None or partial.day is None or partial.month is None:
        return None
    return date(partial.year, partial.month, partial.day)


class Store:
    """Case files, versioned facts, findings, review actions, the audit log and API users.

    ``url`` defaults to ``Settings.database_url`` (``CASEFACTS_DATABASE_URL``); ``recompute``
    (default: the rules in ``casefacts.rules``) gives a case's findings after a review action.
    """

    def __init__(self, url: str | None = None, *, recompute: Recompute | None = None) -> None:
        settings = get_settings()
        self.url = url or settings.database_url
        self.engine = make_engine(self.url)
        self.recompute: Recompute = recompute or apply_current_rules
        self.confidence_threshold = settings.confidence_threshold
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._postgres = self.engine.dialect.name == "postgresql"
        # SQLite has one writer: this process's write transactions take turns, so a
        # read-then-write transaction cannot lose an update. PostgreSQL locks the case row.
        self._write_lock: AbstractContextManager[Any] = nullcontext() if self._postgres else threading.Lock()

    def upgrade(self) -> None:
        """Migrate the database to the newest schema (Alembic ``head``)."""
        migrate.upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._write_lock, self._sessions.begin() as session:
            yield session

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            if self._postgres:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield session

    # ------------------------------------------------------------------ cases

    def save_case(self, case: CaseFile, user: str = "system") -> None:
        """Insert or update a case; saving the same CaseFile again writes nothing.

        Documents are keyed by ``doc_id`` and facts by ``fact_id``. A fact whose extracted
        content is unchanged keeps its reviewer decision (and corrected version); a changed one
        gets a new version; a fact the new extraction no longer has is retired, not deleted.
        """
        options = {"recompute": self.recompute, "threshold": self.confidence_threshold, "postgres": self._postgres}
        try:
            with self._write() as session:
                saving.save_case(session, case, user, **options)
        except IntegrityError:
            # Another writer created the same case or document first; the retry updates it.
            with self._write() as session:
                saving.save_case(session, case, user, **options)

    def get_case(self, case_id: str) -> CaseFile:
        """The case with the current version of each fact and its review state."""
        with self._read() as session:
            return load_case(session, case_row(session, case_id), self.confidence_threshold)

    def has_document(self, doc_id: str) -> bool:
        with self._read() as session:
            return session.get(DocumentRow, doc_id) is not None

    def list_cases(
        self,
        *,
        review_states: Sequence[str] | None = None,
        ruleset_id: str | None = None,
        rule_id: str | None = None,
        outcome: str | None = None,
        updated_since: datetime | None = None,
        updated_until: datetime | None = None,
        after: str | None = None,
        order: str = "case_id",
        limit: int = 50,
        offset: int = 0,
    ) -> CasePage:
        """Case summaries matching every given filter, one page of them, with the total.

        ``ruleset_id``/``rule_id``/``outcome`` select cases having one finding matching all
        three given; ``after`` is a keyset cursor on ``case_id``; ``order`` is one of
        ``case_id``, ``queue`` (urgency then uncertainty, highest first) or ``updated_at``.
        """
        with self._read() as session:
            return queries.list_cases(
                session,
                review_states=review_states,
                ruleset_id=ruleset_id,
                rule_id=rule_id,
                outcome=outcome,
                updated_since=updated_since,
                updated_until=updated_until,
                after=after,
                order=order,
                limit=limit,
                offset=offset,
            )

    # ------------------------------------------------------------------ review

    def record_review(
        self,
        case_id: str,
        fact_id: str,
        action: str,
        user: str,
        reason: str | None = None,
        new_values: dict[str, Any] | None = None,
        expected_version: int | None = None,
    ) -> CaseFile:
        """Accept, correct or reject the current version of a fact; recompute the findings.

        ``correct`` writes a new fact version (``version + 1``) and keeps the old row. Every
        action that changes something adds an audit row with the fact before and after (and
        one for the findings when they change); one that would change nothing (a repeated
        accept) writes nothing. ``expected_version`` refuses to act on a fact someone else has
        just corrected. Returns the case after the action.
        """
        with self._write() as session:
            return review.record_review(
                session,
                case_id,
                fact_id,
                action,
                user,
                reason=reason,
                new_values=new_values,
                expected_version=expected_version,
                recompute=self.recompute,
                threshold=self.confidence_threshold,
                postgres=self._postgres,
            )

    def fact_versions(self, case_id: str, fact_id: str) -> list[FactVersion]:
        """Every stored version of a fact, oldest first."""
        with self._read() as session:
            return queries.fact_versions(session, case_id, fact_id)

    def audit_log(self, case_id: str | None = None, *, limit: int = 50, offset: int = 0) -> AuditPage:
        """Audit entries, newest first; all of them, or one case's."""
        with self._read() as session:
            return queries.audit_log(session, case_id, limit, offset)

    # ------------------------------------------------------------------ users

    def add_user(self, name: str, role: Role, see_identifiers: bool = False) -> str:
        """Create an API user; returns the token, which is not stored and not shown again."""
        with self._write() as session:
            token = users.add_user(session, name, role, see_identifiers)
            self._audit_admin(session, "add_user", {"name": name, "role": role, "see_identifiers": see_identifiers})
            return token

    def rotate_token(self, name: str) -> str:
        """A new token for an existing user (the old one stops working); reactivates it."""
        with self._write() as session:
            token = users.rotate_token(session, name)
            self._audit_admin(session, "rotate_token", {"name": name})
            return token

    def revoke_user(self, name: str) -> None:
        with self._write() as session:
            users.revoke_user(session, name)
            self._audit_admin(session, "revoke_user", {"name": name})

    def list_users(self) -> list[User]:
        with self._read() as session:
            return users.list_users(session)

    def authenticate(self, token: str) -> User | None:
        with self._read() as session:
            return users.authenticate(session, token)

    @staticmethod
    def _audit_admin(session: Session, action: str, after: dict[str, Any]) -> None:
        session.add(AuditRow(at=utcnow(), user="admin-cli", action=action, after=after))
