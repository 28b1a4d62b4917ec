"""Guideline rulesets as code: dated, cited, explainable, and never deciding (DESIGN section 6).

Public interface:

* ``build_rule_input(case) -> RuleInput``: the projection of accepted subject facts rules read.
* ``select_ruleset(as_of) -> Ruleset`` and ``default_as_of(case) -> date | None``.
* ``apply_rules(case, as_of=None, ruleset_id=None) -> list[Finding]`` and
  ``evaluate_case(...) -> CaseFile`` (findings and ``as_of`` set).
* ``weekly_report_row(case, findings) -> dict`` (interim guidance weekly report fields).
* ``missing_checklist(findings)``: what record would settle each open question.

See ``rules/README.md`` for the mapping of every criterion and factor to its rule and test.
"""

from casefacts.rules.build import build_rule_input
from casefacts.rules.checklist import ChecklistItem, missing_checklist
from casefacts.rules.engine import (
    RULESETS,
    apply_rules,
    default_as_of,
    evaluate_case,
    get_ruleset,
    select_ruleset,
)
from casefacts.rules.model import RuleInput
from casefacts.rules.ruleset import Rule, Ruleset, Window
from casefacts.rules.weekly import weekly_report_row

__all__ = [
    "RULESETS",
    "ChecklistItem",
    "Rule",
    "RuleInput",
    "Ruleset",
    "Window",
    "apply_rules",
    "build_rule_input",
    "default_as_of",
    "evaluate_case",
    "get_ruleset",
    "missing_checklist",
    "select_ruleset",
    "weekly_report_row",
]
