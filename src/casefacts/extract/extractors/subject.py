"""Subject identifiers: name, date of birth, A-number, FBI number, SID, booking number, criminal case number.

Labelled fields ("NAME: PEREZ, JUAN", "DOB: 03/12/1985", "A-NUMBER: 012-345-678") and a
court caption ("v. CRISTIAN IVANOV, Defendant.") are read with the labels of
``extractors/subject_fields.yaml``; without a label, the name of a press release's subject
("Antonio Serrano-Perez, 39, of ...") and an A-number written with its "A" are taken.
Identifier values are kept as written. One subject fact per page; the engine merges pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from casefacts.extract.attribution import NAME_PARTICLE, NAME_WORD, SUBJECT_WORDS, SubjectNames, person_token
from casefacts.extract.base import NAME_NOTE, ExtractionContext
from casefacts.extract.dates import find_dates
from casefacts.schema import Evidence, Identifier, PartialDate, SubjectFact

_POSSESSIVE = re.compile(r"['’]s(?:\s.*)?$", re.DOTALL)  # a possessive ends a name: "Gaona-Calderon's Motion"
_NAME_VALUE = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’.\-]*(?:,?\s[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’.\-]*){1,5}")
_ALIAS_BEFORE = re.compile(r"\b(?:aka|a/k/a|alias)\W{0,3}$", re.IGNORECASE)
_BORN = re.compile(r"\bborn\s+(?:on\s+)?", re.IGNORECASE)
_NOT_NAME_START = r"(?!(?:Petitioner|Respondent|Applicant|Defendant|Appellant|The|A|An)\b)"
_INTRO_NAME = rf"(?P<value>{_NOT_NAME_START}{NAME_WORD}(?:[ \t]+{NAME_PARTICLE}?{NAME_WORD}){{1,4}})"


def _alternation(labels: list[str]) -> str:
    return "(?:" + "|".join(sorted(labels, key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    explanation: str
    confidence: float


class SubjectExtractor:
    name: ClassVar[str] = "subject"
    version: ClassVar[str] = "1.8"

    def __init__(self, config: dict[str, Any]) -> None:
        stop = _alternation(config["stop_labels"])
        self._stop = re.compile(rf"\s+{stop}\s*[:#]|\s{{2,}}|\s*\(|,?\s+A#|,\s*A-?\d|,\s*\d")
        self._name = re.compile(rf"(?:^|(?<=\s))(?P<label>{_alternation(config['name_labels'])})\s*:\s*"
                                r"(?P<value>[^\n]+)", re.MULTILINE)
        self._dob = re.compile(rf"(?:^|(?<=\s))(?P<label>{_alternation(config['dob_labels'])})\s*:?\s*")
        self._caption = re.compile(config["caption"], re.MULTILINE)
        self._party = re.compile(config["party"])
        self._matter = re.compile(config["matter"])
        self._not_party = re.compile(config["not_party"])
        self._intro = [re.compile(p.replace("{NAME}", _INTRO_NAME)) for p in config.get("intro", [])]
        self._not_name_words = frozenset(w.lower() for w in config.get("not_name_words", [])) | STOP_WORDS
        self._ids = []
        for scheme, spec in config["identifiers"].items():
            labelled = re.compile(rf"(?:^|(?<=[\s(,;]))(?P<label>{_alternation(spec['labels'])})\s*[:.]?\s*"
                                  rf"(?P<value>{spec['value']})(?![\w\-])")
            unlabeled = re.compile(spec["unlabeled"]) if spec.get("unlabeled") else None
            self._ids.append((scheme, labelled, unlabeled))

    def extract(self, doc: Doc, context: ExtractionContext) -> list[SubjectFact]:
        text = context.page.text
        evidence: list[Evidence] = []
        name = self._find_name(text, doc, context, evidence)
        dob = self._find_dob(text, context, evidence) or self._born_in_prose(doc, name, context, evidence)
        identifiers = self._find_identifiers(text, context, evidence)
        if not evidence:
            return []
        if name and NAME_NOTE not in context.notes:
            context.notes[NAME_NOTE] = SubjectNames.from_name(name)
        first = evidence[0]
        return [SubjectFact(fact_id=context.fact_id("subject", first.start, first.end), name=name,
                            date_of_birth=dob, identifiers=identifiers,
                            confidence=max(e.confidence for e in evidence), evidence=evidence)]

    # ------------------------------------------------------------------------ name

    def _find_name(self, text: str, doc: Doc, context: ExtractionContext, evidence: list[Evidence]) -> str | None:
        if NAME_NOTE in context.notes:  # a later page repeats the name: keep the first one
            return None
        name = self._named(text, doc, context, evidence)
        fuller = _fuller_form(text, name) if name else None
        if fuller is None:
            return name
        found = evidence.pop()
        evidence.append(context.evidence(self, fuller.start(), fuller.end(), found.confidence,
                                         f"{found.explanation}, as first written in full"))
        return fuller.group(0)

    def _named(self, text: str, doc: Doc, context: ExtractionContext, evidence: list[Evidence]) -> str | None:
        for m in self._name.finditer(text):
            value = self._cut(m.group("value"))
            if value and _NAME_VALUE.fullmatch(value) and not value.isdigit():
                start = m.start("value")
                evidence.append(context.evidence(self, start, start + len(value), 0.95,
                                                 f"name after the label {m.group('label')!r}"))
                return value
        for m in self._party.finditer(text):
            value = m.group("value").strip()
            if not self._not_party.search(value):
                start = m.start("value")
                while (lead := re.match(r"\S+\s+", value)) and lead.group(0).strip(" .,").lower() \
                        in self._not_name_words:
                    value, start = value[lead.end():], start + lead.end()  # "Summary Calendar Michael ASHBY"
                evidence.append(context.evidence(self, start, start + len(value), 0.85,
                                                 "party named as petitioner or respondent"))
                return value
        for m in self._caption.finditer(text):  # a short title ("U.S. v. Arellano-Torres") before the caption
            value = m.group("value").strip().rstrip(",.")
            if not self._not_party.search(value) and _NAME_VALUE.fullmatch(value) and self._name_like(value):
                start = m.start("value")
                evidence.append(context.evidence(self, start, start + len(value), 0.9, "name in a court caption"))
                return value
        m = self._matter.search(text)
        if m and self._name_like(m.group("value")):
            evidence.append(context.evidence(self, m.start("value"), m.end("value"), 0.85,
                                             "name in a decision's title (Matter of ...)"))
            return m.group("value")
        intros = [m for pattern in self._intro for m in pattern.finditer(text)
                  if not self._not_party.search(m.group("value")) and _short_form_of(m)
                  and self._name_like(m.group("value"))]
        if intros:
            m = min(intros, key=lambda m: m.start("value"))
            value = _POSSESSIVE.sub("", m.group("value"))
            evidence.append(context.evidence(self, m.start("value"), m.start("value") + len(value), 0.8,
                                             "person introduced as the decision's or release's subject"))
            return value
        for ent in doc.ents:  # "Antonio Serrano-Perez, 39, of Tamaulipas"
            if ent.label_ == "PERSON" and re.match(r",\s*\d{1,2},", text[ent.end_char:ent.end_char + 6]):
                start = ent.start
                while start > 0 and (doc[start - 1].is_title or doc[start - 1].is_upper) \
                        and doc[start - 1].pos_ == "PROPN":
                    start -= 1  # NER often drops a first given name ("Victor Manuel Perez-Monroy")
                first = doc[start].idx
                evidence.append(context.evidence(self, first, ent.end_char, 0.7,
                                                 "person named with an age, as press releases name a defendant"))
                return text[first:ent.end_char]
        return self._recurring_person(text, doc, context, evidence)

    def _recurring_person(self, text: str, doc: Doc, context: ExtractionContext,
                          evidence: list[Evidence]) -> str | None:
        """A release that names its subject once in full and then by surname ("ERO officers turned Arnulfo
        Silva-Gonzalez over ... arrested Silva"): the first full name whose surname recurs most, at least
        twice more; officials named once ("Director John Tsoukaris") do not recur."""
        best: tuple[int, int, int] | None = None
        for ent in doc.ents:
            words = ent.text.split()
            if ent.label_ != "PERSON" or len(words) < 2 or not _NAME_VALUE.fullmatch(ent.text) \
                    or any(len(w) > 1 and w.isupper() for w in words) or not self._name_like(ent.text) \
                    or self._not_party.search(ent.text) or _ALIAS_BEFORE.search(text[:ent.start_char]) \
                    or ent.start > 0 and doc[ent.start - 1].is_title:
                continue
            surname = re.split(r"[\-‐]", words[-1])[0]
            others = [m for m in re.finditer(rf"\b{re.escape(surname)}\b", text)
                      if not ent.start_char <= m.start() < ent.end_char and _bare(text, m.start())]
            if len(others) >= 2 and (best is None or len(others) > best[0]):
                best = (len(others), ent.start_char, ent.end_char)
        if best is None:
            return None
        _, start, end = best
        evidence.append(context.evidence(self, start, end, 0.65, "full name whose surname the text repeats"))
        return text[start:end]

    def _name_like(self, value: str) -> bool:
        """No headline word or English stop word among the words (particles de/del/la/y aside)."""
        words = [w.lower() for w in re.split(r"[\s\-‐]+", value) if w.lower() not in ("de", "del", "la", "y")]
        return not any(w in self._not_name_words for w in words)

    def _cut(self, value: str) -> str:
        """The value up to a stop word, without trailing punctuation or a possessive ("Defendant Pedro
        Calderon-Pena’s seventy-month sentence")."""
        m = self._stop.search(value)
        value = value[:m.start()] if m else value
        return _POSSESSIVE.sub("", value.strip().rstrip(",;."))

    # ------------------------------------------------------------------------- dob

    def _find_dob(self, text: str, context: ExtractionContext, evidence: list[Evidence]) -> PartialDate | None:
        for pattern, explanation in ((self._dob, "date after a date-of-birth label"),
                                     (_BORN, "date after 'born'")):
            for m in pattern.finditer(text):
                dates = [d for d in find_dates(text[m.end():m.end() + 40]) if d.start <= 2]
                if dates:
                    d = dates[0]
                    start = m.end() + d.start
                    evidence.append(context.evidence(self, start, start + len(d.text), 0.9, explanation))
                    return d.date
        return None

    def _born_in_prose(self, doc: Doc, name: str | None, context: ExtractionContext,
                       evidence: list[Evidence]) -> PartialDate | None:
        """ "Palmer ... was born in 1923", "he was born in Mexico on November 1, 1945": the first date in the
        place and time phrases of "born" when the one born is the subject (a pronoun, a subject word or the
        subject's name), not "his daughter" nor "four children, all born in the United States"."""
        names = SubjectNames.from_name(name) if name else context.notes.get(NAME_NOTE, SubjectNames())
        if not doc.has_annotation("DEP"):
            return None
        for born in (t for t in doc if t.lower_ == "born" and t.tag_ == "VBN"):
            person = person_token(born)
            if person is None or not (person.lower_ in SUBJECT_WORDS - {"who", "that", "they", "them"}
                                      or person.pos_ == "PROPN" and names.matches([person.text]) is not False):
                continue
            for prep in (c for c in born.children if c.dep_ == "prep" and c.lower_ in ("in", "on")):
                start, end = prep.idx, max(t.idx + len(t) for t in prep.subtree)
                dates = find_dates(doc.text[start:end])
                if dates:
                    d = dates[0]
                    evidence.append(context.evidence(self, start + d.start, start + d.end, 0.85,
                                                     "date of the subject's birth in prose"))
                    return d.date
        return None

    # ----------------------------------------------------------------- identifiers

    def _find_identifiers(self, text: str, context: ExtractionContext,
                          evidence: list[Evidence]) -> list[Identifier]:
        found: list[Identifier] = []
        taken: list[tuple[int, int]] = []
        for scheme, labelled, _ in self._ids:
            for m in labelled.finditer(text):
                value = m.group("value").strip()
                if any(s <= m.start("value") < e for s, e in taken):
                    continue
                taken.append((m.start("value"), m.end("value")))
                if not any(i.scheme == scheme and i.value == value for i in found):
                    found.append(Identifier(scheme=scheme, value=value))
                    evidence.append(context.evidence(self, m.start("value"), m.end("value"), 0.95,
                                                     f"{scheme} after the label {m.group('label')!r}"))
        for scheme, _, unlabeled in self._ids:
            if unlabeled is None or any(i.scheme == scheme for i in found):
                continue
            for m in unlabeled.finditer(text):
                if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
                    continue
                found.append(Identifier(scheme=scheme, value=m.group(0)))
                evidence.append(context.evidence(self, m.start(), m.end(), 0.8, f"{scheme} by its form"))
                break
        return found


def _fuller_form(text: str, name: str) -> re.Match[str] | None:
    """ "Jose Roman Castro" written before "Jose Castro": the subject's name with one or two more given names
    between its first and last word, when it comes before the name as found."""
    words = name.split()
    if len(words) < 2:
        return None
    first, last = re.escape(words[0]), re.escape(words[-1])
    middle = r"(?:[A-Z][A-Za-z'‐\-]*\.?\s+){1,2}"
    fuller = re.search(rf"\b{first}\s+{middle}{last}\b", text, re.IGNORECASE)
    found = text.find(name)
    if fuller is None or found != -1 and fuller.start() > found \
            or not all(w[0].isupper() for w in fuller.group(0).split()):
        return None
    return fuller


def _bare(text: str, start: int) -> bool:
    """A surname standing alone: not after a capitalized word of the same name ("Sault Sainte Marie",
    "Arnulfo Silva"), a sentence's first word aside."""
    before = re.search(r"(\S+)\s+$", text[max(0, start - 40):start])
    word = before.group(1) if before else ""
    return not word or word[-1] in ".!?:\"”" or not (word[0].isupper() or word in ("de", "del", "la", "y"))


def _short_form_of(m: re.Match[str]) -> bool:
    """A parenthesized short form ("Castillo") must be a word of the name it shortens."""
    short = m.groupdict().get("short")
    return short is None or short.lower() in re.split(r"[\s\-‐]+", m.group("value").lower())
