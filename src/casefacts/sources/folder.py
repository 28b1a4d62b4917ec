"""A folder inbox: one subfolder per case, or loose files that are each a case of their own.

New means: a file whose status-change time (``ctime``) is after the watermark. The kernel sets
it whenever a file is created, written, copied or moved in, even when the copy keeps an old
modification time (``cp -p``, ``rsync -t``), and nobody can set it to another value. Files
changed less than ``settle_s`` ago wait for the next pull: they may still be being written,
and the clock that stamps files is coarse (milliseconds), so a file stamped in the same tick
as the newest one taken could otherwise be passed over. A subfolder with one new file is
returned whole, since its case file is rebuilt from all of its documents.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from casefacts.pipeline import is_record_file
from casefacts.sources.base import Pull, Record, RecordCase

Stamp = tuple[int, str]  # (change time in ns, path relative to the root)


@dataclass(frozen=True)
class FolderSource:
    """Records under ``root``; files changed in the last ``settle_s`` seconds wait for the next pull."""

    root: Path
    settle_s: float = 1.0

    @property
    def key(self) -> str:
        return f"folder:{self.root.resolve()}"

    def pull(self, watermark: str | None, limit: int | None = None) -> Pull:
        after = _decode(watermark)
        cutoff = time.time_ns() - int(self.settle_s * 1e9)
        stamped = sorted((stamp, path) for path, stamp in self._files() if stamp[0] <= cutoff)
        new = [(stamp, path) for stamp, path in stamped if after is None or stamp > after]
        exhausted = limit is None or len(new) <= limit
        new = new if exhausted else new[:limit]
        if not new:
            return Pull(cases=[], n_new=0, watermark=watermark)
        groups: dict[Path, None] = {}
        for _, path in new:
            groups.setdefault(self._case_dir(path) or path, None)
        cases = [self._case(group) for group in groups]
        return Pull(cases=cases, n_new=len(new), watermark=_encode(new[-1][0]), exhausted=exhausted)

    def _files(self) -> Iterator[tuple[Path, Stamp]]:
        root = self.root.resolve()
        for path in root.rglob("*"):
            if any(part.startswith(".") for part in path.relative_to(root).parts) or not is_record_file(path):
                continue
            stat = path.stat()
            yield path, (stat.st_ctime_ns, path.relative_to(root).as_posix())

    def _case_dir(self, path: Path) -> Path | None:
        """The case folder of a file: the first-level subfolder holding it (None for a loose file)."""
        relative = path.relative_to(self.root.resolve())
        return self.root.resolve() / relative.parts[0] if len(relative.parts) > 1 else None

    def _case(self, group: Path) -> RecordCase:
        if group.is_file():
            return RecordCase(case_id=None, records=(_record(group, None),))
        files = sorted(p for p in group.rglob("*") if is_record_file(p)
                       and not any(part.startswith(".") for part in p.relative_to(group).parts))
        return RecordCase(case_id=group.name, records=tuple(_record(p, group.name) for p in files))


def _record(path: Path, case_id: str | None) -> Record:
    return Record(case_id=case_id, name=path.name, uri=path.as_uri(), data=path.read_bytes())


def _encode(stamp: Stamp) -> str:
    return json.dumps({"ctime_ns": stamp[0], "path": stamp[1]})


def _decode(watermark: str | None) -> Stamp | None:
    if watermark is None:
        return None
    data = json.loads(watermark)
    return int(data["ctime_ns"]), str(data["path"])
