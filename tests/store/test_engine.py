from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from casefacts.store.engine import make_engine


def test_bare_postgresql_urls_use_psycopg3() -> None:
    for url in ("postgresql://u@localhost/db", "postgres://u@localhost/db"):
        engine = make_engine(url)
        assert engine.dialect.driver == "psycopg" and engine.dialect.name == "postgresql"
        engine.dispose()


def test_sqlite_files_enforce_foreign_keys_and_use_wal(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    engine.dispose()
