"""What every extractor shares: the interface, the context it runs in, and evidence building.

An extractor has a ``name``, a ``version`` and ``extract(doc, context) -> list[Fact]``; it is
called once per page with the page's spaCy ``Doc`` (``doc.text == page.text``, so token offsets
are offsets into the page text) and an :class:`ExtractionContext`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

from spacy.tokens import Doc, Span, Token

from casefacts.extract.context import Modifier, modifiers_for
from casefacts.extract.resources import Resources
from casefacts.schema import Document, Evidence, FactStatus, Page, TableCell, fact_id_for

NAME_NOTE = "subject_name"  # the subject's names, from the subject extractor
CHARGES_NOTE = "charges"  # {page number: character ranges of the charges the offense extractor read}


@runtime_checkable
class Extractor(Protocol):
    name: ClassVar[str]
    version: ClassVar[str]

    def extract(self, doc: Doc, context: ExtractionContext) -> list[Any]: ...


def extractor_id(extractor: Extractor | type[Extractor]) -> str:
    """``name@version`` as written in evidence."""
    return f"{extractor.name}@{extractor.version}"


@dataclass
class ExtractionContext:
    """One page of one document, the extraction data, and per-document notes shared by pages.

    ``claimed`` holds character ranges of the page already read as table rows, so that text
    extractors do not read the same words again as prose. ``notes`` is per document (e.g. a
    table header carried to the next page).
    """

    document: Document
    page: Page
    resources: Resources
    claimed: list[tuple[int, int]] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    def is_claimed(self, start: int, end: int) -> bool:
        return any(start < c_end and c_start < end for c_start, c_end in self.claimed)

    def evidence(self, extractor: Extractor, start: int, end: int, confidence: float, explanation: str,
                 table_cell: TableCell | None = None) -> Evidence:
        """Evidence for the character span [start, end) of the page text."""
        text = self.page.text
        start, end = max(0, start), min(len(text), end)
        return Evidence(doc_id=self.doc_id, page=self.page.number, start=start, end=end, quote=text[start:end],
                        extractor=extractor_id(extractor), confidence=round(min(max(confidence, 0.0), 1.0), 3),
                        table_cell=table_cell, explanation=explanation)

    def fact_id(self, kind: str, start: int, end: int) -> str:
        return fact_id_for(kind, self.doc_id, self.page.number, start, end)


_SENTS_KEY = "_casefacts_sentences"
_TEXT_KEY = "_casefacts_text"


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once (spaCy joins every token on each access)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return cached


def sent_of(item: Token | Span) -> Span:
    """The sentence of a token or span, from a per-doc index (``Span.sent`` walks the doc each time)."""
    doc = item.doc
    cached = doc.user_data.get(_SENTS_KEY)
    if cached is None or cached[0] is not doc:
        sents = list(doc.sents)
        index = [0] * len(doc)
        for k, sent in enumerate(sents):
            for i in range(sent.start, sent.end):
                index[i] = k
        cached = (doc, sents, index)
        doc.user_data[_SENTS_KEY] = cached
    position = item.i if isinstance(item, Token) else item.start
    return cached[1][cached[2][position]]


def status_from(modifiers: Sequence[Modifier], categories: Sequence[str] = ("negated", "hypothetical")
                ) -> FactStatus:
    """A fact's status from the ConText modifiers over it (negation wins over hypothesis)."""
    found = {m.category for m in modifiers if m.category in categories}
    if "negated" in found:
        return "negated"
    return "hypothetical" if "hypothetical" in found else "affirmed"


def span_status(doc: Doc, span: Span, categories: Sequence[str] = ("negated", "hypothetical")) -> FactStatus:
    return status_from(modifiers_for(doc, span.start, span.end), categories)


def cue_explanation(modifiers: Sequence[Modifier]) -> str:
    return "; ".join(f"{m.category} by {m.cue!r}" for m in modifiers)


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token in the parse."""
    seen = 0
    while token.head is not token and seen < 20:
        token = token.head
        seen += 1
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def child_phrase(token: Token, dep: str, word: str | None = None) -> str:
    """The words of ``token``'s children with dependency ``dep`` (and lowercase text ``word``), with their
    subtrees: the agent phrase "by ERO officers", the subject "ERO Houston, with assistance from ...",
    the "from" phrase "from the U.S."."""
    return " ".join(t.text for c in token.children if c.dep_ == dep and (word is None or c.lower_ == word)
                    for t in c.subtree)


def _up_to(token: Token, top: Token) -> list[Token]:
    """The heads from ``token`` up to, not including, ``top`` (all of them when ``top`` is no ancestor)."""
    chain = []
    while token.head != token and token.head != top:
        token = token.head
        chain.append(token)
    return chain


def other_clause(doc: Doc, cue: Span, start: int, end: int) -> bool:
    """Whether the characters [start, end) (a date) are governed by another finite verb than the verbal
    ``cue``, one that is not its head or child (or by a participle modifying a noun): "confirmed the information
    Feb. 6, 2024, and officers arrested him", "removed him in May 2011 after he was convicted". A noun cue has
    another clause's date only before its "after" / "following" phrase."""
    noun = cue.root.pos_ == "NOUN"
    if not noun and cue.root.pos_ not in ("VERB", "AUX") or not doc.has_annotation("DEP"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = governing_verb(span.root)
    if verb is None or verb == cue.root or verb.i in range(cue.start, cue.end):
        return False
    if any(prep.lower_ in ("after", "before", "following", "upon") and prep.dep_ == "prep" and prep.head == verb
           and verb.i < span.start < prep.i for prep in _up_to(cue.root, verb)):
        return True  # "was released Dec. 31, 2016, after being detained for DWI": the release's date; "encountered
        # by ERO on Sept. 2, 2015, at the jail following his arrest": the encounter's, not the arrest's; "was
        # deported in 1993 after completing his sentence for the rape conviction": the deportation's
    if noun:
        return False
    if cue.root.dep_ == "advcl" and verb == cue.root.head and any(c.lower_ == "when" for c in cue.root.children):
        return False  # "came to the officials' attention in 1998 when he was convicted of assault": one time
    if cue.root.dep_ == "conj" and verb == cue.root.head and verb.i < span.start < cue.root.i \
            and any(t.dep_ == "cc" for t in doc[span.end:cue.root.i]):
        return True  # "was born in Mexico in 1979 and came to the United States": the birth's date (not so a
        # fronted date before both verbs, "In 2010, he was arrested and deported", or one after the "and")
    related = set(cue.root.children)
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.root.children)
    # a conjunct, a reported clause, or a subordinate clause after its main verb's date, with a subject of its own
    # is its own clause ("removed him in May 2011 after he was convicted", "On Nov. 7, 2023, ERO learned that he had
    # been convicted"; but "In 2010, after he was arrested, ..." dates both)
    if not (own_subject and (cue.root.dep_ in ("conj", "ccomp")
                             or (cue.root.dep_ == "advcl" and span.start > cue.root.head.i))):
        related.add(cue.root.head)
    subordinate = own_subject and cue.root.dep_ == "advcl" and verb == cue.root.head and span.start > verb.i
    # a participle that modifies a noun is a clause of its own ("arrested a national convicted in 2013"), and so
    # is a passive main verb before its subordinate clause ("was deported in 1996 because he had been convicted")
    return verb not in related and (verb.tag_ in ("VBD", "VBZ", "VBP") or verb.dep_ == "acl" and verb.tag_ == "VBN"
                                    or subordinate) \
        and cue.root.tag_ in ("VBD", "VBN", "VBZ", "VBP")


def later_conjunct_clause(doc: Doc, cue: Span, start: int, end: int) -> bool:
    """Whether the characters [start, end) are governed by a later conjunct verb of the cue with an auxiliary or
    subject of its own: "reentered the country illegally, and was removed in January 1996" (the removal's date),
    "reentered again and was convicted of assault in July 1996"; not "was arrested and deported in 2019", whose
    verbs share one auxiliary."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return False
    verb = governing_verb(span.root)
    return verb is not None and verb.dep_ == "conj" and verb.head == cue.root and verb.i < span.start \
        and any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


PRENOMINAL = frozenset({"compound", "nummod", "amod", "npadvmod", "nmod", "quantmod"})


def dates_another_noun(date: Span, cues: list[Span]) -> bool:
    """ "The 1951 exclusion was based on his conviction", "deported following a 1999 conviction": a date before
    a noun that is no cue dates that noun ("his 2000 Nevada conviction": the place is the conviction's)."""
    head = date.root.head
    while head.dep_ == "compound" and head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head
    return date.root.dep_ in PRENOMINAL and head.i > date.root.i and head.pos_ in ("NOUN", "PROPN") \
        and not any(c.start <= head.i < c.end for c in cues)
