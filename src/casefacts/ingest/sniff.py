"""Media type by content. A file name only breaks ties; it never overrides the bytes."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from casefacts.errors import EmptyDocument, UnsupportedFormat

PDF = "application/pdf"
TEXT = "text/plain"
BINARY = "application/octet-stream"

PDF_MAGIC = b"%PDF-"
HEADER_WINDOW = 1024  # PDF readers accept the header anywhere in the first 1024 bytes
TEXT_SUFFIXES = frozenset({".txt", ".text", ".csv", ".tsv", ".md", ".log"})
SAMPLE_BYTES = 8192
# C0 controls that do not occur in text files, and DEL. Tab, LF, VT, FF, CR and ESC do.
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b") + b"\x7f"
MAX_CONTROL_SHARE = 0.01


def name_of(source: str) -> str:
    """The file name in a path or URI (``https://h/a/b.pdf?x=1`` -> ``b.pdf``)."""
    return PurePosixPath(urlsplit(source).path).name


def sniff_media_type(data: bytes, name: str = "") -> str:
    """``PDF`` or ``TEXT`` for bytes worth parsing; raise the ingest error for anything else.

    A ``.pdf`` name on bytes that are not a PDF is an error even when they are text: it is
    usually an HTML error page saved by a failed download. Text in an unknown encoding is
    ``TEXT`` here; the text backend reports where its decoding fails.
    """
    if not data:
        raise EmptyDocument("the file is empty (0 bytes)")
    if PDF_MAGIC in data[:HEADER_WINDOW]:
        return PDF
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".pdf":
        raise UnsupportedFormat(
            f"named {name!r} but the content is not a PDF (no %PDF- header; it starts with {data[:20]!r})"
        )
    if suffix in TEXT_SUFFIXES or looks_like_text(data[:SAMPLE_BYTES]):
        return TEXT
    raise UnsupportedFormat(f"neither a PDF nor text: binary content starting with {data[:20]!r}")


def looks_like_text(sample: bytes) -> bool:
    """No NUL byte and hardly any other control byte, whatever the encoding."""
    if b"\x00" in sample:
        return False
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return controls <= MAX_CONTROL_SHARE * len(sample)
