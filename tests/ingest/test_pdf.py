"""The pdfplumber backend: text exactly as extracted, tables as rows, statuses for odd PDFs."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psexceptions import PSEOF
from pdfplumber.utils.exceptions import PdfminerException

from casefacts.errors import CorruptDocument, EncryptedDocument, LimitExceeded
from casefacts.ingest import ingest_bytes
from casefacts.ingest.pdf import page_list, parse_pdf, pdf_error, text_layer_status
from casefacts.schema import Page

from .conftest import make_pdf


def test_tables_come_out_as_rows(table_pdf: bytes, table_pdf_rows: list[list[str]]) -> None:
    document = ingest_bytes(table_pdf, "file:///records/rap.pdf")
    assert document.ingest_status.status == "ok"
    (page,) = document.pages
    (table,) = page.tables
    assert table.index == 0
    assert table.rows == table_pdf_rows
    x0, top, x1, bottom = table.bbox
    assert 0 <= x0 < x1 <= page.width and 0 <= top < bottom <= page.height


def test_page_text_is_exactly_what_pdfplumber_extracts(table_pdf: bytes) -> None:
    pages, _ = parse_pdf(table_pdf, max_pages=10)
    with pdfplumber.open(io.BytesIO(table_pdf)) as pdf:
        assert [p.text for p in pages] == [p.extract_text() for p in pdf.pages]
    start = pages[0].text.index("PC 459 BURGLARY")
    assert pages[0].text[start:start + 15] == "PC 459 BURGLARY"


def test_page_numbers_follow_the_pdf() -> None:
    pages, status = parse_pdf(make_pdf([f"This is page {n}." for n in range(1, 5)]), max_pages=10)
    assert [p.number for p in pages] == [1, 2, 3, 4]
    assert [p.text for p in pages] == [f"This is page {n}." for n in range(1, 5)]
    assert status.status == "ok" and status.reason is None


def test_page_limit() -> None:
    with pytest.raises(LimitExceeded, match="3 pages, over the limit of 2"):
        parse_pdf(make_pdf(["a", "b", "c"]), max_pages=2)


def _pages(*texts: str) -> list[Page]:
    return [Page(number=n, text=t) for n, t in enumerate(texts, start=1)]


def test_needs_ocr_only_when_no_page_has_text() -> None:
    status = text_layer_status(_pages("", " \n", ""), image_only=[1, 3])
    assert status.status == "needs_ocr" and status.error_type == "NeedsOCR"
    assert status.reason == "no page has a text layer (image-only: pages 1, 3; no text and no image: page 2)"
    mixed = text_layer_status(_pages("text", "", ""), image_only=[2, 3])
    assert (mixed.status, mixed.reason) == ("ok", "pages 2-3 are image-only (no text layer, not OCRed)")


def test_page_list() -> None:
    assert page_list([5, 1, 2, 3, 9, 10]) == "pages 1-3, 5, 9-10"
    assert page_list([4]) == "page 4"


@pytest.mark.parametrize(
    ("raised", "expected", "words"),
    [
        (PdfminerException(PDFPasswordIncorrect()), EncryptedDocument, "user password"),
        (PdfminerException(PDFEncryptionError("Unknown filter")), EncryptedDocument, "Unknown filter"),
        (PdfminerException(PSEOF("Unexpected EOF")), CorruptDocument, "truncated"),
        (PdfminerException(PDFSyntaxError("No /Root object!")), CorruptDocument, "No /Root object!"),
        (RecursionError(), CorruptDocument, "nests objects too deeply"),
        (KeyError("Length"), CorruptDocument, "KeyError"),
    ],
)
def test_pdfminer_errors_map_to_ingest_errors(raised: Exception, expected: type, words: str) -> None:
    error = pdf_error(raised)
    assert type(error) is expected
    assert words in str(error)


def test_a_memory_error_inside_pdfplumber_stays_a_memory_error() -> None:
    memory = MemoryError()
    assert pdf_error(PdfminerException(memory)) is memory
