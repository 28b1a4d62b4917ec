"""REST API and reviewer UI (DESIGN section 7), one FastAPI app: ``create_app``."""

from casefacts.api.app import create_app

__all__ = ["create_app"]
