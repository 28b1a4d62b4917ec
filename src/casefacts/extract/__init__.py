"""Extraction (DESIGN section 4): documents in, evidence-linked facts out, per document."""

from casefacts.extract.engine import extract_document, extract_documents, facts_by_document, unique_documents

__all__ = ["extract_document", "extract_documents", "facts_by_document", "unique_documents"]
