from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from store.factories import fake_rules, make_case

from casefacts.api import create_app
from casefacts.schema import CaseFile
from casefacts.store import Store


@dataclass
class Api:
    store: Store
    app: FastAPI
    client: TestClient
    case: CaseFile
    tokens: dict[str, str]

    def auth(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A migrated SQLite file with two cases and a user per role, built once and copied per test."""
    path = tmp_path_factory.mktemp("api-seed") / "seed.db"
    store = Store(f"sqlite:///{path}", recompute=fake_rules)
    store.upgrade()
    store.save_case(make_case())
    store.save_case(make_case("case-002"))
    tokens = {
        "reviewer": store.add_user("rita", "reviewer"),
        "consumer": store.add_user("cody", "consumer"),
        "consumer_granted": store.add_user("gina", "consumer", see_identifiers=True),
        "admin": store.add_user("adam", "admin"),
        "revoked": store.add_user("rex", "reviewer"),
    }
    store.revoke_user("rex")
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path, tokens


@pytest.fixture
def api(seeded_db: tuple[Path, dict[str, str]], tmp_path: Path) -> Iterator[Api]:
    seed, tokens = seeded_db
    shutil.copy(seed, tmp_path / "api.db")
    store = Store(f"sqlite:///{tmp_path / 'api.db'}", recompute=fake_rules)
    app = create_app(store)
    with TestClient(app) as client:
        yield Api(store, app, client, make_case(), tokens)
    store.close()
