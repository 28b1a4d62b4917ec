"""A "possible aggravated felony" note for one offense: 8 U.S.C. 1101(a)(43), (48)(A) and (48)(B).

Never a finding that an offense IS an aggravated felony: the categorical approach compares the
elements of the statute of conviction with the generic offense, which only a person with the
statute in hand can do. This module states which subparagraphs may be in play, what the record
says about the term of imprisonment and the conviction, and which record would settle the rest.
"""

from __future__ import annotations

from casefacts.rules import views
from casefacts.rules.model import OffenseInput

SUBPARAGRAPHS = {
    "A": "murder, rape, or sexual abuse of a minor",
    "B": "illicit trafficking in a controlled substance",
    "C": "trafficking in firearms or explosives",
    "D": "money laundering over $10,000",
    "E": "listed explosives and firearms offenses (e.g. 18 U.S.C. 922(g))",
    "F": "crime of violence with a term of imprisonment of at least 1 year",
    "G": "theft or burglary with a term of imprisonment of at least 1 year",
    "H": "demand for or receipt of ransom",
    "I": "child pornography",
    "J": "racketeering or gambling where a sentence of 1 year or more may be imposed",
    "K": "prostitution business or trafficking in persons",
    "L": "national defense, classified information, sabotage or treason",
    "M": "fraud or deceit with loss over $10,000, or tax evasion with revenue loss over $10,000",
    "N": "alien smuggling (first-offense family exception)",
    "O": "illegal entry or reentry after deportation following a conviction for another (43) offense",
    "P": "passport or document fraud with a term of at least 12 months (first-offense family exception)",
    "Q": "failure to appear for service of a sentence, the offense punishable by 5 years or more",
    "R": "commercial bribery, counterfeiting, forgery or vehicle trafficking with a term of at least 1 year",
    "S": "obstruction of justice, perjury or bribery of a witness with a term of at least 1 year",
    "T": "failure to appear on a felony charge punishable by 2 years or more",
    "U": "attempt or conspiracy to commit a listed offense",
}
TERM_LETTERS = frozenset("FGPRS")
ONE_YEAR_DAYS = 365
# The extractors count a month as 30 days, so "12 months" is 360 days: 360-364 days may be a
# 12-month sentence or a deliberately shorter one, and only the order itself tells.
BORDERLINE_DAYS = 360
_THRESHOLD_RECORDS = {
    "D": "amount of the funds laundered (over $10,000?)",
    "M": "loss to the victims or revenue loss (over $10,000?)",
    "J": "maximum sentence the statute of conviction allows (1 year or more?)",
    "Q": "maximum sentence of the underlying offense (5 years or more?)",
    "T": "maximum sentence of the underlying felony charge (2 years or more?)",
    "O": "whether a prior removal followed a conviction for another (43) offense",
}


def conviction_status(o: OffenseInput) -> str:
    """What 1101(a)(48)(A) makes of the disposition."""
    if o.disposition == "convicted":
        return "a conviction under 1101(a)(48)(A)"
    if o.disposition == "pleaded_guilty":
        return (
            "a plea of guilty: a conviction under 1101(a)(48)(A) when a judge ordered some punishment "
            "or restraint, even with adjudication withheld"
        )
    if o.disposition == "vacated":
        return (
            "vacated: no longer a conviction if vacated for a legal defect, still one if vacated for "
            "rehabilitation or to avoid immigration consequences; the reason decides"
        )
    if o.disposition == "expunged":
        return "expunged: generally still a conviction for immigration purposes; the reason should be recorded"
    if o.disposition in views.CLEARED:
        return f"{o.disposition}: not a conviction"
    return "no final disposition in the record: not (yet) a conviction"


def term_note(o: OffenseInput, letters: tuple[str, ...]) -> tuple[str, list[str]]:
    """The term of imprisonment against the 1-year thresholds, and what is missing to tell."""
    if not TERM_LETTERS & set(letters) or o.disposition in views.OPEN | views.CLEARED:
        return "", []
    days = o.sentence.custody_days if o.sentence else None
    if days is None:
        return (
            "term of imprisonment not in the record (the term ordered counts, suspended part included, 1101(a)(48)(B))",
            [views.sentence_request(o)],
        )
    suspended = o.sentence.suspended_days if o.sentence else None
    part = f", of which {suspended} days suspended" if suspended else ""
    if days >= ONE_YEAR_DAYS:
        verdict = "at least 1 year"
    elif days >= BORDERLINE_DAYS:
        return (
            f"term ordered {days} days{part}: 12 months or just under a year; the order decides",
            [f"the sentencing order for {views.label(o)} (12 months, or 360-364 days?)"],
        )
    else:
        verdict = "under 1 year"
    return f"term ordered {days} days{part} (suspended part included, 1101(a)(48)(B)): {verdict}", []


def analyse(o: OffenseInput) -> tuple[str, list[str]]:
    """One offense: candidate subparagraphs, term, conviction status; and the records missing."""
    letters = o.flags.agg_felony_candidates
    parts = [
        f"{views.label(o)}: may fall under " + "; ".join(f"({letter}) {SUBPARAGRAPHS[letter]}" for letter in letters)
    ]
    missing: list[str] = []
    term, term_missing = term_note(o, letters)
    if term:
        parts.append(term)
        missing += term_missing
    parts.append(conviction_status(o))
    if o.disposition in views.OPEN:
        missing.append(views.disposition_request(o))
    if o.disposition == "vacated":
        missing.append(f"the reason {o.charge} was vacated (legal defect or rehabilitation)")
    missing += [f"{_THRESHOLD_RECORDS[letter]} for {o.charge}" for letter in letters if letter in _THRESHOLD_RECORDS]
    if o.statute is None:
        missing.append(f"statute of conviction for {o.charge}")
    return "; ".join(parts) + ".", missing
