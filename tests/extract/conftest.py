"""Fixtures for extraction tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from casefacts.schema import Fact, Page

from .helpers import make_document


@pytest.fixture(scope="session")
def extract(nlp) -> Callable[..., list[Fact]]:
    """Facts of a one-document text (or pages), through the real pipeline."""
    from casefacts.extract import extract_document

    def run(*pages: str | Page) -> list[Fact]:
        return extract_document(make_document(*pages), nlp=nlp)

    return run
