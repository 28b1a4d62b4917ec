from __future__ import annotations

import pytest
from sqlalchemy import text

from casefacts.store import DuplicateUser, InvalidUser, NotFound, Store


def test_tokens_authenticate_and_are_stored_hashed(store: Store) -> None:
    token = store.add_user("ana", "reviewer")
    other = store.add_user("cora", "consumer", see_identifiers=True)
    assert token != other and token.startswith("cf_") and len(token) > 40
    user = store.authenticate(token)
    assert user is not None and (user.name, user.role, user.see_identifiers) == ("ana", "reviewer", False)
    assert store.authenticate(other).see_identifiers  # type: ignore[union-attr]
    assert store.authenticate(token + "x") is None
    with store.engine.connect() as connection:
        stored = connection.execute(text("SELECT token_hash FROM api_users")).scalars().all()
    assert token not in stored and all(len(h) == 64 for h in stored)


def test_revoke_rotate_and_list(store: Store) -> None:
    token = store.add_user("ana", "reviewer")
    store.revoke_user("ana")
    assert store.authenticate(token) is None
    assert [u.active for u in store.list_users()] == [False]
    new = store.rotate_token("ana")
    assert store.authenticate(new) is not None and store.authenticate(token) is None
    assert [a.action for a in store.audit_log().items] == ["rotate_token", "revoke_user", "add_user"]


def test_bad_users(store: Store) -> None:
    store.add_user("ana", "reviewer")
    with pytest.raises(DuplicateUser):
        store.add_user("ana", "admin")
    with pytest.raises(InvalidUser):
        store.add_user("bob", "superuser")  # type: ignore[arg-type]
    with pytest.raises(InvalidUser):
        store.add_user(" ", "admin")
    with pytest.raises(NotFound):
        store.revoke_user("nobody")
    assert [u.name for u in store.list_users()] == ["ana"]
