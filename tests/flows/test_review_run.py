"""The record-review logic without Prefect: batches, cache keys, skipping, quarantine, watermarks."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from flow_records import LETTER, MALFORMED, RAP, write_case
from sqlalchemy.exc import OperationalError

import casefacts.review_run as rr
from casefacts.sources import FolderSource, JsonFileWatermarks, Record, RecordCase
from casefacts.store import Store

VERSIONS = '{"extractors": ["x@1"]}'


def _case(case_id: str | None, *texts: str) -> RecordCase:
    return RecordCase(case_id, tuple(Record(case_id, f"r{n}.txt", f"test://{case_id}/{n}", t.encode())
                                     for n, t in enumerate(texts)))


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = Store(url)
    store.upgrade()
    store.close()
    return url


# ---------------------------------------------------------------------- planning and keys


def test_batches_hold_whole_cases_of_about_the_given_size() -> None:
    cases = [_case("a", "1", "2", "3"), _case("b", "4"), _case("c", "5", "6"), _case("d", "7", "8", "9")]

    def ids(batches: list[list[RecordCase]]) -> list[list[str | None]]:
        return [[c.case_id for c in batch] for batch in batches]

    assert ids(rr.plan_batches(cases, batch_docs=4)) == [["a", "b"], ["c"], ["d"]]
    assert ids(rr.plan_batches(cases, batch_docs=1)) == [["a"], ["b"], ["c"], ["d"]]
    assert rr.plan_batches([], 4) == []
    with pytest.raises(ValueError):
        rr.plan_batches(cases, 0)


def test_batch_key_follows_content_versions_and_store(tmp_path: Path) -> None:
    batch = [_case("a", RAP, LETTER)]
    key = rr.batch_key(batch, VERSIONS, "sqlite:///x.db")
    assert key == rr.batch_key([_case("a", RAP, LETTER)], VERSIONS, "sqlite:///x.db")
    assert key != rr.batch_key([_case("a", RAP, LETTER + " ")], VERSIONS, "sqlite:///x.db")
    assert key != rr.batch_key(batch, '{"extractors": ["x@2"]}', "sqlite:///x.db")
    assert key != rr.batch_key(batch, VERSIONS, "sqlite:///y.db")
    assert key != rr.batch_key(batch, VERSIONS, "sqlite:///x.db", reprocess=True)


def test_store_identity_hides_passwords_and_pins_sqlite_paths(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    assert "s3cret" not in rr.store_identity("postgresql+psycopg://app:s3cret@db/cases")
    monkeypatch.chdir(tmp_path)
    assert rr.store_identity("sqlite:///store.db") == f"sqlite:///{tmp_path / 'store.db'}"


def test_unnamed_cases_get_the_id_the_pipeline_derives() -> None:
    from casefacts.pipeline import derived_case_id
    from casefacts.schema import Document, IngestStatus, content_hash

    case = _case(None, RAP)
    doc = Document(doc_id=content_hash(RAP.encode()), source="x", media_type="text/plain", n_bytes=1,
                   ingest_status=IngestStatus(status="ok"))
    assert rr.case_id_of(case) == derived_case_id([doc])


def test_transient_errors_are_told_apart() -> None:
    assert rr.is_transient(OperationalError("SELECT 1", {}, Exception("server closed the connection")))
    assert rr.is_transient(TimeoutError())
    assert not rr.is_transient(ValueError("bad input"))


# ---------------------------------------------------------------------- one batch


def test_a_batch_is_saved_with_sources_and_ids_only_in_the_result(store_url: str) -> None:
    result = rr.review_batch([_case("c-1", RAP, LETTER), _case("c-2", LETTER)], store_url)
    assert [(c.case_id, c.status, len(c.doc_ids)) for c in result.cases] == [("c-1", "saved", 2),
                                                                               ("c-2", "saved", 1)]
    assert result.cases[0].n_facts > 0
    text = result.model_dump_json()
    assert "BURGLARY" not in text and "bakery" not in text  # ids and counts only
    store = Store(store_url)
    saved = store.get_case("c-1")
    store.close()
    assert sorted(d.source for d in saved.documents) == ["test://c-1/0", "test://c-1/1"]
    assert any(f.kind == "offense" for f in saved.facts)


def test_saved_cases_are_skipped_unless_reprocessed(store_url: str) -> None:
    batch = [_case("c-1", RAP, LETTER)]
    rr.review_batch(batch, store_url)
    assert [c.status for c in rr.review_batch(batch, store_url).cases] == ["skipped"]
    grown = [_case("c-1", RAP, LETTER, "Third record: a court disposition.")]
    assert [c.status for c in rr.review_batch(grown, store_url).cases] == ["saved"]
    assert [c.status for c in rr.review_batch(grown, store_url, reprocess=True).cases] == ["saved"]
    store = Store(store_url)
    audit = [e.action for e in store.audit_log("c-1").items]
    store.close()
    assert audit.count("create_case") == 1 and audit.count("update_case") == 1  # re-saving changed nothing


def test_a_document_that_breaks_the_pipeline_is_quarantined_alone(store_url: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    real = rr.process_cases

    def fragile(cases, **kwargs):
        if any(b"EXPLODE" in path.read_bytes() for case in cases for path in case.files):
            raise RuntimeError("an extractor bug")
        return real(cases, **kwargs)

    monkeypatch.setattr(rr, "process_cases", fragile)
    batch = [_case("bad", RAP, "EXPLODE here"), _case("good", LETTER), _case("worst", "EXPLODE")]
    result = rr.review_batch(batch, store_url)
    by_id = {c.case_id: c for c in result.cases}
    assert {k: v.status for k, v in by_id.items()} == {"bad": "saved", "good": "saved", "worst": "saved"}
    assert len(by_id["bad"].quarantined) == 1 and by_id["good"].quarantined == []
    store = Store(store_url)
    bad = store.get_case("bad")
    store.close()
    statuses = sorted((d.ingest_status.status, d.ingest_status.error_type) for d in bad.documents)
    assert statuses == [("ok", None), ("quarantined", "ExtractionError")]
    assert bad.facts  # the good document of the case was still read


def test_malformed_files_are_quarantined_and_counted(store_url: str) -> None:
    names = ["truncated.pdf", "random_bytes.bin", "zero_bytes.pdf", "good.txt"]
    case = RecordCase("mixed", tuple(Record("mixed", n, f"test://{n}", (MALFORMED / n).read_bytes())
                                     for n in names))
    [result] = rr.review_batch([case], store_url).cases
    assert result.status == "saved" and len(result.doc_ids) == 4
    assert len(result.quarantined) == 3


def test_a_transient_store_error_fails_the_batch_for_a_retry(store_url: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable(self, case, user="system"):
        raise OperationalError("INSERT ...", {}, Exception("could not connect to server"))

    monkeypatch.setattr(Store, "save_case", unreachable)
    with pytest.raises(OperationalError):
        rr.review_batch([_case("c-1", LETTER)], store_url)


# ---------------------------------------------------------------------- whole runs


def test_runs_pick_up_only_what_is_new(tmp_path: Path, store_url: str) -> None:
    inbox = tmp_path / "inbox"
    write_case(inbox, "case-a", {"rap.txt": RAP, "letter.txt": LETTER})
    write_case(inbox, "case-b", {"letter.txt": LETTER.replace("John", "Maria")})
    time.sleep(0.05)
    source, marks = FolderSource(inbox, settle_s=0), JsonFileWatermarks(tmp_path / "wm.json")
    first = rr.process_new_records(source, store_url, marks, batch_docs=2)
    assert (first.new_records, first.cases_saved, first.documents, first.batches) == (3, 2, 3, 2)
    assert json.loads(marks.get(source.key))["path"] in {"case-a/rap.txt", "case-a/letter.txt",
                                                         "case-b/letter.txt"}
    assert rr.process_new_records(source, store_url, marks).new_records == 0
    write_case(inbox, "case-b", {"court.txt": "Court disposition: case dismissed on 2021-02-03."})
    time.sleep(0.05)
    third = rr.process_new_records(source, store_url, marks)
    assert (third.new_records, third.cases_saved, third.documents) == (1, 1, 2)
    store = Store(store_url)
    assert len(store.get_case("case-b").documents) == 2
    store.close()


def test_a_pull_limit_makes_several_pulls(tmp_path: Path, store_url: str) -> None:
    inbox = tmp_path / "inbox"
    for n in range(3):
        write_case(inbox, f"case-{n}", {"letter.txt": LETTER.replace("John", f"Person {n}")})
    time.sleep(0.05)
    summary = rr.process_new_records(FolderSource(inbox, settle_s=0), store_url,
                                     JsonFileWatermarks(tmp_path / "wm.json"), pull_limit=1)
    assert (summary.pulls, summary.cases_saved) == (3, 3)
