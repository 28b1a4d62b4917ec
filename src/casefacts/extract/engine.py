"""Extraction over documents: pages through ``nlp.pipe``, every extractor per page, mentions merged.

The engine only orchestrates: the extractors know the language, the pipeline knows the
tokens. Fact confidences are calibrated last (``casefacts.calibrate``, ``extractors/calibration.json``
when present; evidence confidences stay raw). An extractor that fails on a page is logged and
skipped (``ExtractionError`` semantics): the page's other extractors and the batch go on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language

from casefacts.calibrate import load as load_calibration
from casefacts.extract.base import ExtractionContext, extractor_id
from casefacts.extract.layout import make_doc
from casefacts.extract.merge import merge_document_facts
from casefacts.extract.pipeline import load_pipeline, resources_for
from casefacts.extract.registry import build_extractors
from casefacts.schema import Document, Fact, Page

log = logging.getLogger(__name__)
BATCH_SIZE = 32  # pages per nlp.pipe batch; small batches keep two worker processes busy


def _pages(documents: Sequence[Document]) -> Iterator[tuple[Document, Page]]:
    for document in documents:
        if document.ingest_status.status != "ok":
            continue
        for page in document.pages:
            yield document, page


def unique_documents(documents: Sequence[Document]) -> list[Document]:
    """Each document once: files with the same bytes share a ``doc_id`` and are extracted once."""
    return list({d.doc_id: d for d in documents}.values())


def facts_by_document(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    """Facts grouped by the ``doc_id`` of their first evidence (where extraction found them)."""
    grouped: dict[str, list[Fact]] = {}
    for fact in facts:
        grouped.setdefault(fact.evidence[0].doc_id, []).append(fact)
    return grouped


def extract_documents(documents: Sequence[Document], nlp: Language | None = None, *,
                      n_process: int = 1, batch_size: int = BATCH_SIZE, calibrated: bool = True) -> list[Fact]:
    """Facts of every document whose ingest status is ok, per document, in document order; with
    ``calibrated`` (the default) their confidences go through the stored calibration, if any."""
    nlp = nlp or load_pipeline()
    resources = resources_for(nlp)
    extractors = build_extractors(resources)
    pages = list(_pages(documents))
    per_document: dict[str, list[Fact]] = {}
    notes: dict[str, dict] = {}
    docs = nlp.pipe((make_doc(nlp, page.text) for _, page in pages), batch_size=batch_size, n_process=n_process)
    for (document, page), doc in zip(pages, docs, strict=True):
        context = ExtractionContext(document=document, page=page, resources=resources,
                                    notes=notes.setdefault(document.doc_id, {}))
        found = per_document.setdefault(document.doc_id, [])
        for extractor in extractors:
            try:
                found.extend(extractor.extract(doc, context))
            except Exception:  # one extractor's bug must not sink the batch
                log.exception("extractor %s failed on %s page %d", extractor_id(extractor),
                              document.doc_id[:12], page.number)
    facts: list[Fact] = []
    for document in documents:
        facts.extend(merge_document_facts(per_document.get(document.doc_id, [])))
    calibration = load_calibration(resources.directory) if calibrated else None
    return [calibration.apply(f) for f in facts] if calibration is not None else facts


def extract_document(document: Document, nlp: Language | None = None) -> list[Fact]:
    """Facts of one document (none unless its ingest status is ok)."""
    return extract_documents([document], nlp=nlp)
