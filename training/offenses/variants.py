"""Deterministic variants of seed charge descriptions, the way records write them.

Each seed yields itself plus variants that combine: rap-sheet abbreviations (the reverse of
``extractors/taxonomy/abbreviations.tsv``), degree, class and level words, attempt, conspiracy
and solicitation, count markers, the statute written inline in several styles, a misspelling,
a truncated field, and upper/title/lower case. The randomness is seeded per seed string, so
the output depends only on the inputs (never on ``PYTHONHASHSEED`` or call order).

Loaded by ``casefacts.classify.data`` from this file; it has no dependency beyond the standard
library so that it can live beside the data it expands.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

GENERATOR_VERSION = "1"

ATTEMPT_FORMS = (
    "attempted {c}", "att {c}", "attempt to commit {c}", "{c} - attempt", "{c} (attempted)",
    "conspiracy to commit {c}", "consp to commit {c}", "conspiracy - {c}", "{c} - conspiracy",
    "solicitation to commit {c}", "aiding and abetting {c}",
)
DEGREE_FORMS = (
    "{c} 1st degree", "{c} 2nd degree", "{c} 3rd deg", "{c} first degree", "{c} in the second degree",
    "{c} - F3", "{c} (F2)", "{c} M1", "{c} - M2", "{c}, a class B felony", "{c}, class A misdemeanor",
    "{c} - felony", "{c} - misdemeanor", "{c} fel", "{c} misd", "{c} level 4 felony",
    "{c} gross misdemeanor", "{c} class 3 felony", "{c} (felony)", "{c} 4th degree", "{c} - high misdemeanor",
)
COUNT_FORMS = ("count 1: {c}", "ct 2 - {c}", "2 cts {c}", "{c} (3 counts)", "cnt 1 {c}", "{c} x2")
INLINE_STATUTE_FORMS = (
    "{c} {s}", "{s} {c}", "{c} ({s})", "{c} - {s}", "{s} - {c}", "{c} in violation of {s}", "{c} / {s}",
)
CASINGS = (("upper", 0.55), ("title", 0.2), ("lower", 0.1), ("keep", 0.15))
TARGET_ROWS_PER_CATEGORY = 320


def _rng(*parts: object) -> random.Random:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _render_key(key: str) -> str:
    """Abbreviation keys are token sequences ("w / int"); records write them packed ("w/int")."""
    return re.sub(r"\s*([&/])\s*", r"\1", key)


def reverse_abbreviations(abbreviations: Mapping[str, str]) -> dict[str, list[str]]:
    """Expansion phrase -> the abbreviations that stand for it, longest phrase first."""
    reverse: dict[str, list[str]] = {}
    for abbreviation, expansion in sorted(abbreviations.items()):
        reverse.setdefault(expansion, []).append(_render_key(abbreviation))
    return dict(sorted(reverse.items(), key=lambda item: (-len(item[0]), item[0])))


@lru_cache(maxsize=4)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def abbreviate(text: str, reverse: Mapping[str, list[str]], rng: random.Random, rate: float = 0.7) -> str:
    """Replace whole-word phrases (longest first) by one of their abbreviations, each with ``rate``."""
    pattern = _phrase_pattern(tuple(reverse))
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text.lower()):
        if rng.random() > rate:
            continue
        pieces.append(text[last:match.start()])
        pieces.append(rng.choice(reverse[match.group()]))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def misspell(text: str, rng: random.Random) -> str:
    """One typing error in a word of five letters or more: drop, swap, double or replace."""
    words = [m for m in re.finditer(r"[A-Za-z]{5,}", text)]
    if not words:
        return text
    match = rng.choice(words)
    word = match.group()
    i = rng.randrange(1, len(word) - 1)
    operation = rng.choice(("drop", "swap", "double", "vowel"))
    if operation == "drop":
        word = word[:i] + word[i + 1:]
    elif operation == "swap":
        word = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    elif operation == "double":
        word = word[:i] + word[i] + word[i:]
    else:
        vowels = [j for j, ch in enumerate(word) if ch.lower() in "aeiou" and j > 0]
        if vowels:
            j = rng.choice(vowels)
            word = word[:j] + rng.choice([v for v in "aeiou" if v != word[j].lower()]) + word[j + 1:]
    return text[: match.start()] + word + text[match.end():]


def restyle_statute(statute: str, rng: random.Random) -> str:
    """The same citation as different records write it."""
    style = rng.randrange(5)
    if style == 1:
        return statute.replace(".", "")
    if style == 2:
        match = re.match(r"^([A-Za-z&. ]+?)\s+([\dA-Za-z.()/:-]+)$", statute)
        if match:
            return f"{match.group(2)} {match.group(1)}"
    if style == 3:
        parts = statute.rsplit(" ", 1)
        if len(parts) == 2:
            return f"{parts[0]} § {parts[1]}"
    if style == 4:
        return statute.replace(" ", "")
    return statute


def _case(text: str, rng: random.Random) -> str:
    style = rng.choices([name for name, _ in CASINGS], weights=[w for _, w in CASINGS])[0]
    if style == "upper":
        return text.upper()
    if style == "title":
        return text.title()
    if style == "lower":
        return text.lower()
    return text


def _truncate(text: str, rng: random.Random) -> str:
    width = rng.randrange(22, 34)
    return text if len(text) <= width else text[:width].rstrip(" -,/")


def variant(charge: str, statute: str | None, reverse: Mapping[str, list[str]],
            rng: random.Random) -> tuple[str, str | None]:
    """One variant of a seed: ``(charge as written, statute field or None)``."""
    text = charge
    has_inchoate = re.search(r"\b(attempt|conspira|solicit)", text, re.I)
    if not has_inchoate and rng.random() < 0.2:
        text = rng.choice(ATTEMPT_FORMS).format(c=text)
    has_degree = re.search(r"\b(degree|deg|1st|2nd|3rd|4th|class|felony|misdemeanor)\b", text, re.I)
    if not has_degree and rng.random() < 0.3:
        text = rng.choice(DEGREE_FORMS).format(c=text)
    if rng.random() < 0.5:
        text = abbreviate(text, reverse, rng)
    if rng.random() < 0.12:
        text = rng.choice(COUNT_FORMS).format(c=text)
    statute_field = None
    if statute:
        shown = restyle_statute(statute, rng)
        roll = rng.random()
        if roll < 0.35:
            text = rng.choice(INLINE_STATUTE_FORMS).format(c=text, s=shown)
        elif roll < 0.7:
            statute_field = shown
    if rng.random() < 0.2:
        text = misspell(text, rng)
    if rng.random() < 0.08:
        text = _truncate(text, rng)
    return _case(text, rng), statute_field


def parse_seed(entry: str) -> tuple[str, str | None]:
    """``"charge | statute"`` -> ``(charge, statute)``."""
    charge, _, statute = entry.partition("|")
    return charge.strip(), (statute.strip() or None)


def expand(seeds: Mapping[str, Iterable[str]], abbreviations: Mapping[str, str],
           seed: int = 0, rows_per_category: int = TARGET_ROWS_PER_CATEGORY) -> list[dict[str, str]]:
    """Rows ``{code, charge, statute, group}``: every seed as written plus its variants.

    ``group`` names the seed a row came from, so that cross-validation can keep all variants
    of one seed in the same fold. Each category gets about ``rows_per_category`` rows.
    """
    reverse = reverse_abbreviations(abbreviations)
    rows: list[dict[str, str]] = []
    for code in sorted(seeds):
        entries = [parse_seed(e) for e in seeds[code]]
        per_seed = max(1, math.ceil(rows_per_category / max(1, len(entries)))) - 1
        seen: set[tuple[str, str]] = set()
        for index, (charge, statute) in enumerate(entries):
            group = f"{code}:{index}"
            candidates = [(charge, statute)]
            rng = _rng(seed, code, charge, statute)
            for _ in range(per_seed * 3):
                if len(candidates) > per_seed:
                    break
                candidates.append(variant(charge, statute, reverse, rng))
            for text, statute_field in candidates:
                key = (text, statute_field or "")
                if key in seen:
                    continue
                seen.add(key)
                rows.append({"code": code, "charge": text, "statute": statute_field or "", "group": group})
    return rows
