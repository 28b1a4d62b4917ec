"""Within one document, one fact per thing mentioned: mentions merge, evidences accumulate.

* Offenses from prose merge with an earlier offense of the same person whose charge reads
  the same (normalized; "homicide" reads as "murder") and whose dates do not disagree; the
  disposition that is furthest along ("pleaded guilty" over "arrested") wins. Table rows and form blocks are distinct
  charges and never merge with each other, nor do two occurrences the text tells apart ("a prior illegal reentry
  conviction" and the illegal reentry now before the court; "his second illegal re-entry" and "his first").
* Events merge on (type, whose, date), a removal or entry told coarser ("in 1991" after "on May 17, 1991")
  agreeing; an undated mention of an event type is the same occurrence as the first mention of that type for
  that person (a release says "ERO apprehended him" and
  then "officers arrested the 41-year-old March 21": one apprehension; not so "ERO previously arrested him", nor
  a voluntary return beside a removal, nor the Border Patrol's apprehension beside ERO's), and an undated first
  arrest takes the date of the next dated one ("recently arrested by police ... On March 28, 2024,
  police arrested him"); an undated entry and an undated unlawful entry are one unlawful entry. Ties merge on (kind,
  relation); subject facts into one.
Cross-document merging is case assembly's job (``casefacts.assemble``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from casefacts.schema import CommunityTieFact, EventFact, Fact, OffenseFact, PartialDate, SubjectFact
from casefacts.textnorm import normalize_text

# How far along a case a disposition is; a later mention of the same offense moves it forward.
DISPOSITION_RANK = {"unknown": 0, "arrested": 1, "charged": 2, "pending": 3, "convicted": 4,
                    "pleaded_guilty": 5, "dismissed": 6, "acquitted": 6, "vacated": 7, "expunged": 7}
CLEARED = frozenset({"dismissed", "acquitted", "vacated", "expunged"})  # outcomes that undo a charge or conviction
DATE_FIELDS = ("offense_date", "arrest_date", "disposition_date")
DISTINCT_FLAG = "source:table_row"
_LIST_GAP = 6  # characters at most between two items of a list (", ", " and ", "; or ")
REPEAT_FLAG = "occurrence:repeat"  # "deported a third time": one more occurrence, even undated
OCCURRENCE_FLAG = "occurrence:"  # "occurrence:prior", "occurrence:second": which occurrence of a charge
PRIOR_FLAG = OCCURRENCE_FLAG + "prior"  # "had previously been deported": an earlier occurrence, undated
VOLUNTARY_FLAG = OCCURRENCE_FLAG + "voluntary_return"  # "USBP granted him a voluntary return to Mexico": a removal of
# its own, not the one the release tells ("ERO removed him"), though both be undated
BORDER_FLAG = "agent:border"  # "U.S. Border Patrol apprehended him" at the border: not ERO's arrest the release tells
_SAME_KILLING = {"homicide": "murder", "homicides": "murders"}
_OTHER_KILLING = re.compile(r"\b(?:vehicular|negligent|reckless|justifiable|manslaughter|intoxication)\b")
# An undated first mention of these is the occurrence a later dated one tells ("recently arrested by police ... On
# March 28, 2024, police arrested him"); not so a removal ("ICE removes X" is today's, "previously removed in 2010"
# another), unless the undated mention tells a prior one ("he had previously been deported ... deported in 2008").
_DATED_LATER = frozenset({"arrest"})
# A dated mention of these and a coarser one that agrees are one occurrence (not so arrests: "arrested on April 12,
# 2016 ... Back in 2016, he was arrested" are two).
_TOLD_COARSER = frozenset({"removal", "entry", "unlawful_entry", "reentry"})
_OUTCOMES = frozenset({"convicted", "pleaded_guilty"})
_REENTRY = re.compile(r"\breent\w*")
_RE_PREFIX = re.compile(r"\bre (entr(?:y|ies)|enter\w*)\b")  # "re-entry" and "reentry" are one word
_INCHOATE = re.compile(r"\b(?:conspiracy|conspiring|attempt(?:ed)?|solicitation|accessory|aiding)\b")


def combine_confidence(values: Sequence[float]) -> float:
    """Independent evidences: 1 - prod(1 - c), capped below certainty."""
    remaining = 1.0
    for value in values:
        remaining *= 1.0 - value
    return round(min(0.99, 1.0 - remaining), 3)


def _dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    short, long_ = sorted((a.iso, b.iso), key=len)
    return long_.startswith(short)


def _finer(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None or b is None:
        return a or b
    return a if len(a.iso) >= len(b.iso) else b


def _charge_key(fact: OffenseFact) -> str:
    """The charge as compared ("re-entry" is "reentry"); "homicide" and "murder" name one killing ("wanted for
    aggravated homicide ... the Dec. 16, 2011 murder"), unless a qualifier makes another crime of it ("vehicular
    homicide")."""
    key = _RE_PREFIX.sub(r"re\1", normalize_text(fact.charge_normalized or fact.charge))
    if _OTHER_KILLING.search(key):
        return key
    return " ".join(_SAME_KILLING.get(word, word) for word in key.split())


def same_offense(a: OffenseFact, b: OffenseFact) -> bool:
    if DISTINCT_FLAG in a.flags and DISTINCT_FLAG in b.flags:
        return False
    if a.about != b.about or not all(_dates_agree(getattr(a, f), getattr(b, f)) for f in DATE_FIELDS):
        return False
    if _occurrence(a) != _occurrence(b):
        return False  # "his second illegal re-entry" is not "his first prosecution for illegal re-entry"
    ka, kb = _charge_key(a), _charge_key(b)
    if ka != kb and _listed_together(a, b):
        return False  # "on charges of aggravated rape, rape, intimidation of a witness": two items of one list
    if "pending" in (a.disposition, b.disposition) and {a.disposition, b.disposition} & _OUTCOMES:
        return False  # "convicted of illegal reentry with a pending illegal reentry charge": a new case
    if bool(_INCHOATE.search(ka)) != bool(_INCHOATE.search(kb)):
        return False  # "conspiracy to commit murder" is not "murder"
    if ka != kb and _REENTRY.search(ka) and _REENTRY.search(kb) and {a.disposition, b.disposition} <= _OUTCOMES \
            and (a.disposition_date is None) != (b.disposition_date is None):
        return False  # "pleaded guilty to illegal re-entry after deportation" and "in 1989 he was convicted of
        # illegally reentering": the prior reentry convictions a reentry case recounts, under other wordings
    return ka == kb or f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} "


def _listed_together(a: OffenseFact, b: OffenseFact) -> bool:
    """Whether two mentions are neighbours in a list: on one page, apart by a separator's few characters."""
    return any(x.doc_id == y.doc_id and x.page == y.page and 0 < y.start - x.end <= _LIST_GAP
               for e, f in ((a.evidence, b.evidence), (b.evidence, a.evidence)) for x in e for y in f)


def _occurrence(fact: OffenseFact) -> str | None:
    return next((f for f in fact.flags if f.startswith(OCCURRENCE_FLAG)), None)


def _merge_offense(base: OffenseFact, other: OffenseFact) -> OffenseFact:
    update: dict[str, Any] = {name: _finer(getattr(base, name), getattr(other, name)) for name in DATE_FIELDS}
    for name in ("statute", "sentence", "docket", "charge_normalized"):
        if getattr(base, name) is None:
            update[name] = getattr(other, name)
    if base.level == "unknown":
        update["level"] = other.level
    if DISPOSITION_RANK[other.disposition] > DISPOSITION_RANK[base.disposition]:
        update["disposition"] = other.disposition
        if other.disposition in CLEARED:  # the conviction's date is not the vacatur's
            update["disposition_date"] = other.disposition_date
    if DISTINCT_FLAG not in base.flags and DISTINCT_FLAG in other.flags:  # the row is the better charge text
        update["charge"] = other.charge
    return _with_evidence(base, other, update)


def _with_evidence(base: Any, other: Any, update: dict[str, Any]) -> Any:
    evidence = base.evidence + [e for e in other.evidence if e not in base.evidence]
    update["evidence"] = evidence
    update["confidence"] = combine_confidence([base.confidence, other.confidence])
    update["flags"] = list(dict.fromkeys(base.flags + other.flags))
    return base.model_copy(update=update)


def _event_key(fact: EventFact) -> tuple[Any, ...]:
    return (fact.event_type, fact.about.who, fact.about.relation, fact.date.iso if fact.date else None, fact.status)


def _same_event(existing: EventFact, fact: EventFact) -> bool:
    if fact.date is None and REPEAT_FLAG in fact.flags:
        return False  # "he reentered illegally again": one more occurrence, however like the first it reads
    if (VOLUNTARY_FLAG in existing.flags) != (VOLUNTARY_FLAG in fact.flags) and None in (existing.date, fact.date):
        return False  # "removed ... to Mexico" and "voluntarily returned to Mexico": two removals
    if (BORDER_FLAG in existing.flags) != (BORDER_FLAG in fact.flags) and None in (existing.date, fact.date):
        return False  # "ERO Baltimore apprehended him" and "Border Patrol apprehended him in Rio Grande Valley": two
    if existing.date is None and fact.date is None and fact.event_type not in _TOLD_COARSER \
            and PRIOR_FLAG in fact.flags and PRIOR_FLAG not in existing.flags:
        return False  # "ERO Boston arrested him Dec. 17 ... ERO previously arrested him Nov. 21": an earlier one
    if _event_key(existing) == _event_key(fact) or _one_entry(existing, fact):
        return True
    if (existing.event_type, existing.about, existing.status) != (fact.event_type, fact.about, fact.status):
        return False
    if fact.date is None:
        return True  # a repeat returned above
    if existing.date is not None:  # "deported on May 17, 1991 ... deported in 1991": one removal, told coarser
        return fact.event_type in _TOLD_COARSER and existing.date.iso != fact.date.iso \
            and _dates_agree(existing.date, fact.date) and REPEAT_FLAG not in fact.flags
    return REPEAT_FLAG not in existing.flags \
        and (existing.event_type in _DATED_LATER or PRIOR_FLAG in existing.flags)


def _one_entry(a: EventFact, b: EventFact) -> bool:
    """ "He fled to the United States after having been sentenced ... He illegally entered the United States near
    Pharr": an undated entry and an undated unlawful entry of one person are one entry, the unlawful one."""
    return {a.event_type, b.event_type} == {"entry", "unlawful_entry"} and a.date is None and b.date is None \
        and (a.about, a.status) == (b.about, b.status)


def _merged_type(a: EventFact, b: EventFact) -> str:
    """The unlawful entry of an entry merged with one ("fled to the United States" + "illegally entered")."""
    return "unlawful_entry" if "unlawful_entry" in (a.event_type, b.event_type) else a.event_type


def _tie_key(fact: CommunityTieFact) -> tuple[Any, ...]:
    return (fact.tie_kind, fact.details.get("relation"), fact.status)


def _merge_tie(base: CommunityTieFact, other: CommunityTieFact) -> CommunityTieFact:
    details = dict(base.details)
    for key, value in other.details.items():
        if details.get(key) is None:
            details[key] = value
    return _with_evidence(base, other, {"details": details})


def _merge_subject(base: SubjectFact, other: SubjectFact) -> SubjectFact:
    identifiers = list(base.identifiers)
    identifiers += [i for i in other.identifiers if i not in identifiers]
    return _with_evidence(base, other, {"name": base.name or other.name,
                                        "date_of_birth": base.date_of_birth or other.date_of_birth,
                                        "identifiers": identifiers})


def merge_document_facts(facts: Sequence[Fact]) -> list[Fact]:
    """The facts of one document with repeated mentions merged, in first-mention order."""
    merged: list[Fact] = []
    for fact in facts:
        target = None
        for i, existing in enumerate(merged):
            if existing.kind != fact.kind or existing.status != fact.status:
                continue
            if (isinstance(fact, OffenseFact) and same_offense(existing, fact)
                    or isinstance(fact, EventFact) and _same_event(existing, fact)
                    or isinstance(fact, CommunityTieFact) and _tie_key(existing) == _tie_key(fact)
                    or isinstance(fact, SubjectFact)):
                target = i
                break
        if target is None:
            merged.append(fact)
            continue
        existing = merged[target]
        if isinstance(fact, OffenseFact):
            merged[target] = _merge_offense(existing, fact)
        elif isinstance(fact, CommunityTieFact):
            merged[target] = _merge_tie(existing, fact)
        elif isinstance(fact, SubjectFact):
            merged[target] = _merge_subject(existing, fact)
        else:
            merged[target] = _with_evidence(existing, fact, {"date": _finer(existing.date, fact.date),
                                                             "event_type": _merged_type(existing, fact)})
    return merged
