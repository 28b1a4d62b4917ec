"""Where the classifiers' artifacts live, what they are trained from, and cached loading.

``models/<name>.skops`` is loaded only with its card beside it, and only if the bytes match
the sha256 the card records. ``training_inputs`` lists the files (data and training code)
whose hashes make up a model's training fingerprint, which a test compares with the card.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from casefacts.classify.artifacts import load_artifact
from casefacts.classify.cards import ModelCard, read_card
from casefacts.config import get_settings
from casefacts.errors import ModelArtifactError

OFFENSE = "offense_classifier"
DOCTYPE = "doctype_router"
MODEL_NAMES = (OFFENSE, DOCTYPE)
CODE_DIR = Path(__file__).resolve().parent

_CODE = {
    OFFENSE: ("text.py", "offense.py", "vectorizers.py", "data.py", "taxonomy.py", "corrections.py"),
    DOCTYPE: ("text.py", "doctype.py", "vectorizers.py", "data.py"),
}
_TAXONOMY_FILES = {
    OFFENSE: ("offense_taxonomy.yaml", "abbreviations.tsv", "protected_terms.txt"),
    DOCTYPE: ("protected_terms.txt",),
}
_TRAINING_FILES = {
    OFFENSE: ("offenses/seeds.yaml", "offenses/variants.py"),
    DOCTYPE: ("doctype/generate.py",),
}


def training_inputs(name: str, training_dir: Path, corrections: Path | None = None) -> dict[str, Path]:
    """Repo-relative label -> file, for everything that determines the model ``name``."""
    extractors = get_settings().extractors_dir / "taxonomy"
    inputs = {f"extractors/taxonomy/{f}": extractors / f for f in _TAXONOMY_FILES[name]}
    inputs |= {f"training/{f}": training_dir / f for f in _TRAINING_FILES[name]}
    inputs |= {f"src/casefacts/classify/{f}": CODE_DIR / f for f in _CODE[name]}
    if corrections is not None:
        inputs[f"corrections/{corrections.name}"] = corrections
    return inputs


def artifact_path(models_dir: Path, name: str) -> Path:
    return models_dir / f"{name}.skops"


@lru_cache(maxsize=8)
def _load(models_dir: Path, name: str) -> tuple[Any, ModelCard]:
    try:
        card = read_card(models_dir, name)
    except (OSError, ValueError) as exc:
        raise ModelArtifactError(f"model {name}: no readable card in {models_dir} ({exc})") from exc
    model = load_artifact(artifact_path(models_dir, name), expected_sha256=card.artifact_sha256)
    return model, card


def load_model(name: str, expected_type: type, models_dir: Path | None = None) -> Any:
    """The model ``name`` from ``models_dir`` (default ``Settings.models_dir``), loaded once."""
    model, _ = _load((models_dir or get_settings().models_dir).resolve(), name)
    if not isinstance(model, expected_type):
        raise ModelArtifactError(f"model {name} holds a {type(model).__name__}, not a {expected_type.__name__}")
    return model


def clear_cache() -> None:
    """Forget loaded models (after ``casefacts train`` rewrote them)."""
    _load.cache_clear()
