"""``casefacts serve`` (API and reviewer UI) and ``casefacts users`` (API tokens)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from casefacts.cli.db_cmd import load_paths, open_store
from casefacts.config import REPO_ROOT
from casefacts.store import NotFound, Role, StoreError

DEMO_DATA = REPO_ROOT / "fixtures" / "cases"
DEMO_USER = "demo-reviewer"
DB_HELP = "Database URL or SQLite file (default: CASEFACTS_DATABASE_URL, else ./casefacts.db)."


@contextmanager
def _user_errors() -> Iterator[None]:
    """Store errors (duplicate name, unknown role or user) as one line and exit code 1."""
    try:
        yield
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc


Db = Annotated[str | None, typer.Option(help=DB_HELP)]


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        db: Db = None,
        demo: Annotated[
            bool, typer.Option(help="Load the demo cases and print a reviewer token first.")
        ] = False,
        demo_data: Annotated[
            Path, typer.Option(help="Cases for --demo: record folders or CaseFile JSON files.")
        ] = DEMO_DATA,
    ) -> None:
        """Serve the REST API (/api/v1) and the reviewer UI (/ui) with uvicorn."""
        import uvicorn

        from casefacts.api import create_app

        store = open_store(db)
        if demo:
            if not demo_data.exists():
                typer.echo(f"error: no demo data at {demo_data} (make fixtures)", err=True)
                raise typer.Exit(1)
            report = load_paths(store, [demo_data])
            typer.echo(
                f"demo: {len(report.saved)} case(s) loaded, {len(report.skipped)} already stored", err=True
            )
            try:
                token = store.rotate_token(DEMO_USER)
            except NotFound:
                token = store.add_user(DEMO_USER, "reviewer")
            typer.echo(f"demo: log in at http://{host}:{port}/login as {DEMO_USER} with token\n{token}")
        uvicorn.run(create_app(store), host=host, port=port)

    users_app = typer.Typer(help="API users and their tokens (stored hashed).", no_args_is_help=True)
    app.add_typer(users_app, name="users")

    @users_app.command("add")
    def add(
        name: str,
        role: Annotated[str, typer.Option(help="reviewer, consumer or admin.")],
        see_identifiers: Annotated[
            bool, typer.Option(help="Consumers: see subject identifiers unredacted.")
        ] = False,
        db: Db = None,
    ) -> None:
        """Create a user and print its token (shown this once only)."""
        role_value: Role = role  # type: ignore[assignment]
        with _user_errors():
            typer.echo(open_store(db).add_user(name, role_value, see_identifiers=see_identifiers))

    @users_app.command("list")
    def list_users(db: Db = None) -> None:
        """Users, roles and whether they are active (tokens are never shown)."""
        for user in open_store(db).list_users():
            state = "active" if user.active else f"revoked {user.revoked_at:%Y-%m-%d %H:%M}"
            grant = " see_identifiers" if user.see_identifiers else ""
            typer.echo(f"{user.name}\t{user.role}{grant}\t{state}")

    @users_app.command("revoke")
    def revoke(name: str, db: Db = None) -> None:
        """Revoke a user's token."""
        with _user_errors():
            open_store(db).revoke_user(name)
        typer.echo(f"revoked {name}", err=True)
