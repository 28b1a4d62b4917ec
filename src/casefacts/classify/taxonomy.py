"""The offense taxonomy: UCCS offense types, categories, and the flags rules read.

Data lives in ``extractors/taxonomy/offense_taxonomy.yaml`` (see the README beside it).
Typical use by a rule::

    taxonomy = load_taxonomy()
    category = taxonomy.category("drug_trafficking")
    category.offense_type          # "drug"
    category.flags["drug_trafficking"]   # True
    category.agg_felony_candidates # ["B"], always with category.agg_felony_note

``taxonomy_entry(offense_category)`` does the same from a fact's ``OffenseCategory`` and returns
``None`` when the classifier abstained, so a rule never acts on an unconfirmed guess.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from casefacts.config import get_settings
from casefacts.schema import OffenseCategory

FlagName = Literal[
    "violent", "weapon", "firearm", "drug_trafficking", "drug_possession", "sexual", "against_child",
    "domestic_violence", "gang", "immigration", "national_security",
]
FLAG_NAMES: tuple[str, ...] = FlagName.__args__  # type: ignore[attr-defined]
AGG_FELONY_LETTERS = tuple("ABCDEFGHIJKLMNOPQRSTU")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OffenseType(_Frozen):
    id: str
    name: str
    uccs_type: int


class Category(_Frozen):
    """One leaf of the taxonomy: what the classifier predicts, with the flags rules read."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    offense_type: str
    uccs: tuple[int, ...]
    flag_list: tuple[FlagName, ...] = Field(alias="flags")
    agg_felony: tuple[str, ...] = ()
    note: str
    description: str
    agg_felony_note: str = ""

    @property
    def flags(self) -> dict[str, bool]:
        """Every flag name with its value for this category."""
        return {name: name in self.flag_list for name in FLAG_NAMES}

    @property
    def agg_felony_candidates(self) -> list[str]:
        """Subparagraph letters of 8 U.S.C. 1101(a)(43) that may apply: needs legal review."""
        return list(self.agg_felony)

    @model_validator(mode="after")
    def _letters(self) -> Category:
        unknown = set(self.agg_felony) - set(AGG_FELONY_LETTERS)
        if unknown:
            raise ValueError(f"{self.code}: unknown 1101(a)(43) subparagraphs {sorted(unknown)}")
        return self


class Taxonomy(_Frozen):
    version: str
    agg_felony_note: str
    offense_types: tuple[OffenseType, ...]
    categories: tuple[Category, ...]

    @model_validator(mode="after")
    def _consistent(self) -> Taxonomy:
        type_ids = {t.id for t in self.offense_types}
        codes = [c.code for c in self.categories]
        if len(set(codes)) != len(codes):
            raise ValueError("duplicate category codes in the taxonomy")
        for category in self.categories:
            if category.offense_type not in type_ids:
                raise ValueError(f"{category.code}: unknown offense type {category.offense_type!r}")
        return self

    @property
    def codes(self) -> list[str]:
        return [c.code for c in self.categories]

    def category(self, code: str) -> Category:
        for category in self.categories:
            if category.code == code:
                return category
        raise KeyError(f"no taxonomy category {code!r}")

    def offense_type_of(self, code: str) -> str:
        return self.category(code).offense_type

    def codes_of_type(self, type_id: str) -> list[str]:
        return [c.code for c in self.categories if c.offense_type == type_id]

    def with_flag(self, flag: FlagName) -> list[str]:
        """Category codes for which ``flag`` is true."""
        return [c.code for c in self.categories if flag in c.flag_list]


def taxonomy_path() -> Path:
    return get_settings().extractors_dir / "taxonomy" / "offense_taxonomy.yaml"


def parse_taxonomy(text: str) -> Taxonomy:
    data = yaml.safe_load(text)
    note = data["agg_felony_note"]
    for category in data["categories"]:
        category.setdefault("agg_felony_note", note)
    return Taxonomy.model_validate(data)


@lru_cache(maxsize=4)
def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The taxonomy from ``extractors/taxonomy/offense_taxonomy.yaml`` (cached)."""
    return parse_taxonomy((path or taxonomy_path()).read_text(encoding="utf-8"))


def taxonomy_entry(category: OffenseCategory | None, taxonomy: Taxonomy | None = None) -> Category | None:
    """The taxonomy entry of a classified offense, or ``None`` if unclassified or abstained."""
    if category is None or category.abstained or category.code is None:
        return None
    return (taxonomy or load_taxonomy()).category(category.code)
