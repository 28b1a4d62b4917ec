"""Charge normalization: rap-sheet abbreviations expanded, known variants mapped to one name.

"POSS CNTRL SUBST" -> "possession of a controlled substance", "BURG 2ND DEG" -> "burglary in
the second degree", "illegally re-entering" -> "illegal reentry". The tables are data
(``extractors/charge_abbreviations.csv``, ``extractors/offense_terms.csv``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_ORDINAL_DEGREE = re.compile(r"\b(?:in the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s\-]degree\b", re.I)
_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}
_NOISE = re.compile(r"^[\s\-:;,.#*]+|[\s\-:;,.#*]+$")


def _boundary_pattern(abbreviation: str) -> str:
    """A pattern for an abbreviation as a whole word sequence ("W/DW" inside "ASLT W/DW")."""
    body = r"\s+".join(re.escape(part) for part in abbreviation.split())
    return rf"(?<![\w/&]){body}(?![\w&])" if abbreviation[-1] != "/" else rf"(?<![\w/&]){body}"


class ChargeNormalizer:
    """Expands abbreviations (longest first) and maps variants to canonical offense names."""

    def __init__(self, abbreviations: Mapping[str, str], canonical: Mapping[str, str]) -> None:
        ordered = sorted(abbreviations.items(), key=lambda kv: (-len(kv[0]), kv[0]))
        self._abbreviations = [(re.compile(_boundary_pattern(a), re.IGNORECASE), e) for a, e in ordered]
        self._abbreviation_keys = {a.lower() for a in abbreviations}
        self._canonical = {_squash(k): v for k, v in canonical.items()}

    @classmethod
    def from_rows(cls, abbreviation_rows: Iterable[Mapping[str, str]],
                  term_rows: Iterable[Mapping[str, str]]) -> ChargeNormalizer:
        return cls({r["abbreviation"]: r["expansion"] for r in abbreviation_rows},
                   {r["term"]: r["normalized"] for r in term_rows})

    def expand(self, charge: str) -> str:
        """Abbreviations expanded, lower case, single spaces."""
        text = _NOISE.sub("", charge.strip())
        if text.isupper() or any(ch.isdigit() for ch in text) or self._has_abbreviation(text):
            for pattern, expansion in self._abbreviations:
                text = pattern.sub(f" {expansion} ", text)
        text = _ORDINAL_DEGREE.sub(lambda m: f" in the {_ORDINALS.get(m.group(1).lower(), m.group(1).lower())} "
                                   "degree ", text)
        text = re.sub(r"\bin the in the\b", "in the", text.lower())
        # one place for the degree: "second degree burglary", "Burglary, second degree" -> "burglary in the second
        # degree"
        text = re.sub(r"\s*,\s*(in the \w+ degree)\b", r" \1", text)
        text = re.sub(r"^\s*(in the \w+ degree)\s+(.+?)\s*$", r"\2 \1", text)
        text = re.sub(r"\s*/\s*", " or ", text) if "/" in text else text
        return " ".join(re.sub(r"\s-+\s|^-+|-+$", " ", text).split())

    def normalize(self, charge: str) -> str:
        """The canonical name when the charge is a known variant, else the expanded charge."""
        expanded = self.expand(charge)
        return self._canonical.get(_squash(expanded), expanded)

    def _has_abbreviation(self, text: str) -> bool:
        words = re.findall(r"[\w/&]+", text.lower())
        return any(w in self._abbreviation_keys for w in words) and any(w.isupper() and len(w) > 1
                                                                        for w in text.split())


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9.]+", " ", re.sub(r"(?<=\w)-(?=\w)", "", text.lower())).split())
