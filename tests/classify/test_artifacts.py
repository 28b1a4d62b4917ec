from __future__ import annotations

import io
import os
import zipfile

import numpy as np
import pytest
import skops.io as sio
from sklearn.preprocessing import FunctionTransformer

from casefacts.classify.artifacts import canonical_dumps, dump_artifact, fingerprint, load_artifact
from casefacts.classify.cards import ModelCard, read_card, render_markdown, write_card
from casefacts.errors import ModelArtifactError


def test_canonical_dumps_round_trips_and_is_stable(small_model, tmp_path):
    data = canonical_dumps(small_model)
    assert data == canonical_dumps(small_model)
    names = [(i.filename, i.date_time) for i in zipfile.ZipFile(io.BytesIO(data)).infolist()]
    assert all(date == (1980, 1, 1, 0, 0, 0) for _, date in names)
    sha = dump_artifact(small_model, tmp_path / "m.skops")
    loaded = load_artifact(tmp_path / "m.skops", expected_sha256=sha)
    charges = ["PETTY THEFT", "DUI 2ND OFFENSE", "POSS OF FIREARM BY FELON"]
    assert np.array_equal(loaded.predict_proba(charges), small_model.predict_proba(charges))


def test_types_outside_the_allow_list_are_refused_before_loading(tmp_path):
    path = tmp_path / "evil.skops"
    path.write_bytes(sio.dumps(FunctionTransformer(os.system)))
    with pytest.raises(ModelArtifactError, match="allow-list"):
        load_artifact(path)


def test_checksum_and_corruption_are_errors(small_model, tmp_path):
    path = tmp_path / "m.skops"
    sha = dump_artifact(small_model, path)
    with pytest.raises(ModelArtifactError, match="sha256"):
        load_artifact(path, expected_sha256="0" * 64)
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(ModelArtifactError):
        load_artifact(path, expected_sha256=None)
    with pytest.raises(ModelArtifactError, match="cannot read"):
        load_artifact(tmp_path / "missing.skops", expected_sha256=sha)


def test_fingerprint_changes_with_any_input_or_parameter():
    base = fingerprint({"a": "1", "b": "2"}, {"C": 0.2})
    assert base == fingerprint({"b": "2", "a": "1"}, {"C": 0.2})
    assert base != fingerprint({"a": "1", "b": "3"}, {"C": 0.2})
    assert base != fingerprint({"a": "1", "b": "2"}, {"C": 0.3})


def test_card_round_trip_and_markdown(tmp_path):
    card = ModelCard(name="m", version="1.0.0", model_id="m@1.0.0", created="2024-01-01", artifact="m.skops",
                     artifact_sha256="a" * 64, training_fingerprint="b" * 64, inputs={"x": "c" * 64},
                     params={"C": 0.2}, summary="A model.", data={"rows": 3},
                     metrics={"accuracy": 0.5, "per_kind": {"k": {"f1": 0.5, "support": 2}}},
                     training_seconds=1.0, environment={"python": "3.11"}, known_limits=["small"])
    write_card(card, tmp_path)
    assert read_card(tmp_path, "m") == card
    markdown = (tmp_path / "m.card.md").read_text()
    assert markdown == render_markdown(card)
    assert "| k | 0.5000 | 2 |" in markdown and "- small" in markdown
