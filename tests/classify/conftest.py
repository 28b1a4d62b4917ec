"""Fixtures of the classifier tests: a small model trained here, and the committed artifacts."""

from __future__ import annotations

import pytest

from casefacts.classify.data import inputs_and_labels, offense_test_rows, offense_training_rows
from casefacts.classify.doctype import DocTypeClassifier, load_doctype_router
from casefacts.classify.offense import OffenseClassifier, load_offense_classifier

SMALL_PARAMS = {"word_max_features": 2000, "char_max_features": 4000, "calibration_folds": 3, "C": 0.2}


@pytest.fixture(scope="session")
def small_params() -> dict:
    return dict(SMALL_PARAMS)


@pytest.fixture(scope="session")
def training_rows():
    return offense_training_rows()


@pytest.fixture(scope="session")
def test_rows():
    return offense_test_rows()


@pytest.fixture(scope="session")
def small_rows(training_rows):
    """Every sixth training row: enough for every category, fast to fit."""
    return training_rows[::6]


@pytest.fixture(scope="session")
def small_model(small_rows) -> OffenseClassifier:
    X, y, groups = inputs_and_labels(small_rows)
    return OffenseClassifier(**SMALL_PARAMS).fit(X, y, groups=groups)


@pytest.fixture(scope="session")
def offense_model() -> OffenseClassifier:
    """The committed artifact in models/."""
    return load_offense_classifier()


@pytest.fixture(scope="session")
def router() -> DocTypeClassifier:
    """The committed artifact in models/."""
    return load_doctype_router()
