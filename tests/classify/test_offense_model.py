from __future__ import annotations

import copy

import numpy as np
import pytest
from sklearn.base import clone

from casefacts.classify.artifacts import canonical_dumps
from casefacts.classify.data import inputs_and_labels
from casefacts.classify.offense import OffenseClassifier, as_charge_texts
from casefacts.classify.taxonomy import load_taxonomy
from casefacts.classify.text import ChargeText


def test_init_only_stores_parameters():
    model = OffenseClassifier(threshold=0.7, C=0.3)
    assert model.get_params()["threshold"] == 0.7
    assert not [name for name in vars(model) if name.endswith("_")]
    assert clone(model).get_params() == model.get_params()


def test_fit_returns_self_and_learned_attributes_end_in_underscore(small_rows, small_params):
    X, y, groups = inputs_and_labels(small_rows[:600])
    model = OffenseClassifier(**small_params)
    assert model.fit(X, y, groups=groups) is model
    learned = {name for name in vars(model) if name not in model.get_params()}
    assert learned and all(name.endswith("_") for name in learned)


def test_labels_outside_the_taxonomy_are_refused():
    with pytest.raises(ValueError, match="outside the taxonomy"):
        OffenseClassifier().fit(["a charge"] * 6, ["not_a_category"] * 6)


def test_probabilities_and_offense_types(small_model):
    charges = [ChargeText("POSS CS W/INT TO DIST", "HS 11351"), ChargeText("ILLEGAL REENTRY AFTER REMOVAL")]
    proba = small_model.predict_proba(charges)
    assert proba.shape == (2, len(small_model.classes_))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-6)
    taxonomy = load_taxonomy()
    assert set(small_model.classes_) == set(taxonomy.codes)
    assert [taxonomy.offense_type_of(c) for c in small_model.classes_] == list(small_model.offense_types_)
    first, second = small_model.predict_offense(charges)
    assert (first.code, first.offense_type) == ("drug_trafficking", "drug")
    assert (second.code, second.offense_type) == ("illegal_entry_reentry", "public_order")
    # the type probability sums the type's categories, so it is never below the category's
    types, sums = small_model.type_proba(proba)
    assert sums[0][list(types).index("drug")] == pytest.approx(first.type_probability)
    assert first.type_probability >= first.probability


def test_threshold_decides_abstention(small_model):
    charges = ["DISORDERLY CONDUCT", "something unreadable xq"]
    strict = copy.deepcopy(small_model).set_params(threshold=1.01)
    assert all(p.abstained for p in strict.predict_offense(charges))
    lenient = copy.deepcopy(small_model).set_params(threshold=0.0)
    assert not any(p.abstained for p in lenient.predict_offense(charges))
    default = small_model.predict_offense(charges)
    assert [p.abstained for p in default] == [p.probability < small_model.threshold for p in default]


def test_inputs_in_every_accepted_shape_give_the_same_answer(small_model):
    forms = [ChargeText("GRAND THEFT", "PC 487"), ("GRAND THEFT", "PC 487"),
             {"charge": "GRAND THEFT", "statute": "PC 487"}]
    assert len({c for c in as_charge_texts(forms)}) == 1
    proba = small_model.predict_proba(forms)
    assert np.array_equal(proba[0], proba[1]) and np.array_equal(proba[1], proba[2])
    assert as_charge_texts(["GRAND THEFT"]) == [ChargeText("GRAND THEFT", None)]
    assert small_model.predict_offense([]) == []


def test_two_fits_give_byte_identical_artifacts(small_rows, small_params):
    X, y, groups = inputs_and_labels(small_rows[::3])
    first = OffenseClassifier(**small_params).fit(X, y, groups=groups)
    second = OffenseClassifier(**small_params).fit(X, y, groups=groups)
    assert canonical_dumps(first) == canonical_dumps(second)
