"""Plain-text backend: UTF-8 bytes become one page.

The stored page text is normalized: a UTF-8 byte-order mark is dropped and CRLF and lone CR
line ends become LF. Evidence offsets point into that normalized text, not into the raw bytes.
"""

from __future__ import annotations

import codecs

from casefacts.errors import EmptyDocument, TextEncodingError
from casefacts.schema import Page


def decode_text(data: bytes) -> str:
    """UTF-8 text without BOM and with LF line ends; raise TextEncodingError otherwise."""
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        raise TextEncodingError(
            f"not valid UTF-8: byte 0x{data[offset]:02x} at byte offset {offset} ({exc.reason}); "
            "the text is in another encoding (Latin-1 or Windows-1252?) and must be re-saved as UTF-8"
        ) from None
    if "\x00" in text:
        raise TextEncodingError(
            f"NUL character at offset {text.index(chr(0))}: UTF-16 text or binary data, not UTF-8 text"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_pages(data: bytes) -> list[Page]:
    """The whole file as page 1, without geometry."""
    text = decode_text(data)
    if not text.strip():
        raise EmptyDocument("the text file holds only whitespace")
    return [Page(number=1, text=text)]
