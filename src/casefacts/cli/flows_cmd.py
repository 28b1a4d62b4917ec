"""``casefacts run record-review|weekly-report`` (Prefect flows, once) and ``casefacts report weekly``.

``run`` starts a flow run in this process; without ``PREFECT_API_URL`` Prefect starts a
temporary server for it (8-15 s here), so nothing needs to be started by hand.
``--no-prefect`` runs the same review without Prefect; ``report weekly`` never uses Prefect.
"""

from __future__ import annotations

import importlib
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Annotated

import typer
from rich.console import Console

from casefacts.config import REPO_ROOT, get_settings

DEFAULT_WATERMARK_FILE = Path(".casefacts/watermarks.json")
RUNNERS = ("local", "dask")

DatabaseUrl = Annotated[str | None, typer.Option(help="Case store (default CASEFACTS_DATABASE_URL).")]
OutDir = Annotated[Path, typer.Option("-o", "--out", help="Folder for the HTML and JSON files.")]
WeekOf = Annotated[str | None, typer.Option(help="A day of the week to report (default: last full week).")]
Weeks = Annotated[int, typer.Option(help="Weeks of trend in the charts.")]
Source = Annotated[str, typer.Option(help="folder:PATH, sql:URL#TABLE, sql:env:VAR#TABLE or http(s)://URL")]


def flows_module(name: str) -> ModuleType:
    """``flows.<name>`` from the repository root (the ``flows`` package is not installed with casefacts)."""
    try:
        return importlib.import_module(f"flows.{name}")
    except ModuleNotFoundError as error:
        if error.name not in ("flows", f"flows.{name}") or not (REPO_ROOT / "flows").is_dir():
            raise
        sys.path.insert(0, str(REPO_ROOT))
        return importlib.import_module(f"flows.{name}")


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as error:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from error


def register(app: typer.Typer) -> None:
    run_app = typer.Typer(help="Run a Prefect flow once (a temporary Prefect server starts if none is set).",
                          no_args_is_help=True)
    report_app = typer.Typer(help="Reports from the case store, without Prefect.", no_args_is_help=True)

    @run_app.command("record-review")
    def record_review(
        source: Source = "folder:inbox",
        database_url: DatabaseUrl = None,
        runner: Annotated[str, typer.Option(help="local (one batch after another) or dask.")] = "local",
        workers: Annotated[int, typer.Option(help="Dask workers of a local cluster.")] = 2,
        dask_address: Annotated[str | None, typer.Option(help="Scheduler of a Dask cluster.")] = None,
        batch_docs: Annotated[int, typer.Option(help="Documents per batch (one task each).")] = 32,
        pull_limit: Annotated[int, typer.Option(help="New records per pull.")] = 500,
        as_of: Annotated[str | None, typer.Option(help="Apply the rules as of (YYYY-MM-DD).")] = None,
        reprocess: Annotated[bool, typer.Option(help="Rebuild cases already in the store.")] = False,
        watermarks: Annotated[str | None, typer.Option(
            help="'prefect' (variables; the default with Prefect) or a JSON file "
                 f"(the default without: {DEFAULT_WATERMARK_FILE}).")] = None,
        no_prefect: Annotated[bool, typer.Option("--no-prefect", help="Run without Prefect.")] = False,
    ) -> None:
        """Review the records new in SOURCE since the last run and queue their cases for review.

        Prints the run's counts as JSON on stdout.
        """
        when = _date(as_of)
        if runner not in RUNNERS:
            raise typer.BadParameter(f"--runner must be one of {', '.join(RUNNERS)}")
        if no_prefect:
            from casefacts.review_run import process_new_records
            from casefacts.sources import JsonFileWatermarks, source_from_spec
            from casefacts.store import Store

            if watermarks == "prefect":
                raise typer.BadParameter("--no-prefect keeps watermarks in a file: give --watermarks PATH")
            store_url = database_url or get_settings().database_url
            store = Store(store_url)
            try:
                store.upgrade()
            finally:
                store.close()
            marks = JsonFileWatermarks(Path(watermarks or DEFAULT_WATERMARK_FILE))
            summary = process_new_records(source_from_spec(source), store_url, marks, batch_docs=batch_docs,
                                          pull_limit=pull_limit, as_of=when, reprocess=reprocess)
        else:
            flow = flows_module("record_review").record_review
            summary = flow(source=source, database_url=database_url, batch_docs=batch_docs,
                           pull_limit=pull_limit, as_of=when, reprocess=reprocess, runner=runner,
                           dask_address=dask_address, dask_workers=workers,
                           watermarks=watermarks or "prefect")
        typer.echo(summary.model_dump_json(indent=2))
        if summary.cases_failed:
            Console(stderr=True).print(f"[yellow]{summary.cases_failed} case(s) failed:[/] "
                                       + ", ".join(summary.failed_case_ids), highlight=False)

    @run_app.command("weekly-report")
    def run_weekly_report(
        out: OutDir = Path("reports"),
        week_of: WeekOf = None,
        weeks: Weeks = 8,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Run the weekly-report flow once."""
        flow = flows_module("weekly_report").weekly_report
        paths = flow(out_dir=str(out), week_of=_date(week_of), weeks=weeks, database_url=database_url)
        for path in paths.values():
            typer.echo(path)

    @report_app.command("weekly")
    def report_weekly(
        out: OutDir = Path("reports"),
        week_of: WeekOf = None,
        weeks: Weeks = 8,
        database_url: DatabaseUrl = None,
    ) -> None:
        """Write the weekly report (interim guidance fields, review throughput) as HTML and JSON."""
        from casefacts.report import weekly_report, write_weekly_report
        from casefacts.store import Store

        store = Store(database_url)
        try:
            report = weekly_report(store, week_of=_date(week_of), weeks=weeks)
        finally:
            store.close()
        for path in write_weekly_report(report, out).values():
            typer.echo(path)

    app.add_typer(run_app, name="run")
    app.add_typer(report_app, name="report")
