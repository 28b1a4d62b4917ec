"""Choosing a ruleset by date and applying it to a case.

The as-of date defaults to the most recent record event: the latest date among the offense,
arrest, disposition and event dates of the facts the rules read. A partial date counts as the
LAST day it could be ("2021-11" -> 2021-11-30): a case is reviewed after everything in its
record, so the as-of date must not precede an event that may already have happened. When the
earliest and the latest day of that date fall under different rulesets or suspension windows,
the ``IN_FORCE`` finding says so and asks for the exact date (or an explicit ``--as-of``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from casefacts.errors import RulesetError
from casefacts.rules import dates, guidelines, interim
from casefacts.rules.build import allowed_facts, as_of_view, build_rule_input
from casefacts.rules.ruleset import RuleResult, Ruleset, result
from casefacts.schema import CaseFile, EventFact, Finding, OffenseFact, PartialDate

RULESETS: tuple[Ruleset, ...] = (interim.RULESET, guidelines.RULESET)
NO_RULESET = "none"
_IN_FORCE_SECTION = "effective dates and court orders"


@dataclass(frozen=True)
class AsOfBasis:
    """Where a default as-of date came from: the latest record event and its (partial) date."""

    day: date
    date: PartialDate
    fact_id: str
    description: str


def get_ruleset(ruleset_id: str) -> Ruleset:
    for ruleset in RULESETS:
        if ruleset.ruleset_id == ruleset_id:
            return ruleset
    raise RulesetError(f"unknown ruleset {ruleset_id!r}; known: {', '.join(r.ruleset_id for r in RULESETS)}")


def select_ruleset(as_of: date) -> Ruleset:
    """The ruleset in force on ``as_of`` (suspensions do not change which one; they add a finding)."""
    for ruleset in RULESETS:
        if ruleset.in_force(as_of):
            return ruleset
    raise RulesetError(f"no encoded ruleset was in force on {as_of.isoformat()} (encoded: {_coverage()})")


def _coverage() -> str:
    return ", ".join(
        f"{r.ruleset_id} {r.effective_from.isoformat()} to {r.effective_to.isoformat() if r.effective_to else 'open'}"
        for r in RULESETS
    )


def as_of_basis(case: CaseFile) -> AsOfBasis | None:
    candidates: list[AsOfBasis] = []
    for fact in allowed_facts(case):
        if isinstance(fact, OffenseFact):
            for name in ("offense_date", "arrest_date", "disposition_date"):
                pd = getattr(fact, name)
                if pd is not None:
                    candidates.append(
                        AsOfBasis(dates.latest(pd), pd, fact.fact_id, f"{name.replace('_', ' ')} of {fact.charge}")
                    )
        elif isinstance(fact, EventFact) and fact.date is not None:
            candidates.append(
                AsOfBasis(
                    dates.latest(fact.date),
                    fact.date,
                    fact.fact_id,
                    f"{fact.event_type.replace('_', ' ')} event",
                )
            )
    if not candidates:
        return None
    return max(candidates, key=lambda b: (b.day, len(b.date.iso)))  # ties: first in record order


def default_as_of(case: CaseFile) -> date | None:
    """The most recent record event's date, a partial date read as its last possible day."""
    basis = as_of_basis(case)
    return basis.day if basis else None


def _regime(day: date) -> tuple[str, str | None]:
    try:
        ruleset = select_ruleset(day)
    except RulesetError:
        return NO_RULESET, None
    window = ruleset.suspension_on(day)
    return ruleset.ruleset_id, window.description if window else None


def in_force(ruleset: Ruleset, as_of: date, basis: AsOfBasis | None) -> RuleResult:
    """Whether the ruleset governs ``as_of``: effective dates, suspensions, and an unclear as-of date."""
    source = (
        f"As of {as_of.isoformat()}, the last day of the most recent record event ({basis.description}, "
        f"{basis.date.iso})."
        if basis
        else f"As of {as_of.isoformat()}, as given."
    )
    ids = [basis.fact_id] if basis else []
    if not ruleset.in_force(as_of):
        end = ruleset.effective_to.isoformat() if ruleset.effective_to else "open"
        return result(
            "needs_legal_review",
            f"{source} The {ruleset.title} applied from "
            f"{ruleset.effective_from.isoformat()} to {end}, not on this date; it was "
            "chosen explicitly. Whether it may guide this review is for a person.",
            ids,
        )
    window = ruleset.suspension_on(as_of)
    if window is not None:
        scope = "suspended" if window.scope == "full" else "partly limited"
        return result(
            "needs_legal_review",
            f"{source} On this date the {ruleset.title} was {scope} by court order: "
            f"{window.description} ({window.citation}; {window.start.isoformat()} "
            f"to {window.end.isoformat()}). Whether and how it applies is for legal "
            "review.",
            ids,
        )
    if basis is not None and basis.date.precision != "day":
        first = dates.earliest(basis.date)
        if _regime(first) != _regime(as_of):
            return result(
                "insufficient_information",
                f"{source} The earliest day that date could be "
                f"({first.isoformat()}) falls under a different ruleset or "
                "court order.",
                ids,
                [
                    f"exact date of the most recent record event ({basis.description}, {basis.date.iso}), "
                    "or an explicit as-of date"
                ],
            )
    return result(
        "met",
        f"{source} The {ruleset.title} was in force on this date, with no court order limiting it.",
        ids,
    )


def _no_ruleset(text: str, missing: str, fact_ids: list[str]) -> list[Finding]:
    return [
        Finding(
            ruleset_id=NO_RULESET,
            rule_id="IN_FORCE",
            outcome="insufficient_information",
            explanation=text,
            fact_ids=fact_ids,
            citation=f"casefacts rulesets: {_coverage()}",
            missing=[missing],
        )
    ]


def apply_rules(case: CaseFile, as_of: date | None = None, ruleset_id: str | None = None) -> list[Finding]:
    """Findings for ``case``: the selected (or named) ruleset applied as of a date.

    ``as_of`` None means the most recent record event; ``ruleset_id`` overrides the choice by
    date. The first finding (``IN_FORCE``) states the date, its basis and any court order.
    """
    basis = as_of_basis(case) if as_of is None else None
    day = as_of if as_of is not None else (basis.day if basis else None)
    ruleset = get_ruleset(ruleset_id) if ruleset_id else None
    if day is None:
        return _no_ruleset(
            "The record holds no dated event to take an as-of date from.",
            "an as-of date for the review (--as-of)",
            [],
        )
    if ruleset is None:
        try:
            ruleset = select_ruleset(day)
        except RulesetError as exc:
            return _no_ruleset(
                f"As of {day.isoformat()}: {exc}. The findings need an as-of date within an encoded "
                "ruleset, or a named ruleset.",
                "an as-of date within an encoded ruleset (--as-of) or a ruleset choice (--ruleset)",
                [basis.fact_id] if basis else [],
            )
    inp, later, reset = as_of_view(build_rule_input(case), day)
    status = in_force(ruleset, day, basis)
    if later or reset:
        note = " On that date"
        if later:
            note += f" {len(later)} fact(s) of the record had not happened yet and are set aside"
        if reset:
            note += f"{',' if later else ''} {len(reset)} disposition(s) entered later are read as pending"
        status = result(
            status.outcome,
            status.explanation + note + ".",
            [*status.fact_ids, *later, *reset],
            status.missing,
        )
    head = ruleset.finding("IN_FORCE", _IN_FORCE_SECTION, status)
    return [head, *ruleset.evaluate(inp, day)]


def evaluate_case(case: CaseFile, as_of: date | None = None, ruleset_id: str | None = None) -> CaseFile:
    """A copy of ``case`` with ``findings`` and ``as_of`` set (the date the rules were applied as of)."""
    findings = apply_rules(case, as_of, ruleset_id)
    day = as_of if as_of is not None else default_as_of(case)
    return case.model_copy(
        update={
            "findings": findings,
            "as_of": PartialDate(year=day.year, month=day.month, day=day.day) if day else None,
        }
    )
