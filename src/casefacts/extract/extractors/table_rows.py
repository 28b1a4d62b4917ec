"""Charges read from tables: one offense per row of a rap-sheet or court table.

The header row says which column holds which field (``extractors/table_headers.csv``: CHARGE /
OFFENSE DESCRIPTION, STATUTE, DISPOSITION / COURT ACTION, DATE ARR, DISP DATE, SENTENCE, ...).
A table without a header continues the previous table's columns (a table broken over pages).
What a table leaves out comes from the text around it:

* "LABEL: value" fields between the previous table and this one (a rap-sheet cycle header:
  "ARREST DATE: 2021/10/01", "Case No.: 08CR39341"), or anywhere on a court page;
* statements about counts ("As to Count 1, the defendant is sentenced to 90 days ...",
  "pleaded guilty to count(s) 1"), or about the only charge of a court judgment.

Evidence names the cell (table, row, charge column) and the row's span in the page text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from spacy.tokens import Doc, Span

from casefacts.extract.base import ExtractionContext, span_status
from casefacts.extract.dates import parse_date
from casefacts.extract.merge import DISPOSITION_RANK, DISTINCT_FLAG
from casefacts.extract.resources import Resources
from casefacts.extract.tables import CellSpan, clean_cell, locate_cells
from casefacts.schema import OffenseFact, PartialDate, Sentence, TableCell

COLUMNS_NOTE = "table_columns"
_FIELD = re.compile(r"(?P<label>[A-Z][A-Za-z' /.&#()]{0,40}?)\s*:\s*(?P<value>.+?)"
                    r"(?=\s+[A-Z][A-Z' /.&#]{1,40}:|\s{2,}|$)", re.MULTILINE)
_COUNT_REF = re.compile(r"\b(?:as to |on )?counts?(?:\(s\))?\s*(?:no\.?\s*)?(?P<numbers>\d+(?:\s*(?:,|and|&)\s*\d+)*)",
                        re.IGNORECASE)
_SENTENCE_CUE = re.compile(r"\b(?:sentenced|imprisoned|committed to the custody|probation|term of|fine of|"
                           r"ordered to pay|jail|prison)\b", re.IGNORECASE)


@dataclass
class _Row:
    fields: dict[str, str]
    cells: dict[str, int]
    row_index: int
    table_index: int
    spans: list[CellSpan] = field(default_factory=list)


def field_pairs(text: str) -> list[tuple[str, str, int]]:
    """("LABEL", "value", value offset) for every "LABEL: value" in ``text``."""
    return [(m.group("label").strip(), m.group("value").strip(), m.start("value")) for m in _FIELD.finditer(text)]


class TableRowExtractor:
    name: ClassVar[str] = "table_rows"
    version: ClassVar[str] = "1.0"

    def __init__(self, resources: Resources) -> None:
        self.r = resources
        self._dispositions = [(re.compile(row["pattern"], re.IGNORECASE), row["disposition"])
                              for row in resources.rows["disposition_values"]]
        self._levels = [(re.compile(row["pattern"], re.IGNORECASE), row["level"])
                        for row in resources.rows["level_values"]]

    # ------------------------------------------------------------------ mapping

    def disposition_of(self, value: str) -> str | None:
        return next((d for pattern, d in self._dispositions if pattern.search(value)), None) if value else None

    def level_of(self, value: str) -> str | None:
        value = value.strip()
        return next((lv for pattern, lv in self._levels if pattern.search(value)), None) if value else None

    # ------------------------------------------------------------------ extract

    def extract(self, doc: Doc, context: ExtractionContext) -> list[OffenseFact]:
        text = context.page.text
        facts: list[OffenseFact] = []
        cursor = 0
        page_fields = self._fields(text, 0, len(text))
        for table in context.page.tables:
            header_at, columns = self._columns(table.rows, context)
            if columns is None:
                continue
            start_cursor = cursor
            if header_at >= 0:
                header_spans = locate_cells(text, table.rows[header_at], cursor)
                if header_spans:
                    cursor = header_spans[0].end
                    start_cursor = header_spans[0].start
                    context.claimed.append((header_spans[0].start, header_spans[-1].end))
            cycle = self._fields(text, context.notes.get("table_end", 0), start_cursor)
            if not cycle and header_at < 0:
                cycle = context.notes.get("cycle_fields", {})
            context.notes["cycle_fields"] = cycle
            rows = []
            for i, raw in enumerate(table.rows[header_at + 1:], start=header_at + 1):
                row = self._row(raw, columns, i, table.index)
                if row is None:
                    continue
                row.spans = locate_cells(text, raw, cursor)
                if row.spans:
                    cursor = row.spans[0].end
                    context.claimed.append((min(s.start for s in row.spans), max(s.end for s in row.spans)))
                rows.append(row)
            if rows and rows[-1].spans:
                context.notes["table_end"] = max(s.end for s in rows[-1].spans)
            facts.extend(self._facts(rows, columns, cycle, page_fields, doc, context))
        return facts

    def _columns(self, rows: Sequence[Sequence[str | None]], context: ExtractionContext
                 ) -> tuple[int, dict[int, str] | None]:
        for i, row in enumerate(rows[:3]):
            columns = self.r.headers.columns(row)
            if columns is not None:
                context.notes[COLUMNS_NOTE] = (len(row), columns)
                return i, columns
        previous = context.notes.get(COLUMNS_NOTE)
        if previous and rows and len(rows[0]) == previous[0]:
            return -1, previous[1]
        return -1, None

    def _row(self, raw: Sequence[str | None], columns: Mapping[int, str], index: int, table: int) -> _Row | None:
        fields = {name: clean_cell(raw[i]) for i, name in columns.items() if i < len(raw)}
        if not fields.get("charge") or self.r.headers.field_of(fields["charge"]) == "charge":
            return None
        return _Row(fields=fields, cells={name: i for i, name in columns.items()}, row_index=index, table_index=table)

    def _fields(self, text: str, start: int, end: int) -> dict[str, tuple[str, int]]:
        found: dict[str, tuple[str, int]] = {}
        for label, value, offset in field_pairs(text[start:end]):
            name = self.r.headers.field_of(label) or _extra_field(label)
            if name and name not in found:
                found[name] = (value, start + offset)
        return found

    # -------------------------------------------------------------------- facts

    def _facts(self, rows: list[_Row], columns: Mapping[int, str], cycle: Mapping[str, tuple[str, int]],
               page_fields: Mapping[str, tuple[str, int]], doc: Doc, context: ExtractionContext) -> list[OffenseFact]:
        has = set(columns.values())
        statements = self._count_statements(doc, context, len(rows))
        facts = []
        for row in rows:
            f = row.fields
            count = _int(f.get("count"))
            notes: list[str] = [f"row {row.row_index} of table {row.table_index}"]
            disposition = self.disposition_of(f.get("disposition", ""))
            arrest = parse_date(f.get("arrest_date")) or _date_field(cycle, "arrest_date")
            offense = parse_date(f.get("offense_date")) or _date_field(cycle, "offense_date")
            disp_date = parse_date(f.get("disposition_date"))
            generic = parse_date(f.get("date"))
            if generic is not None:
                if arrest is None and "disposition" not in has:
                    arrest = generic
                else:
                    disp_date = disp_date or generic
            if disposition is None and "disposition" in has and not f.get("disposition"):
                disposition = "arrested" if arrest is not None else None
            sentence = self.r.sentences.parse(f["sentence"], assume_custody=True) if f.get("sentence") else None
            for stmt in statements.get(count, []) + statements.get(None, []):
                if disposition is None and stmt.disposition:
                    disposition = stmt.disposition
                    notes.append(f"disposition from {stmt.text!r}")
                convicted = DISPOSITION_RANK.get(disposition or "", 0) in (4, 5)
                if sentence is None and stmt.sentence is not None and convicted:
                    sentence = stmt.sentence
                    notes.append("sentence from the text about the count")
            if disposition is not None and disp_date is None and DISPOSITION_RANK[disposition] >= 4:
                disp_date = _date_field(page_fields, "disposition_date")
            if offense is None and "offense_date" in page_fields and not has & {"offense_date"}:
                offense = _date_field(page_fields, "offense_date")
            statute = self.r.statutes.parse_cell(f["statute"]) if f.get("statute") else None
            if statute is None:
                found = self.r.statutes.find(f["charge"])
                statute = found[0].statute if found else None
            level = self.level_of(f.get("level", "")) or self._level_in(f["charge"])
            docket = f.get("docket") or (cycle.get("docket") or page_fields.get("docket") or (None, 0))[0]
            facts.append(self._fact(row, context, disposition or "unknown", statute, level, offense, arrest,
                                    disp_date, sentence, docket, notes, doc))
        return facts

    def _level_in(self, charge: str) -> str:
        m = re.search(r"\b(felony|fel|misdemeanou?r|misd|infraction)\b", charge, re.IGNORECASE)
        return self.level_of(m.group(1)) or "unknown" if m else "unknown"

    def _fact(self, row: _Row, context: ExtractionContext, disposition: str, statute: Any, level: str,
              offense: PartialDate | None, arrest: PartialDate | None, disp_date: PartialDate | None,
              sentence: Sentence | None, docket: str | None, notes: list[str], doc: Doc) -> OffenseFact:
        charge = row.fields["charge"]
        if row.spans:
            start, end = min(s.start for s in row.spans), max(s.end for s in row.spans)
        else:
            start = end = 0
            notes.append("row not located in the page text")
        confidence = 0.72 + 0.08 * (statute is not None) + 0.08 * (disposition != "unknown") \
            + 0.04 * (arrest is not None or offense is not None or disp_date is not None) - 0.2 * (not row.spans)
        cell = TableCell(table=row.table_index, row=row.row_index, column=row.cells.get("charge"))
        evidence = context.evidence(self, start, end, confidence, "; ".join(notes), table_cell=cell)
        span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
        status = span_status(doc, span, ("negated",)) if isinstance(span, Span) else "affirmed"
        return OffenseFact(
            fact_id=context.fact_id("offense", start, end) if end > start else
            context.fact_id("offense", row.table_index * 1000 + row.row_index, 0),
            charge=charge, charge_normalized=self.r.charges.normalize(charge), statute=statute,
            level=level, disposition=disposition, offense_date=offense, arrest_date=arrest,
            disposition_date=disp_date, sentence=sentence, docket=docket or None, status=status,
            confidence=evidence.confidence, evidence=[evidence], flags=[DISTINCT_FLAG])

    # ------------------------------------------------------- statements about counts

    def _count_statements(self, doc: Doc, context: ExtractionContext, n_rows: int) -> dict[int | None, list[Any]]:
        """Sentences of the page, outside tables, that state a disposition or sentence of counts."""
        found: dict[int | None, list[Any]] = {}
        dispo_spans = [s for s in doc.spans.get("casefacts", []) if s.label_ == "DISPO"] \
            if "casefacts" in doc.spans else []
        offense_spans = [s for s in doc.spans["casefacts"] if s.label_ == "OFFENSE"] if "casefacts" in doc.spans else []
        for sent in doc.sents:
            if context.is_claimed(sent.start_char, sent.end_char):
                continue
            if any(sent.start <= s.start < sent.end for s in offense_spans):
                continue  # a sentence naming its own offense is the text extractor's
            refs = _COUNT_REF.search(sent.text)
            numbers = [int(n) for n in re.findall(r"\d+", refs.group("numbers"))] if refs else []
            if not numbers and n_rows != 1:
                continue
            cues = [s for s in dispo_spans if sent.start <= s.start < sent.end
                    and span_status(doc, s) == "affirmed"]
            disposition = max((s.id_ for s in cues), key=lambda d: DISPOSITION_RANK.get(d, 0), default=None)
            sentence = self.r.sentences.parse(sent.text) if _SENTENCE_CUE.search(sent.text) else None
            if disposition is None and sentence is None:
                continue
            statement = _Statement(sent.text.strip(), disposition, sentence)
            for key in numbers or [None]:
                found.setdefault(key, []).append(statement)
            context.claimed.append((sent.start_char, sent.end_char))
        return found


@dataclass(frozen=True)
class _Statement:
    text: str
    disposition: str | None
    sentence: Sentence | None


_EXTRA_FIELDS = [
    (re.compile(r"^(?:date of imposition of judgment|date of judgment|judgment date|sentencing date|"
                r"date of sentencing|date sentenced)$", re.IGNORECASE), "disposition_date"),
    (re.compile(r"^(?:earliest event date)$", re.IGNORECASE), "arrest_date"),
    (re.compile(r"^(?:arrest case number|case number|case no\.?)$", re.IGNORECASE), "docket"),
]


def _extra_field(label: str) -> str | None:
    return next((name for pattern, name in _EXTRA_FIELDS if pattern.search(label.strip())), None)


def _date_field(fields: Mapping[str, tuple[str, int]], name: str) -> PartialDate | None:
    value = fields.get(name)
    return parse_date(value[0]) if value else None


def _int(value: str | None) -> int | None:
    m = re.match(r"\s*0*(\d+)", value or "")
    return int(m.group(1)) if m else None
