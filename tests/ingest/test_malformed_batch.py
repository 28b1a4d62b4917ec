"""Every committed malformed fixture through one ``ingest_paths`` batch (issue 3, item 3)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from casefacts.gold import gold_path_for, load_gold
from casefacts.schema import Document
from fixtures.malformed_gen import CASES

EXPECTED_ERROR = {case.name: case.error_type for case in CASES}


def test_every_fixture_has_a_gold_file_and_a_case(malformed_files: list[Path]) -> None:
    assert sorted(p.name for p in malformed_files) == sorted(EXPECTED_ERROR)
    for path in malformed_files:
        assert load_gold(gold_path_for(path)).file == path.name


def test_each_document_gets_the_status_its_gold_file_expects(
    malformed_files: list[Path], malformed_batch: dict[str, Document]
) -> None:
    for path in malformed_files:
        gold = load_gold(gold_path_for(path))
        status = malformed_batch[path.name].ingest_status
        assert status.status == gold.expect_status, (path.name, status)
        assert status.error_type == EXPECTED_ERROR[path.name], (path.name, status)
        if status.status != "ok":
            assert status.reason and status.reason.strip(), path.name


def test_good_files_in_the_same_batch_come_out_whole(malformed_batch: dict[str, Document]) -> None:
    pdf, text = malformed_batch["good.pdf"], malformed_batch["good.txt"]
    assert [p.number for p in pdf.pages] == [1, 2]
    assert pdf.pages[0].text.startswith("To whom it may concern:")
    assert pdf.pages[1].text == "Page two.\nSincerely,\nA. Neighbor"
    assert pdf.pages[0].width == 612 and pdf.pages[0].height == 792
    assert text.pages[0].text.startswith("Carta de apoyo para José Núñez\nTo whom")
    assert "\r" not in text.pages[0].text and not text.pages[0].text.startswith("\ufeff")


def test_documents_carry_hash_source_size_and_media_type(
    malformed_files: list[Path], malformed_batch: dict[str, Document]
) -> None:
    media = {".pdf": "application/pdf", ".txt": "text/plain"}
    for path in malformed_files:
        document, data = malformed_batch[path.name], path.read_bytes()
        assert document.doc_id == hashlib.sha256(data).hexdigest()
        assert document.n_bytes == len(data)
        assert document.source == path.resolve().as_uri()
        assert document.doc_kind == "other"
        if path.name in {"zero_bytes.pdf", "not_a_pdf.pdf", "random_bytes.bin"}:
            assert document.media_type == "application/octet-stream", path.name
        else:
            assert document.media_type == media[path.suffix], path.name
        if document.ingest_status.status == "quarantined":
            assert document.pages == [], path.name


def test_what_pdfminer_does_with_each_broken_xref(malformed_batch: dict[str, Document]) -> None:
    """Junk xref offsets with a bogus ``startxref`` make pdfminer rescan the file for objects.

    With the trailer left intact the rescan finds ``/Root`` and the PDF reads normally (ok,
    same text as the control); without a trailer it finds no ``/Root`` and we quarantine.
    """
    repaired, control = malformed_batch["repaired_xref.pdf"], malformed_batch["good.pdf"]
    assert [p.text for p in repaired.pages] == [p.text for p in control.pages]
    assert "No /Root object" in malformed_batch["corrupt_xref.pdf"].ingest_status.reason


def test_reasons_say_what_went_wrong(malformed_batch: dict[str, Document]) -> None:
    reason = {name: document.ingest_status.reason or "" for name, document in malformed_batch.items()}
    assert reason["flate_bomb.pdf"] == "parsing exceeded the 1024 MB memory limit"
    assert "password" in reason["encrypted.pdf"]
    assert "truncated" in reason["truncated.pdf"]
    assert "byte offset 9" in reason["latin1.txt"]
    assert "no pages" in reason["zero_pages.pdf"]
    assert "0 bytes" in reason["zero_bytes.pdf"]
    assert "not a PDF" in reason["not_a_pdf.pdf"]
    assert reason["image_only.pdf"] == "no page has a text layer (image-only: page 1)"
    assert reason["mixed_scan.pdf"] == "page 2 is image-only (no text layer, not OCRed)"
