"""Rule tests build CaseFiles by hand (``rule_factories``) and from fixture gold labels (``rule_fixture_cases``)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
