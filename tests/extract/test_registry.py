"""The registered extractors and pipeline components against a committed snapshot: none disappears
silently. Adding one is deliberate: update ``registry_snapshot.json`` in the same change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefacts.errors import ConfigError
from casefacts.extract.base import Extractor, extractor_id
from casefacts.extract.pipeline import load_pipeline, resources_for
from casefacts.extract.registry import build_extractors, registered_names

SNAPSHOT = json.loads((Path(__file__).with_name("registry_snapshot.json")).read_text())


def test_registered_extractors_match_the_snapshot() -> None:
    assert registered_names() == SNAPSHOT["extractors"]


def test_pipeline_components_match_the_snapshot(nlp) -> None:
    assert nlp.pipe_names == SNAPSHOT["pipeline"]


def test_every_extractor_has_a_versioned_name(nlp) -> None:
    extractors = build_extractors(resources_for(nlp))
    for name, extractor in zip(registered_names(), extractors, strict=True):
        assert isinstance(extractor, Extractor)
        assert name == f"casefacts.{extractor.name}.v{extractor.version.split('.')[0]}"
        assert extractor_id(extractor) == f"{extractor.name}@{extractor.version}"


def test_pipeline_is_cached_per_model(nlp) -> None:
    assert load_pipeline() is nlp


def test_missing_model_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="not installed"):
        load_pipeline("en_no_such_model_xyz")


def test_broken_extraction_data_names_the_file(tmp_path, monkeypatch) -> None:
    from casefacts.config import get_settings
    from casefacts.extract.resources import load_resources

    source = get_settings().extractors_dir
    for path in source.rglob("*"):
        if path.is_file():
            target = tmp_path / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    (tmp_path / "statute_codes.yaml").write_text("codes: [unclosed")
    with pytest.raises(ConfigError, match="statute_codes.yaml"):
        load_resources(tmp_path)
