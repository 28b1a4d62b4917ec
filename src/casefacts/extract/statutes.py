"""Statute citations ("8 U.S.C. § 1326(a)", "PC 459", "11350(a) HS", "N.Y. Penal Law § 140.25").

A statute normalizes to (jurisdiction, code, section): ``US``, ``8 U.S.C.`` (the title stays with the
code, as ``casefacts.rules`` matches codes by their letters and digits), ``1326(a)``; ``text`` is the
citation as written, with any further sections of the same code ("and Section 1326(b)(1)").

The codes and the ways records write them are data (``extractors/statute_codes.yaml``); this
module compiles them into one grammar and finds citations in a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from casefacts.schema import Statute

# a subsection in parentheses, not the code's edition year ("8 U.S.C. § 1326(b)(2) (1994)")
_SUBSECTION = r"\((?!(?:1[89]|20)\d\d\))[A-Za-z0-9]{1,5}\)"
SECTION = rf"\d+[A-Z]?(?:[.\-:/]\d+[A-Z]?)*(?:\s?{_SUBSECTION})*"
_SECTION_END = r"(?![\w]|\([A-Za-z0-9])"  # "§ 709.11(“Iowa conviction”)": a quote after a parenthesis ends it
_SIGN = r"(?:§(?:\s?§)?\s*|sec(?:tions?|s?\.)\s*|s\.\s*)?"  # "§ § 1326(a)": a spaced §§
# Further sections of the same code ("1326(a) and Section 1326(b)(1)", "1326(a) and (b)(2)"): part of
# the citation as written; ``section`` keeps the first one.
_MORE_SECTIONS = re.compile(rf"(?:\s*(?:,|and|or|&)\s*(?:§§?\s*|sec(?:tions?|s?\.)\s*)?(?:\d+[A-Z]?)?"
                            rf"(?:{_SUBSECTION})+)+{_SECTION_END}", re.IGNORECASE)
# after a plural sign, further sections need no parenthesis: "18 U.S.C. §§ 2 and 1546", "sections 1326(a) and 1326(b)"
_MORE_LISTED = re.compile(rf"(?:\s*(?:,|and|&|,\s*and)\s*\d+[A-Z]?(?:[.\-]\d+[A-Z]?)*(?:{_SUBSECTION})*)+"
                          rf"{_SECTION_END}", re.IGNORECASE)
_PLURAL_SIGN = re.compile(r"§§|\bsections\b|\bsecs\.", re.IGNORECASE)
FORMS = ("code_section", "section_code", "title_code", "section_of")
_SIGNED = re.compile(rf"(?<![\w.])(?P<code>(?:[A-Z][A-Za-z.&]*\.?\s){{1,6}}?)§§?\s*(?P<section>{SECTION})"
                     rf"{_SECTION_END}")


@dataclass(frozen=True)
class CodeSpec:
    code: str
    jurisdiction: str | None
    forms: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class StatuteMatch:
    start: int
    end: int
    statute: Statute


class StatuteGrammar:
    """Finds statute citations with the codes of a statute table."""

    def __init__(self, specs: Iterable[CodeSpec], state_prefixes: Mapping[str, str] | None = None) -> None:
        self.specs = list(specs)
        self._states = [(re.compile(rf"^(?:{p})(?!\w)", re.IGNORECASE), code)
                        for p, code in (state_prefixes or {}).items()]
        # One alternation per form; each alias gets a named group so the match tells its code.
        self._alias_index: dict[str, CodeSpec] = {}
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        for form in ("title_code", "section_of", "code_section", "section_code"):
            aliases = []
            for i, spec in enumerate(self.specs):
                if form in spec.forms:
                    for j, alias in enumerate(spec.aliases):
                        aliases.append((len(alias), f"(?P<c{i}_{j}>{alias})", f"c{i}_{j}", spec))
            if not aliases:
                continue
            aliases.sort(key=lambda a: -a[0])
            for _, _, group, spec in aliases:
                self._alias_index[group] = spec
            code = "(?:" + "|".join(a[1] for a in aliases) + ")"
            self._patterns.append((form, re.compile(_form_regex(form, code), re.IGNORECASE)))

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> StatuteGrammar:
        specs = []
        for entry in config["codes"]:
            forms = tuple(entry["forms"])
            unknown = set(forms) - set(FORMS)
            if unknown:
                raise ValueError(f"statute code {entry['code']!r}: unknown forms {sorted(unknown)}")
            specs.append(CodeSpec(entry["code"], entry.get("jurisdiction"), forms, tuple(entry["aliases"])))
        return cls(specs, config.get("state_prefixes"))

    def find(self, text: str) -> list[StatuteMatch]:
        """Citations in ``text``, left to right, without overlaps (earlier forms win).

        A citation of a code the table does not know is found by its section sign.
        """
        found: list[StatuteMatch] = []
        for form, pattern in self._patterns:
            for m in pattern.finditer(text):
                if any(m.start() < f.end and f.start < m.end() for f in found):
                    continue
                statute = self._statute(form, m)
                more = _MORE_SECTIONS.match(text, m.end())
                if more is None and _PLURAL_SIGN.search(m.group(0)):
                    more = _MORE_LISTED.match(text, m.end())
                end = more.end() if more else m.end()
                found.append(StatuteMatch(m.start(), end, statute.model_copy(update={"text": text[m.start():end]})))
        for m in _SIGNED.finditer(text):
            if not any(m.start() < f.end and f.start < m.end() for f in found):
                code = m.group("code").strip()
                found.append(StatuteMatch(m.start(), m.end(), Statute(
                    jurisdiction=self.jurisdiction_of(code), code=code, section=m.group("section"),
                    text=m.group(0))))
        return sorted(found, key=lambda f: f.start)

    def parse_cell(self, text: str) -> Statute | None:
        """The statute a table cell holds; the cell text as written is the citation."""
        cell = " ".join(text.split())
        if not cell:
            return None
        found = self.find(cell)
        if found:
            statute = found[0].statute
            return statute.model_copy(update={"text": cell})
        m = re.fullmatch(rf"(?P<code>.*?)[\s,]*(?:§§?|sec(?:tion|\.)?)?\s*(?P<section>{SECTION})", cell, re.IGNORECASE)
        if m and m.group("code"):
            code = m.group("code").strip()
            return Statute(jurisdiction=self.jurisdiction_of(code), code=code, section=m.group("section"), text=cell)
        return Statute(text=cell)

    def jurisdiction_of(self, code: str) -> str | None:
        return next((state for pattern, state in self._states if pattern.search(code)), None)

    def _statute(self, form: str, m: re.Match[str]) -> Statute:
        group = next(name for name, value in m.groupdict().items() if value and name in self._alias_index)
        spec = self._alias_index[group]
        code = f"{m.group('title')} {spec.code}" if form == "title_code" else spec.code
        section = re.sub(r"\s+\(", "(", m.group("section"))
        return Statute(jurisdiction=spec.jurisdiction, code=code, section=section, text=m.group(0))


def _form_regex(form: str, code: str) -> str:
    section = f"(?P<section>{SECTION})"
    if form == "title_code":
        return rf"(?<![\w.])(?:Title\s+)?(?P<title>\d{{1,3}}),?\s+{code},?\s*{_SIGN}{section}{_SECTION_END}"
    if form == "section_of":
        listed = rf"(?:\s*(?:,|,?\s*and|&)\s*{SECTION})*"  # "sections 193.330 and 205.275 of the ..."
        return rf"(?<![\w.])(?:§§?|sec(?:tions?|\.))\s*{section}{listed},?\s+of\s+(?:the\s+)?{code}(?!\w)"
    if form == "code_section":
        return rf"(?<![\w.]){code},?\s*{_SIGN}{section}{_SECTION_END}"
    # section_code: a bare number then the code; the number must not be a count or a date part.
    return rf"(?<![\w.§/\-]){_SIGN}{section}\s?(?:-\s?)?{code}(?![\w&])"
