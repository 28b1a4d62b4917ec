"""Statute citations found once per page, before the parser, so that its abbreviations ("Tex.",
"Fla. Stat.", "U.S.C.") do not end a sentence, and shared by every extractor of the page."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from casefacts.extract.resources import load_resources
from casefacts.extract.statutes import StatuteGrammar, StatuteMatch
from casefacts.schema import Statute

CITATIONS_FACTORY = "casefacts_citations_v1"
CITATIONS_KEY = "casefacts_statutes"


def doc_statutes(doc: Doc, grammar: StatuteGrammar) -> list[StatuteMatch]:
    """The citations of ``doc``: as the component stored them, or found now."""
    stored = doc.user_data.get(CITATIONS_KEY)
    if stored is None:
        return grammar.find(doc.text)
    return [StatuteMatch(start, end, Statute(jurisdiction=j, code=c, section=s, text=t))
            for start, end, j, c, s, t in stored]


class CitationComponent:
    """Finds citations and keeps the parser from starting a sentence inside one."""

    def __init__(self, grammar: StatuteGrammar) -> None:
        self.grammar = grammar

    def __call__(self, doc: Doc) -> Doc:
        matches = self.grammar.find(doc.text)
        doc.user_data[CITATIONS_KEY] = [(m.start, m.end, m.statute.jurisdiction, m.statute.code, m.statute.section,
                                         m.statute.text) for m in matches]
        for m in matches:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span[1:]:
                token.is_sent_start = False
            if span.end < len(doc) and doc[span.end].text in (")", ",", ";"):
                doc[span.end].is_sent_start = False
        return doc


@Language.factory(CITATIONS_FACTORY, default_config={"extractors_dir": ""})
def make_citations(nlp: Language, name: str, extractors_dir: str) -> CitationComponent:
    return CitationComponent(load_resources(Path(extractors_dir)).statutes)
