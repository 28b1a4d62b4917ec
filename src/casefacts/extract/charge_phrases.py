"""Charges the lexicon does not know, read from the object of a disposition cue.

"arrested for burglary, negligent driving and failure to maintain insurance": the cue
"arrested" governs "for", whose object and its conjuncts are the charges. Each coordinated item
is a phrase: the item's words, without its conjuncts, relative and participial clauses,
appositions, and prepositional phrases that start a place, court or date ("in a Texas court",
"on May 3"); leading determiners and counts ("one count of") are dropped. A phrase becomes a
charge only when no offense term of the lexicon lies in it and its head word names a specific
act, not a category or procedure ("those charges", "an aggravated felony", "his appeal"). The
words live in ``extractors/charge_phrases.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from spacy.tokens import Doc, Span, Token

from casefacts.errors import ConfigError
from casefacts.extract.context import SPANS_KEY

_CUT_DEPS = frozenset({"conj", "cc", "punct", "relcl", "appos", "advcl", "parataxis", "npadvmod", "preconj"})


@dataclass(frozen=True)
class ChargePhraseRules:
    """The configuration of ``charge_phrases.yaml``."""

    prepositions: Mapping[str, frozenset[str]]
    generic_heads: frozenset[str]
    people_heads: frozenset[str]
    descend_heads: frozenset[str]
    category_objects: frozenset[str]
    charge_nouns: frozenset[str]
    not_offense_modifiers: frozenset[str]
    needs_object: frozenset[str]
    infinitive_heads: frozenset[str]
    boundary_prepositions: frozenset[str]
    act_prepositions: frozenset[str]
    leading_words: frozenset[str]
    circumstance_joiners: frozenset[str]
    procedure_objects: frozenset[str]
    removability_verbs: frozenset[str]
    sentence_objects: frozenset[str]
    means_words: frozenset[str]
    kind_words: frozenset[str]
    described_heads: frozenset[str]
    max_tokens: int

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> ChargePhraseRules:
        words = {f.name: _words(config, f.name) for f in fields(cls) if f.name not in ("prepositions", "max_tokens")}
        return cls(prepositions={cue: _words(config["prepositions"], cue) for cue in config["prepositions"]},
                   max_tokens=int(config["max_tokens"]), **words)


def _words(config: Mapping[str, Any], key: str) -> frozenset[str]:
    """A list of words; YAML reads a bare on / off / yes / no as a boolean, which is refused here."""
    values = config[key]
    odd = [v for v in values if not isinstance(v, str)]
    if odd:
        raise ConfigError(f"charge_phrases.yaml: {key} holds {odd!r}, not words (quote on, off, yes, no)")
    return frozenset(values)


def in_words(token: Token, words: frozenset[str]) -> bool:
    """Whether the token, as written or as its lemma, is one of ``words``."""
    return token.lower_ in words or token.lemma_.lower() in words


def _names_a_charge(prep: Token, taken: list[tuple[int, int]]) -> bool:
    """Whether a charge already found lies in the preposition's object."""
    start, end = prep.i + 1, prep.right_edge.i + 1
    return any(s < end and start < e for s, e in taken)


def governed_preps(doc: Doc, cue: Span, preps: frozenset[str]) -> list[Token]:
    """Prepositions that introduce the cue's charge: attached to a cue word ("convicted in 2001 of"), to
    the verb of an adjective cue ("was found guilty of") or of a noun cue that is its object ("entered a guilty plea
    to"); not to the verb a noun cue is the subject of
    ("the charge was dismissed for want of prosecution")."""
    heads = {t.i for t in cue} | ({cue.root.head.i} if cue.root.pos_ == "ADJ" else set()) \
        | ({cue.root.head.i} if cue.root.dep_ == "dobj" else set())  # "entered a guilty plea to X"
    sent_end = cue.sent.end if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else len(doc)
    return [t for t in doc[cue.end:sent_end] if t.lower_ in preps and t.head.i in heads
            and (t.dep_ in ("prep", "agent", "dative") or t.dep_ == "conj" and t.pos_ == "ADP")]  # "..., and for X"


def _items(obj: Token, rules: ChargePhraseRules) -> list[Token]:
    """The object and the items listed with it (conjuncts; appositions, as the parser often reads a comma
    list), in text order; a category head gives way to its "of" object ("the offense of criminal trespass")."""
    found = []
    stack = [obj]
    while stack:
        token = stack.pop()
        of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
        named = [g for c in of for g in c.children if g.dep_ in ("pobj", "pcomp")]
        if named and in_words(token, rules.descend_heads):
            stack.extend(g for g in named if not in_words(g, rules.category_objects) or any(
                c.dep_ in ("compound", "amod") and c.lower_ not in ("moral",) for c in g.children))
        else:
            found.append(token)
        stack.extend(c for c in token.children if c.dep_ in ("conj", "appos") and c.i > obj.i)
    return sorted(found, key=lambda t: t.i)


_LESSER = re.compile(r"^lesser(?: included)? (?:offense|charge|crime)s? of$", re.IGNORECASE)


def _lesser_object(obj: Token) -> Token:
    """ "pled guilty to the lesser included offense of felony possession of cocaine", which the parser may read
    with "lesser" as the object: the charge is the object of its "of"."""
    doc = obj.doc
    for stop in (obj.i + 3, obj.i + 4):
        if stop < len(doc) and _LESSER.match(doc[obj.i:stop].text):
            named = [c for c in doc[stop - 1].children if c.dep_ == "pobj"]
            return named[0] if named else obj
    return obj


def _verb_conjuncts(prep: Token, obj: Token) -> list[Token]:
    """ "convicted of theft and driving with no license": the parser often reads a gerund after the object as
    a second verb of the cue ("convicted ... and driving"); a subjectless gerund conjunct of the cue word
    after the object is one more item of the list."""
    return [c for c in prep.head.children if c.tag_ == "VBG" and c.i > obj.i
            and (c.dep_ == "conj" or c.dep_ == "advcl" and _listed_after(c, obj))
            and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for g in c.children)]


def _listed_after(gerund: Token, obj: Token) -> bool:
    """ "convicted of burglary, tampering with evidence, and robbery": a gerund the parser hung on the cue as a
    clause is a list item when a comma joins it to the object and the list goes on after it (not "convicted of
    theft, sending him to prison")."""
    doc = gerund.doc
    return gerund.i == obj.right_edge.i + 2 and doc[gerund.i - 1].text == "," \
        and any(c.dep_ in ("conj", "cc") for c in gerund.children)


def _kept(token: Token, rules: ChargePhraseRules) -> Iterable[Token]:
    """The token and the descendants that belong to its charge phrase."""
    yield token
    for child in token.children:
        if child.dep_ in _CUT_DEPS:
            continue
        if _an_act(token) and token.lemma_.lower() in _ENTRY_LEMMAS and _into_the_us(child, ("to", "into", "in")):
            yield from child.subtree  # "returning to the United States", "being in the United States"
            continue
        if child.dep_ == "prep" and child.lower_ in rules.boundary_prepositions and not _of_a_class(child) \
                and not (child.lower_ in rules.act_prepositions and _an_act(token)):
            continue
        if child.dep_ == "acl" and child.tag_ not in ("VB", "VBG"):
            continue  # "marijuana found in his car": a participle, not part of the charge
        if child.dep_ == "dobj" and child.ent_type_ == "GPE" and _an_act(token):
            yield from child.subtree  # "re-entering the United States", "having entered the United States"
            continue
        if child.ent_type_ in ("DATE", "TIME", "MONEY") or child.ent_type_ in ("GPE", "PERSON", "ORG") \
                and not (child.dep_ in ("compound", "nmod", "amod") and token.pos_ in ("NOUN", "PROPN")):
            continue  # "in Texas", "on May 3"; a name that modifies a noun stays: "assaulting Maryland resident",
            # "the offense of Assault Public Servant"
        yield from _kept(child, rules)


def _an_act(token: Token) -> bool:
    """A gerund, or a perfect one ("of having entered")."""
    return token.tag_ == "VBG" or token.tag_ == "VBN" and any(c.lower_ == "having" for c in token.children)


def _of_a_class(prep: Token) -> bool:
    """ "violence against women", "crime against nature": "against" a bare noun names the offense's class of
    victims; "against his wife", "against him" name a person and end the phrase."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.lower_ == "against" and len(objects) == 1 and objects[0].pos_ == "NOUN" \
        and not any(c.dep_ in ("det", "poss", "nummod") for c in objects[0].children)


def _phrase(doc: Doc, item: Token, rules: ChargePhraseRules) -> Span | None:
    """The contiguous charge phrase headed by ``item`` (None when it is not a charge)."""
    indices = sorted(t.i for t in _kept(item, rules))
    start = indices[0]
    end = start
    for i in indices:  # contiguous run that holds the head
        if i > end and i <= item.i:
            start = i
        if i > end and i > item.i:
            break
        end = i + 1
    while start < item.i and (doc[start].lower_ in rules.leading_words or doc[start].is_punct):
        start += 1
    start = _shared_act_start(doc, item, start)
    while end - 1 > item.i and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].pos_ == "ADP"
                                or doc[end - 1].lower_ in rules.leading_words):
        end -= 1
    end = _infinitive_end(doc, item, end, rules)
    if not 0 < end - start <= rules.max_tokens:
        return None
    span = doc[start:_after_removal_end(doc, item, start, end)]
    if in_words(item, rules.generic_heads):
        return _named_charge(doc, item, rules)
    if in_words(item, rules.people_heads):
        # "harboring aliens", parsed as a noun compound: an act on people; a bare person is no charge
        acts = [c for c in item.children if c.dep_ in ("compound", "amod") and c.lower_.endswith("ing")]
        return span if acts else None
    presence = item.lemma_.lower() == "be" and any(  # "being in the United States without permission"
        _into_the_us(c, ("in",)) for c in item.children)
    if item.pos_ not in ("NOUN", "VERB") and not presence \
            or any(t.ent_type_ in ("DATE", "TIME", "PERSON") for t in span):
        return None
    objects = [c for c in item.children if c.dep_ in ("dobj", "pobj")]
    if any(in_words(o, rules.generic_heads) for o in objects):
        return None  # "charged with enforcing our nation's immigration laws", "violating the law"
    if len(span) == 1 and (item.pos_ == "VERB" or item.lower_.endswith("ing")):
        return None  # "charged with violating [a statute]", "the charge of entering [without inspection]"
    if len(span) == 1 and item.lemma_.lower() in rules.needs_object:
        return _shared_object(doc, item, rules)
    return span


_THE_US = re.compile(r"States|U\.\s?S\.(?:A\.)?|US|USA|America|country", re.IGNORECASE)  # a pobj's head word
_ENTRY_LEMMAS = frozenset({"enter", "reenter", "re-enter", "return", "come", "be", "find", "remain"})
_AFTER_WORDS = frozenset({"after", "following", "subsequent"})
_REMOVAL_LEMMAS = frozenset({"deport", "remove", "deportation", "removal", "exclude", "exclusion"})


def _into_the_us(prep: Token, words: tuple[str, ...]) -> bool:
    """A preposition of ``words`` whose object is this country ("to the United States", "in the U.S.")."""
    return prep.dep_ == "prep" and prep.lower_ in words and any(_THE_US.fullmatch(g.text) for g in prep.children)


def _after_removal_end(doc: Doc, item: Token, start: int, end: int) -> int:
    """ "entering the United States without permission after having been deported": an entry into the country
    keeps the "after ... removal" phrase that makes it the crime of illegal reentry."""
    if item.lemma_.lower() not in _ENTRY_LEMMAS or not any(t.ent_type_ == "GPE" for t in doc[start:end]) \
            or end >= len(doc) or doc[end].lower_ not in _AFTER_WORDS:
        return end
    for i in range(end + 1, min(len(doc), end + 7, doc[end].sent.end)):
        if doc[i].lemma_.lower() in _REMOVAL_LEMMAS or doc[i].lower_ in _REMOVAL_LEMMAS:
            return i + 1
        if doc[i].is_punct or doc[i].pos_ == "PROPN" \
                or doc[i].pos_ == "PRON" and doc[i].tag_ != "PRP$" and doc[i].lower_ not in ("he", "she"):
            break  # "after he was removed" goes on; "after Garcia was removed" is another's clause
    return end


def _infinitive_end(doc: Doc, item: Token, end: int, rules: ChargePhraseRules) -> int:
    """ "failure to insure a private motor vehicle": a head that names its act in an infinitive right after it
    keeps the infinitive, however the parser attached it."""
    if not in_words(item, rules.infinitive_heads) or end != item.i + 1 or end + 1 >= len(doc) \
            or doc[end].lower_ != "to" or doc[end + 1].tag_ != "VB":
        return end
    verb = doc[end + 1]
    return max(verb.i + 1, *(t.i + 1 for c in verb.children if c.dep_ in ("dobj", "prt", "prep")
                             for t in c.subtree))


def _shared_act_start(doc: Doc, item: Token, start: int) -> int:
    """ "aiding and abetting another alien": a bare gerund coordinated right before the item shares its
    object, and the charge starts there."""
    head = item.head
    if item.dep_ == "conj" and item.tag_ == head.tag_ == "VBG" and head.i < start \
            and all(t.lower_ in (",", "and", "or") for t in doc[head.i + 1:start]):
        return head.i
    return start


def _named_charge(doc: Doc, item: Token, rules: ChargePhraseRules) -> Span | None:
    """"narcotics charges", "a drug conviction": a charge noun whose noun modifiers name the offense."""
    if item.lower_ not in rules.charge_nouns:
        return None
    names = [c for c in item.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < item.i]
    if not names or any(in_words(c, rules.not_offense_modifiers) for c in names):
        return None
    return doc[min(c.i for c in names):item.i + 1]


def _shared_object(doc: Doc, item: Token, rules: ChargePhraseRules) -> Span | None:
    """"manufacture, possession and delivery of cocaine": acts coordinated before one "of" object are one
    charge up to the end of that object; an act with no object in reach is none."""
    i = item.i + 1
    while i < len(doc) and (doc[i].lower_ in (",", "and", "or", "/") or doc[i].lemma_.lower() in rules.needs_object):
        i += 1
    if i >= len(doc) or doc[i].lower_ != "of" or i == item.i + 1:
        return None
    objects = [c for c in doc[i].children if c.dep_ == "pobj"]
    if not objects:
        return None
    end = max(t.i for t in _kept(objects[0], rules)) + 1
    span = doc[item.i:end]
    return span if len(span) <= rules.max_tokens else None


def charge_phrases(doc: Doc, cues: Iterable[Span], taken: Iterable[tuple[int, int]],
                   rules: ChargePhraseRules) -> list[tuple[Span, Span]]:
    """(phrase, cue) for every charge phrase in the object of a cue that no known charge overlaps;
    ``taken`` holds the token ranges of the charges already found."""
    if not doc.has_annotation("DEP"):
        return []
    taken = list(taken)
    found: list[tuple[Span, Span]] = []
    for cue in cues:
        preps = rules.prepositions.get(cue.id_)
        if not preps or cue.root.head.lemma_.lower() in rules.removability_verbs:
            continue
        governed = governed_preps(doc, cue, preps)
        for prep in governed:
            if any(t.ent_type_ == "MONEY" or t.text == "$" for t in doc[cue.end:prep.i]):
                continue  # "charged each individual approximately $80 per month for rent": a price, no charge
            if prep.lower_ == "for" and any(p.i < prep.i and p.lower_ != "for" and _names_a_charge(p, taken)
                                             for p in governed):
                continue  # "convicted of aggravated battery for causing great bodily harm": the act, no charge
            # "charged him with manslaughter with a motor vehicle and failure to insure": the means, no second charge
            means = prep.lower_ == "with" and prep.dep_ == "prep" and any(
                p.i < prep.i and p.lower_ == "with" and _names_a_charge(p, taken) for p in governed)
            for obj in (_lesser_object(c) for c in prep.children if c.dep_ in ("pobj", "pcomp")):
                for item in _items(obj, rules) + [i for g in _verb_conjuncts(prep, obj) for i in _items(g, rules)]:
                    if means and item is obj:
                        continue
                    span = _phrase(doc, item, rules)
                    if span is None:
                        continue
                    # a named charge's own noun may be a cue ("narcotics charges"): its modifiers must be free
                    end = span.end - 1 if item.lower_ in rules.charge_nouns else span.end
                    if any(s < end and span.start < e for s, e in taken):
                        continue
                    taken.append((span.start, span.end))
                    found.append((span, cue))
    return found


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # the tags of a finite verb


def listed_between(doc: Doc, charges: Iterable[tuple[int, int]], rules: ChargePhraseRules) -> list[Span]:
    """ "convicted of burglary, brandishing a firearm, and robbery": the items listed between two charges of a
    sentence, set off by commas or semicolons, are charges too, however the parser read them; not a clause ("and
    he was sentenced"), a date, a person or a category ("burglary, two felonies, and theft")."""
    found = []
    ordered = sorted(charges)
    for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
        if start - end < 2 or doc[end].text not in (",", ";") or doc[end].sent.start != doc[start].sent.start:
            continue
        cuts = [i for i in range(end, start) if doc[i].text in (",", ";")]
        items = [_listed_item(doc, a + 1, b, rules) for a, b in zip(cuts, [*cuts[1:], start], strict=False)
                 if any(t.lower_ not in ("and", "or") for t in doc[a + 1:b])]
        if items and all(items):
            found.extend(item for item in items if item is not None)
    return found


_HYPHENS = frozenset({"-", "‐", "–"})
_NOT_SUBTITLES = frozenset({"related", "based", "level", "type", "style", "like", "free", "involved", "motivated"})
_CLAUSE_OPENERS = frozenset({"but", "which", "who", "whom", "after", "before", "when", "while", "where", "because",
                             "although", "though", "until", "since", "then"})


def subtitle_end(doc: Doc, end: int) -> int:
    """The end of a charge written with a docket subtitle after a hyphen, up to the list's comma ("unlawful
    contact with a minor-sexual offenses", "endangering the welfare of children-parent or guardian commits
    offense"), with a series of acts in it ("sexual abuse of children-photographing, videotaping, ... or filming
    sexual acts"); not a compound word ("assault-related charges"). A spaced en dash sets off a subtitle too when a
    few plain words follow it up to the list's comma ("criminal obstruction of breathing – apply pressure, ...")."""
    spaced = _spaced_subtitle_end(doc, end)
    if spaced > end:
        return spaced
    if end >= len(doc) or doc[end].text not in _HYPHENS or doc[end - 1].whitespace_ or doc[end].whitespace_ \
            or end + 1 >= len(doc) or doc[end + 1].lower_ in _NOT_SUBTITLES or not doc[end + 1].is_alpha:
        return end
    stop = end + 1
    limit = min(len(doc), doc[end].sent.end, end + 24)
    while stop < limit and doc[stop].text not in (",", ";", ".", ":"):
        stop += 1
    while stop + 1 < limit and doc[stop].text == "," and doc[stop - 1].lower_.endswith("ing") \
            and doc[stop + 1].lower_.endswith("ing"):
        stop += 2  # "-photographing, videotaping, depicting on a computer or filming sexual acts"
        while stop < limit and doc[stop].text not in (",", ";", ".", ":"):
            stop += 1
    return stop if stop - end <= 20 else end


def _spaced_subtitle_end(doc: Doc, end: int) -> int:
    if end + 1 >= len(doc) or doc[end].text != "–" or not doc[end - 1].whitespace_ or not doc[end].whitespace_:
        return end
    stop = end + 1
    while stop < min(len(doc), end + 7) and doc[stop].is_alpha and doc[stop].is_lower \
            and doc[stop].pos_ not in ("DET", "PRON", "AUX", "SCONJ") and doc[stop].lower_ not in _CLAUSE_OPENERS:
        stop += 1
    return stop if stop > end + 1 and stop < len(doc) and doc[stop].text in (",", ";") else end


def _item_words(doc: Doc, first: int, stop: int) -> Span:
    """The item's words before a docket subtitle (which may hold a verb: "-parent or guardian commits offense")."""
    for i in range(first + 1, stop):
        if subtitle_end(doc, i) > i:
            return doc[first:i]
    return doc[first:stop]


def listed_after_cue(doc: Doc, cues: Iterable[Span], taken: Iterable[tuple[int, int]],
                     rules: ChargePhraseRules) -> list[Span]:
    """ "arrested ... for A, B, C, ..., and J": a long comma list (three items or more, closed by "and" or "or")
    that follows a cue's preposition is a list of charges, however the parser read it, when every item is a
    charge or holds one (``taken`` holds the charges found); the list ends at a clause ("..., but the charges
    were dismissed")."""
    taken = list(taken)
    found: list[Span] = []
    for cue in cues:
        preps = rules.prepositions.get(cue.id_)
        if not preps:
            continue
        for prep in dict.fromkeys([*governed_preps(doc, cue, preps), *_next_prep(doc, cue, preps)]):
            end = prep.sent.end
            while end > prep.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            segments = _closing_split(doc, _segments(doc, prep.i + 1, end), taken)
            closed = next((k for k, (a, _) in enumerate(segments) if k >= 2 and doc[a].lower_ in ("and", "or")), None)
            if closed is None:
                continue
            opener = next((k for k, (a, b) in enumerate(segments) if _opens_clause(doc, a, b)), None)
            if opener is not None and opener <= closed:
                continue
            items = []
            for a, b in segments[:closed + 1]:
                held = [e for s, e in taken if s < b and a < e]
                if held and any(t.lower_ == "of" for t in doc[max(held):b]):
                    break  # "fraud and misuse of visa, permits, and other entry documents": the list is an object
                if held:
                    continue
                item = _listed_item(doc, a, b, rules)
                if item is None or _co_object(item, taken) or any(t.ent_type_ in _NOT_IN_CHARGES for t in item) \
                        or len(item) == 1 and (item[0].pos_ == "VERB" or item[0].lemma_.lower() == "violate"
                                               or in_words(item[0], rules.needs_object)):
                    break  # "the statute he is charged with violating, the U.S. Sentencing Guidelines, and ..."
                items.append(item)
            else:
                found.extend(items)
                taken.extend((i.start, i.end) for i in items)
    return found


_NOT_IN_CHARGES = frozenset({"GPE", "LOC", "ORG", "LAW", "NORP", "FAC"})


def _opens_clause(doc: Doc, start: int, end: int) -> bool:
    """A list part that starts a clause: a conjunction or relative word ("but the charges were dismissed"), or a
    verb after its "and" ("and sentenced to five years")."""
    words = [t for t in doc[start:end] if t.lower_ not in ("and", "or")]
    return bool(words) and (words[0].lower_ in _CLAUSE_OPENERS or words[0].pos_ == "AUX"
                            or words[0].tag_ in ("VBD", "VBN", "VBZ", "VBP", "MD") and words[0].dep_ != "amod")


def _next_prep(doc: Doc, cue: Span, preps: frozenset[str]) -> list[Token]:
    """The first of the cue's prepositions after it in its sentence when no verb stands between ("arrested April 2,
    by the Philadelphia Police Department for ...", which the parser may hang on the department)."""
    for token in doc[cue.end:cue.sent.end]:
        if token.pos_ in ("VERB", "AUX"):
            return []
        if token.lower_ in preps:
            return [token]
    return []


def _segments(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The comma- or semicolon-separated parts of [start, end); a docket subtitle's series stays in its part."""
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        j = i
        while j < end and doc[j].text not in (",", ";"):
            tail = subtitle_end(doc, j) if j > i else j
            j = tail if tail > j else j + 1
        if j > i:
            out.append((i, min(j, end)))
        i = j + 1
    return out


def _co_object(item: Span, taken: list[tuple[int, int]]) -> bool:
    """ "conspiring to distribute heroin, fentanyl and cocaine": an item the parser joined to the object of a charge
    found is a further object of that charge, no charge of its own."""
    head = item.root.head
    return item.root.dep_ == "conj" and head.dep_ in ("dobj", "pobj") and any(s <= head.i < e for s, e in taken)


def _closing_split(doc: Doc, segments: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "for A, B and C": a list written without the serial comma, one of whose parts is a charge found, closes
    inside its last part; that part splits at its first "and"/"or" outside a charge found, so that the list reads
    as "A", "B", "and C"."""
    if len(segments) < 2 or any(doc[a].lower_ in ("and", "or") for a, _ in segments[1:]) \
            or not any(s < b and a < e for a, b in segments for s, e in taken):
        return segments
    for k, (a, b) in enumerate(segments[1:], start=1):
        joint = next((i for i in range(a + 1, b) if doc[i].lower_ in ("and", "or")
                      and not any(s <= i < e for s, e in taken)), None)
        if joint is not None:
            return [*segments[:k], (a, joint), (joint, b), *segments[k + 1:]]
    return segments


def _holds_a_cue(doc: Doc, first: int, stop: int) -> bool:
    return any(s.label_ == "DISPO" and first <= s.start < stop for s in doc.spans.get(SPANS_KEY, []))


def _listed_item(doc: Doc, first: int, stop: int, rules: ChargePhraseRules) -> Span | None:
    """The charge of one list item [first, stop), its joiners and leading words dropped; None when it is none."""
    while stop > first and doc[stop - 1].lower_ in ("and", "or"):
        stop -= 1
    while first < stop and (doc[first].lower_ in rules.leading_words or doc[first].is_punct or doc[first].like_num
                            or doc[first].lower_ in ("and", "or")):
        first += 1
    item = doc[first:stop]
    words = _item_words(doc, first, stop)
    if not len(item) or len(words) > rules.max_tokens \
            or any(t.tag_ in FINITE_TAGS or t.pos_ == "AUX" or t.ent_type_ in ("DATE", "TIME", "PERSON", "MONEY")
                   or t.lower_ in rules.generic_heads for t in words) or item[0].tag_ == "VB" \
            or item[-1].pos_ == "ADP" or _holds_a_cue(doc, first, stop):
        return None  # "..., and convicted of" before the next charge is that charge's cue, no item
    head = words.root
    if in_words(head, rules.generic_heads) \
            or head.lower_ in rules.people_heads or item[0].pos_ not in ("ADJ", "NOUN", "VERB", "PROPN"):
        return None
    return item
