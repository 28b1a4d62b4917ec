"""Training and evaluation data of the classifiers, read from the repository's ``training/``.

- ``training/offenses/seeds.yaml`` + ``training/offenses/variants.py``: offense training rows.
- ``training/offenses/test_independent.tsv``: the independent offense test set (never trained on).
- ``training/doctype/generate.py``: document-type training texts.
- a corrections JSONL file (see ``casefacts.classify.corrections``): reviewer labels.

The generator modules are loaded from their files, since ``training/`` is data beside the
package rather than part of it.
"""

from __future__ import annotations

import csv
import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import yaml

from casefacts.classify.taxonomy import Taxonomy, load_taxonomy
from casefacts.classify.text import ChargeText, load_abbreviations
from casefacts.config import REPO_ROOT
from casefacts.errors import ConfigError

DEFAULT_TRAINING_DIR = REPO_ROOT / "training"
VARIANT_SEED = 0


@dataclass(frozen=True)
class OffenseRow:
    code: str
    charge: str
    statute: str | None
    group: str
    source: str  # seed, variant, correction, test

    @property
    def input(self) -> ChargeText:
        return ChargeText(self.charge, self.statute)


def load_module(path: Path) -> ModuleType:
    """Import a generator module from its file."""
    spec = importlib.util.spec_from_file_location(f"casefacts_training_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise ConfigError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_seeds(path: Path, taxonomy: Taxonomy) -> dict[str, list[str]]:
    seeds = yaml.safe_load(path.read_text(encoding="utf-8"))
    unknown = set(seeds) - set(taxonomy.codes)
    missing = set(taxonomy.codes) - set(seeds)
    if unknown or missing:
        raise ConfigError(f"{path}: unknown categories {sorted(unknown)}, missing {sorted(missing)}")
    return {code: [str(entry) for entry in entries] for code, entries in seeds.items()}


def offense_training_rows(training_dir: Path = DEFAULT_TRAINING_DIR, seed: int = VARIANT_SEED,
                          taxonomy: Taxonomy | None = None) -> list[OffenseRow]:
    """Seeds plus their deterministic variants (see ``training/offenses/variants.py``)."""
    taxonomy = taxonomy or load_taxonomy()
    variants = load_module(training_dir / "offenses" / "variants.py")
    seeds = load_seeds(training_dir / "offenses" / "seeds.yaml", taxonomy)
    rows = variants.expand(seeds, load_abbreviations(), seed=seed)
    originals = {(code, *variants.parse_seed(entry)) for code, entries in seeds.items() for entry in entries}
    return [
        OffenseRow(
            code=row["code"], charge=row["charge"], statute=row["statute"] or None, group=row["group"],
            source="seed" if (row["code"], row["charge"], row["statute"] or None) in originals else "variant",
        )
        for row in rows
    ]


def read_offense_tsv(path: Path, source: str, taxonomy: Taxonomy | None = None) -> list[OffenseRow]:
    """A ``code<TAB>charge<TAB>statute`` file with a header line."""
    taxonomy = taxonomy or load_taxonomy()
    known = set(taxonomy.codes)
    rows: list[OffenseRow] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for i, record in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)):
            if record["code"] not in known:
                raise ConfigError(f"{path}:{i + 2}: unknown category {record['code']!r}")
            rows.append(OffenseRow(record["code"], record["charge"], record.get("statute") or None,
                                   f"{source}:{i}", source))
    return rows


def offense_test_rows(training_dir: Path = DEFAULT_TRAINING_DIR) -> list[OffenseRow]:
    """The independent test set: hand-written, never produced by the variant generator."""
    return read_offense_tsv(training_dir / "offenses" / "test_independent.tsv", "test")


def inputs_and_labels(rows: Sequence[OffenseRow]) -> tuple[list[ChargeText], list[str], list[str]]:
    return [r.input for r in rows], [r.code for r in rows], [r.group for r in rows]


@dataclass(frozen=True)
class DocumentRow:
    kind: str
    text: str
    group: str


def doctype_training_rows(training_dir: Path = DEFAULT_TRAINING_DIR, seed: int = VARIANT_SEED) -> list[DocumentRow]:
    """Document texts from ``training/doctype/generate.py`` (independent of ``fixtures/``)."""
    generator = load_module(training_dir / "doctype" / "generate.py")
    return [DocumentRow(kind, text, group) for kind, text, group in generator.generate(seed=seed)]
