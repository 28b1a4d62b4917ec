"""The error hierarchy. Ingest errors become a quarantine reason, never a crashed batch."""


class CasefactsError(Exception):
    """Base of every error casefacts raises on purpose."""


class ConfigError(CasefactsError):
    """Settings are missing or inconsistent (e.g. the spaCy model is not installed)."""


class IngestError(CasefactsError):
    """A document could not be read. ``status`` is the ingest status it leads to."""

    status = "quarantined"


class UnsupportedFormat(IngestError):
    """Neither PDF nor UTF-8 text (by content, whatever the file name says)."""


class EmptyDocument(IngestError):
    """Zero bytes, or no page at all."""


class CorruptDocument(IngestError):
    """The file claims a format but cannot be parsed (truncated, broken xref, ...)."""


class EncryptedDocument(IngestError):
    """Password-protected; needs the password or an unprotected copy."""


class TextEncodingError(IngestError):
    """A text file that is not valid UTF-8."""


class LimitExceeded(IngestError):
    """Over a configured limit (bytes, pages, time or memory)."""


class NeedsOCR(IngestError):
    """Pages are images without a text layer."""

    status = "needs_ocr"


class ExtractionError(CasefactsError):
    """An extractor failed on a document; the document's other extractors still run."""


class ModelArtifactError(CasefactsError):
    """A trained artifact is missing, corrupt or out of date with its training code."""


class RulesetError(CasefactsError):
    """No ruleset applies, or a ruleset is malformed."""
