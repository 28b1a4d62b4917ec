"""``casefacts db``: migrate the case store and load case files into it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer

from casefacts.schema import CaseFile, content_hash
from casefacts.store import NotFound, Store


def database_url(db: str | None) -> str | None:
    """``--db`` takes a SQLAlchemy URL or a path to a SQLite file."""
    if db is None or "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def open_store(db: str | None) -> Store:
    store = Store(database_url(db))
    store.upgrade()
    return store


@dataclass
class LoadReport:
    saved: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def read_casefiles(path: Path) -> list[CaseFile]:
    """A JSON file holding one CaseFile or a list of them (``casefacts extract`` output)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else [data]
    return [CaseFile.model_validate(item) for item in items]


def _already_stored(store: Store, case_id: str | None, files: list[Path]) -> bool:
    if case_id is None or not all(store.has_document(content_hash(f.read_bytes())) for f in files):
        return False
    try:
        store.get_case(case_id)
    except NotFound:
        return False
    return True


def _with_findings(store: Store, case: CaseFile) -> CaseFile:
    """Case files that come without findings get them from the rules before they are stored."""
    return case if case.findings else case.model_copy(update={"findings": store.recompute(case)})


def load_paths(store: Store, paths: list[Path], force: bool = False) -> LoadReport:
    """Store case files: ``.json`` files as CaseFile JSON, anything else through the pipeline.

    Folders follow the ``casefacts extract`` contract (a folder of folders is one case per
    subfolder). A case whose files are all stored already is skipped unless ``force``.
    """
    report = LoadReport()
    json_files = [p for p in paths if p.is_file() and p.suffix == ".json"]
    records = [p for p in paths if p not in json_files]
    for path in json_files:
        for case in read_casefiles(path):
            store.save_case(_with_findings(store, case))
            report.saved.append(case.case_id)
    if records:
        from casefacts.pipeline import collect_cases, process_cases

        todo = []
        for case_input in collect_cases(records):
            if not force and _already_stored(store, case_input.case_id, case_input.files):
                report.skipped.append(str(case_input.case_id))
            else:
                todo.append(case_input)
        for case in process_cases(todo) if todo else []:
            store.save_case(_with_findings(store, case))
            report.saved.append(case.case_id)
    return report


Db = Annotated[str | None, typer.Option(help="Database URL or SQLite file (default: settings).")]


def register(app: typer.Typer) -> None:
    db_app = typer.Typer(help="The case store: migrations and loading.", no_args_is_help=True)
    app.add_typer(db_app, name="db")

    @db_app.command("upgrade")
    def upgrade(db: Db = None) -> None:
        """Migrate the database to the newest schema."""
        store = open_store(db)
        typer.echo(f"database {store.engine.url.render_as_string(hide_password=True)} is at head")

    @db_app.command("load")
    def load(
        paths: Annotated[
            list[Path], typer.Argument(exists=True, help="CaseFile .json files, record files or folders.")
        ],
        db: Db = None,
        force: Annotated[bool, typer.Option(help="Re-process cases whose files are stored already.")] = False,
    ) -> None:
        """Load case files (or process records into case files) into the store; idempotent."""
        report = load_paths(open_store(db), paths, force=force)
        typer.echo(
            f"saved {len(report.saved)} case(s), skipped {len(report.skipped)} already stored", err=True
        )
