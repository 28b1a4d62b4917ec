"""Consumer redaction of subject identifiers, keeping every character offset valid.

The subject, the subject facts' name, date of birth and identifiers go; every place they
appear in the text (subject-fact evidence spans, and any other occurrence of the name, its
words, the identifiers or the date of birth in pages, tables, quotes, labels and sources) is
masked character for character, so evidence offsets still point at the same places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import TypeAdapter

from casefacts.schema import CaseFile, Document, Evidence, Fact, PartialDate, SubjectFact, Table

MASK = "\u2588"
_FACT = TypeAdapter(Fact)
# Fact fields holding ids and vocabulary values, never free text about the person.
_STRUCTURAL = frozenset(
    {
        "fact_id",
        "kind",
        "status",
        "review_state",
        "level",
        "disposition",
        "event_type",
        "tie_kind",
        "who",
        "iso",
        "precision",
        "flags",
        "model",
        "offense_type",
        "code",
    }
)


def _date_forms(dob: PartialDate | None) -> list[str]:
    if dob is None or dob.day is None or dob.month is None:
        return []
    y, m, d = dob.year, dob.month, dob.day
    return [
        f"{y:04d}-{m:02d}-{d:02d}",
        f"{m:02d}/{d:02d}/{y:04d}",
        f"{m}/{d}/{y:04d}",
        f"{m:02d}-{d:02d}-{y:04d}",
        f"{m:02d}/{d:02d}/{y % 100:02d}",
        f"{y:04d}{m:02d}{d:02d}",
    ]


def identifying_terms(case: CaseFile) -> list[str]:
    """Strings that identify the subject: names and their words, identifiers, date of birth."""
    names: list[str | None] = []
    values: list[str] = []
    dobs: list[PartialDate | None] = []
    if case.subject is not None:
        names.append(case.subject.name)
        values += [identifier.value for identifier in case.subject.identifiers]
        dobs.append(case.subject.date_of_birth)
    for fact in case.facts:
        if isinstance(fact, SubjectFact):
            names.append(fact.name)
            values += [identifier.value for identifier in fact.identifiers]
            dobs.append(fact.date_of_birth)
    terms: set[str] = set()
    for name in filter(None, names):
        terms.add(name)
        terms.update(word for word in re.findall(r"[^\W\d_][\w'\-]*", name) if len(word) >= 2)
    for value in values:
        terms.add(value)
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 6:
            terms.add(digits)
    for dob in dobs:
        terms.update(_date_forms(dob))
    return sorted((t for t in terms if t.strip()), key=len, reverse=True)


class Redactor:
    """Masks the terms (whole words, any case) and given spans of a text, length for length."""

    def __init__(self, terms: Iterable[str]) -> None:
        alternation = "|".join(re.escape(term) for term in terms)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE) if alternation else None

    def mask(self, text: str, spans: Iterable[tuple[int, int]] = ()) -> str:
        chars = list(text)
        ranges = list(spans)
        if self._pattern is not None:
            ranges += [match.span() for match in self._pattern.finditer(text)]
        for start, end in ranges:
            for i in range(max(start, 0), min(end, len(chars))):
                if not chars[i].isspace():
                    chars[i] = MASK
        return "".join(chars)


def redact_case(case: CaseFile) -> CaseFile:
    """The case as a consumer without the identifiers grant sees it."""
    redactor = Redactor(identifying_terms(case))
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for fact in case.facts:
        if isinstance(fact, SubjectFact):
            for ev in fact.evidence:
                spans.setdefault((ev.doc_id, ev.page), []).append((ev.start, ev.end))
    texts: dict[tuple[str, int], tuple[str, str]] = {}
    documents = [_redact_document(doc, redactor, spans, texts) for doc in case.documents]
    facts = [_redact_fact(fact, redactor, texts) for fact in case.facts]
    timeline = [entry.model_copy(update={"label": redactor.mask(entry.label)}) for entry in case.timeline]
    findings = [f.model_copy(update={"explanation": redactor.mask(f.explanation)}) for f in case.findings]
    return case.model_copy(
        update={
            "subject": None,
            "documents": documents,
            "facts": facts,
            "timeline": timeline,
            "findings": findings,
        }
    )


def _redact_document(
    doc: Document,
    redactor: Redactor,
    spans: dict[tuple[str, int], list[tuple[int, int]]],
    texts: dict[tuple[str, int], tuple[str, str]],
) -> Document:
    pages = []
    for page in doc.pages:
        masked = redactor.mask(page.text, spans.get((doc.doc_id, page.number), []))
        texts[(doc.doc_id, page.number)] = (page.text, masked)
        tables = [
            Table(
                index=t.index,
                bbox=t.bbox,
                rows=[[redactor.mask(cell) if cell is not None else None for cell in row] for row in t.rows],
            )
            for t in page.tables
        ]
        pages.append(page.model_copy(update={"text": masked, "tables": tables}))
    return doc.model_copy(update={"pages": pages, "source": redactor.mask(doc.source)})


def _redact_evidence(
    ev: Evidence, redactor: Redactor, texts: dict[tuple[str, int], tuple[str, str]]
) -> Evidence:
    original, masked = texts.get((ev.doc_id, ev.page), (None, None))
    if original is not None and masked is not None and original[ev.start : ev.end] == ev.quote:
        quote = masked[ev.start : ev.end]
    else:
        quote = redactor.mask(ev.quote)
    return ev.model_copy(update={"quote": quote})


def _mask_strings(value: Any, redactor: Redactor) -> Any:
    if isinstance(value, str):
        return redactor.mask(value)
    if isinstance(value, list):
        return [_mask_strings(item, redactor) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in _STRUCTURAL else _mask_strings(item, redactor) for key, item in value.items()
        }
    return value


def _redact_fact(fact: Fact, redactor: Redactor, texts: dict[tuple[str, int], tuple[str, str]]) -> Fact:
    data = _mask_strings(fact.model_dump(mode="json", exclude={"evidence"}), redactor)
    data["evidence"] = [_redact_evidence(ev, redactor, texts).model_dump(mode="json") for ev in fact.evidence]
    if isinstance(fact, SubjectFact):
        data.update(name=None, date_of_birth=None, identifiers=[])
    return _FACT.validate_python(data)
