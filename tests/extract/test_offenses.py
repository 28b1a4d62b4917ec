"""Offenses in prose: disposition from context, negation, hypotheses, whose offense, dates, sentences."""

from __future__ import annotations

import pytest

from .helpers import affirmed, of_kind


def _one(extract, text: str):
    offenses = affirmed(extract(text), "offense")
    assert len(offenses) == 1, [o.charge for o in offenses]
    return offenses[0]


@pytest.mark.parametrize(("text", "disposition"), [
    ("He was convicted of burglary in 2015.", "convicted"),
    ("She was found guilty of petty theft.", "convicted"),
    ("He pleaded guilty to possession of a controlled substance.", "pleaded_guilty"),
    ("He entered a plea of guilty to robbery and was sentenced to two years in prison.", "pleaded_guilty"),
    ("He was arrested for DUI, but the charges were dismissed.", "dismissed"),
    ("The State entered a nolle prosequi as to Criminal Trespass (PC 602).", "dismissed"),
    ("He was acquitted of aggravated assault.", "acquitted"),
    ("A jury found him not guilty of robbery.", "acquitted"),
    ("He was charged with burglary. The case remains pending.", "pending"),
    ("He was arrested for shoplifting in March 2019.", "arrested"),
    ("His conviction for burglary was later vacated.", "vacated"),
    ("The record of his DUI conviction was expunged.", "expunged"),
])
def test_disposition_from_context(extract, text: str, disposition: str) -> None:
    assert _one(extract, text).disposition == disposition


def test_a_later_sentence_about_all_the_charges_dates_each_of_them(extract) -> None:
    offenses = affirmed(extract("The judge sentenced Ana Ruiz to 210 months for conspiracy to distribute controlled "
                                "substances, for possession with intent to distribute, and for illegal reentry. "
                                "Ruiz was convicted of those charges on May 31, 2022."), "offense")
    assert len(offenses) == 3
    assert {(o.disposition, o.disposition_date.iso if o.disposition_date else None) for o in offenses} == \
        {("convicted", "2022-05-31")}


def test_without_a_reference_to_all_charges_only_the_last_continues(extract) -> None:
    offenses = affirmed(extract("The judge sentenced Ana Ruiz to 210 months for burglary, for robbery, and for "
                                "illegal reentry. Ruiz was convicted on May 31, 2022."), "offense")
    dated = {o.charge for o in offenses if o.disposition_date is not None}
    assert dated == {"illegal reentry"}


@pytest.mark.parametrize(("text", "charge", "disposition"), [
    ("He was wanted for homicide in Mexico.", "homicide", "charged"),
    ("He was convicted of possessing a firearm and ammunition.", "possessing a firearm and ammunition", "convicted"),
    ("She was convicted of transporting an illegal alien within the United States.", "transporting an illegal alien",
     "convicted"),
    ("He pleaded guilty to violating supervised release.", "violating supervised release", "pleaded_guilty"),
    ("Vargas entered guilty pleas to possession of a firearm.", "possession of a firearm", "pleaded_guilty"),
])
def test_verb_form_charges_and_cues(extract, text: str, charge: str, disposition: str) -> None:
    fact = _one(extract, text)
    assert (fact.charge, fact.disposition) == (charge, disposition)


def test_a_drug_charge_with_its_quantity(extract) -> None:
    text = ("He was convicted of two drug felonies in 2004\u2014possession of more than 35 grams of marijuana and "
            "distribution of 5 kilograms or more of cocaine.")
    offenses = affirmed(extract(text), "offense")
    assert {(o.charge, o.charge_normalized, o.disposition) for o in offenses} == {
        ("possession of more than 35 grams of marijuana", "possession of a controlled substance", "convicted"),
        ("distribution of 5 kilograms or more of cocaine", "distribution of a controlled substance", "convicted")}


def test_a_verb_form_charge_needs_a_cue(extract) -> None:
    assert affirmed(extract("An alien is prohibited from possessing firearms under federal law."), "offense") == []


def test_each_charge_takes_its_own_cue(extract) -> None:
    offenses = affirmed(extract("He was arrested for DUI and convicted of reckless driving."), "offense")
    assert {o.charge: o.disposition for o in offenses} == {"DUI": "arrested", "reckless driving": "convicted"}


def test_following_sentence_continues_the_charge(extract) -> None:
    fact = _one(extract, "During September 2011 the Fresno Police Department arrested SINGH for ADW. "
                         "She was convicted on December 4, 2011 and sentenced to twelve (12) months in the "
                         "Department of Corrections.")
    assert fact.disposition == "convicted"
    assert fact.arrest_date.iso == "2011-09"
    assert fact.disposition_date.iso == "2011-12-04"
    assert fact.sentence.custody_days == 360


@pytest.mark.parametrize("text", [
    "He has no criminal history.",
    "She was never convicted of robbery.",
    "He has no prior convictions for burglary or theft.",
    "If he reenters the United States he may be prosecuted for illegal reentry under 8 U.S.C. 1326.",
])
def test_negated_and_hypothetical_are_not_affirmed(extract, text: str) -> None:
    assert affirmed(extract(text), "offense") == []


def test_negated_offense_keeps_its_status(extract) -> None:
    (fact,) = of_kind(extract("She was never convicted of robbery."), "offense")
    assert fact.status == "negated"
    assert "never" in fact.evidence[0].explanation


@pytest.mark.parametrize(("text", "relation"), [
    ("His brother was convicted of robbery in 2010.", "brother"),
    ("Please do not confuse Carmen with her brother Mario, who was convicted of robbery back in 2019.", "brother"),
    ("It is true that her cousin, Arjun, was convicted of street robbery in or about 2006.", "cousin"),
    ("A second suspect, later identified as Minh Baptiste, was also detained and was arrested for trespassing.",
     "co_defendant"),
])
def test_a_relatives_offense_is_not_the_subjects(extract, text: str, relation: str) -> None:
    (fact,) = of_kind(extract(text), "offense")
    assert (fact.about.who, fact.about.relation) == ("other", relation)


def test_subject_named_by_surname_is_the_subject(extract) -> None:
    text = "Name: IVANOV, CRISTIAN\n\nI placed Cristian Ivanov under arrest for CORP INJ SPOUSE (PC 273.5(a))."
    fact = _one(extract, text)
    assert fact.about.who == "subject"
    assert fact.disposition == "arrested"
    assert fact.statute.text == "PC 273.5(a)"
    assert fact.charge_normalized == "corporal injury to a spouse"


def test_charge_before_its_citation(extract) -> None:
    fact = _one(extract, "The State announced a nolle prosequi on the charge of Theft of Property (PC 484(a)), "
                         "a misdemeanor on January 13, 2009.")
    assert fact.charge == "Theft of Property"
    assert (fact.disposition, fact.level, fact.disposition_date.iso) == ("dismissed", "misdemeanor", "2009-01-13")


def test_record_wide_offense_date(extract) -> None:
    text = ("I HEREBY CERTIFY that the above-named defendant was arraigned for acts alleged to have been committed "
            "on or about June 10, 2009, and that the following proceedings were had:\n"
            "On October 26, 2009, the defendant pleaded guilty to Trespass (N.Y. Penal Law § 140.10).")
    fact = _one(extract, text)
    assert (fact.offense_date.iso, fact.disposition_date.iso) == ("2009-06-10", "2009-10-26")


def test_an_offense_date_after_the_charges_dates_those_before_it(extract) -> None:
    text = ("Soto was wanted for attempted homicide and aggravated robbery. Both crimes occurred "
            "Feb. 11, 2002, in San Salvador. He has a previous felony conviction for illegal reentry.")
    dated = [(o.charge, o.offense_date.iso if o.offense_date else None) for o in affirmed(extract(text), "offense")]
    assert dated == [("attempted homicide", "2002-02-11"), ("aggravated robbery", "2002-02-11"),
                     ("illegal reentry", None)]


def test_police_report_incident_time_dates_the_offense(extract) -> None:
    text = ("On September 28, 2016, at about 0935 hours, Officer Garcia and I responded to a disturbance.\n\n"
            "On October 3, 2016, he was located and arrested for trespassing (Tex. Penal Code § 30.05) and "
            "DRV SUSP LIC (Tex. Transp. Code § 521.457).")
    offenses = affirmed(extract(text), "offense")
    assert [(o.charge, o.offense_date.iso, o.arrest_date.iso) for o in offenses] == [
        ("trespassing", "2016-09-28", "2016-10-03"), ("DRV SUSP LIC", "2016-09-28", "2016-10-03")]


def test_same_offense_twice_is_one_fact_with_two_evidences(extract) -> None:
    text = ("Serrano-Perez pleaded guilty in May 2019 to illegal re-entry.\n\n"
            "He was sentenced to 10 years in federal prison for illegally reentering the United States.")
    fact = _one(extract, text)
    assert len(fact.evidence) == 2
    assert fact.disposition == "pleaded_guilty"
    assert fact.disposition_date.iso == "2019-05"
    assert fact.sentence.custody_days == 3650


def test_a_victim_is_no_offender(extract) -> None:
    assert affirmed(extract("She was the victim of a robbery in 2018."), "offense") == []


def test_weak_terms_need_a_cue(extract) -> None:
    assert affirmed(extract("He escaped poverty through hard work and fraud prevention training."), "offense") == []
    assert affirmed(extract("The task force fights organized crime in the region."), "offense") == []
    wanted = affirmed(extract("He was wanted by authorities in Mexico for organized crime and money laundering."),
                      "offense")
    assert [(o.charge, o.disposition) for o in wanted] == [("organized crime", "charged"),
                                                           ("money laundering", "charged")]


@pytest.mark.parametrize(("text", "disposition"), [
    ("He was charged with burglary, but the charge was dismissed.", "dismissed"),
    ("He was charged with burglary in 2015 but the charge was later dismissed.", "dismissed"),
    ("A jury found him guilty of being a felon in possession of a firearm.", "convicted"),
    ("He was sentenced to 70 months in prison for illegal reentry.", "convicted"),
    ("The conviction for robbery was vacated in 2019.", "vacated"),
    ("The robbery charge is still pending.", "pending"),
    ("The jury decided he was guilty of burglary.", "convicted"),
    # a verdict that names the statute, then the charge in parentheses; a statute's definition is no verdict
    ("The Court has determined that Defendant is guilty beyond a reasonable doubt of violating 8 U.S.C. § 1326 "
     "(illegal re-entry).", "convicted"),
    ("Any person who has been deported and thereafter enters the United States is guilty of illegal reentry.",
     "unknown"),
    ("On Oct. 3, 2019, he was charged with burglary, but the charges were later withdrawn.", "dismissed"),
    ("He was charged with burglary; the prosecutor withdrew the charge in 2020.", "dismissed"),
])
def test_disposition_in_complex_sentences(extract, text: str, disposition: str) -> None:
    assert _one(extract, text).disposition == disposition


def test_reduced_charge_is_the_plea(extract) -> None:
    offenses = {o.charge: o.disposition for o in affirmed(extract(
        "He was charged with driving under the influence and pleaded guilty to a reduced charge of reckless driving."),
        "offense")}
    assert offenses.get("reckless driving") == "pleaded_guilty"


def test_list_items_share_the_cue(extract) -> None:
    text = ("On October 18, 1990, Gonzalez was convicted of: (1) conspiracy to possess with intent to distribute "
            "500 grams or more of cocaine; and (2) possession with intent to distribute 2 kilograms of cocaine.")
    dispositions = [o.disposition for o in affirmed(extract(text), "offense")]
    assert dispositions == ["convicted", "convicted"]


def test_list_items_after_a_relative_clause_share_the_cue(extract) -> None:
    text = ("On December 17, 1992, he was convicted upon guilty pleas of the following crimes: assault and battery "
            "with a dangerous weapon, which offense was committed on March 18, 1992; and armed robbery, which offense "
            "was committed on March 29, 1992.")
    offenses = affirmed(extract(text), "offense")
    assert [(o.disposition, o.disposition_date.iso, o.offense_date.iso) for o in offenses] == [
        ("pleaded_guilty", "1992-12-17", "1992-03-18"), ("pleaded_guilty", "1992-12-17", "1992-03-29")]


def test_operation_of_a_motor_vehicle_under_the_influence_is_drunk_driving(extract) -> None:
    text = ("The court convicted him of three counts of assault second degree, motor vehicle; operation of motor "
            "vehicle under the influence of alcohol; and evading responsibility.")
    normalized = [o.charge_normalized for o in affirmed(extract(text), "offense")]
    assert "driving under the influence" in normalized


@pytest.mark.parametrize(("text", "arrest"), [
    ("In November 2014, Defendant was arrested on state drug and theft charges. (ECF No. 20-3.) He pleaded guilty "
     "to possession of a controlled substance for the purpose of sale.", "2014-11"),
    # charges named in the arrest sentence are its own; a plea to another charge has no arrest date
    ("In November 2014, Defendant was arrested for burglary. He pleaded guilty to possession of a controlled "
     "substance.", None),
])
def test_a_plea_right_after_an_arrest_on_charges_of_a_kind_has_its_date(extract, text: str, arrest) -> None:
    plea = next(o for o in affirmed(extract(text), "offense") if o.disposition == "pleaded_guilty")
    assert (plea.arrest_date.iso if plea.arrest_date else None) == arrest


def test_a_date_the_warrant_tells_is_the_offense_date(extract) -> None:
    text = ("An arrest warrant was issued for him Aug. 30, 2004, by a court in Poland for manslaughter. According to "
            "the warrant, on Dec. 28, 1990, he was driving in Bialystok when he hit two pedestrians.")
    (offense,) = affirmed(extract(text), "offense")
    assert (offense.charge, offense.offense_date.iso) == ("manslaughter", "1990-12-28")


def test_possessing_a_drug_with_intent_to_distribute(extract) -> None:
    text = "He has a felony conviction in 2004 in the Northern District of Illinois for possessing Ecstasy with the " \
           "intent to distribute."
    (offense,) = affirmed(extract(text), "offense")
    assert (offense.charge, offense.charge_normalized, offense.disposition_date.iso) == (
        "possessing Ecstasy with the intent to distribute", "possession with intent to distribute", "2004")


def test_a_sentence_for_the_offense_after_the_charge_is_the_charges(extract) -> None:
    text = ("He had been convicted for Possession of a Controlled Substance for Sale in California State Court and "
            "sentenced to 16 months in prison for the offense on July 1, 2000.")
    (offense,) = affirmed(extract(text), "offense")
    assert (offense.disposition_date.iso, offense.sentence.custody_days) == ("2000-07-01", 480)


def test_a_date_before_following_a_conviction_is_the_events(extract) -> None:
    text = ("He had been deported on three occasions: in September 1994, following a conviction in Arizona state court "
            "for aggravated assault; in June 2000, following a conviction in federal court for illegal reentry.")
    assert [(o.charge, o.disposition_date) for o in affirmed(extract(text), "offense")] == [
        ("aggravated assault", None), ("illegal reentry", None)]


def test_the_act_by_which_a_statute_was_violated_is_the_charge(extract) -> None:
    text = "The information charged him with violating 8 U.S.C. § 1326(b)(2) by illegally reentering the United States."
    (offense,) = affirmed(extract(text), "offense")
    assert (offense.charge, offense.disposition, offense.statute.section) == (
        "illegally reentering", "charged", "1326(b)(2)")


def test_a_bare_inchoate_term_keeps_the_act_it_aims_at(extract) -> None:
    text = "In September 1991, Brown was convicted in Thailand of conspiracy to import narcotics and sentenced."
    assert [o.charge for o in affirmed(extract(text), "offense")] == ["conspiracy to import narcotics"]


def test_a_term_with_an_abbreviation_matches_as_written(extract) -> None:
    text = "He was charged with re-entry after removal and false claim to U.S. citizenship."
    assert [o.charge for o in affirmed(extract(text), "offense")] == [
        "re-entry after removal", "false claim to U.S. citizenship"]


def test_the_intended_crime_is_part_of_the_charge_and_the_list_goes_on(extract) -> None:
    text = ("Convicted of two crimes involving moral turpitude, to wit: (1) Breaking and entering a building in the "
            "nighttime with intent to commit larceny therein; (2) larceny by conversion.")
    assert [(o.charge, o.disposition) for o in affirmed(extract(text), "offense")] == [
        ("Breaking and entering a building in the nighttime with intent to commit larceny", "convicted"),
        ("larceny by conversion", "convicted")]


def test_a_list_after_a_colon_takes_the_cue_before_it(extract) -> None:
    text = ("Order: Act of 1952 — Section 241(a)(4) [ 8 U.S.C. 1251(a)(4)] — Two convictions after entry, to wit: "
            "Robbery with pistol (two offenses).")
    (offense,) = affirmed(extract(text), "offense")
    assert (offense.charge, offense.disposition) == ("Robbery with pistol", "convicted")


def test_statute_in_the_next_sentence(extract) -> None:
    text = ("Marco Gomez-Arguello, a 36-year-old national, pled guilty to illegal re-entry of a removed alien. "
            "This violation is under Title 8, United States Code, Section 1326(a) and Section 1326(b)(1).")
    statute = _one(extract, text).statute
    assert (statute.jurisdiction, statute.code, statute.section) == ("US", "8 U.S.C.", "1326(a)")
    assert statute.text == "Title 8, United States Code, Section 1326(a) and Section 1326(b)(1)"


@pytest.mark.parametrize(("text", "charge", "cited"), [
    # the charge's remaining words, then a citing phrase
    ("Defendant's seventy-month sentence for illegally reentering the United States in violation of 8 U.S.C. § 1326 "
     "included an enhancement.", "illegally reentering", "8 U.S.C. § 1326"),
    ("Iglesias-Cruz appeals his 40-month sentence for illegal reentry into the United States after previously being "
     "deported, in violation of 8 U.S.C. § 1326(a), (b)(2).", "illegal reentry into the United States",
     "8 U.S.C. § 1326(a), (b)(2)"),
    # a quoted short name between
    ('On February 8, 1996, the respondent was convicted of grand theft of an automobile ("grand theft auto") in '
     "violation of section 487h(a) of the California Penal Code.", "grand theft of an automobile",
     "section 487h(a) of the California Penal Code"),
    # the citation first, then a comma
    ("He is being charged with 8 USC 1326, Re-entry of a Removed Alien.", "Re-entry of a Removed Alien", "8 USC 1326"),
    ("The Court finds that Defendant is guilty beyond a reasonable doubt of violating 8 U.S.C. § 1326 (illegal "
     "re-entry).", "illegal re-entry", "8 U.S.C. § 1326"),
])
def test_a_citation_after_the_charges_words_is_its_statute(extract, text: str, charge: str, cited: str) -> None:
    offense = next(o for o in affirmed(extract(text), "offense") if o.charge == charge)
    assert offense.statute is not None and offense.statute.text == cited


@pytest.mark.parametrize("text", [
    "He was convicted of burglary after he was deported in violation of 8 U.S.C. § 1326.",  # a clause between
    "He was convicted of burglary. Jones, his co-defendant, pleaded guilty in violation of 8 U.S.C. § 1326.",
])
def test_a_citation_past_a_clause_is_not_the_charges(extract, text: str) -> None:
    offense = next(o for o in affirmed(extract(text), "offense") if o.charge == "burglary")
    assert offense.statute is None


def test_the_nearest_charge_before_a_citation_takes_it(extract) -> None:
    text = "He was convicted of burglary and unlawful possession of stolen mail in violation of 18 U.S.C. § 1708."
    statutes = {o.charge: o.statute.text if o.statute else None for o in affirmed(extract(text), "offense")}
    assert statutes == {"burglary": None, "unlawful possession of stolen mail": "18 U.S.C. § 1708"}


def test_the_date_of_a_decision_about_a_conviction_is_not_its_date(extract) -> None:
    text = ("The Service appeals from an Immigration Judge's July 1, 1999, decision, which found that the "
            "respondent's conviction for attempted possession of stolen property was not an aggravated felony.")
    (offense,) = affirmed(extract(text), "offense")
    assert offense.disposition_date is None


def test_assault_with_intent_to_commit_is_one_charge(extract) -> None:
    text = ("He pled guilty to the lesser-included offense of assault with intent to commit sexual abuse causing no "
            "bodily injury in violation of Iowa Code § 709.11.")
    (offense,) = affirmed(extract(text), "offense")
    assert (offense.charge, offense.statute.section) == ("assault with intent to commit sexual abuse", "709.11")


def test_a_crime_that_occurred_on_a_date_is_an_offense(extract) -> None:
    text = ("The first robbery occurred Nov. 13, 2000, when he and a group of armed men allegedly robbed a local bank "
            "in El Salvador.")
    (offense,) = affirmed(extract(text), "offense")
    assert (offense.charge, offense.offense_date.iso) == ("robbery", "2000-11-13")


def test_a_date_before_an_after_phrase_is_the_main_verbs(extract) -> None:
    text = "He was deported in 1993 after completing his sentence for the rape conviction."
    (offense,) = affirmed(extract(text), "offense")
    assert (offense.charge, offense.disposition, offense.disposition_date) == ("rape", "convicted", None)


def test_conspiracy_to_commit_is_one_charge(extract) -> None:
    text = "Police arrested and charged him with first degree murder, conspiracy to commit murder and arson."
    charges = [o.charge for o in affirmed(extract(text), "offense")]
    assert "conspiracy to commit murder" in charges and "conspiracy" not in charges


@pytest.mark.parametrize(("text", "charge"), [
    ("He was convicted of possession of a firearm in furtherance of a drug trafficking crime.",
     "possession of a firearm in furtherance of a drug trafficking crime"),
    ("Garcia was charged in 2005 for aggravated assault, aggravated sexual assault during robbery, and arson.",
     "aggravated sexual assault during robbery"),
    ("Smith was convicted of assault in the course of a burglary.", "assault in the course of a burglary"),
])
def test_an_offense_with_its_circumstance_is_one_charge(extract, text: str, charge: str) -> None:
    charges = [o.charge for o in affirmed(extract(text), "offense")]
    assert charge in charges and "robbery" not in charges and "burglary" not in charges \
        and "drug trafficking" not in charges


def test_wanted_by_authorities_for_a_charge(extract) -> None:
    text = "Pop is a foreign fugitive wanted by law enforcement authorities in Guatemala for child abuse."
    assert [(o.charge, o.disposition) for o in affirmed(extract(text), "offense")] == [("child abuse", "charged")]


def test_the_charges_own_sentence_dates_it_before_a_continuing_one(extract) -> None:
    text = ("On Sept. 2, 2024, the Harrisburg Police arrested Pop for simple assault. Later that month, ERO "
            "Philadelphia arrested him in Harrisburg.")
    fact = _one(extract, text)
    assert (fact.charge, fact.arrest_date.iso) == ("simple assault", "2024-09-02")


def test_incarcerated_for_a_charge_is_a_conviction(extract) -> None:
    text = "ERO lodged a detainer after Garza was incarcerated at the facility for aggravated robbery."
    assert [(o.charge, o.disposition) for o in affirmed(extract(text), "offense")] == [("aggravated robbery",
                                                                                       "convicted")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ramirez has the following prior convictions: burglary in 1998; theft in 2001; and possession of cocaine in "
     "2004.", [("burglary", "1998"), ("theft", "2001"), ("possession of cocaine", "2004")]),
    ("Ramirez was convicted of the following offenses: a 1998 burglary; a 2001 theft; and a 2004 possession of "
     "cocaine.", [("burglary", "1998"), ("theft", "2001"), ("possession of cocaine", "2004")]),
    # a date before the first charge is the whole list's
    ("On October 18, 1990, Gonzalez was convicted of: (1) conspiracy to possess with intent to distribute 500 "
     "grams or more of cocaine; and (2) possession with intent to distribute approximately 2 kilograms of cocaine.",
     [("conspiracy to possess with intent to distribute", "1990-10-18"),
      ("possession with intent to distribute", "1990-10-18")]),
])
def test_each_item_of_a_semicolon_list_has_its_own_date(extract, text: str, expected: list) -> None:
    dated = [(o.charge, (o.offense_date or o.disposition_date).iso) for o in affirmed(extract(text), "offense")]
    assert dated == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Smith has prior convictions for aggravated assault (1998), possession of cocaine (2001), and robbery (2005).",
     [("aggravated assault", "1998"), ("possession of cocaine", "2001"), ("robbery", "2005")]),
    # the cue inside "evading arrest" does not take the item's date
    ("He has convictions for burglary of a habitation in 1995, evading arrest in 1997, and theft in 2000.",
     [("burglary of a habitation", "1995"), ("evading arrest", "1997"), ("theft", "2000")]),
    # charges joined before their date share it
    ("He was arrested for burglary in 1995, and for theft and robbery on June 1, 2000.",
     [("burglary", "1995"), ("theft", "2000-06-01"), ("robbery", "2000-06-01")]),
    # two charges that share one date are no dated list
    ("On March 3, 2010, he was arrested for domestic battery and resisting arrest without violence.",
     [("domestic battery", "2010-03-03"), ("resisting arrest without violence", "2010-03-03")]),
])
def test_each_item_of_a_comma_list_has_its_own_date(extract, text: str, expected: list) -> None:
    dated = [(o.charge, d.iso if (d := o.disposition_date or o.arrest_date) else None)
             for o in affirmed(extract(text), "offense")]
    assert dated == expected


def test_a_modifier_the_parser_made_the_head_stays_in_the_charge(extract) -> None:
    text = ("November 27, 2012Chicago, IL, United StatesEnforcement and Removal\n\nICE deports fugitive wanted in "
            "Poland for reckless homicide\n\nCHICAGO – A Polish national was deported Tuesday.")
    assert [o.charge for o in affirmed(extract(text), "offense")] == ["reckless homicide"]


def test_the_judge_who_sentences_is_not_whose_offense(extract) -> None:
    fact = _one(extract, "U.S. District Judge Julie R. Rubin today sentenced Ana Ruiz-Soto, age 37, to 210 months "
                         "in federal prison for conspiracy to distribute controlled substances.")
    assert (fact.about.who, fact.disposition) == ("subject", "convicted")


def test_offenses_of_a_group_are_nobodys(extract) -> None:
    text = "ICE has deported many other fugitives wanted for murder, and other crimes such as kidnapping and rape."
    assert affirmed(extract(text), "offense") == []


def test_the_noun_after_a_charge_is_that_charges_cue(extract) -> None:
    offenses = affirmed(extract("A Mexican man with a manslaughter conviction, who is also wanted in his home country "
                                "for homicide, was deported."), "offense")
    assert {o.charge: o.disposition for o in offenses} == {"manslaughter": "convicted", "homicide": "charged"}


def test_a_date_of_the_main_clause_is_not_the_conviction_date(extract) -> None:
    fact = _one(extract, "ERO officers removed Ana Ruiz in May 2011 after she was convicted of grand larceny.")
    assert (fact.disposition, fact.disposition_date) == ("convicted", None)


def test_a_fronted_date_dates_the_subordinate_clause_too(extract) -> None:
    fact = _one(extract, "In 2010, after she was arrested for driving under the influence, DHS charged her with "
                         "removability.")
    assert fact.arrest_date is not None and fact.arrest_date.iso == "2010"


@pytest.mark.parametrize(("text", "offense_date", "disposition_date"), [
    ("Cortez is wanted in connection to a 2003 murder in Chihuahua.", "2003", None),
    ("He was convicted in 2004 of a 1999 burglary.", "1999", "2004"),
    # a date before another noun dates that noun, not the conviction
    ("The 1951 exclusion was based on his conviction in Canada for fraud.", None, None),
])
def test_a_date_before_a_noun_dates_that_noun(extract, text: str, offense_date, disposition_date) -> None:
    offense = _one(extract, text)
    assert (offense.offense_date and offense.offense_date.iso) == offense_date
    assert (offense.disposition_date and offense.disposition_date.iso) == disposition_date


def test_the_date_of_a_reporting_verb_is_not_the_convictions(extract) -> None:
    offense = _one(extract, "On Nov. 7, 2023, ERO Boston learned that he had previously been convicted of "
                   "premeditated homicide in Colombia.")
    assert offense.disposition_date is None
    dated = _one(extract, "Records show that he was convicted of burglary on May 3, 2010.")
    assert dated.disposition_date.iso == "2010-05-03"


def test_weakness_belongs_to_the_wording_not_the_offense(extract) -> None:
    # "illegal re-entry" is a charge by itself although "being found in the United States" (the same offense) is
    # one only next to a cue
    strong = affirmed(extract("Felon deported following prison term for illegal re-entry to the U.S."), "offense")
    assert [o.charge for o in strong] == ["illegal re-entry"]
    assert affirmed(extract("Officers said he was found in the United States after a long trip."), "offense") == []


@pytest.mark.parametrize("text", [
    "In 1991, he was convicted of attempted burglary. He also has a sealed juvenile record.",
    "In 1991, he was convicted of attempted burglary. The Board affirmed and dismissed his appeal.",
    "In 1991, he was convicted of attempted burglary. He asserts that the court erred by failing to grant his motion "
    "to dismiss.",
])
def test_a_later_cue_about_a_filing_or_record_does_not_continue_the_charge(extract, text: str) -> None:
    assert _one(extract, text).disposition == "convicted"


def test_a_hyphenated_modifier_is_part_of_the_charge(extract) -> None:
    facts = extract("He was convicted of attempted second-degree murder and first-degree assault.")
    offenses = affirmed(facts, "offense")
    assert sorted(o.charge for o in offenses) == ["attempted second-degree murder", "first-degree assault"]


def test_a_list_item_after_a_gerund_shares_the_cue_and_date(extract) -> None:
    # "by taking" is part of the charge name, not a verb that ends the list
    facts = extract("In 2003, he was convicted in Georgia state court of theft by taking and driving without a "
                    "license, and he was sentenced to twelve months' probation.")
    dated = {(o.charge, o.disposition, o.disposition_date and o.disposition_date.iso)
             for o in affirmed(facts, "offense")}
    assert ("driving without a license", "convicted", "2003") in dated, dated


def test_a_charge_that_is_the_subject_of_its_own_clause_is_no_list_item(extract) -> None:
    facts = extract("Juan Diaz was convicted of theft, and the burglary charge was dismissed.")
    assert {(o.charge, o.disposition) for o in affirmed(facts, "offense")} == \
        {("theft", "convicted"), ("burglary", "dismissed")}


def test_the_plea_date_wins_over_the_sentencing_date(extract) -> None:
    offense = _one(extract, "He was charged with illegal reentry. He entered a guilty plea to the indictment on "
                   "July 18, 1994. On September 28, 1994, he was sentenced to 37 months in prison.")
    assert offense.disposition_date.iso == "1994-07-18"
    only = _one(extract, "He pleaded guilty to illegal reentry and was sentenced on September 28, 1994.")
    assert only.disposition_date.iso == "1994-09-28"


def test_a_date_before_a_semicolon_is_not_the_next_clauses(extract) -> None:
    facts = extract("He was arrested for obstructing an officer by the Suffolk County Police Department on or "
                    "about October 1, 2020; he pleaded guilty on or about 07/14/2021 and was sentenced to 45 days.")
    offense = next(o for o in affirmed(facts, "offense") if "obstructing" in o.charge)
    assert offense.disposition_date.iso == "2021-07-14"


def test_a_term_served_for_an_arrest_charge_is_a_conviction(extract) -> None:
    text = ("His prior record consisted of numerous traffic violations including two incidents of negligent driving, "
            "several speeding tickets and three arrests for driving without a license for which he served 42 days "
            "in jail.")
    found = {(o.charge, o.disposition) for o in affirmed(extract(text), "offense")}
    assert found == {("negligent driving", "unknown"), ("speeding tickets", "unknown"),
                     ("driving without a license", "convicted")}


def test_a_passive_main_verbs_date_is_not_its_because_clauses(extract) -> None:
    offense = _one(extract, "Jose Garcia was deported in 1996 because he had been convicted of a drug trafficking "
                   "crime.")
    assert offense.disposition == "convicted" and offense.disposition_date is None


def test_a_prosecution_for_a_charge_is_a_charge(extract) -> None:
    offense = _one(extract, "During his first prosecution for illegal re-entry, he challenged the deportation order.")
    assert offense.disposition == "charged"


def test_a_charge_written_as_code_titles_is_one_charge(extract) -> None:
    facts = extract("On July 12, 2011, the court charged him with controlled substance: possession with intent to "
                    "distribute; and trespassing.")
    assert sorted(o.charge for o in affirmed(facts, "offense")) == \
        ["controlled substance: possession with intent to distribute", "trespassing"]
    facts = extract("He was convicted of assault: he struck the victim with a bottle.")
    assert [o.charge for o in affirmed(facts, "offense")] == ["assault"]


@pytest.mark.parametrize("text", [
    "The Bialystok Criminal Court in Poland issued an arrest warrant for Sikorski Oct. 9, 2002 on charges of "
    "reckless homicide.",
    "Mexico's PGR issued a warrant for his arrest for homicide in March 2015.",
])
def test_a_warrants_date_is_no_arrest_date(extract, text: str) -> None:
    offense = _one(extract, text)
    assert (offense.disposition, offense.arrest_date) == ("charged", None)


def test_an_arrest_into_immigration_custody_does_not_date_the_charge(extract) -> None:
    offense = _one(extract, "Mexico's PGR issued a warrant for his arrest for homicide in March 2015. On March 14, "
                   "2016, he was located and arrested in Liberty, Texas, by ERO Houston officers.")
    assert offense.arrest_date is None
    offense = _one(extract, "He was wanted for homicide in Mexico. On March 14, 2016, he was located and arrested "
                   "in Liberty, Texas, by local police.")
    assert offense.arrest_date.iso == "2016-03-14"


def test_a_prior_occurrence_of_the_charge_is_another_offense(extract) -> None:
    facts = extract("Aguillar appeals his sentence following his conviction upon a plea of guilty to illegal reentry "
                    "after a felony conviction. His prior convictions consist of a misdemeanor assault conviction in "
                    "2005 and a prior illegal reentry conviction in 2007.")
    reentries = [o for o in affirmed(facts, "offense") if o.charge == "illegal reentry"]
    assert sorted((o.disposition, o.disposition_date.iso if o.disposition_date else None) for o in reentries) == \
        [("convicted", "2007"), ("pleaded_guilty", None)]
    facts = extract("In 2010 he was convicted of a second illegal re-entry. During his first prosecution for illegal "
                    "re-entry, he challenged the deportation order.")
    assert len([o for o in affirmed(facts, "offense") if o.charge == "illegal re-entry"]) == 2


@pytest.mark.parametrize(("text", "charges"), [
    ("The respondent was convicted on November 21, 1979, in the United States District Court for the Southern "
     "District of New York of six counts of conspiracy to defraud and to commit offenses against the United States "
     "for which he was sentenced to 15 months' imprisonment. The offense with which we are concerned in this "
     "proceeding is the respondent's conviction for aiding and abetting another alien to obtain a visa, knowing "
     "it to have been procured by means of a false claim or to have "
     "been otherwise procured by fraud or unlawfully obtained in violation of 18 U.S.C. §§ 2 and 1546 (1982).",
     ["conspiracy", "aiding and abetting another alien"]),
    ("The Board of Immigration Appeals determined that Singh's conviction was an offense involving fraud or deceit "
     "in which the loss to the victim exceeded $10,000, and hence an aggravated felony under 8 U.S.C. "
     "1101(a)(43)(M)(i).", []),
    ("He pleaded guilty to entering the country through fraud.", ["entering the country through fraud"]),
    ("On the same day, authorities in Kansas arrested him for a felony involving aggravated indecent liberties with "
     "a twelve-year-old.", ["aggravated indecent liberties"]),
])
def test_a_means_or_the_kind_of_a_conviction_is_no_charge(extract, text: str, charges: list[str]) -> None:
    assert [o.charge for o in affirmed(extract(text), "offense")] == charges


def test_a_degree_written_after_the_charge_is_part_of_it(extract) -> None:
    text = "He was charged with child abuse second degree, assault in the second degree, and robbery 1st degree."
    assert [(o.charge, o.charge_normalized) for o in affirmed(extract(text), "offense")] == [
        ("child abuse second degree", "child abuse in the second degree"),
        ("assault in the second degree", "assault in the second degree"),
        ("robbery 1st degree", "robbery in the first degree")]
    offense = _one(extract, "He was removed after pleading no contest to assault III, a felony, in Oregon.")
    assert (offense.charge, offense.disposition) == ("assault III", "pleaded_guilty")
    offense = _one(extract, "The court also convicted him of sex offense-second degree.")
    assert offense.charge == "sex offense-second degree"


def test_an_arrest_and_a_conviction_for_one_offense_in_other_words_merge(extract) -> None:
    text = ("Police arrested him in October 2016 for sexually abusing a minor. The court convicted him in July 2017 "
            "of sex abuse of a minor and sentenced him to 25 years of incarceration.")
    (offense,) = affirmed(extract(text), "offense")
    assert (offense.disposition, offense.arrest_date.iso, offense.disposition_date.iso,
            offense.sentence.custody_days) == ("convicted", "2016-10", "2017-07", 9125)


@pytest.mark.parametrize(("text", "charge"), [
    ("In 2001 he was convicted of burglary of a habitation and criminal mischief.", "burglary of a habitation"),
    ("He was convicted of theft by deception in 1999.", "theft by deception"),
    ("He was convicted of robbery with a deadly weapon.", "robbery with a deadly weapon"),
    ("He was convicted of possession with intent to distribute methamphetamine.",
     "possession with intent to distribute methamphetamine"),
    # a person, a place or a category after the term stays out
    ("He was convicted of assault on his wife.", "assault"),
    ("He was arrested for theft in Dallas.", "theft"),
    ("He was arrested for failing to appear on outstanding traffic charges.", "failing to appear"),
])
def test_a_charge_keeps_the_object_the_lexicon_term_leaves_out(extract, text: str, charge: str) -> None:
    assert affirmed(extract(text), "offense")[0].charge == charge


def test_a_cue_that_refers_back_to_all_listed_charges_is_each_ones(extract) -> None:
    text = ("The court arraigned Soto on the same date for burglary, trafficking in a controlled substance, and "
            "possession of ammunition, and those charges remain open.")
    assert [(o.charge, o.disposition) for o in affirmed(extract(text), "offense")] == [
        ("burglary", "pending"), ("trafficking in a controlled substance", "pending"),
        ("possession of ammunition", "pending")]


def test_charges_that_are_pending_after_the_list(extract) -> None:
    text = ("Police arrested Soto for one count of burglary and five counts of robbery Sept. 3, 2023, and those "
            "charges are pending.")
    assert [o.disposition for o in affirmed(extract(text), "offense")] == ["pending", "pending"]


def test_the_date_of_the_verb_a_following_phrase_modifies_is_not_the_arrests(extract) -> None:
    text = ("He was first encountered by ERO Houston on Sept. 2, 2015, at the Harris County Jail following his arrest "
            "for aggravated assault.")
    (offense,) = affirmed(extract(text), "offense")
    assert (offense.charge, offense.arrest_date) == ("aggravated assault", None)


@pytest.mark.parametrize("text", [
    "On May 11, 1977, an Order to Show Cause was issued charging the respondent with being deportable under section "
    "241(a)(11) of the Act, as an alien convicted of a designated drug offense.",
    "The immigration judge found the respondent deportable as an alien convicted of a controlled substance "
    "violation.1 The judge denied the waiver.",
])
def test_a_ground_of_removability_is_no_offense(extract, text: str) -> None:
    assert affirmed(extract(text), "offense") == []


def test_a_year_before_a_state_and_its_conviction_dates_that_conviction(extract) -> None:
    text = ("Three crimes are relevant: Soto's 1999 Nevada conviction for possession of a controlled substance, his "
            "2000 Nevada conviction for drug trafficking and his 2001 federal conviction for illegal reentry.")
    assert [(o.charge, o.disposition_date.iso) for o in affirmed(extract(text), "offense")] == [
        ("possession of a controlled substance", "1999"), ("drug trafficking", "2000"), ("illegal reentry", "2001")]


def test_a_sentence_named_before_its_charge(extract) -> None:
    facts = affirmed(extract("Defendant Pedro Calderon-Pena’s seventy-month sentence for illegally reentering the "
                             "United States in violation of 8 U.S.C. § 1326 included a sixteen-level enhancement based "
                             "on a prior conviction of the Texas crime of child endangerment."), "offense")
    assert {o.charge: o.sentence.custody_days if o.sentence else None for o in facts}.get(
        "illegally reentering") == 2100


def test_an_adjective_the_parser_made_the_head_is_part_of_the_charge(extract) -> None:
    facts = affirmed(extract("In 2006, Gonzalez-Cruz pled guilty in federal court to illegal reentry of a deported "
                             "alien and received a 37-month sentence."), "offense")
    assert [(o.charge, o.sentence.custody_days) for o in facts] == [("illegal reentry of a deported alien", 1110)]


@pytest.mark.parametrize("text", [
    "Ruben Avila appeals from the order denying his motion to dismiss an indictment charging him with unlawful entry "
    "after deportation in violation\nof 8 U.S.C. §§ 1326(a) and (b)(2). He also appeals his sentence.",
    "Fernando Frederick Wilson appeals his conviction under 8 U.S.C. §§ 1326(a) and (b)(2) for unlawful reentry of a "
    "deported alien.",
])
def test_a_citation_a_few_words_after_or_just_before_its_charge(extract, text: str) -> None:
    (offense,) = affirmed(extract(text), "offense")
    assert offense.statute is not None and offense.statute.text == "8 U.S.C. §§ 1326(a) and (b)(2)"


def test_an_organizations_crimes_are_no_persons_offense(extract) -> None:
    text = ("The Mexican Mafia is a highly organized criminal entity thought to have more than 100,000 members and be "
            "heavily involved in extortion, drug and human trafficking, murder and other criminal activity.")
    assert affirmed(extract(text), "offense") == []


def test_found_guilty_on_both_counts_a_few_sentences_on_continues_the_charges(extract) -> None:
    text = ("In December 1991, Burgos was charged with (1) conspiracy to distribute and (2) distribution of "
            "approximately one kilogram of cocaine. After her arrest, she was released on her own recognizance. During "
            "this period, she entered a drug-treatment program.\n\nIn May 1992, Burgos was found guilty on both "
            "counts following a jury trial.")
    assert {(o.disposition, o.disposition_date.iso if o.disposition_date else None)
            for o in affirmed(extract(text), "offense")} == {("convicted", "1992-05")}


def test_sought_by_authorities_for_a_dated_murder(extract) -> None:
    (offense,) = affirmed(extract("Quintana-Aguilera was sought by authorities in Casas Grandes, Chihuahua, Mexico, "
                                  "for the November 2007 murder of Rigoberto Romero Enriquez."), "offense")
    assert (offense.charge, offense.disposition, offense.offense_date.iso) == ("murder", "charged", "2007-11")


def test_a_conviction_after_the_charge_describes_it(extract) -> None:
    (offense,) = affirmed(extract("Estrada was charged with illegal re-entry after an aggravated felony conviction, "
                                  "and remanded into the custody of the U.S. Marshals Service."), "offense")
    assert offense.disposition == "charged"


@pytest.mark.parametrize(("text", "charge"), [
    ("He was convicted of possession of a firearm by an alien and violating terms of his probation.",
     "violating terms of his probation"),
    ("He was arrested again for violating the terms of his supervised release by reentering without permission.",
     "violating the terms of his supervised release"),
    ("He has prior convictions in Texas for forgery in 2005 and fleeing the scene of an accident in 2008.",
     "fleeing the scene of an accident"),
])
def test_violations_and_fleeing_wordings(extract, text: str, charge: str) -> None:
    assert charge in [o.charge for o in affirmed(extract(text), "offense")]


def test_each_joined_date_of_one_charge_is_one_more_offense(extract) -> None:
    offenses = affirmed(extract("In 2010 and 2012, he was convicted of driving while intoxicated."), "offense")
    assert sorted((o.disposition_date.iso, o.flags) for o in offenses) == [
        ("2010", ["occurrence:repeat"]), ("2012", [])]
    offenses = affirmed(extract("Soto has three DUI convictions (2015, 2016 and 2019)."), "offense")
    assert sorted(o.disposition_date.iso for o in offenses) == ["2015", "2016", "2019"]
    offenses = affirmed(extract("He has two felony convictions for forced-entry burglary (2011 and 2017)."),
                        "offense")
    assert sorted(o.disposition_date.iso for o in offenses) == ["2011", "2017"]
    offenses = affirmed(extract("He was convicted on May 3, 2010 and sentenced on June 5, 2010 for theft."),
                        "offense")
    assert len(offenses) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("He had an outstanding warrant for aggravated battery.", [("aggravated battery", "charged")]),
    # a cue word inside the offense's name
    ("He was charged with unlawful possession of a firearm by a convicted felon.",
     [("unlawful possession of a firearm by a convicted felon", "charged")]),
    ("Officers arrested him for being drunk in public.", [("being drunk in public", "arrested")]),
    ("He served 18 months in state prison for forgery.", [("forgery", "convicted")]),
])
def test_more_release_wordings(extract, text: str, expected: list) -> None:
    assert [(o.charge, o.disposition) for o in affirmed(extract(text), "offense")] == expected


def test_the_current_offense_is_not_the_prior_one(extract) -> None:
    text = ("His prior convictions consist of a prior illegal reentry conviction in 2007. He served four months "
            "incarceration on the latter charge. Soto pleaded guilty to the current offense.")
    (offense,) = affirmed(extract(text), "offense")
    assert (offense.disposition, offense.sentence.custody_days) == ("convicted", 120)


def test_the_day_an_alien_is_found_here_dates_the_reentry(extract) -> None:
    text = ("Soto was convicted of illegal reentry. The evidence showed that he was removed on or about March 4, 2014. "
            "Soto was found in the United States on or about April 10, 2017.")
    (offense,) = affirmed(extract(text), "offense")
    assert offense.offense_date.iso == "2017-04-10"


def test_the_reason_of_an_immigration_arrest_is_no_charge(extract) -> None:
    text = ("The U.S. Border Patrol arrested Pop near Calexico, California, on March 14, 2019, for entering the United "
            "States without inspection or parole by an immigration official.")
    assert affirmed(extract(text), "offense") == []


def test_a_negation_word_inside_the_charge_does_not_negate_it(extract) -> None:
    offenses = affirmed(extract("In 2016 he was convicted of driving without insurance."), "offense")
    assert [(o.charge, o.disposition) for o in offenses] == [("driving without insurance", "convicted")]


@pytest.mark.parametrize(("text", "charges"), [
    # the offense term that modifies another is part of it, no charge of its own
    ("Soto pleaded guilty today to his role in a drug trafficking conspiracy.", ["drug trafficking conspiracy"]),
    # an organization an offense term describes is no charge
    ("Soto was charged with conspiracy to distribute cocaine. The charge stemmed from an investigation into Ruiz, "
     "who was allegedly operating a trafficking organization.", ["conspiracy to distribute cocaine"]),
    # nor is a plea
    ("Soto pleaded guilty to illegal reentry. Sentencing for today's plea will occur in May.", ["illegal reentry"]),
])
def test_words_around_a_charge_that_name_none(extract, text: str, charges: list[str]) -> None:
    assert [o.charge for o in affirmed(extract(text), "offense")] == charges


@pytest.mark.parametrize(("text", "expected"), [
    ("He was not only wanted for attempted murder in Mexico, but had also been convicted of a violent felony in the "
     "U.S.", [("attempted murder", "charged")]),
    ("In 2010, after he was arrested for driving under the influence, the Department of Homeland Security charged him "
     "with removability as an alien present in the United States without being admitted or paroled.",
     [("driving under the influence", "arrested")]),
])
def test_a_later_cue_with_its_own_object_is_not_the_charges(extract, text: str, expected: list) -> None:
    assert [(o.charge, o.disposition) for o in affirmed(extract(text), "offense")] == expected


def test_a_sentence_for_a_charge_is_a_conviction(extract) -> None:
    offense = _one(extract, "Defendant Pedro Calderon-Pena's seventy-month sentence for illegally reentering the "
                   "United States included a sixteen-level enhancement.")
    assert (offense.charge, offense.disposition) == ("illegally reentering", "convicted")


def test_a_cleared_conviction_keeps_no_conviction_date(extract) -> None:
    offense = _one(extract, "On March 14, 1968, he was convicted in a Texas district court for unlawful possession of "
                   "marijuana. The conviction was later vacated.")
    assert (offense.disposition, offense.disposition_date) == ("vacated", None)
    offense = _one(extract, "By order entered August 26, 1993, the conviction for disturbing the peace was vacated.")
    assert (offense.disposition, offense.disposition_date.iso) == ("vacated", "1993-08-26")


def test_a_next_sentences_cue_with_an_object_of_its_own_does_not_continue_the_charge(extract) -> None:
    offense = _one(extract, "Perez-Monroy was convicted of re-entry after deportation. Perez-Monroy was arrested on "
                   "local charges in September 2007 by the Phoenix Police Department.")
    assert offense.arrest_date is None
    offense = _one(extract, "He pleaded guilty to trespass. On that count the defendant was sentenced to credit for "
                   "time served, and placed on probation for one (1) year.")
    assert offense.sentence.probation_days == 365


def test_that_arrest_points_back_to_the_sentence_before(extract) -> None:
    offense = _one(extract, "In 1994, Iglesias-Cruz was arrested in Washington, D.C. during an undercover drug "
                   "operation. Stemming from that arrest, in 1995, Iglesias-Cruz was convicted of two counts of a "
                   "felony drug trafficking offense.")
    assert (offense.arrest_date.iso, offense.disposition_date.iso) == ("1994", "1995")


def test_a_participle_on_a_noun_does_not_end_a_list(extract) -> None:
    """ "receiving stolen goods" between two items: "stolen" modifies a noun, the list goes on."""
    text = ("Convicted of two crimes involving moral turpitude after entry, to wit: larceny (Mass. 1966); three "
            "counts of receiving stolen goods (Mass. 1966); possession of burglary tools (Mass. 1966).")
    dispositions = {o.charge: o.disposition for o in affirmed(extract(text), "offense")}
    assert dispositions.get("burglary", dispositions.get("possession of burglary tools")) == "convicted"


def test_arrested_and_deported_dates_no_charge(extract) -> None:
    (fact,) = affirmed(extract("He is charged with one count of illegal reentry after having been previously arrested "
                               "and deported from the United States on June 4, 2011."), "offense")
    assert (fact.disposition, fact.arrest_date) == ("charged", None)


def test_state_statute_titles_are_charges(extract) -> None:
    text = ("He was arrested for recklessly endangering another person, corruption of minors, unlawful restraint "
            "and possession of an instrument of crime, and convicted of indecent acts with a child in 1991.")
    offenses = affirmed(extract(text), "offense")
    assert {(o.charge, o.disposition) for o in offenses} == {
        ("recklessly endangering another person", "arrested"), ("corruption of minors", "arrested"),
        ("unlawful restraint", "arrested"), ("possession of an instrument of crime", "arrested"),
        ("indecent acts with a child", "convicted")}


def test_a_laws_name_before_its_citation_is_no_charge(extract) -> None:
    text = ("The respondent has been found deportable under section 241(a)(4) of the Immigration and Nationality Act "
            "(8 U.S.C. 1251(a)(4)).")
    assert affirmed(extract(text), "offense") == []


def test_a_page_header_pg_is_no_guilty_plea(extract) -> None:
    text = ("USCA4 Appeal: 22-4193 Doc: 34 Filed: 03/24/2023 Pg: 1 of 18 PUBLISHED In 2004 Alas was arrested for "
            "malicious wounding.\n\nARREST 2019 PETIT LARCENY PG")
    dispositions = {o.charge: o.disposition for o in affirmed(extract(text), "offense")}
    assert dispositions == {"malicious wounding": "arrested", "PETIT LARCENY": "pleaded_guilty"}


def test_a_headline_charge_ends_before_the_line_break(extract) -> None:
    text = ("Honduran national sentenced for assault on ICE officer\n\nNEW YORK \u2013 A Honduran national was "
            "sentenced June 12 to 364 days after pleading guilty to one count of assault on a law enforcement officer.")
    charges = {o.charge for o in affirmed(extract(text), "offense")}
    assert charges and all(c == c.strip() for c in charges)


def test_neighbours_in_a_list_stay_two_offenses(extract) -> None:
    text = ("The court arraigned Perez on charges of aggravated rape, rape, intimidation of a witness and indecent "
            "assault and battery.")
    charges = sorted(o.charge for o in affirmed(extract(text), "offense"))
    assert charges == ["aggravated rape", "indecent assault and battery", "intimidation of a witness", "rape"]


def test_the_means_of_a_charge_is_no_second_charge(extract) -> None:
    text = ("The police arrested him June 16, 2020, and charged him with second-degree manslaughter with a motor "
            "vehicle and failure to insure a private motor vehicle.")
    charges = sorted(o.charge for o in affirmed(extract(text), "offense"))
    assert charges == ["failure to insure a private motor vehicle", "second-degree manslaughter"]


def test_a_guilty_plea_conviction_is_a_plea(extract) -> None:
    for text in ("We review his sentence resulting from a guilty-plea conviction for illegal reentry.",
                 "We review his sentence resulting from a guilty plea conviction for illegal reentry."):
        (fact,) = affirmed(extract(text), "offense")
        assert fact.disposition == "pleaded_guilty"


def test_a_degree_after_a_comma_is_part_of_the_charge(extract) -> None:
    text = ("He was convicted as recently as 1959 of second degree burglary and grand larceny.\n\nEXCLUDABLE: "
            "Convicted of crimes involving moral turpitude \u2014 Burglary, second degree; larceny.")
    charges = sorted(o.charge for o in affirmed(extract(text), "offense"))
    assert charges == ["grand larceny", "second degree burglary"]


def test_a_range_over_a_list_dates_none_of_its_items(extract) -> None:
    text = ("From 1990 to 1992, Hernandez suffered five convictions-possession of bad checks, driving under the "
            "influence, attempted grand theft, forgery, and possession of forged notes. Between 2001 and 2003 he was "
            "convicted of theft.")
    dated = {o.charge: o.disposition_date.iso if o.disposition_date else None
             for o in affirmed(extract(text), "offense")}
    assert dated["forgery"] is None and dated["theft"] == "2001"


def test_more_offense_names(extract) -> None:
    text = ("In 1985, Gonzales was convicted of being under the influence of heroin and possession of a hypodermic "
            "needle.\n\nHis convictions include multiple counts of possession of controlled substances and drug "
            "paraphernalia, burglary, trespassing, grand theft and domestic violence.")
    charges = sorted(o.charge for o in affirmed(extract(text), "offense"))
    assert charges == ["being under the influence of heroin", "burglary", "domestic violence", "drug paraphernalia",
                       "grand theft", "possession of a hypodermic needle", "possession of controlled substances",
                       "trespassing"]


def test_the_plea_dates_its_clause_before_the_sentencing_clause(extract) -> None:
    text = ("Officers also discovered that Ramirez pleaded guilty to aggravated assault with a deadly weapon in Texas "
            "state court in 1998 and was sentenced to eight years' deferred adjudication probation.")
    (fact,) = affirmed(extract(text), "offense")
    assert (fact.disposition, fact.disposition_date.iso) == ("pleaded_guilty", "1998")


def test_a_when_clause_shares_its_main_clauses_date(extract) -> None:
    text = ("Appellant's illegal presence came to immigration officials' attention in 1998 when he was convicted of "
            "assault with intent to commit felony rape.")
    (fact,) = affirmed(extract(text), "offense")
    assert fact.disposition_date.iso == "1998"


def test_a_narrated_violent_act_dates_the_violent_charges_before_it(extract) -> None:
    text = ("Cruz-Santoyo is wanted in Mexico on charges of murder and battery. According to the Mexican arrest "
            "warrant, on March 17, 2000, Cruz-Santoyo allegedly walked into an auto body shop and opened fire.")
    dated = {o.charge: o.offense_date.iso if o.offense_date else None for o in affirmed(extract(text), "offense")}
    assert dated == {"murder": "2000-03-17", "battery": "2000-03-17"}
    text = "He was convicted of theft. On March 17, 2000, he allegedly walked into a shop."
    (fact,) = affirmed(extract(text), "offense")
    assert fact.offense_date is None  # no violent charge: the narrated act is another's


def test_a_quoted_short_name_in_parentheses_is_the_same_charge(extract) -> None:
    text = ('On February 8, 1996, the respondent was convicted of grand theft of an automobile ("grand theft auto") '
            "in violation of section 487h(a) of the California Penal Code.")
    assert [o.charge for o in affirmed(extract(text), "offense")] == ["grand theft of an automobile"]


def test_an_attempted_reentry_in_two_wordings_is_one_offense(extract) -> None:
    text = ("Appeal from a judgment following a plea of guilty to attempting to enter the United States after having "
            "been deported, in violation of 8 U.S.C. § 1326(a).\n\nBarnes appeals from a judgment convicting him upon "
            "a plea of guilty to attempted entry of the United States following deportation.")
    offenses = affirmed(extract(text), "offense")
    assert [(o.charge_normalized, o.disposition) for o in offenses] == [
        ("attempted illegal reentry", "pleaded_guilty")]
