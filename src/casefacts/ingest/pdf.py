"""PDF backend through pdfplumber. Runs inside a worker process (see ``workers``).

Page text is exactly ``page.extract_text()``: evidence offsets point into that string. Tables
are read as rows of cells with ``page.find_tables()``, since rap sheets are tables.
"""

from __future__ import annotations

import io
import logging

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSEOF, PSException
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils.exceptions import PdfminerException

from casefacts.errors import CorruptDocument, EmptyDocument, EncryptedDocument, IngestError, LimitExceeded
from casefacts.schema import IngestStatus, Page, Table

PdfResult = tuple[list[Page], IngestStatus]


def quiet_pdfminer() -> None:
    """Worker initializer: pdfminer logs a warning for every repaired oddity."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)


def parse_pdf(data: bytes, max_pages: int) -> PdfResult:
    """Pages of a PDF and its status (``ok`` or ``needs_ocr``).

    Raises an ``IngestError`` for a PDF that cannot be read, and ``MemoryError`` as is, so
    that the worker running it reports the memory limit.
    """
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)
            if count == 0:
                raise EmptyDocument("the PDF has no pages")
            if count > max_pages:
                raise LimitExceeded(f"the PDF has {count} pages, over the limit of {max_pages}")
            pages, image_only = [], []
            for plumber_page in pdf.pages:
                page = read_page(plumber_page)
                if not page.text.strip() and plumber_page.images:
                    image_only.append(page.number)
                pages.append(page)
                plumber_page.close()
    except (IngestError, MemoryError):
        raise
    except Exception as exc:
        raise pdf_error(exc) from None
    return pages, text_layer_status(pages, image_only)


def read_page(page: PlumberPage) -> Page:
    tables = [
        Table(index=index, bbox=tuple(float(v) for v in table.bbox), rows=table.extract())
        for index, table in enumerate(page.find_tables())
    ]
    return Page(number=page.page_number, text=page.extract_text() or "", tables=tables,
                width=float(page.width), height=float(page.height))


def text_layer_status(pages: list[Page], image_only: list[int]) -> IngestStatus:
    """``needs_ocr`` when no page has text; ``ok`` otherwise, naming image-only pages."""
    textless = [page.number for page in pages if not page.text.strip()]
    if len(textless) == len(pages):
        blank = [number for number in textless if number not in image_only]
        parts = [f"image-only: {page_list(image_only)}"] if image_only else []
        parts += [f"no text and no image: {page_list(blank)}"] if blank else []
        return IngestStatus(status="needs_ocr", error_type="NeedsOCR",
                            reason=f"no page has a text layer ({'; '.join(parts)})")
    if image_only:
        verb = "is" if len(image_only) == 1 else "are"
        reason = f"{page_list(image_only)} {verb} image-only (no text layer, not OCRed)"
        return IngestStatus(status="ok", reason=reason)
    return IngestStatus(status="ok")


def page_list(numbers: list[int]) -> str:
    """``[1, 2, 3, 5]`` -> ``pages 1-3, 5``."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    text = ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)
    return f"page {text}" if len(numbers) == 1 else f"pages {text}"


def pdf_error(exc: Exception) -> Exception:
    """The ingest error for an exception from pdfplumber/pdfminer (MemoryError passes through)."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, MemoryError):
        return cause
    detail = f"{type(cause).__name__}: {cause}" if str(cause) else type(cause).__name__
    if isinstance(cause, PDFPasswordIncorrect):
        return EncryptedDocument("password-protected: the PDF cannot be opened without its user password")
    if isinstance(cause, PDFEncryptionError):
        return EncryptedDocument(f"encrypted with a method pdfminer cannot read ({detail})")
    if isinstance(cause, PSEOF):
        return CorruptDocument(f"the PDF ends unexpectedly, probably truncated ({detail})")
    if isinstance(cause, PSException):
        return CorruptDocument(f"the PDF structure cannot be parsed ({detail})")
    if isinstance(cause, RecursionError):
        return CorruptDocument("the PDF nests objects too deeply to parse")
    return CorruptDocument(f"pdfplumber failed on the PDF ({detail})")
