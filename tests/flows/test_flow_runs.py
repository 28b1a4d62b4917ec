"""The Prefect flows over each record source, on the local and the Dask task runners."""

from __future__ import annotations

import json
import shutil
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from flow_records import FIXTURE_CASES, MALFORMED, copy_fixture_cases, record_files
from sources.recordserver import RecordServerState, record_server
from sqlalchemy import Column, DateTime, Integer, LargeBinary, MetaData, String, Table, create_engine, insert

from casefacts.pipeline import is_record_file
from casefacts.store import Store

CASES = ["case_002", "case_004", "case_005"]  # PDFs and text, several documents per case
BAD = ["truncated.pdf", "encrypted.pdf", "random_bytes.bin", "zero_bytes.pdf"]


def _stored(store_url: str) -> dict[str, list[str]]:
    store = Store(store_url)
    try:
        return {s.case_id: sorted(d.doc_id for d in store.get_case(s.case_id).documents)
                for s in store.list_cases(limit=1000).items}
    finally:
        store.close()


def _expected(cases: list[str]) -> dict[str, list[str]]:
    from casefacts.schema import content_hash

    return {case: sorted({content_hash(p.read_bytes()) for p in (FIXTURE_CASES / case).iterdir()
                          if is_record_file(p)}) for case in cases}


def test_folder_source_end_to_end_incremental_and_weekly_report(prefect_api: str, tmp_path: Path) -> None:
    from flows.record_review import record_review
    from flows.weekly_report import weekly_report

    inbox, store_url = tmp_path / "inbox", f"sqlite:///{tmp_path / 'store.db'}"
    copy_fixture_cases(inbox, CASES)
    (inbox / "malformed").mkdir()
    for name in BAD:
        shutil.copyfile(MALFORMED / name, inbox / "malformed" / name)
    time.sleep(1.1)  # the folder source leaves files younger than a second for the next pull
    summary = record_review(source=f"folder:{inbox}", database_url=store_url, batch_docs=4)
    assert summary.new_records == len(record_files(inbox))
    assert (summary.cases_saved, summary.cases_failed, summary.documents_quarantined) == (4, 0, len(BAD))
    stored = _stored(store_url)
    assert {k: v for k, v in stored.items() if k != "malformed"} == _expected(CASES)
    assert len(stored["malformed"]) == len(BAD)
    again = record_review(source=f"folder:{inbox}", database_url=store_url, batch_docs=4)
    assert (again.new_records, again.cases_saved) == (0, 0)

    paths = weekly_report(out_dir=str(tmp_path / "reports"), week_of=date.today(), database_url=store_url)
    report = json.loads(Path(paths["json"]).read_text())
    assert sorted(row["case_id"] for row in report["rows"]) == sorted([*CASES, "malformed"])
    assert report["trend"][-1]["received"] == 4 and Path(paths["html"]).read_text().count("<svg") == 4


def test_sql_source(prefect_api: str, tmp_path: Path) -> None:
    from flows.record_review import record_review

    records_url, store_url = f"sqlite:///{tmp_path / 'records.db'}", f"sqlite:///{tmp_path / 'store.db'}"
    engine = create_engine(records_url)
    table = Table("records", MetaData(), Column("id", Integer, primary_key=True),
                  Column("case_id", String(40)), Column("name", String(200)), Column("content", LargeBinary),
                  Column("updated_at", DateTime))
    table.create(engine)
    t0 = datetime(2024, 5, 1, tzinfo=UTC)
    files = [(c, p) for c in CASES for p in sorted((FIXTURE_CASES / c).iterdir()) if is_record_file(p)]
    rows = [{"case_id": case, "name": p.name, "content": p.read_bytes(),
             "updated_at": t0 + timedelta(minutes=n)} for n, (case, p) in enumerate(files)]
    with engine.begin() as connection:
        connection.execute(insert(table), rows)
    engine.dispose()
    summary = record_review(source=f"sql:{records_url}#records", database_url=store_url,
                            watermarks=str(tmp_path / "wm.json"))
    assert summary.new_records == len(rows) and summary.cases_saved == 3
    assert _stored(store_url) == _expected(CASES)


def test_http_source(prefect_api: str, tmp_path: Path) -> None:
    from flows.record_review import record_review

    state = RecordServerState()
    t0 = datetime(2024, 5, 1, tzinfo=UTC)
    files = [(c, p) for c in CASES for p in sorted((FIXTURE_CASES / c).iterdir()) if is_record_file(p)]
    for n, (case, path) in enumerate(files):
        state.add(f"r{n:03d}", case, path.name, path.read_bytes(), (t0 + timedelta(minutes=n)).isoformat(),
                  inline=n % 2 == 0)
    state.faults = [503]  # the first request fails: the source retries it
    store_url = f"sqlite:///{tmp_path / 'store.db'}"
    with record_server(state) as url:
        summary = record_review(source=url, database_url=store_url)
    assert summary.new_records == len(files) and summary.cases_saved == 3
    assert _stored(store_url) == _expected(CASES)


def test_dask_runner_with_two_local_workers(prefect_api: str, tmp_path: Path) -> None:
    from flows.record_review import record_review

    inbox, store_url = tmp_path / "inbox", f"sqlite:///{tmp_path / 'store.db'}"
    copy_fixture_cases(inbox, CASES)
    time.sleep(1.1)
    summary = record_review(source=f"folder:{inbox}", database_url=store_url, batch_docs=3,
                            runner="dask", dask_workers=2, watermarks=str(tmp_path / "wm.json"))
    assert summary.batches >= 2 and summary.cases_saved == 3
    assert _stored(store_url) == _expected(CASES)


def test_finished_batches_come_from_the_cache(prefect_api: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.record_review as module

    inbox, store_url = tmp_path / "inbox", f"sqlite:///{tmp_path / 'store.db'}"
    copy_fixture_cases(inbox, CASES[:2])
    time.sleep(1.1)
    calls: list[int] = []
    real = module.review_batch

    def counted(batch, *args, **kwargs):
        calls.append(len(batch))
        return real(batch, *args, **kwargs)

    monkeypatch.setattr(module, "review_batch", counted)
    run = {"source": f"folder:{inbox}", "database_url": store_url, "batch_docs": 2, "reprocess": True}
    first = module.record_review(watermarks=str(tmp_path / "wm-1.json"), **run)
    n_batches = len(calls)
    # the same records again, from a fresh watermark
    second = module.record_review(watermarks=str(tmp_path / "wm-2.json"), **run)
    assert n_batches == first.batches >= 2
    assert len(calls) == n_batches  # no batch ran again: each result came from the cache
    assert second.cases_saved == first.cases_saved == 2
