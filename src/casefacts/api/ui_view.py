"""Pure helpers that turn a CaseFile into what the reviewer pages show."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, get_args
from urllib.parse import unquote, urlparse

from casefacts.schema import (
    CaseFile,
    CommunityTieFact,
    Disposition,
    EventFact,
    EventType,
    Fact,
    FactStatus,
    OffenseFact,
    OffenseLevel,
    PartialDate,
    SubjectFact,
    TieKind,
)

KINDS = (
    ("subject", "Subject"),
    ("offense", "Offenses"),
    ("event", "Events"),
    ("community_tie", "Community ties"),
)


@dataclass
class EditField:
    """One input of the correction form; ``kind`` is text, select, date (ISO, partial) or json."""

    name: str
    label: str
    kind: str
    value: str
    options: tuple[str, ...] = ()


@dataclass
class EvidenceNote:
    """Where one evidence came from, shown under its page."""

    extractor: str
    confidence: float
    explanation: str | None
    quote_matches: bool


@dataclass
class SourceView:
    """A page of a document with every span of one fact's evidence on it highlighted.

    ``segments`` is the page text cut into (text, highlighted) pieces.
    """

    document: str
    doc_kind: str
    page: int
    segments: list[tuple[str, bool]]
    notes: list[EvidenceNote]


@dataclass
class FactGroup:
    kind: str
    label: str
    facts: list[Fact] = field(default_factory=list)


def display_value(value: Any) -> str:
    """A field value as one line of text."""
    if value is None or value == [] or value == {}:
        return "—"
    if isinstance(value, PartialDate):
        return value.iso
    if isinstance(value, dict):
        return ", ".join(f"{k}={display_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(display_value(v) for v in value)
    if hasattr(value, "text") and isinstance(value.text, str):
        return value.text
    if hasattr(value, "scheme") and hasattr(value, "value"):
        return f"{value.scheme}: {value.value}"
    return str(value)


def fact_title(fact: Fact) -> str:
    if isinstance(fact, OffenseFact):
        return fact.charge
    if isinstance(fact, EventFact):
        return fact.event_type.replace("_", " ")
    if isinstance(fact, CommunityTieFact):
        return f"{fact.tie_kind.replace('_', ' ')}: {fact.text}"
    return fact.name or "subject identifiers"


def fact_fields(fact: Fact) -> list[tuple[str, str]]:
    """Label and value of the fields a reviewer checks, by kind."""
    names: tuple[str, ...]
    if isinstance(fact, OffenseFact):
        names = (
            "charge",
            "charge_normalized",
            "statute",
            "level",
            "disposition",
            "offense_date",
            "arrest_date",
            "disposition_date",
            "sentence",
            "docket",
        )
    elif isinstance(fact, EventFact):
        names = ("event_type", "date", "place")
    elif isinstance(fact, CommunityTieFact):
        names = ("tie_kind", "details", "text")
    else:
        names = ("name", "date_of_birth", "identifiers")
    rows = [(name.replace("_", " "), display_value(getattr(fact, name))) for name in names]
    if isinstance(fact, OffenseFact) and fact.category is not None:
        category = fact.category
        rows.append(
            (
                "category",
                "abstained"
                if category.abstained
                else f"{category.offense_type or '—'} ({(category.probability or 0):.0%})",
            )
        )
    rows.append(("status", fact.status))
    rows.append(("about", fact.about.who + (f" ({fact.about.relation})" if fact.about.relation else "")))
    return rows


def _iso(value: PartialDate | None) -> str:
    return value.iso if value is not None else ""


def _select(name: str, label: str, value: str, options: tuple[str, ...]) -> EditField:
    return EditField(name, label, "select", value, options)


def edit_fields(fact: Fact) -> list[EditField]:
    """The correction form of a fact, prefilled with its current values."""
    fields: list[EditField]
    if isinstance(fact, OffenseFact):
        fields = [
            EditField("charge", "charge", "text", fact.charge),
            EditField("charge_normalized", "normalized charge", "text", fact.charge_normalized or ""),
            _select("level", "level", fact.level, get_args(OffenseLevel)),
            _select("disposition", "disposition", fact.disposition, get_args(Disposition)),
            EditField("offense_date", "offense date", "date", _iso(fact.offense_date)),
            EditField("arrest_date", "arrest date", "date", _iso(fact.arrest_date)),
            EditField("disposition_date", "disposition date", "date", _iso(fact.disposition_date)),
            EditField("docket", "docket", "text", fact.docket or ""),
        ]
    elif isinstance(fact, EventFact):
        fields = [
            _select("event_type", "event", fact.event_type, get_args(EventType)),
            EditField("date", "date", "date", _iso(fact.date)),
            EditField("place", "place", "text", fact.place or ""),
        ]
    elif isinstance(fact, CommunityTieFact):
        fields = [
            _select("tie_kind", "tie", fact.tie_kind, get_args(TieKind)),
            EditField("text", "text", "text", fact.text),
            EditField("details", "details (JSON)", "json", json.dumps(fact.details)),
        ]
    else:
        assert isinstance(fact, SubjectFact)
        fields = [
            EditField("name", "name", "text", fact.name or ""),
            EditField("date_of_birth", "date of birth", "date", _iso(fact.date_of_birth)),
        ]
    return [
        *fields,
        _select("status", "status", fact.status, get_args(FactStatus)),
        _select("about.who", "whose fact", fact.about.who, ("subject", "other")),
        EditField("about.relation", "relation", "text", fact.about.relation or ""),
    ]


def document_label(source: str) -> str:
    """The file name of a document's source URI."""
    path = unquote(urlparse(source).path) or source
    return PurePosixPath(path).name or source


def highlight(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut into plain and highlighted pieces; overlapping spans merge."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        elif start < end:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in merged:
        pieces += [(text[position:start], False), (text[start:end], True)]
        position = end
    pieces.append((text[position:], False))
    return [piece for piece in pieces if piece[0]]


def source_views(case: CaseFile, fact: Fact) -> list[SourceView]:
    """The fact's evidence by page, in evidence order, spans highlighted in the page text."""
    documents = {doc.doc_id: doc for doc in case.documents}
    pages: dict[tuple[str, int], tuple[str, list[tuple[int, int]], list[EvidenceNote]]] = {}
    for ev in fact.evidence:
        doc = documents.get(ev.doc_id)
        page = next((p for p in doc.pages if p.number == ev.page), None) if doc else None
        text, span = (page.text, (ev.start, ev.end)) if page is not None else (ev.quote, (0, len(ev.quote)))
        entry = pages.setdefault((ev.doc_id, ev.page), (text, [], []))
        entry[1].append(span)
        entry[2].append(EvidenceNote(ev.extractor, ev.confidence, ev.explanation, text[span[0] : span[1]] == ev.quote))
    views = []
    for (doc_id, number), (text, spans, notes) in pages.items():
        doc = documents.get(doc_id)
        views.append(
            SourceView(
                document=document_label(doc.source) if doc else doc_id[:12],
                doc_kind=doc.doc_kind if doc else "?",
                page=number,
                segments=highlight(text, spans),
                notes=notes,
            )
        )
    return views


def group_facts(facts: list[Fact]) -> list[FactGroup]:
    """Facts by kind, in the order the page shows them (kinds without facts left out)."""
    groups = [FactGroup(kind, label) for kind, label in KINDS]
    by_kind = {group.kind: group for group in groups}
    for fact in facts:
        by_kind[fact.kind].facts.append(fact)
    return [group for group in groups if group.facts]


def display_order(facts: list[Fact]) -> list[Fact]:
    return [fact for group in group_facts(facts) for fact in group.facts]


def next_to_review(facts: list[Fact], current: str) -> str | None:
    """The next unreviewed fact after ``current`` in page order, wrapping; None when all are done."""
    ordered = display_order(facts)
    ids = [fact.fact_id for fact in ordered]
    start = ids.index(current) + 1 if current in ids else 0
    for fact in ordered[start:] + ordered[:start]:
        if fact.review_state == "unreviewed":
            return fact.fact_id
    return None


def audit_changes(before: Any, after: Any) -> list[tuple[str, str, str]]:
    """Field, old and new value of what an audit entry changed."""
    if isinstance(before, list) or isinstance(after, list):

        def outcomes(findings: Any) -> str:
            return ", ".join(f"{f.get('rule_id')}: {f.get('outcome')}" for f in findings or []) or "—"

        return [("findings", outcomes(before), outcomes(after))]
    before, after = before or {}, after or {}
    changes = []
    for key in sorted(set(before) | set(after)):
        if before.get(key) != after.get(key):
            changes.append((key, _short(before.get(key)), _short(after.get(key))))
    return changes


def _short(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict) and "iso" in value:
        return str(value["iso"])
    text = value if isinstance(value, str) else json.dumps(value)
    return text if len(text) <= 120 else text[:117] + "..."
