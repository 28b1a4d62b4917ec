"""Kill the flow process mid-run (SIGKILL), run again: every document is stored exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from flow_records import copy_fixture_cases, record_files

from casefacts.schema import content_hash
from casefacts.store import Store

CASES = [f"case_{n:03d}" for n in range(1, 13)]


def _saved_cases(store_url: str) -> int:
    store = Store(store_url)
    try:
        return store.list_cases(limit=1).total
    except Exception:  # the tables are not there yet
        return 0
    finally:
        store.close()


def test_a_killed_run_is_finished_by_the_next_one_without_duplicates(prefect_api: str,
                                                                      tmp_path: Path) -> None:
    from flows.record_review import record_review

    inbox, store_url = tmp_path / "inbox", f"sqlite:///{tmp_path / 'store.db'}"
    copy_fixture_cases(inbox, CASES)
    time.sleep(1.1)
    expected_docs = {content_hash(p.read_bytes()) for p in record_files(inbox)}
    command = [str(Path(sys.executable).parent / "casefacts"), "run", "record-review",
               "--source", f"folder:{inbox}", "--database-url", store_url, "--batch-docs", "3"]
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while _saved_cases(store_url) < 2:
            assert process.poll() is None, "the flow ended before it could be killed"
            assert time.monotonic() < deadline, "no case was saved in time"
            time.sleep(0.2)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the flow and its ingest workers
        process.wait()
    saved_before = _saved_cases(store_url)
    assert 2 <= saved_before < len(CASES)

    summary = record_review(source=f"folder:{inbox}", database_url=store_url, batch_docs=3)

    # Batches the killed run finished come back from Prefect's cache (as saved), cases it saved in an
    # unfinished batch are skipped, the rest are saved now.
    assert summary.cases_saved + summary.cases_skipped == len(CASES) and summary.cases_failed == 0
    store = Store(store_url)
    try:
        stored = {s.case_id: store.get_case(s.case_id) for s in store.list_cases(limit=100).items}
        audit = store.audit_log(limit=1000).items
    finally:
        store.close()
    assert sorted(stored) == CASES
    assert {d.doc_id for case in stored.values() for d in case.documents} == expected_docs
    for case_id, case in stored.items():
        assert sorted(d.source for d in case.documents) == sorted(
            p.resolve().as_uri() for p in (inbox / case_id).iterdir()), case_id
    saves = Counter((entry.case_id, entry.action) for entry in audit)
    assert all(saves[(case_id, "create_case")] == 1 for case_id in CASES)  # each case saved once
    assert not [key for key in saves if key[1] == "update_case"]  # and never saved again
