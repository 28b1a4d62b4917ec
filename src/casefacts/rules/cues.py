"""Offense cues the rules use when the offense classifier's category is absent (data, not logic).

Three tables, read by :mod:`casefacts.rules.offense_flags`:

* ``STATUTE_CUES``: statutes whose number says what the offense is (``8 U.S.C. 1326`` is
  illegal reentry wherever it appears). Keys are a normalized code (letters and digits of
  ``Statute.code``, lower case) and a section prefix; a prefix matches a section that equals it
  or continues with a subsection, so ``922(g)`` matches ``922(g)(1)`` and ``893.13`` does not
  match ``893.135``.
* ``KEYWORD_CUES``: the fallback when no usable category exists: regular expressions over the
  charge as written (rap-sheet abbreviations included), each with the flags and the
  1101(a)(43) subparagraph letters it suggests. ``unless`` suppresses a cue (``TERRORISTIC
  THREATS`` is a threat offense, not terrorism).
* ``LITERAL_CUES``: words that state a fact about the offense whatever its category (a deadly
  weapon, an injury, an attempt, a gang-participation element, a dispersal order) and so apply
  even when the classifier has spoken.

Every flag set here is a reason for a person to look, never a finding by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    name: str
    pattern: re.Pattern[str]
    flags: frozenset[str]
    letters: tuple[str, ...] = ()
    unless: re.Pattern[str] | None = None

    def matches(self, text: str) -> bool:
        return bool(self.pattern.search(text)) and not (self.unless and self.unless.search(text))


def _cue(name: str, pattern: str, flags: str = "", letters: str = "", unless: str | None = None) -> Cue:
    return Cue(
        name,
        re.compile(pattern, re.IGNORECASE),
        frozenset(flags.split()),
        tuple(letters.split()),
        re.compile(unless, re.IGNORECASE) if unless else None,
    )


_DRUG = r"(?:\bCS\b|CONTROLLED|NARC|COCAINE|HEROIN|METH|MARIJUANA|CANNABIS|FENTANYL|DRUG|SUBST|OPIUM)"
_TRADE = (
    r"(?:SALE|SELL|TRAFFICK|DISTRIB|DELIVER|\bDEL\b|MANUFACT|INTENT TO|\bW/?I\b|TRANSPORT|IMPORT|"
    r"PWID|CULTIVAT)"
)
_DOCS = r"(?:DOCS?\b|DOCUMENTS?|VISAS?|PASSPORTS?|PERMITS?|IMMIG|GREEN CARD)"

KEYWORD_CUES: tuple[Cue, ...] = (
    _cue(
        "terrorism_national_security",
        r"TERRORIS[MT]|MATERIAL SUPPORT|ESPIONAGE|\bSPY(ING)?\b|SABOTAGE|TREASON|CLASSIFIED INFORMATION|"
        r"NATIONAL DEFENSE INFORMATION|MASS DESTRUCTION",
        "national_security sophisticated",
        "L",
        unless=r"TERRORISTIC THREAT|TERRORIST THREAT|STREET TERRORISM",
    ),
    _cue(
        "vehicular_homicide",
        r"VEHICULAR (HOMICIDE|MANSLAUGHTER)|HOMICIDE BY VEHICLE|INTOXICATION MANSLAUGHTER",
        "harm",
    ),
    _cue(
        "murder",
        r"\bMURDER|\bHOMICIDE",
        "violent harm",
        "A",
        unless=r"VEHICULAR|BY VEHICLE|NEGLIGENT HOMICIDE",
    ),
    _cue(
        "manslaughter",
        r"MANSLAUGHTER|NEGLIGENT HOMICIDE",
        "violent harm",
        "F",
        unless=r"VEHICULAR|INTOXICATION",
    ),
    _cue("kidnapping", r"KIDNAP|ABDUCT|FALSE IMPRISONMENT|UNLAWFUL RESTRAINT", "violent harm", "F"),
    _cue("ransom", r"RANSOM", "violent", "H"),
    _cue("statutory_rape", r"STATUTORY RAPE|UNLAWFUL SEXUAL INTERCOURSE", "sexual against_child", "A"),
    _cue("rape", r"\bRAPE", "violent sexual harm", "A", unless=r"STATUTORY RAPE"),
    _cue(
        "child_sexual_abuse",
        r"LEWD|MOLEST|SEXUAL ABUSE OF A (MINOR|CHILD)|INDECENT LIBERTIES",
        "sexual against_child harm",
        "A",
    ),
    _cue(
        "sexual_assault",
        r"SEXUAL (ASSAULT|BATTERY)|SODOMY|FORCIBLE|GROSS SEXUAL",
        "violent sexual harm",
        "A F",
    ),
    _cue(
        "child_sexual_exploitation",
        r"CHILD PORN|SEXUAL EXPLOITATION OF (A )?(CHILD|MINOR)|OBSCEN\w* .{0,20}MINOR",
        "sexual against_child",
        "I A",
    ),
    _cue(
        "human_trafficking",
        r"HUMAN TRAFFICK|TRAFFICKING IN PERSONS|SEX TRAFFICK|PEONAGE|FORCED LABOR",
        "violent sophisticated harm",
        "K",
    ),
    _cue("promoting_prostitution", r"PIMP|PANDER|PROMOT\w* PROSTITUTION|BROTHEL", "sexual sophisticated", "K"),
    _cue("robbery", r"ROBB|CARJACK", "violent harm", "F G"),
    _cue(
        "aggravated_assault",
        r"AGG(RAVATED|\.)? ?(ASSAULT|ASLT|BATTERY|BATT)|\bADW\b|ASSAULT W(/|ITH) ?(A )?DEADLY|ASLT W/ ?DW|"
        r"ASSAULT (1ST|2ND|FIRST|SECOND)|MAYHEM|STRANGUL",
        "violent harm",
        "F",
    ),
    _cue(
        "domestic_violence",
        r"DOMESTIC|\bDV\b|SPOUS|FAMILY (MEMBER|VIOLENCE)|COHABITANT|DATING (PARTNER|VIOLENCE)",
        "violent domestic_violence harm",
        "F",
        unless=r"PROTECTIVE ORDER|RESTRAINING ORDER",
    ),
    _cue("protective_order_violation", r"(PROTECTIVE|RESTRAINING|PROTECTION) ORDER", "domestic_violence"),
    _cue(
        "child_abuse",
        r"CHILD (ABUSE|ENDANGER|CRUELTY)|ENDANGERING (THE )?WELFARE OF A CHILD|\bEWOC\b|"
        r"INJURY TO A CHILD",
        "violent against_child harm",
        "F",
    ),
    _cue("assault", r"ASSAULT|\bASLT\b|BATTERY|\bBATT\b|CORP(ORAL)? INJ", "violent harm", "F"),
    _cue("threats", r"(CRIMINAL|TERRORISTIC|TERRORIST) THREAT|MENACING|INTIMIDAT", "violent", "F"),
    _cue("arson", r"ARSON", "harm", "E F"),
    _cue("burglary", r"BURG", "", "G"),
    _cue("motor_vehicle_theft", r"(AUTO|VEHICLE|\bCAR) THEFT|\bGTA\b|CHOP SHOP|ALTER\w* VIN", "", "G R"),
    _cue("theft", r"THEFT|LARC|SHOPLIFT|\bPETTY\b|\bPETIT\b", "", "G", unless=r"IDENTITY THEFT"),
    _cue("stolen_property", r"STOLEN|\bCPSP\b|\bRSP\b", "", "G"),
    _cue(
        "immigration_document_fraud",
        rf"(FRAUD|FALSE|FORGED|COUNTERFEIT|MISUSE)\w*.{{0,30}}{_DOCS}|PASSPORT",
        "immigration sophisticated",
        "P",
    ),
    _cue(
        "fraud",
        r"FRAUD|DECEIT|FALSE PRETEN|IDENTITY THEFT|SCHEME TO DEFRAUD",
        "sophisticated",
        "M",
        unless=rf"(FRAUD|FALSE|FORGED|COUNTERFEIT|MISUSE)\w*.{{0,30}}{_DOCS}",
    ),
    _cue(
        "forgery_counterfeiting",
        r"FORG|COUNTERFEIT|UTTERING|\bCPFI\b",
        "sophisticated",
        "R",
        unless=rf"(FORGED|COUNTERFEIT)\w*.{{0,30}}{_DOCS}",
    ),
    _cue("embezzlement", r"EMBEZZL", "sophisticated", "G M"),
    _cue("money_laundering", r"LAUNDER", "sophisticated", "D"),
    _cue("tax_offense", r"TAX EVASION|EVAD\w* .{0,15}TAX", "sophisticated", "M"),
    _cue(
        "drug_trafficking",
        rf"{_TRADE}.{{0,40}}{_DRUG}|{_DRUG}.{{0,40}}{_TRADE}|TRAFFICKING",
        "drug_trafficking sophisticated",
        "B",
        unless=r"HUMAN TRAFFICK|TRAFFICKING IN PERSONS|SEX TRAFFICK|(FIREARM|WEAPON|GUN)S? TRAFFICK|STOLEN",
    ),
    _cue(
        "firearm_trafficking",
        r"(FIREARM|WEAPON|GUN)S? TRAFFICK|DEAL\w* (IN )?FIREARMS",
        "firearm weapon",
        "C",
    ),
    _cue(
        "firearm_prohibited",
        r"FELON\w* (IN )?POSS|POSS\w* .{0,25}BY (A )?FELON|PROHIBITED PERSON",
        "firearm weapon",
        "E",
    ),
    _cue(
        "firearm",
        r"FIREARM|\bGUNS?\b|HANDGUN|PISTOL|RIFLE|SHOTGUN|AMMUNITION|\bCPW\b|"
        r"CRIM\w* POSS\w* (OF )?(A )?WEAPON",
        "firearm weapon",
    ),
    _cue("explosive", r"EXPLOSIVE|DESTRUCTIVE DEVICE|\bBOMB", "weapon", "E"),
    _cue("failure_to_appear", r"FAIL\w* TO APPEAR|\bFTA\b|BAIL JUMP", "", "T Q"),
    _cue(
        "obstruction_justice",
        r"OBSTRUCT\w* (OF )?JUSTICE|PERJURY|(TAMPER|BRIB)\w* .{0,15}WITNESS|DISSUAD",
        "",
        "S",
    ),
    _cue("bribery", r"BRIB", "", "R S", unless=r"(TAMPER|BRIB)\w* .{0,15}WITNESS"),
    _cue(
        "illegal_entry_reentry",
        r"ILLEGAL (RE-?)?ENTRY|IMPROPER ENTRY|\bEWI\b|RE-?ENTRY|RE-?ENTER|"
        r"ENTRY WITHOUT INSPECTION|REMOVED ALIEN|AFTER DEPORT",
        "immigration",
        "O",
    ),
    _cue(
        "alien_smuggling",
        r"SMUGGL\w* .{0,20}ALIEN|ALIEN SMUGGL|(TRANSPORT|HARBOR|SHIELD)\w* .{0,25}ALIENS?",
        "immigration sophisticated",
        "N",
    ),
    _cue("gambling", r"GAMBL|BOOKMAK", "sophisticated", "J"),
    _cue(
        "gang_racketeering",
        r"RACKETEER|\bRICO\b|\bGANG\b|STREET TERRORISM|ORGANI[SZ]ED CRIM|CRIMINAL ENTERPRISE|"
        r"ENTERPRISE CORRUPTION|TRANSNATIONAL CRIMINAL",
        "gang sophisticated",
        "J",
    ),
)

LITERAL_CUES: tuple[Cue, ...] = (
    _cue("weapon_stated", r"WEAPON|\bWPN\b|KNIFE|DEADLY|\bD/?W\b|\bADW\b|\bARMED|FIREARM|\bGUN", "weapon"),
    _cue("injury_stated", r"INJURY|BODILY|\bGBI\b|DEATH|WOUND|MAIM|MAYHEM", "harm"),
    _cue(
        "gang_participation_stated",
        r"PARTICIPAT\w* (IN )?(A )?(CRIMINAL )?(STREET )?GANG|ACTIVE PARTICIPATION|STREET TERRORISM|"
        r"ORGANIZED CRIMINAL ACTIVITY",
        "gang gang_participation_element",
    ),
    _cue("dispersal_stated", r"UNLAWFUL ASSEMBLY|FAIL\w* TO DISPERSE|REFUS\w* TO DISPERSE", "demonstration"),
)

ATTEMPT_OR_CONSPIRACY = re.compile(r"\bATT(EMPT\w*)?\b|\bCONSP\w*|SOLICIT", re.IGNORECASE)


@dataclass(frozen=True)
class StatuteCue:
    code: str
    section: str
    flags: frozenset[str]
    letters: tuple[str, ...] = ()


def _st(code: str, sections: str, flags: str = "", letters: str = "") -> tuple[StatuteCue, ...]:
    return tuple(StatuteCue(code, s, frozenset(flags.split()), tuple(letters.split())) for s in sections.split())


STATUTE_CUES: tuple[StatuteCue, ...] = (
    # Federal: immigration (8 U.S.C.)
    *_st("8usc", "1325 1326", "immigration", "O"),
    *_st("8usc", "1324", "immigration sophisticated", "N"),
    # Federal: crimes (18 U.S.C.)
    *_st("18usc", "521", "gang gang_participation_element"),
    *_st("18usc", "1961 1962 1963", "gang sophisticated", "J"),
    *_st("18usc", "922(g) 922(n) 924(c)", "firearm weapon", "E"),
    *_st("18usc", "922(a)(1)", "firearm weapon", "C"),
    *_st("18usc", "844 2332a", "weapon", "E"),
    *_st("18usc", "1542 1543 1544 1546", "immigration sophisticated", "P"),
    *_st("18usc", "1956 1957", "sophisticated", "D"),
    *_st("18usc", "1028 1341 1343 1344", "sophisticated", "M"),
    *_st("18usc", "2339 2339a 2339b 2339c 2332b 2381 2153", "national_security sophisticated", "L"),
    *_st("18usc", "793 794 798", "national_security", "L"),
    *_st("18usc", "2251 2252 2252a", "sexual against_child", "I A"),
    *_st("18usc", "1589 1590 1591", "violent sophisticated harm", "K"),
    *_st("18usc", "1503 1512 1621", "", "S"),
    *_st("18usc", "3146", "", "T Q"),
    *_st("18usc", "2113", "violent", "F G"),
    *_st("18usc", "111", "violent", "F"),
    *_st("21usc", "841 846 952 960 963", "drug_trafficking sophisticated", "B"),
    # California
    *_st("pc", "186.22", "gang gang_participation_element"),
    *_st("pc", "187", "violent harm", "A"),
    *_st("pc", "192", "violent harm", "F"),
    *_st("pc", "211 215", "violent harm", "F G"),
    *_st("pc", "245(a)(1) 245(a)(2) 245(b)", "violent weapon harm", "F"),
    *_st("pc", "245 243 242 422", "violent", "F"),
    *_st("pc", "273.5 243(e)", "violent domestic_violence harm", "F"),
    *_st("pc", "261", "violent sexual harm", "A"),
    *_st("pc", "288", "sexual against_child harm", "A"),
    *_st("pc", "459 484 487 488 496", "", "G"),
    *_st("pc", "470 476", "sophisticated", "R"),
    *_st("pc", "29800 25850 25400", "firearm weapon", "E"),
    *_st("pc", "1320 1320.5", "", "T Q"),
    *_st("pc", "407 408 409", "demonstration"),
    *_st("hsc", "11351 11352 11359 11360 11378 11379", "drug_trafficking sophisticated", "B"),
    # New York
    *_st("penallaw", "460.20", "gang sophisticated", "J"),
    *_st("penallaw", "120.05 120.10", "violent harm", "F"),
    *_st("penallaw", "120.00", "violent", "F"),
    *_st("penallaw", "160", "violent", "F G"),
    *_st("penallaw", "140.20 140.25 140.30 155 165.40 165.45 165.50 165.52 165.54", "", "G"),
    *_st("penallaw", "170", "sophisticated", "R"),
    *_st("penallaw", "220.31 220.34 220.39 220.41 220.43", "drug_trafficking sophisticated", "B"),
    *_st("penallaw", "265.01 265.02 265.03 265.04", "firearm weapon", "E"),
    *_st("penallaw", "240.10", "demonstration"),
    # Florida
    *_st("flastat", "874.04 874.05", "gang gang_participation_element"),
    *_st("flastat", "893.13(1)(a) 893.135", "drug_trafficking sophisticated", "B"),
    *_st("flastat", "790.23", "firearm weapon", "E"),
    *_st("flastat", "784.021", "violent weapon", "F"),
    *_st("flastat", "784.03", "violent", "F"),
    *_st("flastat", "812.13", "violent", "F G"),
    *_st("flastat", "810.02 812.014 812.019", "", "G"),
    *_st("flastat", "831.01", "sophisticated", "R"),
    # Texas
    *_st("texpenalcode", "71.02", "gang gang_participation_element sophisticated"),
    *_st("texpenalcode", "22.02", "violent harm", "F"),
    *_st("texpenalcode", "22.01", "violent", "F"),
    *_st("texpenalcode", "29.02 29.03", "violent", "F G"),
    *_st("texpenalcode", "30.02 31.03", "", "G"),
    *_st("texpenalcode", "32.21", "sophisticated", "R"),
    *_st("texpenalcode", "46.04", "firearm weapon", "E"),
    *_st("texhealthsafetycode", "481.112 481.113 481.120", "drug_trafficking sophisticated", "B"),
)

# A federal title citation inside a charge, for offenses whose statute field is empty.
FEDERAL_CITE = re.compile(
    r"\b(\d{1,2})\s*U\.?\s?S\.?\s?C\.?A?\s*(?:§+\s*)?(\d+[a-z]?(?:\([a-z0-9]+\))*)", re.IGNORECASE
)
