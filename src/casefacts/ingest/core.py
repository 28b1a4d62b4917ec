"""Bytes in, ``Document``s out. Never raises for a bad document: it is quarantined instead.

Text is decoded in this process (bounded by ``max_bytes``); PDFs are parsed in worker
processes under ``max_memory_mb`` and ``document_timeout_s`` (see ``workers``). Files are read
only when a worker is free for them, so a batch holds a few files' bytes at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import cast

from casefacts.config import Settings, get_settings
from casefacts.errors import CorruptDocument, IngestError, LimitExceeded
from casefacts.ingest.pdf import parse_pdf, quiet_pdfminer
from casefacts.ingest.sniff import BINARY, PDF, TEXT, name_of, sniff_media_type
from casefacts.ingest.text import text_pages
from casefacts.ingest.workers import Limits, Outcome, WorkerPool
from casefacts.schema import Document, IngestStatus, content_hash


@dataclass(frozen=True)
class _PendingPdf:
    """A PDF waiting for a worker: everything of its Document but the pages and status."""

    doc_id: str
    source: str
    n_bytes: int
    data: bytes


Prepared = Document | _PendingPdf


class Ingestor:
    """Ingests batches with one set of worker processes kept across calls.

    ``ingest_paths`` and friends make one per call; a caller with many small batches (a flow,
    an evaluation over many cases) keeps one open and so starts its workers once::

        with Ingestor(settings) as ingestor:
            for case in cases:
                documents = ingestor.paths(case.files)
    """

    def __init__(self, settings: Settings | None = None, workers: int | None = None) -> None:
        self.settings = settings or get_settings()
        limits = Limits(timeout_s=self.settings.document_timeout_s, memory_mb=self.settings.max_memory_mb)
        self.pool = WorkerPool(parse_pdf, limits, size=workers or self.settings.ingest_workers,
                               initializer=quiet_pdfminer)

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.pool.close()

    def paths(self, paths: Sequence[Path]) -> list[Document]:
        """One Document per path, in order."""
        return self._run([partial(_prepare_path, Path(path), self.settings) for path in paths])

    def blobs(self, items: Sequence[tuple[bytes, str]]) -> list[Document]:
        """One Document per ``(data, source)`` pair, in order."""
        return self._run([partial(_prepare_bytes, data, source, self.settings) for data, source in items])

    def _run(self, preparers: Sequence[Callable[[], Prepared]]) -> list[Document]:
        documents: list[Document | None] = [None] * len(preparers)
        waiting: dict[int, _PendingPdf] = {}

        def pdf_jobs() -> Iterator[tuple[int, tuple[bytes, int]]]:  # runs lazily, as workers free up
            for index, prepare in enumerate(preparers):
                prepared = prepare()
                if isinstance(prepared, Document):
                    documents[index] = prepared
                else:
                    waiting[index] = prepared
                    yield index, (prepared.data, self.settings.max_pages)

        for index, outcome in self.pool.imap(pdf_jobs()):
            documents[index] = _pdf_document(waiting.pop(index), outcome)
        return cast(list[Document], documents)  # every index is filled: by a preparer or a worker


def ingest_paths(paths: Sequence[Path], settings: Settings | None = None, *,
                 workers: int | None = None) -> list[Document]:
    """One Document per path, in order; PDFs are parsed by up to ``workers`` processes."""
    with Ingestor(settings, workers) as ingestor:
        return ingestor.paths(paths)


def ingest_file(path: Path, settings: Settings | None = None) -> Document:
    return ingest_paths([path], settings, workers=1)[0]


def ingest_blobs(items: Sequence[tuple[bytes, str]], settings: Settings | None = None, *,
                 workers: int | None = None) -> list[Document]:
    """``ingest_paths`` for ``(data, source)`` pairs from sources that are not files."""
    with Ingestor(settings, workers) as ingestor:
        return ingestor.blobs(items)


def ingest_bytes(data: bytes, source: str, settings: Settings | None = None) -> Document:
    """One document from memory; ``source`` is its URI (its file name hints the format)."""
    return ingest_blobs([(data, source)], settings, workers=1)[0]


def _prepare_path(path: Path, settings: Settings) -> Prepared:
    try:
        source = path.resolve().as_uri()
    except (OSError, RuntimeError):  # a symlink loop
        source = path.absolute().as_uri()
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:  # hash it for its doc_id, but never load it
            with path.open("rb") as stream:
                digest = hashlib.file_digest(stream, "sha256").hexdigest()
            return _quarantined(digest, source, size, BINARY, _too_big(size, settings))
        data = path.read_bytes()
    except OSError as exc:
        return _quarantined(content_hash(b""), source, 0, BINARY,
                            IngestError(f"the file cannot be read: {exc.strerror or exc}"))
    return _prepare_bytes(data, source, settings)


def _prepare_bytes(data: bytes, source: str, settings: Settings) -> Prepared:
    doc_id, size = content_hash(data), len(data)
    if size > settings.max_bytes:
        return _quarantined(doc_id, source, size, BINARY, _too_big(size, settings))
    try:
        media_type = sniff_media_type(data, name_of(source))
    except IngestError as exc:
        return _quarantined(doc_id, source, size, BINARY, exc)
    if media_type == PDF:
        return _PendingPdf(doc_id, source, size, data)
    try:
        pages = text_pages(data)
    except IngestError as exc:
        return _quarantined(doc_id, source, size, TEXT, exc)
    return Document(doc_id=doc_id, source=source, media_type=TEXT, n_bytes=size, pages=pages,
                    ingest_status=IngestStatus(status="ok"))


def _pdf_document(pending: _PendingPdf, outcome: Outcome) -> Document:
    if outcome.error is not None:
        error = outcome.error
        if not isinstance(error, IngestError):
            error = CorruptDocument(f"the PDF parser failed ({type(error).__name__}: {error})")
        return _quarantined(pending.doc_id, pending.source, pending.n_bytes, PDF, error)
    pages, status = outcome.value
    return Document(doc_id=pending.doc_id, source=pending.source, media_type=PDF,
                    n_bytes=pending.n_bytes, pages=pages, ingest_status=status)


def _too_big(size: int, settings: Settings) -> LimitExceeded:
    return LimitExceeded(f"the document has {size} bytes, over the limit of {settings.max_bytes} bytes")


def _quarantined(doc_id: str, source: str, size: int, media_type: str, error: IngestError) -> Document:
    status = IngestStatus(status=error.status, reason=str(error) or type(error).__name__,
                          error_type=type(error).__name__)
    return Document(doc_id=doc_id, source=source, media_type=media_type, n_bytes=size,
                    ingest_status=status)
