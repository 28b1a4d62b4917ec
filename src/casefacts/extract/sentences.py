"""Sentence strings ("365D JAIL 300D SUSP, 3Y PROB", "sentenced to 18 months in prison",
"FINE $500") parsed into a :class:`Sentence`.

The units, number words and cues are data (``extractors/sentence_cues.yaml``). A duration is
classified by the nearest cue (a following cue first: "365D JAIL", then a preceding one:
"probation for 3 years"); a suspended duration without its own custody cue is the suspended
part of the custody term. The custody term includes its suspended part, as 8 U.S.C.
1101(a)(48)(B) counts it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from casefacts.schema import Sentence

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_WORD_NUMBER = (
    r"(?:" + "|".join(_TENS) + r")(?:[\s\-](?:" + "|".join(_UNITS_1_9) + r"))?|"
    + "|".join(sorted((w for w in NUMBER_WORDS if w not in _TENS), key=len, reverse=True))
)
# Digits may touch their unit ("365D"); a number word needs a space or hyphen ("an" + "d" is "and").
_NUMBER = (
    r"(?:(?P<num>\d{1,4}(?:\.\d+)?)\s*(?:-\s*)?"
    r"|(?P<word>" + _WORD_NUMBER + r")(?:\s*\((?P<paren>\d{1,4})\))?(?:\s+|-))"
)
_MONEY = re.compile(r"\$\s?(?P<amount>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<cents>\d{2}))?")
_FINE_NO_SIGN = re.compile(r"\bfine[sd]?\s*:?\s*(?P<amount>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<cents>\d{2}))?\b",
                           re.IGNORECASE)
_ALL_BUT = re.compile(r"\ball but\s+$", re.IGNORECASE)
_BARE_SUSPENDED = re.compile(r"[\s,]*(?:with\s+)?(?P<n>\d{1,3}|[a-z]+)\s+(?:suspended|susp)\b", re.IGNORECASE)
WINDOW = 24  # characters around a duration searched for its cue


@dataclass(frozen=True)
class Duration:
    start: int
    end: int
    days: int
    role: str | None  # custody, probation, suspended, other, or None


def _words(items: list[str]) -> str:
    return r"\b(?:" + "|".join(sorted(items, key=len, reverse=True)) + r")\b"


def _number_value(m: re.Match[str]) -> float:
    if m.group("num"):
        return float(m.group("num"))
    if m.group("paren"):
        return float(m.group("paren"))
    return float(sum(NUMBER_WORDS[p] for p in re.split(r"[\s\-]", m.group("word").lower())))


class SentenceGrammar:
    """Parses sentence strings with the units and cues of ``sentence_cues.yaml``."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.unit_days: dict[str, int] = dict(config["unit_days"])
        unit_of: dict[str, str] = {}
        for unit, spellings in config["units"].items():
            for spelling in spellings:
                unit_of[spelling.lower()] = unit
        self._unit_of = unit_of
        units = "|".join(sorted(map(re.escape, unit_of), key=len, reverse=True))
        self._duration = re.compile(
            rf"(?<![\w$.,]){_NUMBER}(?P<unit>{units})(?:\(s\))?\b\.?", re.IGNORECASE)
        self._cues = {role: re.compile(_words(words), re.IGNORECASE) for role, words in config["cues"].items()}
        self._fine_cue = re.compile(_words(config["fine"]["cues"]), re.IGNORECASE)
        self._fine_exclude = re.compile(_words(config["fine"]["exclude"]), re.IGNORECASE)
        self._time_served = re.compile(_words(config["time_served"]), re.IGNORECASE)
        self._sentence_verbs = re.compile(_words(config["sentence_verbs"]), re.IGNORECASE)

    # ------------------------------------------------------------------ durations

    def durations(self, text: str) -> list[Duration]:
        """Durations in ``text`` with their role; "1 year and 6 months" is one duration."""
        raw = []
        for m in self._duration.finditer(text):
            unit = self._unit_of[m.group("unit").lower()]
            size = self.unit_days[unit]
            raw.append([m.start(), m.end(), round(_number_value(m) * size), size])
        merged: list[list[int]] = []
        for item in raw:  # "1 year and 6 months", "2 years, 3 months": a larger unit, then a smaller
            if (merged and item[3] < merged[-1][3]
                    and re.fullmatch(r"\s*(?:,|and|,\s*and)?\s*", text[merged[-1][1]:item[0]])):
                merged[-1][1:] = [item[1], merged[-1][2] + item[2], item[3]]
            else:
                merged.append(item)
        after_roles, before_roles = [], []
        for i, (start, end, _, _) in enumerate(merged):
            prev_end = merged[i - 1][1] if i else 0
            next_start = merged[i + 1][0] if i + 1 < len(merged) else len(text)
            after = re.split(r"[;,(]|\band\b", text[end:min(next_start, end + WINDOW)], maxsplit=1)[0]
            after = _SENTENCE_NOUN.sub("", after)  # "his 18-month sentence imposed after ...": the term itself
            before = re.split(r"[;,)]", text[max(prev_end, start - WINDOW):start])[-1]
            after_roles.append(self._first_role(after))
            before_roles.append(self._last_role(before))
        # Records put cues either after terms ("365D JAIL 300D SUSP") or before them ("CONF 2 YRS
        # SUSP 1 YRS"); the reading that labels more terms decides which, the other fills gaps.
        after_first = sum(r is not None for r in after_roles) >= sum(r is not None for r in before_roles)
        primary, fallback = (after_roles, before_roles) if after_first else (before_roles, after_roles)
        return [Duration(start, end, days, primary[i] or fallback[i])
                for i, (start, end, days, _) in enumerate(merged)]

    def _first_role(self, text: str) -> str | None:
        hits = self._roles_in(text)
        return hits[0][1] if hits else None

    def _last_role(self, text: str) -> str | None:
        hits = self._roles_in(text)
        return hits[-1][1] if hits else None

    def _roles_in(self, text: str) -> list[tuple[int, str]]:
        hits = []
        for role, pattern in self._cues.items():
            hits += [(m.start(), role) for m in pattern.finditer(text)]
        return sorted(hits)

    # --------------------------------------------------------------------- fines

    def fine(self, text: str) -> float | None:
        """The fine ordered: an amount whose nearest money cue is a fine cue ("FINE $500")."""
        for m in _MONEY.finditer(text):
            if self._nearest_money_cue(text, m) == "fine":
                return _money(m)
        m = _FINE_NO_SIGN.search(text)
        return _money(m) if m else None

    def _nearest_money_cue(self, text: str, m: re.Match[str]) -> str | None:
        best: tuple[int, str] | None = None
        lo, hi = max(0, m.start() - WINDOW), min(len(text), m.end() + WINDOW)
        for kind, pattern in (("fine", self._fine_cue), ("other", self._fine_exclude)):
            for cue in pattern.finditer(text, lo, hi):
                between = text[cue.end():m.start()] if cue.end() <= m.start() else text[m.end():cue.start()]
                if re.search(r"[.;]\s", between):
                    continue  # a cue of another sentence ("assessment: $100.00. Fine: waived.")
                distance = len(between)
                if best is None or distance < best[0]:
                    best = (distance, kind)
        return best[1] if best else None

    # ------------------------------------------------------------------ sentence

    def parse(self, text: str, assume_custody: bool = False) -> Sentence | None:
        """The sentence a text states, or None when it states none.

        ``assume_custody``: an unlabelled duration is a custody term (a SENTENCE column, or
        "sentenced to 18 months").
        """
        durations = [d for d in self.durations(text) if not _NOT_IMPOSED.search(text, max(0, d.start - 40), d.start)]
        if not assume_custody and self._sentence_verbs.search(text):
            assume_custody = True
        custody = suspended = probation = None
        partly_suspended = any(d.role == "suspended" for d in durations)
        for d in durations:
            role = d.role or ("custody" if assume_custody else None)
            if role == "custody" and custody is None:
                custody = d.days
                if not partly_suspended and self._suspended_right_after(text, d):
                    suspended = d.days
                elif not partly_suspended:
                    suspended = self._bare_suspended(text, d)
            elif role == "suspended" and suspended is None:
                suspended = d.days
                if custody is not None and _ALL_BUT.search(text[max(0, d.start - 12):d.start]):
                    suspended = max(0, custody - d.days)  # "365 days, all but 30 days suspended"
            elif role == "probation" and probation is None:
                probation = d.days
        fine = self.fine(text)
        time_served = bool(self._time_served.search(text))
        if custody is None and suspended is not None:
            custody = suspended
        is_suspended = suspended is not None or bool(re.search(r"\bsuspended sentence\b|\bsentence\b.{0,20}"
                                                                r"\bsuspended\b", text, re.I))
        if custody is None and probation is None and fine is None and not time_served:
            return None
        return Sentence(custody_days=custody, suspended_days=suspended, probation_days=probation, fine=fine,
                        suspended=is_suspended, time_served=time_served, text=text.strip())

    def _bare_suspended(self, text: str, d: Duration) -> int | None:
        """ "5 years, 3 suspended": a bare number right after the term, in the term's unit."""
        m = _BARE_SUSPENDED.match(text, d.end)
        units = list(self._duration.finditer(text, d.start, d.end))
        if m is None or not units:
            return None
        size = self.unit_days[self._unit_of[units[-1].group("unit").lower()]]
        n = int(m.group("n")) if m.group("n").isdigit() else NUMBER_WORDS.get(m.group("n").lower())
        return n * size if n is not None and n * size <= d.days else None

    def _suspended_right_after(self, text: str, d: Duration) -> bool:
        tail = text[d.end:d.end + WINDOW]
        tail = re.split(r"[;]|\d", tail, maxsplit=1)[0]
        return bool(self._cues["suspended"].search(tail))


# a term the law allows or the guidelines advise, not the one imposed: "subject to a maximum sentence of 20 years",
# "faces up to 10 years", "a guidelines range of 41 to 51 months"
_NOT_IMPOSED = re.compile(r"\b(?:maximum|minimum|up to|faces?|facing|range of|guidelines? (?:range|sentence))\b"
                          r"[^.;,]*$", re.IGNORECASE)
_SENTENCE_NOUN = re.compile(r"^[\s\-]*(?:prison\s+)?sentences?\b.*", re.IGNORECASE | re.DOTALL)


def _money(m: re.Match[str]) -> float:
    value = float(m.group("amount").replace(",", ""))
    if m.group("cents"):
        value += int(m.group("cents")) / 100
    return value
