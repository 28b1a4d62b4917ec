"""Offenses in prose: court findings, narratives, letters, press releases.

A charge is found by the offense lexicon (SpanRuler ``OFFENSE`` spans: terms and rap-sheet
abbreviations), or next to a statute citation ("Theft of Property (PC 484(a))"). Charges
side by side ("burglary and petty theft") form a group that shares its cues. For each group:

* disposition: the furthest-along disposition cue (``DISPO`` spans) between the previous
  group and this one ("convicted of", "nolle prosequi as to") and between this group and the
  next ("... was dismissed"); a following sentence without a charge of its own ("She was
  convicted and sentenced to ...") continues the last group (anaphora);
* dates: each date takes the role of the cue nearest to it (arrested -> arrest date, convicted
  or dismissed -> disposition date, committed -> offense date); a police report's incident
  time ("On 09/06/2021 at approximately 1305 hours") dates an arrest that has no date;
* statute (adjacent citation), level ("a misdemeanor"), sentence (the sentence grammar over
  the group's clause);
* status (ConText negation and hypothesis) and whose offense it is (attribution).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from casefacts.extract.attribution import SubjectNames, about_person, is_group, person_token, relation_spans
from casefacts.extract.base import (
    CHARGES_NOTE,
    NAME_NOTE,
    PRENOMINAL,
    ExtractionContext,
    cue_explanation,
    dates_another_noun,
    other_clause,
    sent_of,
    text_of,
)
from casefacts.extract.charge_phrases import (
    FINITE_TAGS,
    ChargePhraseRules,
    charge_phrases,
    governed_preps,
    in_words,
    listed_after_cue,
    listed_between,
    subtitle_end,
)
from casefacts.extract.citations import doc_statutes
from casefacts.extract.context import SPANS_KEY, doc_modifiers, modifiers_for
from casefacts.extract.custody import arrested_and_removed, immigration_custody
from casefacts.extract.dates import DateMatch, find_dates, incident_date, opens_range
from casefacts.extract.merge import CLEARED, DISPOSITION_RANK, OCCURRENCE_FLAG, REPEAT_FLAG
from casefacts.extract.resources import Resources
from casefacts.extract.statutes import StatuteMatch
from casefacts.schema import About, FactStatus, OffenseFact, PartialDate, Sentence

DATE_ROLE = {"arrested": "arrest_date", "charged": None, "convicted": "disposition_date",
             "pleaded_guilty": "disposition_date", "dismissed": "disposition_date", "acquitted": "disposition_date",
             "vacated": "disposition_date", "expunged": "disposition_date", "pending": None}
# "X (PC 484(a))", "X, in violation of 8 U.S.C. 1326", "X after deportation in violation\nof 8 U.S.C. 1326"
_CITE_WORDS = r"(?:in violation of|violating|under|pursuant to|contrary to)"
_CITES = re.compile(r"\s*(?:\(|,|,?\s*" + _CITE_WORDS + r"|\s)\s*", re.IGNORECASE)
_NEAR_CITES = re.compile(r"(?:[\w\-]+ ){1,4},? ?" + _CITE_WORDS, re.IGNORECASE)
_TAIL_CITES = re.compile(r"(?:[\w\-'\"“”]+,? ){1,14}" + _CITE_WORDS, re.IGNORECASE)
_SENTENCE_FOR = re.compile(r"\bsentence\s+(?:for|on|imposed\s+(?:for|on|after\s+.{0,40}?\b(?:to|of)))\s*$",
                           re.IGNORECASE)
_OFFENSE_DATE_CUE = re.compile(r"\b(?:committed|occurred|offen[cs]e (?:date|ended)|incident|alleged(?:ly)?|"
                               r"acts? alleged|according to the (?:\w+ ){0,2}(?:warrant|complaint|indictment|"
                               r"affidavit|charging documents?))\b", re.IGNORECASE)
_CRIME_CONTEXT = re.compile(r"\b(?:crimes?|criminal|offen[cs]es?|commit(?:ted|ting)?|guilty|history|record|"
                            r"convict(?:ed|ions?)|sentenc\w+|prison|arrests?|charges?|violat\w+|involved in|"
                            r"occurred|allegedly)\b", re.IGNORECASE)
_INCHOATE = re.compile(r"(?:criminal\s+)?(?:conspiracy|attempt|solicitation)", re.IGNORECASE)
_ARTICLE = re.compile(r"\s+(?:a|an|the)$")
# the act a release narrates after its date, with no charge named: "on March 17, 2000, Cruz-Santoyo allegedly walked
# into an auto body shop ... and opened fire", "Cruz shot three men in the head in December 2010" (before the date)
_VIOLENT_ACT_AFTER = re.compile(r"[^;]{0,60}?\b(?:allegedly|shot|shooting|killed|killing|stabbed|fatally|opened fire|"
                                r"murdered|strangled|beat)\b", re.IGNORECASE)
_VIOLENT = re.compile(r"\b(?:murder|homicide|manslaughter|kill|assault|battery|attack|shooting)", re.IGNORECASE)
# "an Immigration Judge's July 1, 1999, decision, which found that the respondent's conviction ...": the date of a
# decision about the charge, not of its disposition
_DECISION_AFTER = re.compile(r",?\s*(?:decision|ruling|opinion|order)\b", re.IGNORECASE)
_RECORD_CITE = re.compile(r"\([^()]{0,80}\)\.?")  # a sentence that only cites the record: "(ECF No. 20-3.)"
_AFTER_A_CUE = re.compile(r",?\s+(?:following|after)\s+(?:a|an|his|her|the)\s+(?:[\w\-]+\s+){0,2}?"
                          r"(?:conviction|arrest)\b", re.IGNORECASE)
# "breaking and entering a building in the nighttime with intent to commit larceny": the intended crime is the
# charge's, however many words stand between
_INTENT_TAIL = re.compile(r"^[^;,:()]*\bwith (?:the )?intent to commit$")
_QUOTED_NAME = re.compile(r"\s*\(\s*[\"“][^)\"“”]{1,60}[\"”]\s*\)\s*")  # ("grand theft auto")
_QUOTED_ALIAS = re.compile(r"\s*\(\s*[\"“]\s*")
_THIS_OFFENSE = re.compile(r"\s*(?:This|That|The|Each|Both) (?:violations?|offen[cs]es?|charges?|crimes?|counts?)"
                           r" (?:is|are|was|were|carries|carry)\b", re.IGNORECASE)
_ALL_CHARGES = re.compile(r"\b(?:those|these|the|both|all(?: three| four| of the)?|each of the) "
                          r"(?:charges|counts|offen[cs]es|crimes)\b", re.IGNORECASE)
_VICTIM = re.compile(r"\b(?:victim|victims|survivor)\s+of\b|\bwas\s+(?:robbed|assaulted|attacked|beaten)\b",
                     re.IGNORECASE)
_JOINER = re.compile(r"^(?:,|;|and|or|&|as well as|,\s*and|,\s*or|along with|plus)?$", re.IGNORECASE)
# words between two charges that keep them one list item (a year does not: "a 1998 burglary; a 2001 theft")
_LEVEL_NOISE = re.compile(r"\b(?:an?|the|one|two|three|(?!(?:19|20)\d\d\b)\d+|counts?|of|charges?|misdemeanou?rs?|"
                          r"felon(?:y|ies)|infractions?)\b", re.IGNORECASE)
_UPPER_OR_TITLE = re.compile(r"^(?:[A-Z][A-Za-z.'/&\-]*|[A-Z0-9]{1,}[/&\-]?[A-Z0-9]*|W/|W/O)$")
_FUNCTION = frozenset({"of", "the", "a", "an", "with", "in", "by", "to", "and", "or", "on", "for", "while", "under",
                       "without", "w/"})
_DEMONSTRATIVES = frozenset({"that", "this", "those", "these"})
_BACK_DETERMINERS = _DEMONSTRATIVES | {"the", "both", "all", "each", "such"}
_OCCURRENCE = {"prior": "prior", "previous": "prior", "earlier": "prior", "former": "prior", "first": "first",
               "second": "second", "third": "third", "fourth": "fourth", "fifth": "fifth"}
_DEGREE_AFTER = re.compile(r"[ \t]*[\-‐,]?[ \t]*(?:in[ \t]+the[ \t]+)?"  # "Burglary, second degree; larceny"
                           r"(?:(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)[ \t\-]+degree\b|"
                           r"(?-i:I{1,3}|IV)\b(?![.\-]))", re.IGNORECASE)  # "assault III": Oregon's degrees
_OBJECT_PREPOSITIONS = frozenset({"of", "by", "with", "on", "upon"})
_CONJUNCT_DEPS = frozenset({"conj", "cc", "punct", "appos", "relcl", "advcl", "acl"})
_DATE_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|,?\s+and\s+(?:(?:in|on)\s+)?", re.IGNORECASE)
_FOUND_IN = re.compile(r"\b(?:was|been|is)\s+(?:later\s+|again\s+|subsequently\s+)?found\s+"
                       r"(?:illegally\s+|unlawfully\s+)?in\s+the\s+(?:United\s+States|U\.\s?S\.)(?:\s+[\w,]+){0,3}?\s+(?:on\s+or\s+about|on|in)\s+$",
                       re.IGNORECASE)
_ITEM_GAP = 8  # tokens at most between a listed charge and its own date ("burglary of a habitation in 1995")
_NOT_CHARGE = frozenset({"section", "sec", "count", "counts", "charge", "charges", "code", "case", "no", "the",
                         "state", "people", "defendant", "court", "statute", "violation", "pursuant"})


@dataclass
class Mention:
    start: int  # tokens
    end: int
    charge: str
    normalized: str | None
    weak: bool
    explanation: str
    statute: StatuteMatch | None = None


@dataclass
class Group:
    mentions: list[Mention]
    sent: Span
    cues: list[Span] = field(default_factory=list)
    dates: dict[str, PartialDate] = field(default_factory=dict)
    sentence: Sentence | None = None
    level: str = "unknown"
    notes: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[-1].end


class OffenseTextExtractor:
    name: ClassVar[str] = "offenses"
    version: ClassVar[str] = "1.8"

    def __init__(self, resources: Resources) -> None:
        self.r = resources
        self.phrase_rules = ChargePhraseRules.from_config(resources.config("charge_phrases"))

    # ---------------------------------------------------------------- mentions

    def mentions(self, doc: Doc, context: ExtractionContext, statutes: list[StatuteMatch],
                 cues: list[Span]) -> list[Mention]:
        spans = doc.spans.get(SPANS_KEY, [])
        lexicon = filter_spans([s for s in spans if s.label_ == "OFFENSE"
                                and not context.is_claimed(s.start_char, s.end_char)])
        levels = {t.i for s in spans if s.label_ == "LEVEL" for t in s}
        found: list[Mention] = []
        for span in lexicon:
            if self._means_or_kind(span):
                continue
            start = span.start
            while start > sent_of(span).start and self._left_modifier(doc[start - 1], start, span.end, levels):
                start -= 1
            end = _degree_end(doc, _object_end(doc, span, self.phrase_rules.generic_heads))
            while end > span.end and doc[end - 1].is_space:
                end -= 1  # a headline's line break the parser hung on the object
            text = doc[start:end].text
            # the drug a "... to distribute" term acts on names no other offense: its canonical name stays
            acted_on = doc[span.end - 1].pos_ == "VERB" and end > span.end
            normalized = span.id_ if span.id_ and start == span.start and (end == span.end or acted_on) \
                else self.r.charges.normalize(text)
            found.append(Mention(start, end, text, normalized,
                                 span.text.lower() in self.r.weak_terms, f"offense term {span.text!r}"))
        # "a drug trafficking conspiracy": the term its modifiers are is no charge of its own
        found = [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end for o in found)]
        # "grand theft of an automobile ("grand theft auto")": a quoted short name in parentheses is the same charge
        found = [m for m in found if not any(o.end <= m.start and _QUOTED_ALIAS.fullmatch(doc[o.end:m.start].text)
                                             for o in found)]
        for match in statutes:
            self._attach_statute(doc, match, found, levels)
        for match in statutes:
            self._attach_back(doc, match, found)
        cited = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in statutes]
        taken = [(m.start, m.end) for m in found] + [(s.start, s.end) for s in (*cues, *cited) if s is not None]
        # "the Border Patrol arrested him for entering the United States without inspection": the apprehension's reason
        criminal = [c for c in cues if not (c.id_ == "arrested" and immigration_custody(doc, c))]
        found += self._phrase_mentions(context, [(phrase, f"charge phrase after {cue.text!r}") for phrase, cue
                                                 in charge_phrases(doc, criminal, taken, self.phrase_rules)])
        found += self._phrase_mentions(context, [(phrase, "charge phrase listed between two charges") for phrase
                                                 in listed_between(doc, [(m.start, m.end) for m in found],
                                                                   self.phrase_rules)])
        charges = [(m.start, m.end) for m in found] + [(s.start, s.end) for s in cited if s is not None]
        found += self._phrase_mentions(context, [(phrase, "charge phrase in a list after a cue") for phrase
                                                 in listed_after_cue(doc, criminal, charges, self.phrase_rules)])
        found.sort(key=lambda m: m.start)
        self._attach_after_words(doc, statutes, found)
        return self._compounds(doc, found)

    def _phrase_mentions(self, context: ExtractionContext, phrases: list[tuple[Span, str]]) -> list[Mention]:
        """Weak mentions of charges the lexicon does not know, outside the text a table row claimed."""
        return [Mention(phrase.start, phrase.end, phrase.text, self.r.charges.normalize(phrase.text), True, why)
                for phrase, why in phrases if not context.is_claimed(phrase.start_char, phrase.end_char)]

    def _means_or_kind(self, span: Span) -> bool:
        """ "procured by fraud": a means; "the conviction was an offense involving fraud": the kind of a
        conviction; "a drug trafficking organization": what the organization does. None is a charge."""
        head = span.root.head
        if head == span.root:
            return False
        if head.lower_ == "by" and head.head.lemma_.lower() in ("violate", "violation"):
            return False  # "charging him with violating 8 U.S.C. § 1326 by illegally reentering": the act violated
        return head.lower_ in self.phrase_rules.means_words \
            or head.lower_ in self.phrase_rules.kind_words and head.head.dep_ == "attr" \
            or span.root.dep_ in ("compound", "amod", "nmod") and head.i >= span.end \
            and head.lower_ in self.phrase_rules.described_heads

    def _compounds(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """One charge, not two: an inchoate offense and its object ("conspiracy to commit murder"), and an
        offense with its circumstance ("murder during a robbery", "possession of a firearm in furtherance of a
        drug trafficking crime")."""
        out: list[Mention] = []
        for mention in found:
            prev = out[-1] if out else None
            between = " ".join(doc[prev.end:mention.start].text.lower().split()) if prev is not None else ""
            inchoate = prev is not None and _INCHOATE.fullmatch(doc[prev.start:prev.end].text) \
                and between in ("to", "to commit")
            circumstance = prev is not None and (_ARTICLE.sub("", between) in self.phrase_rules.circumstance_joiners
                                                 or _INTENT_TAIL.search(between) is not None
                                                 and mention.start - prev.end <= 12)
            titled = prev is not None and between == ":"  # a code's title: "controlled substance: possession ..."
            if not (prev is not None and (inchoate or circumstance or titled)) \
                    and mention.end < len(doc) and doc[mention.end].text == ":":
                mention = self._titled(doc, mention, _title_tail(doc, mention.end))
            mention = self._titled(doc, mention, subtitle_end(doc, mention.end))
            if prev is not None and (inchoate or circumstance or titled):
                end = mention.end
                if circumstance and end < len(doc) and doc[end].lower_ in self.phrase_rules.descend_heads:
                    end += 1  # "... a drug trafficking crime"
                if titled:
                    end = _title_tail(doc, end)
                text = doc[prev.start:end].text
                out[-1] = Mention(prev.start, end, text, self.r.charges.normalize(text), prev.weak and mention.weak,
                                  f"{prev.explanation} + {mention.explanation}", prev.statute or mention.statute)
            else:
                out.append(mention)
        return out

    def _titled(self, doc: Doc, mention: Mention, end: int) -> Mention:
        if end == mention.end:
            return mention
        text = doc[mention.start:end].text
        return Mention(mention.start, end, text, self.r.charges.normalize(text), mention.weak,
                       f"{mention.explanation} + its title parts", mention.statute)

    @staticmethod
    def _attach_back(doc: Doc, match: StatuteMatch, found: list[Mention]) -> None:
        """ "... pled guilty to illegal re-entry. This violation is under Title 8, United States Code, Section
        1326(a)": a sentence that only cites the statute of "this violation" cites the previous sentence's
        charge."""
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or any(m.statute is match for m in found):
            return
        sent = sent_of(span)
        if not _THIS_OFFENSE.match(sent.text) or any(sent.start <= m.start < sent.end for m in found) \
                or sent.start == 0:
            return
        previous = sent_of(doc[sent.start - 1])
        before = [m for m in found if previous.start <= m.start < previous.end and m.statute is None]
        if before:
            before[0].statute = match

    @staticmethod
    def _left_modifier(token: Token, start: int, end: int, levels: set[int]) -> bool:
        """A word before the charge [start, end) that modifies it ("aggravated", "attempted second-degree")."""
        if token.text in ("-", "‐") and token.i > 0:  # "second-degree": the hyphen of a modifier of the charge
            token = token.doc[token.i - 1]
            return token.is_alpha and start <= token.head.i < end
        # an adjective right before the charge that the parser made its head ("for reckless homicide" read as
        # "reckless" governing "homicide", "illegal" governing "reentry of a deported alien") modifies it all the same
        inverted = token.pos_ == "ADJ" and token.i == start - 1 and token in (token.doc[end - 1].head,
                                                                             token.doc[start].head)
        if token.lower_ in _OCCURRENCE and token.doc[start].lower_ not in ("degree", "-", "‐"):
            return False  # "his second illegal re-entry": which occurrence, not the charge (but "second degree murder")
        return ((token.dep_ in ("compound", "amod", "nmod") and start <= token.head.i < end or inverted)
                and token.i not in levels and token.is_alpha
                and token.lower_ not in ("his", "her", "their", "prior", "previous", "other", "same", "several",
                                         "multiple", "numerous", "new", "alleged", "pending", "separate",
                                         "future", "possible", "potential"))

    @staticmethod
    def _attach_after_words(doc: Doc, statutes: list[StatuteMatch], found: list[Mention]) -> None:
        """A citation no charge took, after the rest of the nearest charge's words and a citing phrase ("illegally
        reentering the United States in violation of", "illegal reentry into the United States after previously
        being deported, in violation of"), with no clause, person, list break or other charge between, is that
        charge's. Runs once every charge is found, so that a charge between is seen."""
        for match in statutes:
            span = doc.char_span(match.start, match.end, alignment_mode="expand")
            if span is None or any(m.statute is match for m in found):
                continue
            before = [m for m in found if m.end <= span.start and doc[m.start].sent == span.sent]
            if not before:
                continue
            mention = max(before, key=lambda m: m.end)
            words = doc[mention.end:span.start]
            gap = _QUOTED_NAME.sub(" ", " ".join(words.text.split())).strip()
            if mention.statute is None and (_CITES.fullmatch(f" {gap} ") or _TAIL_CITES.fullmatch(gap)) \
                    and not any(t.tag_ in FINITE_TAGS or t.pos_ == "AUX" and t.tag_ not in ("VBG", "VBN")
                                or t.pos_ == "PRON" and t.tag_ != "PRP$" or t.ent_type_ == "PERSON"
                                or t.text in (";", ":") for t in words):
                mention.statute = match

    def _attach_statute(self, doc: Doc, match: StatuteMatch, found: list[Mention], levels: set[int]) -> None:
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None:
            return
        before = text_of(doc)[max(0, match.start - 40):match.start]
        # "X (PC 484(a))", "X, in violation of 8 U.S.C. 1326", "PC 459 BURGLARY"
        for mention in found:
            gap = " ".join(doc[mention.end:span.start].text.split()) if mention.end <= span.start else None
            if gap is not None and (_CITES.fullmatch(" " + _QUOTED_NAME.sub(" ", gap) + " ")
                                    or _NEAR_CITES.fullmatch(gap)
                                    and not any(t.pos_ in ("VERB", "AUX", "PRON", "PROPN")
                                                for t in doc[mention.end:span.start])):
                mention.statute = mention.statute or match
                return
            gap_after = doc[span.end:mention.start].text if span.end <= mention.start else None
            if gap_after is not None and re.fullmatch(r"[\s\-:,(]*|\s*,?\s*(?:for|by)\s*", gap_after):
                mention.statute = mention.statute or match  # "his conviction under 8 U.S.C. § 1326 for unlawful
                return  # reentry"
        if not re.search(r"\(\s*$", before):
            return
        # a charge the lexicon does not know, written before its citation: "Theft of Property (PC 484(a))"
        paren = span.start - 1
        while paren > sent_of(span).start and doc[paren].text != "(":
            paren -= 1
        end = paren
        start = end
        while start > sent_of(span).start:
            token = doc[start - 1]
            if token.i in levels or not (_UPPER_OR_TITLE.match(token.text) or token.lower_ in _FUNCTION):
                break
            start -= 1
        while start < end and (doc[start].lower_ in _FUNCTION or doc[start].lower_ in _NOT_CHARGE):
            start += 1
        if start >= end or all(t.lower_ in _FUNCTION | _NOT_CHARGE for t in doc[start:end]) \
                or doc[end - 1].lower_ in ("act", "code"):
            return  # "the Immigration and Nationality Act (8 U.S.C. 1251(a)(4))": a law's name, no charge
        text = doc[start:end].text
        found[:] = [m for m in found if not (start <= m.start and m.end <= end)]
        found.append(Mention(start, end, text, self.r.charges.normalize(text), False,
                             "charge written before its statute citation", statute=match))

    # ------------------------------------------------------------------ groups

    def groups(self, doc: Doc, mentions: list[Mention], statutes: list[StatuteMatch]) -> list[Group]:
        groups: list[Group] = []
        statute_chars = [(m.start, m.end) for m in statutes]
        for mention in mentions:
            sent = sent_of(doc[mention.start])
            if groups and groups[-1].sent == sent and self._joined(doc, groups[-1].end, mention.start, statute_chars) \
                    and not _starts_clause(doc[mention.end - 1]):
                groups[-1].mentions.append(mention)
            else:
                groups.append(Group([mention], sent))
        return groups

    @staticmethod
    def _joined(doc: Doc, end: int, start: int, statute_chars: list[tuple[int, int]]) -> bool:
        text = "".join(t.text_with_ws for t in doc[end:start]
                       if not any(s <= t.idx < e for s, e in statute_chars) and t.text not in "()")
        text = _LEVEL_NOISE.sub(" ", text)
        return bool(_JOINER.fullmatch(" ".join(text.split())))

    # -------------------------------------------------------------------- extract

    def extract(self, doc: Doc, context: ExtractionContext) -> list[OffenseFact]:
        text = text_of(doc)
        statutes = [m for m in doc_statutes(doc, self.r.statutes) if not context.is_claimed(m.start, m.end)]
        spans = doc.spans.get(SPANS_KEY, [])
        terms = [s for s in spans if s.label_ == "OFFENSE"]
        # a cue word inside an offense term is part of its name ("possession of a firearm by a convicted felon")
        cues = [c for c in filter_spans([s for s in spans if s.label_ == "DISPO"])
                if not any(t.start <= c.start and c.end <= t.end and (t.start, t.end) != (c.start, c.end)
                           for t in terms)]
        grounds = [c.root for c in cues if _a_ground(c)]
        cues = [c for c in cues if c.root not in grounds and not arrested_and_removed(c)]
        mentions = self.mentions(doc, context, statutes, cues)
        if not mentions:
            return []
        groups = self.groups(doc, mentions, statutes)
        levels = [s for s in spans if s.label_ == "LEVEL"]
        dates = [d for d in find_dates(text) if not any(m.start <= d.start < m.end for m in statutes)
                 and not context.is_claimed(d.start, d.end) and not _DECISION_AFTER.match(text, d.end)]
        incident = incident_date(dates, text)
        alleged = self._alleged_date(doc, dates, groups)
        found_in = _found_in_date(text, dates)
        names = context.notes.get(NAME_NOTE, SubjectNames())
        rels = relation_spans(doc)
        sents = list(doc.sents)
        facts = []
        read = context.notes.setdefault(CHARGES_NOTE, {}).setdefault(context.page.number, [])
        for i, group in enumerate(groups):
            nxt = groups[i + 1].start if i + 1 < len(groups) and groups[i + 1].sent == group.sent else group.sent.end
            prv = groups[i - 1].end if i and groups[i - 1].sent == group.sent else group.sent.start
            self._cues(doc, group, cues, prv, nxt, names, rels)
            group.cues.extend(_cues_before_a_colon(doc, group, groups, cues))
            group.cues.extend(_cues_of_all(doc, group, groups, cues))
            if i and prv > group.sent.start:
                self._inherit(doc, group, groups[i - 1])
            self._continue(doc, group, sents, groups, cues)
            self._dates(doc, group, dates, cues, incident, groups)
            self._shared_dates(group, groups[:i], alleged, found_in)
            self._level(doc, group, levels, nxt)
            self._sentence(doc, group, prv, nxt, statutes, sents, groups)
            if not self._credible(doc, group, statutes) \
                    or any(g.i < group.start <= g.right_edge.i for g in grounds):  # the ground's offense
                continue
            made = self._facts(doc, group, context, names, rels)
            facts.extend(made + _repeated(text, group, made, dates, context))
            read.extend((doc[m.start:m.end].start_char, doc[m.start:m.end].end_char) for m in group.mentions)
        return facts

    def _cues(self, doc: Doc, group: Group, cues: list[Span], prv: int, nxt: int, names: SubjectNames,
              rels: list[Span]) -> None:
        before = [c for c in cues if prv <= c.start and c.end <= group.start]
        if prv > group.sent.start:  # "a manslaughter conviction, who is also wanted for homicide": the noun
            before = [c for c in before if not (c.start - prv <= 1 and c.root.pos_ == "NOUN")]  # is the last's
        after = [c for c in cues if group.end <= c.start and c.end <= nxt]
        after = [c for c in after if not _other_person_between(doc, group.end, c.start, names, rels)
                 and not self._has_own_object(doc, c, back_references=False)  # "sentenced ... for the offense"
                 and not _describes_the_charge(doc, group, c)]
        if nxt < group.sent.end:
            # "arrested for DUI and convicted of reckless driving": the cue right before the next
            # charge introduces that charge
            after = [c for c in after if not re.fullmatch(r"\s*(?:(?:of|to|with|for|on|as to|the|a|an|charges?|"
                                                           r"offen[cs]es?)\s*)*", doc[c.end:nxt].text + " ")]
        group.cues = before + after

    def _has_own_object(self, doc: Doc, cue: Span, back_references: bool = True) -> bool:
        """ "wanted for attempted murder, but had also been convicted of a violent felony"; "after he was arrested
        for DUI, DHS charged him with removability"; "he was arrested on local charges": a cue that governs an
        object of its own introduces that object, not a charge named before it ("sentenced on September 28, 1994",
        "placed on probation" have none). Without ``back_references``, an object that refers back ("convicted of
        those charges") is none of its own."""
        preps = self.phrase_rules.prepositions.get(cue.id_)
        if not preps:
            return False
        objects = [c for prep in governed_preps(doc, cue, preps) for c in prep.children
                   if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")
                   and c.lemma_.lower() not in self.phrase_rules.sentence_objects]
        return any(back_references or not _refers_back(o) for o in objects)

    @staticmethod
    def _inherit(doc: Doc, group: Group, previous: Group) -> None:
        """An item of a list governed by one cue ("convicted of: (1) X ...; and (2) Y") takes the cues
        before the item before it when it has none of its own before it and no verb stands between them (a
        gerund may: "theft by taking and driving without a license"); a cue after it stays its own, unless
        the item is that cue's subject ("X, and the burglary charge was dismissed": only dismissed). A participle
        that modifies a noun ("receiving stolen goods", "aggravated reentry") is no verb, nor is a relative clause
        that ends with its list item ("X, which offense was committed on May 3, 1992; and Y")."""
        between = doc[previous.end:group.start]
        semicolons = [t.i for t in between if t.text == ";"]
        if semicolons and any(t.lower_ == "which" for t in doc[previous.end:semicolons[-1]]):
            between = doc[semicolons[-1]:group.start]  # "X under S, which offense was committed on May 3; and Y"
        if any(c.start < group.start for c in group.cues) \
                or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" and t.dep_ != "amod" for t in between) \
                or any(_subject_of(doc, c, group) for c in group.cues):
            return
        shared = [c for c in previous.cues if c.start < previous.start]
        if shared:
            group.cues = shared + group.cues
            group.notes.append("cue shared with the list item before")

    def _continue(self, doc: Doc, group: Group, sents: list[Span], groups: list[Group], cues: list[Span]) -> None:
        """Cues of the next sentences that name no charge of their own continue this group: the last group of its
        sentence, or every group when the next sentence refers to them all ("was convicted of those charges on May
        31, 2022", "entered guilty pleas to the charges"); past up to two sentences that tell no outcome, only a
        sentence that refers to the charges ("After her arrest, she was released. ... she was found guilty on both
        counts"). An arrest
        into immigration custody ("arrested by ERO officers") is an apprehension, not this charge's arrest."""
        last = not any(g.sent == group.sent and g.start > group.start for g in groups)
        index = next((i for i, s in enumerate(sents) if s == group.sent), None)
        if index is None:
            return
        skipped = 0
        for sent in sents[index + 1:index + 5]:
            if any(g.sent == sent for g in groups) or _starts_section(sent):
                return
            all_charges = bool(_ALL_CHARGES.search(sent.text))
            if not last and not all_charges:
                return
            verbal = [c for c in cues if sent.start <= c.start < sent.end and c.root.pos_ in ("VERB", "AUX")
                      and not self._about_a_procedure(c) and not self._has_own_object(doc, c, back_references=False)
                      and not (c.id_ == "arrested" and immigration_custody(doc, c))]
            if not verbal and skipped < 2:
                skipped += 1  # "After her arrest, she was released. ... she was found guilty on both counts"
                continue
            if not verbal or skipped and not all_charges:
                return  # past a sentence of no outcome, only one that refers to the charges continues them
            group.cues.extend(verbal)
            group.notes.append(f"continued by {sent.text.strip()[:60]!r}")

    def _about_a_procedure(self, cue: Span) -> bool:
        """ "dismissed his appeal", "a sealed juvenile record", "his motion to dismiss": the cue acts on a filing or a
        record, not a charge."""
        root = cue.root
        if root.dep_ == "amod" or root.dep_ in ("acl", "relcl") \
                and root.head.lemma_.lower() in self.phrase_rules.procedure_objects:
            return True
        objects = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
        return any(o.lemma_.lower() in self.phrase_rules.procedure_objects for o in objects)

    def _dates(self, doc: Doc, group: Group, dates: list[DateMatch], cues: list[Span], incident: PartialDate | None,
               groups: list[Group]) -> None:
        scope_sents = {group.sent.start} | {sent_of(c).start for c in group.cues}
        item = _list_item(doc, group, groups)
        owners = _item_dates(doc, group, groups, dates) if item is None else {}
        best: dict[str, tuple[int, PartialDate, int]] = {}  # role -> (rank, date, the date's sentence)
        for d in dates:
            token = doc.char_span(d.start, d.end, alignment_mode="expand")
            if token is None or sent_of(token).start not in scope_sents:
                continue
            own_item = item is not None and item[0] <= d.start < item[1] or owners.get(d.start) == group.start
            if item is not None and d.start >= item[2] and not own_item:
                continue  # "burglary in 1998; theft in 2001": another item's date
            if d.start in owners and not own_item and any(o <= group.start for o in owners.values()):
                continue  # "burglary in 1995, theft (1997) and robbery in 2000": another item's date
            if opens_range(text_of(doc), d.start, d.end, floor=sent_of(token).start_char) \
                    and sum(len(g.mentions) for g in groups if g.sent == sent_of(token)) > 1:
                continue  # "From 1990 to 1992, Hernandez suffered five convictions": no item's own date
            sent_cues = [c for c in cues if sent_of(c).start == sent_of(token).start
                         and (c in group.cues or d.start not in owners)]  # an item's date: its charge's cue
            found = self._date_role(doc, token, sent_cues, group)
            if found is None:
                continue
            rank = found[1] + (0 if sent_of(token).start == group.sent.start else 10_000)  # own sentence first
            rank = -1 if own_item else rank  # the date in the charge's own list item
            if found[0] not in best or rank < best[found[0]][0]:
                best[found[0]] = (rank, d.date, sent_of(token).start)
        disposition = self.disposition(group)
        if disposition in CLEARED and "disposition_date" in best and not any(
                c.id_ == disposition and sent_of(c).start == best["disposition_date"][2] for c in group.cues):
            del best["disposition_date"]  # "convicted on March 14, 1968 ... vacated": not the vacatur's date
        group.dates.update({role: value for role, (_, value, _) in best.items()})
        if "arrest_date" not in group.dates:
            earlier = _arrest_pointed_back_to(doc, group, dates, cues, groups)
            if earlier is not None:
                group.dates["arrest_date"] = earlier
                group.notes.append("arrest date of the arrest pointed back to")
        if incident is not None and disposition in ("arrested", "charged", "unknown"):
            group.dates.setdefault("offense_date", incident)
            group.dates.setdefault("arrest_date", incident)
            group.notes.append("dated by the report's incident time")

    @staticmethod
    def _shared_dates(group: Group, earlier: list[Group], alleged: tuple[PartialDate, int] | None,
                      found_in: PartialDate | None) -> None:
        """Dates a charge shares with the record: the offense date stated once for all charges, the day an alien
        was found in the United States for an illegal reentry, and the arrest date of the charge before it when a
        co-defendant "was also arrested"."""
        previous = next((g for g in reversed(earlier) if "arrest_date" in g.dates), None)
        if previous is not None and re.search(r"\balso\b", group.sent.text) \
                and "dated by the report's incident time" in group.notes:
            group.dates["arrest_date"] = previous.dates["arrest_date"]
        if alleged is not None and "offense_date" not in group.dates:
            date, dates_before = alleged
            if not dates_before or group.start < dates_before:
                group.dates["offense_date"] = date
                group.notes.append("offense date of the whole record")
        if found_in is not None and "offense_date" not in group.dates \
                and any(m.normalized in ("illegal reentry", "illegal presence") for m in group.mentions):
            group.dates["offense_date"] = found_in
            group.notes.append("offense date: the day the alien was found in the United States")

    @staticmethod
    def _alleged_date(doc: Doc, dates: list[DateMatch], groups: list[Group]) -> tuple[PartialDate, int] | None:
        """The offense date a record states once for its charges, in a sentence naming no charge, and the
        token before which the charges it dates lie (0: all after it): "for acts alleged to have been committed on
        or about June 10, 2009" before the charges dates all of them; "Both crimes occurred Feb. 11, 2002" dates
        the charges before it, not a reentry conviction named later."""
        charged = {g.sent.start for g in groups}
        for d in dates:
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is None or sent_of(span).start in charged:
                continue
            after = text_of(doc)[d.end:min(sent_of(span).end_char, d.end + 80)]
            if _OFFENSE_DATE_CUE.search(text_of(doc)[max(sent_of(span).start_char, d.start - 60):d.start]) \
                    or _VIOLENT_ACT_AFTER.match(after) and all(_violent(g) for g in groups if g.start < span.start):
                before = any(g.start < span.start for g in groups)
                return d.date, sent_of(span).start if before else 0
        return None

    def _date_role(self, doc: Doc, date: Span, sent_cues: list[Span], group: Group) -> tuple[str, int] | None:
        """The role of a date and its distance to the cue that gives the role."""
        window = doc[max(sent_of(date).start, date.start - 12):date.start].text
        if _OFFENSE_DATE_CUE.search(window) or _dates_the_act(date, group):
            return "offense_date", 0
        # "stemming from that arrest, in 1995, he was convicted": a cue that points back is dated elsewhere; "deported
        # ...: in June 2000, following a conviction for illegal reentry": the deportation's date, not the conviction's
        if _AFTER_A_CUE.match(text_of(doc), date.end_char):
            return None
        sent_cues = [c for c in sent_cues if DATE_ROLE.get(c.id_) and not _points_back(c.root)]
        if not sent_cues or dates_another_noun(date, sent_cues):
            return None

        def distance(c: Span) -> int:
            between = doc[date.end:c.start] if c.start >= date.end else doc[c.end:date.start]
            semicolon = 10 * any(t.text == ";" for t in between)  # "arrested ... on Oct. 1, 2020; he pleaded"
            return len(between) + semicolon

        def sentencing(c: Span) -> bool:
            return c.root.lemma_.lower() == "sentence"

        # "pleaded guilty on 12/14/2016 and was sentenced to": the plea's date, not the sentencing's; "pleaded guilty
        # to X in state court in 1998 and was sentenced to ...": a sentencing in another clause gives way to the plea
        ranked = sorted(sent_cues, key=lambda c: (distance(c) + 4 * sentencing(c), c.start > date.start))
        nearest = ranked[0]
        if sentencing(nearest) and len(ranked) > 1 and other_clause(doc, nearest, date.start_char, date.end_char):
            nearest = ranked[1]
        if nearest not in group.cues or other_clause(doc, nearest, date.start_char, date.end_char):
            return None  # "removed him in May 2011 after he was convicted of larceny": the removal's date
        role = DATE_ROLE.get(nearest.id_)
        # the plea's or verdict's date is the disposition's; the sentencing date only when no other is stated
        later = 20_000 if sentencing(nearest) else 0
        return (role, distance(nearest) + later) if role else None

    def _level(self, doc: Doc, group: Group, levels: list[Span], nxt: int) -> None:
        end = group.end
        for mention in group.mentions:  # "Theft of Property (PC 484(a)), a misdemeanor"
            if mention.statute is not None:
                cited = doc.char_span(mention.statute.start, mention.statute.end, alignment_mode="expand")
                end = max(end, cited.end + 1 if cited is not None else end)
        for span in levels:
            if group.start - 2 <= span.start and span.end <= min(nxt, end + 6):
                group.level = span.id_
                return

    def _sentence(self, doc: Doc, group: Group, prv: int, nxt: int, statutes: list[StatuteMatch],
                  sents: list[Span], groups: list[Group]) -> None:
        single = not any(g is not group and g.sent == group.sent for g in groups)
        region = group.sent if single else doc[group.end:nxt]
        texts = [self._clean(doc, region, statutes)]
        before = doc[prv:group.start]
        if not single and _SENTENCE_FOR.search(before.text):  # "his seventy-month sentence for illegally reentering"
            texts.insert(0, self._clean(doc, before, statutes))
        for cue in group.cues:
            if sent_of(cue) != group.sent:
                texts.append(self._clean(doc, sent_of(cue), statutes))
        for text in dict.fromkeys(texts):
            sentence = self.r.sentences.parse(text) if text else None
            if sentence is not None:
                group.sentence = sentence
                return

    @staticmethod
    def _clean(doc: Doc, span: Span, statutes: list[StatuteMatch]) -> str:
        """The span's text with statute citations and hypothetical scopes blanked."""
        chars = list(span.text)
        for m in statutes:
            for i in range(max(m.start, span.start_char), min(m.end, span.end_char)):
                chars[i - span.start_char] = " "
        for mod in doc_modifiers(doc):
            if mod.category == "hypothetical" and span.start <= mod.cue_start < span.end:
                cut = doc[mod.cue_start].idx - span.start_char
                chars = chars[:cut]
                break
        return "".join(chars)

    def _credible(self, doc: Doc, group: Group, statutes: list[StatuteMatch]) -> bool:
        """A charge counts when something says it is one: a cue, a citation, or talk of crime."""
        if any(m.statute for m in group.mentions) or group.cues:
            return True
        sent_text = group.sent.text
        if _VICTIM.search(doc[group.sent.start:group.start].text) or _an_organizations(doc, group):
            return False
        if all(m.weak for m in group.mentions):
            return False
        return bool(_CRIME_CONTEXT.search(sent_text))

    def disposition(self, group: Group) -> str:
        return max((c.id_ for c in group.cues), key=lambda d: DISPOSITION_RANK.get(d, 0), default="unknown")

    # --------------------------------------------------------------------- facts

    def _facts(self, doc: Doc, group: Group, context: ExtractionContext, names: SubjectNames,
               rels: list[Span]) -> list[OffenseFact]:
        disposition = self.disposition(group)
        status, status_note = self._status(doc, group)
        if self._of_a_group(group):
            return []  # "ICE has deported many other fugitives wanted for murder": nobody in particular
        about = self._about(doc, group, names, rels)
        facts = []
        for mention in group.mentions:
            span = doc[mention.start:mention.end]
            statute = mention.statute.statute if mention.statute else None
            start, end = span.start_char, span.end_char
            if mention.statute is not None:
                end = max(end, mention.statute.end)
                start = min(start, mention.statute.start)
            explanation = [mention.explanation]
            if group.cues:
                explanation.append("cues " + ", ".join(f"{c.text!r}->{c.id_}" for c in group.cues))
            explanation += group.notes + ([status_note] if status_note else [])
            confidence = 0.45 + 0.25 * bool(group.cues) + 0.15 * (statute is not None) + 0.05 * bool(group.dates) \
                - 0.1 * mention.weak
            evidence = context.evidence(self, start, end, confidence, "; ".join(explanation))
            facts.append(OffenseFact(
                fact_id=context.fact_id("offense", start, end), charge=mention.charge,
                charge_normalized=mention.normalized, statute=statute, level=group.level,
                disposition=disposition, offense_date=group.dates.get("offense_date"),
                arrest_date=group.dates.get("arrest_date"), disposition_date=group.dates.get("disposition_date"),
                sentence=group.sentence if DISPOSITION_RANK[disposition] in (4, 5) else None, about=about,
                status=status, confidence=evidence.confidence, evidence=[evidence], flags=_occurrence(doc, group)))
        return facts

    @staticmethod
    def _status(doc: Doc, group: Group) -> tuple[FactStatus, str]:
        positions = [group.start] + [c.start for c in group.cues if sent_of(c) == group.sent and c.start < group.start]
        mods = [m for p in positions for m in modifiers_for(doc, p, p + 1)]
        found = {m.category for m in mods}
        status: FactStatus = "negated" if "negated" in found else ("hypothetical" if found else "affirmed")
        return status, cue_explanation(mods)

    @staticmethod
    def _of_a_group(group: Group) -> bool:
        """The cue's person is a plural group noun ("fugitives", "other individuals", "those arrested")."""
        cue = next((c for c in group.cues if sent_of(c) == group.sent), None)
        if cue is None:
            return False
        person = cue.root.head if cue.root.dep_ == "acl" else person_token(cue.root)  # "fugitives wanted for"
        return is_group(person)

    @staticmethod
    def _about(doc: Doc, group: Group, names: SubjectNames, rels: list[Span]) -> About:
        before = [c for c in group.cues if sent_of(c) == group.sent and c.start < group.start]
        cue = before[-1] if before else next((c for c in group.cues if sent_of(c) == group.sent), None)
        if cue is None:
            return About()
        return about_person(person_token(cue.root), names, rels)


def _occurrence(doc: Doc, group: Group) -> list[str]:
    """ "a prior illegal reentry conviction", "his second illegal re-entry": a word just before the charge that
    tells which occurrence of it this is (kept as a flag, so that merging keeps two occurrences apart)."""
    window = doc[max(group.sent.start, group.start - 2):group.start]
    marker = next((_OCCURRENCE[t.lower_] for t in reversed(window) if t.lower_ in _OCCURRENCE), None)
    if marker is None and any(c.dep_ == "advmod" and c.lower_ == "again" for cue in group.cues
                              if cue.start < group.start for c in cue.root.children):
        marker = "again"  # "was again arrested ... for corruption of minors": another arrest for it
    return [OCCURRENCE_FLAG + marker] if marker else []


def _violent(group: Group) -> bool:
    return any(_VIOLENT.search(m.normalized or m.text) for m in group.mentions)


def _found_in_date(text: str, dates: list[DateMatch]) -> PartialDate | None:
    """ "Cordova-Larios was found in the United States on or about April 10, 2017": the date of an illegal reentry
    offense (8 U.S.C. 1326 is committed where and when the alien is found)."""
    for d in dates:
        if d.date.day is not None and _FOUND_IN.search(text[max(0, d.start - 80):d.start]):
            return d.date
    return None


def _repeated(text: str, group: Group, made: list[OffenseFact], dates: list[DateMatch],
              context: ExtractionContext) -> list[OffenseFact]:
    """ "In 2010 and 2012, he was convicted of driving while intoxicated": one more offense for each date joined to
    the one the charge took, kept apart from it as a repeat."""
    role = next((r for r in ("disposition_date", "arrest_date") if r in group.dates), None)
    if role is None or not made:
        return []
    listed = [d for d in dates if group.sent.start_char <= d.start < group.sent.end_char]
    at = next((i for i, d in enumerate(listed) if d.date == group.dates[role]), None)
    if at is None:
        return []
    first = last = at
    while first and _DATE_JOIN.fullmatch(text[listed[first - 1].end:listed[first].start]):
        first -= 1
    while last + 1 < len(listed) and _DATE_JOIN.fullmatch(text[listed[last].end:listed[last + 1].start]):
        last += 1
    return [fact.model_copy(update={"fact_id": context.fact_id("offense", fact.evidence[0].start, d.end),
                                    role: d.date, "flags": [*fact.flags, REPEAT_FLAG]})
            for d in listed[first:last + 1] if d.date != group.dates[role] for fact in made]


def _a_ground(cue: Span) -> bool:
    """ "deportable ... as an alien convicted of a designated drug offense": a ground of removability that a
    statute or a charging document names, not a conviction of the subject."""
    root = cue.root
    return root.dep_ in ("acl", "relcl") and root.head.lemma_ in ("alien", "noncitizen") \
        and root.head.dep_ == "pobj" and root.head.head.lower_ == "as"


def _cues_before_a_colon(doc: Doc, group: Group, groups: list[Group], cues: list[Span]) -> list[Span]:
    """ "Two convictions after entry, to wit: Robbery with pistol": a list the parser made a sentence of its own
    after a colon takes the cues of the sentence before it, when that sentence names no charge."""
    start = group.sent.start
    if start == 0 or group.start - start > 3 or doc[start - 1].text != ":":
        return []
    before = sent_of(doc[start - 1])
    if any(g.sent == before for g in groups):
        return []
    return [c for c in cues if before.start <= c.start < before.end and c not in group.cues]


def _cues_of_all(doc: Doc, group: Group, groups: list[Group], cues: list[Span]) -> list[Span]:
    """ "arraigned him for X, Y, and Z, and those charges remain open": a cue after the sentence's last charge
    whose subject refers back to all of them is every listed charge's too."""
    last = max(g.end for g in groups if g.sent == group.sent)
    if group.end == last:
        return []
    return [c for c in cues if last <= c.start < group.sent.end and c not in group.cues
            and any(s.dep_ in ("nsubj", "nsubjpass") and _ALL_CHARGES.search(doc[s.left_edge.i:s.i + 1].text)
                    for s in (*c.root.children, *c.root.head.children))]  # "those charges are pending"


def _refers_back(token: Token) -> bool:
    """ "those charges", "the offense", "both counts", "the same": an object that names what was named before (not
    "the current offense", "the instant offense": the case at hand)."""
    if any(c.lower_ in ("current", "instant", "present", "underlying", "new") for c in token.children):
        return False
    return token.lemma_.lower() == "same" or any(c.dep_ in ("det", "predet") and c.lower_ in _BACK_DETERMINERS
                                                 for c in token.children)


def _arrest_pointed_back_to(doc: Doc, group: Group, dates: list[DateMatch], cues: list[Span],
                            groups: list[Group]) -> PartialDate | None:
    """ "In 1994, he was arrested in Washington, D.C. Stemming from that arrest, in 1995, he was convicted of X": the
    date of the arrest the sentence before tells, when that sentence names no charge; and "In November 2014, he was
    arrested on state drug and theft charges. He pleaded guilty to X": a plea right after an arrest on charges
    named only by their kind is to those charges."""
    if group.sent.start == 0:
        return None
    before = sent_of(doc[group.sent.start - 1])
    while before.start > 0 and _RECORD_CITE.fullmatch(before.text.strip()):  # "(ECF No. 20-3.)"
        before = sent_of(doc[before.start - 1])
    pointed = any(c.id_ == "arrested" and _points_back(c.root) and sent_of(c) == group.sent for c in group.cues)
    kinds = [g for g in groups if g.sent == before]
    plea = any(c.id_ in ("pleaded_guilty", "convicted") and sent_of(c) == group.sent for c in group.cues) \
        and bool(kinds) and all(g.end < len(doc) and doc[g.end].lower_ in ("charges", "charge") for g in kinds) \
        and not any(c.id_ == "arrested" and sent_of(c) == group.sent for c in cues)
    if not pointed and not plea or pointed and kinds:
        return None
    arrests = [c for c in cues if c.id_ == "arrested" and before.start <= c.start < before.end
               and c.root.pos_ in ("VERB", "AUX")]
    inside = [d for d in dates if before.start_char <= d.start < before.end_char]
    return inside[0].date if arrests and len(inside) == 1 else None


def _points_back(token: Token) -> bool:
    """ "that arrest", "this conviction": a noun with a demonstrative."""
    return token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in token.children)


def _title_tail(doc: Doc, end: int) -> int:
    """The end of a charge written as a code's titles ("controlled substance: possess with intent to distribute:
    school bus property"): each ": part" up to the list's ";" or the sentence's end, when it is short and no
    clause ("assault: he struck the victim" is none)."""
    while end < len(doc) and doc[end].text == ":":
        stop = end + 1
        while stop < len(doc) and doc[stop].text not in (";", ".", ":", ",") and not doc[stop].is_sent_start:
            stop += 1
        part = doc[end + 1:stop]
        if not 0 < len(part) <= 10 or any(t.tag_ in ("VBD", "VBZ", "VBP", "PRP", "MD") for t in part):
            break
        end = stop
    return end


def _object_end(doc: Doc, span: Span, generic: frozenset[str]) -> int:
    """The end of a charge with the object or means the lexicon term leaves out ("burglary of a habitation",
    "theft by deception", "robbery with a deadly weapon", "conspiracy with intent to distribute cocaine"): a
    preposition that modifies the term, right after it, whose short object names no person, place, date or
    category ("assault on his wife", "theft in Dallas", "failing to appear on traffic charges" stay cut)."""
    end = span.end
    if end >= len(doc):
        return end
    verb = doc[end - 1]
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i >= end and c.pos_ in ("NOUN", "PROPN")]
    if verb.pos_ == "VERB" and objects:  # "possession with intent to distribute [methamphetamine]"
        tail = doc[end:max(_own_words(objects[0])) + 1]
        if len(tail) <= 4 and not any(t.ent_type_ in ("DATE", "GPE", "PERSON", "MONEY", "CARDINAL") or t.is_punct
                                      or t.dep_ == "poss" for t in tail):
            return tail.end
    infinitive = _inchoate_infinitive_end(doc, span)
    if infinitive > end:
        return infinitive
    if doc[end].lower_ not in _OBJECT_PREPOSITIONS or doc[end].head.i not in range(span.start, end):
        return end
    objects = [c for c in doc[end].children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
    if len(objects) != 1 or in_words(objects[0], generic):
        return end
    tail = doc[end:max(_own_words(objects[0])) + 1]
    if len(tail) > 6 or any(t.ent_type_ or t.dep_ == "poss" or t.pos_ in ("PRON", "PROPN", "NUM") or t.is_punct
                            for t in tail):
        return end
    return tail.end


def _inchoate_infinitive_end(doc: Doc, span: Span) -> int:
    """ "conspiracy to import narcotics", "attempt to smuggle cocaine": a bare inchoate term keeps the act it aims
    at, an infinitive with a short object right after it (no place, date or person in it)."""
    end = span.end
    if not _INCHOATE.fullmatch(span.text) or end + 2 >= len(doc) or doc[end].lower_ != "to" \
            or doc[end + 1].tag_ != "VB":
        return end
    objects = [c for c in doc[end + 1].children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if not objects:
        return end
    tail = doc[end:max(_own_words(objects[0])) + 1]
    if len(tail) > 6 or any(t.ent_type_ in ("DATE", "GPE", "PERSON", "MONEY") or t.is_punct for t in tail):
        return end
    return tail.end


def _own_words(token: Token) -> list[int]:
    """The token's words without its conjuncts and clauses ("a habitation [and criminal mischief]"); an
    infinitive stays ("intent to distribute cocaine")."""
    return [token.i] + [i for c in token.children if c.dep_ not in _CONJUNCT_DEPS or c.dep_ == "acl" and c.tag_ == "VB"
                        for i in _own_words(c)]


def _degree_end(doc: Doc, end: int) -> int:
    """The end of a charge with its degree written after it ("assault second degree", "robbery in the first
    degree", "burglary 2nd degree", "Burglary, second degree", "assault III")."""
    found = _DEGREE_AFTER.match(doc.text, doc[end - 1].idx + len(doc[end - 1]))
    if found is None:
        return end
    span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
    return span.end if span is not None else end


def _list_item(doc: Doc, group: Group, groups: list[Group]) -> tuple[int, int, int] | None:
    """The group's item in a sentence that lists several charges between semicolons ("convictions: burglary in
    1998; theft in 2001; and possession of cocaine in 2004"), as (start, end, first): its character range and
    where the list's first charge starts (a date before it is the whole list's: "On May 3, 1990, convicted of:
    (1) X; and (2) Y"); None when the sentence is no such list."""
    sent = group.sent
    listed = [g for g in groups if g.sent == sent]
    if len(listed) < 2 or ";" not in sent.text:
        return None
    first, here = doc[listed[0].start].idx, doc[group.start].idx
    cuts = [t.idx for t in sent if t.text == ";" and t.idx > first]
    start = max([c + 1 for c in cuts if c < here], default=first)
    end = min([c for c in cuts if c >= here], default=sent.end_char)
    return start, end, first


def _item_dates(doc: Doc, group: Group, groups: list[Group], dates: list[DateMatch]) -> dict[int, int]:
    """The dates of the items of a comma list ("convictions for burglary of a habitation in 1995, theft (1997)
    and robbery in 2000"), as {date start: the start token of the charge it follows}: the first date after a
    charge, before the next, with no verb or semicolon between them. Empty unless two charges have one. A charge
    after a dated item takes no later item's date; one before all of them may ("arrested for X and Y on May 3,
    and convicted of Z on June 1": X was arrested on May 3)."""
    listed = [g for g in groups if g.sent == group.sent]
    if len(listed) < 2:
        return {}
    owners: dict[int, int] = {}
    for k, charge in enumerate(listed):
        stop = listed[k + 1].start if k + 1 < len(listed) else charge.sent.end
        for d in dates:
            token = doc.char_span(d.start, d.end, alignment_mode="expand")
            if token is None or not charge.end <= token.start < stop:
                continue
            between = doc[charge.end:token.start]
            prenominal = token.root.dep_ in PRENOMINAL and token.root.head.i > token.end - 1  # "his 2000 conviction"
            if len(between) <= _ITEM_GAP and not prenominal \
                    and not any(t.pos_ in ("VERB", "AUX") or t.text == ";" for t in between):
                owners[d.start] = charge.start
            break
    return owners if len(set(owners.values())) >= 2 else {}


def _starts_clause(token: Token) -> bool:
    """Whether the charge is the subject of a clause of its own ("convicted of theft, and the burglary charge
    was dismissed"): then it is no item of the list before it."""
    for node in [token, *token.ancestors]:
        if node.dep_ in ("nsubj", "nsubjpass"):
            return node.head.i > token.i and node.head.is_alpha  # not a misparsed "§"
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def _subject_of(doc: Doc, cue: Span, group: Group) -> bool:
    """Whether the group's charge lies in the subject of the cue's verb ("the burglary charge was dismissed")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= group.start <= c.right_edge.i
               for c in cue.root.children)


def _dates_the_act(date: Span, group: Group) -> bool:
    """ "a 2003 murder", "the June 15, 2000, murder of two individuals": a date that modifies the charge's
    noun before it names the time of the act."""
    token = date.root
    for _ in range(4):
        if token.dep_ not in PRENOMINAL or token.head.i <= token.i:
            return False
        token = token.head
        if group.start <= token.i < group.end:
            return date.end <= token.i
    return False


_ORGANIZATIONS = frozenset({"mafia", "gang", "cartel", "organization", "entity", "group", "network", "syndicate",
                            "clique", "enterprise"})


def _an_organizations(doc: Doc, group: Group) -> bool:
    """ "The Mexican Mafia is ... heavily involved in extortion, drug and human trafficking, murder": with no cue,
    the crimes of an organization the sentence is about are no offense of a person."""
    for token in doc[group.start].ancestors:  # the nearest clause with a subject
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0].lemma_.lower() in _ORGANIZATIONS
    return False


def _describes_the_charge(doc: Doc, group: Group, cue: Span) -> bool:
    """ "charged with illegal re-entry after an aggravated felony conviction": a conviction noun in a phrase that
    follows the charge describes the charge (an element of it), it is not the charge's outcome."""
    return cue.root.pos_ == "NOUN" and cue.start - group.end <= 6 \
        and any(t.lower_ in ("after", "following", "subsequent") for t in doc[group.end:cue.start])


def _other_person_between(doc: Doc, start: int, end: int, names: SubjectNames, rels: list[Span]) -> bool:
    for token in doc[start:end]:
        if token.dep_ in ("nsubj", "nsubjpass") and about_person(token, names, rels).who == "other":
            return True
    return False


def _starts_section(sent: Span) -> bool:
    return bool(re.match(r"\s*[A-Z][A-Z /&\-]{3,40}:", sent.text))
