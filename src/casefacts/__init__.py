"""casefacts: evidence-linked case files from criminal and administrative records."""

from casefacts.schema import SCHEMA_VERSION

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "__version__"]
