"""What every record source hands the pipeline: complete cases of raw records, and a watermark.

A source answers one question: which cases changed since a watermark? It returns every record
of each such case (not only the new ones), because a case file is built from all of its
documents together. Watermarks are opaque strings that only the source that made them reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol, runtime_checkable

from casefacts.errors import CasefactsError
from casefacts.schema import content_hash

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class SourceError(CasefactsError):
    """A source answered with something unusable (a malformed page, a missing field)."""


class SourceUnavailable(SourceError):
    """A source could not be reached or kept failing after its retries: try again later."""


@dataclass(frozen=True)
class Record:
    """One raw record: a file's bytes and where they came from."""

    case_id: str | None
    name: str
    uri: str
    data: bytes = field(repr=False)

    @cached_property
    def sha256(self) -> str:
        """The ``doc_id`` its document will get."""
        return content_hash(self.data)

    @property
    def safe_name(self) -> str:
        """A file name to materialize the record under (keeps the extension, drops path parts)."""
        name = _UNSAFE.sub("_", self.name.rsplit("/", 1)[-1]).strip("._")
        return name or "record"


@dataclass(frozen=True)
class RecordCase:
    """Every record of one case. ``case_id`` None: the pipeline derives it from the documents."""

    case_id: str | None
    records: tuple[Record, ...]

    @property
    def doc_ids(self) -> list[str]:
        return sorted({record.sha256 for record in self.records})


@dataclass(frozen=True)
class Pull:
    """The answer of a source: changed cases, how many records were new, and the next watermark.

    ``exhausted`` is False when ``limit`` cut the answer short: pull again from ``watermark``.
    """

    cases: list[RecordCase]
    n_new: int
    watermark: str | None
    exhausted: bool = True


@runtime_checkable
class RecordSource(Protocol):
    """A place records come from: a folder inbox, a SQL table, an HTTP endpoint."""

    @property
    def key(self) -> str:
        """Stable identity of the source (its kind and location, no secrets): the watermark's name."""
        ...

    def pull(self, watermark: str | None, limit: int | None = None) -> Pull:
        """Cases with a record newer than ``watermark`` (None: everything), at most ``limit`` new records."""
        ...
