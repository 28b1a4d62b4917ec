from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from casefacts.sources import FolderSource

TICK = 0.05  # longer than the coarse clock that stamps files


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _inbox(root: Path) -> Path:
    _write(root / "case-a" / "rap.txt", "rap sheet a")
    _write(root / "case-a" / "letter.txt", "letter a")
    _write(root / "case-b" / "rap.txt", "rap sheet b")
    _write(root / "loose.txt", "a record of its own")
    _write(root / "case-a" / "rap.txt.gold.json", "{}")
    _write(root / ".partial" / "x.txt", "hidden folder")
    _write(root / "case-b" / ".~lock.txt", "hidden file")
    time.sleep(TICK)
    return root


def _names(pull) -> dict[str | None, list[str]]:
    return {case.case_id: sorted(r.name for r in case.records) for case in pull.cases}


def test_first_pull_returns_every_case_and_loose_file(tmp_path: Path) -> None:
    pull = FolderSource(_inbox(tmp_path), settle_s=0).pull(None)
    assert pull.n_new == 4 and pull.exhausted
    assert _names(pull) == {"case-a": ["letter.txt", "rap.txt"], "case-b": ["rap.txt"], None: ["loose.txt"]}
    rap = next(r for c in pull.cases if c.case_id == "case-a" for r in c.records if r.name == "rap.txt")
    assert rap.data == b"rap sheet a" and rap.uri == (tmp_path / "case-a" / "rap.txt").resolve().as_uri()


def test_next_pull_returns_the_changed_case_whole(tmp_path: Path) -> None:
    source = FolderSource(_inbox(tmp_path), settle_s=0)
    first = source.pull(None)
    assert source.pull(first.watermark).cases == []
    _write(tmp_path / "case-b" / "disposition.txt", "court record b")
    time.sleep(TICK)
    second = source.pull(first.watermark)
    assert second.n_new == 1
    assert _names(second) == {"case-b": ["disposition.txt", "rap.txt"]}


def test_a_copy_keeping_an_old_mtime_is_new(tmp_path: Path) -> None:
    source = FolderSource(_inbox(tmp_path / "inbox"), settle_s=0)
    first = source.pull(None)
    old = _write(tmp_path / "elsewhere" / "old.txt", "an old record")
    os.utime(old, (978307200, 978307200))  # 2001-01-01
    shutil.copy2(old, tmp_path / "inbox" / "case-a" / "old.txt")
    time.sleep(TICK)
    assert _names(source.pull(first.watermark)) == {"case-a": ["letter.txt", "old.txt", "rap.txt"]}


def test_limit_pages_through_every_record(tmp_path: Path) -> None:
    source, watermark, names, pulls = FolderSource(_inbox(tmp_path), settle_s=0), None, set(), 0
    while True:
        pull = source.pull(watermark, limit=1)
        pulls += 1
        assert pull.n_new == 1
        names |= {(case.case_id, r.name) for case in pull.cases for r in case.records}
        watermark = pull.watermark
        if pull.exhausted:
            break
    assert pulls == 4  # one record per pull; the last one knows nothing is left
    assert names == {("case-a", "letter.txt"), ("case-a", "rap.txt"), ("case-b", "rap.txt"),
                     (None, "loose.txt")}


def test_fresh_files_wait_until_they_settle(tmp_path: Path) -> None:
    _inbox(tmp_path)
    assert FolderSource(tmp_path, settle_s=60).pull(None).n_new == 0
    assert FolderSource(tmp_path, settle_s=0).pull(None).n_new == 4


def test_key_names_the_resolved_folder(tmp_path: Path) -> None:
    assert FolderSource(tmp_path / "x" / "..").key == f"folder:{tmp_path.resolve()}"
