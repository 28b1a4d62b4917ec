"""Charge phrases read from the object of a disposition cue (``extract/charge_phrases.py``)."""

from __future__ import annotations

import pytest

from casefacts.errors import ConfigError
from casefacts.extract.charge_phrases import ChargePhraseRules, charge_phrases
from casefacts.extract.context import SPANS_KEY
from casefacts.extract.pipeline import resources_for

from .helpers import affirmed


@pytest.fixture(scope="module")
def rules(nlp) -> ChargePhraseRules:
    return ChargePhraseRules.from_config(resources_for(nlp).config("charge_phrases"))


@pytest.fixture(scope="module")
def phrases(nlp, rules):
    """The phrase texts of a sentence, with no charge of the lexicon taken out first."""

    def run(text: str) -> list[str]:
        doc = nlp(text)
        cues = [s for s in doc.spans[SPANS_KEY] if s.label_ == "DISPO"]
        return [span.text for span, _ in charge_phrases(doc, cues, [], rules)]

    return run


@pytest.mark.parametrize(("text", "expected"), [
    # each coordinated item is one phrase
    ("He was arrested for burglary, negligent driving and failure to maintain insurance.",
     ["burglary", "negligent driving", "failure to maintain insurance"]),
    # a generic head gives way to its "of" object
    ("She was convicted of the offense of criminal mischief.", ["criminal mischief"]),
    # leading counts are dropped
    ("He pleaded guilty to one count of mail fraud.", ["mail fraud"]),
    # a place, court or date ends the phrase
    ("He was found guilty of interference with a peace officer in a Texas court.",
     ["interference with a peace officer"]),
    ("He was charged with criminal trespass on May 3, 2019.", ["criminal trespass"]),
    # a participle that describes the object is not part of the charge
    ("He was convicted of unlawful possession of marijuana found in his car.",
     ["unlawful possession of marijuana"]),
    # a charge noun whose noun modifier names the offense
    ("In 1982 he was convicted on narcotics charges.", ["narcotics charges"]),
    # "..., and for X": a second preposition the cue governs
    ("He was arrested for trespass, and for resisting an officer.", ["trespass", "resisting an officer"]),
    # "against" a class of victims names the offense; against a person ends the phrase
    ("He is wanted in Guatemala for violence against women.", ["violence against women"]),
    ("He was charged with intimidation against his wife.", ["intimidation"]),
    # a gerund the parser reads as a second verb of the cue is one more item of the list
    ("In November 2003, he was convicted of theft and driving with no operator's license.",
     ["theft", "driving with no operator's license"]),
    # a person as the act's object is its victim, part of the charge
    ("He was charged with simple assault and recklessly endangering another person.",
     ["simple assault", "recklessly endangering another person"]),
    ("He was charged with harboring aliens.", ["harboring aliens"]),
    # a bare gerund coordinated before an act shares its object
    ("He was convicted of aiding and abetting another alien.", ["aiding and abetting another alien"]),
    # a gerund the parser hung on the cue as a clause, between list items
    ("In 2004, he was convicted of burglary, tampering with evidence, and robbery.",
     ["burglary", "tampering with evidence", "robbery"]),
    # a clause of result is no list item
    ("He was convicted of theft, sending him to prison.", ["theft"]),
    # "without" stays in a gerund's charge
    ("He was convicted of driving without insurance in 2004.", ["driving without insurance"]),
    # a name that modifies the act's object stays in the charge
    ("ERO Baltimore apprehends noncitizen convicted of assaulting Maryland resident\n\nHe was removed.",
     ["assaulting Maryland resident"]),
])
def test_phrases_in_the_object_of_a_cue(phrases, text: str, expected: list[str]) -> None:
    assert phrases(text) == expected


@pytest.mark.parametrize("text", [
    "He was convicted of two felonies in 2010.",                          # a category, not an offense
    "He was convicted of those charges after a trial.",                   # a reference back
    "The charge was dismissed for want of prosecution.",                  # the cue is the verb's subject
    "Officers are charged with enforcing our nation's immigration laws.",  # a duty, not a charge
    "He was charged with violating the statute.",                          # a bare verb with a generic object
    "He was sentenced to five years in prison.",                          # "sentenced to" gives a term
    "He was convicted in 2001 of an aggravated felony.",                  # a category
    "He was convicted on state charges in 2001.",                         # a court, not an offense
    "He moved to dismiss the indictment on the ground that he was never removed.",  # procedure
    "He was arrested for the man.",                                       # a person is no charge
    "He was convicted of a felony and sentenced to five years.",          # a conjunct verb, no gerund
    "The IJ sustained the charge of entering without inspection.",        # a ground of removability
    "He was subject to the penalty for a conviction for commission of an aggravated felony.",  # a category
    "An alien convicted for violation of title 18, section 80, U.S.C., was ordered deported.",  # a citation
    "Convicted of a violation of any law or regulation relating to the illicit traffic in narcotic drugs.",
    "He was convicted and was sentenced to confinement for a period of five years.",  # a term, no charge
])
def test_no_phrase(phrases, text: str) -> None:
    assert phrases(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # an entry into the country keeps the after-removal phrase that makes it illegal reentry
    ("On November 19, 1963 he was convicted for having entered the United States without permission after having "
     "been deported.", ["having entered the United States without permission after having been deported"]),
    ("He pleaded guilty to entering the United States after deportation.",
     ["entering the United States after deportation"]),
    ("He appeals following his plea to the charge of returning to the United States without authorization after "
     "removal following a felony offense.", ["returning to the United States without authorization after removal"]),
    # a presence in the country after removal, pleaded to in a plea the verb took ("entered a guilty plea to")
    ("He entered an open guilty plea to being in the United States without permission after he was removed.",
     ["being in the United States without permission after he was removed"]),
    # a return to another country is no charge; an entry is only this country's; being removable is no crime
    ("He was convicted of returning to Mexico.", []),
    ("The Immigration Judge found him removable and charged him with being deportable.", []),
])
def test_an_entry_after_removal_is_one_phrase(phrases, text: str, expected: list[str]) -> None:
    assert phrases(text) == expected


def test_phrases_leave_out_what_is_taken(nlp, rules) -> None:
    doc = nlp("He was arrested for burglary and negligent driving.")
    cues = [s for s in doc.spans[SPANS_KEY] if s.label_ == "DISPO"]
    burglary = next(t.i for t in doc if t.text == "burglary")
    assert [s.text for s, _ in charge_phrases(doc, cues, [(burglary, burglary + 1)], rules)] == ["negligent driving"]


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2004, he was convicted of burglary, brandishing a firearm, and robbery.",
     ["burglary", "brandishing a firearm", "robbery"]),
    ("In 2004, he was convicted of burglary, unauthorized use of a motor vehicle, and robbery.",
     ["burglary", "unauthorized use of a motor vehicle", "robbery"]),
    # several items between two charges
    ("He faces charges of receiving stolen property, carrying a firearm without a license, possession of a large "
     "capacity firearm without a license, possession of ammunition and trespassing.",
     ["receiving stolen property", "carrying a firearm without a license",
      "possession of a large capacity firearm without a license", "possession of ammunition", "trespassing"]),
    # not a category nor a clause
    ("He was convicted of burglary, two felonies, and robbery.", ["burglary", "robbery"]),
    ("In 1985, he was convicted for being under the influence of an opiate, and receive a second conviction that "
     "year for being under the influence of heroin.",
     ["being under the influence of an opiate"]),  # the second is still missed; no clause is read as a charge
    ("He was arrested for burglary, was released, and was arrested for robbery.", ["burglary", "robbery"]),
])
def test_an_item_listed_between_two_charges_is_a_charge(extract, text: str, expected: list[str]) -> None:
    assert [o.charge for o in affirmed(extract(text), "offense")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a long list after a cue, however the parser read it; docket subtitles after a hyphen stay in their item
    ("Hector Moran-Espinoza was arrested April 2, by the Philadelphia Police Department for involuntary deviate "
     "sexual intercourse by forcible compulsion, unlawful contact with a minor-sexual offenses, statuary sexual "
     "assault, endangering the welfare of children-parent or guardian commits offense, corruption of minors, and "
     "rape by forceable compulsion.",
     ["involuntary deviate sexual intercourse by forcible compulsion", "unlawful contact with a minor-sexual offenses",
      "statuary sexual assault", "endangering the welfare of children-parent or guardian commits offense",
      "corruption of minors", "rape by forceable compulsion"]),
    ("He was arrested for indecent assault-without the consent of other person, corruption of minors, and sexual "
     "abuse of children-photographing, videotaping, depicting on a computer or filming sexual acts.",
     ["indecent assault-without the consent of other person", "corruption of minors", "sexual abuse"]),
    ("He was arrested for statuary sexual assault, corruption of minors, rape by forceable compulsion, and "
     "aggravated indecent assault without consent.",
     ["statuary sexual assault", "corruption of minors", "rape by forceable compulsion",
      "aggravated indecent assault"]),
    # a list that runs into a clause is no list of charges; a compound word is no subtitle
    ("He was arrested for burglary, theft, but the officers released him, and he left.", ["burglary", "theft"]),
    ("He was charged with assault-related offenses.", ["assault"]),
    # a list without the serial comma that holds a charge found; not the further objects of a charge
    ("He was wanted by authorities in Mexico for organized crime, money laundering and illegal possession of firearms.",
     ["organized crime", "money laundering", "illegal possession of firearms"]),
    ("He and 12 others were charged in an indictment with conspiring to distribute heroin, fentanyl and cocaine.",
     ["conspiring to distribute heroin"]),
    ("Considering the sentencing objectives of rehabilitation, incapacitation, retribution and deterrence, the court "
     "imposed a sentence of 60 months.", []),
    # a list that is the object of a charge's "of" is no list of charges
    ("He was convicted of a violation of 18 U.S.C. 1546 for fraud and misuse of visa, permits, and other entry "
     "documents.", ["fraud"]),
    ("He was convicted for sexual assault of a child in 2003 in Dallas, Texas, and sentenced to five years.",
     ["sexual assault of a child"]),
    ("A sentence is imposed based on the statute the defendant is charged with violating, the U.S. Sentencing "
     "Guidelines, and other statutory factors.", []),
])
def test_a_long_list_after_a_cue_is_a_list_of_charges(extract, text: str, expected: list[str]) -> None:
    assert [o.charge for o in affirmed(extract(text), "offense")] == expected


def test_subtitles_after_a_spaced_dash_or_a_colon_stay_in_their_comma_list_item(extract) -> None:
    text = ("He was arrested July 6, 2017, by the Yonkers Police Department and charged with criminal obstruction of "
            "breathing or blood circulation – apply pressure, assault in the second degree: intent to cause physical "
            "injury with a weapon, and harassment in the second degree: physical contact.")
    offenses = affirmed(extract(text), "offense")
    assert [(o.charge, o.disposition, o.arrest_date.iso if o.arrest_date else None) for o in offenses] == [
        ("criminal obstruction of breathing or blood circulation – apply pressure", "charged", "2017-07-06"),
        ("assault in the second degree: intent to cause physical injury with a weapon", "charged", "2017-07-06"),
        ("harassment in the second degree: physical contact", "charged", "2017-07-06")]


def test_a_spaced_dash_before_a_clause_is_no_subtitle(extract) -> None:
    offenses = affirmed(extract("He was convicted of robbery – a crime that carries ten years, and of burglary."),
                        "offense")
    assert [o.charge for o in offenses] == ["robbery", "burglary"]


def test_an_arrest_again_for_a_charge_is_another_offense(extract) -> None:
    text = ("On April 2, police arrested him for burglary and theft. In May, he was again arrested for burglary and "
            "theft.")
    assert [o.charge for o in affirmed(extract(text), "offense")] == ["burglary", "theft"] * 2


def test_a_phrase_becomes_a_weak_offense_with_its_disposition(extract) -> None:
    offenses = affirmed(extract("In 2016 he was arrested for failure to maintain insurance."), "offense")
    assert [(o.charge, o.disposition) for o in offenses] == [("failure to maintain insurance", "arrested")]
    assert "charge phrase" in offenses[0].evidence[0].explanation


def test_a_cited_statute_is_not_a_charge_phrase(extract) -> None:
    offenses = affirmed(extract("He pleaded guilty to PC 415 in 2010."), "offense")
    assert all("PC" not in o.charge for o in offenses), [o.charge for o in offenses]


def test_a_for_phrase_after_a_charge_is_its_act(extract) -> None:
    facts = extract("In 1974 he was convicted of aggravated battery for causing great bodily harm to another person.")
    assert [o.charge for o in affirmed(facts, "offense")] == ["aggravated battery"]
    # after a category, "for" names the charge
    facts = extract("He was convicted of two state drug offenses for distribution of a small quantity of marihuana.")
    assert [o.charge[:23] for o in affirmed(facts, "offense")] == ["distribution of a small"]


def test_a_lexicon_charge_is_not_read_twice(extract) -> None:
    offenses = affirmed(extract("He was convicted of burglary and grand theft in 2015."), "offense")
    assert sorted(o.charge for o in offenses) == ["burglary", "grand theft"]


@pytest.mark.parametrize("text", [
    "He was convicted of operating a motor vehicle while intoxicated.",
    "He was convicted of driving a vehicle under the influence of liquor.",
    "He was arrested for driving his truck while impaired.",
])
def test_drunk_driving_wordings_are_one_offense(extract, text: str) -> None:
    offenses = affirmed(extract(text), "offense")
    assert [o.charge_normalized for o in offenses] == ["driving under the influence"], [o.charge for o in offenses]


def test_a_lesser_included_offense_is_its_object(extract) -> None:
    facts = affirmed(extract("He pled guilty to the lesser included offense of felony possession of cocaine."),
                     "offense")
    assert [(o.charge, o.disposition) for o in facts] == [("possession of cocaine", "pleaded_guilty")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Petitioner was sentenced to prison for a total of six years.", []),
    ("He was convicted of two crimes of moral turpitude.", []),
    ("He had been convicted of a crime of violence and deported.", []),
    ("He was convicted of the crime of domestic violence.", ["domestic violence"]),
    ("He charged each individual approximately $80 per month for rent.", []),
    ("On December 11, 2014, Madero-Gil was arrested by the Harris County Sheriff's Office for the offense of Assault "
     "Public Servant.", ["Assault Public Servant"]),
])
def test_phrases_of_prices_sentences_and_titles(phrases, text: str, expected: list[str]) -> None:
    assert phrases(text) == expected


def test_a_failure_keeps_its_infinitive(phrases) -> None:
    assert phrases("The police charged him with second-degree manslaughter with a motor vehicle and failure to "
                   "insure a private motor vehicle.")[-1] == "failure to insure a private motor vehicle"


def test_an_act_without_its_object_is_no_charge(phrases) -> None:
    found = phrases("He was charged with manufacture, possession and delivery of cocaine.")
    assert "delivery" not in found and "possession" not in found, found


def test_acts_coordinated_before_one_object_are_one_charge(phrases) -> None:
    assert phrases("He was charged with manufacture, possession and delivery of cocaine.") == \
        ["manufacture, possession and delivery of cocaine"]


def test_only_a_category_head_gives_way_to_its_object(phrases) -> None:
    assert phrases("He was wanted to face charges for the death of a prosecuting attorney.") == []


def test_a_word_yaml_read_as_a_boolean_is_refused(nlp) -> None:
    config = dict(resources_for(nlp).config("charge_phrases"))
    config["prepositions"] = {"arrested": ["for", True]}  # a bare `on` in YAML
    with pytest.raises(ConfigError, match="quote on"):
        ChargePhraseRules.from_config(config)
