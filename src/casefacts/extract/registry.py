"""The extractors, in the order they run on a page: one line each.

Names are versioned (``casefacts.<name>.v<major>``); ``tests/extract/registry_snapshot.json``
holds the expected list, so an extractor cannot disappear silently. Table rows run before the
text extractors, which skip the page text the rows claimed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from casefacts.extract.base import Extractor
from casefacts.extract.extractors.events import EventExtractor
from casefacts.extract.extractors.offenses import OffenseTextExtractor
from casefacts.extract.extractors.subject import SubjectExtractor
from casefacts.extract.extractors.table_rows import TableRowExtractor
from casefacts.extract.extractors.ties import TieExtractor
from casefacts.extract.resources import Resources, load_resources

EXTRACTORS: dict[str, Callable[[Resources], Extractor]] = {
    "casefacts.subject.v1": lambda r: SubjectExtractor(r.config("subject_fields")),
    "casefacts.table_rows.v1": TableRowExtractor,
    "casefacts.offenses.v1": OffenseTextExtractor,
    "casefacts.events.v1": EventExtractor,
    "casefacts.ties.v1": TieExtractor,
}


def registered_names() -> list[str]:
    return list(EXTRACTORS)


@lru_cache(maxsize=4)
def _build(directory: Path) -> tuple[Extractor, ...]:
    resources = load_resources(directory)
    return tuple(factory(resources) for factory in EXTRACTORS.values())


def build_extractors(resources: Resources) -> tuple[Extractor, ...]:
    """One instance of every registered extractor, compiled from ``resources`` (cached)."""
    return _build(resources.directory)
