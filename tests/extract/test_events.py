"""Immigration events and arrests in narratives."""

from __future__ import annotations

import pytest

from .helpers import affirmed


def _events(extract, text: str) -> list[tuple[str, str | None]]:
    return [(e.event_type, e.date.iso if e.date else None) for e in affirmed(extract(text), "event")]


@pytest.mark.parametrize(("text", "expected"), [
    ("SUBJECT stated that she last entered the United States back in 2011 at Dallas/Fort Worth International "
     "Airport as a nonimmigrant visitor.", [("entry", "2011")]),
    ("He crossed the border illegally near Sasabe, Arizona on 14 May 2012, avoiding inspection.",
     [("unlawful_entry", "2012-05-14")]),
    ("Jorge Castillo was deported to Mexico on 12/26/2016 through Mesa, Arizona.", [("removal", "2016-12-26")]),
    ("On or about January 5, 2014, ERO removed Subject to Colombia through Hidalgo, Texas.",
     [("removal", "2014-01-05")]),
    ("SINGH reentered the United States illegally near Del Rio, Texas in July 2013.", [("reentry", "2013-07")]),
    ("He came back into the United States illegally during 2014, near Santa Teresa, New Mexico.",
     [("reentry", "2014")]),
    ("She was apprehended by U.S. Border Patrol agents near Sasabe, Arizona on or about November 1, 2020 while "
     "attempting to enter the United States without inspection.", [("apprehension", "2020-11-01")]),
    # immigration officers' arrest is an apprehension (immigration custody); a police or warrant arrest is an arrest
    ("On May 19, 2022, ERO Fresno officers arrested SUBJECT at her residence.", [("apprehension", "2022-05-19")]),
    ("On May 19, 2022, deportation officers arrested SUBJECT on an outstanding criminal warrant.",
     [("arrest", "2022-05-19")]),
    ("In 2016, SUBJECT was booked by the ICE Enforcement and Removal Operations on a charge of reentry after removal.",
     [("arrest", "2016")]),
    ("On May 19, 2022, Fresno police officers arrested SUBJECT at her residence.", [("arrest", "2022-05-19")]),
    ("In 2015 Castro was arrested at the restaurant for being illegally present in the United States.",
     [("apprehension", "2015")]),
    ("On March 14, 2016, he was ultimately located and arrested in Liberty, Texas, by ERO Houston officers.",
     [("apprehension", "2016-03-14")]),
    ("He was arrested in Marietta, Georgia, March 9, 2015 by Homeland Security Investigations (HSI) special agents.",
     [("apprehension", "2015-03-09")]),
    ("He was taken into custody by the Homeland Security Investigations in or about 2021 for illegal reentry.",
     [("arrest", "2021")]),
    # a charge in a clause that modifies the date is not what the arrest was for
    ("Deportation officers arrested him on Jan. 5, 2020, when he was released from jail where he had been held "
     "for burglary.", [("apprehension", "2020-01-05")]),
    ("He was deported following a 1999 conviction for burglary.", [("removal", None)]),
    ("Garza illegally entered the United States for the third time on April 2, 2021, near Roma. U.S. Border "
     "Patrol apprehended him the same day.", [("reentry", "2021-04-02"), ("apprehension", "2021-04-02")]),
    ("A judge in Miami ordered Pop removed from the United States to Guatemala in absentia on May 24, 2019.", []),
    ("He was deported in 2001 following a 1999 conviction for burglary.", [("removal", "2001")]),
    # undated repeats are one occurrence; chained dates are one occurrence each
    ("ERO Boston apprehended SUBJECT. Deportation officers arrested the 41-year-old in Meriden.",
     [("apprehension", None)]),
    ("ERO Baltimore apprehended SUBJECT. U.S. Border Patrol apprehended him in Rio Grande Valley, Texas, as an "
     "unaccompanied child.", [("apprehension", None), ("apprehension", None)]),
    ("SUBJECT was previously removed from the U.S. in 2008 and again in 2011.",
     [("removal", "2008"), ("removal", "2011")]),
    ("He is charged with illegal reentry after being deported from the United States on three occasions: "
     "January 1996, September 2009, and May 2010.",
     [("removal", "1996-01"), ("removal", "2009-09"), ("removal", "2010-05")]),
    # a voluntary return from the country is a removal of its own, not the one the release tells
    ("ERO removed Silva to Guatemala. In 1999 the Border Patrol arrested Silva. USBP granted Silva voluntary return "
     "to Mexico.", [("removal", None), ("apprehension", "1999"), ("removal", None)]),
    ("He was immediately apprehended by the U.S. Border Patrol and voluntarily returned to Mexico.",
     [("apprehension", None), ("removal", None)]),
    # "reentering" is a reentry cue: a removal after it narrates it; in a charge it takes no date from the removal
    ("In August of 1992, he was again deported after illegally reentering.",
     [("removal", "1992-08"), ("reentry", None)]),
    ("He had been deported five times before illegally reentering the U.S. in March 2015.", [("reentry", "2015-03")]),
    ("In 1989, Straw was convicted of illegally re-entering the United States, served a 180-day sentence and was "
     "deported.", [("removal", "1989")]),
    # a description is no event; a date another clause governs is not the event's; a bound is no date
    ("A five-time deported felon was sentenced.", []),
    ("Previously Deported Illegal Alien Sentenced To 5+ Years For Illegal Reentry", []),
    ("He has previously been deported from the United States four times.", []),
    ("He has been removed six additional times since then.", []),
    # a count followed by its dated list narrates one removal per listed date; a range is a bound, no date
    ("Between 1999 and 2016, he was removed six additional times: three times in 2000, and once each in 2002, "
     "2004, and 2010.", [("removal", "2000"), ("removal", "2002"), ("removal", "2004"), ("removal", "2010")]),
    ("Between 2010 and 2012 he was arrested.", [("arrest", None)]),
    ("He served 27 months' imprisonment before being deported a fifth time in September 2023.",
     [("removal", "2023-09")]),
    # an undated prior removal is the one a later date tells; an undated headline removal is today's
    ("He admitted he had previously been deported from the United States. He was first deported in March 2008.",
     [("removal", "2008-03")]),
    ("ICE removes Mexican fugitive. He was previously removed in 2010.", [("removal", None), ("removal", "2010")]),
    ("He had previously been deported on three occasions: in September 1994, following a conviction in Arizona "
     "state court for aggravated assault; in June 2000, following a conviction in federal court for illegal "
     "reentry; and lastly, in September 2004.",
     [("removal", "1994-09"), ("removal", "2000-06"), ("removal", "2004-09")]),
    ("Wilson entered the United States without immigration inspection in early 1977 and joined the Marine Corps.",
     [("unlawful_entry", "1977")]),
    ("Garcia-Zarate has been removed from the United States six times, in June 1994, April 1997, January 1998, "
     "February 1998, March 2006 and July 2009.",
     [("removal", "1994-06"), ("removal", "1997-04"), ("removal", "1998-01"), ("removal", "1998-02"),
      ("removal", "2006-03"), ("removal", "2009-07")]),
    # an arrest noun with its owner and its own date is an arrest; a warrant for it or another verb's date is none
    ("He was held at the Essex County House of Corrections following his arrest and detention in December 2023.",
     [("arrest", "2023-12")]),
    ("He had a criminal history in Virginia, where his 2016 arrest led to convictions.", [("arrest", "2016")]),
    ("Prosecutors issued a warrant for his arrest for homicide in March 2015.", []),
    ("On March 27, 2015, ERO lodged a detainer with the police following his arrest on a warrant.", []),
    ("The Defendant again reentered the United States on September 7, 1989 as a conditional resident, based on his "
     "marriage.", [("entry", "1989-09-07")]),
    ("He entered this country for the first time in 1992, and the following year married Loreta Cruz, a United "
     "States citizen.", [("entry", "1992")]),
    ("Defendant did not appear at his immigration hearing, and the immigration judge ordered his deportation on "
     "November 7, 1995.", []),
    ("He was first removed from the country in 2011 and returned illegally three times.",
     [("removal", "2011"), ("reentry", None)]),
    ("The case returned to the court in 2012.", []),
    ("Luna-Madellaga was removed in December 1999. He returned yet again.",
     [("removal", "1999-12"), ("reentry", None)]),
    ("In January 1946 he was returned to the United States in Army custody.", [("reentry", "1946-01")]),
    # an extradition into the country is an entry; one to a state is none
    ("Medina-Diaz was extradited into the United States on June 22, 2016, to stand trial.", [("entry", "2016-06-22")]),
    ("Following his arrest, Cortez was extradited to Texas, where he was convicted.", []),
    # where 8 U.S.C. 1326 finds him: an apprehension
    ("After his removal in 2010, Caballero-Anaya was again found in the United States on December 2, 2014.",
     [("removal", "2010"), ("apprehension", "2014-12-02")]),
    ("He later illegally reentered the United States and was discovered by law enforcement officers in June 2015.",
     [("reentry", None), ("apprehension", "2015-06")]),
    ("He was found guilty of burglary. The drugs were found in his car.", []),
    # the charge's wording dates the offense, not an apprehension
    ("Cordova-Larios was removed to Guatemala on or about March 4, 2014. Cordova-Larios was found in the United "
     "States on or about April 10, 2017.", [("removal", "2014-03-04")]),
    ("Upon questioning, the driver and nine passengers admitted to being in the United States illegally.", []),
    ("He admitted to Immigration and Customs Enforcement agents that he had reentered the United States.",
     [("reentry", None)]),
    ("He has a long history of unlawfully entering and being removed from the United States.", []),
    ("He was first ordered removed by an immigration judge on March 5, 1999, and was physically removed six days "
     "later.", [("removal", "1999-03-11")]),
    ("SUBJECT was previously deported to Mexico in 2014.", [("removal", "2014")]),
    ("ERO officers previously removed Portillo-Morales from the U.S. in May 2011.", [("removal", "2011-05")]),
    ("The government confirmed the information Feb. 6, 2024, and ERO officers arrested SUBJECT.",
     [("apprehension", None)]),
    ("SUBJECT unlawfully entered the United States at an unknown location sometime prior to August 2001.",
     [("unlawful_entry", None)]),
    ("The agent determined the man had been previously deported from the United States on multiple occasions "
     "since 2013.", []),
    ("The operation focused on arresting unlawfully present drug offenders.", []),
    ("ERO New Orleans assisted the U.S. Marshals Service in apprehending a 19-year-old Honduran national on June 29.",
     [("apprehension", None)]),
    ("Deputies assisted the FBI in arresting Juan Perez in 2019.", [("arrest", "2019")]),
    # admissions; a date in the event verb's own clause before a nearer one of a conjoined verb
    ("Carmen was lawfully admitted to the United States as a permanent resident in 1977.", [("entry", "1977")]),
    ("Greene was adopted by citizen parents and admitted to this country in August 1977.", [("entry", "1977-08")]),
    ("He was born on January 25, 1979 and entered the United States on March 28, 1979.", [("entry", "1979-03-28")]),
    # a headline's removal; an unlawful entry marked far from its verb; arriving from the country is no entry
    ("ICE deports Mexican mass murder suspect captured in northern California", [("removal", None)]),
    ("The national entered the United States on an unknown date at an unknown location without being inspected.",
     [("unlawful_entry", None)]),
    ("The men assaulted a truck carrying goods that had arrived from the United States.", []),
    # a removal by immigration officers needs no destination; a removal noun with its owner and date is one
    ("A 32-year-old man wanted for homicide was removed Friday by officers with U.S. Immigration and Customs "
     "Enforcement (ICE) in Atlanta.", [("removal", None)]),
    ("He admitted he re-entered the country following his removal to Honduras on March 12, 2012.",
     [("reentry", None), ("removal", "2012-03-12")]),
    # a person's passive removal is a removal; being removed from a place or a role is not
    ("Five months later, he was removed in April of 2007.",
     [("removal", "2007-04")]),
    ("The juror was removed in April of 2007.", []),
    ("He was removed from the courtroom in April of 2007.", []),
    # a rearrest is an arrest, by border agents an apprehension; an agent may take a person "into custody"
    ("In 2006 he was rearrested by border agents in Texas.", [("apprehension", "2006")]),
    ("Police took the 41-year-old Smith into custody in 2012.", [("arrest", "2012")]),
    ("Border Patrol agents took him into custody on May 3, 2011.", [("apprehension", "2011-05-03")]),
    # a foreign arrest on the arrival is the removal's handover
    ("Moreno-Romero was immediately taken into custody by Colombian authorities upon his arrival in Bogota.", []),
    # a dated passive gerund removal; the Border Patrol's encounter is an apprehension, ICE's at a jail none
    ("After being removed in June 2000, Calderon-Pena was found in Texas.", [("removal", "2000-06")]),
    ("After being removed from office in 2001, he left.", []),
    ("Border Patrol encountered the Honduran national near Eagle Pass, Texas, in March 2022.",
     [("apprehension", "2022-03")]),
    ("He was encountered by ICE officers at Cook County Jail in November 2009.", []),
    # immigration officers as the subject of "removed", or the country as its "from" object, however far away
    ("U.S. Immigration and Customs Enforcement (ICE) Enforcement and Removal Operations (ERO) Houston, with "
     "assistance from ERO Mexico and the Security Alliance for Fugitive Enforcement (SAFE) Task Force, removed Cruz "
     "Aranda-Garcia, a 38-year-old unlawfully present Mexican national, from the U.S. in January 2023.",
     [("removal", "2023-01")]),
    # "took custody of"; a custody transfer is no event ("transferred ... into ICE custody"); a chain of dates "and
    # most recently on"
    ("ERO took custody of Montalvo-Coreno in June 2011 at the jail.", [("apprehension", "2011-06")]),
    ("Police took custody of the man in 2012.", [("arrest", "2012")]),
    ("The Texas Department of Criminal Justice transferred Garza into ICE custody Feb. 24, 2010.", []),
    ("He was transferred into ERO custody from the Bureau of Prisons.", []),
    ("He was also removed to Mexico in December 2017, September 2019, and most recently on July 14, 2021.",
     [("removal", "2017-12"), ("removal", "2019-09"), ("removal", "2021-07-14")]),
    # a conjoined verb's own date before the "and" is not the event's; a noun's infinitive is no event
    ("Reyes-Campos was born in Mexico in 1979 and came to the United States with his parents when he was nine.",
     [("entry", None)]),
    ("In 2010, he was arrested and deported.", [("apprehension", "2010"), ("removal", "2010")]),  # for removal
    ("A warrant was obtained, and on October 25, 2022 Cristian Ivanov was arrested.", [("arrest", "2022-10-25")]),
    ("These records also showed that Delgado-Hernandez never sought nor received permission from the United "
     "States Attorney General or DHS to reenter the United States.", []),
    ("He received permission from the Attorney General to reenter the United States.", []),
    # fleeing to the country is entering it; fleeing from someone is no event
    ("Two months later, Sikorski fled to the United States in August 2002, entering on a visitor's visa.",
     [("entry", "2002-08")]),
    ("On November 18, 2021, Vargas fled from deputies in a stolen vehicle.", []),
    # an admission at a named port dates an entry; an order that directs a deportation is no removal
    ("The respondent has resided in the United States since his admission at San Ysidro, California, on June 15, "
     "1956.", [("entry", "1956-06-15")]),
    ("He made an admission at the hearing on May 2, 2001.", []),
    ("The officer entered an order on April 21, 1960, directing that the respondent be deported.", []),
    # immigration agents who find him, or a finding inside the country, take him into custody (not at a jail)
    ('On May 2, 1996, agents of the United States Immigration and Naturalization Service ("INS") found defendant in '
     "Arlington County, Virginia.", [("apprehension", "1996-05-02")]),
    ("In February 2007, Straw was discovered inside the United States while on probation.",
     [("apprehension", "2007-02")]),
    ("During routine jail checks ICE agents discovered him in Hidalgo County and lodged a detainer.", []),
    ("Police found drugs in his car on May 3, 2001.", []),
    # a parole into the country is an entry
    ("On March 1, 2010, U.S. Customs and Border Protection paroled Arriola into the United States through El Paso.",
     [("entry", "2010-03-01")]),
    # a count of more removals with their years
    ("He was removed to Honduras June 30, 2011, and subsequently four more times in 2014, 2016, 2017 and 2019.",
     [("removal", "2011-06-30"), ("removal", "2014"), ("removal", "2016"), ("removal", "2017"), ("removal", "2019")]),
    # a BIA decision's admission for permanent residence at a port
    ("The respondent was admitted for permanent residence at the port of Boston, Massachusetts, on April 26, 1957.",
     [("entry", "1957-04-26")]),
    # the reentry statute's words for a past removal: no arrest of its own
    ("He is charged with illegal reentry after having been previously arrested and deported from the United States "
     "on June 4, 2011.", [("removal", "2011-06-04")]),
    # admissions, brought and extradited into the country, a gained entry; what else is entered is no entry
    ("Respondent, admitted to the United States for permanent residence in 1916, was convicted in 1939.",
     [("entry", "1916")]),
    ("He has resided here since his lawful admission for permanent residence at El Paso, Texas, on April 1, 1925.",
     [("entry", "1925-04-01")]),
    ("He was brought to this country in 1916.", [("entry", "1916")]),
    ("The evidence was brought to the court in 2010.", []),
    ("He was subsequently extradited to the United States from Mexico in 2006 to face drug charges.",
     [("entry", "2006")]),
    ("In 1925 he gained entry to the United States upon presentation of a nonquota immigration visa.",
     [("entry", "1925")]),
    ("On March 25, 1941, the respondent entered the Armed Forces of the United States.", []),
    ("He appeals from a judgment of conviction entered in the United States District Court in 2012.", []),
    # a dated gerund narrates an entry; entering again is a reentry; entering without legal status is unlawful
    ("After entering the United States in 1981 and leaving that same year, he applied for residence.",
     [("entry", "1981")]),
    ("Shortly thereafter, he again illegally entered the United States.", [("reentry", None)]),
    ("Sometime before December 11, 2014, Madero entered into the United States without obtaining legal status.",
     [("unlawful_entry", None)]),
    # a date before the cue in a phrase of its own verb is its date, though another cue stands between them
    ("On February 27, 1995, after entering the United States illegally, he was deported a further time.",
     [("removal", "1995-02-27")]),
    # the police as the arrest's own agent make a criminal arrest; BEST is ICE's task force; a group's participle
    ("ERO Boston arrested a citizen of Ecuador recently arrested and charged by Massachusetts State Police.",
     [("apprehension", None), ("arrest", None)]),
    ("When apprehended by a police K-9 unit on November 18, 2021, Vargas had a loaded pistol.",
     [("arrest", "2021-11-18")]),
    ("Border Enforcement Security Task Force (BEST) members arrested Quintana-Aguilera on May 14, 2013.",
     [("apprehension", "2013-05-14")]),
    ("All persons apprehended by the U.S. Border Patrol undergo criminal history checks.", []),
    # a count of removals from the country or returns to another is no narrated event; a "five-time" description
    ("In the two decades since his initial entrance, Defendant was removed from the country three times.", []),
    ("The Mexican citizen had previously been returned to Mexico on eight separate occasions.", []),
    ("DALLAS — A five-time deported illegal alien from Mexico with an extensive criminal history was sentenced "
     "Friday.", []),
    # a subordinate event verb's date, a date across a semicolon and "as early as" are not the event's date
    ("At some point after he was deported in 2009, Defendant returned to the United States.",
     [("removal", "2009"), ("reentry", None)]),
    ("The indictment charged that he was deported on July 20, 1950; that he reentered the United States.",
     [("removal", "1950-07-20"), ("reentry", None)]),
    ("Defendant returned to the United States without permission at least as early as June 1991.",
     [("reentry", None)]),
    ("He returned to the United States at an unknown date and time in 1981.", [("reentry", None)]),
    ("The evidence proved he re-entered (likely in March 2014) the United States without permission.",
     [("reentry", None)]),
    ("He was first removed to Mexico in October 1998, then he illegally re-entered the United States at least five "
     "times over the years.", [("removal", "1998-10"), ("reentry", None)]),
    # an undated removal told in an "after" clause is the one the text dates later
    ("He returned to the United States without permission after he was removed following a conviction. He had "
     "been removed to Mexico in July 2003.", [("reentry", None), ("removal", "2003-07")]),
    # a relative's immigration history is no labelled event; a relative's arrest is
    ("Reyes-Campos came to the United States with his parents. His parents came to this country looking for work.",
     [("entry", None)]),
    # a dated entry after a dated removal is a reentry; an extradition stays an entry
    ("He was deported on April 23, 1971. On November 22, 1971, he was admitted to the United States as a lawful "
     "permanent resident.", [("removal", "1971-04-23"), ("reentry", "1971-11-22")]),
    ("He was removed to Mexico in 2003. He was later extradited to the United States from Mexico in 2006.",
     [("removal", "2003"), ("entry", "2006")]),
    # an owned arrest noun with its charge or its police narrates an arrest, dated or not
    ("ERO issued a detainer following his arrest for unlicensed operation of a vehicle by the Springfield Police "
     "Department.", [("arrest", None)]),
    ("He was released on bond after his arrest.", []),
    # taken into a named custody: ERO's is an apprehension, the Marshals' an arrest
    ("He was taken into ERO custody without incident Jan. 3, 2019 upon completing his prison sentence.",
     [("apprehension", "2019-01-03")]),
    ("He was taken into U.S. Marshals Service custody in 2015.", [("arrest", "2015")]),
    # detained by the police is an arrest, after attempting to enter an apprehension, at a jail none
    ("On May 9, 1998, defendant was detained in New York after unsuccessfully attempting to enter the United States.",
     [("apprehension", "1998-05-09")]),
    ("Ramirez was detained by Mississippi police officers during a traffic stop.", [("arrest", None)]),
    ("He was detained at the Bridgeport Correctional Center in 2010.", []),
    # caught is an arrest cue; caught and deported, an apprehension for removal
    ("In 1998 she returned to the United States without permission and was eventually caught and deported by "
     "Immigration and Customs Enforcement in 2003.",
     [("reentry", "1998"), ("apprehension", "2003"), ("removal", "2003")]),
    # an entry the apprehension's sentence tells as done before it is an event of its own, dated in its own clause
    ("U.S. Border Patrol apprehended Argueta May 21, 2019, after he unlawfully entered the United States near El "
     "Paso, Texas.", [("apprehension", "2019-05-21"), ("unlawful_entry", None)]),
])
def test_events(extract, text: str, expected: list) -> None:
    assert _events(extract, text) == expected


def test_place_is_kept(extract) -> None:
    (event,) = affirmed(extract("He was deported to Guatemala in 2012 through Laredo, Texas."), "event")
    assert event.place == "Guatemala"


@pytest.mark.parametrize("text", [
    "She has never been arrested in the United States.",
    "If he were deported, his family would suffer.",
    "He reentered the country after her removal.",  # the removal is a mention, not a new event
    "Subject was convicted of reentry after removal.",  # a charge, not events
    "A search incident to arrest revealed nothing.",
])
def test_no_affirmed_event(extract, text: str) -> None:
    assert [e.event_type for e in affirmed(extract(text), "event")
            if e.event_type != "reentry" or "reentered" not in text] == []


def test_a_co_defendants_arrest(extract) -> None:
    text = ("On October 3, 2016, he was located and arrested for trespassing.\n\n"
            "A second suspect, later identified as Minh Baptiste, was also detained and was arrested for trespassing.")
    events = affirmed(extract(text), "event")
    assert [(e.about.who, e.about.relation, e.date.iso) for e in events] == [
        ("subject", None, "2016-10-03"), ("other", "co_defendant", "2016-10-03")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The indictment revealed that he re-entered the U.S. after being deported on October 28, 2013.",
     [("reentry", None), ("removal", "2013-10-28")]),
    ("He was arrested and deported in 2019.", [("apprehension", "2019"), ("removal", "2019")]),
    # a gerund that narrates a dated reentry, and is no charge here, is the event
    ("Soto had been deported five times before illegally re-entering the U.S. in March 2015.",
     [("reentry", "2015-03")]),
    # a charge's words stay the charge
    ("He has a previous felony conviction for illegally re-entering the U.S. after being deported.", []),
    # dates joined by a bare "and" are two occurrences
    ("Soto was twice deported from the U.S. in 2008 and 2012.", [("removal", "2008"), ("removal", "2012")]),
    ("Soto was arrested in 2008 and convicted in 2012.", [("arrest", "2008")]),
    # a later conjunct verb with its own auxiliary has its own date
    ("He reentered the country illegally, and was deported in January 1996.",
     [("reentry", None), ("removal", "1996-01")]),
    ("He reentered illegally again and was convicted of assault in July 1996.", [("reentry", None)]),
    # listed years, the last of a count, a passive return to a country
    ("He was deported to Guatemala in 2008, 2011 and 2014.",
     [("removal", "2008"), ("removal", "2011"), ("removal", "2014")]),
    ("He has been removed from the United States three times, most recently in 2014.", [("removal", "2014")]),
    ("He was returned to Mexico on Sept. 9, 2009.", [("removal", "2009-09-09")]),
    ("He posted bail and was returned to the Chelsea District Court.", []),
    # the act in general is no event
    ("Soto was deported in December 2012. Illegally re-entering the United States after having been previously "
     "deported is a felony.", [("removal", "2012-12")]),
])
def test_release_events(extract, text: str, expected: list) -> None:
    assert _events(extract, text) == expected


@pytest.mark.parametrize("text", [
    "ICE lodges detainers on individuals who have been arrested on local criminal charges.",
    "ICE lodges detainers on individuals, such as Rodriguez-Rodriguez, who have been arrested on local charges.",
    "Previously released on bond, SUBJECT was taken into custody following the verdict today.",
])
def test_no_event_of_a_group_or_a_remand(extract, text: str) -> None:
    assert [e.event_type for e in affirmed(extract(text), "event")] == []


def test_a_headline_role_noun_is_the_subject(extract) -> None:
    facts = extract("Felon deported following prison term\n\nMarcos Mejia-Rosales, 30, was repatriated to Honduras.")
    assert {(e.event_type, e.about.who) for e in affirmed(facts, "event")} == {("removal", "subject")}


def test_a_participle_date_of_the_object_is_not_the_arrests(extract) -> None:
    text = "Officers with ERO Baltimore arrested an unlawfully present 30-year-old man convicted in 2013 of robbery."
    assert _events(extract, text) == [("apprehension", None)]


def test_a_clause_after_which_is_not_dated_by_the_sentence(extract) -> None:
    text = "In 1993, Straw was convicted of illegal reentry and given a 46-month sentence, after which he was deported."
    assert _events(extract, text) == [("removal", None)]


def test_an_undated_repeat_is_one_more_occurrence(extract) -> None:
    text = ("Straw was deported to Jamaica in 1986. He was deported again in 1989. He returned and was convicted, "
            "after which he was deported a third time.")
    assert sorted(_events(extract, text), key=str) == [("removal", "1986"), ("removal", "1989"), ("removal", None)]


def test_a_date_after_by_is_a_bound(extract) -> None:
    text = "By November 1995, Garcia had moved to Alaska where he was arrested in a drug sting."
    assert _events(extract, text) == [("arrest", None)]


def test_detained_for_a_charge_is_an_arrest_not_dated_by_the_release(extract) -> None:
    text = "Luis Villegas, 31, was released from local custody Dec. 31, 2016, after being detained for DWI."
    assert _events(extract, text) == [("arrest", None)]
    assert _events(extract, "In 2015 he was detained for DWI in Queens.") == [("arrest", "2015")]


def test_a_co_defendant_arrested_with_the_subject_has_an_arrest_of_their_own(extract) -> None:
    facts = extract("RE: Ana Ruiz-Soto\n\nOn August 5, 2020, Ruiz-Soto and a co-conspirator were arrested near "
                    "Hagerstown, Maryland, by officers of the Maryland State Police.")
    arrests = [(e.about.who, e.about.relation, e.date.iso) for e in affirmed(facts, "event")]
    assert arrests == [("subject", None, "2020-08-05"), ("other", "co_defendant", "2020-08-05")]
    facts = extract("Border Patrol agents arrested a previously deported felon and his child.")
    assert [e.about.who for e in affirmed(facts, "event")] == ["subject"]


def test_a_relatives_arrest_is_kept(extract) -> None:
    facts = extract("RE: Tuan Quintanilla\n\nHis cousin was arrested in 2015 for burglary.")
    assert [(e.event_type, e.about.who, e.about.relation) for e in affirmed(facts, "event")] == [
        ("arrest", "other", "cousin")]
