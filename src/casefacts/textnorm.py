"""Text normalization shared by matching code (case assembly and evaluation)."""

from __future__ import annotations

import re


def normalize_text(text: str) -> str:
    """Lower case, alphanumeric words separated by single spaces."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def charge_similarity(a: str, b: str) -> float:
    """1.0 for equal or contained normalized charges, else token Jaccard."""
    na, nb = normalize_text(a), normalize_text(b)
    if not na or not nb:
        return 0.0
    if na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} ":
        return 1.0
    ta, tb = set(na.split()), set(nb.split())
    return len(ta & tb) / len(ta | tb)
