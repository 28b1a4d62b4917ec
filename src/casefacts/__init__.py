"""casefacts: evidence-linked case files from criminal and administrative records.

Kept import-free: ingest worker processes import this package and should not pay for pydantic
models they do not use. The schema version is ``casefacts.schema.SCHEMA_VERSION``.
"""

__version__ = "0.1.0"
