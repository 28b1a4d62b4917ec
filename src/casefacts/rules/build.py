"""``build_rule_input``: project a CaseFile onto what the rules may read.

Facts used: the latest version of each fact, about the subject, affirmed, and not rejected by a
reviewer. Once every fact is reviewed (``case.review.state == "reviewed"``) only accepted or
corrected facts count. Negated, hypothetical and historical facts, facts about other people and
rejected facts never reach a rule; the packet lists them separately so a person sees them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from casefacts.assemble import most_cited_date
from casefacts.rules import dates
from casefacts.rules.model import (
    TIE_DETAIL_KEYS,
    DocumentStatus,
    EventInput,
    OffenseInput,
    PersonInput,
    RecordCompleteness,
    RuleInput,
    SentenceInput,
    TieInput,
    TieMarker,
)
from casefacts.rules.offense_flags import Taxonomy, offense_flags
from casefacts.schema import (
    CaseFile,
    CommunityTieFact,
    DocKind,
    Document,
    EventFact,
    Fact,
    OffenseFact,
    PartialDate,
    SubjectFact,
)

# The record types a complete case holds; the administrative (immigration) record has no
# document kind yet and is named in the record finding instead.
EXPECTED_KINDS: tuple[DocKind, ...] = ("rap_sheet", "court_disposition", "arrest_narrative", "support_letter")
CONFIRMED_STATES = frozenset({"accepted", "corrected"})

_BORDER_WORDS = re.compile(
    r"\bborder\b|port of entry|\bPOE\b|\bUSBP\b|international bridge|\bsector\b|land crossing|"
    r"border crossing|attempt\w* to enter",
    re.IGNORECASE,
)
# U.S. towns at land ports of entry and Border Patrol stations on the border. Large cities that
# straddle the border (El Paso, Laredo, San Diego) are left out: an arrest there is not by itself
# an apprehension at the border.
_BORDER_TOWNS = re.compile(
    r"\b(San Ysidro|Otay Mesa|Tecate|Calexico|Andrade|San Luis|Lukeville|Sasabe|Nogales|Naco|Douglas|"
    r"Columbus|Santa Teresa|Antelope Wells|Sunland Park|Presidio|Del Rio|Eagle Pass|Roma|Rio Grande City|"
    r"Hidalgo|Pharr|Progreso|Los Indios|Fabens|Tornillo|Jacumba|Campo|Yuma|Blaine|Champlain|Derby Line|"
    r"Sweetgrass|Pembina)\b",
)
# Interior enforcement: an apprehension by ERO / ICE officers, at a home, workplace or jail, is not at the border.
_INTERIOR_WORDS = re.compile(
    r"\bERO\b|\bICE\b|Enforcement and Removal|deportation officers?|Fugitive Operations|\bresidence\b|"
    r"\bworkplace\b|\bcounty jail\b|vehicle stop",
    re.IGNORECASE,
)
_RELATIONS = {
    "spouse": (
        "wife",
        "husband",
        "spouse",
        "partner",
        "domestic partner",
        "fiance",
        "fiancé",
        "fiancee",
        "fiancée",
        "girlfriend",
        "boyfriend",
    ),
    "child": ("son", "daughter", "child", "children", "stepson", "stepdaughter", "stepchild", "kid", "kids"),
    "parent": ("mother", "father", "parent", "parents", "mom", "dad", "stepmother", "stepfather"),
    "sibling": ("brother", "sister", "sibling", "siblings", "half-brother", "half-sister"),
    "grandparent": ("grandmother", "grandfather", "grandparent", "grandparents"),
    "grandchild": ("grandson", "granddaughter", "grandchild", "grandchildren"),
    "aunt_or_uncle": ("aunt", "uncle"),
    "niece_or_nephew": ("niece", "nephew"),
}
_RELATION_OF = {word: neutral for neutral, words in _RELATIONS.items() for word in words}
_MAX_DETAIL_TEXT = 40
_MARKERS: tuple[tuple[TieMarker, re.Pattern[str]], ...] = (
    (
        "farm_work",
        re.compile(
            r"farm|agricultur|harvest|crop|orchard|dairy|ranch|field ?work|picker|H-2A|"
            r"packing house|nursery|vineyard|grove",
            re.IGNORECASE,
        ),
    ),
    (
        "labor_or_housing_dispute",
        re.compile(
            r"labor (dispute|complaint|case|board)|wage (theft|claim|complaint)|unpaid wages|"
            r"workplace (safety|complaint|rights)|tenant|landlord|housing (code|complaint|dispute|inspect)|"
            r"eviction|OSHA|retaliat|union organi",
            re.IGNORECASE,
        ),
    ),
    (
        "public_service",
        re.compile(
            r"firefight|police officer|public serv|government employ|AmeriCorps|Peace Corps|"
            r"first responder|\bEMT\b|public school teacher",
            re.IGNORECASE,
        ),
    ),
    (
        "caregiver",
        re.compile(
            r"caregiver|cares for|care of|takes care|provider|breadwinner|only income|"
            r"supports (his|her|their|the) family|primary support",
            re.IGNORECASE,
        ),
    ),
)


def build_rule_input(case: CaseFile, taxonomy: Taxonomy | None = None) -> RuleInput:
    """The projection of ``case`` the rules read (see module docstring for which facts count)."""
    facts = allowed_facts(case)
    return RuleInput(
        case_id=case.case_id,
        person=_person(f for f in facts if isinstance(f, SubjectFact)),
        offenses=tuple(_offense(f, taxonomy) for f in facts if isinstance(f, OffenseFact)),
        events=tuple(_event(f) for f in facts if isinstance(f, EventFact)),
        ties=tuple(tie_input(f) for f in facts if isinstance(f, CommunityTieFact)),
        record=record_completeness(case.documents),
    )


def latest_versions(facts: Sequence[Fact]) -> list[Fact]:
    """One fact per id: the highest version (a correction supersedes what it corrects)."""
    best: dict[str, Fact] = {}
    for fact in facts:
        if fact.fact_id not in best or fact.version > best[fact.fact_id].version:
            best[fact.fact_id] = fact
    return [f for f in facts if best[f.fact_id] is f]


def exclusion_reason(fact: Fact, case_reviewed: bool) -> str | None:
    """Why a (latest-version) fact does not reach the rules, or None when it does."""
    if fact.review_state == "rejected":
        return "rejected by a reviewer"
    if fact.about.who != "subject":
        return f"about another person ({fact.about.relation or 'relation unknown'})"
    if fact.status != "affirmed":
        return f"{fact.status}, not affirmed"
    if case_reviewed and fact.review_state not in CONFIRMED_STATES:
        return "not accepted in the completed review"
    return None


def allowed_facts(case: CaseFile) -> list[Fact]:
    reviewed = case.review.state == "reviewed"
    return [f for f in latest_versions(case.facts) if exclusion_reason(f, reviewed) is None]


def excluded_facts(case: CaseFile) -> list[tuple[Fact, str]]:
    """Facts the rules did not read, with the reason (for the packet)."""
    reviewed = case.review.state == "reviewed"
    out = []
    for fact in latest_versions(case.facts):
        reason = exclusion_reason(fact, reviewed)
        if reason is not None:
            out.append((fact, reason))
    return out


def record_completeness(documents: Sequence[Document]) -> RecordCompleteness:
    read = [d for d in documents if d.ingest_status.status == "ok"]
    reviewed = tuple(sorted({d.doc_kind for d in read}))
    return RecordCompleteness(
        reviewed_kinds=reviewed,
        unreadable=tuple(
            DocumentStatus(doc_kind=d.doc_kind, status=d.ingest_status.status, reason=d.ingest_status.reason)
            for d in documents
            if d.ingest_status.status != "ok"
        ),
        missing_kinds=tuple(k for k in EXPECTED_KINDS if k not in reviewed),
        documents_total=len(documents),
        documents_read=len(read),
    )


def _confirmed(fact: Fact) -> bool:
    return fact.review_state in CONFIRMED_STATES


def _person(subjects: Iterable[SubjectFact]) -> PersonInput:
    subjects = list(subjects)
    dob = most_cited_date([s.date_of_birth for s in subjects if s.date_of_birth is not None])
    return PersonInput(date_of_birth=dob, fact_ids=tuple(s.fact_id for s in subjects if s.date_of_birth))


def _offense(fact: OffenseFact, taxonomy: Taxonomy | None) -> OffenseInput:
    sentence = None
    if fact.sentence is not None:
        s = fact.sentence
        sentence = SentenceInput(
            custody_days=s.custody_days,
            suspended_days=s.suspended_days,
            probation_days=s.probation_days,
            fine=s.fine,
            suspended=s.suspended,
            time_served=s.time_served,
        )
    return OffenseInput(
        fact_id=fact.fact_id,
        charge=fact.charge_normalized or fact.charge,
        statute=fact.statute.text if fact.statute else None,
        level=fact.level,
        disposition=fact.disposition,
        disposition_conflict=any(flag.startswith("conflict:disposition") for flag in fact.flags),
        offense_date=fact.offense_date,
        arrest_date=fact.arrest_date,
        disposition_date=fact.disposition_date,
        sentence=sentence,
        flags=offense_flags(fact.charge, fact.charge_normalized, fact.statute, fact.category, taxonomy),
        confirmed=_confirmed(fact),
    )


def at_border(place: str | None, quotes: Iterable[str]) -> bool | None:
    """True when the place or the evidence names the border or a port of entry; False when a
    place is given without such a cue, or the evidence names interior enforcement (ERO officers,
    a residence); None when nothing says where."""
    texts = [t for t in (place, *quotes) if t]
    if any(_BORDER_WORDS.search(t) or _BORDER_TOWNS.search(t) for t in texts):
        return True
    return False if place or any(_INTERIOR_WORDS.search(t) for t in texts) else None


def _event(fact: EventFact) -> EventInput:
    return EventInput(
        fact_id=fact.fact_id,
        event_type=fact.event_type,
        date=fact.date,
        at_border=at_border(fact.place, (e.quote for e in fact.evidence)),
        confirmed=_confirmed(fact),
    )


def neutral_relation(value: str) -> str:
    """Family relations without gender: wife/husband -> spouse, son/daughter -> child."""
    key = value.strip().lower()
    for prefix in ("step-", "adult ", "minor ", "young ", "elderly ", "disabled "):
        key = key.removeprefix(prefix)
    return _RELATION_OF.get(key, _RELATION_OF.get(key.rstrip("s"), "other_relative"))


def tie_input(fact: CommunityTieFact) -> TieInput:
    """The rule view of a tie: allowlisted details, gender-neutral relation, no text."""
    details: list[tuple[str, str | int | float | bool | None]] = []
    for key, value in sorted(fact.details.items()):
        if key not in TIE_DETAIL_KEYS:
            continue
        if key == "relation" and isinstance(value, str):
            value = neutral_relation(value)
        elif isinstance(value, str):
            value = value.strip().lower()
            if len(value) > _MAX_DETAIL_TEXT:
                continue
        details.append((key, value))
    texts = [fact.text, *(v for v in fact.details.values() if isinstance(v, str))]
    found = {name for name, pattern in _MARKERS if any(pattern.search(t) for t in texts)}
    if fact.details.get("caregiver") or fact.details.get("provider"):
        found.add("caregiver")
    return TieInput(
        fact_id=fact.fact_id,
        tie_kind=fact.tie_kind,
        details=tuple(details),
        markers=tuple(name for name, _ in _MARKERS if name in found),
        confirmed=_confirmed(fact),
    )


def _after(pd: PartialDate | None, as_of: date) -> bool:
    return pd is not None and dates.earliest(pd) > as_of


def as_of_view(inp: RuleInput, as_of: date) -> tuple[RuleInput, list[str], list[str]]:
    """The record as it stood on ``as_of``: facts dated after it are set aside, and a disposition
    entered after it is read as pending. Returns the view, the ids set aside and the ids reset."""
    later: list[str] = []
    reset: list[str] = []
    offenses = []
    for o in inp.offenses:
        conduct = o.offense_date or o.arrest_date
        if _after(conduct, as_of) or (conduct is None and _after(o.disposition_date, as_of)):
            later.append(o.fact_id)
        elif _after(o.disposition_date, as_of):
            reset.append(o.fact_id)
            offenses.append(o.model_copy(update={"disposition": "pending", "disposition_date": None, "sentence": None}))
        else:
            offenses.append(o)
    events = [e for e in inp.events if not _after(e.date, as_of)]
    later += [e.fact_id for e in inp.events if _after(e.date, as_of)]
    ties = []
    for t in inp.ties:
        since = t.detail("since")
        if isinstance(since, int) and since > as_of.year:
            later.append(t.fact_id)
        else:
            ties.append(t)
    view = inp.model_copy(update={"offenses": tuple(offenses), "events": tuple(events), "ties": tuple(ties)})
    return view, later, reset
