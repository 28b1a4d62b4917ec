from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from casefacts.cli import app
from casefacts.store import Store

runner = CliRunner()


def test_users_add_list_revoke(tmp_path: Path) -> None:
    db = str(tmp_path / "users.db")
    added = runner.invoke(app, ["users", "add", "rita", "--role", "reviewer", "--db", db])
    assert added.exit_code == 0
    token = added.stdout.strip()
    store = Store(f"sqlite:///{db}")
    user = store.authenticate(token)
    assert user is not None and user.role == "reviewer"
    runner.invoke(app, ["users", "add", "cody", "--role", "consumer", "--see-identifiers", "--db", db])
    listing = runner.invoke(app, ["users", "list", "--db", db]).stdout
    assert "rita\treviewer\tactive" in listing and "cody\tconsumer see_identifiers\tactive" in listing
    assert token not in listing
    assert runner.invoke(app, ["users", "revoke", "rita", "--db", db]).exit_code == 0
    assert store.authenticate(token) is None
    assert "revoked" in runner.invoke(app, ["users", "list", "--db", db]).stdout.splitlines()[1]
    store.close()


def test_users_errors_exit_1_with_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "users.db")
    runner.invoke(app, ["users", "add", "rita", "--role", "reviewer", "--db", db])
    for args, message in [
        (["users", "add", "rita", "--role", "admin"], "exists already"),
        (["users", "add", "bob", "--role", "boss"], "unknown role"),
        (["users", "revoke", "nobody"], "no user"),
    ]:
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 1 and message in result.stderr and "Traceback" not in result.output
