"""What kind of offense a fact is, for the rules: an adapter over the offense classifier.

Order of sources, each recorded in ``OffenseFlags.sources``:

1. The classifier's category (``OffenseFact.category.code``, when present and not abstained),
   read through the taxonomy data file (``extractors/taxonomy/offense_taxonomy.yaml``: flags
   and candidate 1101(a)(43) letters per category). Only the data file is read, so the rules
   work whether or not ``casefacts.classify`` is importable.
2. Statutes whose number says what the offense is (``cues.STATUTE_CUES``), always.
3. Keywords in the charge as written (``cues.KEYWORD_CUES``), only when step 1 gave nothing.
4. Literal statements in the charge (a deadly weapon, an injury, an attempt, a gang
   participation element, a dispersal order: ``cues.LITERAL_CUES``), always.

Attempt, conspiracy or solicitation adds (U) when another letter is a candidate.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from casefacts.config import get_settings
from casefacts.rules import cues
from casefacts.rules.model import OffenseFlags
from casefacts.schema import OffenseCategory, Statute

TaxonomyEntry = tuple[frozenset[str], tuple[str, ...]]
Taxonomy = dict[str, TaxonomyEntry]

_FLAG_FIELDS = frozenset(OffenseFlags.model_fields) - {"agg_felony_candidates", "sources"}
# Categories whose flags in the taxonomy do not say "harm" or "sophisticated" but whose offense does.
_HARM_CODES = frozenset({"vehicular_homicide", "hit_and_run_injury", "arson"})
_SOPHISTICATED_CODES = frozenset(
    {
        "fraud",
        "forgery_counterfeiting",
        "embezzlement",
        "money_laundering",
        "drug_trafficking",
        "human_trafficking",
        "alien_smuggling",
        "immigration_document_fraud",
        "gang_racketeering",
        "tax_offense",
        "bribery",
        "promoting_prostitution",
        "terrorism_national_security",
        "gambling",
    }
)
_HARM_FLAGS = frozenset({"violent", "sexual", "against_child", "domestic_violence"})
LETTERS = "ABCDEFGHIJKLMNOPQRSTU"


def taxonomy_path() -> Path:
    return get_settings().extractors_dir / "taxonomy" / "offense_taxonomy.yaml"


@lru_cache(maxsize=4)
def load_taxonomy(path: Path) -> Taxonomy:
    """Category code -> (flags, candidate letters); empty when the file is absent."""
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    taxonomy: Taxonomy = {}
    for entry in data.get("categories", []):
        flags = set(entry.get("flags") or []) & _FLAG_FIELDS
        if flags & _HARM_FLAGS or entry["code"] in _HARM_CODES:
            flags.add("harm")
        if entry["code"] in _SOPHISTICATED_CODES:
            flags.add("sophisticated")
        taxonomy[entry["code"]] = (frozenset(flags), tuple(entry.get("agg_felony") or ()))
    return taxonomy


def offense_flags(
    charge: str,
    charge_normalized: str | None,
    statute: Statute | None,
    category: OffenseCategory | None,
    taxonomy: Taxonomy | None = None,
) -> OffenseFlags:
    """The flags of one offense, with the sources that set them."""
    taxonomy = load_taxonomy(taxonomy_path()) if taxonomy is None else taxonomy
    text = " ".join(t for t in (charge, charge_normalized, statute.text if statute else None) if t)
    flags: set[str] = set()
    letters: set[str] = set()
    sources: list[str] = []

    entry = _usable_category(category, taxonomy)
    if entry is not None:
        flags |= entry[0]
        letters |= set(entry[1])
        sources.append(f"classifier:{category.code}")  # type: ignore[union-attr]

    for cue in _statute_cues(statute, text):
        flags |= cue.flags
        letters |= set(cue.letters)
        sources.append(f"statute:{cue.code}:{cue.section}")

    if entry is None:
        matched = [cue for cue in cues.KEYWORD_CUES if cue.matches(text)]
        for cue in matched:
            flags |= cue.flags
            letters |= set(cue.letters)
        if matched:
            sources.append("keywords:" + ",".join(cue.name for cue in matched))

    literal = [cue for cue in cues.LITERAL_CUES if cue.matches(text)]
    for cue in literal:
        flags |= cue.flags
    if literal:
        sources.append("stated:" + ",".join(cue.name for cue in literal))

    if letters and cues.ATTEMPT_OR_CONSPIRACY.search(text):
        letters.add("U")
    return OffenseFlags(
        **{name: True for name in flags},
        agg_felony_candidates=tuple(sorted(letters, key=LETTERS.index)),
        sources=tuple(dict.fromkeys(sources)),
    )


def _usable_category(category: OffenseCategory | None, taxonomy: Taxonomy) -> TaxonomyEntry | None:
    if category is None or category.abstained or not category.code:
        return None
    return taxonomy.get(category.code)


def normalize_code(code: str) -> str:
    return re.sub(r"[^a-z0-9]", "", code.lower())


def _section_matches(section: str, prefix: str) -> bool:
    return section == prefix or (section.startswith(prefix) and section[len(prefix)] == "(")


def _statute_cues(statute: Statute | None, text: str) -> list[cues.StatuteCue]:
    cited: list[tuple[str, str]] = []
    if statute is not None and statute.code and statute.section:
        cited.append((normalize_code(statute.code), statute.section.lower().replace(" ", "")))
    for m in cues.FEDERAL_CITE.finditer(text):
        cited.append((f"{m.group(1)}usc", m.group(2).lower()))
    return [
        cue
        for code, section in dict.fromkeys(cited)
        for cue in cues.STATUTE_CUES
        if cue.code == code and _section_matches(section, cue.section)
    ]
