"""Whose fact it is: the subject of the case, or another person (ConText's "experiencer").

A fact's experiencer is the person its verb is about: the passive subject of "was convicted",
the active subject of "pleaded guilty", the object of "officers arrested SUBJECT" or "placed
X under arrest", the possessor of "his brother's conviction". That person is the subject of
the case when it is a pronoun, a word records use for the subject ("SUBJECT", "the
defendant") or carries the subject's surname; it is another person when it is a relative or a
co-defendant ("his brother", "a second suspect") or a name that is not the subject's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from casefacts.extract.context import SPANS_KEY
from casefacts.schema import About

# One word of a person's name as records write it (hyphens of any kind, initials: "Juan A. Rocha-Roman"),
# and the particles between words ("Santos Gonzalez de Lara"): the subject and ties extractors read
# introductions with them.
NAME_WORD = r"(?:[A-ZÀ-Þ][\w'’.\-‐–]*[\w'’\-‐–]|[A-Z]\.)"
NAME_PARTICLE = r"(?:(?:de|del|de la|la|y)[ \t]+)"

_NAME_PARTS = re.compile(r"[\s\-‐‑–—]+")  # "Avila–Ramirez" with an en dash is two name words
SUBJECT_WORDS = frozenset({
    "he", "she", "him", "her", "his", "hers", "they", "them", "subject", "defendant", "respondent", "applicant",
    "arrestee", "alien", "petitioner", "appellant", "himself", "herself", "who", "that", "felon", "fugitive",
})
WRITER_WORDS = frozenset({"i", "me", "my", "we", "us", "our"})


@dataclass(frozen=True)
class SubjectNames:
    """The subject's name parts, to tell the subject from other people named in a record."""

    surnames: frozenset[str] = frozenset()
    given: frozenset[str] = frozenset()

    @classmethod
    def from_name(cls, name: str | None) -> SubjectNames:
        if not name:
            return cls()
        if "," in name:  # "PEREZ, JUAN CARLOS"
            last, _, first = name.partition(",")
        else:  # "Juan Carlos Perez", "Carmen Portillo Salazar"
            parts = name.split()
            first, last = " ".join(parts[:1]), " ".join(parts[1:])
        split = lambda text: frozenset(p.lower() for p in _NAME_PARTS.split(text) if len(p) > 1)  # noqa: E731
        return cls(surnames=split(last), given=split(first))

    def matches(self, words: Iterable[str]) -> bool | None:
        """True for the subject, False for someone else, None when the words are no name at all."""
        lowered = [p.lower() for w in words for p in _NAME_PARTS.split(w) if p[:1].isalpha()]
        if not lowered or not (self.surnames or self.given):
            return None
        if any(w in self.surnames for w in lowered):
            return True
        # A given name alone ("Carmen") is the subject; with another surname it is someone else.
        return all(w in self.given for w in lowered)


def relation_spans(doc: Doc) -> list[Span]:
    """Relative and role nouns, longest first ("brother-in-law", not "brother")."""
    if SPANS_KEY not in doc.spans:
        return []
    return filter_spans([s for s in doc.spans[SPANS_KEY] if s.label_ == "REL"])


def relation_of(span: Span) -> tuple[str, str]:
    """(about relation, family-tie relation) of a REL span, from its pattern id "brother|sibling"."""
    about, _, tie = span.id_.partition("|")
    return about, tie


def _relation_at(token: Token, rels: list[Span]) -> Span | None:
    for span in rels:
        if span.start <= token.i < span.end:
            return span
    return None


# Verbs whose object is the person the fact is about ("Judge Rubin sentenced Juarez-Sanchez",
# "ERO officers arrested him", "prosecutors charged Perez"): the subject of the verb is an official.
_ACTS_ON_PERSON = frozenset({"arrest", "apprehend", "deport", "remove", "detain", "encounter", "convict", "sentence",
                             "charge", "indict", "prosecute", "extradite", "imprison", "jail", "book"})


_GROUP_NOUNS = frozenset({"fugitive", "individual", "alien", "noncitizen", "person", "people", "offender", "defendant",
                          "criminal", "national", "immigrant", "other", "suspect", "inmate", "arrestee", "member"})


def is_group(token: Token | None) -> bool:
    """A plural group noun as the person ("fugitives", "individuals ... who have been arrested"): nobody in
    particular, so no fact of the subject's or of anyone's."""
    return token is not None and token.tag_ == "NNS" and token.lemma_.lower() in _GROUP_NOUNS


def person_token(trigger: Token) -> Token | None:
    """The token naming the person a trigger verb (or noun) is about."""
    verb = trigger
    # "placed X under arrest", "took X into custody": the object of the verb governing the phrase
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep":
        verb = trigger.head.head
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child
    if trigger.pos_ == "NOUN":
        for child in trigger.children:
            if child.dep_ == "poss":
                return child
    # climb out of auxiliaries, xcomp ("was found guilty"), conjunctions ("arrested and charged")
    for _ in range(4):
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if verb.lemma_ in _ACTS_ON_PERSON \
                and objects and not passive:
            return objects[0]
        if subjects:
            if subjects[0].lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head  # "her brother Mario, who was convicted of robbery"
            return subjects[0]
        if verb.dep_ in ("conj", "xcomp", "advcl", "acomp", "ccomp", "relcl", "pcomp") and verb.head is not verb:
            if verb.dep_ == "relcl":
                return verb.head
            verb = verb.head
            continue
        break
    return None


def about_person(token: Token | None, names: SubjectNames, rels: list[Span]) -> About:
    """Whose fact, given the token naming the person (None: the subject, by default)."""
    if token is None:
        return About()
    # the whole noun phrase: "his brother", "her uncle Chinedu", "a second suspect, later identified as ..."
    conjuncts = {t.i for c in token.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    if names.matches([token.text]) and token.pos_ == "PROPN":
        return About()  # "Juarez-Sanchez and a co-conspirator were arrested": the subject, with another
    phrase = [t for t in token.subtree if token.i - 6 <= t.i <= token.i + 6 and t.i not in conjuncts]
    if token.dep_ in ("appos", "compound", "npadvmod") and token.head is not token:
        phrase += [token.head] + [t for t in token.head.children if t.dep_ in ("compound", "amod")]
    for t in phrase:
        rel = _relation_at(t, rels)
        if rel is not None:
            about, _ = relation_of(rel)
            return About(who="other", relation=about)
    if token.lower_ in SUBJECT_WORDS or token.lower_ in WRITER_WORDS:
        return About()
    if token.ent_type_ == "PERSON":  # a name, and not the subject's: someone else
        words = [t.text for t in token.subtree if t.ent_type_ == "PERSON"] or [token.text]
        if names.matches(words) is False:
            return About(who="other", relation=None)
    return About()
