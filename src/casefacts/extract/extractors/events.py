"""Events in narratives: arrests, entries (lawful or not), apprehensions, removals, reentries.

Verb cues (``EVENT`` spans of the SpanRuler: "arrested", "entered", "was deported",
"re-entered", "under arrest") make an event; a noun cue ("his removal in 2014") makes one only
when it carries a date of its own, so that "after her removal" does not count an event twice.
"entered ... illegally / without inspection" is an unlawful entry; "entered" after a removal
("reentered", "returned to the United States") a reentry. The date is the date in the verb's
clause; the place the first place named after it ("near Del Rio, Texas", "to Guatemala").
"""

from __future__ import annotations

import re
from typing import ClassVar

from spacy.tokens import Doc, Span, Token

from casefacts.extract.attribution import (
    SUBJECT_WORDS,
    SubjectNames,
    about_person,
    is_group,
    person_token,
    relation_of,
    relation_spans,
)
from casefacts.extract.base import (
    CHARGES_NOTE,
    NAME_NOTE,
    ExtractionContext,
    child_phrase,
    cue_explanation,
    dates_another_noun,
    later_conjunct_clause,
    other_clause,
    sent_of,
    text_of,
)
from casefacts.extract.citations import doc_statutes
from casefacts.extract.context import SPANS_KEY, modifiers_for
from casefacts.extract.custody import (
    BORDER,
    IMMIGRATION_AGENT,
    arrested_and_removed,
    immigration_custody,
    police_agent,
    removal_formula,
)
from casefacts.extract.dates import DateMatch, find_dates, incident_date
from casefacts.extract.merge import BORDER_FLAG, PRIOR_FLAG, REPEAT_FLAG, VOLUNTARY_FLAG
from casefacts.extract.resources import Resources
from casefacts.schema import EventFact, FactStatus, PartialDate

_US = re.compile(r"\b(?:united states|u\.\s?s\.?(?:\s?a\.?)?|us|usa|america|this country|the country|the border|"
                 r"the u\.s\.)\b", re.IGNORECASE)
_UNLAWFUL = re.compile(r"\b(?:illegal(?:ly)?|unlawful(?:ly)?|without (?:(?:immigration |any )?inspection|being "
                       r"inspected|admission|authori[sz]ation|permission|documents)|EWI|undocumented|surreptitious(?:ly)?|"
                       r"evading inspection|at an unknown (?:place|location|point)|avoiding inspection|"
                       r"without (?:obtaining |having )?(?:legal|lawful) status)\b",
                       re.IGNORECASE)
# a body of the country is no place to enter: "a judgment entered in the United States District Court"
_US_BODY = re.compile(r"\bUnited States (?:District|Circuit|Bankruptcy|Magistrate|Court|Attorney|Marshals?|Army|Navy|"
                      r"Air Force|Armed Forces|Marine Corps|Department|Sentencing|Probation)\b", re.IGNORECASE)
_INTO_US = re.compile(r"(?:the\s+)?" + _US.pattern, re.IGNORECASE)  # "admitted to the United States"
_ATTEMPT = re.compile(r"\b(?:attempt(?:ing|ed)?|tr(?:ying|ied)) to\s+(?:\w+\s+)?$", re.IGNORECASE)
_ENTRY_PLACE = re.compile(r"\b(?:lawfully|illegally|unlawfully|without inspection|airport|port of entry|visa|"
                          r"border|international|as an? (?:visitor|nonimmigrant|immigrant|student|refugee|parolee)|"
                          r"(?:for )?(?:lawful )?permanent residence|at the port of|"
                          r"with an? [\w\-]+ (?:visa|exchange))\b", re.IGNORECASE)
_DATED = re.compile(r"^\s*(?:(?:to|from) (?:the )?[A-Z][\w .]{0,30}?\s+)?(?:(?:again|(?:a|for the) \w+ time)\s+)?"
                    r"(?:(?:on|in)\s+(?:[A-Z][a-z]{2,8}\.?\s+)?\d|"
                    r"on \w+ (?:\w+ )?occasions?\W+(?:(?-i:[A-Z])[a-z]{2,8}\.?\s+)?\d)", re.IGNORECASE)
_DATED_ENTRY = re.compile(r"^\s*(?:(?:into\s+)?(?:the\s+)?(?:U\.\s?S\.|United\s+States|(?:this\s+)?country)\s+)?"
                          r"(?:on|in)\s+(?:(?-i:[A-Z])[a-z]{2,8}\.?\s+)?\d", re.IGNORECASE)
_NAMES_AN_OFFENSE = re.compile(r"\b(?:is|are|constitutes?|remains?)\s+(?:a|an)\s+(?:[\w\-]+\s+){0,2}"
                               r"(?:felony|crime|offen[cs]e|violation)\b", re.IGNORECASE)
_PLACE_PREP = ("near", "at", "through", "in", "to", "from", "into", "via", "outside")
_LAWFUL_STATUS = re.compile(r"\bas an? (?:conditional |lawful |legal )*(?:permanent )?(?:resident|visitor|nonimmigrant|"
                            r"immigrant|student|refugee)\b|\bwith an? [\w\-]+ visa\b|\bon an? [\w\-]+ visa\b",
                            re.IGNORECASE)
_RETURNED_UNLAWFULLY = re.compile(r"\s*(?:illegally|unlawfully|without (?:authorization|permission|inspection)|"
                                  r"(?:yet )?again\s*[.;])", re.IGNORECASE)
_FOUND_WHERE = re.compile(r"\s*(?:(?:in|within|inside) (?:the )?(?:United States|U\.\s?S\.|this country|country)\b|"
                          r"by (?:the )?(?:U\.\s?S\. )?(?:Border Patrol|immigration|ICE|agents|officers|"
                          r"law enforcement|deportation|federal agents|Customs))", re.IGNORECASE)
_AT_THE_BORDER = re.compile(r"\b(?:attempt(?:ing|ed)? to (?:enter|cross)|at the border|port of entry)\b",
                            re.IGNORECASE)
_IN_JAIL = re.compile(r"\b(?:jail|detainer|prison|correctional|county custody)\b", re.IGNORECASE)  # a detainer's start
_FOUND_NOT = re.compile(r"\s*(?:in possession|guilty|removable|deportable|inadmissible|to be|dead)\b", re.IGNORECASE)
_DESCRIBED = re.compile(r"\b(?:previously|twice|once|repeatedly|\w+-time)\s+$", re.IGNORECASE)
_AFTER_VERB = frozenset({"from", "to", "in", "on", "at", "by", "after", "back", "and", "or", "for", "twice", "again",
                         "through", "via", "into", "with", "the", "a", "an", "three", "four", "five", "six", "several"})
_MOST_RECENTLY = re.compile(r"\bmost recently (?:in|on) ", re.IGNORECASE)
_AGGREGATE = re.compile(r"^(?:(?:from|to) (?:the )?(?:United States|U\.\s?S\.?|(?:this )?country|"
                        r"(?-i:[A-Z][a-z]+))\s+)?(?:at least\s+)?"
                        r"(?:\w+ (?:additional |more |other |separate )?times|"
                        r"(?:on )?(?:\w+ )?(?:prior |previous |separate )?occasions)\b", re.IGNORECASE)
# a count followed by its dated list ("removed six times: three times in 2000, and once each in 2002 and 2004",
# "removed from the United States six times, in June 1994, April 1997, ...")
_COUNT_LISTED = re.compile(r"^[^;]*?\b(?:times|occasions)\s*[:,]\s*(?:(?:\w+ times|once|twice)(?: each)? )?"
                           r"(?:(?:in|on)\s+)?(?:(?-i:[A-Z])[a-z]{2,8}\.?\s+)?\d", re.IGNORECASE)
_REMAND = re.compile(r"^\W*(?:following|after|upon|at the (?:close|end|conclusion) of) (?:the |his |her )?"
                     r"(?:verdict|hearing|sentencing|trial|conviction|plea)", re.IGNORECASE)
_UNKNOWN_DATE = re.compile(r"^(?:[\w.,]+\s+){0,5}?(?:on|at) an unknown (?:date|time)\b", re.IGNORECASE)
_BOUND = re.compile(r"\b(?:before|prior to|no later than|until|since|by|between|as early as|"
                    r"(?:likely|probably|possibly) (?:in|on))\s+$", re.IGNORECASE)
_NTH_TIME = re.compile(r"\bfor (?:the|a) (?:second|third|fourth|fifth|sixth|seventh|\d+(?:nd|rd|th)) time\b",
                       re.IGNORECASE)
_AGAIN = re.compile(r"\s*(?:,\s*(?:and\s+)?(?:(?:most\s+)?recently\s+|again\s+|(?:once|twice)(?: each)?\s+)?"
                    r"(?:(?:in|on)\s+)?|"
                    r",?\s*(?:and|then)\s+(?:again\s+|(?:most\s+)?recently\s+)?(?:(?:in|on)\s+)?|"
                    # "removed June 30, 2011, and subsequently four more times in 2014, 2016, 2017 and 2019"
                    r",?\s*(?:and\s+)?(?:(?:subsequently|later|then|again)\s+)?\w+\s+(?:more|additional|other)\s+times?"
                    r"\s+(?:(?:in|on)\s+)?)$", re.IGNORECASE)


class EventExtractor:
    name: ClassVar[str] = "events"
    version: ClassVar[str] = "1.8"

    def __init__(self, resources: Resources) -> None:
        self.r = resources

    def extract(self, doc: Doc, context: ExtractionContext) -> list[EventFact]:
        if SPANS_KEY not in doc.spans:
            return []
        cues = [s for s in doc.spans[SPANS_KEY] if s.label_ == "EVENT"
                and not context.is_claimed(s.start_char, s.end_char)]
        dates = [d for d in find_dates(text_of(doc)) if not context.is_claimed(d.start, d.end)]
        statutes = [(m.start, m.end) for m in doc_statutes(doc, self.r.statutes)]
        dates = [d for d in dates if not any(s <= d.start < e for s, e in statutes)]
        names = context.notes.get(NAME_NOTE, SubjectNames())
        rels = relation_spans(doc)
        incident = incident_date(dates, text_of(doc))
        charges = context.notes.get(CHARGES_NOTE, {}).get(context.page.number, [])
        apprehensions = {sent_of(s).start for s in cues if s.id_ == "apprehension"}
        # a cue in a charge tells no event, so it takes no date from one ("convicted of illegally reentering the United
        # States, served a 180-day sentence and was deported": 1989 is the removal's)
        told = [c for c in cues if not any(start <= c.start_char < end for start, end in charges)]
        facts: list[EventFact] = []
        extraditions: set[str] = set()
        seen: set[int] = set()
        for cue in sorted(cues, key=lambda s: (s.start, -(s.end - s.start))):
            if cue.start in seen:
                continue
            seen.update(range(cue.start, cue.end))
            if any(start <= cue.start_char < end for start, end in charges):
                continue  # "convicted of reentry after removal": a charge, not an event ("before re-entering" is)
            event_type = self._type(doc, cue)
            if event_type is None:
                continue
            candidates = [d for d in dates if not _nearer_cue(cue, d, told) and not _of_another_cue(doc, cue, d, told)]
            if event_type in ("entry", "unlawful_entry") and sent_of(cue).start in apprehensions:
                if not _entered_before(cue):
                    continue  # "apprehended ... while attempting to enter / shortly after she crossed"
                candidates = [d for d in candidates if _in_own_clause(cue, d)]  # "apprehended X May 21, 2019, after
                # he unlawfully entered the United States": the date is the apprehension's
            date, date_span = self._date(doc, cue, candidates)
            if not self._verbal(cue, date, date_span):
                continue
            if cue.text.lower().endswith("booked") and not _is_person(_person(cue)):
                continue  # "items were booked into evidence"
            if is_group(_person(cue)) or _an_example(_person(cue)) or (cue.text.lower().startswith(("taken", "took"))
                                          and _REMAND.match(doc[cue.end:min(sent_of(cue).end, cue.end + 6)].text)):
                continue  # "individuals who were arrested on local charges"; "taken into custody after the verdict"
            if event_type == "arrest" and date is None:
                earlier = [f for f in facts if f.event_type == "arrest" and f.date is not None]
                if earlier and re.search(r"\balso\b", sent_of(cue).text):
                    date = earlier[-1].date  # "a second suspect ... was also arrested"
                elif incident is not None:
                    date = incident
            facts.append(self._fact(doc, cue, event_type, date, date_span, context, names, rels))
            if "extradited" in cue.text.lower():
                extraditions.add(facts[-1].fact_id)
            for other in _conjoined_people(_person(cue), names, rels):  # "X and a co-conspirator were arrested"
                facts.append(self._fact(doc, cue, event_type, date, date_span, context, names, rels, other))
            for again, again_span in _repeated_dates(date_span, dates, text_of(doc)) \
                    + _semicolon_listed(date_span, dates, text_of(doc), sent_of(cue)):
                facts.append(self._fact(doc, cue, event_type, again, again_span, context, names, rels))
        kin = {relation_of(r)[0] for r in rels if relation_of(r)[1] != "none"}
        return _entries_after_removal([f for f in facts if not _kin_migration(f, kin)], extraditions)

    @staticmethod
    def _verbal(cue: Span, date: PartialDate | None, date_span: tuple[int, int] | None) -> bool:
        """A verb states an event; a noun ("his removal in 2014", "his 2016 arrest") only with its own date, in or
        after its phrase, and its owner (not "lodged a detainer on March 27, 2015, following his arrest", nor "a warrant
        for his arrest")."""
        if cue.root.pos_ in ("VERB", "AUX") or len(cue) > 1:
            return True
        root = cue.root
        if root.pos_ == "PROPN" or root.ent_type_ in ("ORG", "FAC"):
            return False
        if date is None and _charged_arrest(root):
            return True
        if date is None or date_span is None:
            return False
        if date_span[1] <= root.left_edge.idx:
            return False  # a date before the noun's phrase is another verb's
        head = root.head
        if head.lower_ == "for" and "warrant" in (head.head.lemma_.lower(), head.nbor(-1).lemma_.lower()):
            return False
        return any(c.dep_ == "poss" for c in root.children)

    # ------------------------------------------------------------------- typing

    def _type(self, doc: Doc, cue: Span) -> str | None:
        kind = cue.id_
        root = cue.root
        clause = doc[max(sent_of(cue).start, cue.start - 8):min(sent_of(cue).end, cue.end + 12)].text
        if kind == "detained" and not (cue.end < len(doc) and doc[cue.end].lower_ == "for"):  # "detained for DWI"
            # is an arrest; "was detained by Mississippi police officers during a traffic stop", "was detained in New
            # York after unsuccessfully attempting to enter the United States" too (not "detained at the jail")
            return "arrest" if police_agent(cue) else "apprehension" if _AT_THE_BORDER.search(sent_of(cue).text) \
                else None
        if kind in ("arrest", "detained"):
            if root.tag_ == "VBG" and root.dep_ in ("pcomp", "pobj") and not _assisted_in(root) \
                    or removal_formula(cue) or _handover(cue):
                return None  # "an operation focused on arresting drug offenders", "having been arrested and deported"
            return "apprehension" if immigration_custody(doc, cue) or arrested_and_removed(cue) else "arrest"
        dated = _DATED.match(doc[cue.end:min(sent_of(cue).end, cue.end + 14)].text_with_ws + " ")
        in_phrase = (root.dep_ in ("pcomp", "pobj") or root.dep_ == "conj" and root.head.dep_ in ("pcomp", "pobj")) \
            and root.lemma_ != "admission"  # "since his admission at San Ysidro on June 15, 1956" dates an entry
        if (in_phrase or (root.tag_ == "VBG" and kind != "arrest")) and not _reentry_before_removal(cue) \
                and not (kind == "apprehension" and _assisted_in(root)) \
                and not (kind == "removal" and dated) and not (kind in ("reentry", "entry") and _DATED_ENTRY.match(
                    doc[cue.end:min(sent_of(cue).end, cue.end + 10)].text + " ")):
            return None  # "after being deported", "entering", "a history of entering and being removed": a mention
            # inside a phrase, not an event (but "after being deported on October 28, 2013", "before re-entering
            # the U.S. in March 2015", "after entering the United States in 1981" narrate a dated event)
        if root.dep_ == "amod" and root.head.pos_ in ("NOUN", "PROPN"):
            return None  # "a five-time deported felon", "previously removed noncitizen": a description
        if root.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children):
            return None  # "never received permission to reenter the United States": an infinitive tells no event
        if kind == "removal" and _DESCRIBED.search(doc[max(sent_of(cue).start, cue.start - 3):cue.start].text + " ") \
                and cue.end < len(doc) and doc[cue.end].is_alpha and doc[cue.end].lower_ not in _AFTER_VERB \
                and (cue.text[:1].isupper() or doc[cue.end].pos_ in ("NOUN", "ADJ")):
            return None  # a title-case headline: "Previously Deported Illegal Alien Sentenced"
        if kind == "removal" and not dated and _a_count(cue):
            return None
        if root.head.lemma_ in ("order", "direct", "require") and root.dep_ in ("ccomp", "oprd", "xcomp", "dobj") \
                or root.dep_ == "acl" and root.head.head.lemma_ == "order":
            return None  # "an immigration judge ordered X removed", "ordered his deportation", "an order ... directing
            # that the respondent be deported": an order, no removal
        if kind == "removal":
            if root.lemma_ == "remove" and not (re.search(r"\bto (?:the )?[A-Z]\w+", clause) or re.search(
                    r"\b(?:deport\w*|removal|order)\b", clause, re.IGNORECASE) or IMMIGRATION_AGENT.search(clause)
                    or re.search(r"\bfrom (?:the )?" + _US.pattern, clause, re.IGNORECASE) or _person_removed(root)
                    or _removed_by_or_from(root)):
                return None
            return "removal"
        if kind == "voluntary_return":  # "voluntarily returned to Mexico", "granted him a voluntary return to Mexico"
            return None if _INTO_US.match(doc[cue.end:cue.end + 4].text) else "removal"
        if kind == "apprehension":
            return "arrest" if police_agent(cue) else "apprehension"
        if kind == "found":  # "was found in the United States on December 2, 2014", "was discovered by the Border
            # Patrol in Holland, Michigan": where 8 U.S.C. 1326 finds him, in immigration custody (not "found guilty",
            # "found in possession of")
            after = doc[cue.end:min(sent_of(cue).end, cue.end + 8)].text
            return "apprehension" if _FOUND_WHERE.match(after) and not _FOUND_NOT.match(after) \
                and not _charged_finding(cue) else None
        if kind == "found_by":  # "agents of the INS found defendant in Arlington County": immigration agents find him
            agents = " ".join(t.text for c in root.children if c.dep_ == "nsubj" for t in c.subtree)
            found = any(c.dep_ == "dobj" for c in root.children) and not _IN_JAIL.search(sent_of(cue).text)
            return "apprehension" if found and (IMMIGRATION_AGENT.search(agents) or BORDER.search(agents)) else None
        if kind == "encounter":  # "Border Patrol encountered him near Eagle Pass"; ICE's encounter at a jail is
            return "apprehension" if BORDER.search(sent_of(cue).text) else None  # a detainer's start, none
        before = doc[max(sent_of(cue).start, cue.start - 6):cue.start].text
        if _ATTEMPT.search(before + " "):
            return None
        if cue.text.lower().endswith("ing") and not any(t.pos_ in ("PRON", "PROPN", "NOUN")
                                                         for t in doc[sent_of(cue).start:cue.start]) \
                and _NAMES_AN_OFFENSE.search(doc[cue.end:sent_of(cue).end].text):
            return None  # "Illegally re-entering the United States after removal is a felony": the act in general
        after = doc[cue.end:min(sent_of(cue).end, cue.end + 8)].text
        if kind == "reentry":
            if root.lemma_ == "return" and any(c.dep_ == "auxpass" for c in root.children) \
                    and any(g.ent_type_ == "GPE" and not _US.search(doc[g.left_edge.i:g.i + 1].text)
                            for c in root.children if c.dep_ == "prep" and c.lower_ == "to"
                            for g in c.children if g.dep_ == "pobj"):
                return None if not dated and _a_count(cue) else "removal"  # "he was returned to Mexico on Sept. 9,
                # 2009" (not "returned to the court", nor the count "returned to Mexico on eight separate occasions")
            if root.lemma_ == "return" and not _US.search(after) and not _RETURNED_UNLAWFULLY.match(after):
                return None  # "returned to the court" (but "returned illegally three times" is a reentry)
            if _LAWFUL_STATUS.search(doc[cue.end:min(sent_of(cue).end, cue.end + 14)].text):
                return "entry"  # "again reentered the United States on September 7, 1989 as a conditional resident"
            return "reentry"
        if cue.text.lower() == "admitted to" and not _INTO_US.match(doc[cue.end:cue.end + 4].text):
            return None  # "admitted to being in the United States illegally", "admitted to agents that": a confession
        # entry verbs: only into the country ("goods that had arrived from the United States" is no entry); an
        # admission names its port ("since his admission at San Ysidro, California, on June 15, 1956")
        port = r"\s*(?:the )?(?-i:[A-Z])" if cue.text.lower().endswith(" at") else r"\s*at (?:the )?(?-i:[A-Z])"
        admitted_at = root.lemma_ in ("admit", "admission") and re.match(port, after)
        if not _US.search(_US_BODY.sub("", after)) and not _ENTRY_PLACE.search(after) and not admitted_at \
                or re.match(r"\s*from\b", after, re.IGNORECASE) or _enters_another_body(root):
            return None
        if root.lemma_ in ("come", "cross") and re.search(r"\bback\b", after, re.IGNORECASE) \
                or _NTH_TIME.search(after) or _a_repeat(cue):
            return "reentry"  # "came back", "entered the United States for the third time", "again entered"
        if _UNLAWFUL.search(doc[max(sent_of(cue).start, cue.start - 3):min(sent_of(cue).end, cue.end + 16)].text):
            return "unlawful_entry"
        return "entry"

    # ---------------------------------------------------------------- attributes

    @staticmethod
    def _date(doc: Doc, cue: Span, dates: list[DateMatch]) -> tuple[PartialDate | None, tuple[int, int] | None]:
        """The date of the cue's sentence nearest the cue, within the cue's clause: a date that another
        verb governs ("confirmed the information Feb. 6, 2024, and officers arrested him"), a date across a
        semicolon ("deported on July 20, 1950; that he reentered") and a bound ("sometime prior to August 2001",
        "at least as early as June 1991") are not the event's date."""
        sent = sent_of(cue)
        text = text_of(doc)
        if _UNKNOWN_DATE.match(doc[cue.end:min(sent.end, cue.end + 10)].text):
            return None, None  # "returned to the United States at an unknown date and time"
        inside = [d for d in dates if sent.start_char <= d.start < sent.end_char
                  and not _BOUND.search(text[max(sent.start_char, d.start - 20):d.start])
                  and ";" not in text[min(d.end, cue.end_char):max(d.start, cue.start_char)]
                  and not other_clause(doc, cue, d.start, d.end) and not later_conjunct_clause(doc, cue, d.start, d.end)
                  and not _dates_a_noun(doc, cue, d)]

        def distance(d: DateMatch) -> int:
            return cue.start_char - d.end if d.end <= cue.start_char else d.start - cue.end_char

        if _relative_sequel(cue):
            inside = [d for d in inside if _in_own_clause(cue, d)]
        best = min(inside, key=lambda d: (not _in_own_clause(cue, d), distance(d)), default=None)
        if best is None or distance(best) >= 160:
            return None, None
        return best.date, (best.start, best.end)

    @staticmethod
    def _place(doc: Doc, cue: Span) -> str | None:
        for token in doc[cue.end:min(sent_of(cue).end, cue.end + 14)]:
            if token.lower_ in _PLACE_PREP:
                nxt = token.i + 1
                while nxt < sent_of(cue).end and doc[nxt].lower_ in ("the", "a"):
                    nxt += 1
                if nxt < len(doc) and doc[nxt].ent_type_ in ("GPE", "LOC", "FAC", "ORG"):
                    ent = next((e for e in doc.ents if e.start <= nxt < e.end), None)
                    if ent is not None and not _US.fullmatch(ent.text):
                        return ent.text
        return None

    def _fact(self, doc: Doc, cue: Span, event_type: str, date: PartialDate | None,
              date_span: tuple[int, int] | None, context: ExtractionContext, names: SubjectNames,
              rels: list[Span], person: Token | None = None) -> EventFact:
        """The event of the cue's person, or of ``person`` conjoined with them."""
        mods = modifiers_for(doc, cue.start, cue.end)
        found = {m.category for m in mods}
        status: FactStatus = "negated" if "negated" in found else ("hypothetical" if found else "affirmed")
        about = about_person(person or _person(cue), names, rels)
        start, end = cue.start_char, cue.end_char
        if person is not None:
            start, end = min(start, person.idx), max(end, person.idx + len(person))
        if date_span is not None:
            start, end = min(start, date_span[0]), max(end, date_span[1])
        confidence = 0.6 + 0.2 * (date is not None) + 0.1 * (cue.root.pos_ == "VERB")
        notes = [f"event cue {cue.text!r}"] + ([cue_explanation(mods)] if mods else [])
        evidence = context.evidence(self, start, end, confidence, "; ".join(notes))
        return EventFact(fact_id=context.fact_id("event", start, end), event_type=event_type, date=date,
                         place=self._place(doc, cue), about=about, status=status,
                         confidence=evidence.confidence, evidence=[evidence],
                         flags=([REPEAT_FLAG] if _a_repeat(cue) else [VOLUNTARY_FLAG] if cue.id_ == "voluntary_return"
                                else [PRIOR_FLAG] if date is None and _prior(cue) else [])
                         + ([BORDER_FLAG] if event_type == "apprehension" and BORDER.search(sent_of(cue).text) else []))


def _kin_migration(fact: EventFact, kin: set[str]) -> bool:
    """ "His parents came to this country looking for work": a relative's immigration history is no labelled event
    (a relative's arrest is, with the relative's offense)."""
    return fact.about.who == "other" and fact.about.relation in kin and fact.event_type != "arrest"


def _charged_arrest(root: Token) -> bool:
    """ "following his arrest for unlicensed operation of a vehicle by the Springfield Police Department", "Piedras'
    arrest by the County Police Department on charges that were later dismissed": an owned arrest noun with its
    charge or its police narrates an arrest, dated or not."""
    return root.lemma_ == "arrest" and any(c.dep_ == "poss" for c in root.children) \
        and any(c.dep_ == "prep" and c.lower_ in ("for", "on", "by") for c in root.children)


def _charged_finding(cue: Span) -> bool:
    """ "was found in the United States on or about May 26, 2015": the charge's wording of 8 U.S.C. 1326, whose date
    is the offense's, not an apprehension's (but "was again found in the United States on December 2, 2014" is one)."""
    return bool(re.search(r"\bon or about\b", sent_of(cue).text, re.IGNORECASE))


def _earlier(a: PartialDate, b: PartialDate) -> bool:
    """``a`` is before ``b`` at the coarser of their precisions ("1971-04-23" before "1971-11", not "1971")."""
    n = min(len(a.iso), len(b.iso))
    return a.iso[:n] < b.iso[:n]


def _entries_after_removal(facts: list[EventFact], extraditions: set[str]) -> list[EventFact]:
    """A dated entry after a dated removal is a reentry ("removed on April 23, 1971 ... On November 22, 1971,
    respondent was admitted to the United States"); an extradition into the country stays an entry."""
    removals = [f.date for f in facts if f.event_type == "removal" and f.date is not None and f.status == "affirmed"]
    return [f.model_copy(update={"event_type": "reentry"})
            if f.event_type in ("entry", "unlawful_entry") and f.date is not None and f.fact_id not in extraditions
            and any(_earlier(r, f.date) for r in removals) else f for f in facts]


def _a_count(cue: Span) -> bool:
    """ "has been deported from the United States four times", "was removed from the country three times": a count,
    no narrated event (but "removed three times, most recently in 2014" narrates the last, "six times: in 2000, ..."
    each)."""
    doc, sent = cue.doc, sent_of(cue)
    rest = doc[cue.end:sent.end].text
    return bool(_AGGREGATE.match(doc[cue.end:min(sent.end, cue.end + 8)].text)) and not _MOST_RECENTLY.search(rest) \
        and not _COUNT_LISTED.match(rest)


def _conjoined_people(person: Token | None, names: SubjectNames, rels: list[Span]) -> list[Token]:
    """Co-defendants and other named people arrested or removed with the cue's person ("X and a co-conspirator
    were arrested", "X and Maria Lopez"): one event each. A relative with them ("and his child", a family unit)
    is not labelled an event of theirs."""
    if person is None:
        return []
    others = [(c, about_person(c, names, rels)) for c in person.conjuncts if c.i > person.i]
    return [c for c, about in others if about.who == "other"
            and (about.relation == "co_defendant" or about.relation is None and c.ent_type_ == "PERSON")]


def _repeated_dates(first: tuple[int, int] | None, dates: list[DateMatch], text: str
                    ) -> list[tuple[PartialDate, tuple[int, int]]]:
    """Dates chained to an event's date ("removed in 2008 and again in 2011", "twice deported in 2008 and 2012",
    "on three occasions: January 1996, September 2009, and May 2010"): each one more occurrence."""
    out: list[tuple[PartialDate, tuple[int, int]]] = []
    end = first[1] if first is not None else None
    for d in dates:
        if end is None or d.start < end:
            continue
        if not _AGAIN.fullmatch(text[end:d.start]) or not any(ch.isdigit() for ch in d.text):
            break  # "entered in 1992, and the following year married": a relative date tells another verb's time
        out.append((d.date, (d.start, d.end)))
        end = d.end
    return out


_LISTED_PART = re.compile(r"^;\s*(?:and\s+)?(?:(?:lastly|finally|then|most recently),?\s+)?(?:in|on)\s+$",
                          re.IGNORECASE)


def _semicolon_listed(first: tuple[int, int] | None, dates: list[DateMatch], text: str, sent: Span
                      ) -> list[tuple[PartialDate, tuple[int, int]]]:
    """ "deported on three occasions: in September 1994, following a conviction ...; in June 2000, following ...;
    and lastly, in September 2004": after a colon, each part of a semicolon list that opens with its date is one
    more occurrence."""
    if first is None or ":" not in text[sent.start_char:first[0]]:
        return []
    out: list[tuple[PartialDate, tuple[int, int]]] = []
    end = first[1]
    for d in dates:
        if d.start < end or d.start >= sent.end_char:
            continue
        part = text[end:d.start]
        cut = part.rfind(";")
        if cut == -1:
            continue
        if _LISTED_PART.match(part[cut:]):
            out.append((d.date, (d.start, d.end)))
            end = d.end
    return out


def _nearer_cue(cue: Span, date: DateMatch, cues: list[Span]) -> bool:
    """Another verbal event cue, or a noun cue with its owner, stands between ``cue`` and ``date`` and is not
    its conjunct: the date is that cue's ("re-entered ... after being deported on October 28, 2013",
    "re-entered the country following his removal to Honduras on March 12, 2012")."""
    if _heads_date(cue, date):
        return False
    low, high = sorted((cue.end_char, date.start)) if cue.end_char <= date.start else (date.end, cue.start_char)
    return any(low <= other.start_char and other.end_char <= high and other.root.head != cue.root
               and cue.root.head != other.root and other.root.dep_ != "conj"
               and (other.root.pos_ in ("VERB", "AUX") or any(c.dep_ == "poss" for c in other.root.children))
               for other in cues
               if sent_of(other) == sent_of(cue) and other.start != cue.start)


def _heads_date(cue: Span, date: DateMatch) -> bool:
    """ "On February 27, 1995, after entering the United States illegally, he was deported": a date before the
    cue in a phrase of the cue's own verb is its date, whatever cue stands between them."""
    span = cue.doc.char_span(date.start, date.end, alignment_mode="expand")
    return span is not None and date.end <= cue.start_char and cue.root.pos_ in ("VERB", "AUX") \
        and span.root.head.dep_ == "prep" \
        and span.root.head.head == cue.root


def _of_another_cue(doc: Doc, cue: Span, date: DateMatch, cues: list[Span]) -> bool:
    """ "After his removal in 2010, he was again found in the United States on December 2, 2014": a date in the
    phrase of another event noun is that noun's; "At some point after he was deported in 2009, Defendant returned",
    "first removed to Mexico in October 1998, then he illegally re-entered": one in the phrase of another event verb,
    not conjoined with the cue, is that verb's."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None or span.root.head.dep_ != "prep" and span.root.head.pos_ != "ADP":
        return False
    owner = span.root.head.head
    verbal = cue.root.pos_ in ("VERB", "AUX") and owner.pos_ in ("VERB", "AUX") and owner not in cue.root.conjuncts
    return not cue.start <= owner.i < cue.end and any(
        other.start <= owner.i < other.end and other.start != cue.start and (owner.pos_ == "NOUN" or verbal)
        for other in cues)


def _reentry_before_removal(cue: Span) -> bool:
    """ "he was again deported after illegally reentering", "removed ... on July 14, 2021, after reentering at an
    unknown place and time": a removal after a reentry narrates the reentry (not "after being deported")."""
    root = cue.root
    return cue.id_ == "reentry" and root.dep_ == "pcomp" and root.head.lower_ in ("after", "following") \
        and root.head.head.lemma_ in ("deport", "remove")


def _in_own_clause(cue: Span, date: DateMatch) -> bool:
    span = cue.doc.char_span(date.start, date.end, alignment_mode="expand")
    return span is not None and any(t.i in _own_clause(cue) for t in span)


def _entered_before(cue: Span) -> bool:
    """ "Border Patrol apprehended Argueta May 21, 2019, after he unlawfully entered the United States": an entry
    that the apprehension's sentence tells as done before it (not "while attempting to enter")."""
    root = cue.root
    return root.lemma_ == "enter" and root.dep_ == "advcl" \
        and any(c.dep_ == "mark" and c.lower_ == "after" for c in root.children)


def _own_clause(cue: Span) -> set[int]:
    """The tokens of the cue's own clause: its verb's subtree without conjoined and subordinate clauses ("born
    on January 25, 1979 and entered the United States on March 28, 1979": the entry's date is the second)."""
    root = cue.root
    other = {t.i for c in root.children if c.dep_ in ("conj", "advcl", "relcl", "ccomp") for t in c.subtree}
    return {t.i for t in root.subtree} - other


def _enters_another_body(root: Token) -> bool:
    """ "entered the Armed Forces of the United States", "entered a plea": what is entered is no country (but
    "entered the United States", "entered this country", "entered Texas")."""
    return root.lemma_ == "enter" and any(c.dep_ == "dobj" and c.ent_type_ not in ("GPE", "LOC")
                                          and not _US.search(c.doc[c.left_edge.i:c.i + 1].text)
                                          for c in root.children)


def _removed_by_or_from(root: Token) -> bool:
    """ "ERO Houston, with assistance from ERO Mexico and the SAFE Task Force, removed Cruz Aranda-Garcia, a
    38-year-old unlawfully present Mexican national, from the U.S.": immigration officers as the verb's subject,
    or the country as its "from" object, however far from the verb."""
    return bool(IMMIGRATION_AGENT.search(child_phrase(root, "nsubj")) or _US.search(child_phrase(root, "prep", "from")))


def _person_removed(root: Token) -> bool:
    """ "he was removed in April of 2007", "after being removed in June 2000, he", "was ordered removed ... and was
    physically removed six days later": a person's passive removal from nowhere else (not "removed from the
    courtroom")."""
    subjects = [c for c in root.children if c.dep_ == "nsubjpass"] or (
        [c for c in root.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        if root.dep_ == "conj" and any(c.dep_ == "auxpass" for c in root.children) else [])
    person = (subjects[0].lower_ in SUBJECT_WORDS or subjects[0].pos_ == "PROPN") if subjects \
        else root.dep_ == "pcomp" and any(c.dep_ == "auxpass" for c in root.children)
    return person and not any(c.dep_ == "prep" and c.lower_ == "from" for c in root.children)


def _relative_sequel(cue: Span) -> bool:
    """ "In 1993, he was given a 46-month sentence, after which he was deported": a clause that follows
    (or precedes) what the sentence dates happened at another time."""
    return cue.root.dep_ == "relcl" and any(
        c.dep_ == "prep" and c.lower_ in ("after", "following", "before")
        and any(g.lower_ == "which" for g in c.children) for c in cue.root.children)


_ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})


def _a_repeat(cue: Span) -> bool:
    """ "he was deported a third time", "was again removed", "reentered illegally again": the clause narrates one
    more occurrence."""
    for child in cue.root.children:
        if child.dep_ == "advmod" and any(t.lower_ == "again" for t in (child, *child.children)):
            return True
        if child.dep_ in ("npadvmod", "dobj") and child.lower_ == "time" \
                and any(g.lower_ in _ORDINALS for g in child.children):
            return True
    return False


def _prior(cue: Span) -> bool:
    """ "he had previously been deported", "was earlier removed", "returned ... after he was removed": an occurrence
    the text tells as before its story, which a dated one of the story may well be."""
    return any(c.dep_ == "advmod" and c.lower_ in ("previously", "earlier", "formerly") or c.lower_ == "had"
               and c.dep_ == "aux" or c.dep_ == "mark" and c.lower_ == "after" for c in cue.root.children)


def _dates_a_noun(doc: Doc, cue: Span, date: DateMatch) -> bool:
    """ "deported following a 1999 conviction": the year before another noun is that noun's date."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    return span is not None and dates_another_noun(span, [cue])


def _assisted_in(root: Token) -> bool:
    """ "ERO assisted the U.S. Marshals Service in apprehending a 19-year-old Honduran national in New Orleans": a
    gerund of "in" with one person as its object narrates the arrest (not "focused on arresting drug offenders")."""
    return root.dep_ == "pcomp" and root.head.lower_ == "in" \
        and any(c.dep_ == "dobj" and c.tag_ in ("NN", "NNP") for c in root.children)


def _handover(cue: Span) -> bool:
    """ "was immediately taken into custody by Colombian authorities upon his arrival in Bogota": a foreign country's
    arrest on the arrival is the removal's handover, no arrest of its own."""
    root = cue.root
    agents = [t for c in root.children if c.dep_ == "agent" for t in c.subtree]
    arrival = any(c.dep_ == "prep" and c.lower_ in ("upon", "on") and any(g.lemma_ == "arrival" for g in c.children)
                  for c in root.children)
    return arrival and any(t.ent_type_ == "NORP" and t.lower_ != "american" for t in agents)


def _an_example(person: Token | None) -> bool:
    """ "ICE lodges detainers on individuals, such as Rodriguez-Rodriguez, who have been arrested on local criminal
    charges": a person named as an example of a group is told of as the group, no event of theirs."""
    if person is None or person.dep_ != "pobj" or person.head.lower_ != "as":
        return False
    such = [c.i for c in person.head.children if c.lower_ == "such"]
    before = [t for t in person.doc[max(0, such[0] - 3):such[0]] if not t.is_punct] if such else []
    return bool(before) and is_group(before[-1])


def _is_person(token: Token | None) -> bool:
    return token is not None and (token.pos_ in ("PROPN", "PRON") or token.lower_ in ("subject", "defendant"))


def _person(cue: Span) -> Token | None:
    """Whom the cue is about; a participle's noun ("All persons apprehended by the Border Patrol undergo checks")."""
    root = cue.root
    if cue.text.lower() == "under arrest" or root.lower_ in ("arrest", "custody", "booked"):
        return person_token(cue[-1])
    if root.dep_ == "acl" and root.tag_ == "VBN" and root.head.pos_ == "NOUN":
        return root.head
    return person_token(root)
