"""Ingest: files or bytes in, ``schema.Document``s out, bad input quarantined (DESIGN sections 2, 10).

Backends: ``pdf`` (pdfplumber, in worker processes with memory and time limits, see
``workers``) and ``text`` (UTF-8). The media type comes from the bytes (``sniff``).
"""

from casefacts.ingest.core import (
    Ingestor,
    ingest_blobs,
    ingest_bytes,
    ingest_file,
    ingest_paths,
)

__all__ = ["Ingestor", "ingest_blobs", "ingest_bytes", "ingest_file", "ingest_paths"]
