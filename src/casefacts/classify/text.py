"""Text normalization for the classifiers: charge strings, statute citations, documents.

Pure functions. Charge text is lower-cased, dotted acronyms are closed up ("D.U.I." -> "dui"),
rap-sheet abbreviations are expanded from ``extractors/taxonomy/abbreviations.tsv`` (longest
token sequence first) and punctuation is dropped. Statute citations become ``st_`` tokens so
that they never collide with charge words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from casefacts.config import get_settings

_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")
_TOKEN = re.compile(r"[a-z0-9]+|[&/$]")
_MAX_KEY_TOKENS = 4


class ChargeText(NamedTuple):
    """The only input of the offense classifier: a charge as written and its statute citation."""

    charge: str
    statute: str | None = None


def abbreviations_path() -> Path:
    return get_settings().extractors_dir / "taxonomy" / "abbreviations.tsv"


def protected_terms_path() -> Path:
    return get_settings().extractors_dir / "taxonomy" / "protected_terms.txt"


@lru_cache(maxsize=4)
def load_protected_terms(path: Path | None = None) -> frozenset[str]:
    """Tokens naming a protected characteristic; featurizers drop them (see the file's header)."""
    text = (path or protected_terms_path()).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def parse_abbreviations(text: str) -> dict[str, str]:
    """``abbreviation<TAB>expansion`` lines; ``#`` starts a comment line."""
    table: dict[str, str] = {}
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        key, sep, expansion = line.partition("\t")
        if not sep or not expansion.strip():
            raise ValueError(f"abbreviations line {line_number}: expected 'abbreviation<TAB>expansion'")
        table[" ".join(_tokens(key))] = expansion.strip().lower()
    return table


@lru_cache(maxsize=4)
def load_abbreviations(path: Path | None = None) -> dict[str, str]:
    return parse_abbreviations((path or abbreviations_path()).read_text(encoding="utf-8"))


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    return _TOKEN.findall(text)


def expand_tokens(tokens: list[str], abbreviations: Mapping[str, str]) -> list[str]:
    """Replace the longest abbreviation key at each position by its expansion."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for width in range(min(_MAX_KEY_TOKENS, len(tokens) - i), 0, -1):
            expansion = abbreviations.get(" ".join(tokens[i:i + width]))
            if expansion is not None:
                out.extend(expansion.split())
                i += width
                break
        else:
            out.append(tokens[i])
            i += 1
    return [("and" if t == "&" else t) for t in out if t not in {"/", "$"}]


def normalize_charge(text: str, abbreviations: Mapping[str, str], drop: AbstractSet[str] = frozenset()) -> str:
    """``"POSS CS W/INT TO DIST"`` -> ``"possession controlled substance with intent to distribution"``."""
    return " ".join(t for t in expand_tokens(_tokens(text), abbreviations) if t not in drop)


def normalize_statute(text: str | None) -> str:
    """``"H&S 11350(a)"`` -> ``"st_h st_s st_11350 st_a"``; empty when there is no citation."""
    if not text:
        return ""
    return " ".join(f"st_{t}" for t in _tokens(text) if t not in {"&", "/", "$"})


def charge_feature_text(item: ChargeText, abbreviations: Mapping[str, str],
                        drop: AbstractSet[str] = frozenset()) -> str:
    """The single string the offense classifier's vectorizers read: charge words, then statute."""
    charge = normalize_charge(item.charge, abbreviations, drop)
    statute = normalize_statute(item.statute)
    return f"{charge} {statute}".strip()


_DOC_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_DIGIT = re.compile(r"[0-9]")


def normalize_document_text(text: str, drop: AbstractSet[str] = frozenset(), max_tokens: int = 1500) -> str:
    """Lower-cased word tokens, digits folded to ``0``, ``drop`` removed, first ``max_tokens`` kept."""
    tokens = _DOC_TOKEN.findall(unicodedata.normalize("NFKC", text).lower())
    kept = [_DIGIT.sub("0", t) for t in tokens if t not in drop]
    return " ".join(kept[:max_tokens])
