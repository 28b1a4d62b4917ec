"""What a ruleset is: dated, cited data plus small pure rule functions (OpenFisca/Catala style).

A rule maps a ``RuleInput`` and the as-of date to a ``RuleResult``; the ruleset wraps each
result into a ``schema.Finding`` with its ruleset id, rule id and citation. Dates follow one
convention everywhere: a period includes its first day and excludes its last (``effective_to``
2021-11-29 means in force through 2021-11-28).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from casefacts.rules.model import RuleInput
from casefacts.schema import Finding, FindingOutcome


@dataclass(frozen=True)
class RuleResult:
    outcome: FindingOutcome
    explanation: str
    fact_ids: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


def result(
    outcome: FindingOutcome,
    explanation: str,
    fact_ids: list[str] | tuple[str, ...] = (),
    missing: list[str] | tuple[str, ...] = (),
) -> RuleResult:
    """A RuleResult with fact ids and missing items de-duplicated in order."""
    return RuleResult(outcome, explanation, tuple(dict.fromkeys(fact_ids)), tuple(dict.fromkeys(missing)))


RuleFn = Callable[[RuleInput, date], RuleResult]


@dataclass(frozen=True)
class Rule:
    rule_id: str
    title: str
    section: str  # the part of the source this rule implements
    evaluate: RuleFn


@dataclass(frozen=True)
class Window:
    """A period in which a court order suspended or limited the ruleset."""

    start: date
    end: date
    scope: Literal["full", "partial"]
    description: str
    citation: str

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end


@dataclass(frozen=True)
class Ruleset:
    ruleset_id: str
    title: str
    version: str
    effective_from: date
    effective_to: date | None
    source: str
    short_cite: str
    suspensions: tuple[Window, ...] = ()
    rules: tuple[Rule, ...] = field(default_factory=tuple)

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)

    def suspension_on(self, day: date) -> Window | None:
        return next((w for w in self.suspensions if w.contains(day)), None)

    def finding(self, rule_id: str, section: str, res: RuleResult) -> Finding:
        return Finding(
            ruleset_id=self.ruleset_id,
            rule_id=rule_id,
            outcome=res.outcome,
            explanation=res.explanation,
            fact_ids=list(res.fact_ids),
            citation=f"{self.short_cite}, {section} ({self.source})",
            missing=list(res.missing),
        )

    def evaluate(self, inp: RuleInput, as_of: date) -> list[Finding]:
        return [self.finding(rule.rule_id, rule.section, rule.evaluate(inp, as_of)) for rule in self.rules]
