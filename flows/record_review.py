"""Prefect flow ``record-review``: pull new records, review them in batches, persist, enqueue.

A thin wrapper over ``casefacts.review_run.process_new_records``: the pull and each batch are
tasks (one task per batch of documents, not per step), batches map onto the chosen task runner
(``local``: one after another in this process; ``dask``: a local Dask cluster or a given
scheduler), and the watermark lives in a Prefect variable shared by every worker of the server.

What Prefect keeps in its database stays free of record text: parameters are specs and
numbers, batch results hold ids and hashes, logs hold counts, and a transient error is re-raised
under its class name only (database errors can quote the values they failed to write).

Run once without a server (Prefect starts a temporary one)::

    casefacts run record-review --source folder:fixtures/cases --runner dask --workers 2
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from prefect import flow, get_run_logger, task, unmapped
from prefect.artifacts import create_markdown_artifact
from prefect.client.orchestration import get_client
from prefect.context import TaskRunContext
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.variables import Variable

from casefacts.config import get_settings
from casefacts.review_run import (
    Batch,
    BatchResult,
    RunSummary,
    batch_key,
    pipeline_versions,
    process_new_records,
    review_batch,
)
from casefacts.sources import JsonFileWatermarks, Pull, RecordSource, WatermarkStore, source_from_spec
from casefacts.store import Store
from flows.transient import RETRIES, RETRY_DELAYS, retry_if_transient, transient_as_retryable

Runner = Literal["local", "dask"]


@task(name="pull-records", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS,
      retry_condition_fn=retry_if_transient, persist_result=False)
def pull_records(source: RecordSource, watermark: str | None, limit: int | None) -> Pull:
    """New records since ``watermark`` (kept in memory only: the result holds record bytes)."""
    with transient_as_retryable():
        return source.pull(watermark, limit)


def _batch_cache_key(context: TaskRunContext, parameters: dict[str, Any]) -> str:
    return batch_key(parameters["batch"], parameters["versions"], parameters["store_url"],
                     parameters["reprocess"])


@task(name="review-batch", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS,
      retry_condition_fn=retry_if_transient, cache_key_fn=_batch_cache_key,
      cache_expiration=timedelta(days=7), persist_result=True)
def review_batch_task(batch: Batch, store_url: str, versions: str, as_of: date | None,
                      reprocess: bool) -> BatchResult:
    """Ingest, extract, classify, apply rules and save one batch; cached on content hashes + versions."""
    with transient_as_retryable():
        return review_batch(batch, store_url, as_of=as_of, reprocess=reprocess)


class PrefectVariableWatermarks:
    """Watermarks in Prefect variables (``casefacts-wm-<hash of the source key>``)."""

    @staticmethod
    def _name(key: str) -> str:
        return "casefacts-wm-" + hashlib.sha256(key.encode()).hexdigest()[:24]

    def get(self, key: str) -> str | None:
        value = Variable.get(self._name(key), default=None)
        return value["watermark"] if isinstance(value, dict) else None

    def set(self, key: str, watermark: str) -> None:
        Variable.set(self._name(key), {"source": key, "watermark": watermark}, overwrite=True)


def watermark_store(spec: str) -> WatermarkStore:
    """``prefect`` (Prefect variables) or the path of a JSON file."""
    return PrefectVariableWatermarks() if spec == "prefect" else JsonFileWatermarks(Path(spec))


def make_task_runner(runner: Runner, dask_address: str | None = None, dask_workers: int = 2) -> Any:
    """``local``: batches one after another in the flow process; ``dask``: a Dask cluster."""
    if runner == "local":
        return ThreadPoolTaskRunner(max_workers=1)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": dask_workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    raise ValueError(f"unknown runner {runner!r}; use 'local' or 'dask'")


@contextmanager
def _workers_use_this_api() -> Iterator[None]:
    """Export the API URL this flow talks to, so Dask worker processes report to the same server
    instead of each starting a temporary one of its own (DESIGN section 8)."""
    with get_client(sync_client=True) as client:
        url = str(client.api_url)
    before = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = url
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before


@flow(name="review-records")
def review_records(source: str, database_url: str | None, batch_docs: int, pull_limit: int | None,
                   as_of: date | None, reprocess: bool, watermarks: str) -> RunSummary:
    """The work of ``record_review`` on the task runner it chose."""
    logger = get_run_logger()
    record_source = source_from_spec(source)
    store_url = database_url or get_settings().database_url  # resolved here: parameters are stored
    store = Store(store_url)
    try:
        store.upgrade()
    finally:
        store.close()
    versions = pipeline_versions()

    def pull(watermark: str | None, limit: int | None) -> Pull:
        return pull_records(record_source, watermark, limit)

    def map_batches(batches: list[Batch]) -> list[BatchResult]:
        futures = review_batch_task.map(batches, store_url=unmapped(store_url), versions=unmapped(versions),
                                        as_of=unmapped(as_of), reprocess=unmapped(reprocess))
        return [future.result() for future in futures]

    summary = process_new_records(record_source, store_url, watermark_store(watermarks),
                                  batch_docs=batch_docs, pull_limit=pull_limit, as_of=as_of,
                                  reprocess=reprocess, pull=pull, map_batches=map_batches)
    logger.info("%d new record(s) in %d batch(es): %d case(s) saved, %d skipped, %d failed; "
                "%d document(s), %d quarantined", summary.new_records, summary.batches, summary.cases_saved,
                summary.cases_skipped, summary.cases_failed, summary.documents, summary.documents_quarantined)
    create_markdown_artifact(key="record-review", markdown=summary_markdown(summary),
                             description="Counts of the last record review (ids only).")
    return summary


def summary_markdown(summary: RunSummary) -> str:
    rows = [("new records", summary.new_records), ("batches", summary.batches),
            ("cases saved and queued for review", summary.cases_saved), ("cases skipped (already stored)",
            summary.cases_skipped), ("cases failed", summary.cases_failed), ("documents", summary.documents),
            ("documents quarantined", summary.documents_quarantined), ("facts", summary.facts)]
    lines = ["| | count |", "|---|---:|", *(f"| {name} | {value} |" for name, value in rows)]
    if summary.failed_case_ids:
        lines.append("\nFailed cases: " + ", ".join(summary.failed_case_ids))
    return "\n".join(lines)


@flow(name="record-review")
def record_review(source: str = "folder:inbox", database_url: str | None = None, batch_docs: int = 32,
                  pull_limit: int | None = 500, as_of: date | None = None, reprocess: bool = False,
                  runner: Runner = "local", dask_address: str | None = None, dask_workers: int = 2,
                  watermarks: str = "prefect") -> RunSummary:
    """Review the records that are new in ``source`` and queue their case files for review.

    ``source``: ``folder:PATH``, ``sql:URL#TABLE`` (``sql:env:VAR#TABLE``) or an ``http(s)://`` URL.
    ``database_url``: the case store (default ``CASEFACTS_DATABASE_URL``). ``runner``: ``local`` or
    ``dask`` (``dask_address`` of a scheduler, else a local cluster of ``dask_workers`` processes).
    ``watermarks``: ``prefect`` (variables) or a JSON file path. ``reprocess``: rebuild cases
    already stored (after an extractor or ruleset change).
    """
    inner = review_records.with_options(task_runner=make_task_runner(runner, dask_address, dask_workers))
    with _workers_use_this_api() if runner == "dask" else nullcontext():
        return inner(source=source, database_url=database_url, batch_docs=batch_docs, pull_limit=pull_limit,
                     as_of=as_of, reprocess=reprocess, watermarks=watermarks)

