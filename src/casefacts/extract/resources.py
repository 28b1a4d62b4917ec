"""The extraction data in ``extractors/``, loaded and compiled once per folder.

Everything an extractor knows about the language of records lives in those files (lexicons,
statute codes, cue lists, table headers); this module only reads and compiles them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from casefacts.errors import ConfigError
from casefacts.extract.normalize import ChargeNormalizer
from casefacts.extract.sentences import SentenceGrammar
from casefacts.extract.statutes import StatuteGrammar
from casefacts.extract.tables import HeaderMap

PATTERN_DIR = "patterns"
OFFENSE_LABEL = "OFFENSE"


@dataclass(frozen=True)
class Resources:
    """Compiled extraction data of one ``extractors/`` folder."""

    directory: Path
    statutes: StatuteGrammar
    sentences: SentenceGrammar
    charges: ChargeNormalizer
    headers: HeaderMap
    context: dict[str, Any]
    weak_terms: frozenset[str]  # lower-cased wordings marked weak: a charge only next to a cue or citation
    ruler_patterns: tuple[dict[str, Any], ...]
    tables: dict[str, Any]  # every other YAML file by stem, for the extractor that reads it
    rows: dict[str, list[dict[str, str]]]  # every CSV file by stem

    def config(self, name: str) -> Any:
        """A YAML file of the folder, by stem; ConfigError when it is missing."""
        if name not in self.tables:
            raise ConfigError(f"extraction data {self.directory / (name + '.yaml')} is missing")
        return self.tables[name]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if any(v.strip() for v in row.values() if v)]


def _read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("//"):
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{path}:{number}: not a JSON object ({exc.msg})") from exc


def offense_patterns(terms: list[dict[str, str]], abbreviations: list[dict[str, str]]) -> list[dict[str, Any]]:
    """SpanRuler phrase patterns for every offense term and offense abbreviation."""
    patterns = [{"label": OFFENSE_LABEL, "pattern": row["term"], "id": row["normalized"]} for row in terms]
    patterns += [{"label": OFFENSE_LABEL, "pattern": row["abbreviation"], "id": row["expansion"]}
                 for row in abbreviations if row.get("offense", "").strip().lower() == "yes"]
    return patterns


@lru_cache(maxsize=4)
def load_resources(directory: Path) -> Resources:
    """Read and compile ``directory``; raise ConfigError naming the file that is wrong."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ConfigError(f"extractors folder {directory} does not exist (CASEFACTS_EXTRACTORS_DIR)")
    current = directory
    try:
        current = directory / "offense_terms.csv"
        terms = _read_csv(current)
        current = directory / "charge_abbreviations.csv"
        abbreviations = _read_csv(current)
        current = directory / "statute_codes.yaml"
        statutes = StatuteGrammar.from_config(_read_yaml(current))
        current = directory / "sentence_cues.yaml"
        sentences = SentenceGrammar(_read_yaml(current))
        current = directory / "table_headers.csv"
        headers = HeaderMap.from_rows(_read_csv(current))
        current = directory / "context.yaml"
        context = _read_yaml(current)
        patterns = offense_patterns(terms, abbreviations)
        for current in sorted((directory / PATTERN_DIR).glob("*.jsonl")):
            patterns.extend(_read_jsonl(current))
        tables = {}
        for current in sorted(directory.glob("*.yaml")):
            tables[current.stem] = _read_yaml(current)
        rows = {}
        for current in sorted(directory.glob("*.csv")):
            rows[current.stem] = _read_csv(current)
    except (OSError, KeyError, ValueError, TypeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot load extraction data from {current}: {exc}") from exc
    return Resources(
        directory=directory,
        statutes=statutes,
        sentences=sentences,
        charges=ChargeNormalizer.from_rows(abbreviations, terms),
        headers=headers,
        context=context,
        weak_terms=frozenset(row["term"].lower() for row in terms if row.get("weak", "").strip() == "yes"),
        ruler_patterns=tuple(patterns),
        tables=tables,
        rows=rows,
    )
