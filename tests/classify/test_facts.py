"""classify_offenses in the pipeline, and the fairness guarantee: charge text and statute only."""

from __future__ import annotations

import numpy as np

from builders import event, offense, tie
from casefacts.classify import ABSTAINED_FLAG, ChargeText, classify_offenses, offense_input
from casefacts.classify.text import load_protected_terms
from casefacts.schema import OffenseCategory, Sentence, Statute


def test_offense_facts_get_a_category_and_others_pass_through(offense_model):
    facts = [offense("POSS CS FOR SALE", statute=Statute(text="HS 11351")), event("arrest", "2019-03"),
             tie("family", relation="child")]
    out = classify_offenses(facts, offense_model)
    assert out[1] is facts[1] and out[2] is facts[2]
    category = out[0].category
    assert (category.offense_type, category.code) == ("drug", "drug_trafficking")
    assert 0.5 <= category.probability <= 1 and not category.abstained
    assert category.model == offense_model.model_id
    assert facts[0].category is None  # inputs are not mutated


def test_abstention_flags_the_fact_once(offense_model):
    unsure = offense("ZZQ UNREADABLE 12")
    first = classify_offenses([unsure], offense_model)[0]
    assert first.category.abstained and first.flags == [ABSTAINED_FLAG]
    again = classify_offenses([first], offense_model)[0]
    assert again.flags == [ABSTAINED_FLAG]
    fixed = classify_offenses([first.model_copy(update={"charge": "PETTY THEFT"})], offense_model)[0]
    assert not fixed.category.abstained and ABSTAINED_FLAG not in fixed.flags


def test_reviewed_categories_are_never_overwritten(offense_model):
    reviewer = OffenseCategory(offense_type="property", code="fraud", model="reviewer")
    corrected = offense("POSS CS FOR SALE", review_state="corrected", category=reviewer)
    assert classify_offenses([corrected], offense_model)[0].category == reviewer


def test_the_classifier_sees_only_charge_and_statute(offense_model):
    """Counterfactual: change everything about the fact but the charge and statute."""
    base = offense("AGG ASLT W/DW", statute=Statute(text="PC 245(a)(1)"))
    changed = offense("AGG ASLT W/DW", statute=Statute(text="PC 245(a)(1)", jurisdiction="CA", code="PC"),
                      disposition="dismissed", who="other", level="felony", offense_date="2001-02-03",
                      sentence=Sentence(custody_days=365, text="1 yr"), docket="CR-1", confidence=0.2,
                      charge_normalized="something else entirely", fact_id="off-other", doc_id="f" * 64)
    assert ChargeText._fields == ("charge", "statute")
    assert offense_input(base) == offense_input(changed) == ChargeText("AGG ASLT W/DW", "PC 245(a)(1)")
    first, second = classify_offenses([base, changed], offense_model)
    assert first.category == second.category


def test_feature_set_is_built_from_charge_text_and_statute_only(offense_model):
    steps = offense_model.pipeline_.named_steps
    assert list(steps) == ["text", "features", "model"]
    # the first step turns each (charge, statute) into one string; both vectorizers read only that string
    assert [name for name, _ in steps["features"].transformer_list] == ["word", "char"]
    features = steps["text"].transform([ChargeText("theft", "PC 484")])
    assert features == ["theft st_pc st_484"]
    names = steps["features"].get_feature_names_out()
    assert len(names) == steps["model"].calibrated_classifiers_[0].estimator.coef_.shape[1]
    words = {n.split("__", 1)[1] for n in names if n.startswith("word__")}
    chars = {n.split("__", 1)[1] for n in names if n.startswith("char__")}
    protected = load_protected_terms()
    assert not {w for w in words for token in w.split() if token in protected}
    assert not [t for t in protected if f" {t} " in chars]
    statute_tokens = {token for w in words for token in w.split() if token.startswith("st_")}
    assert "st_11350" in statute_tokens  # statutes are features, kept apart from charge words


def test_charge_normalized_is_used_only_when_the_charge_is_blank(offense_model):
    blank = offense(" ", charge_normalized="petty theft")
    assert offense_input(blank) == ChargeText("petty theft", None)
    proba = offense_model.predict_proba([offense_input(blank), ChargeText("petty theft")])
    assert np.array_equal(proba[0], proba[1])
