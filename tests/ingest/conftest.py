"""Fixtures for the ingest tests: the committed malformed files and small PDFs made here."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from casefacts.gold import GOLD_SUFFIX
from casefacts.ingest import ingest_paths
from casefacts.schema import Document
from fixtures.malformed_gen import CREATION_DATE


@pytest.fixture(scope="session")
def malformed_dir(repo_root: Path) -> Path:
    return repo_root / "fixtures" / "malformed"


@pytest.fixture(scope="session")
def malformed_files(malformed_dir: Path) -> list[Path]:
    return sorted(p for p in malformed_dir.iterdir() if not p.name.endswith(GOLD_SUFFIX))


@pytest.fixture(scope="session")
def malformed_batch(malformed_files: list[Path]) -> dict[str, Document]:
    """Every malformed fixture through ``ingest_paths`` as one batch, with default settings."""
    documents = ingest_paths(malformed_files)
    return {path.name: document for path, document in zip(malformed_files, documents, strict=True)}


def make_pdf(pages: list[str], table: list[list[str]] | None = None) -> bytes:
    """A text PDF, one string per page; ``table`` is drawn ruled on the last page."""
    pdf = FPDF(format="letter")
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_font("Helvetica", size=10)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 5, text)
    if table:
        with pdf.table() as drawn:
            for row in table:
                cells = drawn.row()
                for cell in row:
                    cells.cell(cell)
    return bytes(pdf.output())


@pytest.fixture(scope="session")
def table_pdf_rows() -> list[list[str]]:
    return [
        ["DATE", "CHARGE", "DISPOSITION"],
        ["2015-03-04", "PC 459 BURGLARY", "CONVICTED"],
        ["2018-11-20", "VC 23152(A) DUI", "DISMISSED"],
    ]


@pytest.fixture(scope="session")
def table_pdf(table_pdf_rows: list[list[str]]) -> bytes:
    return make_pdf(["RECORD OF ARRESTS AND PROSECUTIONS"], table=table_pdf_rows)
