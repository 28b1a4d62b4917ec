"""Subject identifiers, as written."""

from __future__ import annotations

import pytest

from .helpers import of_kind


def _subject(extract, text: str):
    (fact,) = of_kind(extract(text), "subject")
    return fact


def test_rap_sheet_header(extract) -> None:
    fact = _subject(extract, "NAME: DUARTE CHAVEZ, EDWIN DOB: 04/28/1990 SEX: M RACE: W POB: MEXICO\n"
                             "SID: FL37892867 FBI: 817201JK3 A-NUMBER: 094-000-245\n")
    assert fact.name == "DUARTE CHAVEZ, EDWIN"
    assert fact.date_of_birth.iso == "1990-04-28"
    assert {(i.scheme, i.value) for i in fact.identifiers} == {
        ("sid", "FL37892867"), ("fbi_number", "817201JK3"), ("a_number", "094-000-245")}
    for evidence in fact.evidence:
        assert evidence.quote in {"DUARTE CHAVEZ, EDWIN", "04/28/1990", "FL37892867", "817201JK3", "094-000-245"}


def test_court_caption_and_labelled_sid(extract) -> None:
    fact = _subject(extract, "THE PEOPLE OF THE STATE OF CALIFORNIA, Plaintiff, v. CRISTIAN IVANOV, Defendant.\n"
                             "Case No.: 08CR39341\nSID: A18125994\n")
    assert fact.name == "CRISTIAN IVANOV"
    assert [(i.scheme, i.value) for i in fact.identifiers] == [("sid", "A18125994")]  # not an A-number


def test_letter_re_line_with_a_number(extract) -> None:
    fact = _subject(extract, "RE: Carmen Portillo Salazar, A# A 096 755 619\n\nI have known her for years.\n")
    assert fact.name == "Carmen Portillo Salazar"
    assert [(i.scheme, i.value) for i in fact.identifiers] == [("a_number", "A 096 755 619")]


def test_unlabelled_a_number(extract) -> None:
    fact = _subject(extract, "The respondent (A012345678) appeared.")
    assert [(i.scheme, i.value) for i in fact.identifiers] == [("a_number", "A012345678")]


def test_press_release_defendant(extract) -> None:
    fact = _subject(extract, "Antonio Serrano-Perez, 39, of Tamaulipas, Mexico, was sentenced Oct. 18.")
    assert fact.name == "Antonio Serrano-Perez"


def test_no_subject_fact_without_identifiers(extract) -> None:
    assert of_kind(extract("He has worked at the bakery for ten years."), "subject") == []


@pytest.mark.parametrize(("text", "name"), [
    ("Petitioner Miguel Lopez-Arellano, a native and citizen of Mexico, entered in 1994.", "Miguel Lopez-Arellano"),
    ("This is an appeal. Petitioner, Carmen Miranda de Gonzalez (Gonzalez), appeals the denial.",
     "Carmen Miranda de Gonzalez"),
    ('Dario Castillo-González ("Castillo") petitions for review of an order.', "Dario Castillo-González"),
    ("Attorney Michael Simpson announced that Marco Gomez-Arguello, a 36-year-old national, pled guilty.",
     "Marco Gomez-Arguello"),
    ("ALBANY, NEW YORK - Fernando Hernandez-Cruz, age 36, pled guilty today.", "Fernando Hernandez-Cruz"),
    ("GREGORIO ANDERSON ROMERO, 45, of New Britain, pleaded guilty.", "GREGORIO ANDERSON ROMERO"),
    ("The judge has sentenced Miguel Vargas-Narez (44, Mexico) to 40 months.", "Miguel Vargas-Narez"),
    ("The judge sentenced Alexander Juarez-Sanchez, a/k/a Jose Manuel Flores, age 37, to prison.",
     "Alexander Juarez-Sanchez"),
    ("Appellant Juan A. Rocha-Roman pled guilty to illegal reentry of a deported alien.", "Juan A. Rocha-Roman"),
    ("Story.\nEdwin Alexander Cruz Canas was charged with aggravated homicide.", "Edwin Alexander Cruz Canas"),
    ("Story.\nEnmanuel Tejada Santos, of El Salvador, was allegedly involved in a murder.", "Enmanuel Tejada Santos"),
    ("A federal jury convicted Arturo Javier Garcia-Perez following two days of trial.", "Arturo Javier Garcia-Perez"),
    ("The Immigration Court found Jose F. Guerrero-Perez removable on two grounds.", "Jose F. Guerrero-Perez"),
    ("During processing Border Patrol agents identified the subject as 45-year-old Lauro Garcia-Perez from "
     "Guatemala.", "Lauro Garcia-Perez"),
    ("ERO arrested a 20-year-old national. Luis Balmore Borja-Bautista unlawfully entered the United States on "
     "May 17, 2017.", "Luis Balmore Borja-Bautista"),
    # a title-case headline is no introduction: the name in the body is
    ("Defendant Convicted After a Five-Day Trial\n\nThe judge sentenced Ana Ruiz-Soto, 37, to prison.",
     "Ana Ruiz-Soto"),
])
def test_subject_introduced_in_prose(extract, text: str, name: str) -> None:
    assert _subject(extract, text).name == name


def test_the_name_as_first_written_in_full(extract) -> None:
    text = ("No. 12-3111\n\nRuben Perales Avila, also known as Ruben Parales Avila\n\nPER CURIAM.\nRuben Avila "
            "appeals from the district court's order denying his motion to dismiss an indictment.")
    fact = _subject(extract, text)
    assert fact.name == "Ruben Perales Avila"
    assert fact.evidence[0].quote == "Ruben Perales Avila"
    # a fuller name written only after the one found is another's or a later mention: the first stays
    later = "Ruben Avila, 40, pleaded guilty. His brother Ruben Jose Avila testified."
    assert _subject(extract, later).name == "Ruben Avila"


def test_agency_acronym_is_no_short_name(extract) -> None:
    text = "Enforcement and Removal Operations (ERO) arrested a man. Jose Perez, 41, was removed."
    assert _subject(extract, text).name == "Jose Perez"


def test_subject_introduced_with_citizenship(extract) -> None:
    text = "The U.S. Attorney announced that Jose Luis Perez, a Honduran citizen of Tegucigalpa, pleaded guilty."
    assert _subject(extract, text).name == "Jose Luis Perez"


@pytest.mark.parametrize(("text", "iso"), [
    ("Carmen Portillo, a native and citizen of Honduras, was born in 1923.", "1923"),
    ("Petitioner Carmen Portillo was born in Mexico on November 1, 1945, the son of a citizen mother.", "1945-11-01"),
    ("Carmen Portillo appeals. He was born in Mexico in 1979 and came here when he was nine.", "1979"),
])
def test_date_of_birth_in_prose(extract, text: str, iso: str) -> None:
    assert _subject(extract, text).date_of_birth.iso == iso


@pytest.mark.parametrize("text", [
    "Carmen Portillo appeals. His daughter was born in 2005.",
    "Carmen Portillo appeals. He has four children, all born in the United States in the 1990s.",
])
def test_a_relatives_birth_is_no_date_of_birth(extract, text: str) -> None:
    assert all(f.date_of_birth is None for f in of_kind(extract(text), "subject"))


def test_against_in_a_charge_is_no_caption(extract) -> None:
    text = ("ERO Philadelphia removed Romeo Pop Sacui, a citizen of Guatemala, to Guatemala Oct. 22. Pop is wanted "
            "by authorities in Guatemala for child abuse, violence against women and abuse of power.")
    assert _subject(extract, text).name == "Romeo Pop Sacui"


def test_a_court_header_before_the_party_is_no_name(extract) -> None:
    text = "No. 91-4639 Summary Calendar. Michael Anthony ASHBY, Petitioner, v. IMMIGRATION AND NATURALIZATION SERVICE."
    assert _subject(extract, text).name == "Michael Anthony ASHBY"


def test_a_law_is_no_subject(extract) -> None:
    text = "He applied for a waiver under section 212(c) of the Immigration and Nationality Act, 8 U.S.C. § 1182(c)."
    assert of_kind(extract(text), "subject") == []


def test_a_possessive_is_not_part_of_the_name(extract) -> None:
    text = "Defendant Pedro Calderon-Pena’s seventy-month sentence for illegally reentering the United States."
    assert _subject(extract, text).name == "Pedro Calderon-Pena"


def test_a_decisions_title_names_its_subject(extract) -> None:
    text = ("Matter of Roberts\n\nDecision Date01 May 1991\nDocket NumberA-35959317.,Interim Decision Number 3148\n\n"
            "The respondent appeals.")
    subject = _subject(extract, text)
    assert subject.name == "Roberts"
    assert [(i.scheme, i.value) for i in subject.identifiers] == [("a_number", "A-35959317")]
    assert _subject(extract, "In the Matter of G\n\nA-10028465.\n\nThe respondent appeals.").name is None
    old_file = _subject(extract, "Matter of M---- P----\n\nDecision Date27 June 1962\nDocket NumberA-2467230.\n\n"
                                 "The respondent appeals.")
    assert [(i.scheme, i.value) for i in old_file.identifiers] == [("a_number", "A-2467230")]
    assert [(i.scheme, i.value) for i in _subject(extract, "In the Matter of V-I\n\nA-3328982\nDecided by Board "
                                                           "Member.").identifiers] == [("a_number", "A-3328982")]


@pytest.mark.parametrize(("text", "case"), [
    ("D.C. Docket No. 1:09-cr-00507-TCB-JFK-1\nUNITED STATES OF AMERICA, Plaintiff-Appellee, versus ANTONIO "
     "GONZALEZ-CRUZ, Defendant-Appellant.", "1:09-cr-00507-TCB-JFK-1"),
    ("Appeal from the United States District Court for the Western District of Louisiana USDC No. 2:08-CR-174-1. "
     "Fernando Aguillar-Guerrero appeals his sentence.", "2:08-CR-174-1"),
    ("No. 12-3089\n(D.Ct. No. 2:11-CR-20101-CM-1)\nAppellant Juan A. Rocha-Roman pled guilty to illegal reentry.",
     "2:11-CR-20101-CM-1"),
    ("Ricardo Cordova-Larios, 42, was convicted of illegal reentry. The case file number is 17-4033.", "17-4033"),
    ("UNITED STATES OF AMERICA v. JUAN HERNANDEZ-RAMIREZ\nNO. CR-03-1844 JP (D.N.M. May. 10, 2004)\nThe defendant "
     "moves to dismiss.", "CR-03-1844 JP"),
    ("UNITED STATES OF AMERICA v. JOSE MADERO-GIL\nCRIMINAL NUMBER H-18-594\nThe defendant pleaded guilty.",
     "H-18-594"),
    ("UNITED STATES of America v. Oneil KINGSTON, Defendant.\nNo. 96 Cr. 998(SS).\nThe defendant moves.",
     "96 Cr. 998(SS)"),
    ("United States v. Infante-Rivera\nCase No. 1:16 CR 7 RLW (ACL)\nUNITED STATES OF AMERICA, Plaintiff, v. PEDRO "
     "INFANTE-RIVERA, Defendant.", "1:16 CR 7 RLW (ACL)"),
    ("Opinion\n\nNo. 05 CR 708.\n\nThe defendant was charged with illegal reentry.", "05 CR 708"),
])
def test_a_criminal_case_number(extract, text: str, case: str) -> None:
    assert [(i.scheme, i.value) for i in _subject(extract, text).identifiers] == [("case", case)]


@pytest.mark.parametrize(("text", "name"), [
    ("Byron Paredes-Urrestarazu (\"Petitioner\") petitions this court for review.", "Byron Paredes-Urrestarazu"),
    ("Mexican national Javier Andres Rivera was sentenced to five years in federal prison.", "Javier Andres Rivera"),
    ("ERO removed a 55-year-old national on May 4.\n\nHerman Medina-Diaz was flown from Alexandria, Louisiana.",
     "Herman Medina-Diaz"),
    ("UNITED STATES OF AMERICA,\nPlaintiff-Appellee,\nNo. 10-2157\nv. (D.C. No. 2:09-CR-03612-JAP-1)\n(D. N.M.)\n"
     "SERGIO ROCHA-RODRIGUEZ,\nDefendant-Appellant.\nORDER AND JUDGMENT", "SERGIO ROCHA-RODRIGUEZ"),
    ("This matter comes before the Court on consideration of Defendant Hilda Gaona-Calderon's Motion for "
     "Reconsideration.", "Hilda Gaona-Calderon"),
    ("MARIO CABALLERO-ANAYA, a/k/a (D. Colo.)\nErnesto Martinez, a/k/a Ernesto Caballero,\nDefendant-Appellant.\n"
     "Mario Caballero-Anaya appeals his conviction.", "Mario Caballero-Anaya"),
    ("Officers from ERO Boston arrested 49-year-old Elmer Perez Aug. 15 in North Dartmouth.", "Elmer Perez"),
    ("Deportation officers removed Alejandro Piedras-Padilla from the United States to Mexico July 17.",
     "Alejandro Piedras-Padilla"),
])
def test_more_ways_to_introduce_the_subject(extract, text: str, name: str) -> None:
    assert _subject(extract, text).name == name


def test_an_appeals_number_is_no_criminal_case_number(extract) -> None:
    facts = extract("No. 08-31210\nFernando Aguillar-Guerrero appeals his sentence.")
    assert all(not s.identifiers for s in of_kind(facts, "subject"))


def test_a_short_title_before_the_caption_and_a_district_number(extract) -> None:
    text = ("U.S. v. Arellano-Torres\n\nPartiesUNITED STATES of America, Plaintiff-Appellee, v. Miguel Angel "
            "ARELLANO-TORRES, Defendant-Appellant.\n\nAppeal from the United States District Court for the District "
            "of Nevada. D.C. No. CR-01-00022-ECR.\n\nMiguel Arellano-Torres challenges his sentence.")
    subject = _subject(extract, text)
    assert (subject.name, [(i.scheme, i.value) for i in subject.identifiers]) == (
        "Miguel Angel ARELLANO-TORRES", [("case", "CR-01-00022-ECR")])


def test_a_full_name_whose_surname_recurs_names_a_release_subject(extract) -> None:
    text = ("ERO officers turned Arnulfo Silva-Gonzalez over to the authorities of his country.\n\n"
            "On March 15, 1999, the U.S. Border Patrol arrested Silva near Douglas, Arizona. Officers granted "
            "Silva voluntary return.\n\n\u201cThis removal matters,\u201d said Field Office Director John Tsoukaris.")
    assert _subject(extract, text).name == "Arnulfo Silva-Gonzalez"


@pytest.mark.parametrize("text", [
    # an official named once, a place and a gang whose last word recurs only inside the same name
    "Said Director John Tsoukaris. Tsoukaris thanked the officers.",
    "Sault Ste Marie, Mich. \u2013 Officers at the bridge in Sault Sainte Marie stopped a car. At Sault Sainte "
    "Marie the car was searched.",
    "He joined the Tren de Aragua. Members of Tren de Aragua and of the Tren de Aragua cell were arrested.",
])
def test_no_release_subject_from_a_name_that_does_not_recur_alone(extract, text: str) -> None:
    assert all(f.name is None for f in of_kind(extract(text), "subject"))


def test_a_petitioner_named_like_a_former_attorney_general(extract) -> None:
    text = ("Tanya Murphy Gonzales, Petitioner, v. Immigration and Naturalization Service, Respondent, 921 F.2d 236\n\n"
            "Gonzales was convicted of disturbing the peace.")
    assert _subject(extract, text).name == "Tanya Murphy Gonzales"
    text = "Jose Perez, Petitioner, v. Alberto R. Gonzales, Respondent.\n\nPerez was convicted of theft."
    assert _subject(extract, text).name == "Jose Perez"


def test_against_in_a_headline_is_no_caption(extract) -> None:
    text = ("ERO Boston arrests Chinese national charged with sex crimes against Massachusetts residents\n"
            "BOSTON \u2014 ERO Boston apprehended an unlawfully present 43-year-old Chinese national. Deportation "
            "officers arrested Yao Zhang July 5 in Medford.\nU.S. Border Patrol arrested Zhang Sept. 26, 2019.\n"
            "ERO Oakdale released Zhang Dec. 13, 2019, on an immigration bond.")
    facts = extract(text)
    assert _subject(extract, text).name == "Yao Zhang"
    assert [f.details for f in of_kind(facts, "community_tie") if f.tie_kind == "age"] == [{"age": 43}]


def test_a_decisions_title_with_its_interim_number(extract) -> None:
    text = "Matter of Przygocki, Interim Decision Number 2789\n\nDocket Number A-8241801\n\nThe respondent appeals."
    assert _subject(extract, text).name == "Przygocki"


def test_an_alias_also_known_as_is_no_party(extract) -> None:
    text = ("UNITED STATES of America, Appellee, v. Jesus TORRES-VILLALOBOS, also known as Javier Rios-Hernandez, "
            "also known as Javier Perez, Appellant.\n\nA jury convicted Jesus Torres-Villalobos of illegal reentry.")
    assert _subject(extract, text).name.lower() == "jesus torres-villalobos"
