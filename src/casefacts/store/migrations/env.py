"""Alembic environment. ``casefacts.store.migrate`` hands over an open connection."""

from __future__ import annotations

from alembic import context

from casefacts.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
