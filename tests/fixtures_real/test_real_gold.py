"""Validity of the real development set in fixtures/real: sources, gold format, labels grounded in text."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from casefacts.gold import GOLD_SUFFIX, GoldEvent, GoldOffense, GoldSubject, gold_path_for, load_gold
from casefacts.schema import PartialDate

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real"
SPLITS = ("dev", "test")
SOURCE_LINE = re.compile(r"^Source: (https?://\S+)$")
ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _texts(split: str) -> list[Path]:
    return sorted(p for p in (REAL / split).glob("*.txt"))


ALL_TEXTS = [p for split in SPLITS for p in _texts(split)]


def _squash(text: str) -> str:
    """Collapse runs of whitespace, so a charge wrapped across lines still matches."""
    return " ".join(text.split())


def _dates(gold_fact) -> list[str]:
    if isinstance(gold_fact, GoldOffense):
        return [d for d in (gold_fact.offense_date, gold_fact.arrest_date, gold_fact.disposition_date) if d]
    if isinstance(gold_fact, GoldEvent):
        return [gold_fact.date] if gold_fact.date else []
    if isinstance(gold_fact, GoldSubject):
        return [gold_fact.date_of_birth] if gold_fact.date_of_birth else []
    return []


def test_split_sizes():
    assert len(_texts("dev")) >= 18
    assert len(_texts("test")) >= 12


def test_every_text_has_a_gold_file_and_every_gold_file_a_text():
    for split in SPLITS:
        texts = {p.name for p in _texts(split)}
        golds = {p.name[: -len(GOLD_SUFFIX)] for p in (REAL / split).glob(f"*{GOLD_SUFFIX}")}
        assert texts == golds, f"{split}: unpaired {texts ^ golds}"


def test_no_document_in_both_splits():
    def keys(split: str) -> tuple[set[str], set[str], set[str]]:
        paths = _texts(split)
        urls = {load_gold(gold_path_for(p)).source_url or "" for p in paths}
        hashes = {hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
        return {p.name for p in paths}, urls, hashes

    for dev_keys, test_keys in zip(keys("dev"), keys("test"), strict=True):
        assert not dev_keys & test_keys


@pytest.mark.parametrize("text_path", ALL_TEXTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_source_line_and_cut_markers(text_path: Path):
    lines = text_path.read_text(encoding="utf-8").splitlines()
    assert SOURCE_LINE.match(lines[0]), "first line must be 'Source: <URL>'"
    assert lines[1] == "", "a blank line must follow the Source line"
    assert any(line.strip() for line in lines[2:]), "no text after the Source line"
    for line in lines:
        if "[...]" in line:
            assert line == "[...]", f"a cut marker must stand on its own line: {line!r}"


@pytest.mark.parametrize("text_path", ALL_TEXTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_parses_and_is_grounded_in_its_text(text_path: Path):
    gold = load_gold(gold_path_for(text_path))
    text = text_path.read_text(encoding="utf-8")
    assert gold.file == text_path.name
    assert gold.source_url == SOURCE_LINE.match(text.splitlines()[0]).group(1)
    assert gold.facts, "a real document with no labeled fact is not worth keeping"
    body = _squash(text)
    for fact in gold.facts:
        if isinstance(fact, GoldOffense):
            assert _squash(fact.charge) in body, f"charge not in text: {fact.charge!r}"
            if fact.statute:
                assert _squash(fact.statute) in body, f"statute not in text: {fact.statute!r}"
        if isinstance(fact, GoldSubject) and fact.name:
            assert fact.name in text, f"subject name not in text: {fact.name!r}"
        for value in _dates(fact):
            assert ISO_PARTIAL.match(value), f"not an ISO partial date: {value!r}"
            assert PartialDate.from_iso(value).iso == value
