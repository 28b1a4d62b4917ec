"""Where the watermark of each source is kept between runs.

``JsonFileWatermarks`` keeps them in one JSON file (one machine); the Prefect flows keep them
in Prefect variables instead, shared by every worker of a Prefect server
(``flows.record_review.PrefectVariableWatermarks``). Both are keyed by ``RecordSource.key``.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class WatermarkStore(Protocol):
    def get(self, key: str) -> str | None: ...

    def set(self, key: str, watermark: str) -> None: ...


@dataclass(frozen=True)
class JsonFileWatermarks:
    """``{source key: watermark}`` in a JSON file, rewritten atomically under a lock file."""

    path: Path

    def get(self, key: str) -> str | None:
        return self._read().get(key)

    def set(self, key: str, watermark: str) -> None:
        with self._locked():
            data = self._read()
            data[key] = watermark
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=2, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)

    def _read(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(self.path.name + ".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
