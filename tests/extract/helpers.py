"""Documents built by hand for extraction tests (no ingest)."""

from __future__ import annotations

import hashlib

from casefacts.schema import Document, Fact, IngestStatus, Page, Table


def make_document(*pages: str | Page, status: str = "ok") -> Document:
    built = [p if isinstance(p, Page) else Page(number=i, text=p) for i, p in enumerate(pages, start=1)]
    digest = hashlib.sha256("\f".join(p.text for p in built).encode()).hexdigest()
    reason = None if status == "ok" else "test"
    return Document(doc_id=digest, source="test://doc", media_type="text/plain", n_bytes=1, pages=built,
                    ingest_status=IngestStatus(status=status, reason=reason))


def table_page(text: str, rows: list[list[str | None]], number: int = 1) -> Page:
    return Page(number=number, text=text, tables=[Table(index=0, rows=rows)])


def of_kind(facts: list[Fact], kind: str) -> list:
    return [f for f in facts if f.kind == kind]


def affirmed(facts: list[Fact], kind: str) -> list:
    return [f for f in facts if f.kind == kind and f.status == "affirmed"]
