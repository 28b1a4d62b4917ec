from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError

from casefacts.store import Store, migrate
from casefacts.store.models import Base

from .factories import make_case


def test_upgrade_reaches_head_and_matches_the_models(store: Store) -> None:
    assert migrate.current_revision(store.engine) == migrate.head_revision() == "0001"
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_upgrade_twice_is_harmless_and_downgrade_drops_everything(store: Store) -> None:
    store.upgrade()
    migrate.downgrade(store.engine, "base")
    assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}
    store.upgrade()
    assert {"documents", "cases", "facts", "findings", "review_actions", "audit_log", "api_users"} <= set(
        inspect(store.engine).get_table_names()
    )


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET user = 'mallory'", "DELETE FROM audit_log"])
def test_audit_log_is_append_only_in_the_database(store: Store, statement: str) -> None:
    store.save_case(make_case())
    quoted = statement.replace(" user ", ' "user" ')
    with pytest.raises(DatabaseError, match="append-only"), store.engine.begin() as connection:
        connection.execute(text(quoted))
    assert store.audit_log().total == 1
