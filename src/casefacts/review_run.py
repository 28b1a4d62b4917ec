"""Record review without Prefect: pull new records, process them in batches, persist, repeat.

The Prefect flow ``flows.record_review`` wraps these functions (one task per batch); the CLI
and the tests call them directly. What leaves a batch (``BatchResult``) holds ids, hashes and
counts only, never record text: Prefect persists task results and logs in its database.

Exactly once: a case is saved in one store transaction, and a case whose documents are all in
the store already is skipped (unless ``reprocess``), so re-running after a crash finishes the
work without saving a case twice. The watermark moves only after every batch of a pull is
saved.
"""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Literal

import httpx
from pydantic import BaseModel, Field
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

import casefacts
from casefacts.config import Settings, get_settings
from casefacts.pipeline import CaseInput, derived_case_id, process_cases
from casefacts.schema import CaseFile, Document, IngestStatus
from casefacts.sources import Pull, Record, RecordCase, RecordSource, SourceUnavailable, WatermarkStore
from casefacts.store import Store
from casefacts.store.errors import NotFound

log = logging.getLogger(__name__)

Batch = list[RecordCase]
BatchMapper = Callable[[list[Batch]], list["BatchResult"]]
Puller = Callable[[str | None, int | None], Pull]


class CaseResult(BaseModel):
    """What happened to one case: ids and counts only."""

    case_id: str
    status: Literal["saved", "skipped", "failed"]
    doc_ids: list[str]
    quarantined: list[str] = Field(default_factory=list, description="doc ids not read normally")
    n_facts: int = 0
    error_type: str | None = Field(default=None, description="Exception class when status is failed.")


class BatchResult(BaseModel):
    cases: list[CaseResult]


class RunSummary(BaseModel):
    """Totals of one record-review run."""

    source: str
    pulls: int = 0
    new_records: int = 0
    batches: int = 0
    cases_saved: int = 0
    cases_skipped: int = 0
    cases_failed: int = 0
    documents: int = 0
    documents_quarantined: int = 0
    facts: int = 0
    failed_case_ids: list[str] = Field(default_factory=list)
    seconds: float = 0.0
    watermark: str | None = None

    def add(self, result: BatchResult) -> None:
        self.batches += 1
        for case in result.cases:
            if case.status == "saved":
                self.cases_saved += 1
                self.documents += len(case.doc_ids)
                self.documents_quarantined += len(case.quarantined)
                self.facts += case.n_facts
            elif case.status == "skipped":
                self.cases_skipped += 1
            else:
                self.cases_failed += 1
                self.documents_quarantined += len(case.doc_ids)
                self.failed_case_ids.append(case.case_id)


# ---------------------------------------------------------------------- planning


def plan_batches(cases: Sequence[RecordCase], batch_docs: int = 32) -> list[Batch]:
    """Consecutive cases grouped into batches of about ``batch_docs`` documents (a case is never split)."""
    if batch_docs < 1:
        raise ValueError("batch_docs must be at least 1")
    batches: list[Batch] = []
    current: Batch = []
    size = 0
    for case in cases:
        if current and size + len(case.records) > batch_docs:
            batches.append(current)
            current, size = [], 0
        current.append(case)
        size += len(case.records)
    if current:
        batches.append(current)
    return batches


def case_id_of(case: RecordCase) -> str:
    """The case id the pipeline will give this case (derived from the documents when unnamed)."""
    if case.case_id is not None:
        return case.case_id
    return derived_case_id([SimpleNamespace(doc_id=doc_id) for doc_id in case.doc_ids])  # type: ignore[misc]


def pipeline_versions(settings: Settings | None = None) -> str:
    """What decides a case file besides its documents (JSON): registered extractors, ruleset
    versions, digests of the extraction data, the trained models and the package's code."""
    from casefacts.extract.registry import registered_names
    from casefacts.rules import RULESETS

    settings = settings or get_settings()
    return json.dumps({
        "casefacts": casefacts.__version__,
        "extractors": registered_names(),
        "rulesets": sorted(f"{r.ruleset_id}@{r.version}" for r in RULESETS),
        "extractor_data": _tree_digest(settings.extractors_dir),
        "models": _tree_digest(settings.models_dir),
        "code": _tree_digest(Path(casefacts.__file__).parent, "*.py"),
    }, sort_keys=True)


def _tree_digest(root: Path, pattern: str = "*") -> str:
    """sha256 over the relative names and bytes of the files under ``root`` (empty when missing)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob(pattern) if p.is_file()) if root.is_dir() else []:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def store_identity(url: str) -> str:
    """The store URL without password, SQLite paths made absolute: part of every cache key."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        parsed = parsed.set(database=str(Path(parsed.database).resolve()))
    return parsed.render_as_string(hide_password=True)


def batch_key(batch: Sequence[RecordCase], versions: str, store_url: str, reprocess: bool = False) -> str:
    """Cache key of a batch: its cases' content hashes, the pipeline versions and the store."""
    payload = {
        "cases": [[case_id_of(case), case.doc_ids] for case in batch],
        "versions": versions,
        "store": store_identity(store_url),
        "reprocess": reprocess,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def is_transient(error: BaseException) -> bool:
    """Errors worth retrying later: an unreachable database or source, a timeout."""
    if isinstance(error, DBAPIError):
        return isinstance(error, OperationalError) or error.connection_invalidated
    return isinstance(error, SourceUnavailable | httpx.TransportError | TimeoutError | ConnectionError)


# ---------------------------------------------------------------------- one batch


def review_batch(batch: Sequence[RecordCase], store_url: str, *, as_of: date | None = None,
                 reprocess: bool = False, settings: Settings | None = None) -> BatchResult:
    """Process and save the cases of one batch; a bad document or case never fails the batch.

    Transient store errors propagate (the caller retries the batch: saves are idempotent).
    """
    settings = settings or get_settings()
    store = Store(store_url)
    try:
        results: dict[int, CaseResult] = {}
        todo: list[tuple[int, RecordCase]] = []
        for index, case in enumerate(batch):
            if not reprocess and _already_saved(store, case):
                results[index] = CaseResult(case_id=case_id_of(case), status="skipped", doc_ids=case.doc_ids)
            else:
                todo.append((index, case))
        built = _build([case for _, case in todo], as_of, settings)
        for (index, case), outcome in zip(todo, built, strict=True):
            results[index] = _save(store, case, outcome)
        return BatchResult(cases=[results[index] for index in range(len(batch))])
    finally:
        store.close()


def _already_saved(store: Store, case: RecordCase) -> bool:
    """Every document of the case is linked to the stored case already."""
    if not all(store.has_document(doc_id) for doc_id in case.doc_ids):
        return False
    try:
        stored = store.get_case(case_id_of(case))
    except NotFound:
        return False
    return set(case.doc_ids) <= {doc.doc_id for doc in stored.documents}


def _build(cases: Sequence[RecordCase], as_of: date | None, settings: Settings) -> list[CaseFile | Exception]:
    """CaseFiles for the cases; when the batch fails, each case alone; when a case fails, each document."""
    if not cases:
        return []
    try:
        return list(_run_pipeline(cases, as_of, settings))
    except Exception as error:
        if is_transient(error):
            raise
        if len(cases) > 1:
            return [outcome for case in cases for outcome in _build([case], as_of, settings)]
        return [_isolate(cases[0], as_of, settings)]


def _run_pipeline(cases: Sequence[RecordCase], as_of: date | None, settings: Settings) -> list[CaseFile]:
    """``process_cases`` over the records written to a temporary folder, sources restored."""
    with tempfile.TemporaryDirectory(prefix="casefacts-batch-") as tmp:
        inputs, uris = [], {}
        for number, case in enumerate(cases):
            folder = Path(tmp) / str(number)
            folder.mkdir()
            files = []
            for position, record in enumerate(case.records):
                path = folder / f"{position:04d}-{record.safe_name}"
                path.write_bytes(record.data)
                files.append(path)
                uris.setdefault(record.sha256, record.uri)
            inputs.append(CaseInput(case_id_of(case), files))
        casefiles = process_cases(inputs, as_of=as_of, settings=settings, chunk_size=len(inputs))
    return [_with_sources(casefile, uris) for casefile in casefiles]


def _with_sources(casefile: CaseFile, uris: dict[str, str]) -> CaseFile:
    documents = [doc.model_copy(update={"source": uris.get(doc.doc_id, doc.source)})
                 for doc in casefile.documents]
    return casefile.model_copy(update={"documents": documents})


def _isolate(case: RecordCase, as_of: date | None, settings: Settings) -> CaseFile | Exception:
    """Find the records that break the pipeline on their own, quarantine them, build the rest."""
    good, bad = [], []
    for record in case.records:
        single = RecordCase(case.case_id, (record,))
        try:
            _run_pipeline([single], as_of, settings)
        except Exception as error:
            if is_transient(error):
                raise
            log.warning("document %s quarantined: %s", record.sha256[:12], type(error).__name__)
            log.debug("document %s failed", record.sha256[:12], exc_info=True)
            bad.append((record, error))
        else:
            good.append(record)
    if not bad:
        return RuntimeError("the case fails only with all of its documents together")
    quarantined = [_quarantined_document(record, error) for record, error in bad]
    if not good:
        return CaseFile(case_id=case_id_of(case), documents=_unique(quarantined))
    try:
        [casefile] = _run_pipeline([RecordCase(case_id_of(case), tuple(good))], as_of, settings)
    except Exception as error:
        if is_transient(error):
            raise
        return error
    return casefile.model_copy(update={"documents": _unique(casefile.documents + quarantined)})


def _quarantined_document(record: Record, error: Exception) -> Document:
    name = type(error).__name__
    return Document(
        doc_id=record.sha256, source=record.uri, media_type="application/octet-stream",
        n_bytes=len(record.data),
        ingest_status=IngestStatus(status="quarantined", reason=f"processing failed ({name})",
                                   error_type="ExtractionError"),
    )


def _unique(documents: Sequence[Document]) -> list[Document]:
    return list({doc.doc_id: doc for doc in documents}.values())


def _save(store: Store, case: RecordCase, outcome: CaseFile | Exception) -> CaseResult:
    if isinstance(outcome, Exception):
        log.warning("case %s failed: %s", case_id_of(case), type(outcome).__name__)
        return CaseResult(case_id=case_id_of(case), status="failed", doc_ids=case.doc_ids,
                          error_type=type(outcome).__name__)
    try:
        store.save_case(outcome)
    except Exception as error:
        if is_transient(error):
            raise
        log.warning("case %s not saved: %s", outcome.case_id, type(error).__name__)
        return CaseResult(case_id=outcome.case_id, status="failed", doc_ids=case.doc_ids,
                          error_type=type(error).__name__)
    quarantined = sorted(d.doc_id for d in outcome.documents if d.ingest_status.status != "ok")
    doc_ids = sorted(d.doc_id for d in outcome.documents)
    return CaseResult(case_id=outcome.case_id, status="saved", doc_ids=doc_ids, quarantined=quarantined,
                      n_facts=len(outcome.facts))


# ---------------------------------------------------------------------- a whole run


def process_new_records(
    source: RecordSource,
    store_url: str,
    watermarks: WatermarkStore,
    *,
    batch_docs: int = 32,
    pull_limit: int | None = 500,
    as_of: date | None = None,
    reprocess: bool = False,
    pull: Puller | None = None,
    map_batches: BatchMapper | None = None,
) -> RunSummary:
    """Pull what is new since the stored watermark, review it batch by batch, advance the watermark.

    Pulls of at most ``pull_limit`` new records repeat until the source has nothing newer.
    ``pull`` and ``map_batches`` replace ``source.pull`` and the running of a list of batches (the
    Prefect flow wraps them in tasks and maps batches onto a task runner); by default batches run
    one after another in this process.
    """
    started = time.perf_counter()
    settings = get_settings()

    def in_turn(batches: list[Batch]) -> list[BatchResult]:
        return [review_batch(batch, store_url, as_of=as_of, reprocess=reprocess, settings=settings)
                for batch in batches]

    run = map_batches or in_turn
    pull = pull or source.pull
    summary = RunSummary(source=source.key, watermark=watermarks.get(source.key))
    while True:
        pulled = pull(summary.watermark, pull_limit)
        summary.pulls += 1
        summary.new_records += pulled.n_new
        for result in run(plan_batches(pulled.cases, batch_docs)):
            summary.add(result)
        if pulled.watermark is not None and pulled.watermark != summary.watermark:
            watermarks.set(source.key, pulled.watermark)
            summary.watermark = pulled.watermark
        if pulled.exhausted:
            break
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary
