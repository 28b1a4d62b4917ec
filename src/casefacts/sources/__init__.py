"""Record sources: where new records come from (a folder inbox, a SQL table, an HTTP endpoint).

``source_from_spec`` turns the one-line form used by the CLI and the flows into a source:

- ``folder:PATH`` (or a bare path): a folder inbox, the default;
- ``sql:URL#TABLE``: a table of records at a SQLAlchemy URL (``TABLE`` defaults to ``records``);
  ``sql:env:NAME#TABLE`` reads the URL from the environment variable ``NAME``, so that a
  password never becomes a flow parameter stored by Prefect;
- ``http://...`` / ``https://...``: a paged JSON endpoint.
"""

from __future__ import annotations

import os
from pathlib import Path

from casefacts.sources.base import (
    Pull,
    Record,
    RecordCase,
    RecordSource,
    SourceError,
    SourceUnavailable,
)
from casefacts.sources.folder import FolderSource
from casefacts.sources.http import HttpSource
from casefacts.sources.sql import SqlColumns, SqlSource
from casefacts.sources.watermarks import JsonFileWatermarks, WatermarkStore


def source_from_spec(spec: str) -> RecordSource:
    """The source a spec names (see the module docstring)."""
    if spec.startswith(("http://", "https://")):
        return HttpSource(spec)
    if spec.startswith("sql:"):
        url, _, table = spec.removeprefix("sql:").partition("#")
        if url.startswith("env:"):
            name = url.removeprefix("env:")
            if name not in os.environ:
                raise ValueError(f"{spec!r}: the environment variable {name} is not set")
            url = os.environ[name]
        if not url:
            raise ValueError(f"{spec!r}: give a database URL after 'sql:'")
        return SqlSource(url, table=table or "records")
    return FolderSource(Path(spec.removeprefix("folder:")))


__all__ = [
    "FolderSource", "HttpSource", "JsonFileWatermarks", "Pull", "Record", "RecordCase", "RecordSource",
    "SourceError", "SourceUnavailable", "SqlColumns", "SqlSource", "WatermarkStore", "source_from_spec",
]
