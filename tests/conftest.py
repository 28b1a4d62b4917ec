"""Suite-wide fixtures. Area-specific fixtures live in each test folder's conftest."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def nlp():
    """The configured spaCy pipeline with casefacts components, loaded once per session."""
    from casefacts.extract.pipeline import load_pipeline

    return load_pipeline()
