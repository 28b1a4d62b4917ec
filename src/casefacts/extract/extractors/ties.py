"""Community ties: family (with relation, count and the relatives' status), residence, employment,
military service, education, community service, rehabilitation, health, property or business,
victim or witness, and age.

Family ties come from relative nouns (``REL`` spans): the subject's relatives ("his three U.S.
citizen children", "Carmen's brother is a lawful permanent resident", "I am the husband of
Gabriela") make a tie of the subject's, whoever holds the status; a relative who is the actor of
an offense or event ("his brother was convicted") does not. The other kinds come from cue
patterns (``extractors/ties.yaml``) in sentences about the subject, not about the writer.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from spacy.tokens import Doc, Span, Token

from casefacts.extract.attribution import (
    NAME_PARTICLE,
    NAME_WORD,
    SUBJECT_WORDS,
    WRITER_WORDS,
    SubjectNames,
    relation_of,
    relation_spans,
)
from casefacts.extract.base import NAME_NOTE, ExtractionContext, cue_explanation, sent_of, text_of
from casefacts.extract.context import SPANS_KEY, doc_modifiers
from casefacts.extract.dates import find_dates
from casefacts.extract.resources import Resources
from casefacts.extract.sentences import NUMBER_WORDS
from casefacts.schema import CommunityTieFact, FactStatus

_YEARS = re.compile(r"\b(?:for\s+)?(?:(?:over|more than|nearly|almost|about|around|some|the (?:past|last))\s+)?"
                    r"(?P<n>\d{1,2}|[a-z]+(?:[\s\-][a-z]+)?)\s+(?:\(\d+\)\s+)?years?\b"
                    # not a sentence, a statute's period nor an age: "five years of supervised release", "not less
                    # than 10 years", "when he was about seven years old"
                    r"(?!\s+(?:of\s+)?(?:in\s+)?(?:federal\s+|state\s+)?(?:supervised|probation|prison|imprisonment|"
                    r"jail|custody|confinement|incarceration)|[\s\-‐]+old\b)", re.IGNORECASE)
_NOT_A_STAY = re.compile(r"(?:not less than|at least|up to|maximum of|sentenced to|term of)\s*$", re.IGNORECASE)
_SINCE_THEN = re.compile(r"\s+(?:that (?:date|time|year)|then|(?:his|her|their) (?:arrival|entry|admission))\b",
                         re.IGNORECASE)
_DECADE = re.compile(r"\b(?:a|one|two|three) decades?\b", re.IGNORECASE)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_AGE = re.compile(rf"\b(?P<n>\d{{1,3}}|{_TENS}(?:[\s\-‐]{_UNITS})?|{_TEENS})[\s\-‐‑–](?:years?|yrs?)[\s\-‐‑–]old\b|"
                  r"\b(?:age|aged)\s+(?P<m>\d{1,3})\b|\b(?P<k>\d{1,3})\s+years\s+of\s+age\b", re.IGNORECASE)
# "officers arrested the 44-year-old", "this record relates to a 21-year-old single male alien": the subject
_ANAPHORIC_AGE = re.compile(r"\b(?:the|(?:record|case|appeal) relates to an?)\s+$", re.IGNORECASE)
_LIST_GLUE = re.compile(r"[\s,]*(?:and|or)?[\s\w\-]*", re.IGNORECASE)
# "his wife and two children, all of whom are U.S. citizens", "the respondent's wife and minor child are citizens"
_COLLECTIVE = re.compile(r"[^;.]{0,20}?\b(?:all|both|each)\s+of\s+(?:whom|them)\b|"
                         r"\s*(?:are|were)\b(?=\s+(?:both\s+|all\s+)?(?:U\.\s?S\.|United States|American|lawful|legal|"
                         r"permanent|citizens))", re.IGNORECASE)
# an age at another time or a bound, not the subject's age: "when he was fifteen years old", "then-18-year-old",
# "a person under 13 years of age"
_OTHER_AGE = re.compile(r"(?:\bwhen (?:he|she|they) (?:was|were)\s*|\bthen[\s\-‐]|"
                        r"\b(?:under|over|younger than|older than|below)\s+(?:the\s+age\s+of\s+)?)$", re.IGNORECASE)
_PAST_AGE = re.compile(r"\b(?:at (?:the )?age(?: of)?|when (?:he|she|they) was|as an?|at|by)\s*$", re.IGNORECASE)
# A release introduces its subject with age and home town: "Eunorio Cortez Cortez, 52, of Beltsville,
# Maryland", "Miguel Vargas-Narez (44, Mexico)", "Alexander Juarez-Sanchez, a/k/a Jose Flores, age 37,"; a caption's
# "Gerardo Reyes-Campos (1), defendant" numbers a defendant.
_INTRO_NAME = rf"(?P<name>{NAME_WORD}(?:[ \t]+{NAME_PARTICLE}?{NAME_WORD}){{0,4}})"
_INTRO_AGE = re.compile(_INTRO_NAME + r"(?:,[ \t]*(?:(?:a/k/a|aka|also known as)[^,\n]{1,60},[ \t]*)?"
                        r"(?:age[ \t]+|aged[ \t]+)?"
                        r"(?P<n>\d{1,2})(?=[ \t]*(?:,|\.|;|\band\b|$))|[ \t]*\((?:age[ \t]+)?(?P<p>[1-9]\d)[ \t]*[,)])")
_YOUNG_OTHER = re.compile(r"^[\s\-]*(?:son|daughter|child|boy|girl|kid|grandson|granddaughter|brother|sister|"
                          r"victim|nephew|niece)\b", re.IGNORECASE)
_ORG_WORD = r"(?:Inc\.|Co\.|Corp\.|Ltd\.|St\.|[A-Z][\w&'\-]+)"
_ORG = rf"{_ORG_WORD}(?:\s+(?:of\s+|and\s+|&\s+|de\s+|la\s+)?{_ORG_WORD}){{0,5}}"
_EMPLOYER = re.compile(rf"\b(?:at|for|with|by|payroll of)\s+(?P<org>(?:the\s+)?{_ORG})")
_EMPLOYS = re.compile(rf"(?P<org>{_ORG})\s+(?:has\s+)?(?:employed|hired|employs)\b")
_WRITER_EMPLOYS = re.compile(r"\bI (?:have )?(?:supervised?|employ(?:ed)?|hired|manage[d]?)\b|"
                             r"\bmy (?:crew|team|staff|employees?|workers?)\b|\bworks? for me\b|\bthe company I run\b|"
                             r"\bemployees we have\b", re.IGNORECASE)
_PARTITIVE = frozenset({"one", "two", "three", "some", "all", "each", "both", "either", "neither", "none", "any",
                        "most", "several", "many"})
_WRITER_STATUS = re.compile(r"\bI am (?:also )?(?:a|an)\s+(?P<rest>[^;]{0,60})|\bI was born (?:in this country|here|"
                            r"in the United States)", re.IGNORECASE)
_MARRIED_TO_WRITER = re.compile(r"\b(?:we|\w+ and I|I) (?:have been|had been|were|got|am) married\b", re.IGNORECASE)
_NOT_EMPLOYER = re.compile(r"^(?:the\s+)?(?:United States|U\.\s?S\.|America|ICE|Immigration|Court|Judge|Honorable|"
                           r"I|He|She|They|We|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                           r"January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)\b")


def _number(text: str) -> int | None:
    text = text.lower().strip()
    if text.isdigit():
        return int(text)
    parts = re.split(r"[\s\-]", text)
    if all(p in NUMBER_WORDS for p in parts):
        return sum(NUMBER_WORDS[p] for p in parts)
    return None


class TieExtractor:
    name: ClassVar[str] = "ties"
    version: ClassVar[str] = "1.8"

    def __init__(self, resources: Resources) -> None:
        config = resources.config("ties")
        flags = re.IGNORECASE
        self.statuses = [(status, re.compile(r"\b(?:" + "|".join(p) + r")\b", flags))
                         for status, p in config["statuses"].items()]
        self.family_relations = set(config["family_relations"])
        self.inverse = dict(config["inverse_relation"])
        self.family_phrases = [(re.compile(p["pattern"], flags), p["relation"]) for p in config["family_phrases"]]
        self.kinds: dict[str, dict[str, Any]] = {}
        for kind, spec in config["kinds"].items():
            self.kinds[kind] = {
                "cue": re.compile("|".join(spec["cues"]), flags),
                "exclude": re.compile("|".join(spec["exclude"]), flags) if spec.get("exclude") else None,
            }
        self.branches = re.compile(r"\b(?:" + "|".join(config["kinds"]["military"]["branches"]) + r")\b")
        self.employer_writer = [re.compile(p, flags) for p in config["kinds"]["employment"].get("employer_writer", [])]
        residence = config["kinds"]["residence"]
        self.residence_place = re.compile(residence["place"]) if residence.get("place") else None
        self.residence_bare = re.compile("|".join(residence["bare"]), flags) if residence.get("bare") else None
        religious = config.get("religious", {})
        self.religious_kinds = frozenset(religious.get("kinds", []))
        self.religious = re.compile("|".join(religious["terms"]), flags) if religious.get("terms") else None

    # --------------------------------------------------------------------- extract

    def extract(self, doc: Doc, context: ExtractionContext) -> list[CommunityTieFact]:
        names = context.notes.get(NAME_NOTE, SubjectNames())
        rels = relation_spans(doc)
        facts: list[CommunityTieFact] = []
        for sent in doc.sents:
            if context.is_claimed(sent.start_char, sent.end_char) or not sent.text.strip():
                continue
            facts += self._family(doc, sent, rels, names, context)
            for kind in self.kinds:
                fact = self._kind(doc, sent, kind, rels, names, context)
                if fact is not None:
                    facts.append(fact)
            age = self._age(doc, sent, names, context)
            if age is not None:
                facts.append(age)
        employer = self._employer_writer(doc, context)
        if employer is not None:
            facts.append(employer)
        return facts

    def _employer_writer(self, doc: Doc, context: ExtractionContext) -> CommunityTieFact | None:
        """A letter written by the subject's employer: "As the general manager of X, I supervise ..."."""
        if not _WRITER_EMPLOYS.search(text_of(doc)):
            return None
        for pattern in self.employer_writer:
            m = pattern.search(text_of(doc))
            if m:
                span = doc.char_span(m.start("org"), m.end("org"), alignment_mode="expand")
                if span is not None and not context.is_claimed(m.start(), m.end()):
                    org = m.group("org").strip().rstrip(",")
                    return self._tie(doc, "employment", {"employer": org}, span.start, span.end, context,
                                     f"the writer is the subject's employer ({m.group(0)!r})")
        return None

    # ---------------------------------------------------------------------- family

    def _family(self, doc: Doc, sent: Span, rels: list[Span], names: SubjectNames,
                context: ExtractionContext) -> list[CommunityTieFact]:
        facts = []
        in_sent = [r for r in rels if sent.start <= r.start < sent.end]
        for i, rel in enumerate(in_sent):
            about, relation = relation_of(rel)
            if relation not in self.family_relations:
                continue
            if _quoted_generic(rel):
                continue  # a statute quoted in a decision: "hardship to the alien's spouse, parent, or child"
            owner = self._owner(rel, names)
            if owner == "writer_inverse":
                relation = self.inverse.get(relation, relation)
            elif owner != "subject":
                continue
            if self._is_actor(rel) or self._other_topic(rel, sent):
                continue
            end = in_sent[i + 1].start if i + 1 < len(in_sent) else sent.end
            window = doc[rel.root.left_edge.i:end]
            details: dict[str, Any] = {"relation": relation}
            status = self._status(self._clip(window.text))
            if status is None and owner == "writer_inverse":
                status = self._writer_status(doc)
            if status is None:
                status = self._shared_status(doc, sent, in_sent, i)
            if status:
                details["status"] = status
            if relation == "child":
                details["count"] = self._count(rel)
            facts.append(self._tie(doc, "family", details, rel.root.left_edge.i, max(rel.end, rel.root.i + 1),
                                   context, f"relative {rel.text!r} of the subject"))
        for pattern, relation in self.family_phrases:
            for m in pattern.finditer(sent.text):
                span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
                if span is None or any(span.start <= r.start < span.end + 3 and not r.end <= span.end for r in in_sent):
                    continue  # a relative named after the phrase has its own tie; one inside it is the phrase's
                writer_spouse = relation == "spouse" and self._writer_married(span, names)
                if not writer_spouse and not self._subject_clause(span.root, names):
                    continue
                details = {"relation": relation}
                if "count" in m.groupdict():  # "the father of five United States born children"
                    details["count"] = _number(m.group("count"))
                    status = self._status(re.split(r"[,;.]", sent.text[m.end():], maxsplit=1)[0])
                else:
                    status = self._writer_status(doc) if writer_spouse else self._status(sent.text[m.end():])
                if status:
                    details["status"] = status
                facts.append(self._tie(doc, "family", details, span.start, span.end, context,
                                       f"phrase {m.group(0)!r}"))
        return facts

    def _shared_status(self, doc: Doc, sent: Span, in_sent: list[Span], i: int) -> str | None:
        """ "his wife and two children, all of whom are U.S. citizens": a status stated of every relative of a
        list."""
        j = i
        while j + 1 < len(in_sent) and in_sent[j + 1].start - in_sent[j].end <= 3 \
                and _LIST_GLUE.fullmatch(doc[in_sent[j].end:in_sent[j + 1].start].text):
            j += 1
        rest = doc[in_sent[j].end:sent.end].text
        m = _COLLECTIVE.match(rest)
        return self._status(self._clip(rest[m.end():])) if j > i and m else None

    def _writer_status(self, doc: Doc) -> str | None:
        """The status the writer states of themself ("I am a lawful permanent resident")."""
        for m in _WRITER_STATUS.finditer(text_of(doc)):
            if m.group("rest") is None:
                return "us_citizen"
            status = self._status(m.group("rest"))
            if status:
                return status
        return None

    @staticmethod
    def _writer_married(span: Span, names: SubjectNames) -> bool:
        """ "I have been married to Pedro": the writer is the subject's spouse."""
        subjects = [c for c in span.root.head.subtree if c.dep_ in ("nsubj", "nsubjpass") and c.i < span.start]
        after = span.doc[span.end:min(sent_of(span).end, span.end + 4)]
        return bool(subjects) and subjects[0].lower_ in WRITER_WORDS and bool(names.matches([t.text for t in after
                                                                                       if t.pos_ == "PROPN"]))

    def _other_topic(self, rel: Span, sent: Span) -> bool:
        """A relative who is the topic of a health or military statement makes that tie instead."""
        if rel.root.dep_ not in ("nsubj", "nsubjpass") and not (rel.root.dep_ == "poss"
                                                                  and rel.root.head.dep_ in ("nsubj", "nsubjpass")):
            return False
        return any(self.kinds[k]["cue"].search(sent.text) for k in ("health", "military"))

    def _owner(self, rel: Span, names: SubjectNames) -> str:
        """Whose relative: subject, writer_inverse ("my father, Juan"), writer, other."""
        root = rel.root
        possessors = _possessors(root)
        if possessors:  # "his children", "my father", "Carmen's brother"
            child = possessors[0]
            word = child.lower_
            if word in ("my",):
                spouse_writer = relation_of(rel)[1] == "spouse" and _MARRIED_TO_WRITER.search(text_of(rel.doc))
                return "writer_inverse" if spouse_writer or self._names_subject(root, names) else "writer"
            if word in ("our",):
                return "subject"
            if word in SUBJECT_WORDS or names.matches(_name_words(child)) or child.lower_ == "subject":
                return "subject"
            return "other"
        while root.dep_ == "conj":  # "the father of one resident alien and 6 citizen children"
            root = root.head
        head = root.head
        # "I am the husband of Gabriela", "I am her brother": the writer is the subject's relative
        if root.dep_ in ("attr", "appos") and head.lemma_ == "be":
            subj = [c for c in head.children if c.dep_ == "nsubj"]
            if subj and subj[0].lower_ in WRITER_WORDS:
                return "subject"
        # "She has three children", "claims to have two children"
        if root.dep_ == "dobj" and head.lemma_ in ("have", "raise", "support"):
            return "subject" if self._subject_clause(head, names) else "other"
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in ("mother", "father", "parent"):
            return "subject" if self._subject_clause(head.head, names) else "other"
        # "Miguel takes care of three children", "she provides for two children"
        if root.dep_ == "pobj" and head.lower_ in ("of", "for") and head.head.lemma_ in ("care", "provide"):
            return "subject" if self._subject_clause(head.head, names) else "other"
        # "The three children she supports are ..."
        for child in root.children:
            if child.dep_ == "relcl" and self._subject_clause(child, names) \
                    and not any(c.lower_ in ("who", "that") for c in child.children if c.dep_.startswith("nsubj")):
                return "subject"
        return "none"

    @staticmethod
    def _names_subject(root: Token, names: SubjectNames) -> bool:
        for child in root.children:
            if child.dep_ in ("appos", "compound") and names.matches(_name_words(child)):
                return True
        return root.dep_ in ("attr",) and any(names.matches(_name_words(c)) for c in root.head.children
                                              if c.dep_ == "nsubj")

    def _subject_clause(self, token: Token, names: SubjectNames) -> bool:
        """Whether the clause of ``token`` is about the subject (its subject is he/she/the name)."""
        verb = token
        for _ in range(5):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                s = subjects[0]
                if s.lower_ in WRITER_WORDS:
                    return False
                return s.lower_ in SUBJECT_WORDS or bool(names.matches(_name_words(s))) or s.lower_ == "subject" \
                    or s.lower_ == "couple" and any(c.lower_ == "the" for c in s.children)  # "The couple have"
            if verb.head is verb:
                return False
            verb = verb.head
        return False

    @staticmethod
    def _is_actor(rel: Span) -> bool:
        """A relative who did or underwent an offense or event ("his brother was convicted", "her uncle
        Chinedu, who was arrested")."""
        doc = rel.doc
        root = rel.root
        person = root.head if root.dep_ in ("compound", "appos") else root
        verbs = [c for c in list(person.children) + list(root.children) if c.dep_ == "relcl"]
        if person.dep_ in ("nsubj", "nsubjpass"):
            verbs.append(person.head)
        cues = [s for s in doc.spans.get(SPANS_KEY, []) if s.label_ in ("DISPO", "EVENT", "OFFENSE")]
        return any(s.start - 1 <= verb.i < s.end + 3 for verb in verbs for s in cues)

    @staticmethod
    def _clip(text: str) -> str:
        return re.split(r";|\bbut\b|\bwhile\b|\bwhereas\b", text, maxsplit=1)[0]

    def _status(self, text: str) -> str | None:
        hits = [(m.start(), status) for status, pattern in self.statuses if (m := pattern.search(text))]
        return min(hits)[1] if hits else None

    @staticmethod
    def _count(rel: Span) -> int | None:
        root = rel.root
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _PARTITIVE:
            part = root.head.head
            whole = any(c.lower_ == "all" for c in part.children) or part.nbor(-1).lower_ == "all"
            return _number(part.text) if whole else None  # "all three of his children"; "one of them": a part
        for child in root.children:
            if child.dep_ == "nummod" or (child.like_num and child.i < root.i):
                return _number(child.text) or None
        text = rel.doc[max(sent_of(rel).start, min(root.left_edge.i, root.i - 5)):root.i].text.lower()
        ages = _AGES_LIST.search(rel.doc[max(sent_of(rel).start, root.i - 10):root.i].text.lower())
        if ages:  # "her 6- and 11-year-old children": one child per age
            return len(re.findall(r"\d+", ages.group(0)))
        text = _AGE_WORDS.sub(" ", text)
        m = re.search(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b", text)
        if m:
            return _number(m.group(1))
        if root.tag_ in ("NN", "NNP") or root.lower_ in ("son", "daughter", "child", "stepson", "stepdaughter"):
            return 1
        return None

    # ---------------------------------------------------------------- other kinds

    def _kind(self, doc: Doc, sent: Span, kind: str, rels: list[Span], names: SubjectNames,
              context: ExtractionContext) -> CommunityTieFact | None:
        spec = self.kinds[kind]
        text = sent.text
        religious: set[int] = set()
        if kind in self.religious_kinds:
            religious = self._religious_tokens(sent)
            text = "".join(" " if sent.start_char + i in religious else c for i, c in enumerate(text))
        if spec["exclude"] is not None and spec["exclude"].search(text):
            return None
        for m in spec["cue"].finditer(text):  # the first cue that makes a tie
            cue = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if cue is None or (religious and self._governs(cue.root, religious)):
                continue
            relation = None
            if kind in ("military", "health"):
                relation = self._relative_of(cue, sent, rels, names)
                if relation == "":
                    continue
            if relation is None and not self._about_subject(cue, names):
                continue
            details = getattr(self, f"_details_{kind}", lambda *_: {})(doc, sent, cue)
            if details is None:
                continue
            if relation:
                details["relation"] = relation
            return self._tie(doc, kind, details, cue.start, cue.end, context, f"{kind} cue {m.group(0)!r}")
        return None

    def _religious_tokens(self, sent: Span) -> set[int]:
        """Character offsets of the noun phrases in ``sent`` that name a religious place, group or service."""
        if self.religious is None:
            return set()
        spans = list(sent.noun_chunks) + [e for e in sent.ents if e.label_ in ("ORG", "FAC", "NORP", "EVENT")]
        return {i for span in spans if self.religious.search(span.text) for i in range(span.start_char, span.end_char)}

    @staticmethod
    def _governs(token: Token, religious: set[int], depth: int = 4) -> bool:
        """Whether ``token`` governs, through prepositions and objects, a blanked religious phrase
        ("volunteers at her church", "serves as an usher at St. Mary's Parish")."""
        frontier = [token]
        for _ in range(depth):
            frontier = [c for t in frontier for c in t.children if c.dep_ in ("prep", "pobj", "dobj", "attr")]
            if any(t.idx in religious for t in frontier):
                return True
        return False

    def _about_subject(self, cue: Span, names: SubjectNames) -> bool:
        verb = cue.root
        owner = [c for c in verb.children if c.dep_ == "poss"]
        if verb.pos_ == "NOUN" and owner and (owner[0].lower_ in ("his", "her", "their")
                                              or names.matches(_name_words(owner[0]))):
            return True  # "arrested Portillo-Morales at his residence in Centreville"
        if verb.lemma_ in ("employ", "hire"):  # "Gulf Coast Roofing LLC has employed Carlos"
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if objects and (objects[0].lower_ in SUBJECT_WORDS or names.matches(_name_words(objects[0]))):
                return True
        for _ in range(5):
            if verb is not cue.root and verb.pos_ == "PROPN" and names.matches([verb.text]):
                return True  # "Bayron Perez Batres, age 63 and living in Beltsville": a phrase on the name
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                s = subjects[0]
                if s.lower_ in WRITER_WORDS:
                    return False
                if s.lower_ in ("who", "that") and verb.dep_ == "relcl":
                    s = verb.head
                if s.lower_ in SUBJECT_WORDS or s.lower_ == "subject" \
                        or (not s.is_lower and names.matches(_name_words(s))):
                    return True  # not "Oscar's sister", whose subtree holds the name
                if s.i == cue.root.head.i and (s.lemma_.lower() in _INTRODUCED_PERSON or s.ent_type_ == "NORP") \
                        and any(c.lower_ in ("a", "an") for c in s.children):
                    return True  # "A 38-year-old man (an Argentinean) wanted in El Salvador ... was removed"
                if s.lower_ in ("this", "it", "there", "that") \
                        or (cue.start <= s.i < cue.end and s.lemma_ == "resident"):
                    return True  # "A resident of Nuevo Laredo has been ordered to prison"
                if s.pos_ in ("PROPN",) and names.matches(_name_words(s)) is None:
                    return True
                poss = [c for c in s.children if c.dep_ == "poss"]
                return bool(poss) and (poss[0].lower_ in ("his", "her") or bool(names.matches(_name_words(poss[0]))))\
                    and s.lemma_ in ("job", "employer", "work", "home", "business", "residence", "service",
                                     "diagnosis", "health", "sobriety", "recovery", "doctor", "condition")
            if verb.head is verb:
                break
            verb = verb.head
        return True  # no grammatical subject ("After eighteen years in the United States, ...")

    def _relative_of(self, cue: Span, sent: Span, rels: list[Span], names: SubjectNames) -> str | None:
        """The relation of a relative whose service or health the sentence states; "" for a stranger."""
        verb = cue.root
        for _ in range(5):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                s = _person_meant(subjects[0], verb)
                rel = next((r for r in rels if r.start <= s.i < r.end), None)
                if rel is None:
                    return None if (s.lower_ in SUBJECT_WORDS or names.matches(_name_words(s)) is not False) else ""
                owner = self._owner(rel, names)
                if owner != "subject":
                    return ""
                about, tie = relation_of(rel)
                return "spouse" if tie == "spouse" else (tie if tie == "child" and about == "child" else about)
            if verb.head is verb:
                break
            verb = verb.head
        return None

    def _details_residence(self, doc: Doc, sent: Span, cue: Span) -> dict[str, Any] | None:
        text = sent.text
        since = re.search(r"\bsince\b", text, re.IGNORECASE)
        if since:
            dates = [d for d in find_dates(text[since.start():]) if d.start < 30]
            if dates:
                return {"since": dates[0].date.year}
            # "moved to Orlando in 2012 and has lived here ever since", "came in 1963 and has since resided here"
            earlier = find_dates(text[:since.start()])
            if earlier and re.search(r"\b(?:ever since|ha(?:s|ve|d) since)\b", text, re.IGNORECASE):
                return {"since": earlier[-1].date.year}
            # "admitted ... on November 29, 1974. He has lived here since that date": the last date before
            if _SINCE_THEN.match(text[since.end():]):
                before = find_dates(text_of(doc)[max(0, sent.start_char - 400):sent.start_char])
                if before:
                    return {"since": before[-1].date.year}
        m = next((m for m in _YEARS.finditer(text) if not _NOT_A_STAY.search(text[max(0, m.start() - 25):m.start()])),
                 None)
        if m:
            n = _number(m.group("n"))
            if n and n < 100:
                return {"years": n}
        if _DECADE.search(text):
            word = _DECADE.search(text).group(0).split()[0].lower()
            return {"years": 10 * (NUMBER_WORDS.get(word, 1))}
        m = self.residence_place.search(text[cue.start_char - sent.start_char:]) if self.residence_place else None
        if m:
            return {"place": m.group("place")}
        if self.residence_bare and self.residence_bare.match(text, cue.start_char - sent.start_char):
            return {}  # "length of residence", "remained in this nation for an extended period"
        return None

    def _details_employment(self, doc: Doc, sent: Span, cue: Span) -> dict[str, Any]:
        text = sent.text
        for pattern in (_EMPLOYS, _EMPLOYER):
            for m in pattern.finditer(text):
                org = re.sub(r"^the\s+", "", m.group("org").strip())
                org = org if re.search(r"\b(?:Inc|Co|Corp|Ltd|St)\.$", org) else org.rstrip(".,")
                if org and not _NOT_EMPLOYER.match(org):
                    return {"employer": org}
        return {}

    def _details_military(self, doc: Doc, sent: Span, cue: Span) -> dict[str, Any]:
        m = self.branches.search(sent.text)
        return {"branch": m.group(0)} if m else {}

    # ------------------------------------------------------------------------- age

    def _age(self, doc: Doc, sent: Span, names: SubjectNames, context: ExtractionContext) -> CommunityTieFact | None:
        text = sent.text
        for m in _INTRO_AGE.finditer(text):  # "Eunorio Cortez Cortez, 52," / "Miguel Vargas-Narez (44, Mexico)"
            if names.matches(m.group("name").split()):
                span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
                if span is not None:
                    return self._tie(doc, "age", {"age": int(m.group("n") or m.group("p"))}, span.start, span.end,
                                     context, "age after the subject's name")
        for m in _AGE.finditer(text):
            if _PAST_AGE.search(text[:m.start()]) and not re.search(r"\bold\b", m.group(0), re.IGNORECASE) \
                    or _OTHER_AGE.search(text[:m.start()]):
                continue  # "at the age of 25", "admitted in 1979, when he was fifteen years old", "then-18-year-old",
                # "a person under 13 years of age"
            anaphoric = bool(_ANAPHORIC_AGE.search(text[:m.start()])) or _arrested_person(text, m.start(), m.end())
            if _YOUNG_OTHER.match(text[m.end():]) or _OBJECT_AGE.search(text[:m.start()]) and not anaphoric \
                    or _AS_AGE.search(text[:m.start()]):
                continue  # "... with a twelve-year-old": someone the offense was against
            years = _number(m.group("n") or m.group("m") or m.group("k")) or 0
            span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if span is None or not 0 < years < 120 or not (anaphoric or self._about_subject(span, names)):
                continue
            return self._tie(doc, "age", {"age": years}, span.start, span.end, context, f"age {m.group(0)!r}")
        for ent in sent.ents:  # "Antonio Serrano-Perez, 39, of ..."
            if ent.label_ == "PERSON" and names.matches(_name_words(ent)) is not False:
                m = re.match(r",\s*(\d{1,2}),", text_of(doc)[ent.end_char:ent.end_char + 6])
                if m:
                    end = doc.char_span(ent.start_char, ent.end_char + m.end(1), alignment_mode="expand")
                    if end is not None:
                        return self._tie(doc, "age", {"age": int(m.group(1))}, end.start, end.end, context,
                                         "age after the person's name")
        return None

    # ----------------------------------------------------------------------- build

    def _tie(self, doc: Doc, kind: str, details: dict[str, Any], start: int, end: int, context: ExtractionContext,
             explanation: str) -> CommunityTieFact:
        mods = [m for m in doc_modifiers(doc) if any(m.covers(i, i + 1) for i in range(start, end))]
        if kind == "family":  # "removal would cause hardship to his children": the children are no hypothesis
            mods = [m for m in mods if not (m.category == "hypothetical" and m.cue.lower() in _MODALS)]
        found = {m.category for m in mods}
        status: FactStatus = "negated" if "negated" in found else ("hypothetical" if found else "affirmed")
        sent = sent_of(doc[start])
        s_start, s_end = sent.start_char, sent.end_char
        while s_end > s_start and text_of(doc)[s_end - 1].isspace():
            s_end -= 1
        confidence = 0.6 + 0.1 * min(3, len([v for v in details.values() if v is not None])) \
            - 0.2 * (status != "affirmed")
        notes = [explanation] + ([cue_explanation(mods)] if mods else [])
        evidence = context.evidence(self, s_start, s_end, confidence, "; ".join(notes))
        span_start, span_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        return CommunityTieFact(
            fact_id=context.fact_id("community_tie", span_start, span_end), tie_kind=kind, details=details,
            text=text_of(doc)[s_start:s_end], status=status, confidence=evidence.confidence, evidence=[evidence])


_AS_AGE = re.compile(r"\bas an?\s*$", re.IGNORECASE)  # "entered the United States as an 18 year-old"
# "ERO Boston arrested a 20-year-old El Salvadoran national", "apprehended an unlawfully present 43-year-old": the
# person agents act on is the release's subject
_ACTED_ON = re.compile(r"\b(?:arrested|apprehended|removed|deported|detained|encountered|repatriated)\s+an?"
                       r"(?:\s+(?:unlawfully|illegally)\s+present)?\s*$", re.IGNORECASE)
_OBJECT_AGE = re.compile(r"\b(?:with|of|against|on|upon|to|from|by)\s+an?\s*$", re.IGNORECASE)
# Nouns a release introduces its unnamed subject with: "A 38-year-old man", "a 41-year-old Dominican national"
_INTRODUCED_PERSON = frozenset({"man", "woman", "national", "citizen", "alien", "noncitizen", "resident", "felon",
                                "fugitive", "native", "immigrant", "person", "individual"})
_MODALS = frozenset({"would", "will", "could", "might", "may", "can", "shall"})
_AGES_LIST = re.compile(r"\b\d{1,2}-?(?:\s*,\s*\d{1,2}-?)*,?\s+and\s+\d{1,2}\s*-?\s*years?\s*-?\s*old\b")
_AGE_WORDS = re.compile(r"\b\d{1,2}\s*-?\s*(?:years?|months?)\s*-?\s*old\b")


def _person_meant(subject: Token, verb: Token) -> Token:
    """The person a clause's subject stands for: the noun a relative pronoun refers to ("his children, who has a
    condition"), the whole a part is of ("one of his children has a condition")."""
    if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subject = verb.head
    if subject.lower_ in _PARTITIVE:
        wholes = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj"]
        if wholes:
            return wholes[0]
    return subject


def _arrested_person(text: str, start: int, end: int) -> bool:
    """Whether the age introduces the person an arrest or removal acts on ("removed a 41-year-old national")."""
    return bool(_ACTED_ON.search(text[:start])) and any(
        w.lower().strip(",.") in _INTRODUCED_PERSON for w in text[end:end + 50].split()[:6])


def _quoted_generic(rel: Span) -> bool:
    """A relative of "the alien" inside a quotation: the words of a statute, no fact of the subject."""
    before = rel.doc[sent_of(rel).start:rel.start].text
    inside = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    return inside and any(p.lower_ == "alien" for p in _possessors(rel.root))


def _possessors(root: Token) -> list[Token]:
    """The possessive of a relative noun: its own ("his children"), its conjunct head's ("her son and
    daughter"), or the determiner opening its noun phrase when the parse split it ("her 6- and 11-year-old
    United States citizen children")."""
    own = [c for c in root.children if c.dep_ == "poss"]
    if own:
        return own
    if root.dep_ == "conj":
        head = [c for c in root.head.children if c.dep_ == "poss"]
        if head:
            return head
    doc = root.doc
    for token in reversed(doc[max(sent_of(root).start, root.i - 14):root.i]):
        if token.tag_ == "PRP$" or (token.dep_ == "poss" and token.pos_ == "PRON"):
            return [token]
        if token.pos_ in ("VERB", "AUX", "ADP", "SCONJ") or token.text in (",", ";", "(", ")"):
            break
    return []


def _name_words(token_or_span: Any) -> list[str]:
    if isinstance(token_or_span, Span):
        return [t.text for t in token_or_span]
    return [t.text for t in token_or_span.subtree if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"] or \
        [token_or_span.text]
