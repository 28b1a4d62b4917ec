"""Community ties: every kind, family details, negation and hypotheses."""

from __future__ import annotations

import pytest

from .helpers import affirmed

HEADER = "RE: Carmen Portillo Salazar\n\n"


def _ties(extract, text: str) -> list[tuple[str, dict]]:
    return [(t.tie_kind, t.details) for t in affirmed(extract(HEADER + text), "community_tie")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Carmen's three children are permanent residents of the United States.",
     [("family", {"relation": "child", "status": "lpr", "count": 3})]),
    ("She has two U.S. citizen children who depend on her.",
     [("family", {"relation": "child", "status": "us_citizen", "count": 2})]),
    ("TRAN CABRERA's brother is a lawful permanent resident.", []),  # not the subject's name
    ("Her brother is a lawful permanent resident.", [("family", {"relation": "sibling", "status": "lpr"})]),
    ("She also cares for her elderly father, who is an American citizen.",
     [("family", {"relation": "parent", "status": "us_citizen"})]),
    ("She has been a resident of Brooklyn since 2007.", [("residence", {"since": 2007})]),
    ("She has made her home in Brooklyn for eighteen years.", [("residence", {"years": 18})]),
    ("Carmen moved to Orlando in 2012 and has lived here ever since.", [("residence", {"since": 2012})]),
    ("Carmen came to this country in the summer of 1963 and has since continuously resided here.",
     [("residence", {"since": 1963})]),
    ("Tri-County Dairy has employed Carmen since 2009.", [("employment", {"employer": "Tri-County Dairy"})]),
    ("She works as a drywall installer for Premier Drywall Inc. and is well liked.",
     [("employment", {"employer": "Premier Drywall Inc."})]),
    ("She served in the U.S. Army for four years.", [("military", {"branch": "U.S. Army"})]),
    ("Her brother serves in the U.S. Air Force.", [("military", {"branch": "U.S. Air Force", "relation": "brother"})]),
    ("Her husband is a proud member of the U.S. Coast Guard.",
     [("military", {"branch": "U.S. Coast Guard", "relation": "spouse"})]),
    ("She earned her GED at the adult school.", [("education", {})]),
    ("She volunteers every Saturday at the local food bank.", [("community_service", {})]),
    ("She completed an anger management course and has been sober since 2019.", [("rehabilitation", {})]),
    ("She suffers from type 2 diabetes and needs regular medical care.", [("health", {})]),
    ("Her daughter has autism and requires constant care.", [("health", {"relation": "daughter"})]),
    ("She owns a small bakery in Queens.", [("property_business", {})]),
    ("She was the victim of a robbery and testified in court.", [("victim_witness", {})]),
    ("She is 70 years old.", [("age", {"age": 70})]),
])
def test_tie_kinds(extract, text: str, expected: list) -> None:
    assert _ties(extract, text) == expected


def test_spouse_writer(extract) -> None:
    text = "My name is Victor Singh and I am the husband of Carmen. I am a lawful permanent resident."
    assert ("family", {"relation": "spouse"}) in [(k, {"relation": d["relation"]}) for k, d in _ties(extract, text)]


@pytest.mark.parametrize("text", [
    "She has no children.",
    "If Carmen were removed, her husband could not pay the rent alone.",
    "I have three children of my own.",  # the writer's, not the subject's
    "His brother was convicted of robbery.",  # a relative's offense is no family tie
    "Tuan was at work that night.",
    "Subject was enrolled in the Alternatives to Detention program.",
])
def test_no_affirmed_tie(extract, text: str) -> None:
    assert _ties(extract, text) == []


def test_employer_writes_the_letter(extract) -> None:
    text = "As the general manager of Golden Dragon Restaurant, I supervise Carmen directly."
    assert ("employment", {"employer": "Golden Dragon Restaurant"}) in _ties(extract, text)


@pytest.mark.parametrize("text", [
    "She is an active member of Temple Beth Shalom and serves in the temple's seva volunteers.",
    "She is an active member of St. Mary's Catholic Parish and serves in the parish men's group.",
    "Carmen helps with the mosque's outreach committee at Masjid Al-Noor.",
    "She volunteers at her church every Sunday.",
    "She volunteers as an usher at Iglesia Pentecostal Fuente de Vida.",
    "She teaches Sunday school at the synagogue.",
])
def test_religious_life_is_no_tie(extract, text: str) -> None:
    """Religion is protected: worship and volunteering in a religious group make no tie, for any faith."""
    assert [k for k, _ in _ties(extract, text) if k != "residence"] == []


def test_volunteering_next_to_worship_is_still_a_tie(extract) -> None:
    text = "She volunteers at the food bank and attends Friday prayers."
    assert ("community_service", {}) in _ties(extract, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Carmen Portillo Salazar, 36, a citizen of Honduras last residing in New Britain, pleaded guilty.",
     ("residence", {"place": "New Britain"})),
    ("A resident of Nuevo Laredo, Tamaulipas, Mexico, has been ordered to prison.",
     ("residence", {"place": "Nuevo Laredo, Tamaulipas, Mexico"})),
    ("She cited her family ties and the length of her residence.", ("residence", {})),
    ("Deportation officers arrested the 44-year-old on Tuesday.", ("age", {"age": 44})),
    ("Carmen Portillo Salazar, a 35‐year‐old citizen of Mexico, petitions for review.", ("age", {"age": 35})),
    ("CHARLOTTE, N.C. – Carmen Portillo Salazar, 52, of Mexico, was sentenced to 64 months.", ("age", {"age": 52})),
    ("The judge has sentenced Carmen Portillo-Salazar (44, Mexico) to 40 months.", ("age", {"age": 44})),
    ("The judge sentenced Carmen Portillo Salazar, a/k/a Ana Flores, age 37, to prison.", ("age", {"age": 37})),
])
def test_real_text_residence_and_age(extract, text: str, expected: tuple) -> None:
    assert expected in _ties(extract, text)


def test_age_after_another_persons_name_is_not_the_subjects(extract) -> None:
    assert ("age", {"age": 52}) not in _ties(extract, "Her co-defendant Jose Ruiz-Soto, 52, was also sentenced.")


def test_age_of_a_young_victim_is_not_the_subjects(extract) -> None:
    assert [k for k, _ in _ties(extract, "Officers found the 12-year-old victim at home.") if k == "age"] == []


@pytest.mark.parametrize("text", [
    "Carmen's sister has a green card and lives in Houston.",  # the sister's residence
    "A witness described the suspect; I located Carmen nearby.",  # someone else is the witness
])
def test_another_persons_tie_is_not_the_subjects(extract, text: str) -> None:
    assert [k for k, _ in _ties(extract, text) if k in ("residence", "victim_witness")] == []


@pytest.mark.parametrize(("text", "expected"), [
    # opinion prose: a split noun phrase, ages listed for the count, a modal that is not about the children
    ("Carmen failed to show that her 6- and 11-year-old United States citizen children will suffer hardship.",
     ("family", {"relation": "child", "status": "us_citizen", "count": 2})),
    ("Removal would result in hardship to her children, who are United States citizens.",
     ("family", {"relation": "child", "status": "us_citizen", "count": None})),
    ("Carmen married a U.S. citizen in 2001.", ("family", {"relation": "spouse", "status": "us_citizen"})),
    # born here: a citizen by birth
    ("Carmen has a son who was born out of wedlock in this country.",
     ("family", {"relation": "child", "status": "us_citizen", "count": 1})),
    # release introductions and arrests at home
    ("A citizen, Carmen Portillo Salazar, age 63 and living in Beltsville, Maryland, appeared in court.",
     ("residence", {"place": "Beltsville, Maryland"})),
    ("Agents arrested Carmen at her residence in Centreville in 2013.", ("residence", {"place": "Centreville"})),
    ("ERO filed a detainer for Carmen Portillo Salazar, 24, a resident of Mt. Prospect, Illinois.",
     ("residence", {"place": "Mt. Prospect, Illinois"})),
    ("The judge sentenced Carmen Portillo Salazar, a citizen most recently residing in Indianapolis, Indiana, to 210 "
     "months, followed by five years of supervised release.", ("residence", {"place": "Indianapolis, Indiana"})),
    ("Petitioner is a twenty-five-year-old native of Portugal.", ("age", {"age": 25})),
    # "since then", "since his arrival": the last date before the sentence
    ("Carmen was admitted as a permanent resident on November 29, 1974. She has lived here since that date.",
     ("residence", {"since": 1974})),
    # "the couple" is the subject and spouse; a partitive is no count, "all three of" is
    ("Carmen married another alien. The couple have three children, all U.S. citizens by birth.",
     ("family", {"relation": "child", "status": "us_citizen", "count": 3})),
    ("Carmen married another alien who lacks permission to be here.", ("family", {"relation": "spouse"})),
    ("One of her children has a chronic medical condition.", ("health", {"relation": "child"})),
    ("She says that one of her children, who has a chronic medical condition, needs care.",
     ("health", {"relation": "child"})),
    ("One of her children has a chronic medical condition.", ("family", {"relation": "child", "count": None})),
    ("All three of her children are American citizens.",
     ("family", {"relation": "child", "status": "us_citizen", "count": 3})),
    ("Carmen entered without inspection and remained in this nation for an extended period.", ("residence", {})),
    # the person an arrest acts on, though the subject is named later
    ("ERO Boston arrested a 20-year-old El Salvadoran national Dec. 17.\n\nCarmen Portillo Salazar unlawfully "
     "entered the United States on May 17, 2017.", ("age", {"age": 20})),
    ("The respondent is married to a lawful resident alien and is the father of one resident alien and 6 citizen "
     "children.", ("family", {"relation": "child", "status": "us_citizen", "count": 6})),
    ("The respondent is married to a lawful resident alien.", ("family", {"relation": "spouse", "status": "lpr"})),
    ("ERO deportation officers arrested a 28-year old, previously removed Guatemalan national March 14.",
     ("age", {"age": 28})),
    # a release's lead introduces its subject by age before naming him
    ("SAN SALVADOR, El Salvador – A 38-year-old man wanted in El Salvador was removed April 8.\n\nCarmen Portillo "
     "Salazar, of El Salvador, was involved in a murder.", ("age", {"age": 38})),
    # the subject is the spouse of a citizen; a parent "of five United States born children"
    ("He was admitted as an IR6 Legal Permanent Resident (the spouse of a United States citizen).",
     ("family", {"relation": "spouse", "status": "us_citizen"})),
    ("Respondent is a 28-year-old widower and the father of five United States born children.",
     ("family", {"relation": "child", "status": "us_citizen", "count": 5})),
    ("She is the mother of three and works at a bakery.", ("family", {"relation": "child", "count": 3})),
    # older decisions: married on a date to a citizen, a status stated of the relatives together, "citizen wife"
    ("Respondent was married in 1931 to a citizen of the United States.",
     ("family", {"relation": "spouse", "status": "us_citizen"})),
    ("Appellant, married on September 3, 1958, to a United States citizen, applied for a waiver.",
     ("family", {"relation": "spouse", "status": "us_citizen"})),
    ("Counsel asserted that the respondent's wife and minor child are citizens of the United States.",
     ("family", {"relation": "spouse", "status": "us_citizen"})),
    ("The alien has had long residence here, and his citizen wife and son reside here.",
     ("family", {"relation": "spouse", "status": "us_citizen"})),
    ("The alien has had long residence here, and his citizen wife and son reside here.", ("residence", {})),
    ("He is divorced and he has a minor daughter, also a citizen, whom he visits regularly.",
     ("family", {"relation": "child", "status": "us_citizen", "count": 1})),
    ("BUENOS AIRES, Argentina – A 67-year-old Argentinean wanted in Argentina was removed Jan. 22.\n\nCarmen "
     "Portillo Salazar, who entered in 1977, was ordered removed. Portillo appealed. Portillo lost.",
     ("age", {"age": 67})),
])
def test_opinion_and_release_ties(extract, text: str, expected: tuple) -> None:
    assert expected in _ties(extract, text)


@pytest.mark.parametrize("text", [
    "Carmen entered the United States as an 18 year-old in April 1996.",  # an age at a past time
    "He was arrested for indecent liberties with a twelve-year-old.",  # the victim's age
    "Tara Lee, Supervised Law Student, Harvard Law School Clinic, were on brief, for petitioner.",
    "Both Carmen and her husband testified before an immigration judge at a merits hearing.",
    "She has been in the United States for a continuous period of not less than 10 years.",
    "He pled guilty to failing to stop at the scene of a personal-injury accident.",
    "He was convicted of failure to provide migrant workers with terms and conditions of employment.",
    # officers' work is no tie of the subject
    "U.S. Customs and Border Protection officers working at the International Bridge encountered a man.",
    '"This was an outstanding job by our front line officers," said Acting Port Director Cary Frieling.',
    "By age 12, he and a brother were members of the Latin King street gang.",  # an age at a past time
    "He was charged with assault in the second degree: intent to cause physical injury with a weapon.",
    "ERO apprehended a noncitizen charged with aggravated rape, witness intimidation and indecent assault.",
    "He was charged with intimidation of a witness.",
    # the sentencing statute's purposes are no rehabilitation of the subject
    "Adopting the PSR\u2019s findings and considering the advisory guideline range and \u201cthe sentencing objectives "
    "of rehabilitation, incapacitation, retribution and deterrence,\u201d the district court imposed a sentence of 60 "
    "months.",
])
def test_no_tie_of_these_kinds(extract, text: str) -> None:
    kinds = {"age", "education", "victim_witness", "residence", "health", "employment", "rehabilitation"}
    assert [(k, d) for k, d in _ties(extract, text) if k in kinds] == []


def test_a_quoted_statute_names_no_relative(extract) -> None:
    text = ("The criteria: he “establishes that removal would result in hardship to the alien’s spouse, parent, "
            "or child”.")
    assert [k for k, _ in _ties(extract, text) if k == "family"] == []


@pytest.mark.parametrize(("text", "kind"), [
    ("In August 1998, Carmen Portillo Salazar was convicted of murder in the first degree in the Superior Court.",
     "education"),
    ("On February 25, 1971, Carmen Portillo entered the United States on a student visa.", "education"),
    ("Carmen Portillo and others tied up the employees and emptied the safe.", "employment"),  # someone else's staff
    ("Federal Defender, for Carmen Portillo Salazar (1), defendant.", "age"),  # a defendant's number
    ("Carmen Portillo was admitted as a permanent resident in 1977 when she was about seven years old.", "residence"),
])
def test_words_that_only_look_like_a_tie(extract, text: str, kind: str) -> None:
    assert [k for k, _ in _ties(extract, text) if k == kind] == []


def test_a_name_written_with_an_en_dash_is_the_subjects(extract) -> None:
    facts = extract("Carlos Avila–Ramirez appeals. In 1977, Avila–Ramirez was lawfully admitted to the United States.")
    assert [(e.event_type, e.about.who) for e in affirmed(facts, "event")] == [("entry", "subject")]


def test_an_age_when_something_happened_is_past(extract) -> None:
    text = ("Straw was admitted to the United States as a lawful permanent resident in 1979, when he was fifteen "
            "years old.")
    assert [k for k, _ in _ties(extract, text) if k == "age"] == []


def test_a_status_stated_of_all_listed_relatives_is_each_ones(extract) -> None:
    ties = _ties(extract, "Juan Villarreal lives in Brownsville with his wife and two children, all of whom are U.S. "
                          "citizens.")
    assert ("family", {"relation": "spouse", "status": "us_citizen"}) in ties
    assert ("family", {"relation": "child", "status": "us_citizen", "count": 2}) in ties
    alone = _ties(extract, "Juan Villarreal lives with his wife and his son, who is a U.S. citizen.")
    assert ("family", {"relation": "spouse"}) in alone


def test_the_appellant_is_the_subject(extract) -> None:
    text = ("Juan Villarreal petitions for review. During this time, the appellant has continued to work as a "
            "licensed insurance agent.")
    assert [k for k, _ in _ties(extract, text)] == ["employment"]


def test_a_residence_place_after_its_length(extract) -> None:
    text = "Juan Villarreal appeals. He has been residing for the past several years in Brownsville, Texas."
    assert ("residence", {"place": "Brownsville, Texas"}) in _ties(extract, text)


@pytest.mark.parametrize(("text", "age"), [
    ("Respondent, a single male about 22 years of age, a native and national of Germany, was admitted to the United "
     "States for permanent residence in 1955.", 22),
    ("This record relates to a 21-year-old single male alien, a native of Germany and citizen of Palestine.", 21),
])
def test_an_age_in_a_decisions_description_of_the_respondent(extract, text: str, age: int) -> None:
    ages = [t.details["age"] for t in affirmed(extract(text), "community_tie") if t.tie_kind == "age"]
    assert ages == [age]


def test_an_age_of_years_when_something_happened_is_past(extract) -> None:
    facts = extract("He came to the United States when he was 15 years of age.")
    assert [t for t in affirmed(facts, "community_tie") if t.tie_kind == "age"] == []


@pytest.mark.parametrize("text", [
    "In July 1999, then-18-year-old Vasquez-Gutierrez was charged with sexual abuse in the third degree for having "
    "sexual intercourse with a 13-year-old girl.",
    "May 9, Moran was again arrested by the Philadelphia Police Department for unlawful contact with a minor-sexual "
    "offenses, corruption of minors, indecent assault of a person under 13 years of age, reckless endangerment of "
    "another person, and endangering the welfare of a child-parent or guardian commits offense.",
])
def test_an_age_at_a_past_time_or_a_victims_age_is_no_age_of_the_subject(extract, text: str) -> None:
    assert [t.details for t in affirmed(extract(text), "community_tie") if t.tie_kind == "age"] == []
