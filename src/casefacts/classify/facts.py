"""Filling ``OffenseFact.category`` in the pipeline.

The classifier sees only ``offense_input(fact)``: the charge as written (or, if blank, the
normalized charge) and the statute citation's text. Nothing else on the fact or the case
reaches it.
"""

from __future__ import annotations

from collections.abc import Sequence

from casefacts.classify.offense import OffenseClassifier, load_offense_classifier
from casefacts.classify.text import ChargeText
from casefacts.schema import Fact, OffenseCategory, OffenseFact

ABSTAINED_FLAG = "classifier_abstained"


def offense_input(fact: OffenseFact) -> ChargeText:
    """The classifier's whole view of an offense fact."""
    charge = fact.charge if fact.charge.strip() else (fact.charge_normalized or "")
    return ChargeText(charge, fact.statute.text if fact.statute else None)


def _needs_category(fact: Fact) -> bool:
    if not isinstance(fact, OffenseFact):
        return False
    # A category a reviewer has accepted or corrected is never overwritten.
    return fact.category is None or fact.review_state == "unreviewed"


def classify_offenses(facts: Sequence[Fact], classifier: OffenseClassifier | None = None) -> list[Fact]:
    """The facts with ``category`` filled on every unreviewed offense fact, in one batch.

    An abstention keeps the best guess for the reviewer, sets ``abstained`` and appends the
    flag ``classifier_abstained``; rules must not act on an abstained category (see
    ``casefacts.classify.taxonomy.taxonomy_entry``). Other facts pass through untouched.
    """
    targets = [i for i, fact in enumerate(facts) if _needs_category(fact)]
    if not targets:
        return list(facts)
    model = classifier or load_offense_classifier()
    predictions = model.predict_offense([offense_input(facts[i]) for i in targets])  # type: ignore[arg-type]
    out = list(facts)
    for i, prediction in zip(targets, predictions, strict=True):
        fact = facts[i]
        assert isinstance(fact, OffenseFact)
        flags = [f for f in fact.flags if f != ABSTAINED_FLAG] + ([ABSTAINED_FLAG] if prediction.abstained else [])
        category = OffenseCategory(offense_type=prediction.offense_type, code=prediction.code,
                                   probability=round(prediction.probability, 4),
                                   abstained=prediction.abstained, model=model.model_id)
        out[i] = fact.model_copy(update={"category": category, "flags": flags})
    return out
