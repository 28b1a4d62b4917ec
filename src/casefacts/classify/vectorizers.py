"""Vectorizers whose saved state is compact and byte-for-byte reproducible."""

from __future__ import annotations

import json
from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer


class CompactTfidfVectorizer(TfidfVectorizer):
    """``TfidfVectorizer`` whose saved state is compact and reproducible.

    skops writes a dict as one node per key; for tens of thousands of n-grams that is most
    of the artifact, so the vocabulary is saved as one JSON list (list order = column index).
    ``_stop_words_id`` (an ``id()`` sklearn keeps as a cache key) is dropped: it differs
    between processes and would make two identical models differ byte for byte.
    """

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())  # a copy: object.__getstate__ returns __dict__ itself
        state.pop("_stop_words_id", None)
        vocabulary = state.get("vocabulary_")
        if isinstance(vocabulary, dict):
            state = {**state, "vocabulary_": json.dumps(sorted(vocabulary, key=vocabulary.__getitem__))}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        vocabulary = state.get("vocabulary_")
        if isinstance(vocabulary, str):
            state = {**state, "vocabulary_": {term: i for i, term in enumerate(json.loads(vocabulary))}}
        super().__setstate__(state)
