from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
from collections import Counter

from casefacts.classify.data import DEFAULT_TRAINING_DIR, doctype_training_rows, load_module
from casefacts.classify.taxonomy import load_taxonomy

VARIANTS = DEFAULT_TRAINING_DIR / "offenses" / "variants.py"


def test_independent_test_set_is_large_and_covers_every_category(test_rows):
    assert len(test_rows) >= 300
    counts = Counter(row.code for row in test_rows)
    assert set(counts) == set(load_taxonomy().codes)
    assert min(counts.values()) >= 5


def test_training_rows_come_from_seeds_and_variants_only(training_rows, test_rows):
    assert {row.source for row in training_rows} == {"seed", "variant"}
    counts = Counter(row.code for row in training_rows)
    assert set(counts) == set(load_taxonomy().codes)
    # The test set is never an input of training: none of its (charge, statute) pairs is a seed as written.
    seeds = {(row.charge, row.statute) for row in training_rows if row.source == "seed"}
    assert not [row for row in test_rows if (row.charge, row.statute) in seeds]


def test_every_variant_keeps_its_seed_group_and_label(training_rows):
    groups: dict[str, set[str]] = {}
    for row in training_rows:
        groups.setdefault(row.group, set()).add(row.code)
    assert all(len(codes) == 1 for codes in groups.values())
    assert all(group.split(":")[0] == next(iter(codes)) for group, codes in groups.items())


def _rows_digest(hash_seed: str) -> str:
    code = ("from casefacts.classify.data import offense_training_rows; import hashlib, json; "
            "rows = [(r.code, r.charge, r.statute, r.group) for r in offense_training_rows()]; "
            "print(hashlib.sha256(json.dumps(rows).encode()).hexdigest())")
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_generated_training_data_is_deterministic_across_processes(training_rows):
    here = hashlib.sha256(json.dumps([(r.code, r.charge, r.statute, r.group) for r in training_rows])
                          .encode()).hexdigest()
    assert _rows_digest("1") == _rows_digest("2") == here


def test_variant_operations():
    variants = load_module(VARIANTS)
    reverse = variants.reverse_abbreviations({"poss": "possession", "cs": "controlled substance"})
    assert variants.abbreviate("Possession of controlled substance", reverse, random.Random(0), rate=1.0) \
        == "poss of cs"
    typo = variants.misspell("burglary", random.Random(3))
    assert typo != "burglary" and abs(len(typo) - len("burglary")) <= 1
    charge, statute = variants.parse_seed("robbery | PC 211")
    assert (charge, statute) == ("robbery", "PC 211")
    assert variants.parse_seed("robbery") == ("robbery", None)


def test_doctype_training_texts_cover_every_kind_and_are_deterministic():
    first, second = doctype_training_rows(), doctype_training_rows()
    assert [(r.kind, r.text) for r in first] == [(r.kind, r.text) for r in second]
    kinds = Counter(r.kind for r in first)
    assert set(kinds) == {"rap_sheet", "court_disposition", "arrest_narrative", "support_letter", "other"}
    layouts_per_kind = Counter(kind for kind, _ in {(r.kind, r.group) for r in first})
    assert min(layouts_per_kind.values()) >= 3  # grouped calibration folds need three layouts a kind
