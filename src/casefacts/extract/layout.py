"""Sentence boundaries from page layout, set before the parser runs.

Record pages mix prose with form lines ("DISPOSITION: CONVICTED") and headings. The parser
alone runs such lines together; this component starts a sentence after a blank line, and at a
line that opens with a field label, follows a short line, or is or follows a line in capitals.
Wrapped prose lines ("was arrested\\nfor burglary") stay one sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

LAYOUT_FACTORY = "casefacts_layout_v1"
LINE_STARTS_KEY = "casefacts_line_starts"
# An opinion's footnote call glued to a sentence's end: "was deported to Jamaica.1 In 1989, Straw ..."
_FOOTNOTE_CALL = re.compile(r"(?<=[a-z)”\"][.!?])\d{1,2}[ \t\n]+(?=[A-Z])")
_WRAP = re.compile(r"(?<=\S)\n(?=\S)")
_FIELD_LABEL = re.compile(r"^[ \t]*[A-Z][A-Za-z0-9 /#'.&()\-]{0,40}:")
_HEADING = re.compile(r"[^a-z]*[A-Z]{2}[^a-z]*")  # a line in capitals: a heading or a form line
# A press release's dateline: "SAN SALVADOR, El Salvador – A 38-year-old man ...", "HOUSTON — Agents ..."
_DATELINE = re.compile(r"[ \t]*[A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+){0,3}"
                       r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})?[ \t]*(?:–|—|--?)[ \t]*(?=[A-Z0-9“\"])")


def line_starts(text: str) -> list[int]:
    """Character offsets where a new sentence must start because of the layout.

    Besides labels and blank lines, a line after a short line starts a sentence: wrapped prose
    fills its lines, so a line that ends well before the page's usual width ended a paragraph.
    The text after a press release's dateline starts one too, and so does the text after a
    footnote call glued to a sentence's end.
    """
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    full = lengths[int(len(lengths) * 0.9)] if lengths else 0
    starts = []
    offset = 0
    previous = ""
    for number, line in enumerate(lines):
        if number and line.strip():
            short_before = len(previous.rstrip()) < 0.7 * full
            if (not previous.strip() or short_before or _FIELD_LABEL.match(line)
                    or _HEADING.fullmatch(previous.strip()) or _HEADING.fullmatch(line.strip())):
                starts.append(offset + len(line) - len(line.lstrip()))
        dateline = _DATELINE.match(line)
        if dateline:
            starts.append(offset + dateline.end())
        previous = line
        offset += len(line) + 1
    return starts + [m.end() for m in _FOOTNOTE_CALL.finditer(text)]


def unwrap(text: str) -> str:
    """The text with each single line break between words made a space (offsets unchanged), so
    that a phrase wrapped over two lines ("taken\\ninto custody") is still one phrase to the
    tokenizer and the matchers."""
    return _WRAP.sub(" ", text)


def make_doc(nlp: Language, text: str) -> Doc:
    """A tokenized Doc of a page: wrapped lines joined, the layout's sentence starts kept aside."""
    doc = nlp.make_doc(unwrap(text))
    doc.user_data[LINE_STARTS_KEY] = line_starts(text)
    return doc


class LayoutComponent:
    """Marks layout sentence starts (``is_sent_start``) for the parser to respect."""

    def __call__(self, doc: Doc) -> Doc:
        known = doc.user_data.get(LINE_STARTS_KEY)
        starts = set(known if known is not None else line_starts(doc.text))
        for token in doc[1:]:
            if token.idx in starts:
                token.is_sent_start = True
            elif token.text[:1].islower():  # "became a U.S. citizen": no sentence starts in lower case
                token.is_sent_start = False
        return doc


@Language.factory(LAYOUT_FACTORY)
def make_layout(nlp: Language, name: str) -> LayoutComponent:
    return LayoutComponent()
