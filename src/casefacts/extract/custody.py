"""Whose custody an arrest puts a person in: immigration custody (an apprehension) or a criminal arrest.

Shared by the event extractor (which names the event) and the offense extractor (an immigration arrest
is not the arrest for a charge the text names elsewhere).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from casefacts.extract.base import child_phrase, sent_of
from casefacts.extract.context import SPANS_KEY

BORDER = re.compile(r"\b(?:Border Patrol|border agents?|CBP|Customs and Border Protection|port of entry)\b",
                    re.IGNORECASE)
# Civil immigration agents: their arrest is an apprehension (taken into immigration custody), not a
# criminal arrest, unless it is "for" / "on charges of" a crime. HSI is ICE's investigative arm, BEST its task force.
IMMIGRATION_AGENT = re.compile(r"\b(?:ERO|ICE|HSI|INS|BEST|(?i:Homeland Security Investigations|"
                               r"Enforcement and Removal Operations|Border Enforcement Security Task Force|"
                               r"Immigration and Customs Enforcement|Immigration and Naturalization Service|"
                               r"deportation officers?|"
                               r"immigration (?:officers?|agents?|authorities|custody)|Fugitive Operations))\b")
_CRIMINAL_ARREST = re.compile(r"^\W*(?:\w+\W+){0,8}?(?:for|on (?:an? |the )?(?:(?:outstanding|active|felony|state|"
                              r"federal|local|criminal|arrest|bench|extradition)\s+)*(?:charges?|warrants?|suspicion)|"
                              r"in connection with|charged with)\b", re.IGNORECASE)
# a ground of removal, no crime: "arrested at the restaurant for being illegally present in the United States"
_PRESENCE = re.compile(r"^\W*(?:\w+\W+){0,6}?for (?:being (?:illegally|unlawfully) (?:present|in)|(?:illegal|unlawful) "
                       r"presence)\b", re.IGNORECASE)
# the police as the arrest's own agent ("recently arrested and charged by Massachusetts State Police", "when
# apprehended by a police K-9 unit"): a criminal arrest, whatever immigration agency the sentence names
_POLICE = re.compile(r"\b(?:police|sheriff'?s?|deputies|troopers|state patrol|highway patrol)\b", re.IGNORECASE)
_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp"})
_PERFECT = re.compile(r"\b(?:having been|after being)\b", re.IGNORECASE)


def immigration_custody(doc: Doc, cue: Span) -> bool:
    """An arrest that takes the person into immigration custody: by the Border Patrol for no
    charge, by ERO / ICE / deportation officers unless the arrest is "for" a crime, or by anyone but the police "for
    being illegally present"."""
    sent = sent_of(cue)
    charged = any(s.label_ == "OFFENSE" and sent.start <= s.start < sent.end for s in doc.spans[SPANS_KEY])
    if not charged and BORDER.search(sent.text):
        return True
    clause = doc[max(sent.start, cue.start - 12):min(sent.end, cue.end + 6)].text
    by = own_agent(cue)  # "by ERO officers"
    after = doc[cue.end:min(sent.end, cue.end + 12)].text
    if police_agent(cue):
        return False
    if _PRESENCE.match(after):
        return True
    return bool(IMMIGRATION_AGENT.search(clause) or IMMIGRATION_AGENT.search(by)) \
        and not _CRIMINAL_ARREST.match(after) and not _for_a_charge(doc, cue)


def own_agent(cue: Span) -> str:
    """The cue's "by" phrase, or that of a verb conjoined with it ("arrested and charged by the State Police")."""
    return " ".join(child_phrase(v, "agent") for v in (cue.root, *(c for c in cue.root.children if c.dep_ == "conj")))


def police_agent(cue: Span) -> bool:
    """ "arrested and charged by Massachusetts State Police", "when apprehended by a police K-9 unit": the police
    (and no immigration agency) make the arrest."""
    by = own_agent(cue)
    return bool(_POLICE.search(by)) and not IMMIGRATION_AGENT.search(by) and not BORDER.search(by)


def _for_a_charge(doc: Doc, cue: Span) -> bool:
    """ "taken into custody by HSI in or about 2021 for illegal reentry": the cue's "for" / "on" phrase
    holds a charge, however far from the cue, outside the clauses that modify its object ("on Jan. 5, 2020,
    when he was released from jail where he had been held for burglary" is no arrest for burglary)."""
    offenses = [s for s in doc.spans[SPANS_KEY] if s.label_ == "OFFENSE"]
    for prep in cue.root.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "on"):
            continue
        clauses = {t.i for c in prep.subtree if c.dep_ in _CLAUSE_DEPS and c != prep for t in c.subtree}
        phrase = {t.i for t in prep.subtree} - clauses
        if any(all(i in phrase for i in range(o.start, o.end)) for o in offenses):
            return True
    return False


def arrested_and_removed(cue: Span) -> bool:
    """ "was arrested and formally deported", "was eventually caught and deported by ICE": an arrest for removal, in
    immigration custody (and in "after having been previously arrested and deported", the illegal-reentry statute's
    words for a past removal)."""
    return cue.root.lemma_ in ("arrest", "catch") and any(
        c.dep_ == "conj" and c.lemma_ in ("deport", "remove", "exclude") for c in cue.root.children)


def removal_formula(cue: Span) -> bool:
    """ "after having been previously arrested and deported": the statute's formula, no event of its own."""
    before = cue.doc[max(sent_of(cue).start, cue.start - 4):cue.start].text
    return arrested_and_removed(cue) and bool(_PERFECT.search(before))

