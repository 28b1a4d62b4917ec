"""Document-type router: which kind of record a document is, so ingest picks its extractors.

Kinds (``schema.DocKind``): ``rap_sheet``, ``court_disposition``, ``arrest_narrative``
(police and immigration narratives), ``support_letter``, ``other``. A scikit-learn estimator
over the text of the first pages (word 1-2-gram TF-IDF, linear SVM, sigmoid calibration).
Below ``threshold`` it abstains to ``other`` (generic extractors only); the probability stored
is then the model's probability of ``other``, which is low, so the uncertainty stays visible.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, cast

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from casefacts.classify.models import DOCTYPE, load_model
from casefacts.classify.text import load_protected_terms, normalize_document_text
from casefacts.classify.vectorizers import CompactTfidfVectorizer
from casefacts.schema import DocKind, Document

MODEL_NAME = "doctype_router"
MODEL_VERSION = "1.0.0"
DOC_KINDS: tuple[str, ...] = DocKind.__args__  # type: ignore[attr-defined]
MAX_PAGES = 4
_WORD = re.compile(r"[a-z]")


def document_text(document: Document, max_pages: int = MAX_PAGES) -> str:
    """Text of the first pages, with table cells appended row by row."""
    parts: list[str] = []
    for page in sorted(document.pages, key=lambda p: p.number)[:max_pages]:
        parts.append(page.text)
        for table in page.tables:
            parts.extend(" ".join(cell or "" for cell in row) for row in table.rows)
    return "\n".join(parts)


class DocumentFeaturizer(TransformerMixin, BaseEstimator):
    """Raw text -> normalized tokens; protected terms are dropped before vectorizing."""

    def fit(self, X: Iterable[str], y: Any = None) -> DocumentFeaturizer:
        self.dropped_terms_ = sorted(load_protected_terms())
        return self

    def transform(self, X: Iterable[str]) -> list[str]:
        check_is_fitted(self, "dropped_terms_")
        drop = frozenset(self.dropped_terms_)
        return [normalize_document_text(text, drop) for text in X]


class DocTypeClassifier(ClassifierMixin, BaseEstimator):
    """Calibrated TF-IDF + linear SVM over document text, abstaining to ``other``."""

    def __init__(self, threshold: float = 0.5, C: float = 0.5, max_features: int = 20000,
                 calibration_folds: int = 3, random_state: int = 0):
        self.threshold = threshold
        self.C = C
        self.max_features = max_features
        self.calibration_folds = calibration_folds
        self.random_state = random_state

    def fit(self, X: Sequence[str], y: Sequence[str], groups: Sequence[str] | None = None) -> DocTypeClassifier:
        labels = np.asarray(y)
        unknown = set(labels) - set(DOC_KINDS)
        if unknown:
            raise ValueError(f"unknown document kinds: {sorted(unknown)}")
        placeholder = np.zeros(len(labels))
        if groups is None:
            folds = StratifiedKFold(self.calibration_folds, shuffle=True, random_state=self.random_state)
            cv = list(folds.split(placeholder, labels))
        else:
            grouped = StratifiedGroupKFold(self.calibration_folds, shuffle=True, random_state=self.random_state)
            cv = list(grouped.split(placeholder, labels, groups=np.asarray(groups)))
        vectorizer = CompactTfidfVectorizer(token_pattern=r"\S+", ngram_range=(1, 2), sublinear_tf=True,
                                            min_df=2, max_features=self.max_features, dtype=np.float32)
        svm = LinearSVC(C=self.C, class_weight="balanced", random_state=self.random_state)
        self.pipeline_ = Pipeline([
            ("text", DocumentFeaturizer()), ("features", vectorizer),
            ("model", CalibratedClassifierCV(svm, method="sigmoid", cv=cv, ensemble=False)),
        ]).fit(list(X), labels)
        self.classes_ = self.pipeline_.classes_
        return self

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        check_is_fitted(self, "pipeline_")
        return self.pipeline_.predict_proba(list(X))

    def predict(self, X: Sequence[str]) -> np.ndarray:
        return np.asarray([kind for kind, _ in self.route(X)])

    def route(self, X: Sequence[str]) -> list[tuple[DocKind, float]]:
        """``(kind, probability)`` per text, abstaining to ``other`` below ``threshold``."""
        proba = self.predict_proba(X)
        other = int(np.flatnonzero(self.classes_ == "other")[0])
        routed = []
        for row in proba:
            best = int(np.argmax(row))
            index = best if row[best] >= self.threshold else other
            routed.append((cast(DocKind, str(self.classes_[index])), float(row[index])))
        return routed

    @property
    def model_id(self) -> str:
        return f"{MODEL_NAME}@{MODEL_VERSION}"


def load_doctype_router(models_dir: Path | None = None) -> DocTypeClassifier:
    """The trained router from ``models/doctype_router.skops`` (cached; checked against its card)."""
    return load_model(DOCTYPE, DocTypeClassifier, models_dir)


def route_document(document: Document, router: DocTypeClassifier | None = None) -> tuple[DocKind, float]:
    """``(kind, probability)`` of one document; ``("other", 0.0)`` when it has no words to read."""
    return route_documents_kinds([document], router)[0]


def route_documents_kinds(documents: Sequence[Document],
                          router: DocTypeClassifier | None = None) -> list[tuple[DocKind, float]]:
    """``(kind, probability)`` per document, in one batch."""
    results: list[tuple[DocKind, float]] = [("other", 0.0)] * len(documents)
    texts = {i: document_text(d) for i, d in enumerate(documents) if d.ingest_status.status == "ok"}
    texts = {i: text for i, text in texts.items() if _WORD.search(normalize_document_text(text))}
    if texts:
        routed = (router or load_doctype_router()).route(list(texts.values()))
        for i, result in zip(texts, routed, strict=True):
            results[i] = result
    return results


def route_documents(documents: Sequence[Document], router: DocTypeClassifier | None = None) -> list[Document]:
    """Copies with ``doc_kind`` and ``doc_kind_probability`` set; documents not ingested ``ok``
    pass through as ``other`` with no probability."""
    kinds = route_documents_kinds(documents, router)
    out = []
    for document, (kind, probability) in zip(documents, kinds, strict=True):
        if document.ingest_status.status != "ok":
            out.append(document.model_copy(update={"doc_kind": "other", "doc_kind_probability": None}))
        else:
            out.append(document.model_copy(update={"doc_kind": kind, "doc_kind_probability": round(probability, 4)}))
    return out
