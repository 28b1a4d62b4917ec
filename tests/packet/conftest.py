"""Packet tests reuse the hand-built case factories of the rule tests."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "rules"))
