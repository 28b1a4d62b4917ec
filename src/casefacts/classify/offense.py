"""Offense-category classifier: charge text and statute in, taxonomy category out.

A scikit-learn estimator (``__init__`` stores parameters, ``fit`` returns ``self``, learned
attributes end in ``_``). Inside: the charge and its statute citation are normalized
(``casefacts.classify.text``), vectorized as word 1-2-grams and character 2-5-grams (TF-IDF),
and classified by a linear SVM whose scores are calibrated to probabilities with
``CalibratedClassifierCV`` (sigmoid). The offense type is the taxonomy parent of the
category; its probability is the sum over the type's categories. Below ``threshold`` the
classifier abstains: the best guess is kept for the reviewer, marked ``abstained``.

The only features are the charge text and the statute citation (``ChargeText``): nothing
about the person can reach the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from casefacts.classify.models import OFFENSE, load_model
from casefacts.classify.taxonomy import load_taxonomy
from casefacts.classify.text import ChargeText, charge_feature_text, load_abbreviations, load_protected_terms
from casefacts.classify.vectorizers import CompactTfidfVectorizer

MODEL_NAME = "offense_uccs"
MODEL_VERSION = "1.0.0"


def as_charge_texts(X: Iterable[Any]) -> list[ChargeText]:
    """Accept ``ChargeText``, ``(charge, statute)`` pairs, ``{"charge", "statute"}`` dicts or strings."""
    items: list[ChargeText] = []
    for x in X:
        if isinstance(x, ChargeText):
            items.append(x)
        elif isinstance(x, str):
            items.append(ChargeText(x))
        elif isinstance(x, Mapping):
            items.append(ChargeText(str(x["charge"]), x.get("statute") or None))
        else:
            charge, statute = x
            items.append(ChargeText(str(charge), statute or None))
    return items


class ChargeFeaturizer(TransformerMixin, BaseEstimator):
    """Charge + statute -> the normalized string the vectorizers read.

    ``fit`` copies the abbreviation table and the protected-term list, so a saved model keeps
    what it was trained with. Protected terms are dropped before vectorizing.
    """

    def fit(self, X: Iterable[Any], y: Any = None) -> ChargeFeaturizer:
        self.abbreviations_ = dict(load_abbreviations())
        self.dropped_terms_ = sorted(load_protected_terms())
        return self

    def transform(self, X: Iterable[Any]) -> list[str]:
        check_is_fitted(self, "abbreviations_")
        drop = frozenset(self.dropped_terms_)
        return [charge_feature_text(item, self.abbreviations_, drop) for item in as_charge_texts(X)]


@dataclass(frozen=True)
class OffensePrediction:
    code: str
    offense_type: str
    probability: float
    type_probability: float
    abstained: bool
    alternatives: list[tuple[str, float]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "offense_type": self.offense_type,
            "code": self.code,
            "probability": round(self.probability, 4),
            "type_probability": round(self.type_probability, 4),
            "abstained": self.abstained,
            "alternatives": [{"code": c, "probability": round(p, 4)} for c, p in self.alternatives],
        }


class OffenseClassifier(ClassifierMixin, BaseEstimator):
    """Calibrated TF-IDF + linear SVM over charge text and statute, with abstention.

    Parameters
    ----------
    threshold: abstain when the top category's probability is below it.
    C: inverse regularization of the linear SVM.
    word_max_features, char_max_features: vocabulary caps (keep the artifact small).
    calibration_folds: folds of ``CalibratedClassifierCV``; grouped by seed when ``groups``
        is given to ``fit`` so that variants of one seed never calibrate each other.
    random_state: fixes fold assignment and the SVM's coordinate descent.
    """

    def __init__(self, threshold: float = 0.5, C: float = 0.5, word_max_features: int = 20000,
                 char_max_features: int = 40000, calibration_folds: int = 5, random_state: int = 0):
        self.threshold = threshold
        self.C = C
        self.word_max_features = word_max_features
        self.char_max_features = char_max_features
        self.calibration_folds = calibration_folds
        self.random_state = random_state

    def _pipeline(self, cv: Any) -> Pipeline:
        features = FeatureUnion([
            ("word", CompactTfidfVectorizer(token_pattern=r"\S+", ngram_range=(1, 2), sublinear_tf=True,
                                     max_features=self.word_max_features, dtype=np.float32)),
            ("char", CompactTfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2,
                                     max_features=self.char_max_features, dtype=np.float32)),
        ])
        svm = LinearSVC(C=self.C, class_weight="balanced", random_state=self.random_state)
        model = CalibratedClassifierCV(svm, method="sigmoid", cv=cv, ensemble=False)
        return Pipeline([("text", ChargeFeaturizer()), ("features", features), ("model", model)])

    def _folds(self, y: np.ndarray, groups: Sequence[str] | None) -> list[tuple[np.ndarray, np.ndarray]]:
        placeholder = np.zeros(len(y))
        if groups is None:
            splitter = StratifiedKFold(self.calibration_folds, shuffle=True, random_state=self.random_state)
            return list(splitter.split(placeholder, y))
        splitter = StratifiedGroupKFold(self.calibration_folds, shuffle=True, random_state=self.random_state)
        return list(splitter.split(placeholder, y, groups=np.asarray(groups)))

    def fit(self, X: Iterable[Any], y: Sequence[str], groups: Sequence[str] | None = None) -> OffenseClassifier:
        inputs = as_charge_texts(X)
        labels = np.asarray(y)
        taxonomy = load_taxonomy()
        unknown = set(labels) - set(taxonomy.codes)
        if unknown:
            raise ValueError(f"labels outside the taxonomy: {sorted(unknown)}")
        self.pipeline_ = self._pipeline(self._folds(labels, groups)).fit(inputs, labels)
        for calibrated in self.pipeline_.named_steps["model"].calibrated_classifiers_:
            # float32 weights halve the artifact; scores change in the 7th digit at most.
            calibrated.estimator.coef_ = calibrated.estimator.coef_.astype(np.float32)
        self.classes_ = self.pipeline_.classes_
        self.offense_types_ = np.asarray([taxonomy.offense_type_of(c) for c in self.classes_])
        self.taxonomy_version_ = taxonomy.version
        return self

    def predict_proba(self, X: Iterable[Any]) -> np.ndarray:
        check_is_fitted(self, "pipeline_")
        return self.pipeline_.predict_proba(as_charge_texts(X))

    def predict(self, X: Iterable[Any]) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def type_proba(self, proba: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Offense-type ids and their probabilities (sum over each type's categories)."""
        types = np.unique(self.offense_types_)
        sums = np.stack([proba[:, self.offense_types_ == t].sum(axis=1) for t in types], axis=1)
        return types, sums

    def predict_offense(self, X: Iterable[Any], top: int = 3) -> list[OffensePrediction]:
        """Category, offense type, probabilities, abstention and runner-up categories."""
        inputs = as_charge_texts(X)
        if not inputs:
            return []
        proba = self.predict_proba(inputs)
        types, type_sums = self.type_proba(proba)
        type_index = {t: i for i, t in enumerate(types)}
        predictions = []
        for row, sums in zip(proba, type_sums, strict=True):
            order = np.argsort(-row, kind="stable")[:top]
            best = int(order[0])
            offense_type = str(self.offense_types_[best])
            predictions.append(OffensePrediction(
                code=str(self.classes_[best]),
                offense_type=offense_type,
                probability=float(row[best]),
                type_probability=float(sums[type_index[offense_type]]),
                abstained=bool(row[best] < self.threshold),
                alternatives=[(str(self.classes_[i]), float(row[i])) for i in order[1:]],
            ))
        return predictions

    @property
    def model_id(self) -> str:
        return f"{MODEL_NAME}@{MODEL_VERSION}"


def load_offense_classifier(models_dir: Path | None = None) -> OffenseClassifier:
    """The trained classifier from ``models/offense_classifier.skops`` (cached; checked against its card)."""
    return load_model(OFFENSE, OffenseClassifier, models_dir)
