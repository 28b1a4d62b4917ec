"""Case assembly: the facts of one case's documents become one CaseFile (pure functions).

* The same offense seen in several documents (a rap-sheet row and a court disposition) is
  one fact with several evidences. Two mentions are the same offense when they are about the
  same person, their charges read alike (or share a statute section), and no date they both
  state differs. Dispositions that disagree are not resolved: the merged fact keeps the
  first-seen value and carries a ``conflict:disposition`` flag naming every value seen.
* Events merge on (type, date, whose); ties on (kind, relation/details); subject facts
  are merged into ``CaseFile.subject``.
* The timeline lists every dated event and offense date, sorted by date.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from casefacts.config import CONFIDENCE_THRESHOLD
from casefacts.schema import (
    CaseFile,
    CaseReview,
    CommunityTieFact,
    Document,
    EventFact,
    Fact,
    Identifier,
    OffenseFact,
    PartialDate,
    Subject,
    SubjectFact,
    TimelineEntry,
    review_flags,
)
from casefacts.textnorm import charge_similarity

OFFENSE_DATE_FIELDS = ("offense_date", "arrest_date", "disposition_date")
# Dispositions that describe the same outcome at different levels of detail.
_COMPATIBLE = {frozenset({"convicted", "pleaded_guilty"}), frozenset({"charged", "arrested"})}
_SPECIFICITY = ["unknown", "arrested", "charged", "pending", "convicted", "pleaded_guilty",
                "dismissed", "acquitted", "vacated", "expunged"]


def _dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Unknown agrees with anything; a coarser date agrees with a finer one inside it."""
    if a is None or b is None:
        return True
    short, long_ = sorted((a.iso, b.iso), key=len)
    return long_.startswith(short)


def same_offense(a: OffenseFact, b: OffenseFact) -> bool:
    if a.about.who != b.about.who:
        return False
    if not all(_dates_agree(getattr(a, f), getattr(b, f)) for f in OFFENSE_DATE_FIELDS):
        return False
    if a.docket and b.docket and a.docket != b.docket:
        return False
    if a.statute and b.statute and a.statute.section and a.statute.section == b.statute.section:
        return True
    names_a = [a.charge, a.charge_normalized or ""]
    names_b = [b.charge, b.charge_normalized or ""]
    return max(charge_similarity(x, y) for x in names_a for y in names_b if x and y) >= 0.8


def _finer(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None or b is None:
        return a or b
    return a if len(a.iso) >= len(b.iso) else b


def _merge_offense(base: OffenseFact, other: OffenseFact) -> OffenseFact:
    update: dict = {
        "evidence": base.evidence + other.evidence,
        "confidence": max(base.confidence, other.confidence),
        "flags": list(dict.fromkeys(base.flags + other.flags)),
    }
    for name in OFFENSE_DATE_FIELDS:
        update[name] = _finer(getattr(base, name), getattr(other, name))
    for name in ("statute", "sentence", "docket", "charge_normalized", "category"):
        if getattr(base, name) is None:
            update[name] = getattr(other, name)
    if base.level == "unknown":
        update["level"] = other.level
    a, b = base.disposition, other.disposition
    if a != b and "unknown" not in (a, b):
        if frozenset({a, b}) in _COMPATIBLE:
            update["disposition"] = max(a, b, key=_SPECIFICITY.index)
        else:
            seen = sorted({a, b} | _flagged_dispositions(base.flags))
            update["flags"] = [f for f in update["flags"] if not f.startswith("conflict:disposition")]
            update["flags"].append("conflict:disposition=" + "|".join(seen))
    elif a == "unknown":
        update["disposition"] = b
    return base.model_copy(update=update)


def _flagged_dispositions(flags: list[str]) -> set[str]:
    for flag in flags:
        if flag.startswith("conflict:disposition="):
            return set(flag.split("=", 1)[1].split("|"))
    return set()


def _event_key(f: EventFact) -> tuple:
    return (f.event_type, f.date.iso if f.date else None, f.about.who)


def _tie_key(f: CommunityTieFact) -> tuple:
    return (f.tie_kind, tuple(sorted((k, str(v)) for k, v in f.details.items())))


def merge_facts(facts: Sequence[Fact]) -> list[Fact]:
    """Merge the same fact seen in several documents into one fact with several evidences."""
    merged: list[Fact] = []
    keyed: dict[tuple, int] = {}
    for fact in facts:
        if isinstance(fact, OffenseFact):
            for i, existing in enumerate(merged):
                if isinstance(existing, OffenseFact) and same_offense(existing, fact):
                    merged[i] = _merge_offense(existing, fact)
                    break
            else:
                merged.append(fact)
            continue
        if isinstance(fact, EventFact):
            key = ("event", *_event_key(fact))
        elif isinstance(fact, CommunityTieFact):
            key = ("tie", *_tie_key(fact))
        else:
            merged.append(fact)
            continue
        if key in keyed:
            existing = merged[keyed[key]]
            merged[keyed[key]] = existing.model_copy(update={
                "evidence": existing.evidence + fact.evidence,
                "confidence": max(existing.confidence, fact.confidence),
            })
        else:
            keyed[key] = len(merged)
            merged.append(fact)
    return merged


def most_cited_date(dates: Sequence[PartialDate]) -> PartialDate | None:
    """The date stated most often; among equally cited ones, the most precise, then the first seen."""
    if not dates:
        return None
    counts = Counter(d.iso for d in dates)
    return max(dates, key=lambda d: (counts[d.iso], len(d.iso)))


def merge_subject(facts: Sequence[Fact]) -> Subject | None:
    """The person as the subject facts describe them; the most-cited name wins."""
    subjects = [f for f in facts if isinstance(f, SubjectFact) and f.status != "negated"]
    if not subjects:
        return None
    names = [s.name for s in subjects if s.name]
    dobs = [s.date_of_birth for s in subjects if s.date_of_birth]
    identifiers: dict[tuple[str, str], Identifier] = {}
    for s in subjects:
        for ident in s.identifiers:
            identifiers.setdefault((ident.scheme, ident.value), ident)
    return Subject(
        name=max(names, key=names.count) if names else None,
        date_of_birth=most_cited_date(dobs),
        identifiers=list(identifiers.values()),
        fact_ids=[s.fact_id for s in subjects],
    )


_DATE_LABELS = {"offense_date": "Offense", "arrest_date": "Arrest", "disposition_date": "Disposition"}


def build_timeline(facts: Sequence[Fact]) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    for fact in facts:
        if fact.status in ("negated", "hypothetical"):
            continue
        if isinstance(fact, OffenseFact):
            for name, label in _DATE_LABELS.items():
                when = getattr(fact, name)
                if when is None:
                    continue
                detail = f" ({fact.disposition.replace('_', ' ')})" if name == "disposition_date" else ""
                entries.append(TimelineEntry(date=when, label=f"{label}: {fact.charge}{detail}",
                                             fact_id=fact.fact_id, kind="offense", about=fact.about.who))
        elif isinstance(fact, EventFact) and fact.date is not None:
            label = fact.event_type.replace("_", " ").capitalize()
            label += f" at {fact.place}" if fact.place else ""
            entries.append(TimelineEntry(date=fact.date, label=label, fact_id=fact.fact_id,
                                         kind="event", about=fact.about.who))
        elif isinstance(fact, CommunityTieFact) and isinstance(fact.details.get("since"), int):
            entries.append(TimelineEntry(date=PartialDate(year=fact.details["since"]),
                                         label=f"{fact.tie_kind.replace('_', ' ').capitalize()} since",
                                         fact_id=fact.fact_id, kind="community_tie"))
    return sorted(entries, key=lambda e: (e.date.sort_key(), e.label))


def flag_low_confidence(facts: Sequence[Fact], threshold: float) -> list[Fact]:
    return [
        f.model_copy(update={"flags": [*f.flags, "low_confidence"]})
        if f.confidence < threshold and "low_confidence" not in f.flags else f
        for f in facts
    ]


def review_summary(facts: Sequence[Fact]) -> CaseReview:
    reviewed = sum(f.review_state != "unreviewed" for f in facts)
    state = "unreviewed" if reviewed == 0 else "reviewed" if reviewed == len(facts) else "in_review"
    return CaseReview(
        state=state, facts_total=len(facts), facts_reviewed=reviewed,
        needs_attention=[f.fact_id for f in facts if review_flags(f.flags) and f.review_state == "unreviewed"],
    )


def assemble_case(case_id: str, documents: Sequence[Document], facts: Sequence[Fact],
                  confidence_threshold: float = CONFIDENCE_THRESHOLD) -> CaseFile:
    """One CaseFile from a case's documents (quarantined ones included) and extracted facts."""
    merged = flag_low_confidence(merge_facts(facts), confidence_threshold)
    return CaseFile(
        case_id=case_id,
        subject=merge_subject(merged),
        documents=list(documents),
        facts=merged,
        timeline=build_timeline(merged),
        review=review_summary(merged),
    )
