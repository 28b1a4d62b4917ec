"""``ingest_paths`` / ``ingest_file`` / ``ingest_bytes``: limits, identity and bad paths."""

from __future__ import annotations

import hashlib
from pathlib import Path

from casefacts.config import Settings
from casefacts.ingest import Ingestor, ingest_blobs, ingest_bytes, ingest_file, ingest_paths

from .conftest import make_pdf


def test_the_byte_limit_is_checked_before_reading(tmp_path: Path, malformed_dir: Path) -> None:
    good = malformed_dir / "good.pdf"
    size = good.stat().st_size
    settings = Settings(max_bytes=size - 1)
    document = ingest_file(good, settings)
    status = document.ingest_status
    assert (status.status, status.error_type) == ("quarantined", "LimitExceeded")
    assert status.reason == f"the document has {size} bytes, over the limit of {size - 1} bytes"
    assert document.doc_id == hashlib.sha256(good.read_bytes()).hexdigest()
    assert document.n_bytes == size and document.pages == []
    assert ingest_file(good, Settings(max_bytes=size)).ingest_status.status == "ok"


def test_the_byte_limit_applies_to_text_and_to_bytes() -> None:
    settings = Settings(max_bytes=10)
    assert ingest_bytes(b"just ten b", "a.txt", settings).ingest_status.status == "ok"
    over = ingest_bytes(b"eleven byte", "a.txt", settings).ingest_status
    assert (over.status, over.error_type) == ("quarantined", "LimitExceeded")


def test_the_page_limit(tmp_path: Path) -> None:
    path = tmp_path / "three.pdf"
    path.write_bytes(make_pdf(["one", "two", "three"]))
    over = ingest_file(path, Settings(max_pages=2)).ingest_status
    assert (over.status, over.error_type) == ("quarantined", "LimitExceeded")
    assert "3 pages, over the limit of 2" in over.reason
    assert ingest_file(path, Settings(max_pages=3)).ingest_status.status == "ok"


def test_the_time_limit_quarantines_a_slow_pdf_and_the_batch_goes_on(tmp_path: Path) -> None:
    slow, quick = tmp_path / "slow.pdf", tmp_path / "quick.txt"
    slow.write_bytes(make_pdf(["A long page of words. " * 40] * 10))  # ~0.3 s of parsing
    quick.write_text("fine")
    settings = Settings(document_timeout_s=0.05)
    documents = ingest_paths([slow, quick, slow], settings, workers=1)
    assert [d.ingest_status.reason for d in documents] == [
        "parsing timed out after 0.05 s", None, "parsing timed out after 0.05 s"]


def test_reingesting_the_same_bytes_gives_an_identical_document(malformed_dir: Path) -> None:
    paths = [malformed_dir / name for name in ("good.pdf", "mixed_scan.pdf", "good.txt", "latin1.txt")]
    first, second = ingest_paths(paths), ingest_paths(paths)
    assert [d.model_dump() for d in first] == [d.model_dump() for d in second]


def test_bytes_and_file_give_the_same_document_but_for_the_source(malformed_dir: Path) -> None:
    path = malformed_dir / "mixed_scan.pdf"
    from_file = ingest_file(path)
    from_bytes = ingest_bytes(path.read_bytes(), path.resolve().as_uri())
    assert from_bytes == from_file
    assert from_file.doc_id == hashlib.sha256(path.read_bytes()).hexdigest()


def test_blobs_keep_their_order() -> None:
    documents = ingest_blobs([(make_pdf(["first"]), "sql://docs/1"), (b"second", "sql://docs/2"),
                              (make_pdf(["third"]), "sql://docs/3")])
    assert [d.source for d in documents] == ["sql://docs/1", "sql://docs/2", "sql://docs/3"]
    assert [d.pages[0].text for d in documents] == ["first", "second", "third"]


def test_unreadable_paths_are_quarantined_not_raised(tmp_path: Path) -> None:
    missing, folder = tmp_path / "missing.pdf", tmp_path / "folder"
    folder.mkdir()
    documents = ingest_paths([missing, folder])
    for document in documents:
        status = document.ingest_status
        assert (status.status, status.error_type) == ("quarantined", "IngestError")
        assert status.reason.startswith("the file cannot be read")
    assert documents[0].source == missing.resolve().as_uri()
    assert "No such file" in documents[0].ingest_status.reason


def test_an_empty_batch() -> None:
    assert ingest_paths([]) == []


def test_an_ingestor_keeps_its_workers_across_batches(malformed_dir: Path) -> None:
    good, bomb = malformed_dir / "good.pdf", malformed_dir / "flate_bomb.pdf"
    with Ingestor(Settings(max_memory_mb=256), workers=1) as ingestor:
        first = ingestor.paths([good])
        second = ingestor.blobs([(good.read_bytes(), "sql://docs/1")])
        assert ingestor.pool.started == 1
        third = ingestor.paths([bomb, good])  # the flate bomb costs only itself
        assert ingestor.pool.started == 2  # its worker was replaced
    assert first[0].pages == second[0].pages == third[1].pages
    assert third[0].ingest_status.reason == "parsing exceeded the 256 MB memory limit"
    assert third[1].ingest_status.status == "ok"
