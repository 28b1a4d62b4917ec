from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casefacts.store import Store

from .databases import postgres_schema_url
from .factories import fake_rules


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        with postgres_schema_url() as url:
            yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    store = Store(db_url, recompute=fake_rules)
    store.upgrade()
    yield store
    store.close()
