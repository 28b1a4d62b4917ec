"""Media-type sniffing and the plain-text backend."""

from __future__ import annotations

import pytest

from casefacts.errors import EmptyDocument, TextEncodingError, UnsupportedFormat
from casefacts.ingest import ingest_bytes
from casefacts.ingest.sniff import PDF, TEXT, name_of, sniff_media_type
from casefacts.ingest.text import decode_text, text_pages


def test_bom_is_dropped_and_line_ends_become_lf() -> None:
    assert decode_text(b"\xef\xbb\xbfone\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_offsets_point_into_the_normalized_text() -> None:
    page = text_pages("a\r\nJosé\r\n".encode())[0]
    assert page.number == 1 and page.width is None and page.tables == []
    start = page.text.index("José")
    assert (start, page.text[start:start + 4]) == (2, "José")


def test_latin1_names_the_failing_byte_and_its_offset() -> None:
    with pytest.raises(TextEncodingError, match=r"byte 0xe9 at byte offset 7"):
        decode_text("Sworn: é".encode("latin-1"))
    with pytest.raises(TextEncodingError, match=r"byte offset 5\b"):  # offsets count the BOM
        decode_text(b"\xef\xbb\xbfab\xff")


def test_nul_characters_are_not_text() -> None:
    with pytest.raises(TextEncodingError, match="UTF-16"):
        decode_text("hi".encode("utf-16-le"))


def test_whitespace_only_text_is_empty() -> None:
    with pytest.raises(EmptyDocument):
        text_pages(b" \r\n\t\n")


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.7\n...", "x.bin", PDF),
        (b"\n\n  junk before the header %PDF-1.4\n", "x", PDF),
        (b"plain words\n", "letter.docx", TEXT),
        ("Año".encode("latin-1"), "", TEXT),  # text in another encoding: the backend reports it
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "scan.txt", TEXT),  # the name asks for text
    ],
)
def test_sniff_by_content(data: bytes, name: str, expected: str) -> None:
    assert sniff_media_type(data, name) == expected


@pytest.mark.parametrize(
    ("data", "name", "error"),
    [
        (b"", "a.pdf", EmptyDocument),
        (b"<html>Forbidden</html>", "record.PDF", UnsupportedFormat),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "scan.png", UnsupportedFormat),
        (bytes(range(1, 32)) * 4, "data", UnsupportedFormat),
        (b"%PDF-".rjust(2000, b" "), "late-header.pdf", UnsupportedFormat),
    ],
)
def test_sniff_rejects(data: bytes, name: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        sniff_media_type(data, name)


def test_name_of_reads_paths_and_uris() -> None:
    assert name_of("https://records.example/a/b/rap.pdf?token=1") == "rap.pdf"
    assert name_of("file:///tmp/x/letter.txt") == "letter.txt"
    assert name_of("sql://records/42") == "42"


def test_ingest_bytes_for_text_from_a_non_file_source() -> None:
    document = ingest_bytes(b"Letter\r\n", "https://records.example/letters/7")
    assert document.ingest_status.status == "ok"
    assert document.source == "https://records.example/letters/7"
    assert document.pages[0].text == "Letter\n"


def test_a_txt_file_in_utf16_is_quarantined_as_an_encoding_error() -> None:
    document = ingest_bytes("Carta".encode("utf-16"), "letter.txt")
    assert document.ingest_status.status == "quarantined"
    assert document.ingest_status.error_type == "TextEncodingError"
    assert document.media_type == "text/plain"
