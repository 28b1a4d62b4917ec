"""Table helpers (pure): which column holds which field, and where a row's cells sit in the
page text.

pdfplumber gives a table as rows of cell strings and, separately, the page text in which the
same words appear line by line. Facts read from a row need both: the cell (``TableCell``) and a
character span of ``page.text`` that a reviewer can highlight.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

FIELDS = ("charge", "statute", "disposition", "arrest_date", "offense_date", "disposition_date", "date",
          "sentence", "level", "docket", "count", "agency")


def clean_cell(cell: str | None) -> str:
    """A cell's text on one line, without the stray spaces pdfplumber leaves."""
    return " ".join((cell or "").split())


def _header_key(cell: str | None) -> str:
    """"DISP. DATE:" -> "disp date"."""
    return re.sub(r"[\s_]+", " ", re.sub(r"[:*]+$", "", clean_cell(cell).lower().replace(".", ""))).strip()


class HeaderMap:
    """Maps column headers ("CHARGE", "DATE ARR", "COURT ACTION") to fact fields."""

    def __init__(self, rules: Iterable[tuple[str, str]]) -> None:
        self._rules = []
        for pattern, field in rules:
            if field not in FIELDS:
                raise ValueError(f"table header rule {pattern!r}: unknown field {field!r}")
            self._rules.append((re.compile(pattern, re.IGNORECASE), field))

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, str]]) -> HeaderMap:
        return cls((row["pattern"], row["field"]) for row in rows)

    def field_of(self, header: str | None) -> str | None:
        key = _header_key(header)
        return next((field for pattern, field in self._rules if pattern.search(key)), None) if key else None

    def columns(self, row: Sequence[str | None]) -> dict[int, str] | None:
        """Column -> field when ``row`` is a header row (two or more known headers, one a charge)."""
        mapping = {i: f for i, cell in enumerate(row) if (f := self.field_of(cell)) is not None}
        fields = list(mapping.values())
        if len(mapping) < 2 or "charge" not in fields:
            return None
        # The first column claiming a field keeps it; a second "date" column is a disposition date.
        seen: set[str] = set()
        result = {}
        for i, field in sorted(mapping.items()):
            if field == "date" and "date" in seen:
                field = "disposition_date"
            if field in seen and field != "date":
                continue
            seen.add(field)
            result[i] = field
        return result


@dataclass(frozen=True)
class CellSpan:
    column: int
    start: int
    end: int


def _words_pattern(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)")


SEARCH_WINDOW = 3000  # characters after the cursor where a row's cells may be


def locate_cells(text: str, row: Sequence[str | None], cursor: int = 0) -> list[CellSpan]:
    """Where each non-empty cell of ``row`` occurs in ``text``, searching forward from ``cursor``.

    A cell that wraps onto several lines interleaves with its neighbours in the page text; then
    its first line is located instead, and a cell not found at all is left out.
    """
    spans: list[CellSpan] = []
    position = cursor
    limit = min(len(text), cursor + SEARCH_WINDOW)
    for column, cell in enumerate(row):
        lines = [line.split() for line in (cell or "").strip().splitlines() if line.split()]
        if not lines:
            continue
        match = _words_pattern([w for line in lines for w in line]).search(text, position, limit)
        if match is None and len(lines) > 1:
            match = _words_pattern(lines[0]).search(text, position, limit)
        if match is None:
            continue
        spans.append(CellSpan(column, match.start(), match.end()))
        position = match.end()
    return spans
